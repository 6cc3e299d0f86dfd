// A first build or a rebuild of one database, on several threads.
#ifndef FURET_INDEXER_SRC_STORE_FRESH_BUILD_H_
#define FURET_INDEXER_SRC_STORE_FRESH_BUILD_H_

#include <cstdint>
#include <exception>
#include <functional>
#include <vector>

#include "files/file_walk.h"
#include "furet/analysis/analyzer.h"
#include "furet/indexer/update_report.h"
#include "store/article_indexer.h"

namespace furet::detail {

/// A run of consecutive files of a first build, written by one thread into its
/// own scratch database, and what writing it did.
struct FileRun {
  std::vector<const FoundFile*> files;
  std::vector<const FoundFile*> written;  ///< the files that held an article
  UpdateReport report;                    ///< skipped files, warnings, passages, bytes
  std::exception_ptr error;
};

/// Writes a new database at `target` (which must not exist) holding `files`,
/// on `threads` threads: each writes runs of consecutive files into its own
/// scratch database under `scratch` (without a transaction or fsync);
/// Xapian's compaction joins them in order, so documents get the ids a single
/// writer gives them, and writes `target` durably. `scratch` is removed.
/// `done` is called after each file, from any thread, one call at a time.
/// Throws Xapian::Error or std::filesystem::filesystem_error; the caller
/// discards the half-written generation.
std::vector<FileRun> build_fresh_database(const std::string& target, const std::string& scratch,
                                          const std::vector<const FoundFile*>& files,
                                          const Analyzer& analyzer, std::size_t threads,
                                          const std::function<void(std::uint64_t)>& done);

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_STORE_FRESH_BUILD_H_
