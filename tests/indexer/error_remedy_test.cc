// The library's errors say what to do in words and as a remedy code, never as a command:
// a program that embeds furet has no furet-index to offer (furet/error.h).
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <functional>
#include <string>

#include "../test_util.h"
#include "furet/analysis/schema.h"
#include "furet/error.h"
#include "furet/indexer/index_status.h"
#include "furet/indexer/index_writer.h"
#include "furet/searcher.h"

namespace furet {
namespace {

using Remedy = Error::Remedy;
using furet::testing::shard_databases;
using furet::testing::TempDir;
using furet::testing::write_file;

class ErrorRemedyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(corpus_ + "/a.txt",
               "Les puces Blackwell arrivent\nNvidia prépare de nouveaux produits, notamment les "
               "GPU Blackwell B20, destinés au marché intérieur chinois.\n");
  }

  void build(const std::string& index, std::size_t shards = 0) {
    IndexWriter(index, shards).update({corpus_});
  }

  void set_metadata(const std::string& index, std::string_view key, const std::string& value) {
    Xapian::WritableDatabase db(index, Xapian::DB_OPEN);
    db.set_metadata(std::string(key), value);
    db.commit();
  }

  // That `action` throws a `Kind` with `remedy` for `index`, whose message
  // says what to do in words and names no program or option to run.
  template <typename Kind>
  void expect_remedy(const std::function<void()>& action, Remedy remedy, const std::string& index,
                     const std::string& words) {
    try {
      action();
      ADD_FAILURE() << "nothing thrown; expected: " << words;
    } catch (const Kind& e) {
      const std::string message = e.what();
      EXPECT_EQ(e.remedy(), remedy) << message;
      EXPECT_EQ(e.index(), index) << message;
      EXPECT_NE(message.find(words), std::string::npos) << message;
      EXPECT_EQ(message.find("furet-index"), std::string::npos) << message;
      EXPECT_EQ(message.find("--"), std::string::npos) << message;
      EXPECT_EQ(message.find("PATH..."), std::string::npos) << message;
    }
  }

  TempDir dir_;
  std::string corpus_ = dir_ / "corpus";
  std::string index_ = dir_ / "index";
};

TEST_F(ErrorRemedyTest, NoIndexYetIsToBuild) {
  const std::string missing = dir_ / "missing";
  expect_remedy<IndexNotFound>([&] { Searcher{missing}; }, Remedy::kBuild, missing,
                               "build one first");
  expect_remedy<IndexNotFound>([&] { read_index_status(missing); }, Remedy::kBuild, missing,
                               "build one first");
  expect_remedy<IndexNotFound>([&] { check_index(missing); }, Remedy::kBuild, missing,
                               "build one first");
}

// A writer that holds the lock but never published a first generation.
TEST_F(ErrorRemedyTest, UnfinishedFirstBuildIsToBuild) {
  const IndexWriter writer(index_);
  expect_remedy<IndexNotFound>([&] { Searcher{index_}; }, Remedy::kBuild, index_,
                               "its first build has not finished");
  expect_remedy<IndexNotFound>([&] { read_index_status(index_); }, Remedy::kBuild, index_,
                               "its first build has not finished");
}

TEST_F(ErrorRemedyTest, FolderOfOtherFilesIsToBuildElsewhere) {
  expect_remedy<IndexNotFound>([&] { Searcher{corpus_}; }, Remedy::kNewFolder, corpus_,
                               "build the index in a new folder");
  expect_remedy<InvalidArgument>([&] { IndexWriter{corpus_}; }, Remedy::kNewFolder, corpus_,
                                 "build it in a new folder");
}

TEST_F(ErrorRemedyTest, IndexOfAnotherAnalysisIsToRebuild) {
  build(index_);
  set_metadata(index_, schema::kAnalysisKey, "fr-snowball/1");
  const std::string words = "rebuild it from its articles";
  expect_remedy<IncompatibleIndex>([&] { Searcher{index_}; }, Remedy::kRebuild, index_, words);
  expect_remedy<IncompatibleIndex>([&] { IndexWriter(index_).update({corpus_}); }, Remedy::kRebuild,
                                   index_, words);
  expect_remedy<IncompatibleIndex>([&] { read_index_status(index_); }, Remedy::kRebuild, index_,
                                   words);
}

TEST_F(ErrorRemedyTest, DamagedIndexIsToRebuildOrCheck) {
  build(index_);
  set_metadata(index_, schema::kUpdatedKey, "yesterday");
  expect_remedy<IncompatibleIndex>([&] { read_index_status(index_); }, Remedy::kCheck, index_,
                                   "check it, then rebuild it from its articles");
  std::filesystem::remove(shard_databases(index_).at(0) + "/docdata.glass");
  expect_remedy<IoError>([&] { IndexWriter(index_).update({corpus_}); }, Remedy::kRebuild, index_,
                         "is damaged");
}

TEST_F(ErrorRemedyTest, OtherShardCountIsToRebuild) {
  build(index_, 2);
  expect_remedy<InvalidArgument>([&] { IndexWriter(index_, 3).update({corpus_}); },
                                 Remedy::kRebuild, index_, "rebuild it from its articles");
}

TEST_F(ErrorRemedyTest, IndexBeingUpdatedIsToRetryLater) {
  const IndexWriter writer(index_);
  expect_remedy<IndexLocked>([&] { IndexWriter{index_}; }, Remedy::kRetryLater, index_,
                             "try again once it is done");
}

// Searching shards named one by one, a remedy can name no single folder.
TEST_F(ErrorRemedyTest, SeveralLocationsNameNoFolder) {
  const std::string other = dir_ / "other";
  build(index_);
  build(other);
  set_metadata(index_, schema::kAnalysisKey, "fr-snowball/1");
  set_metadata(other, schema::kAnalysisKey, "fr-snowball/1");
  expect_remedy<IncompatibleIndex>(
      [&] {
        Searcher(std::vector<std::string>{index_, other});
      },
      Remedy::kRebuild, "", "rebuild it from its articles");
}

// What a caller's own Error says, as before: no remedy, no index.
TEST(ErrorTest, AnErrorOfAMessageAloneHasNoRemedy) {
  const IoError e("cannot read 'x': gone");
  EXPECT_STREQ(e.what(), "cannot read 'x': gone");
  EXPECT_EQ(e.remedy(), Remedy::kNone);
  EXPECT_EQ(e.index(), "");
  const Error copy = e;
  EXPECT_EQ(copy.remedy(), Remedy::kNone);
}

}  // namespace
}  // namespace furet
