// Full disks and write errors: furet-index says the disk is full, exits non-zero,
// leaves the index at its last commit, and completes once space is back.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "../process_util.h"
#include "corpus_maker.h"
#include "index_state.h"

namespace furet::testing {
namespace {

constexpr int kArticles = 300;

// Asserts the failed run's promises: status 2, the message, the old state.
void expect_clean_failure(const ProcessResult& r, const std::string& index,
                          const IndexState& before) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("the disk is full"), std::string::npos) << r.err;
  Xapian::Database db(index);
  EXPECT_EQ(consistency_errors(db), std::vector<std::string>{});
  EXPECT_EQ(read_state(db), before) << "the index is still at its previous commit";
}

// Runs furet-index with `args` where no file may grow past 64 KiB.
ProcessResult index_under_size_limit(const std::vector<std::string>& args) {
  std::vector<std::string> command{program("furet-index"), "-q"};
  command.insert(command.end(), args.begin(), args.end());
  return run(command, [] {
    struct rlimit limit {
      64 * 1024, 64 * 1024
    };
    ::setrlimit(RLIMIT_FSIZE, &limit);
  });
}

// With room again, the same run completes and indexes every article.
void expect_rerun_completes(const std::string& corpus, const std::string& index) {
  const ProcessResult rerun = run({program("furet-index"), "-q", "--index", index, corpus});
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_EQ(read_state(Xapian::Database(index)).size(), static_cast<std::size_t>(kArticles));
}

TEST(DiskFullTest, FileSizeLimitFailsCleanlyAndARerunCompletes) {
  TempDir tmp;
  const std::string corpus = tmp / "corpus";
  const std::string index = tmp / "index";
  CorpusMaker maker(11);
  for (int id = 0; id < 5; ++id) maker.write(corpus, id, 0);
  ASSERT_EQ(run({program("furet-index"), "-q", "--index", index, corpus}).exit_code, 0);
  const IndexState before = read_state(Xapian::Database(index));
  for (int id = 5; id < kArticles; ++id) maker.write(corpus, id, 0);

  // No file of the index may grow past 64 KiB: the big update cannot be written.
  expect_clean_failure(index_under_size_limit({"--index", index, corpus}), index, before);

  expect_rerun_completes(corpus, index);
}

// A first build writes a generation inside the index folder: when it cannot
// grow, nothing is published and the half-written generation goes too.
TEST(DiskFullTest, FirstBuildOverTheLimitLeavesNoScratchAndARerunCompletes) {
  TempDir tmp;
  const std::string corpus = tmp / "corpus";
  const std::string index = tmp / "index";
  CorpusMaker maker(13);
  for (int id = 0; id < kArticles; ++id) maker.write(corpus, id, 0);
  const ProcessResult r = index_under_size_limit({"--threads", "2", "--index", index, corpus});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("the disk is full"), std::string::npos) << r.err;
  std::vector<std::string> left;
  for (const auto& entry : std::filesystem::directory_iterator(index)) {
    left.push_back(entry.path().filename().string());
  }
  EXPECT_EQ(left, std::vector<std::string>{"furet.lock"}) << "no generation, published or not";

  expect_rerun_completes(corpus, index);
}

TEST(DiskFullTest, SmallFilesystemFillsUpFailsCleanlyAndARerunCompletes) {
  TempDir tmp;
  const std::string mount_point = tmp / "small";
  std::filesystem::create_directories(mount_point);
  if (::mount("tmpfs", mount_point.c_str(), "tmpfs", 0, "size=1m") != 0) {
    GTEST_SKIP() << "cannot mount a small tmpfs here (" << std::strerror(errno)
                 << "); needs root with CAP_SYS_ADMIN";
  }
  struct Unmount {
    std::string path;
    ~Unmount() { ::umount2(path.c_str(), MNT_DETACH); }
  } unmount{mount_point};

  const std::string corpus = tmp / "corpus";
  const std::string index = mount_point + "/index";
  CorpusMaker maker(13);
  for (int id = 0; id < 5; ++id) maker.write(corpus, id, 0);
  ASSERT_EQ(run({program("furet-index"), "-q", "--index", index, corpus}).exit_code, 0);
  const IndexState before = read_state(Xapian::Database(index));
  for (int id = 5; id < kArticles; ++id) maker.write(corpus, id, 0);

  expect_clean_failure(run({program("furet-index"), "-q", "--index", index, corpus}), index,
                       before);

  // Space is freed: the filesystem grows, and the same run completes.
  ASSERT_EQ(::mount("tmpfs", mount_point.c_str(), "tmpfs", MS_REMOUNT, "size=64m"), 0)
      << std::strerror(errno);
  expect_rerun_completes(corpus, index);
}

}  // namespace
}  // namespace furet::testing
