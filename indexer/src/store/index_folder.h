// The index folder: what furet keeps in it, how a folder is recognised as a
// furet index, the writer's lock, and generations published in one rename.
#ifndef FURET_INDEXER_SRC_STORE_INDEX_FOLDER_H_
#define FURET_INDEXER_SRC_STORE_INDEX_FOLDER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace furet::detail {

/// One complete set of an index's databases: `gen-N/shard-K` in the folder.
struct Generation {
  std::uint64_t number = 0;
  std::string dir;                      ///< absolute path of gen-N
  std::vector<std::string> shard_dirs;  ///< absolute paths of its shards, in order
};

/// What a folder holds, as far as furet is concerned.
struct FolderContent {
  enum class Kind {
    kIndex,        ///< a furet index, or a new or empty folder that can become one
    kOlderLayout,  ///< an index of furet's layout before generations: only --rebuild writes it
    kForeign,      ///< anything else: never written
  };
  Kind kind = Kind::kIndex;
  std::optional<Generation> current;         ///< the generation readers see (kIndex)
  std::vector<std::string> older_databases;  ///< the databases of an older layout
  std::string why_foreign;                   ///< kForeign: why, for a message naming the folder
};

/// Reads what the folder at `path` (absolute, canonical) holds, without
/// writing or locking anything. The shard list (XAPIANDB) is read strictly:
/// only the lines furet writes, naming real directories inside the folder.
/// Throws IoError if the folder cannot be read.
FolderContent read_folder(const std::string& path);

/// The index folder at `dir`, open for writing: the one writer's lock is held
/// until destruction.
///
/// Layout: `XAPIANDB` is a Xapian stub file listing the current generation's
/// shards (`auto gen-N/shard-K`), so any Xapian reader opening the folder
/// sees them as one database; `furet.lock` is the writer's lock and holds its
/// process id. A rebuild writes a new generation beside the current one and
/// publishes it by renaming a new XAPIANDB over the old: readers see one or
/// the other, never neither, and the folder itself (or the link to it) is
/// never replaced. furet writes nothing outside the folder, and in it only
/// what it created.
class IndexFolder {
 public:
  /// Opens `dir` (a link to a folder is followed: the folder is updated in
  /// place), creating it if it does not exist. Refuses a folder that is not a
  /// furet index (InvalidArgument, naming it), takes the lock (IndexLocked
  /// while a live process holds it; a dying one's lock is waited for), and
  /// removes what a killed run left (unpublished generations).
  /// Throws IoError for a read-only or unwritable folder.
  explicit IndexFolder(const std::string& dir);
  ~IndexFolder();
  IndexFolder(const IndexFolder&) = delete;
  IndexFolder& operator=(const IndexFolder&) = delete;

  /// The folder as the caller named it, for messages.
  const std::string& name() const { return name_; }
  /// Its absolute, canonical path.
  const std::string& path() const { return path_; }
  /// The published generation, if any.
  const std::optional<Generation>& current() const { return content_.current; }
  /// True for an index of the older layout, which only a rebuild may write.
  bool is_older_layout() const { return content_.kind == FolderContent::Kind::kOlderLayout; }
  /// What the folder holds.
  const FolderContent& content() const { return content_; }

  /// A new generation of `shards` databases, its folder created empty.
  Generation begin_generation(std::size_t shards);
  /// Makes `generation` the index in one rename of the shard list, then
  /// removes the one it replaces. Throws IoError if it cannot be published
  /// (the index is then unchanged).
  void publish(const Generation& generation);
  /// Removes a generation that will not be published.
  void discard(const Generation& generation) noexcept;

 private:
  void lock();
  void remove_leftovers();
  void remove_older_layout() noexcept;

  std::string name_;
  std::string path_;
  FolderContent content_;
  int lock_fd_ = -1;
};

/// The shard of an article: a stable function of its id (the hash of its path),
/// so an article and all its passages always live in one shard.
std::size_t shard_of(const std::string& article_id, std::size_t count);

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_STORE_INDEX_FOLDER_H_
