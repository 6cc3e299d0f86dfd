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
  /// Called after each file; may be empty (default). A first build or a
  /// rebuild on several threads calls it from those threads, one call at a
  /// time. What it throws ends the run, as an error of the run would.
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
/// Thread-safety: an IndexWriter is used by one thread at a time. The write
/// lock is per process and folder: a second IndexWriter on the same folder,
/// in this process or another, fails with IndexLocked while the first lives.
/// Searchers may read the index meanwhile, from any thread or process.
/// Errors: every exception it throws derives from furet::Error, std::bad_alloc
/// and what an UpdateOptions callback throws aside.
class FURET_EXPORT IndexWriter {
 public:
  /// Opens the index folder `dir`, creating it if needed. `shards` > 1 makes a
  /// new or rebuilt index sharded: articles spread over that many databases by a
  /// stable hash of their path, searched as one through `dir`; 0 keeps an
  /// existing index's layout.
  /// @throws InvalidArgument if `dir` is a file, or holds files that furet did
  ///         not make (nothing is then written there).
  /// @throws IndexLocked if another IndexWriter holds the index.
  /// @throws IoError if it cannot be created or written (read-only,
  ///         permissions, a link to nowhere).
  explicit IndexWriter(const std::string& dir, std::size_t shards = 0);
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  /// Number of databases the index is made of (1 unless sharded). Never throws.
  std::size_t shard_count() const;

  /// Brings the index in line with `paths` and commits. Bad files are skipped and
  /// named in the report; the run goes on. On an exception nothing of this run
  /// is committed, but for the shards of a sharded index that committed before
  /// the failure (the message says how many; the next update finishes).
  /// @throws IoError if the index cannot be written or is damaged (a rebuild
  ///         mends any damage), or a rebuild could not read every file the
  ///         index holds.
  /// @throws IncompatibleIndex if it was made by another schema or analysis,
  ///         or by an older furet's layout (only a rebuild writes it).
  /// @throws InvalidArgument if the constructor's `shards` contradicts an
  ///         index that is not being rebuilt.
  /// @throws IndexLocked if a program other than furet holds a database's
  ///         Xapian lock for more than some seconds.
  UpdateReport update(const std::vector<std::string>& paths, const UpdateOptions& options = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace furet

#endif  // FURET_INDEXER_INDEX_WRITER_H_
