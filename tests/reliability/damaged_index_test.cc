// Damaged indexes: reported as damaged (exit 2, the file, the fix), never a
// crash; --check tells a sound index from a damaged one; --rebuild mends any.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <random>

#include "../process_util.h"
#include "corpus_maker.h"
#include "index_state.h"

namespace furet::testing {
namespace {

namespace fs = std::filesystem;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Flips `count` random bits of `path`, the same ones for the same seed.
void flip_bits(const std::string& path, unsigned seed, int count) {
  std::string bytes = read_file(path);
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> at(0, bytes.size() - 1);
  std::uniform_int_distribution<int> bit(0, 7);
  for (int k = 0; k < count; ++k) bytes[at(rng)] ^= static_cast<char>(1 << bit(rng));
  write_file(path, bytes);
}

class DamagedIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy(corpus_dir(), corpus_);
    ASSERT_EQ(index({"--index", clean_, corpus_}).exit_code, 0);
  }
  // furet-index, taking three CPU seconds without any I/O for a loop (see
  // StallWatchdog) rather than a minute, so that a loop ends the test quickly.
  // A run past two minutes is a loop the watchdog missed: killed, it fails
  // the test (timed_out, no exit code) instead of hanging it.
  static ProcessResult index(std::vector<std::string> args) {
    args.insert(args.begin(), {program("furet-index"), "-q"});
    const std::string stall = std::to_string(3 * time_scale());
    const auto bound = std::chrono::milliseconds(static_cast<long>(120'000 * time_scale()));
    return Process(args, [stall] { ::setenv("FURET_STALL_SECONDS", stall.c_str(), 1); })
        .wait(bound);
  }
  // A copy of the clean index, to damage.
  std::string copy_of_clean(const std::string& name) {
    const std::string copy = tmp_ / name;
    fs::copy(clean_, copy, fs::copy_options::recursive);
    return copy;
  }
  // The only database of a one-shard index.
  static std::string database_of(const std::string& index) { return shard_databases(index).at(0); }

  TempDir tmp_;
  std::string corpus_ = tmp_ / "corpus";
  std::string clean_ = tmp_ / "clean";
};

// Xapian's tables carry no checksums: flipped bits in a B-tree can make it
// fail, crash (heap corruption) or loop forever while an update writes.
// Whichever, the user gets exit 2 and what to do, never a signal or a hang.
TEST_F(DamagedIndexTest, FlippedBitsNeverCrashTheIndexer) {
  const std::string article = corpus_ + "/001_26ca7a1eb712dcc4.txt";
  const std::string original = read_file(article);
  int failed = 0;
  for (unsigned seed = 1; seed <= 40; ++seed) {
    const std::string damaged = copy_of_clean("damaged" + std::to_string(seed));
    flip_bits(database_of(damaged) + "/postlist.glass", seed, 100);
    write_file(article, original + "\nUne ligne de plus, " + std::to_string(seed) + ".\n");
    const ProcessResult r = index({"--index", damaged, corpus_});
    EXPECT_EQ(r.signal, 0) << "seed " << seed << ": " << r.err;
    EXPECT_FALSE(r.timed_out) << "seed " << seed << ": still running after its bound";
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 2) << "seed " << seed << ": " << r.err;
    if (r.exit_code == 2) {
      ++failed;
      EXPECT_TRUE(contains(r.err, "--rebuild") || contains(r.err, "--check")) << r.err;
    }
    fs::remove_all(damaged);
  }
  write_file(article, original);
  EXPECT_GT(failed, 0) << "no damage was noticed: the test damaged nothing";
}

// Xapian takes a missing lazy table for an empty one; furet knows better.
TEST_F(DamagedIndexTest, MissingTableIsDamageThatARebuildMends) {
  for (const char* table : {"docdata.glass", "position.glass"}) {
    const std::string damaged = copy_of_clean(std::string("without-") + table);
    fs::remove(database_of(damaged) + "/" + table);
    const ProcessResult update = index({"--index", damaged, corpus_});
    EXPECT_EQ(update.exit_code, 2) << table;
    EXPECT_TRUE(contains(update.err, "has lost " + std::string(table))) << update.err;
    EXPECT_TRUE(contains(update.err, "furet-index --rebuild --index " + damaged)) << update.err;

    const ProcessResult check = index({"--check", "--index", damaged});
    EXPECT_EQ(check.exit_code, 2) << check.out;
    EXPECT_TRUE(contains(check.err, table)) << check.err;

    ASSERT_EQ(index({"--rebuild", "--index", damaged, corpus_}).exit_code, 0) << table;
    EXPECT_EQ(index({"--check", "--index", damaged}).exit_code, 0);
    EXPECT_EQ(read_state(Xapian::Database(damaged)), read_state(Xapian::Database(clean_)));
  }
}

// A rebuild reads the articles alone: an index that cannot even be opened is
// replaced all the same.
TEST_F(DamagedIndexTest, RebuildWorksWhenTheIndexCannotBeOpened) {
  const std::string damaged = copy_of_clean("unopenable");
  write_file(database_of(damaged) + "/iamglass", "not a version file");
  EXPECT_EQ(index({"--index", damaged, corpus_}).exit_code, 2);
  ASSERT_EQ(index({"--rebuild", "--index", damaged, corpus_}).exit_code, 0);
  EXPECT_EQ(read_state(Xapian::Database(damaged)), read_state(Xapian::Database(clean_)));
}

TEST_F(DamagedIndexTest, CheckTellsSoundFromDamaged) {
  const ProcessResult sound = index({"--check", "--index", clean_});
  EXPECT_EQ(sound.exit_code, 0) << sound.err;
  EXPECT_TRUE(contains(sound.out, "is sound: 5 articles")) << sound.out;

  const std::string damaged = copy_of_clean("flipped");
  flip_bits(database_of(damaged) + "/termlist.glass", 7, 200);
  const ProcessResult check = index({"--check", "--index", damaged});
  EXPECT_EQ(check.exit_code, 2) << check.out;
  EXPECT_TRUE(contains(check.err, "is damaged")) << check.err;
  EXPECT_TRUE(contains(check.err, "furet-index --rebuild")) << check.err;

  // The manifest and the passages disagree: furet's own part of the check.
  const std::string disagreeing = copy_of_clean("disagreeing");
  {
    Xapian::WritableDatabase db(database_of(disagreeing), Xapian::DB_OPEN);
    db.delete_document(1);
    db.commit();
  }
  const ProcessResult records = index({"--check", "--index", disagreeing});
  EXPECT_EQ(records.exit_code, 2);
  EXPECT_TRUE(contains(records.err, "passages; the manifest says")) << records.err;
}

TEST_F(DamagedIndexTest, StatusRefusesDamagedMetadata) {
  EXPECT_EQ(index({"--status", "--index", clean_}).exit_code, 0);
  for (const auto& [key, value] :
       {std::pair{schema::kAnalysisKey, "fr=snowball/3"}, std::pair{schema::kUpdatedKey, "1x7"}}) {
    const std::string damaged = copy_of_clean("metadata");
    {
      Xapian::WritableDatabase db(database_of(damaged), Xapian::DB_OPEN);
      db.set_metadata(std::string(key), value);
      db.commit();
    }
    const ProcessResult status = index({"--status", "--index", damaged});
    EXPECT_EQ(status.exit_code, 2) << key << ": " << status.out;
    EXPECT_FALSE(status.err.empty());
    fs::remove_all(damaged);
  }
}

}  // namespace
}  // namespace furet::testing
