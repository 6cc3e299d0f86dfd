// Builds and incrementally updates a furet index from article files.
#ifndef FURET_INDEXER_INDEX_WRITER_H_
#define FURET_INDEXER_INDEX_WRITER_H_

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "furet/export.h"
#include "furet/indexer/update_report.h"

namespace furet {

/// Progress of a run, reported after each file.
struct IndexProgress {
  std::size_t files_done = 0;
  std::size_t files_total = 0;
  std::size_t bytes_done = 0;
  std::size_t bytes_total = 0;
};

/// Options of one IndexWriter::update() run.
struct UpdateOptions {
  /// Start from an empty index instead of updating (default: update).
  bool rebuild = false;
  /// Called after each file; may be empty (default).
  std::function<void(const IndexProgress&)> on_progress;
  /// Files to leave as they are in the index this time (absolute, canonical
  /// paths): files still being written, which a later update will read whole.
  std::set<std::string> defer;
  /// Threads for a first build or a rebuild: 0 for one per core (default), 1 for
  /// a single thread in one transaction. Updates of an existing index use one.
  std::size_t threads = 0;
  /// Also read links to files outside the given paths (default: such a link
  /// is skipped and named in the report, so that a link planted in a folder
  /// cannot make any file readable through the index).
  bool follow_links = false;
};

/// The one writer of an index. Opening it takes the index's write lock, which it
/// holds until destroyed; readers (furet::Searcher) are never blocked.
///
/// An update reads the given files and directories (.txt, .md, .markdown, .html,
/// .htm; directories recursively), compares them with the index's manifest, and
/// applies everything as ONE atomic commit (one per shard): new files are added,
/// changed files replaced, files gone from folders that were read completely
/// removed, unchanged files (same size and modification time) skipped without
/// being read. After a crash the index is exactly as it was at its last commit.
/// A first build or a rebuild writes a new generation of the index (on
/// UpdateOptions::threads threads) and publishes it in one rename: readers see
/// the old index or the new one. docs/architecture.md, "What furet writes and
/// reads", lists what it reads and writes.
///
/// Example:
///   furet::IndexWriter writer(".furet");
///   furet::UpdateReport report = writer.update({"corpus"});
///
/// Thread-safety: one thread at a time.
class FURET_EXPORT IndexWriter {
 public:
  /// Opens the index folder `dir`, creating it if needed. `shards` > 1 makes a
  /// new or rebuilt index sharded: articles spread over that many databases by a
  /// stable hash of their path, searched as one through `dir`; 0 keeps an
  /// existing index's layout. Throws InvalidArgument if `dir` holds files that
  /// furet did not make (nothing is then written there), IndexLocked if another
  /// process is updating it, IoError if it cannot be written (read-only,
  /// permissions).
  explicit IndexWriter(const std::string& dir, std::size_t shards = 0);
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  /// Number of databases the index is made of (1 unless sharded).
  std::size_t shard_count() const;

  /// Brings the index in line with `paths` and commits. Bad files are skipped and
  /// named in the report; the run goes on. Throws IoError if the index cannot be
  /// written or is damaged (nothing of this run is then committed; a rebuild
  /// mends any damage), IncompatibleIndex if it was made by another schema or
  /// analysis (only a rebuild writes it), InvalidArgument if the constructor's
  /// `shards` contradicts an index that is not being rebuilt.
  UpdateReport update(const std::vector<std::string>& paths, const UpdateOptions& options = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace furet

#endif  // FURET_INDEXER_INDEX_WRITER_H_
