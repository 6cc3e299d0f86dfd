// Crash safety: furet-index killed with SIGKILL at many moments never leaves a
// half-written index, and a re-run reaches exactly the state of a clean build.
#include <gtest/gtest.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "../process_util.h"
#include "corpus_maker.h"
#include "index_state.h"

namespace furet::testing {
namespace {

constexpr int kArticles = 160;
constexpr int kKills = 24;

class CrashTest : public ::testing::Test {
 protected:
  // Base state: the first half of the articles, committed.
  void write_base() {
    for (int id = 0; id < kArticles / 2; ++id) maker_.write(corpus_, id, 0);
  }
  // The change the killed run applies: the second half added, a tenth of the
  // first half rewritten, another tenth deleted.
  void write_change() {
    for (int id = kArticles / 2; id < kArticles; ++id) maker_.write(corpus_, id, 0);
    for (int id = 0; id < kArticles / 2; id += 10) maker_.write(corpus_, id, 1);
    for (int id = 5; id < kArticles / 2; id += 10)
      std::filesystem::remove(CorpusMaker::path(corpus_, id));
  }
  ProcessResult index(const std::string& dir) {
    return run({program("furet-index"), "--quiet", "--index", dir, corpus_});
  }

  TempDir tmp_;
  std::string corpus_ = tmp_ / "corpus";
  CorpusMaker maker_{7};
};

TEST_F(CrashTest, KilledIndexerLeavesLastCommitAndRecovers) {
  // The reference: a clean build of the final corpus, and how long an update takes.
  write_base();
  ASSERT_EQ(index(tmp_ / "base").exit_code, 0);
  write_change();
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(index(tmp_ / "base").exit_code, 0);
  const auto update_time = std::chrono::steady_clock::now() - start;
  ASSERT_EQ(index(tmp_ / "clean").exit_code, 0);
  const IndexState clean = read_state(Xapian::Database(tmp_ / "clean"));
  ASSERT_EQ(clean.size(), static_cast<std::size_t>(kArticles - kArticles / 20));

  int saw_old = 0, saw_new = 0;
  for (int k = 0; k < kKills; ++k) {
    // A fresh copy of the base state for each kill.
    const std::string dir = tmp_ / ("killed" + std::to_string(k));
    std::filesystem::remove_all(corpus_);
    std::filesystem::create_directories(corpus_);
    maker_ = CorpusMaker(7);
    write_base();
    ASSERT_EQ(index(dir).exit_code, 0);
    const IndexState before = read_state(Xapian::Database(dir));
    write_change();

    // Kill points spread over the update, the last ones in its commit.
    const auto delay = update_time * (k + 0.5) / kKills * 1.1;
    Process indexer({program("furet-index"), "--quiet", "--index", dir, corpus_});
    std::this_thread::sleep_for(delay);
    indexer.kill(SIGKILL);
    indexer.wait();

    Xapian::Database db(dir);
    EXPECT_EQ(consistency_errors(db), std::vector<std::string>{}) << "kill " << k;
    const IndexState after_kill = read_state(db);
    if (after_kill == before) {
      ++saw_old;
    } else {
      EXPECT_EQ(after_kill, clean) << "kill " << k << ": neither the old nor the new state";
      ++saw_new;
    }
    const ProcessResult rerun = index(dir);
    ASSERT_EQ(rerun.exit_code, 0) << "kill " << k << ": the re-run must complete: " << rerun.err;
    EXPECT_EQ(read_state(Xapian::Database(dir)), clean) << "kill " << k;
  }
  EXPECT_GT(saw_old, 0) << "no kill landed before the commit";
  std::cout << "kills: " << saw_old << " before the commit, " << saw_new << " after it\n";
}

TEST_F(CrashTest, KilledFirstBuildLeavesNoIndexOrAnEmptyOne) {
  for (int id = 0; id < kArticles; ++id) maker_.write(corpus_, id, 0);
  for (int k = 0; k < 4; ++k) {
    const std::string dir = tmp_ / ("first" + std::to_string(k));
    Process indexer({program("furet-index"), "--quiet", "--index", dir, corpus_});
    std::this_thread::sleep_for(std::chrono::milliseconds(50 + 100 * k));
    indexer.kill(SIGKILL);
    indexer.wait();
    if (std::filesystem::exists(dir + "/XAPIANDB")) {
      Xapian::Database db(dir);
      EXPECT_EQ(consistency_errors(db), std::vector<std::string>{});
      const IndexState state = read_state(db);
      EXPECT_TRUE(state.empty() || state.size() == static_cast<std::size_t>(kArticles));
    }
    const ProcessResult rerun = index(dir);
    ASSERT_EQ(rerun.exit_code, 0) << "kill " << k << ": the re-run must complete: " << rerun.err;
    EXPECT_EQ(read_state(Xapian::Database(dir)).size(), static_cast<std::size_t>(kArticles));
  }
}

}  // namespace
}  // namespace furet::testing
