// Walking the given paths for article files, and reading them.
#include "files/file_walk.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>

#include "ascii_text.h"
#include "extract/article_reader.h"

namespace furet::detail {
namespace {

namespace fs = std::filesystem;

std::string errno_text(int error) { return std::strerror(error); }

std::int64_t mtime_ns(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

// A news article is a few pages; a file this large is something else (a dump,
// a log) and would cost memory in proportion: it is named and left out.
constexpr std::uint64_t kMaxArticleBytes = 32 << 20;

std::string kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "a special file";
}

SkipReason not_regular(mode_t mode) { return {kind_of(mode) + ", not a regular file"}; }

// Errors that say nothing about the file itself.
bool is_transient(int error) {
  return error == EMFILE || error == ENFILE || error == ENOMEM || error == EIO || error == EINTR ||
         error == EAGAIN || error == ETXTBSY || error == ESTALE;
}

SkipReason cannot_read(int error) {
  return {"cannot read: " + errno_text(error), is_transient(error)};
}

// The root (of `roots`) that holds `source`, or null.
const std::string* root_holding(const std::string& source, const std::vector<std::string>& roots) {
  for (const std::string& root : roots) {
    if (is_within(source, root)) return &root;
  }
  return nullptr;
}

// The path a descriptor refers to, as the kernel resolved it; empty if unknown.
std::string path_of_descriptor(int fd) {
  char target[PATH_MAX];
  const std::string link = "/proc/self/fd/" + std::to_string(fd);
  const ssize_t n = ::readlink(link.c_str(), target, sizeof target);
  return n > 0 && static_cast<std::size_t>(n) < sizeof target ? std::string(target, n) : "";
}

class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }
  friend void swap(Descriptor& a, Descriptor& b) noexcept { std::swap(a.fd_, b.fd_); }

 private:
  int fd_;
};

// ".pdf" for "report.PDF"; "" for a name without an extension.
std::string extension_of(const std::string& name) {
  const std::size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0) return "";
  std::string extension = name.substr(dot);
  for (char& c : extension) c = ascii::to_lower(c);
  return extension;
}

// Reads the article files of one walk: roots, folders, links, special files.
class ArticleWalk {
 public:
  ArticleWalk(const WalkOptions& options, UpdateReport& report, WalkResult& result)
      : options_(options), report_(report), result_(result) {}

  void walk(const std::vector<std::string>& given) {
    for (const std::string& root : given) roots_.push_back(source_of(root));
    for (std::size_t i = 0; i < given.size(); ++i) walk_root(given[i], roots_[i]);
  }

 private:
  void walk_root(const std::string& given, const std::string& canonical) {
    struct stat st {};
    if (::stat(given.c_str(), &st) != 0) {
      const int error = errno;
      report_.skipped.push_back(
          {given, error == ENOENT
                      ? "no such file or directory; what the index holds from it is "
                        "kept (index the folder above it, or rebuild the index, to drop it)"
                      : "cannot read: " + errno_text(error)});
      result_.unread.push_back(canonical);
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      walk_folders(given, canonical, [&](const FolderListing& f) { visit(f); });
    } else if (!S_ISREG(st.st_mode)) {
      report_.skipped.push_back({given, not_regular(st.st_mode).reason});
    } else if (!is_article_file(given)) {
      report_.skipped.push_back({given, "not a .txt, .md or .html file"});
    } else {
      add(given, canonical, st, canonical);
    }
  }

  void visit(const FolderListing& folder) {
    if (folder.error) {
      result_.unread.push_back(folder.canonical);
      report_.warnings.push_back({folder.path, "cannot read this folder completely (" +
                                                   errno_text(folder.error) +
                                                   "); what the index holds from it is kept"});
    }
    for (const auto& [name, type] : folder.entries) {
      if (type == DT_DIR) continue;
      if (!is_article_file(name)) {
        if (type == DT_REG) ++report_.other_files[extension_of(name)];
        continue;
      }
      const std::string path = folder.path + "/" + name;
      struct stat st {};
      if (::fstatat(folder.fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        report_.skipped.push_back({path, "cannot read: " + errno_text(errno)});
        continue;
      }
      if (S_ISLNK(st.st_mode)) {
        add_link(folder, name, path);
      } else if (S_ISREG(st.st_mode)) {
        const std::string* root = root_holding(folder.canonical, roots_);
        add(path, folder.canonical + "/" + name, st, root ? *root : folder.canonical);
      } else if (!S_ISDIR(st.st_mode)) {
        report_.skipped.push_back({path, not_regular(st.st_mode).reason});
      }
    }
  }

  // A link to a file is read when its target lies inside the roots, or when
  // the user allows links out; links to folders are never followed.
  void add_link(const FolderListing& folder, const std::string& name, const std::string& path) {
    struct stat st {};
    if (::fstatat(folder.fd, name.c_str(), &st, 0) != 0) {
      report_.skipped.push_back({path, errno == ELOOP    ? "a link loop"
                                       : errno == ENOENT ? "a link to nothing (dangling)"
                                                         : "cannot read: " + errno_text(errno)});
      return;
    }
    if (S_ISDIR(st.st_mode)) return;
    if (!S_ISREG(st.st_mode)) {
      report_.skipped.push_back({path, "a link to " + not_regular(st.st_mode).reason});
      return;
    }
    const std::string target = source_of(path);
    const std::string* root = root_holding(target, roots_);
    if (!root && !options_.follow_links) {
      report_.skipped.push_back({path, "a link to '" + target +
                                           "', outside the indexed folders: not read "
                                           "(following links reads it)"});
      return;
    }
    add(path, target, st, root ? *root : std::string());
  }

  void add(const std::string& path, const std::string& source, const struct stat& st,
           const std::string& within) {
    if (static_cast<std::uint64_t>(st.st_size) > kMaxArticleBytes) {
      report_.skipped.push_back({path, "larger than 32 MiB, not an article"});
      return;
    }
    result_.files.push_back({path, source, static_cast<std::uint64_t>(st.st_size), mtime_ns(st),
                             static_cast<std::uint64_t>(st.st_dev),
                             static_cast<std::uint64_t>(st.st_ino),
                             options_.follow_links ? std::string() : within});
  }

  const WalkOptions& options_;
  UpdateReport& report_;
  WalkResult& result_;
  std::vector<std::string> roots_;  // canonical, in the order given
};

}  // namespace

void walk_folders(const std::string& path, const std::string& canonical,
                  const std::function<void(const FolderListing&)>& visit) {
  // Depth first, each folder read whole and closed before its children, so
  // that the depth of the tree never costs file descriptors.
  std::vector<std::pair<std::string, std::string>> pending{{path, canonical}};
  bool is_root = true;  // named by the caller: followed if it is a link
  while (!pending.empty()) {
    FolderListing folder;
    std::tie(folder.path, folder.canonical) = std::move(pending.back());
    pending.pop_back();
    // O_NOFOLLOW: a folder swapped for a link since its parent was read is
    // not followed out of the tree.
    const Descriptor fd(::open(folder.path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC |
                                                        O_NONBLOCK | (is_root ? 0 : O_NOFOLLOW)));
    is_root = false;
    folder.fd = fd.get();
    if (fd.get() < 0) {
      folder.error = errno;
      visit(folder);
      continue;
    }
    const int listing_fd = ::dup(fd.get());
    DIR* dir = listing_fd >= 0 ? ::fdopendir(listing_fd) : nullptr;
    if (!dir) {
      folder.error = errno;
      if (listing_fd >= 0) ::close(listing_fd);
      visit(folder);
      continue;
    }
    errno = 0;
    while (const dirent* entry = ::readdir(dir)) {
      const std::string name = entry->d_name;
      if (!is_passed_over(name)) folder.entries.emplace_back(name, entry->d_type);
      errno = 0;
    }
    folder.error = errno;
    ::closedir(dir);
    std::sort(folder.entries.begin(), folder.entries.end());
    for (auto& [name, type] : folder.entries) {
      if (type != DT_UNKNOWN) continue;
      struct stat st {};
      if (::fstatat(fd.get(), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
        type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISLNK(st.st_mode) ? DT_LNK : DT_REG;
      }
    }
    visit(folder);
    // Children pushed in reverse, so that they are visited in name order.
    for (auto it = folder.entries.rbegin(); it != folder.entries.rend(); ++it) {
      if (it->second == DT_DIR) {
        pending.emplace_back(folder.path + "/" + it->first, folder.canonical + "/" + it->first);
      }
    }
  }
}

bool is_passed_over(const std::string& name) {
  return name.empty() || name[0] == '.' || name.rfind("README", 0) == 0;
}

std::string source_of(const std::string& path) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? fs::absolute(path).lexically_normal().string() : canonical.string();
}

WalkResult find_article_files(const std::vector<std::string>& roots, const WalkOptions& options,
                              UpdateReport& report) {
  WalkResult result;
  ArticleWalk(options, report, result).walk(roots);
  std::vector<FoundFile>& found = result.files;
  // The same file reached twice (overlapping arguments, a link beside its
  // target) is indexed once, by the first of its paths.
  std::sort(found.begin(), found.end(), [](const FoundFile& a, const FoundFile& b) {
    return a.source != b.source ? a.source < b.source : a.path < b.path;
  });
  found.erase(
      std::unique(found.begin(), found.end(),
                  [](const FoundFile& a, const FoundFile& b) { return a.source == b.source; }),
      found.end());
  std::sort(found.begin(), found.end(),
            [](const FoundFile& a, const FoundFile& b) { return a.path < b.path; });
  return result;
}

bool is_within(const std::string& source, const std::string& root) {
  return source == root ||
         (source.size() > root.size() && source.compare(0, root.size(), root) == 0 &&
          (root.back() == '/' || source[root.size()] == '/'));
}

std::string read_article_bytes(FoundFile& file) {
  // O_PATH resolves the name without opening the file itself: a device or a
  // FIFO put in its place is never opened, only looked at.
  const Descriptor handle(::open(file.path.c_str(), O_PATH | O_CLOEXEC));
  if (handle.get() < 0) throw cannot_read(errno);
  struct stat st {};
  if (::fstat(handle.get(), &st) != 0) throw cannot_read(errno);
  if (!S_ISREG(st.st_mode)) throw not_regular(st.st_mode);
  if (static_cast<std::uint64_t>(st.st_dev) != file.device ||
      static_cast<std::uint64_t>(st.st_ino) != file.inode) {
    // Replaced since the walk: what is there now is read if it may be.
    const std::string now = path_of_descriptor(handle.get());
    if (!file.within.empty() && (now.empty() || !is_within(now, file.within))) {
      throw SkipReason{"replaced by a link out of the indexed folders while being indexed"};
    }
  }
  // Opened through the handle, so what is read is what was checked; without
  // /proc, opened again by name and compared.
  constexpr int kReadFlags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;
  Descriptor fd(::open(("/proc/self/fd/" + std::to_string(handle.get())).c_str(), kReadFlags));
  if (fd.get() < 0 && errno == ENOENT) {
    Descriptor by_name(::open(file.path.c_str(), kReadFlags));
    struct stat again {};
    if (by_name.get() >= 0 && ::fstat(by_name.get(), &again) == 0 &&
        (again.st_dev != st.st_dev || again.st_ino != st.st_ino)) {
      throw SkipReason{"replaced while being indexed; read at the next run", true};
    }
    swap(fd, by_name);
  }
  if (fd.get() < 0) throw cannot_read(errno);
  file.size = static_cast<std::uint64_t>(st.st_size);
  file.mtime_ns = mtime_ns(st);
  std::string bytes;
  bytes.resize(std::min<std::uint64_t>(file.size, kMaxArticleBytes) + 1);
  std::size_t used = 0;
  for (;;) {
    if (used == bytes.size()) {
      if (bytes.size() > kMaxArticleBytes) throw SkipReason{"larger than 32 MiB, not an article"};
      bytes.resize(std::min<std::size_t>(bytes.size() * 2, kMaxArticleBytes + 1));
    }
    const ssize_t n = ::read(fd.get(), bytes.data() + used, bytes.size() - used);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN)
        throw SkipReason{"cannot be read without waiting (not an ordinary file)"};
      throw cannot_read(errno);
    }
    used += static_cast<std::size_t>(n);
  }
  bytes.resize(used);
  return bytes;
}

}  // namespace furet::detail
