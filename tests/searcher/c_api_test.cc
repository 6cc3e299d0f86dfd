// The C API: handles, status codes, messages, fields, and no exception crossing it.
#include <gtest/gtest.h>

#include <string>

#include "../test_util.h"
#include "furet/furet.h"
#include "furet/indexer/index_writer.h"

namespace {

using furet::testing::TempDir;

class CApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    furet::IndexWriter(index()).update({furet::testing::corpus_dir()});
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string index() { return *dir_ / "index"; }
  // A handle on the seeds' index; the test closes it.
  static furet_searcher* open_seeds() {
    const std::string location = index();
    const char* locations[] = {location.c_str()};
    furet_searcher* searcher = nullptr;
    EXPECT_EQ(furet_open(locations, 1, &searcher), FURET_OK) << furet_error_message();
    return searcher;
  }

  static TempDir* dir_;
};

TempDir* CApiTest::dir_ = nullptr;

TEST_F(CApiTest, SearchesAndReadsEveryField) {
  const std::string location = index();
  const char* locations[] = {location.c_str()};
  furet_searcher* searcher = nullptr;
  ASSERT_EQ(furet_open(locations, 1, &searcher), FURET_OK) << furet_error_message();
  furet_search_options options;
  furet_search_options_init(&options);
  EXPECT_EQ(options.limit, 10u);
  options.limit = 3;
  furet_results* results = nullptr;
  ASSERT_EQ(furet_search(searcher, "licence H200", &options, &results), FURET_OK);
  ASSERT_EQ(furet_results_count(results), 3u);
  EXPECT_EQ(furet_hit_rank(results, 0), 1u);
  EXPECT_GT(furet_hit_score(results, 0), furet_hit_score(results, 2));
  EXPECT_NE(std::string(furet_hit_path(results, 0)).find("004_a22323992858b2dd"),
            std::string::npos);
  EXPECT_STRNE(furet_hit_title(results, 0), "");
  // The seeds give no date: their files' dates stand in, flagged.
  EXPECT_EQ(std::string(furet_hit_date(results, 0)).size(), 10u);
  EXPECT_EQ(furet_hit_date_from_file(results, 0), 1);
  EXPECT_STREQ(furet_hit_source(results, 0), "corpus");
  EXPECT_STREQ(furet_hit_author(results, 0), "");
  EXPECT_STREQ(furet_hit_url(results, 0), "");
  EXPECT_STREQ(furet_hit_language(results, 0), "");
  const std::string passage = furet_hit_passage(results, 0);
  EXPECT_EQ(furet_hit_end(results, 0) - furet_hit_begin(results, 0), passage.size());
  ASSERT_GT(furet_hit_highlight_count(results, 0), 0u);
  uint32_t begin = 0, end = 0;
  ASSERT_EQ(furet_hit_highlight(results, 0, 0, &begin, &end), 0);
  EXPECT_LT(begin, end);
  EXPECT_LE(end, passage.size());
  EXPECT_STREQ(furet_results_corrected_query(results), "");
  EXPECT_STREQ(furet_results_suggested_query(results), "");
  furet_results_free(results);
  // A typo that stems like no word of the seeds matches nothing: replaced.
  ASSERT_EQ(furet_search(searcher, "Nvidea exportation", &options, &results), FURET_OK);
  EXPECT_STREQ(furet_results_corrected_query(results), "Nvidia exportation");
  furet_results_free(results);
  furet_close(searcher);
}

TEST_F(CApiTest, FiltersBySourceAndDate) {
  furet_searcher* searcher = open_seeds();
  ASSERT_NE(searcher, nullptr);
  furet_search_options options;
  furet_search_options_init(&options);
  EXPECT_EQ(options.since, nullptr);
  EXPECT_EQ(options.sort_by_date, 0);
  furet_results* results = nullptr;
  options.source = "corpus";  // the seeds name no source: their folder stands in
  ASSERT_EQ(furet_search(searcher, "H200", &options, &results), FURET_OK);
  EXPECT_GT(furet_results_count(results), 0u);
  furet_results_free(results);
  options.source = "ailleurs";
  ASSERT_EQ(furet_search(searcher, "H200", &options, &results), FURET_OK);
  EXPECT_EQ(furet_results_count(results), 0u);
  furet_results_free(results);
  options.source = nullptr;
  options.until = "1999";  // the seeds are dated by their files, long after
  ASSERT_EQ(furet_search(searcher, "H200", &options, &results), FURET_OK);
  EXPECT_EQ(furet_results_count(results), 0u);
  furet_results_free(results);
  options.until = "1999-13";
  EXPECT_EQ(furet_search(searcher, "H200", &options, &results), FURET_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(std::string(furet_error_message()).find("1999-13"), std::string::npos);
  furet_close(searcher);
}

TEST_F(CApiTest, PagesAndTotals) {
  furet_searcher* searcher = open_seeds();
  ASSERT_NE(searcher, nullptr);
  furet_search_options options;
  furet_search_options_init(&options);
  EXPECT_EQ(options.offset, 0u);
  furet_results* first = nullptr;
  options.limit = 4;
  ASSERT_EQ(furet_search(searcher, "Nvidia", &options, &first), FURET_OK);
  furet_results* second = nullptr;
  options.limit = 2;
  options.offset = 2;
  ASSERT_EQ(furet_search(searcher, "Nvidia", &options, &second), FURET_OK);
  ASSERT_EQ(furet_results_count(second), 2u);
  EXPECT_EQ(furet_hit_rank(second, 0), 3u);
  EXPECT_STREQ(furet_hit_passage(second, 0), furet_hit_passage(first, 2));
  EXPECT_GE(furet_results_estimated_passages(first), 4u);
  EXPECT_EQ(furet_results_estimated_articles(first), 5u);
  EXPECT_EQ(furet_hit_also_in_count(first, 0), 0u);
  EXPECT_STREQ(furet_hit_also_in(first, 0, 0), "");
  furet_results_free(first);
  furet_results_free(second);
  furet_close(searcher);
}

TEST_F(CApiTest, OutOfRangeFieldsAreEmpty) {
  const std::string location = index();
  const char* locations[] = {location.c_str()};
  furet_searcher* searcher = nullptr;
  ASSERT_EQ(furet_open(locations, 1, &searcher), FURET_OK);
  furet_results* results = nullptr;
  ASSERT_EQ(furet_search(searcher, "zzzyyyxxx", nullptr, &results), FURET_OK);
  EXPECT_EQ(furet_results_count(results), 0u);
  EXPECT_STREQ(furet_hit_path(results, 7), "");
  EXPECT_EQ(furet_hit_score(results, 7), 0.0);
  EXPECT_STREQ(furet_hit_date(results, 7), "");
  EXPECT_EQ(furet_hit_date_from_file(results, 7), 0);
  uint32_t begin = 0, end = 0;
  EXPECT_NE(furet_hit_highlight(results, 0, 0, &begin, &end), 0);
  furet_results_free(results);
  furet_close(searcher);
}

TEST_F(CApiTest, ErrorsAreStatusesWithMessages) {
  const char* missing[] = {"/nonexistent/furet/index"};
  furet_searcher* searcher = reinterpret_cast<furet_searcher*>(1);
  EXPECT_EQ(furet_open(missing, 1, &searcher), FURET_ERROR_INDEX_NOT_FOUND);
  EXPECT_EQ(searcher, nullptr);
  const std::string message = furet_error_message();
  EXPECT_NE(message.find("/nonexistent/furet/index"), std::string::npos);
  EXPECT_NE(message.find("build one first"), std::string::npos) << message;
  EXPECT_EQ(message.find("furet-index"), std::string::npos) << "a C program has none to run";
  EXPECT_EQ(furet_open(nullptr, 1, &searcher), FURET_ERROR_INVALID_ARGUMENT);
  const char* bad_remote[] = {"tcp://nowhere"};
  EXPECT_EQ(furet_open(bad_remote, 1, &searcher), FURET_ERROR_INVALID_ARGUMENT);
  const char* bad_port[] = {"tcp://localhost:port"};
  EXPECT_EQ(furet_open(bad_port, 1, &searcher), FURET_ERROR_INVALID_ARGUMENT)
      << furet_error_message();
  furet_results* results = nullptr;
  EXPECT_EQ(furet_search(nullptr, "x", nullptr, &results), FURET_ERROR_INVALID_ARGUMENT);
  furet_close(nullptr);
  furet_results_free(nullptr);
  EXPECT_EQ(furet_results_count(nullptr), 0u);
}

TEST_F(CApiTest, ReportsItsVersion) { EXPECT_STRNE(furet_version(), ""); }

// A handle kept open sees a rebuild, which publishes a new generation of the
// index, and reports no internal error.
TEST(CApiRebuildTest, OpenHandleSeesARebuild) {
  TempDir dir;
  const std::string corpus = dir / "corpus";
  const std::string index = dir / "index";
  furet::testing::write_file(corpus + "/a.txt", "Les framboises de Plougastel arrivent.\n");
  furet::IndexWriter(index).update({corpus});
  const char* locations[] = {index.c_str()};
  furet_searcher* searcher = nullptr;
  ASSERT_EQ(furet_open(locations, 1, &searcher), FURET_OK) << furet_error_message();
  std::filesystem::remove(corpus + "/a.txt");
  furet::testing::write_file(corpus + "/b.txt", "Les cerises de Céret arrivent.\n");
  furet::UpdateOptions rebuild;
  rebuild.rebuild = true;
  furet::IndexWriter(index).update({corpus}, rebuild);
  for (const char* query : {"cerises", "framboises"}) {
    furet_results* results = nullptr;
    ASSERT_EQ(furet_search(searcher, query, nullptr, &results), FURET_OK) << furet_error_message();
    EXPECT_EQ(furet_results_count(results), std::string(query) == "cerises" ? 1u : 0u) << query;
    furet_results_free(results);
  }
  furet_close(searcher);
}

}  // namespace
