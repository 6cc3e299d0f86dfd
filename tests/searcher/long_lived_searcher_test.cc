// A Searcher kept open while the index is updated, rebuilt and re-sharded
// sees each commit; nothing but furet::Error ever leaves it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../test_util.h"
#include "furet/indexer/index_writer.h"
#include "furet/searcher.h"

namespace furet {
namespace {

using furet::testing::TempDir;
using furet::testing::write_file;

class LongLivedSearcherTest : public ::testing::Test {
 protected:
  // Writes `text` as the corpus's only article, then indexes (or rebuilds) it.
  void index_only(const std::string& text, bool rebuild, std::size_t shards = 0) {
    std::filesystem::remove_all(corpus_);
    write_file(corpus_ + "/article.txt", text);
    IndexWriter writer(index_, shards);
    UpdateOptions options;
    options.rebuild = rebuild;
    writer.update({corpus_}, options);
  }
  static std::size_t hits(Searcher& searcher, const std::string& query) {
    return searcher.search(query).hits.size();
  }

  TempDir dir_;
  std::string corpus_ = dir_ / "corpus";
  std::string index_ = dir_ / "index";
};

TEST_F(LongLivedSearcherTest, SeesUpdatesRebuildsAndReshardings) {
  index_only("Les framboises de Plougastel arrivent sur les marchés bretons.\n", false);
  Searcher searcher(index_);
  ASSERT_EQ(hits(searcher, "framboises"), 1u);

  index_only("Les cerises de Céret arrivent sur les marchés catalans.\n", false);  // an update
  EXPECT_EQ(hits(searcher, "cerises"), 1u);
  EXPECT_EQ(hits(searcher, "framboises"), 0u);

  index_only("Les abricots du Roussillon arrivent sur les marchés.\n", true);  // a rebuild
  EXPECT_EQ(hits(searcher, "abricots"), 1u);
  EXPECT_EQ(hits(searcher, "cerises"), 0u);

  index_only("Les pêches de vigne arrivent sur les marchés lyonnais.\n", true, 3);  // re-sharded
  EXPECT_EQ(hits(searcher, "vigne"), 1u);
  EXPECT_EQ(hits(searcher, "abricots"), 0u);
  EXPECT_NO_THROW(searcher.reopen());
}

// A prefix that begins more words than a query can hold says so; excluded,
// it leaves out every passage with any of them.
TEST_F(LongLivedSearcherTest, WideWildcardsSayWhenCappedAndExcludeEverything) {
  std::filesystem::create_directories(corpus_);
  for (int i = 0; i < 300; ++i) {
    write_file(corpus_ + "/a" + std::to_string(i) + ".txt",
               "Le dossier numero5x" + std::to_string(i) + " concerne les marchés.\n");
  }
  IndexWriter(index_).update({corpus_});
  Searcher searcher(index_);
  SearchOptions all;
  all.limit = 1000;
  const SearchResult wide = searcher.search("numero5x*", all);
  ASSERT_FALSE(wide.warnings.empty());
  EXPECT_NE(wide.warnings[0].find("begins 300 words"), std::string::npos) << wide.warnings[0];
  EXPECT_EQ(searcher.search("marchés", all).hits.size(), 300u);
  EXPECT_EQ(searcher.search("marchés -numero5x*", all).hits.size(), 0u);
}

}  // namespace
}  // namespace furet
