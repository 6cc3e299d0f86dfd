// Fault injection: furet-index meets folders removed under it, file
// descriptors running out, article files swapped for links and FIFOs between
// the walk and the read, and SIGKILL at random moments. After every fault:
// (a) nothing outside the index folder changed but what the test did, (b) no
// article was lost while its file was still there, (c) the index opens and its
// manifest agrees with its passages, (d) a plain re-run reaches exactly the
// state of a clean build of the same files.
//
// Moments are drawn from a seeded RNG; the seed is printed, and
// FURET_FAULT_SEED=N replays it (see test_seed). FURET_FAULT_ROUNDS=N multiplies the rounds
// for a longer soak.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "../process_util.h"
#include "corpus_maker.h"
#include "index_state.h"

namespace furet::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// ---------------------------------------------------------------------------
// Settings of a run of the tests.

int rounds(int base) {
  const char* factor = std::getenv("FURET_FAULT_ROUNDS");
  return base * (factor && *factor ? std::max(1, std::atoi(factor)) : 1);
}

// One seed by default, so that a failure in CI can be replayed (timing still
// varies); FURET_FAULT_SEED=N picks another, FURET_FAULT_SEED=random a new one
// each run, for soaks.
unsigned test_seed() {
  const char* chosen = std::getenv("FURET_FAULT_SEED");
  if (!chosen || !*chosen) return 20261206;
  if (std::string(chosen) == "random") return std::random_device{}();
  return static_cast<unsigned>(std::strtoul(chosen, nullptr, 10));
}

// A bound on time, only there to catch a hang: longer in slow builds.
milliseconds hang_bound(milliseconds plain) {
  return milliseconds(static_cast<long>(static_cast<double>(plain.count()) * time_scale()));
}

// ---------------------------------------------------------------------------
// What the test owns outside the indexes, to show furet changed none of it.

using Snapshot = std::map<std::string, std::string>;

std::string describe(const fs::path& path) {
  const fs::file_status st = fs::symlink_status(path);
  const auto perms = static_cast<unsigned>(st.permissions());
  if (fs::is_symlink(st)) return "link " + fs::read_symlink(path).string();
  if (fs::is_fifo(st)) return "fifo " + std::to_string(perms);
  if (fs::is_directory(st)) return "folder " + std::to_string(perms);
  if (fs::is_regular_file(st))
    return "file " + std::to_string(perms) + " " + read_file(path.string());
  return "other";
}

// Every entry under `root` (type, permissions, content), but for the top-level
// folders in `excluded`.
Snapshot snapshot(const fs::path& root, const std::set<std::string>& excluded) {
  Snapshot entries;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    // By prefix: fs::relative resolves every component, quadratic in a deep tree.
    const std::string name = it->path().string().substr(root.string().size() + 1);
    if (it.depth() == 0 && excluded.count(name)) {
      it.disable_recursion_pending();
      continue;
    }
    entries[name] = describe(it->path());
  }
  return entries;
}

// The first difference between two snapshots, for a readable failure.
std::string first_difference(const Snapshot& expected, const Snapshot& actual) {
  for (const auto& [name, what] : expected) {
    const auto found = actual.find(name);
    if (found == actual.end()) return "'" + name + "' is gone";
    if (found->second != what) return "'" + name + "' changed: " + found->second.substr(0, 80);
  }
  for (const auto& [name, what] : actual) {
    if (!expected.count(name)) return "'" + name + "' appeared: " + what.substr(0, 80);
  }
  return "";
}

// ---------------------------------------------------------------------------
// The index: its state, its consistency, its folder.

// (c) The index opens and its manifest and passages agree; its state. Each
// shard is checked alone: Xapian reads metadata, the manifest, from the first
// database of a combined one only.
IndexState open_consistent(const std::string& index) {
  try {
    for (const std::string& shard : shard_databases(index)) {
      EXPECT_EQ(consistency_errors(Xapian::Database(shard)), std::vector<std::string>{}) << shard;
    }
    return read_state(Xapian::Database(index));
  } catch (const Xapian::Error& e) {
    ADD_FAILURE() << "index " << index << " does not open: " << e.get_description();
    return {};
  }
}

// Each shard's state, in the order the shard list names them.
std::vector<IndexState> shard_states(const std::string& index) {
  std::vector<IndexState> states;
  for (const std::string& db : shard_databases(index))
    states.push_back(read_state(Xapian::Database(db)));
  return states;
}

bool is_readable_article(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
         ::access(path.c_str(), R_OK) == 0;
}

// (b) The articles of `before` that `after` lacks although their file is still
// a readable regular file, leaving out `excused` (files the test itself swapped).
std::vector<std::string> lost_articles(const IndexState& before, const IndexState& after,
                                       const std::set<std::string>& excused = {}) {
  std::vector<std::string> lost;
  for (const auto& [path, passages] : before) {
    if (!after.count(path) && !excused.count(path) && is_readable_article(path))
      lost.push_back(path);
  }
  return lost;
}

bool under(const std::string& path, const std::string& folder) {
  return path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 &&
         path[folder.size()] == '/';
}

// What the index folder holds that it should not. After a completed run:
// exactly XAPIANDB, furet.lock and the published generation, holding only
// its shards. After a killed run, also what the next run removes: an
// unpublished generation and a half-written shard list.
std::vector<std::string> layout_errors(const std::string& index, bool completed) {
  std::vector<std::string> errors;
  const std::vector<std::string> shards = shard_databases(index);
  if (shards.empty()) return {"no shard list"};
  const std::string published = fs::path(shards.front()).parent_path().filename().string();
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(index)) names.insert(e.path().filename().string());
  for (const std::string& name : names) {
    const bool generation = name.rfind("gen-", 0) == 0 && fs::is_directory(index + "/" + name);
    if (name == "XAPIANDB" || name == "furet.lock" || name == published) continue;
    if (!completed && (generation || name == "XAPIANDB.tmp")) continue;
    errors.push_back(completed && generation ? "unpublished generation " + name + " left"
                                             : "unexpected entry " + name);
  }
  for (const std::string& name : {std::string("XAPIANDB"), std::string("furet.lock"), published}) {
    if (!names.count(name)) errors.push_back("missing " + name);
  }
  if (completed) {
    std::set<std::string> expected_shards;
    for (const std::string& s : shards) expected_shards.insert(fs::path(s).filename().string());
    for (const auto& e : fs::directory_iterator(index + "/" + published)) {
      if (!expected_shards.count(e.path().filename().string())) {
        errors.push_back("unexpected " + published + "/" + e.path().filename().string());
      }
    }
  }
  return errors;
}

// The report lines furet-index printed (one per update, -v in --watch).
int count_reports(const std::string& log) {
  const std::string text = read_file(log);
  int count = 0;
  for (std::size_t at = 0; (at = text.find(" passages written to '", at)) != std::string::npos;
       ++at) {
    ++count;
  }
  return count;
}

bool wait_until(const std::function<bool()>& done, milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (!done()) {
    if (Clock::now() > deadline) return false;
    std::this_thread::sleep_for(milliseconds(10));
  }
  return true;
}

// Waits for a folder named `name` in `parent` to be opened (the walk reaching
// it); false past `timeout`. Only opens after the call count.
class OpenWatch {
 public:
  explicit OpenWatch(const std::string& parent)
      : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)),
        watch_(::inotify_add_watch(fd_, parent.c_str(), IN_OPEN | IN_ONLYDIR)) {}
  ~OpenWatch() { ::close(fd_); }
  OpenWatch(const OpenWatch&) = delete;
  OpenWatch& operator=(const OpenWatch&) = delete;

  bool wait_for(const std::string& name, milliseconds timeout) {
    if (fd_ < 0 || watch_ < 0) return false;
    const auto deadline = Clock::now() + timeout;
    alignas(struct inotify_event) char buffer[16 * 1024];
    while (Clock::now() < deadline) {
      pollfd pfd{fd_, POLLIN, 0};
      if (::poll(&pfd, 1, 10) <= 0) continue;
      for (ssize_t n; (n = ::read(fd_, buffer, sizeof buffer)) > 0;) {
        for (char* at = buffer; at < buffer + n;) {
          const auto* event = reinterpret_cast<const struct inotify_event*>(at);
          at += sizeof(struct inotify_event) + event->len;
          if ((event->mask & IN_ISDIR) && event->len > 0 && name == event->name) return true;
        }
      }
    }
    return false;
  }

 private:
  int fd_;
  int watch_;
};

// furet-search's exit status for `word` as typed (no spelling correction):
// 0 found, 1 not found.
int search(const std::string& index, const std::string& word) {
  return run({program("furet-search"), "--exact", "--index", index, word}).exit_code;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The paths named in lines of `err` such as "...: warning: skipped '<path>': <reason>".
std::set<std::string> paths_in(const std::string& err, const std::string& lead,
                               const std::string& reason) {
  std::set<std::string> paths;
  std::istringstream lines(err);
  for (std::string line; std::getline(lines, line);) {
    const std::size_t begin = line.find(lead + "'");
    const std::size_t end = line.find("': " + reason);
    if (begin == std::string::npos || end == std::string::npos) continue;
    paths.insert(line.substr(begin + lead.size() + 1, end - begin - lead.size() - 1));
  }
  return paths;
}

// A short article (title and first paragraph): many files, quickly indexed.
std::string short_article(CorpusMaker& maker, int id, int generation) {
  const std::string text = maker.article(id, generation);
  const std::size_t title_end = text.find("\n\n");
  const std::size_t paragraph_end = text.find("\n\n", title_end + 2);
  return text.substr(0, paragraph_end + 2);
}

// How a child furet-index is started.
struct ChildSetup {
  rlim_t fd_limit = 0;     ///< RLIMIT_NOFILE, if not 0
  std::string stdout_log;  ///< its output, to be read while it runs
  std::string stderr_log;
};

// ---------------------------------------------------------------------------

class FaultInjectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_ = test_seed();
    rng_.seed(seed_);
    std::cout << "seed " << seed_ << " (FURET_FAULT_SEED=" << seed_ << " replays it)\n";
    fs::create_directories(cwd_);
    fs::create_directories(child_tmp_);
    fs::create_directories(indexes_);
    fs::create_directories(logs_);
  }

  // furet-index runs from a folder of the test's own, with a TMPDIR of its
  // own, and with only stdin, stdout and stderr open (so that its descriptor
  // limit counts its own descriptors): a stray write anywhere is seen.
  std::function<void()> child_setup(const ChildSetup& setup) const {
    const std::string cwd = cwd_, tmp = child_tmp_;
    return [=] {
      const auto redirect = [](const std::string& path, int to) {
        if (path.empty()) return;
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0 || ::dup2(fd, to) < 0) ::_exit(125);
        ::close(fd);
      };
      redirect(setup.stdout_log, 1);
      redirect(setup.stderr_log, 2);
      for (int fd = 3; fd < 1024; ++fd) ::close(fd);
      if (::chdir(cwd.c_str()) != 0) ::_exit(126);
      ::setenv("TMPDIR", tmp.c_str(), 1);
      if (setup.fd_limit > 0) {
        struct rlimit limit {};
        ::getrlimit(RLIMIT_NOFILE, &limit);
        limit.rlim_cur = setup.fd_limit;
        ::setrlimit(RLIMIT_NOFILE, &limit);
      }
    };
  }

  std::vector<std::string> indexer_argv(const std::vector<std::string>& args) const {
    std::vector<std::string> argv{program("furet-index")};
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
  }

  std::unique_ptr<Process> start(const std::vector<std::string>& args,
                                 const ChildSetup& setup = {}) {
    return std::make_unique<Process>(indexer_argv(args), child_setup(setup));
  }

  // A run that must end: past the bound it is taken for a hang.
  ProcessResult index(const std::vector<std::string>& args, const ChildSetup& setup = {}) {
    ProcessResult r = start(args, setup)->wait(hang_bound(milliseconds(60000)));
    EXPECT_FALSE(r.timed_out) << "furet-index " << join(args) << " hung";
    return r;
  }

  // (d) A plain re-run completes, and the index is then exactly a clean build
  // of the same files, in a folder holding only what it should.
  // `clean`, if given, is the clean build's state, known already.
  void expect_rerun_converges(const std::string& dir, const std::vector<std::string>& roots,
                              const IndexState* clean = nullptr) {
    std::vector<std::string> args{"-q", "--index", dir};
    args.insert(args.end(), roots.begin(), roots.end());
    const ProcessResult rerun = index(args);
    ASSERT_EQ(rerun.exit_code, 0) << "the re-run must complete: " << rerun.err;
    EXPECT_EQ(open_consistent(dir), clean ? *clean : clean_state(roots))
        << "the re-run did not converge";
    EXPECT_EQ(layout_errors(dir, true), std::vector<std::string>{});
  }

  // A clean build of `roots` into a new folder, then removed.
  IndexState clean_state(const std::vector<std::string>& roots) {
    const std::string dir = indexes_ + "/clean-" + std::to_string(++clean_builds_);
    std::vector<std::string> args{"-q", "--index", dir};
    args.insert(args.end(), roots.begin(), roots.end());
    const ProcessResult r = index(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    IndexState state = read_state(Xapian::Database(dir));
    fs::remove_all(dir);
    return state;
  }

  // (a) What the test owns outside the indexes.
  Snapshot owned() const { return snapshot(tmp_.path(), {"indexes", "logs"}); }
  void expect_owned_unchanged(const std::string& when) const {
    const Snapshot now = owned();
    EXPECT_TRUE(now == expected_) << when << ": outside the index, "
                                  << first_difference(expected_, now);
  }
  std::string relative(const std::string& path) const {
    return path.substr(tmp_.path().string().size() + 1);
  }
  // Writes a file and records it, and any folder it created, as the test's own doing.
  void put(const std::string& path, const std::string& text) {
    write_file(path, text);
    expected_[relative(path)] =
        "file " + std::to_string(static_cast<unsigned>(fs::status(path).permissions())) + " " +
        text;
    for (fs::path p = fs::path(path).parent_path(); p != tmp_.path(); p = p.parent_path()) {
      if (!expected_.emplace(relative(p.string()), describe(p)).second) break;
    }
  }
  // Records that the file at `path` now holds `text` (written by a thread of the test).
  void expect_content(const std::string& path, const std::string& text) {
    std::string& entry = expected_[relative(path)];
    entry = entry.substr(0, entry.find(' ', 5) + 1) + text;  // "file <mode> " kept
  }
  void remove_article(const std::string& path) {
    fs::remove(path);
    expected_.erase(relative(path));
  }
  void remove_folder(const std::string& path) {
    fs::remove_all(path);
    const std::string name = relative(path);
    for (auto it = expected_.begin(); it != expected_.end();) {
      it = it->first == name || under(it->first, name) ? expected_.erase(it) : std::next(it);
    }
  }

  static std::string join(const std::vector<std::string>& args) {
    std::string text;
    for (const std::string& a : args) text += (text.empty() ? "" : " ") + a;
    return text;
  }

  template <typename Duration>
  milliseconds random_delay(Duration span) {
    const auto total = std::chrono::duration_cast<milliseconds>(span).count();
    return milliseconds(std::uniform_int_distribution<long>(0, std::max<long>(total, 1))(rng_));
  }
  // A moment to kill a run that takes `span` unharmed: by turns in its first
  // half, anywhere in it, and around its end, where it commits or publishes.
  template <typename Duration>
  milliseconds kill_moment(Duration span, int round) {
    switch (round % 3) {
      case 0:
        return random_delay(span / 2);
      case 1:
        return random_delay(span * 12 / 10);
      default:
        return random_delay(span * 4 / 10) +
               std::chrono::duration_cast<milliseconds>(span * 8 / 10);
    }
  }

  TempDir tmp_;
  const std::string cwd_ = tmp_ / "cwd";
  const std::string child_tmp_ = tmp_ / "tmp";
  const std::string indexes_ = tmp_ / "indexes";
  const std::string logs_ = tmp_ / "logs";  // output of running children, read as they run
  const std::string index_ = indexes_ + "/index";
  unsigned seed_ = 0;
  std::mt19937 rng_;
  Snapshot expected_;  // what owned() must be: the test's account of its files
  int clean_builds_ = 0;
};

// ---------------------------------------------------------------------------
// 1. A folder removed (rm -rf) at a random moment of an update: the other
// folders lose not one article, and the run still completes.

TEST_F(FaultInjectionTest, FolderRemovedDuringAnUpdateTakesNoOtherFolderArticle) {
  constexpr int kFolders = 40;
  constexpr int kPerFolder = 25;
  const std::string corpus = tmp_ / "corpus";
  CorpusMaker maker(seed_);
  std::vector<int> folders;  // those still there
  for (int f = 0; f < kFolders; ++f) folders.push_back(f);
  const auto folder = [&](int f) { return corpus + "/f" + std::to_string(f); };
  int generation = 0;
  const auto each_article = [&](const std::function<void(const std::string&, int)>& act) {
    for (const int f : folders) {
      for (int id = f * kPerFolder; id < (f + 1) * kPerFolder; ++id)
        act(CorpusMaker::path(folder(f), id), id);
    }
  };
  // Two ways to make the update read every file: new text (long: every
  // article is indexed again), or a new time alone (short: the walk is a
  // larger part of it).
  const auto rewrite_all = [&] {
    ++generation;
    each_article(
        [&](const std::string& path, int id) { put(path, short_article(maker, id, generation)); });
  };
  const auto touch_all = [&] {
    const auto when = fs::file_time_type::clock::now();
    each_article([&](const std::string& path, int) { fs::last_write_time(path, when); });
  };
  const auto time_update = [&] {
    const auto began = Clock::now();
    EXPECT_EQ(index({"-q", "--index", index_, corpus}).exit_code, 0);
    return Clock::now() - began;
  };
  rewrite_all();
  expected_ = owned();
  ASSERT_EQ(index({"-q", "--index", index_, corpus}).exit_code, 0);
  rewrite_all();
  const auto rewrite_time = time_update();
  touch_all();
  const auto touch_time = time_update();
  std::cout << "an update of " << kFolders * kPerFolder << " articles takes "
            << std::chrono::duration_cast<milliseconds>(rewrite_time).count() << " ms, "
            << std::chrono::duration_cast<milliseconds>(touch_time).count()
            << " ms if only touched\n";

  // Rounds by turns: new text and a random moment; a new time and a random
  // moment; a new time and the moment the walk opens its first folder, the
  // victim lying further on in the walk's (name) order.
  int unread = 0, kept = 0, dropped = 0, in_part = 0;
  for (int round = 0; round < rounds(6) && folders.size() > 2; ++round) {
    const bool rewritten = round % 3 == 0, in_walk = round % 3 == 2;
    rewritten ? rewrite_all() : touch_all();
    const IndexState before = open_consistent(index_);
    std::vector<std::string> names;
    for (const int f : folders) names.push_back("f" + std::to_string(f));
    std::sort(names.begin(), names.end());
    const std::size_t pick =
        in_walk
            ? std::uniform_int_distribution<std::size_t>(names.size() / 2, names.size() - 1)(rng_)
            : std::uniform_int_distribution<std::size_t>(0, names.size() - 1)(rng_);
    const std::string victim = corpus + "/" + names[pick];
    folders.erase(std::find(folders.begin(), folders.end(), std::stoi(names[pick].substr(1))));
    const milliseconds delay = random_delay((rewritten ? rewrite_time : touch_time) * 11 / 10);
    SCOPED_TRACE("seed " + std::to_string(seed_) + ", round " + std::to_string(round) + ": " +
                 victim + " removed " +
                 (in_walk ? "once the walk opened " + names.front()
                          : "after " + std::to_string(delay.count()) + " ms"));

    OpenWatch walk(corpus);
    auto indexer = start({"--index", index_, corpus});
    if (in_walk) {
      // Gone at once (moved out, then deleted): rm -rf alone is slower than the walk.
      EXPECT_TRUE(walk.wait_for(names.front(), hang_bound(milliseconds(20000)))) << "no walk seen";
      fs::rename(victim, tmp_ / "removed");
      remove_folder(tmp_ / "removed");
      remove_folder(victim);
    } else {
      std::this_thread::sleep_for(delay);
      remove_folder(victim);
    }
    const ProcessResult r = indexer->wait(hang_bound(milliseconds(60000)));
    ASSERT_FALSE(r.timed_out) << "furet-index hung";
    EXPECT_EQ(r.exit_code, 0) << "a vanished folder is a warning, not an error: " << r.err;

    expect_owned_unchanged("after the update");
    const IndexState after = open_consistent(index_);
    EXPECT_EQ(lost_articles(before, after), std::vector<std::string>{});
    // The run completed: every other folder is exactly as a clean build has it.
    const IndexState clean = clean_state({corpus});
    for (const auto& [path, passages] : clean) {
      const auto found = after.find(path);
      EXPECT_TRUE(found != after.end() && found->second == passages) << path << " not updated";
    }
    int victim_kept = 0, victim_dropped = 0;
    for (const auto& [path, passages] : before) {
      if (under(path, victim)) (after.count(path) ? victim_kept : victim_dropped)++;
    }
    if (contains(r.err, "'" + victim + "': cannot read this folder completely")) {
      ++unread;
      EXPECT_EQ(victim_dropped, 0) << "a folder the walk could not read lost articles";
    } else {
      (victim_dropped == 0 ? kept : victim_kept == 0 ? dropped : in_part)++;
    }
    expect_rerun_converges(index_, {corpus}, &clean);
    if (HasFatalFailure()) return;
  }
  std::cout << "removed folders: " << unread << " met by the walk (kept, unread), " << kept
            << " removed after their files were read, " << dropped << " before the walk or "
            << "before their files were read, " << in_part << " while their files were read\n";
}

// ---------------------------------------------------------------------------
// 2. File descriptors: a tree deeper than the descriptor limit is indexed
// under it; and with the limit so low that opens fail, what could not be read
// keeps its index state.

class FaultInjectionDescriptorTest : public FaultInjectionTest {
 protected:
  static constexpr int kDepth = 300;  // ids of the wide folder's articles follow the levels'

  // A chain of `depth` nested folders with an article at every level, and a
  // wide folder of `wide` articles.
  void make_tree(int depth, int wide) {
    maker_ = CorpusMaker(seed_ + 1);
    std::string folder = corpus_ + "/deep";
    for (int level = 1; level <= depth; ++level) {
      folder += "/d";
      deep_articles_.push_back(CorpusMaker::path(folder, level));
      put(deep_articles_.back(), short_article(maker_, level, 0));
    }
    for (int id = 0; id < wide; ++id) {
      wide_articles_.push_back(CorpusMaker::path(corpus_ + "/wide", kDepth + id));
      put(wide_articles_.back(), short_article(maker_, kDepth + id, 0));
    }
    expected_ = owned();
  }

  // Rewrites `count` articles, deep and wide, so that the next update reads them.
  void rewrite_some(int count, int generation) {
    for (int k = 0; k < count; ++k) {
      const bool deep = k % 2 == 0;
      const std::vector<std::string>& pool = deep ? deep_articles_ : wide_articles_;
      const std::size_t n = std::uniform_int_distribution<std::size_t>(0, pool.size() - 1)(rng_);
      if (fs::exists(pool[n])) {
        put(pool[n], short_article(maker_, static_cast<int>(n) + (deep ? 1 : kDepth), generation));
      }
    }
  }

  const std::string corpus_ = tmp_ / "corpus";
  CorpusMaker maker_;
  std::vector<std::string> deep_articles_;
  std::vector<std::string> wide_articles_;
};

TEST_F(FaultInjectionDescriptorTest, TreeDeeperThanTheDescriptorLimitIsIndexedWhole) {
  make_tree(kDepth, 150);
  const ChildSetup limited{64, "", ""};
  // One folder descriptor at a time: depth costs none. Two build threads,
  // whatever the machine: the final merge opens every thread's parts at once.
  const ProcessResult first = index({"-q", "--threads", "2", "--index", index_, corpus_}, limited);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.err, "") << "nothing to warn about";
  expect_owned_unchanged("after the first build");
  EXPECT_EQ(open_consistent(index_), clean_state({corpus_}));

  // An update reading every file, under the same limit.
  for (std::size_t n = 0; n < deep_articles_.size(); ++n) {
    put(deep_articles_[n], short_article(maker_, static_cast<int>(n) + 1, 1));
  }
  for (std::size_t n = 0; n < wide_articles_.size(); ++n) {
    put(wide_articles_[n], short_article(maker_, static_cast<int>(n) + kDepth, 1));
  }
  const ProcessResult update = index({"-q", "--index", index_, corpus_}, limited);
  ASSERT_EQ(update.exit_code, 0) << update.err;
  EXPECT_EQ(update.err, "");
  expect_owned_unchanged("after the update");
  EXPECT_EQ(open_consistent(index_), clean_state({corpus_}));
  EXPECT_EQ(layout_errors(index_, true), std::vector<std::string>{});

  // The default thread count under a low limit: success or a clean failure.
  const ProcessResult rebuild = index({"-q", "--rebuild", "--index", index_, corpus_}, limited);
  EXPECT_TRUE(rebuild.exit_code == 0 ||
              (rebuild.exit_code == 2 && contains(rebuild.err, "furet-index: error: ")))
      << rebuild.exit_code << ": " << rebuild.err;
  expect_owned_unchanged("after the rebuild");
  EXPECT_EQ(open_consistent(index_), clean_state({corpus_}));
  EXPECT_EQ(layout_errors(index_, true), std::vector<std::string>{});
}

TEST_F(FaultInjectionDescriptorTest, ExhaustedDescriptorsLoseNoArticleAndKeepWhatWasNotRead) {
#ifdef FURET_SANITIZED
  GTEST_SKIP() << "UBSan probes memory through a pipe, which needs a free descriptor: with none "
                  "left it reports a false error; this test runs in the plain build";
#endif
  make_tree(30, 60);  // deeper than any limit below, and quick to build clean again
  ASSERT_EQ(index({"-q", "--index", index_, corpus_}).exit_code, 0);
  const std::string emfile = std::strerror(EMFILE);

  // Plain updates, the limit lowered step by step: the walk comes before the
  // database opens, so it is the reads that meet the limit first.
  int read_failures = 0, clean_failures = 0, lowest_started = 0, read_failure_limit = 0;
  for (int limit = 24; limit >= 3; --limit) {
    SCOPED_TRACE("seed " + std::to_string(seed_) + ", RLIMIT_NOFILE " + std::to_string(limit));
    rewrite_some(12, 100 + limit);
    const IndexState before = open_consistent(index_);
    const ProcessResult r =
        index({"-q", "--index", index_, corpus_}, {static_cast<rlim_t>(limit), "", ""});
    if (r.exit_code == 127 && contains(r.err, "error while loading shared libraries")) break;
    lowest_started = limit;
    expect_owned_unchanged("after the update");
    const IndexState after = open_consistent(index_);
    EXPECT_EQ(lost_articles(before, after), std::vector<std::string>{});
    if (r.exit_code == 2) {
      EXPECT_TRUE(contains(r.err, "furet-index: error: ")) << r.err;
      EXPECT_EQ(after, before) << "a failed update commits nothing";
      ++clean_failures;
    } else {
      ASSERT_EQ(r.exit_code, 0) << "neither success nor a clean failure: " << r.err;
      const std::set<std::string> unread = paths_in(r.err, "skipped ", "cannot read: " + emfile);
      for (const std::string& path : unread) {
        EXPECT_TRUE(after.count(path) && before.count(path) && after.at(path) == before.at(path))
            << path << " not kept";
      }
      if (!unread.empty()) {
        EXPECT_TRUE(contains(r.err, "what the index held of it is kept")) << r.err;
        ++read_failures;
        read_failure_limit = std::max(read_failure_limit, limit);
        std::cout << "fd limit " << limit << ": " << unread.size() << " reads failed, kept\n";
      }
    }
    if (r.exit_code != 0 || r.err != "") expect_rerun_converges(index_, {corpus_});
    if (HasFatalFailure()) return;
  }
  std::cout << "plain updates: " << read_failures << " with failed reads, " << clean_failures
            << " failed cleanly, down to a limit of " << lowest_started << "\n";
  EXPECT_GT(read_failures, 0) << "no limit made a read fail: the scan missed the fault";
  EXPECT_GT(clean_failures, 0) << "no limit made the update fail: the scan stopped too high";

  // --watch keeps the databases open between batches, so a batch's walk meets
  // the limit too, near the limit where reads failed (one descriptor more
  // for inotify): a folder it cannot read keeps its articles, even those
  // whose file was deleted meanwhile.
  if (read_failure_limit == 0) return;
  int folder_failures = 0;
  for (int limit = std::max(lowest_started, read_failure_limit - 1);
       limit <= read_failure_limit + 3; ++limit) {
    SCOPED_TRACE("seed " + std::to_string(seed_) + ", --watch, RLIMIT_NOFILE " +
                 std::to_string(limit));
    const std::string out = logs_ + "/watch.out";
    const std::string err = logs_ + "/watch.err";
    auto watcher = start({"--watch", "-v", "--index", index_, corpus_},
                         {static_cast<rlim_t>(limit), out, err});
    const auto ended = [&] { return contains(read_file(err), "furet-index: error: "); };
    const bool ready = wait_until([&] { return count_reports(out) >= 1 || ended(); },
                                  hang_bound(milliseconds(20000)));
    ASSERT_TRUE(ready) << "the first update never ended";
    const IndexState before = open_consistent(index_);
    std::vector<std::string> deleted;
    if (!ended()) {
      rewrite_some(6, 200 + limit);
      for (const std::vector<std::string>* pool : {&deep_articles_, &wide_articles_}) {
        for (const std::string& path : *pool) {
          if (!fs::exists(path)) continue;
          deleted.push_back(path);
          remove_article(path);
          break;
        }
      }
      EXPECT_TRUE(wait_until([&] { return count_reports(out) >= 2 || ended(); },
                             hang_bound(milliseconds(20000))))
          << "the batch never ended";
    }
    watcher->kill(SIGTERM);
    const ProcessResult r = watcher->wait(hang_bound(milliseconds(20000)));
    ASSERT_FALSE(r.timed_out) << "furet-index --watch did not stop";
    const std::string errors = read_file(err);
    fs::remove(out);
    fs::remove(err);
    if (r.exit_code == 127) break;  // below what the program needs to start: nothing to see
    EXPECT_TRUE(r.exit_code == 0 || (r.exit_code == 2 && contains(errors, "furet-index: error: ")))
        << r.exit_code << ": " << errors;
    expect_owned_unchanged("after --watch");
    const IndexState after = open_consistent(index_);
    EXPECT_EQ(lost_articles(before, after), std::vector<std::string>{});
    const std::set<std::string> unread_folders =
        paths_in(errors, "warning: ", "cannot read this folder completely (" + emfile + ")");
    int kept = 0;
    for (const auto& [path, passages] : before) {
      const bool unread = std::any_of(unread_folders.begin(), unread_folders.end(),
                                      [&](const std::string& f) { return under(path, f); });
      if (!unread) continue;
      EXPECT_TRUE(after.count(path) && after.at(path) == passages) << path << " not kept";
      ++kept;
    }
    if (!unread_folders.empty()) {
      ++folder_failures;
      for (const std::string& path : deleted) {
        if (std::any_of(unread_folders.begin(), unread_folders.end(),
                        [&](const std::string& f) { return under(path, f); })) {
          EXPECT_TRUE(after.count(path)) << "deleted " << path << " under an unread folder";
        }
      }
      std::cout << "--watch, fd limit " << limit << ": " << unread_folders.size()
                << " folders unread, " << kept << " articles kept\n";
    }
    expect_rerun_converges(index_, {corpus_});
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(folder_failures, 0) << "no limit made a folder unreadable: the scan missed the fault";
}

// ---------------------------------------------------------------------------
// 3. Article files swapped, while furet-index runs, for a link to a secret
// file out of the tree, a FIFO, or a link to a FIFO, and back to a file: no
// hang, the secret never indexed, the index consistent, and a quiet re-run
// converges.

// Swaps random articles on a thread of its own; each swap and each way back
// is one rename, so that the file is always whole, whatever it is.
class Swapper {
 public:
  Swapper(std::vector<std::string> articles, std::string secret, std::string fifo, unsigned seed,
          CorpusMaker& maker)
      : articles_(std::move(articles)),
        secret_(std::move(secret)),
        fifo_(std::move(fifo)),
        rng_(seed),
        maker_(maker) {}
  ~Swapper() { stop(); }

  void start() {
    stop_ = false;
    touched_.clear();
    contents_.clear();
    swaps_ = 0;
    thread_ = std::thread([this] { loop(); });
  }
  // Stops and puts every article back as a regular file.
  void stop() {
    if (!thread_.joinable()) return;
    stop_ = true;
    thread_.join();
    while (!swapped_.empty()) restore();
  }
  // The articles swapped since start(), and what each holds now.
  const std::set<std::string>& touched() const { return touched_; }
  const std::map<std::string, std::string>& contents() const { return contents_; }
  int swaps() const { return swaps_; }

 private:
  static constexpr std::size_t kSwappedAtOnce = 8;

  void loop() {
    while (!stop_) {
      std::size_t n = std::uniform_int_distribution<std::size_t>(0, articles_.size() - 1)(rng_);
      const std::string& path = articles_[n];
      if (std::find(swapped_.begin(), swapped_.end(), n) == swapped_.end()) {
        const std::string spare = spare_of(path);
        switch (swaps_++ % 3) {
          case 0:
            fs::create_symlink(secret_, spare);
            break;
          case 1:
            ::mkfifo(spare.c_str(), 0644);
            break;
          default:
            fs::create_symlink(fifo_, spare);
            break;
        }
        fs::rename(spare, path);
        touched_.insert(path);
        swapped_.push_back(n);
      }
      if (swapped_.size() > kSwappedAtOnce) restore();
      std::this_thread::sleep_for(
          std::chrono::microseconds(std::uniform_int_distribution<int>(0, 1500)(rng_)));
    }
  }
  // The oldest swapped article becomes a regular file again, with new text.
  void restore() {
    const std::string& path = articles_[swapped_.front()];
    const std::string spare = spare_of(path);
    const std::string text = maker_.article(static_cast<int>(swapped_.front()), ++generation_);
    write_file(spare, text);
    fs::rename(spare, path);
    contents_[path] = text;
    swapped_.pop_front();
  }
  // Hidden, in the same folder: the walk passes it over, the rename is atomic.
  static std::string spare_of(const std::string& path) {
    const fs::path p(path);
    return (p.parent_path() / ("." + p.filename().string() + ".swap")).string();
  }

  const std::vector<std::string> articles_;
  const std::string secret_, fifo_;
  std::mt19937 rng_;
  CorpusMaker& maker_;
  std::thread thread_;
  std::atomic<bool> stop_{false};
  std::deque<std::size_t> swapped_;
  std::set<std::string> touched_;
  std::map<std::string, std::string> contents_;
  int swaps_ = 0;
  int generation_ = 1000;
};

TEST_F(FaultInjectionTest, FilesSwappedForLinksAndFifosNeverLeakOrHang) {
  constexpr int kArticles = 160;
  const std::string corpus = tmp_ / "corpus";
  const std::string secret = tmp_ / "secret/credentials.txt";
  const std::string fifo = tmp_ / "secret/pipe.txt";
  const std::string secret_word = "zorglubinette";
  CorpusMaker maker(seed_);
  std::vector<std::string> articles;
  for (int id = 0; id < kArticles; ++id) {
    articles.push_back(CorpusMaker::path(corpus + "/f" + std::to_string(id % 4), id));
    put(articles.back(), maker.article(id, 0));
  }
  put(secret, "Le mot de passe du serveur est " + secret_word + ", ne le dites à personne.\n");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0) << std::strerror(errno);
  expected_ = owned();
  // The secret's word is one the index would find, were the secret read.
  const std::string control = indexes_ + "/control";
  ASSERT_EQ(index({"-q", "--index", control, secret}).exit_code, 0);
  ASSERT_EQ(search(control, secret_word), 0);
  ASSERT_EQ(index({"-q", "--index", index_, corpus}).exit_code, 0);

  Swapper swapper(articles, secret, fifo, seed_, maker);
  const std::vector<std::vector<std::string>> runs = {
      {"--index", index_, corpus},
      {"--index", index_, corpus},
      {"--rebuild", "--index", index_, corpus},
      {"--index", index_, corpus},
      {"--rebuild", "--shards", "3", "--index", index_, corpus},
      {"--index", index_, corpus},
      {"--index", index_, corpus}};
  int swaps = 0, reads_refused = 0, walk_skips = 0;
  for (int round = 0; round < rounds(1); ++round) {
    for (std::size_t k = 0; k < runs.size(); ++k) {
      SCOPED_TRACE("seed " + std::to_string(seed_) + ", round " + std::to_string(round) +
                   ": furet-index " + join(runs[k]));
      // Every article rewritten first, so that the run reads them all.
      for (int id = 0; id < kArticles; ++id)
        put(articles[id], maker.article(id, 10 * round + int(k) + 1));
      const IndexState before = open_consistent(index_);
      swapper.start();
      const ProcessResult r = index(runs[k]);
      swapper.stop();
      ASSERT_FALSE(r.timed_out);
      EXPECT_EQ(r.exit_code, 0) << r.err;
      swaps += swapper.swaps();
      for (const auto& [path, text] : swapper.contents()) expect_content(path, text);
      for (std::size_t at = 0; (at = r.err.find("while being indexed", at)) != std::string::npos;
           ++at) {
        ++reads_refused;
      }
      for (std::size_t at = 0;
           (at = r.err.find("outside the indexed folders", at)) != std::string::npos; ++at) {
        ++walk_skips;
      }

      expect_owned_unchanged("after the run");
      const IndexState after = open_consistent(index_);
      EXPECT_EQ(lost_articles(before, after, swapper.touched()), std::vector<std::string>{});
      for (const auto& [path, passages] : after) {
        for (const std::string& p : passages) {
          EXPECT_FALSE(contains(p, secret_word)) << path << " holds the secret";
        }
      }
      EXPECT_EQ(search(index_, secret_word), 1) << "the secret is searchable";
      EXPECT_EQ(layout_errors(index_, true), std::vector<std::string>{});
      if (HasFatalFailure()) return;
    }
  }
  std::cout << swaps << " swaps; furet-index refused " << reads_refused
            << " files replaced between walk and read, skipped " << walk_skips
            << " links out of the tree seen by the walk\n";
  EXPECT_GT(walk_skips + reads_refused, 0) << "no swap was ever met: the test injected nothing";
  expect_rerun_converges(index_, {corpus});
  EXPECT_EQ(search(index_, secret_word), 1) << "the secret is searchable";
}

// ---------------------------------------------------------------------------
// 4. SIGKILL at random moments of updates, rebuilds and --watch batches.

class FaultInjectionKillTest : public FaultInjectionTest {
 protected:
  static constexpr int kArticles = 120;

  void SetUp() override {
    FaultInjectionTest::SetUp();
    maker_ = std::make_unique<CorpusMaker>(seed_);
    for (int id = 0; id < kArticles; ++id) {
      alive_.push_back(id);
      put(CorpusMaker::path(corpus_, id), maker_->article(id, 0));
    }
    next_id_ = kArticles;
    expected_ = owned();
  }

  // A round's change: a quarter of the articles rewritten, a tenth deleted,
  // a tenth added.
  void change_corpus(int round) {
    std::shuffle(alive_.begin(), alive_.end(), rng_);
    const std::size_t rewrite = alive_.size() / 4, remove = alive_.size() / 10;
    for (std::size_t k = 0; k < rewrite; ++k) {
      put(CorpusMaker::path(corpus_, alive_[k]), maker_->article(alive_[k], round + 1));
    }
    for (std::size_t k = rewrite; k < rewrite + remove; ++k) {
      remove_article(CorpusMaker::path(corpus_, alive_[k]));
    }
    alive_.erase(alive_.begin() + static_cast<std::ptrdiff_t>(rewrite),
                 alive_.begin() + static_cast<std::ptrdiff_t>(rewrite + remove));
    for (int k = 0; k < kArticles / 10; ++k) {
      alive_.push_back(next_id_);
      put(CorpusMaker::path(corpus_, next_id_), maker_->article(next_id_, 0));
      ++next_id_;
    }
  }

  // How long a run takes, unharmed, after a change.
  Clock::duration time_run(const std::vector<std::string>& args, int round) {
    change_corpus(round);
    const auto began = Clock::now();
    const ProcessResult r = index(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return Clock::now() - began;
  }

  // (a), (b), (c) after a kill; the state the kill left.
  IndexState check_after_kill(const IndexState& before) {
    expect_owned_unchanged("after the kill");
    const IndexState after = open_consistent(index_);
    EXPECT_EQ(lost_articles(before, after), std::vector<std::string>{});
    EXPECT_EQ(layout_errors(index_, false), std::vector<std::string>{});
    return after;
  }

  const std::string corpus_ = tmp_ / "corpus";
  std::unique_ptr<CorpusMaker> maker_;
  std::vector<int> alive_;
  int next_id_ = 0;
};

// Each shard commits at once: after a kill, each shard is as before or as
// after the update, and a re-run finishes the rest.
TEST_F(FaultInjectionKillTest, KilledUpdateLeavesEachShardAtItsLastCommit) {
  const std::string sharded = indexes_ + "/sharded";
  ASSERT_EQ(index({"-q", "--index", index_, corpus_}).exit_code, 0);
  ASSERT_EQ(index({"-q", "--shards", "3", "--index", sharded, corpus_}).exit_code, 0);
  const auto update_time = time_run({"-q", "--index", index_, corpus_}, 0);
  ASSERT_EQ(index({"-q", "--index", sharded, corpus_}).exit_code, 0);

  int old_shards = 0, new_shards = 0;
  for (int round = 1; round <= rounds(4); ++round) {
    change_corpus(round);
    const IndexState clean = clean_state({corpus_});
    for (const std::string& dir : {index_, sharded}) {
      const milliseconds delay = kill_moment(update_time, round + (dir == sharded));
      SCOPED_TRACE("seed " + std::to_string(seed_) + ", round " + std::to_string(round) + ", " +
                   dir + " killed after " + std::to_string(delay.count()) + " ms");
      const IndexState before = open_consistent(dir);
      const std::vector<IndexState> shards_before = shard_states(dir);
      auto indexer = start({"-q", "--index", dir, corpus_});
      std::this_thread::sleep_for(delay);
      indexer->kill(SIGKILL);
      indexer->wait();

      expect_owned_unchanged("after the kill");
      const IndexState after = open_consistent(dir);
      EXPECT_EQ(lost_articles(before, after), std::vector<std::string>{});
      EXPECT_EQ(layout_errors(dir, false), std::vector<std::string>{});
      const std::vector<IndexState> shards_after = shard_states(dir);
      expect_rerun_converges(dir, {corpus_}, &clean);
      if (HasFatalFailure()) return;
      const std::vector<IndexState> shards_done = shard_states(dir);
      ASSERT_EQ(shards_after.size(), shards_before.size());
      for (std::size_t s = 0; s < shards_after.size(); ++s) {
        if (shards_after[s] == shards_before[s]) {
          ++old_shards;
        } else {
          EXPECT_EQ(shards_after[s], shards_done[s]) << "shard " << s << " is half updated";
          ++new_shards;
        }
      }
    }
  }
  std::cout << "shards after a kill: " << old_shards << " at the previous commit, " << new_shards
            << " at the new one\n";
  EXPECT_GT(old_shards, 0) << "no kill landed before a commit";
}

// A rebuild is published in one rename: after a kill the index is the old one
// or the new one, and the re-run leaves no other generation.
TEST_F(FaultInjectionKillTest, KilledRebuildLeavesOneGenerationOrTheOther) {
  ASSERT_EQ(index({"-q", "--index", index_, corpus_}).exit_code, 0);
  const auto rebuild_time = time_run({"-q", "--rebuild", "--index", index_, corpus_}, 0);
  const std::vector<std::vector<std::string>> shard_options = {
      {}, {"--shards", "3"}, {"--shards", "1"}};
  int saw_old = 0, saw_new = 0;
  for (int round = 1; round <= rounds(6); ++round) {
    change_corpus(round);
    const IndexState clean = clean_state({corpus_});
    const IndexState before = open_consistent(index_);
    std::vector<std::string> args{"-q", "--rebuild"};
    const std::vector<std::string>& shards = shard_options[static_cast<std::size_t>(round) % 3];
    args.insert(args.end(), shards.begin(), shards.end());
    args.insert(args.end(), {"--index", index_, corpus_});
    const milliseconds delay = kill_moment(rebuild_time, round);
    SCOPED_TRACE("seed " + std::to_string(seed_) + ", round " + std::to_string(round) + ": " +
                 join(args) + " killed after " + std::to_string(delay.count()) + " ms");
    auto indexer = start(args);
    std::this_thread::sleep_for(delay);
    indexer->kill(SIGKILL);
    indexer->wait();

    const IndexState after = check_after_kill(before);
    if (after == before) {
      ++saw_old;
    } else {
      EXPECT_EQ(after, clean) << "neither the old index nor the new one";
      ++saw_new;
    }
    expect_rerun_converges(index_, {corpus_}, &clean);
    if (HasFatalFailure()) return;
  }
  std::cout << "rebuilds killed: " << saw_old << " before publishing, " << saw_new << " after\n";
  EXPECT_GT(saw_old, 0) << "no kill landed before the publication";
}

// --watch commits each batch at once: after a kill every article is as it was
// or as the batch made it, and a plain re-run finishes the rest.
TEST_F(FaultInjectionKillTest, KilledWatchBatchLeavesEveryArticleOldOrNew) {
  ASSERT_EQ(index({"-q", "--index", index_, corpus_}).exit_code, 0);
  const std::string out = logs_ + "/watch.out";
  const auto start_watch = [&] {
    auto watcher = start({"--watch", "-v", "--index", index_, corpus_}, {0, out, ""});
    EXPECT_TRUE(
        wait_until([&] { return count_reports(out) >= 1; }, hang_bound(milliseconds(20000))))
        << "the first update never ended";
    return watcher;
  };
  // How long from a change to its batch committed: the debounce, then the update.
  Clock::duration batch_time;
  {
    auto watcher = start_watch();
    const auto began = Clock::now();
    change_corpus(0);
    ASSERT_TRUE(
        wait_until([&] { return count_reports(out) >= 2; }, hang_bound(milliseconds(20000))));
    batch_time = Clock::now() - began;
    watcher->kill(SIGTERM);
    ASSERT_EQ(watcher->wait(hang_bound(milliseconds(20000))).exit_code, 0);
    fs::remove(out);
  }
  std::cout << "a --watch batch commits "
            << std::chrono::duration_cast<milliseconds>(batch_time).count()
            << " ms after the change\n";

  int untouched = 0, committed = 0;
  for (int round = 1; round <= rounds(5); ++round) {
    const IndexState before = open_consistent(index_);
    auto watcher = start_watch();
    change_corpus(round);
    const milliseconds delay = kill_moment(batch_time, round);
    SCOPED_TRACE("seed " + std::to_string(seed_) + ", round " + std::to_string(round) +
                 ": killed " + std::to_string(delay.count()) + " ms after the change");
    std::this_thread::sleep_for(delay);
    watcher->kill(SIGKILL);
    watcher->wait();
    fs::remove(out);

    const IndexState after = check_after_kill(before);
    const IndexState clean = clean_state({corpus_});
    for (const auto& [path, passages] : after) {
      const bool as_before = before.count(path) && before.at(path) == passages;
      const bool as_clean = clean.count(path) && clean.at(path) == passages;
      EXPECT_TRUE(as_before || as_clean) << path << " is neither as it was nor as it is";
    }
    (after == before ? untouched : committed)++;
    expect_rerun_converges(index_, {corpus_}, &clean);
    if (HasFatalFailure()) return;
  }
  std::cout << "watch kills: " << untouched << " before the batch's commit, " << committed
            << " after\n";
}

}  // namespace
}  // namespace furet::testing
