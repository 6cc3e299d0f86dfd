// A first build or a rebuild of one database, on several threads.
#ifndef FURET_INDEXER_SRC_FRESH_BUILD_H_
#define FURET_INDEXER_SRC_FRESH_BUILD_H_

#include <cstdint>
#include <exception>
#include <functional>
#include <vector>

#include "article_indexer.h"
#include "file_walk.h"
#include "furet/analysis/analyzer.h"
#include "furet/indexer/update_report.h"

namespace furet::detail {

/// A run of consecutive files of a first build, written by one thread into its
/// own scratch database, and what writing it did.
struct FileRun {
  std::vector<const FoundFile*> files;
  std::vector<const FoundFile*> written;  ///< the files that held an article
  UpdateReport report;                    ///< skipped files, warnings, passages, bytes
  std::exception_ptr error;
};

/// Replaces the content of `shard` with `files`, on `threads` threads: each
/// writes runs of consecutive files into its own scratch database (beside
/// shard.dir, without a transaction or fsync); Xapian's compaction joins them in
/// order, so documents get the ids a single writer gives them; the result
/// takes shard.dir's place in one rename, and shard.db is reopened on it.
/// `done` is called after each file, from any thread, one call at a time.
/// A crash before the rename leaves the shard as it was; its scratch goes at
/// the next build. Throws Xapian::Error or std::filesystem::filesystem_error.
std::vector<FileRun> build_fresh_shard(Shard& shard, const std::vector<const FoundFile*>& files,
                                       const Analyzer& analyzer, std::size_t threads,
                                       const std::function<void(std::uint64_t)>& done);

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_FRESH_BUILD_H_
