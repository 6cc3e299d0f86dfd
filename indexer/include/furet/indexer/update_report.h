// What one indexing run did, file by file.
#ifndef FURET_INDEXER_UPDATE_REPORT_H_
#define FURET_INDEXER_UPDATE_REPORT_H_

#include <cstddef>
#include <string>
#include <vector>

namespace furet {

/// A file the run could not index, and why ("empty file", "binary file", ...).
struct SkippedFile {
  std::string path;
  std::string reason;
};

/// The outcome of IndexWriter::update(). Paths are as the run reached them.
struct UpdateReport {
  std::vector<std::string> added;      ///< new articles
  std::vector<std::string> updated;    ///< articles whose content changed
  std::vector<std::string> removed;    ///< articles whose file is gone
  std::size_t unchanged = 0;           ///< articles left as they were, not re-read
  std::vector<SkippedFile> skipped;    ///< files not indexed (see reason)
  std::vector<std::string> warnings;   ///< indexed, but with a caveat naming the file
  std::size_t passages_written = 0;    ///< passages added in this run
  std::size_t bytes_read = 0;          ///< bytes of the files that were read

  /// True if the index was changed and committed.
  bool changed() const { return !added.empty() || !updated.empty() || !removed.empty(); }
};

}  // namespace furet

#endif  // FURET_INDEXER_UPDATE_REPORT_H_
