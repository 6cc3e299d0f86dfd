// The index folder: recognising it, locking it, publishing generations.
#include "store/index_folder.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "furet/analysis/schema.h"
#include "furet/error.h"

namespace furet::detail {
namespace {

namespace fs = std::filesystem;

constexpr const char* kLockFile = "furet.lock";
constexpr std::string_view kGenerationPrefix = "gen-";
constexpr std::string_view kShardPrefix = "shard-";
constexpr std::string_view kScratchPrefix = "scratch";
// A shard list is a line per shard; anything longer is not one furet wrote.
constexpr std::size_t kMaxShardListBytes = 64 * 1024;
// A killed writer's lock is released once the kernel has torn the process
// down (freeing a large heap first can take a while): wait that long for it.
constexpr auto kDyingWriterWait = std::chrono::seconds(10);

std::string in_quotes(const std::string& s) { return "'" + s + "'"; }

std::string errno_text(int error) { return std::strerror(error); }

// The names in directory `path`, without "." and "..".
std::vector<std::string> list_entries(const std::string& path) {
  DIR* dir = ::opendir(path.c_str());
  if (!dir) throw IoError("cannot read index folder " + in_quotes(path) + ": " + errno_text(errno));
  std::vector<std::string> names;
  errno = 0;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string name = entry->d_name;
    if (name != "." && name != "..") names.push_back(name);
    errno = 0;
  }
  const int error = errno;
  ::closedir(dir);
  if (error)
    throw IoError("cannot read index folder " + in_quotes(path) + ": " + errno_text(error));
  std::sort(names.begin(), names.end());
  return names;
}

bool is_real_directory(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool exists_no_follow(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

// "<prefix><decimal>" -> the number, for the names furet writes alone
// ("gen-7", not "gen-07" or "gen-7x").
std::optional<std::uint64_t> numbered(std::string_view name, std::string_view prefix) {
  if (name.substr(0, prefix.size()) != prefix || name.size() == prefix.size()) return {};
  std::uint64_t n = 0;
  const std::string_view digits = name.substr(prefix.size());
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc() || ptr != digits.data() + digits.size()) return {};
  if (std::to_string(n) != digits) return {};
  return n;
}

std::string generation_name(std::uint64_t number) {
  return std::string(kGenerationPrefix) + std::to_string(number);
}

std::string shard_name(std::size_t k) { return std::string(kShardPrefix) + std::to_string(k); }

// The shard list's text, if it is a small regular file (never a link).
std::optional<std::string> read_shard_list(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) ||
      static_cast<std::size_t>(st.st_size) > kMaxShardListBytes) {
    return {};
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) return {};
  return text.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The generation a shard list of this layout names: "auto gen-N/shard-K" for
// K = 0, 1, ... in order, all of one N.
std::optional<Generation> parse_generation_list(const std::vector<std::string>& lines,
                                                const std::string& folder) {
  Generation g;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const std::string& line = lines[k];
    const std::size_t slash = line.find('/');
    if (line.rfind("auto ", 0) != 0 || slash == std::string::npos) return {};
    const auto number = numbered(std::string_view(line).substr(5, slash - 5), kGenerationPrefix);
    if (!number || (k > 0 && *number != g.number)) return {};
    if (line.substr(slash + 1) != shard_name(k)) return {};
    g.number = *number;
  }
  if (lines.empty()) return {};
  g.dir = folder + "/" + generation_name(g.number);
  for (std::size_t k = 0; k < lines.size(); ++k) {
    g.shard_dirs.push_back(g.dir + "/" + shard_name(k));
  }
  return g;
}

// The shards an older furet listed: "auto shard-K" for K = 0, 1, ...
std::optional<std::vector<std::string>> parse_older_list(const std::vector<std::string>& lines,
                                                         const std::string& folder) {
  std::vector<std::string> dirs;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (lines[k] != "auto " + shard_name(k)) return {};
    dirs.push_back(folder + "/" + shard_name(k));
    if (!is_real_directory(dirs.back())) return {};
  }
  if (dirs.empty()) return {};
  return dirs;
}

// The files of a Xapian glass database, which an older furet wrote at the top
// of the index folder.
bool is_glass_file(const std::string& name) {
  if (name == "iamglass" || name == "flintlock") return true;
  static const char* const kTables[] = {"postlist", "position", "termlist",
                                        "docdata",  "spelling", "synonym"};
  for (const char* table : kTables) {
    const std::string t = table;
    for (const char* suffix : {".glass", ".baseA", ".baseB", ".tmp"}) {
      if (name == t + suffix) return true;
    }
  }
  return false;
}

bool is_own_entry(const std::string& name) {
  return name == kLockFile || name == std::string(schema::kShardListFile) + ".tmp" ||
         numbered(name, kGenerationPrefix).has_value();
}

// A generation folder holds its shards and, while it is built, scratch.
bool holds_only_generation_files(const std::string& dir) {
  try {
    for (const std::string& name : list_entries(dir)) {
      if (!numbered(name, kShardPrefix) && name.rfind(kScratchPrefix, 0) != 0) return false;
    }
    return true;
  } catch (const IoError&) {
    return false;
  }
}

void sync_directory(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw IoError("cannot open " + in_quotes(path) + ": " + errno_text(errno));
  const int result = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (result != 0) throw IoError("cannot sync " + in_quotes(path) + ": " + errno_text(error));
}

// Writes `text` to `path` and flushes it to disk.
void write_synced(const std::string& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) throw IoError("cannot write " + in_quotes(path) + ": " + errno_text(errno));
  std::size_t done = 0;
  int error = 0;
  while (done < text.size() && !error) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno != EINTR) error = errno;
    if (n > 0) done += static_cast<std::size_t>(n);
  }
  if (!error && ::fsync(fd) != 0) error = errno;
  ::close(fd);
  if (error) throw IoError("cannot write " + in_quotes(path) + ": " + errno_text(error));
}

// Why a writer cannot use the folder at all, in words that say what to do.
IoError unwritable(const std::string& name, int error) {
  if (error == EROFS) {
    return IoError("index " + in_quotes(name) +
                   " is on a read-only file system: it can be searched, not updated");
  }
  if (error == EACCES || error == EPERM) {
    return IoError("no permission to update index " + in_quotes(name) + " (" + errno_text(error) +
                   "): update it as the index's owner, or index into a folder you own");
  }
  return IoError("cannot update index " + in_quotes(name) + ": " + errno_text(error));
}

// The process id a lock holder wrote into the lock file, or 0.
pid_t holder_of(int fd) {
  char text[32] = {};
  const ssize_t n = ::pread(fd, text, sizeof text - 1, 0);
  if (n <= 0) return 0;
  pid_t pid = 0;
  std::from_chars(text, text + n, pid);
  return pid;
}

// False when `pid` is gone or exiting, its locks about to be released; true
// when it runs or cannot be told (another PID namespace).
bool is_running(pid_t pid) {
  if (pid <= 0) return true;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  if (!stat) return ::kill(pid, 0) == 0 || errno != ESRCH;
  std::string line;
  std::getline(stat, line);
  const std::size_t name_end = line.rfind(')');
  if (name_end == std::string::npos) return true;
  // After the command name: state, ppid, pgrp, session, tty_nr, tpgid, flags.
  std::istringstream fields(line.substr(name_end + 1));
  char state = 0;
  long skipped = 0;
  unsigned long flags = 0;
  fields >> state >> skipped >> skipped >> skipped >> skipped >> skipped >> flags;
  constexpr unsigned long kExiting = 0x4;  // PF_EXITING
  return fields && state != 'Z' && state != 'X' && !(flags & kExiting);
}

}  // namespace

FolderContent read_folder(const std::string& path) {
  FolderContent content;
  const auto foreign = [&](std::string why) {
    content.kind = FolderContent::Kind::kForeign;
    content.why_foreign = std::move(why);
    return content;
  };
  const std::vector<std::string> entries = list_entries(path);
  const auto has = [&](const std::string& name) {
    return std::binary_search(entries.begin(), entries.end(), name);
  };
  if (has(schema::kShardListFile)) {
    const std::string list_path = path + "/" + schema::kShardListFile;
    const std::optional<std::string> text = read_shard_list(list_path);
    if (!text)
      return foreign("its shard list " + in_quotes(list_path) + " is not a file furet wrote");
    const std::vector<std::string> lines = lines_of(*text);
    if (auto g = parse_generation_list(lines, path)) {
      // A link in place of a generation or a shard could lead writes anywhere.
      const bool linked = std::any_of(g->shard_dirs.begin(), g->shard_dirs.end(),
                                      [&](const std::string& d) {
                                        return exists_no_follow(d) && !is_real_directory(d);
                                      }) ||
                          (exists_no_follow(g->dir) && !is_real_directory(g->dir));
      if (linked)
        return foreign("its shard list names " + in_quotes(g->dir) +
                       ", which is not a folder furet made");
      content.current = std::move(*g);
      return content;
    }
    if (auto older = parse_older_list(lines, path)) {
      content.kind = FolderContent::Kind::kOlderLayout;
      content.older_databases = std::move(*older);
      return content;
    }
    const std::string first = lines.empty() ? std::string() : lines.front();
    return foreign("its shard list " + in_quotes(list_path) + " holds " +
                   (first.empty() ? std::string("nothing furet wrote") : in_quotes(first)) +
                   ", which furet does not write: furet writes only the databases it created, "
                   "inside the index folder");
  }
  if (has("iamglass")) {
    try {
      const Xapian::Database db(path);
      if (!db.get_metadata(std::string(schema::kSchemaKey)).empty()) {
        content.kind = FolderContent::Kind::kOlderLayout;
        content.older_databases = {path};
        return content;
      }
    } catch (const Xapian::Error& e) {
      return foreign("it holds a Xapian database that cannot be read (" + e.get_msg() + ")");
    }
    return foreign("it holds a Xapian database that furet did not make");
  }
  for (const std::string& name : entries) {
    if (!is_own_entry(name))
      return foreign("it holds files furet did not make, such as " + in_quotes(name));
  }
  return content;
}

IndexFolder::IndexFolder(const std::string& dir) : name_(dir) {
  std::error_code ec;
  const fs::path given = fs::absolute(dir, ec);
  if (ec) throw IoError("cannot use index " + in_quotes(dir) + ": " + ec.message());
  if (fs::is_symlink(fs::symlink_status(given, ec)) && !fs::exists(given, ec)) {
    throw IoError("index " + in_quotes(dir) + " is a link to " +
                  in_quotes(fs::read_symlink(given, ec).string()) + ", which does not exist");
  }
  if (!fs::exists(given, ec)) {
    fs::create_directories(given, ec);
    if (ec) throw unwritable(dir, ec.value());
  }
  path_ = fs::canonical(given, ec).string();
  if (ec) throw IoError("cannot use index " + in_quotes(dir) + ": " + ec.message());
  if (!fs::is_directory(path_, ec)) {
    throw InvalidArgument("index " + in_quotes(dir) + " is a file, not an index folder");
  }
  // Looked at before the lock, so that nothing, not even the lock file, is
  // created in a folder that is not an index; and again under it.
  content_ = read_folder(path_);
  if (content_.kind != FolderContent::Kind::kForeign) {
    lock();
    content_ = read_folder(path_);
  }
  if (content_.kind == FolderContent::Kind::kForeign) {
    throw InvalidArgument("index " + in_quotes(dir) +
                              " is not a furet index: " + content_.why_foreign +
                              ". furet builds an index only in a new or empty folder and writes "
                              "only into indexes it made; build it in a new folder, such as " +
                              in_quotes((fs::path(dir) / ".furet").string()),
                          Error::Remedy::kNewFolder, dir);
  }
  remove_leftovers();
}

IndexFolder::~IndexFolder() {
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the lock
}

void IndexFolder::lock() {
  if (::access(path_.c_str(), W_OK) != 0) throw unwritable(name_, errno);
  const std::string lock_path = path_ + "/" + kLockFile;
  lock_fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (lock_fd_ < 0) throw unwritable(name_, errno);
  const auto deadline = std::chrono::steady_clock::now() + kDyingWriterWait;
  while (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EINTR) continue;
    if (errno != EWOULDBLOCK) throw unwritable(name_, errno);
    const pid_t holder = holder_of(lock_fd_);
    if (is_running(holder) || std::chrono::steady_clock::now() > deadline) {
      throw IndexLocked("index " + in_quotes(name_) + " is being updated by another process" +
                            (holder > 0 ? " (pid " + std::to_string(holder) + ")" : std::string()) +
                            "; furet never waits for it: try again once it is done",
                        Error::Remedy::kRetryLater, name_);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(lock_fd_, 0) != 0 || ::pwrite(lock_fd_, pid.data(), pid.size(), 0) < 0) {
    throw unwritable(name_, errno);
  }
}

// A killed build leaves a generation that was never published; only the
// lock holder may remove it, and only what furet would have put there.
void IndexFolder::remove_leftovers() {
  std::error_code ignored;
  fs::remove(path_ + "/" + schema::kShardListFile + ".tmp", ignored);
  for (const std::string& name : list_entries(path_)) {
    const auto number = numbered(name, kGenerationPrefix);
    if (!number || (content_.current && *number == content_.current->number)) continue;
    const std::string dir = path_ + "/" + name;
    if (is_real_directory(dir) && holds_only_generation_files(dir)) fs::remove_all(dir, ignored);
  }
}

Generation IndexFolder::begin_generation(std::size_t shards) {
  std::uint64_t last = content_.current ? content_.current->number : 0;
  for (const std::string& name : list_entries(path_)) {
    if (const auto number = numbered(name, kGenerationPrefix)) last = std::max(last, *number);
  }
  Generation g;
  g.number = last + 1;
  g.dir = path_ + "/" + generation_name(g.number);
  if (::mkdir(g.dir.c_str(), 0755) != 0) {
    throw IoError("cannot create " + in_quotes(g.dir) + ": " + errno_text(errno));
  }
  for (std::size_t k = 0; k < shards; ++k) g.shard_dirs.push_back(g.dir + "/" + shard_name(k));
  return g;
}

void IndexFolder::publish(const Generation& generation) {
  // Durable before it is named: a crash after the rename must find it whole.
  for (const std::string& dir : generation.shard_dirs) sync_directory(dir);
  sync_directory(generation.dir);
  std::string list;
  for (std::size_t k = 0; k < generation.shard_dirs.size(); ++k) {
    list += "auto " + generation_name(generation.number) + "/" + shard_name(k) + "\n";
  }
  const std::string list_path = path_ + "/" + schema::kShardListFile;
  write_synced(list_path + ".tmp", list);
  if (::rename((list_path + ".tmp").c_str(), list_path.c_str()) != 0) {
    throw IoError("cannot publish the new index in " + in_quotes(name_) + ": " + errno_text(errno));
  }
  sync_directory(path_);
  const std::optional<Generation> replaced = content_.current;
  if (is_older_layout()) remove_older_layout();
  content_ = FolderContent{};
  content_.current = generation;
  if (replaced) discard(*replaced);  // readers still holding it keep their open files
}

void IndexFolder::discard(const Generation& generation) noexcept {
  std::error_code ignored;
  fs::remove_all(generation.dir, ignored);
}

// After the first rebuild of an index of the older layout: its database at
// the top of the folder goes (iamglass first, so that no reader takes the
// rest for a database), or its shard folders.
void IndexFolder::remove_older_layout() noexcept {
  std::error_code ignored;
  for (const std::string& db : content_.older_databases) {
    if (db != path_) {
      fs::remove_all(db, ignored);
      continue;
    }
    fs::remove(path_ + "/iamglass", ignored);
    try {
      for (const std::string& name : list_entries(path_)) {
        if (is_glass_file(name)) fs::remove(path_ + "/" + name, ignored);
      }
    } catch (const IoError&) {
      // Left for the next rebuild: harmless once iamglass is gone.
    }
  }
}

std::size_t shard_of(const std::string& article_id, std::size_t count) {
  std::uint64_t hash = 0;
  for (const char byte : article_id) hash = (hash << 8) | static_cast<unsigned char>(byte);
  return count <= 1 ? 0 : hash % count;
}

}  // namespace furet::detail
