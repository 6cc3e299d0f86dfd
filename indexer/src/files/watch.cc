// The watch loop: inotify events, files in progress, debounced batches.
#include "furet/indexer/watch.h"

#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

#include "extract/article_reader.h"
#include "files/file_walk.h"
#include "furet/error.h"

namespace furet {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::uint32_t kDirectoryEvents = IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM |
                                           IN_MOVED_TO | IN_DELETE | IN_DELETE_SELF | IN_ONLYDIR;
constexpr int kPollMillis = 100;  // how often should_stop is asked

// An inotify instance watching directories, with a path for each watch.
class Inotify {
 public:
  Inotify() : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    if (fd_ < 0) throw IoError(std::string("cannot watch files: inotify: ") + std::strerror(errno));
  }
  ~Inotify() { ::close(fd_); }
  Inotify(const Inotify&) = delete;
  Inotify& operator=(const Inotify&) = delete;

  int fd() const { return fd_; }

  // Watches `dir` and the folders under it, those the indexer walks.
  void watch_tree(const fs::path& dir) {
    detail::walk_folders(dir.string(), dir.string(),
                         [&](const detail::FolderListing& folder) { add(folder.path); });
  }

  const std::string& path_of(int wd) const {
    static const std::string none;
    const auto it = paths_.find(wd);
    return it == paths_.end() ? none : it->second;
  }

  void forget(int wd) { paths_.erase(wd); }

 private:
  void add(const fs::path& dir) {
    const int wd = ::inotify_add_watch(fd_, dir.c_str(), kDirectoryEvents);
    if (wd >= 0) paths_[wd] = dir.string();
  }

  int fd_;
  std::map<int, std::string> paths_;
};

// A link, symbolic or hard, is complete the moment it is made: no writer
// holds it open, and no close event will follow. A new file is being written.
bool made_whole(const fs::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return true;  // gone already: nothing to wait for
  return S_ISLNK(st.st_mode) || (S_ISREG(st.st_mode) && st.st_nlink > 1);
}

}  // namespace

void watch(IndexWriter& writer, const std::vector<std::string>& paths,
           const WatchOptions& options) {
  Inotify inotify;
  for (const std::string& p : paths) {
    std::error_code ec;
    // A file argument is watched through its folder; its siblings are not
    // indexed, since updates only read `paths`.
    inotify.watch_tree(fs::is_directory(p, ec) ? fs::path(p) : fs::path(p).parent_path());
  }
  const auto stop = [&] { return options.should_stop && options.should_stop(); };
  std::set<std::string> in_progress;  // canonical paths open for writing
  UpdateOptions update = options.update;
  const auto run_update = [&] {
    update.defer = in_progress;
    const UpdateReport report = writer.update(paths, update);
    update.rebuild = false;  // a rebuild is the first update's alone
    if (options.on_update) options.on_update(report);
  };
  run_update();

  bool pending = false;
  Clock::time_point first_change, last_change;
  alignas(struct inotify_event) char buffer[64 * 1024];
  while (!stop()) {
    pollfd pfd{inotify.fd(), POLLIN, 0};
    if (::poll(&pfd, 1, kPollMillis) > 0) {
      for (ssize_t n; (n = ::read(inotify.fd(), buffer, sizeof buffer)) > 0;) {
        for (char* at = buffer; at < buffer + n;) {
          const auto* event = reinterpret_cast<const struct inotify_event*>(at);
          at += sizeof(struct inotify_event) + event->len;
          if (event->mask & IN_Q_OVERFLOW) {  // events lost: a full pass finds everything
            pending = true;
            continue;
          }
          if (event->mask & (IN_DELETE_SELF | IN_IGNORED)) {
            inotify.forget(event->wd);
            continue;
          }
          const std::string& dir = inotify.path_of(event->wd);
          if (dir.empty() || event->len == 0) continue;
          const std::string name = event->name;
          if (detail::is_passed_over(name)) continue;  // editor swap and lock files
          const fs::path path = fs::path(dir) / name;
          if (event->mask & IN_ISDIR) {
            if (event->mask & (IN_CREATE | IN_MOVED_TO)) inotify.watch_tree(path);
          } else {
            if (!detail::is_article_file(path.string())) continue;
            const std::string source = detail::source_of(path.string());
            if (event->mask & IN_MODIFY || (event->mask & IN_CREATE && !made_whole(path))) {
              in_progress.insert(source);
            } else {
              in_progress.erase(source);  // closed, moved, linked or deleted: complete
            }
          }
          if (!pending) first_change = Clock::now();
          pending = true;
          last_change = Clock::now();
        }
      }
    }
    const auto now = Clock::now();
    if (pending && (now - last_change >= options.quiet || now - first_change >= options.max_wait)) {
      pending = false;
      run_update();
    }
  }
}

}  // namespace furet
