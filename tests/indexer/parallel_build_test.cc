// A build on several threads writes exactly what one thread in one transaction writes.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "../test_util.h"
#include "furet/analysis/schema.h"
#include "furet/indexer/index_writer.h"
#include "furet/searcher.h"

namespace furet {
namespace {

using furet::testing::TempDir;

// Everything an index holds, in a form two indexes can be compared by: each
// document's data, values, terms with wdf and positions; each term's
// frequencies; the spelling table; the metadata but for the time of the update.
struct IndexContent {
  std::vector<std::string> documents;
  std::map<std::string, std::pair<Xapian::doccount, Xapian::termcount>> terms;
  std::map<std::string, Xapian::doccount> spellings;
  std::map<std::string, std::string> metadata;
};

IndexContent content_of(const std::string& dir) {
  const Xapian::Database db(dir);
  IndexContent c;
  for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
    const Xapian::Document doc = db.get_document(*d);
    std::string text = std::to_string(*d) + "|" + doc.get_data() + "|";
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
      text += std::to_string(v.get_valueno()) + "=" + *v + ";";
    }
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      text += *t + ":" + std::to_string(t.get_wdf()) + "@";
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
        text += std::to_string(*p) + ",";
      }
      text += " ";
    }
    c.documents.push_back(std::move(text));
  }
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
    c.terms[*t] = {t.get_termfreq(), db.get_collection_freq(*t)};
  }
  for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s) {
    c.spellings[*s] = s.get_termfreq();
  }
  for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k) {
    if (*k != schema::kUpdatedKey) c.metadata[*k] = db.get_metadata(*k);
  }
  return c;
}

UpdateReport build(const std::string& index, std::size_t threads, std::size_t shards = 1) {
  IndexWriter writer(index, shards);
  UpdateOptions options;
  options.threads = threads;
  return writer.update({furet::testing::corpus_dir()}, options);
}

// Compares the two indexes; returns how many documents the expected one has.
std::size_t expect_same_content(const std::string& expected, const std::string& actual) {
  const IndexContent a = content_of(expected);
  const IndexContent b = content_of(actual);
  EXPECT_EQ(a.documents, b.documents);
  EXPECT_EQ(a.terms, b.terms);
  EXPECT_EQ(a.spellings, b.spellings);
  EXPECT_EQ(a.metadata, b.metadata);
  return a.documents.size();
}

TEST(ParallelBuildTest, SameIndexAsOneThreadOnTheCorpus) {
  TempDir dir;
  const UpdateReport one = build(dir / "one", 1);
  for (std::size_t threads : {2, 3, 8}) {
    const std::string index = dir / ("threads-" + std::to_string(threads));
    const UpdateReport many = build(index, threads);
    EXPECT_EQ(many.added, one.added) << threads << " threads";
    EXPECT_EQ(many.passages_written, one.passages_written) << threads << " threads";
    EXPECT_EQ(expect_same_content(dir / "one", index), one.passages_written);
  }
}

// Everything below `dir`, relative to it.
std::vector<std::string> tree_of(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    names.push_back(std::filesystem::relative(entry.path(), dir).string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(ParallelBuildTest, ShardsMatchTooAndNoScratchIsLeft) {
  TempDir dir;
  const UpdateReport one = build(dir / "one", 1, 2);
  build(dir / "two", 2, 2);
  std::size_t documents = 0;  // a shard may be empty: which articles it gets depends on paths
  const std::vector<std::string> ones = furet::testing::shard_databases(dir / "one");
  const std::vector<std::string> twos = furet::testing::shard_databases(dir / "two");
  ASSERT_EQ(ones.size(), 2u);
  ASSERT_EQ(twos.size(), 2u);
  for (std::size_t s = 0; s < 2; ++s) documents += expect_same_content(ones[s], twos[s]);
  EXPECT_EQ(documents, one.passages_written);
  // Nothing but the index: no scratch inside it, nothing beside it.
  for (const std::string& name : tree_of(dir / "two")) {
    EXPECT_EQ(name.find("scratch"), std::string::npos) << name;
  }
  std::vector<std::string> beside;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    beside.push_back(entry.path().filename().string());
  }
  std::sort(beside.begin(), beside.end());
  EXPECT_EQ(beside, (std::vector<std::string>{"one", "two"}));
}

TEST(ParallelBuildTest, RebuildOfAnUpdatedIndexMatchesAFreshBuild) {
  TempDir dir;
  build(dir / "fresh", 1);
  const std::string index = dir / "rebuilt";
  {
    IndexWriter writer(index);
    UpdateOptions options;
    options.threads = 1;
    writer.update({furet::testing::corpus_file("000_a6889a2d8a781125.txt")}, options);
  }
  IndexWriter writer(index);
  UpdateOptions options;
  options.rebuild = true;
  options.threads = 2;
  const UpdateReport report = writer.update({furet::testing::corpus_dir()}, options);
  // Reported as the one-transaction path reports a rebuild.
  EXPECT_EQ(report.updated.size(), 1u);
  EXPECT_EQ(report.added.size(), 4u);
  EXPECT_GT(expect_same_content(dir / "fresh", index), 0u);
}

// A killed build leaves its unpublished generation, scratch and all, inside
// the index folder: the next run removes it. A folder beside the index that
// merely looks like scratch is the user's, and stays.
TEST(ParallelBuildTest, GenerationLeftByACrashIsRemovedByTheNextRun) {
  TempDir dir;
  const std::string index = dir / "index";
  build(index, 2);
  const std::string stale = index + "/gen-9";
  furet::testing::write_file(stale + "/scratch-0/3/postlist.glass", "half written");
  furet::testing::write_file(stale + "/shard-0/postlist.glass", "half written");
  const std::string lookalike = dir / ".index.furet-build/3/notes.txt";
  furet::testing::write_file(lookalike, "mine");
  build(index, 2);
  EXPECT_FALSE(std::filesystem::exists(stale));
  EXPECT_TRUE(std::filesystem::exists(lookalike));
  EXPECT_GT(Xapian::Database(index).get_doccount(), 0u);
}

// A rebuild publishes a new generation in one rename of the shard list: a
// reader that had the old one open goes on reading it (its files stay open),
// and whoever opens the index afterwards, or searches through furet, sees the
// new one.
TEST(ParallelBuildTest, ReadersKeepTheOldIndexUntilTheyOpenItAgain) {
  TempDir dir;
  const std::string index = dir / "index";
  {
    IndexWriter writer(index);
    UpdateOptions options;
    options.threads = 1;
    writer.update({furet::testing::corpus_file("000_a6889a2d8a781125.txt")}, options);
  }
  Xapian::Database reader(index);
  Searcher searcher(index);
  const Xapian::doccount before = reader.get_doccount();
  const std::string first_data = reader.get_document(1).get_data();
  ASSERT_EQ(searcher.search("Blackwell").hits.size(), 0u);
  IndexWriter writer(index);
  UpdateOptions rebuild;
  rebuild.rebuild = true;
  rebuild.threads = 2;
  writer.update({furet::testing::corpus_dir()}, rebuild);
  EXPECT_EQ(reader.get_doccount(), before);
  EXPECT_EQ(reader.get_document(1).get_data(), first_data);
  EXPECT_GT(Xapian::Database(index).get_doccount(), before);
  EXPECT_GT(searcher.search("Blackwell").hits.size(), 0u);
}

}  // namespace
}  // namespace furet
