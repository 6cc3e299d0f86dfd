// Finding the article files of a run, with what the manifest compares.
#ifndef FURET_INDEXER_SRC_FILE_WALK_H_
#define FURET_INDEXER_SRC_FILE_WALK_H_

#include <cstdint>
#include <string>
#include <vector>

#include "furet/indexer/update_report.h"

namespace furet::detail {

/// A file found by the walk.
struct FoundFile {
  std::string path;    ///< as reached from the arguments
  std::string source;  ///< absolute and canonical: the identity across runs
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
};

/// The article files under `roots` (files or directories, walked recursively
/// without following directory links), sorted by path, each once. Hidden
/// entries and README files are passed over; what cannot be read, files over
/// 32 MiB, and named files of another type go to `report.skipped`.
std::vector<FoundFile> find_article_files(const std::vector<std::string>& roots,
                                          UpdateReport& report);

/// The absolute, canonical form of `path`, as FoundFile::source.
std::string source_of(const std::string& path);

/// True if `source` is `root` or lies under it.
bool is_within(const std::string& source, const std::string& root);

/// The bytes of a file. Throws SkipReason if it cannot be read.
std::string read_article_bytes(const std::string& path);

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_FILE_WALK_H_
