// Keeping an index current as articles arrive: inotify, debounced updates.
#ifndef FURET_INDEXER_WATCH_H_
#define FURET_INDEXER_WATCH_H_

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "furet/export.h"
#include "furet/indexer/index_writer.h"

namespace furet {

/// How watch() batches changes.
struct WatchOptions {
  /// How each update runs (rebuild applies to the first one only; defer is
  /// set by watch() itself).
  UpdateOptions update;
  /// An update starts once no change has been seen for this long (default 300 ms)...
  std::chrono::milliseconds quiet{300};
  /// ...or once the first change waiting is this old, if changes keep coming (default 1 s).
  std::chrono::milliseconds max_wait{1000};
  /// Called after each update, the first one included; may be empty.
  std::function<void(const UpdateReport&)> on_update;
  /// Polled several times a second; watch() returns once it says true, after
  /// the update under way, if any, has committed. Empty: never stop.
  std::function<bool()> should_stop;
};

/// Brings the index in line with `paths` (as IndexWriter::update does), then
/// keeps it so: files created, changed, moved or deleted under `paths` are
/// noticed with inotify and committed in batches, each atomically. A file
/// still open for writing is left for a later batch, so a file written in
/// pieces is indexed once, whole (a link, hard or symbolic, is complete when
/// made); editor temporary files (hidden, or with another extension) are
/// passed over; new directories are watched too.
/// Runs on the calling thread until should_stop says true, calling
/// on_update and should_stop there; no other thread may use `writer` meanwhile.
/// @throws IoError if inotify is unavailable.
/// @throws what IndexWriter::update() throws, for any update; and what a
///         callback of `options` throws. Updates committed before stay.
FURET_EXPORT void watch(IndexWriter& writer, const std::vector<std::string>& paths,
                        const WatchOptions& options);

}  // namespace furet

#endif  // FURET_INDEXER_WATCH_H_
