// What one indexing run did, file by file.
#ifndef FURET_INDEXER_UPDATE_REPORT_H_
#define FURET_INDEXER_UPDATE_REPORT_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace furet {

/// A file the run has something to say about: why it was skipped ("empty
/// file", "binary file, not text"), or a caveat ("decoded from windows-1252").
struct FileNote {
  std::string path;
  std::string reason;
  /// Not read this time for a reason that says nothing of the file (too many
  /// open files, an I/O error, replaced while read): the index keeps what it
  /// held of it.
  bool kept = false;
};

/// The outcome of IndexWriter::update(). Paths are as the run reached them.
struct UpdateReport {
  std::vector<std::string> added;  ///< new articles
  /// Articles whose content changed, or whose site's template did (the lines
  /// its articles repeat, learnt by the index): those are read again.
  std::vector<std::string> updated;
  std::vector<std::string> removed;  ///< articles whose file is gone
  std::size_t unchanged = 0;         ///< articles left as they were, not re-read
  std::vector<FileNote> skipped;     ///< files not indexed, and why
  std::vector<FileNote> warnings;    ///< files indexed, with a caveat
  /// Files in the folders walked that are not articles (.pdf, .json, .xhtml…),
  /// passed over unread: how many of each extension ("" for none).
  std::map<std::string, std::size_t> other_files;
  std::size_t passages_written = 0;  ///< passages added in this run
  std::size_t bytes_read = 0;        ///< bytes of the files that were read
  double seconds = 0;                ///< how long the update took, commit included

  /// True if the index was changed and committed.
  bool changed() const { return !added.empty() || !updated.empty() || !removed.empty(); }
};

}  // namespace furet

#endif  // FURET_INDEXER_UPDATE_REPORT_H_
