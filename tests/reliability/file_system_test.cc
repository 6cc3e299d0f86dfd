// Hostile and careless file systems: furet-index never destroys what it did
// not create, never reads out of the tree it was given, never hangs on a
// special file, and never takes an unread folder for deleted articles.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <thread>

#include "../process_util.h"
#include "corpus_maker.h"
#include "index_state.h"

namespace furet::testing {
namespace {

namespace fs = std::filesystem;

// Every entry under `dir` with its type and content, to show nothing changed.
std::map<std::string, std::string> snapshot(const std::string& dir) {
  std::map<std::string, std::string> entries;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string name = fs::relative(e.path(), dir).string();
    if (e.is_symlink()) {
      entries[name] = "link " + fs::read_symlink(e.path()).string();
    } else if (e.is_regular_file()) {
      entries[name] = read_file(e.path().string());
    } else {
      entries[name] = "folder";
    }
  }
  return entries;
}

ProcessResult index_files(const std::vector<std::string>& args) {
  std::vector<std::string> command{program("furet-index"), "-q"};
  command.insert(command.end(), args.begin(), args.end());
  return run(command);
}

ProcessResult search(const std::string& index, const std::string& query) {
  return run({program("furet-search"), "--index", index, "--color", "never", query});
}

// Runs furet-index as an ordinary user when the tests run as root, who reads
// and writes anything: the permission errors below need someone they stop.
void as_ordinary_user() {
  if (::getuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(99);
}

// Whether an ordinary user can run the programs at all from this build.
bool ordinary_user_can_run() {
  return run({program("furet-index"), "--version"}, as_ordinary_user).exit_code == 0;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class FileSystemTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"000_a6889a2d8a781125.txt", "001_26ca7a1eb712dcc4.txt"}) {
      write_file(corpus_ + "/" + name, read_file(corpus_file(name)));
    }
  }
  TempDir tmp_;
  std::string corpus_ = tmp_ / "corpus";
  std::string index_ = tmp_ / "index";
};

// 1. A folder that is not a furet index is refused, untouched, whatever it holds.
TEST_F(FileSystemTest, FolderThatIsNotAnIndexIsRefusedAndLeftAlone) {
  write_file(tmp_ / "notes/todo.odt", "mes notes");
  for (const std::string& folder : {corpus_, tmp_ / "notes"}) {
    const auto before = snapshot(folder);
    const ProcessResult r = index_files({"--index", folder, corpus_});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_TRUE(contains(r.err, "'" + folder + "' is not a furet index")) << r.err;
    EXPECT_EQ(snapshot(folder), before) << "nothing written, nothing removed in " << folder;
    EXPECT_EQ(index_files({"--rebuild", "--index", folder, corpus_}).exit_code, 2);
    EXPECT_EQ(snapshot(folder), before);
  }
}

// ... and the advice of furet-search, followed to the letter, is safe.
TEST_F(FileSystemTest, SearcherAdviceOnAFolderOfFilesNeverNamesThatFolder) {
  const ProcessResult r = search(corpus_, "Nvidia");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(contains(r.err, "furet-index --index " + corpus_)) << r.err;
  EXPECT_TRUE(contains(r.err, "new folder")) << r.err;
}

TEST_F(FileSystemTest, NewOrEmptyFolderBecomesAnIndex) {
  fs::create_directories(index_);
  ASSERT_EQ(index_files({"--index", index_, corpus_}).exit_code, 0);
  ASSERT_EQ(index_files({"--index", tmp_ / "new/deeper", corpus_}).exit_code, 0);
  EXPECT_EQ(search(tmp_ / "new/deeper", "Nvidia").exit_code, 0);
}

// 3. The shard list is read strictly: it cannot send writes out of the folder.
TEST_F(FileSystemTest, ShardListNamingAnotherPlaceIsRefused) {
  ASSERT_EQ(index_files({"--index", index_, corpus_}).exit_code, 0);
  write_file(tmp_ / "victim/precious.txt", "à garder");
  const auto victim = snapshot(tmp_ / "victim");
  const std::string list = read_file(index_ + "/XAPIANDB");
  for (const std::string& forged :
       {"auto " + tmp_ / "victim" + "\n", std::string("auto ../victim\n"),
        std::string("auto gen-1/../../victim\n"), std::string("remote 127.0.0.1 1\n")}) {
    write_file(index_ + "/XAPIANDB", forged);
    const ProcessResult r = index_files({"--index", index_, corpus_});
    EXPECT_EQ(r.exit_code, 2) << forged;
    EXPECT_TRUE(contains(r.err, "not a furet index")) << r.err;
    EXPECT_EQ(index_files({"--rebuild", "--index", index_, corpus_}).exit_code, 2) << forged;
    EXPECT_EQ(snapshot(tmp_ / "victim"), victim) << forged;
  }
  // A generation replaced by a link is refused the same way.
  write_file(index_ + "/XAPIANDB", list);
  const std::string generation = index_ + "/" + list.substr(5, list.find('/') - 5);
  fs::rename(generation, tmp_ / "moved");
  fs::create_directory_symlink(tmp_ / "victim", generation);
  EXPECT_EQ(index_files({"--index", index_, corpus_}).exit_code, 2);
  EXPECT_EQ(snapshot(tmp_ / "victim"), victim);
}

// 4. Two indexes whose names differ by a dot build side by side.
TEST_F(FileSystemTest, IndexesNamedAlikeBuildAtTheSameTime) {
  CorpusMaker maker(3);
  for (int id = 0; id < 200; ++id) maker.write(corpus_, id, 0);
  for (int round = 0; round < 3; ++round) {
    const std::string a = tmp_ / ("r" + std::to_string(round) + "/furet");
    const std::string b = tmp_ / ("r" + std::to_string(round) + "/.furet");
    Process first({program("furet-index"), "-q", "--index", a, corpus_});
    Process second({program("furet-index"), "-q", "--index", b, corpus_});
    const ProcessResult ra = first.wait();
    const ProcessResult rb = second.wait();
    ASSERT_EQ(ra.exit_code, 0) << ra.err;
    ASSERT_EQ(rb.exit_code, 0) << rb.err;
    EXPECT_EQ(read_state(Xapian::Database(a)), read_state(Xapian::Database(b)));
  }
}

// 4. A rebuild through a link updates the folder it leads to; the link stays.
TEST_F(FileSystemTest, RebuildThroughALinkedIndexKeepsTheLink) {
  const std::string target = tmp_ / "data/furet";
  const std::string link = tmp_ / "home/.furet";
  fs::create_directories(target);
  fs::create_directories(tmp_ / "home");
  fs::create_directory_symlink("../data/furet", link);
  ASSERT_EQ(index_files({"--index", link, corpus_}).exit_code, 0);
  write_file(corpus_ + "/new.txt", "Les framboises de Plougastel arrivent sur les marchés.\n");
  ASSERT_EQ(index_files({"--rebuild", "--index", link, corpus_}).exit_code, 0);
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(search(target, "framboises").exit_code, 0);
  EXPECT_EQ(search(link, "framboises").exit_code, 0);
}

// 2. A folder that cannot be read keeps its articles; a folder read completely
// is where deletions are seen.
TEST_F(FileSystemTest, UnreadableFolderKeepsItsArticles) {
  if (!ordinary_user_can_run()) GTEST_SKIP() << "an ordinary user cannot run this build's programs";
  write_file(corpus_ + "/b/kept.txt", "Les framboises de Plougastel arrivent sur les marchés.\n");
  write_file(corpus_ + "/b/gone.txt", "Les fraises de Plougastel arrivent sur les marchés.\n");
  ASSERT_EQ(index_files({"--index", index_, corpus_}).exit_code, 0);
  ::chmod(index_.c_str(), 0777);  // the index stays writable by the unprivileged run below
  ::chmod(tmp_.path().c_str(), 0755);
  for (const auto& e : fs::recursive_directory_iterator(index_)) {
    ::chmod(e.path().c_str(), e.is_directory() ? 0777 : 0666);
  }
  ::chmod((corpus_ + "/b").c_str(), 0);
  // Root reads any folder: the run drops to an ordinary user to meet the error.
  const ProcessResult r =
      run({program("furet-index"), "--index", index_, corpus_}, as_ordinary_user);
  ::chmod((corpus_ + "/b").c_str(), 0755);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.err, "/b': cannot read this folder")) << r.err;
  EXPECT_TRUE(contains(r.out, " 0 removed")) << r.out;
  EXPECT_EQ(search(index_, "framboises").exit_code, 0);
  fs::remove(corpus_ + "/b/gone.txt");
  const ProcessResult again = index_files({"--index", index_, corpus_});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(search(index_, "fraises").exit_code, 1) << "read completely: the deletion is seen";
  EXPECT_EQ(search(index_, "framboises").exit_code, 0);
}

TEST_F(FileSystemTest, MissingRootKeepsItsArticles) {
  write_file(tmp_ / "other/a.txt", "Les framboises de Plougastel arrivent sur les marchés.\n");
  ASSERT_EQ(index_files({"--index", index_, corpus_, tmp_ / "other"}).exit_code, 0);
  fs::rename(tmp_ / "other", tmp_ / "elsewhere");  // unmounted, say
  const ProcessResult r = index_files({"--index", index_, corpus_, tmp_ / "other"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(contains(r.err, "is kept")) << r.err;
  EXPECT_EQ(search(index_, "framboises").exit_code, 0);
}

// 6. A link to a file out of the tree is not read, unless asked.
TEST_F(FileSystemTest, LinkOutOfTheTreeIsNotRead) {
  write_file(tmp_ / "secret/shadow.txt", "motdepasse ultrasecret du serveur\n");
  fs::create_symlink(tmp_ / "secret/shadow.txt", corpus_ + "/shadow.txt");
  write_file(corpus_ + "/.store/inside.txt", "Les framboises de Plougastel arrivent.\n");
  fs::create_symlink(".store/inside.txt", corpus_ + "/inside.txt");
  const ProcessResult r = index_files({"--index", index_, corpus_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.err, "shadow.txt': a link to")) << r.err;
  EXPECT_EQ(search(index_, "ultrasecret").exit_code, 1);
  EXPECT_EQ(search(index_, "framboises").exit_code, 0) << "a link inside the tree is read";
  const std::string open = tmp_ / "open";
  ASSERT_EQ(index_files({"--follow-links", "--index", open, corpus_}).exit_code, 0);
  EXPECT_EQ(search(open, "ultrasecret").exit_code, 0);
}

// 7. FIFOs and devices, in the tree or named, are skipped at once.
TEST_F(FileSystemTest, SpecialFilesAreSkippedWithoutWaiting) {
  ASSERT_EQ(::mkfifo((corpus_ + "/pipe.txt").c_str(), 0644), 0) << std::strerror(errno);
  ASSERT_EQ(::mkfifo((tmp_ / "named.txt").c_str(), 0644), 0);
  fs::create_symlink(tmp_ / "named.txt", corpus_ + "/linked-pipe.txt");
  Process indexer({program("furet-index"), "--follow-links", "--index", index_, corpus_,
                   tmp_ / "named.txt", "/dev/zero"});
  const ProcessResult r = indexer.wait(std::chrono::seconds(20));
  ASSERT_FALSE(r.timed_out) << "furet-index hung";
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.err, "pipe.txt': a FIFO, not a regular file")) << r.err;
  EXPECT_TRUE(contains(r.err, "named.txt': a FIFO, not a regular file")) << r.err;
  EXPECT_TRUE(contains(r.err, "'/dev/zero': a character device")) << r.err;
  EXPECT_TRUE(contains(r.err, "linked-pipe.txt': a link to a FIFO")) << r.err;
  EXPECT_LT(r.max_rss_kb, 200 * 1024);
}

// 9. Each reason a writer cannot write has its own message.
TEST_F(FileSystemTest, LockedReadOnlyAndForbiddenIndexesSayWhich) {
  ASSERT_EQ(index_files({"--index", index_, corpus_}).exit_code, 0);
  {
    const int fd = ::open((index_ + "/furet.lock").c_str(), O_RDWR);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::flock(fd, LOCK_EX), 0);  // as a live writer holds it, with its pid
    const std::string pid = std::to_string(::getpid()) + "\n";
    ASSERT_EQ(::ftruncate(fd, 0), 0);
    ASSERT_EQ(::pwrite(fd, pid.data(), pid.size(), 0), static_cast<ssize_t>(pid.size()));
    const ProcessResult r = index_files({"--index", index_, corpus_});
    ::close(fd);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "is being updated by another process")) << r.err;
  }
  if (!ordinary_user_can_run()) GTEST_SKIP() << "an ordinary user cannot run this build's programs";
  ::chmod(tmp_.path().c_str(), 0755);
  ::chmod(index_.c_str(), 0555);
  const ProcessResult forbidden =
      run({program("furet-index"), "-q", "--index", index_, corpus_}, as_ordinary_user);
  ::chmod(index_.c_str(), 0755);
  EXPECT_EQ(forbidden.exit_code, 2);
  EXPECT_TRUE(contains(forbidden.err, "no permission to update index")) << forbidden.err;

  const std::string mount_point = tmp_ / "ro";
  fs::create_directories(mount_point);
  if (::mount(index_.c_str(), mount_point.c_str(), nullptr, MS_BIND, nullptr) != 0 ||
      ::mount(nullptr, mount_point.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) !=
          0) {
    ::umount2(mount_point.c_str(), MNT_DETACH);
    GTEST_SKIP() << "cannot make a read-only bind mount here (" << std::strerror(errno)
                 << "); needs root with CAP_SYS_ADMIN";
  }
  const ProcessResult read_only = index_files({"--index", mount_point, corpus_});
  const ProcessResult searched = search(mount_point, "Nvidia");
  ::umount2(mount_point.c_str(), MNT_DETACH);
  EXPECT_EQ(read_only.exit_code, 2);
  EXPECT_TRUE(contains(read_only.err, "read-only file system")) << read_only.err;
  EXPECT_EQ(searched.exit_code, 0) << "a read-only index is still searched";
}

// 9. A writer killed with a large heap holds its lock while the kernel frees
// that heap: a run started meanwhile waits for the lock instead of failing.
TEST_F(FileSystemTest, LockOfAWriterStillDyingIsWaitedFor) {
  ASSERT_EQ(index_files({"--index", index_, corpus_}).exit_code, 0);
  int ready[2];
  ASSERT_EQ(::pipe(ready), 0);
  const pid_t holder = ::fork();
  if (holder == 0) {
    const int fd = ::open((index_ + "/furet.lock").c_str(), O_RDWR);
    if (fd < 0 || ::flock(fd, LOCK_EX) != 0) ::_exit(1);
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) < 0) ::_exit(1);
    std::vector<char> heap(std::size_t{1} << 30, 1);  // a gigabyte to free when killed
    if (::write(ready[1], heap.data(), 1) != 1) ::_exit(1);
    ::pause();
    ::_exit(0);
  }
  char byte = 0;
  ASSERT_EQ(::read(ready[0], &byte, 1), 1);
  ::kill(holder, SIGKILL);
  const ProcessResult r = index_files({"--index", index_, corpus_});  // while it dies
  ::waitpid(holder, nullptr, 0);
  ::close(ready[0]);
  ::close(ready[1]);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// 9. A re-run right after a killed first build does not see the dead writer's lock.
TEST_F(FileSystemTest, RerunRightAfterAKilledBuildSucceeds) {
  CorpusMaker maker(5);
  for (int id = 0; id < 400; ++id) maker.write(corpus_, id, 0);
  for (int k = 0; k < 6; ++k) {
    const std::string index = tmp_ / ("killed" + std::to_string(k));
    Process indexer({program("furet-index"), "-q", "--index", index, corpus_});
    std::this_thread::sleep_for(std::chrono::milliseconds(100 + 40 * k));
    indexer.kill(SIGKILL);
    const ProcessResult rerun = index_files({"--index", index, corpus_});  // before reaping it
    indexer.wait();
    ASSERT_EQ(rerun.exit_code, 0) << "kill " << k << ": " << rerun.err;
    EXPECT_EQ(read_state(Xapian::Database(index)).size(), 402u);
  }
}

}  // namespace
}  // namespace furet::testing
