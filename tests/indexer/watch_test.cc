// Watch mode: articles copied in, deleted or written slowly show up in searches
// within the bound, whole, and furet-index --watch stops cleanly.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "../process_util.h"
#include "furet/searcher.h"

namespace furet::testing {
namespace {

using Clock = std::chrono::steady_clock;

// From the moment a file is complete to the moment it is searchable.
constexpr std::chrono::milliseconds kBound{2000};

class WatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(corpus_);
    std::filesystem::copy(corpus_file("000_a6889a2d8a781125.txt"), corpus_ + "/000.txt");
    watcher_ = std::make_unique<Process>(std::vector<std::string>{
        program("furet-index"), "--watch", "-v", "--index", index_, corpus_});
    ASSERT_TRUE(wait_until([&] { return finds("Huang"); }, std::chrono::seconds(20)))
        << "the first update did not happen";
  }

  bool finds(const std::string& query) {
    try {
      Searcher searcher(index_);
      return !searcher.search(query).hits.empty();
    } catch (const Error&) {
      return false;  // the index does not exist yet
    }
  }

  // Polls `condition` until it holds or `limit` passes; true if it held.
  template <typename Condition>
  static bool wait_until(Condition condition, Clock::duration limit) {
    const auto give_up = Clock::now() + limit;
    while (Clock::now() < give_up) {
      if (condition()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return condition();
  }

  static Clock::duration bound() {
    return std::chrono::duration_cast<Clock::duration>(kBound * time_scale());
  }

  TempDir tmp_;
  std::string corpus_ = tmp_ / "corpus";
  std::string index_ = tmp_ / "index";
  std::unique_ptr<Process> watcher_;
};

TEST_F(WatchTest, CopiedArticleIsSearchableWithinTheBound) {
  std::filesystem::copy(corpus_file("004_a22323992858b2dd.txt"), corpus_ + "/004.txt");
  const auto copied = Clock::now();
  ASSERT_TRUE(wait_until([&] { return finds("H200"); }, bound()));
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - copied).count();
  std::cout << "copied article searchable after " << ms << " ms\n";
}

TEST_F(WatchTest, DeletedArticleDisappearsWithinTheBound) {
  std::filesystem::remove(corpus_ + "/000.txt");
  EXPECT_TRUE(wait_until([&] { return !finds("Huang"); }, bound()));
}

TEST_F(WatchTest, RenamedIntoPlaceIsIndexed) {
  // How editors and downloaders write: a temporary name, then a rename.
  write_file(corpus_ + "/.partial.tmp", read_file(corpus_file("004_a22323992858b2dd.txt")));
  std::filesystem::rename(corpus_ + "/.partial.tmp", corpus_ + "/004.txt");
  EXPECT_TRUE(wait_until([&] { return finds("H200"); }, bound()));
}

TEST_F(WatchTest, NewFolderIsWatched) {
  std::filesystem::create_directories(corpus_ + "/2026/janvier");
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the folder's watch is added
  std::filesystem::copy(corpus_file("004_a22323992858b2dd.txt"), corpus_ + "/2026/janvier/a.txt");
  EXPECT_TRUE(wait_until([&] { return finds("H200"); }, bound()));
}

// A link, hard or symbolic, is complete when made: no close event follows
// its creation, and it must not wait for one. (The link's target sits in a
// hidden folder inside the tree, which the walk passes over, so the link is
// the article's only path.)
TEST_F(WatchTest, LinksMadeInTheTreeAreIndexed) {
  write_file(corpus_ + "/.store/hard.txt", read_file(corpus_file("004_a22323992858b2dd.txt")));
  write_file(corpus_ + "/.store/soft.txt", read_file(corpus_file("001_26ca7a1eb712dcc4.txt")));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // those writes are settled
  std::filesystem::create_hard_link(corpus_ + "/.store/hard.txt", corpus_ + "/hard.txt");
  std::filesystem::create_symlink(".store/soft.txt", corpus_ + "/soft.txt");
  EXPECT_TRUE(wait_until([&] { return finds("H200"); }, bound())) << "hard link";
  EXPECT_TRUE(wait_until([&] { return finds("Lutnick"); }, bound())) << "symbolic link";
}

TEST_F(WatchTest, FileWrittenSlowlyIsIndexedOnceAndWhole) {
  {
    std::ofstream slow(corpus_ + "/slow.txt");
    slow << "Première partie : les puces Blackwell B30 arrivent.\n" << std::flush;
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // several quiet periods
    EXPECT_FALSE(finds("Blackwell")) << "a file still being written is not indexed";
    slow << "Seconde partie : Zhipu entraîne GLM sur des Ascend 910C.\n" << std::flush;
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
  }
  const auto closed = Clock::now();
  ASSERT_TRUE(wait_until([&] { return finds("Blackwell") && finds("910C"); }, bound()));
  std::cout << "slow file searchable "
            << std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - closed).count()
            << " ms after it was closed\n";
  watcher_->kill(SIGTERM);
  const ProcessResult r = watcher_->wait();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::size_t added = 0, updated = 0;
  for (std::size_t at = 0;
       (at = r.out.find("added     " + corpus_ + "/slow.txt", at)) != std::string::npos; ++at) {
    ++added;
  }
  for (std::size_t at = 0;
       (at = r.out.find("updated   " + corpus_ + "/slow.txt", at)) != std::string::npos; ++at) {
    ++updated;
  }
  EXPECT_EQ(added, 1u) << r.out;
  EXPECT_EQ(updated, 0u) << r.out;
}

TEST_F(WatchTest, StopsCleanlyOnSigint) {
  watcher_->kill(SIGINT);
  const ProcessResult r = watcher_->wait();
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find("stopped"), std::string::npos) << r.err;
  EXPECT_TRUE(finds("Huang")) << "the index is intact";
}

}  // namespace
}  // namespace furet::testing
