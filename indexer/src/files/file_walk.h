// Finding the article files of a run, and reading them safely.
#ifndef FURET_INDEXER_SRC_FILES_FILE_WALK_H_
#define FURET_INDEXER_SRC_FILES_FILE_WALK_H_

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "furet/indexer/update_report.h"

namespace furet::detail {

/// A file found by the walk.
struct FoundFile {
  std::string path;    ///< as reached from the arguments
  std::string source;  ///< absolute and canonical: the identity across runs
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::uint64_t device = 0;  ///< the file the walk saw, which reading checks
  std::uint64_t inode = 0;
  /// The root (canonical) that holds the file read through `path`; empty when
  /// links may lead anywhere (WalkOptions::follow_links).
  std::string within;
};

/// How a walk treats links to files whose target lies outside its roots.
struct WalkOptions {
  bool follow_links = false;  ///< read them (default: skipped, with a warning)
};

/// What a walk found.
struct WalkResult {
  std::vector<FoundFile> files;  ///< sorted by path, each file once
  /// Canonical folders (or roots) that could not be read completely: the
  /// files under them may exist unseen, so nothing there counts as deleted.
  std::vector<std::string> unread;
};

/// The article files under `roots` (files or folders, walked recursively
/// without following links to folders). Only regular files are kept: hidden
/// entries and README files are passed over; a link to a file outside the
/// roots, a FIFO, a device, a file over 32 MiB, or one that cannot be read
/// goes to `report.skipped`; a folder that cannot be read completely (gone,
/// no permission, too many open files) to `report.warnings` and
/// WalkResult::unread. One folder descriptor is open at a time.
WalkResult find_article_files(const std::vector<std::string>& roots, const WalkOptions& options,
                              UpdateReport& report);

/// One folder met by walk_folders().
struct FolderListing {
  std::string path;       ///< as reached from the root
  std::string canonical;  ///< absolute, canonical
  int fd = -1;            ///< the folder, open while the visitor runs (for fstatat)
  /// Its entries (name, dirent type), sorted; hidden entries and README
  /// files left out, as the indexer leaves them out.
  std::vector<std::pair<std::string, unsigned char>> entries;
  int error = 0;  ///< errno when the folder could not be read completely
};

/// Calls `visit` for the folder `path` (canonical form `canonical`) and every
/// folder under it, parents first, without following links to folders.
void walk_folders(const std::string& path, const std::string& canonical,
                  const std::function<void(const FolderListing&)>& visit);

/// True for the names every walk passes over: hidden entries (the index
/// itself, VCS folders, editor swap files) and README files, which document a
/// corpus rather than belong to it.
bool is_passed_over(const std::string& name);

/// The absolute, canonical form of `path`, as FoundFile::source.
std::string source_of(const std::string& path);

/// True if `source` is `root` or lies under it.
bool is_within(const std::string& source, const std::string& root);

/// The bytes of `file`, checking what was opened rather than what the walk
/// saw: only a regular file (a link is not followed out of FoundFile::within,
/// even if swapped in since the walk), opened without blocking, at most
/// 32 MiB read whatever the file claims. Updates the file's size and time if
/// it changed since the walk. Throws SkipReason if it cannot be read.
std::string read_article_bytes(FoundFile& file);

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_FILES_FILE_WALK_H_
