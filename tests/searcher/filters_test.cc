// Filters by date, source and language, and the order by date.
#include "filters.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "../test_util.h"
#include "furet/error.h"
#include "furet/indexer/index_writer.h"
#include "furet/searcher.h"
#include "ranker.h"

namespace furet {
namespace {

using furet::testing::TempDir;
using furet::testing::write_file;

TEST(DaysNamedTest, ReadsDaysMonthsYearsAndRecentSpans) {
  const auto days = [](std::string_view text) {
    const detail::DayRange r = detail::days_named(text, "2026-03-03", "since");
    return r.first + " " + r.last;
  };
  EXPECT_EQ(days("2025-08-12"), "2025-08-12 2025-08-12");
  EXPECT_EQ(days("2025-02"), "2025-02-01 2025-02-28");
  EXPECT_EQ(days("2024-02"), "2024-02-01 2024-02-29");
  EXPECT_EQ(days("2025"), "2025-01-01 2025-12-31");
  EXPECT_EQ(days("7d"), "2026-02-24 2026-03-03");  // across the end of February
  EXPECT_EQ(days("2w"), "2026-02-17 2026-03-03");
  for (const char* bad : {"2025-13", "2025-02-30", "hier", "7x", "25-08-12", "", "2025-8"}) {
    EXPECT_THROW(detail::days_named(bad, "2026-03-03", "since"), InvalidArgument) << bad;
  }
}

class FilterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const std::string news = *dir_ / "news";
    // Many strong matches in 2024, three weak ones in 2025: a filter that
    // took the top passages of the unfiltered search would keep none of 2025.
    for (int i = 0; i < 80; ++i) {
      write_file(news + "/old/" + std::to_string(i) + ".md",
                 "---\ntitle: Archive " + std::to_string(i) +
                     "\ndate: 2024-01-15\nsite: Le Monde\n---\nPuces, puces et puces : les puces "
                     "du numéro " +
                     std::to_string(i) + ".\n");
    }
    write_file(news + "/new/a.md",
               "---\ntitle: A\ndate: 2025-08-12\nsite: Libération\nlang: fr\n---\n"
               "Un long article qui parle enfin, au détour d'une phrase, de puces.\n");
    write_file(news + "/new/b.md",
               "---\ntitle: B\ndate: 2025-09-01\nsite: Libération\nlang: fr\n---\n"
               "Un autre long article qui mentionne des puces une seule fois.\n");
    write_file(news + "/new/c.md",
               "---\ntitle: C\ndate: 2025-10-20\nsite: Libération\nlang: en\n---\n"
               "A third article, about chips: puces, once.\n");
    IndexWriter(*dir_ / "index").update({news});
  }
  static void TearDownTestSuite() { delete dir_; }

  // All the hits (limit 200), or the first ten (and 50 candidates) when `all` is false.
  static std::vector<Hit> search(SearchOptions options, bool all = true) {
    if (all) options.limit = 200;
    return Searcher(*dir_ / "index").search("puces", options).hits;
  }
  static std::vector<std::string> titles(const std::vector<Hit>& hits) {
    std::vector<std::string> out;
    for (const Hit& h : hits) out.push_back(h.title);
    return out;
  }

  static TempDir* dir_;
};

TempDir* FilterTest::dir_ = nullptr;

TEST_F(FilterTest, AFilterNarrowsTheMatchItself) {
  SearchOptions recent;
  recent.since = "2025";
  std::vector<std::string> found = titles(search(recent, /*all=*/false));
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{"A", "B", "C"}));
  SearchOptions old;
  old.until = "2024-12";
  EXPECT_EQ(search(old).size(), 80u);
  SearchOptions month;
  month.since = month.until = "2025-09";
  EXPECT_EQ(titles(search(month)), std::vector<std::string>{"B"});
}

TEST_F(FilterTest, SourcesAndLanguagesFilterWhateverTheirCase) {
  SearchOptions source;
  source.sources = {"LIBERATION"};
  EXPECT_EQ(search(source).size(), 3u);
  source.sources = {"libération", "le monde"};
  EXPECT_EQ(search(source).size(), 83u);
  SearchOptions language;
  language.language = "FR";
  std::vector<std::string> french = titles(search(language));
  std::sort(french.begin(), french.end());
  EXPECT_EQ(french, (std::vector<std::string>{"A", "B"}));
}

TEST_F(FilterTest, SortByDateIsNewestFirst) {
  SearchOptions newest;
  newest.sort = SearchOptions::Sort::kDate;
  const std::vector<Hit> hits = search(newest);
  ASSERT_GE(hits.size(), 4u);
  EXPECT_EQ(titles({hits.begin(), hits.begin() + 3}), (std::vector<std::string>{"C", "B", "A"}));
  for (std::size_t i = 1; i < hits.size(); ++i) {
    EXPECT_GE(hits[i - 1].published, hits[i].published) << i;
  }
}

TEST_F(FilterTest, SortByDateWithFewCandidatesIsNewestFirstAndCountsEveryMatch) {
  // Two candidates: only the newest months are sorted (widened until they
  // hold two matches); the totals still count every match.
  SearchOptions newest;
  newest.sort = SearchOptions::Sort::kDate;
  newest.limit = newest.candidates = 2;
  const SearchResult result = Searcher(*dir_ / "index").search("puces", newest);
  EXPECT_EQ(titles(result.hits), (std::vector<std::string>{"C", "B"}));
  EXPECT_GE(result.estimated_passages, 83u);
}

TEST_F(FilterTest, OpenBoundsStopAtTheIndexsYearsAndAnEmptyRangeFindsNothing) {
  SearchOptions since;
  since.since = "1900";  // a century of years, none of them in the index
  EXPECT_EQ(search(since).size(), 83u);
  SearchOptions future;
  future.since = "2030";
  EXPECT_TRUE(search(future).empty());
  SearchOptions backwards;
  backwards.since = "2025-09";
  backwards.until = "2025-08";
  EXPECT_TRUE(search(backwards).empty());
}

TEST(DateCoverTest, WholeYearsAndMonthsAsOneTermEach) {
  EXPECT_EQ(detail::date_cover("2024-11-29", "2026-02-02"),
            (std::vector<std::string>{"XD2024-11-29", "XD2024-11-30", "XM2024-12", "XY2025",
                                      "XM2026-01", "XD2026-02-01", "XD2026-02-02"}));
  EXPECT_EQ(detail::date_cover("2024-02-01", "2024-02-29"), std::vector<std::string>{"XM2024-02"});
  EXPECT_EQ(detail::date_cover("2025-03-03", "2025-03-03"),
            std::vector<std::string>{"XD2025-03-03"});
  EXPECT_TRUE(detail::date_cover("2025-03-04", "2025-03-03").empty());
  EXPECT_EQ(detail::date_cover("2016-01-01", "2025-12-31").size(), 10u);
}

TEST_F(FilterTest, PathGlobsNarrowTheMatch) {
  const auto with_paths = [](std::vector<std::string> globs) {
    SearchOptions options;
    options.paths = std::move(globs);
    return search(options);
  };
  std::vector<std::string> found = titles(with_paths({"new/*"}));
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_EQ(with_paths({"old/1?.md"}).size(), 10u);  // 10 to 19
  EXPECT_EQ(with_paths({"old/[0-4].md"}).size(), 5u);
  EXPECT_EQ(with_paths({"*.md"}).size(), 83u);
  EXPECT_EQ(with_paths({"new/a.md", "new/c.md"}).size(), 2u);
  const std::string absolute = std::filesystem::canonical(*dir_ / "news").string() + "/new/b.md";
  EXPECT_EQ(titles(with_paths({absolute})), std::vector<std::string>{"B"});
  EXPECT_TRUE(with_paths({"news/new"}).empty());  // a folder is not its files: new/*
  EXPECT_TRUE(with_paths({"*.html"}).empty());
  EXPECT_TRUE(with_paths({"ew/a.md"}).empty());  // the end of a path, from a /
}

TEST_F(FilterTest, ABoundThatIsNoDateIsAnError) {
  SearchOptions bad;
  bad.since = "2025-13";
  EXPECT_THROW(search(bad), InvalidArgument);
}

TEST(DaysBetweenTest, CountsCalendarDays) {
  EXPECT_EQ(detail::days_between("2024-02-28", "2024-03-01"), 2);  // a leap year
  EXPECT_EQ(detail::days_between("2025-02-28", "2025-03-01"), 1);
  EXPECT_EQ(detail::days_between("2025-08-12T14:05", "2026-08-12"), 365);
  EXPECT_EQ(detail::days_between("2026-01-02", "2026-01-01"), -1);
  EXPECT_EQ(detail::days_between("", "2026-01-01"), 0);
  EXPECT_EQ(detail::days_between("hier", "2026-01-01"), 0);
}

// Articles of today and of long ago: the recency preference lifts the recent
// one among equals, and never above an older passage that is clearly better.
TEST(RecencyTest, RecentArticlesRiseAmongEqualsOnly) {
  TempDir dir;
  const std::string today = detail::today_utc();
  const auto article = [&](const std::string& name, const std::string& date,
                           const std::string& body) {
    write_file(dir / "news" + "/" + name + ".md",
               "---\ntitle: " + name + "\ndate: " + date + "\n---\n" + body + "\n");
  };
  // Two passages alike (not one passage shown once: a word differs); the
  // recent one a word longer, so a little weaker.
  article("ancien", "2015-03-02", "Le conseil municipal a voté lundi le budget des cantines.");
  article("recent", today, "Le conseil municipal a voté jeudi soir le budget des cantines.");
  article("meilleur", "2016-05-04",
          "Les cantines scolaires : le budget des cantines scolaires, voté par le conseil, "
          "double le budget des cantines.");
  IndexWriter(dir / "index").update({dir / "news"});
  Searcher searcher(dir / "index");
  const auto order = [&](double half_life) {
    SearchOptions options;
    options.recency_half_life_days = half_life;
    options.explain = true;
    std::vector<std::string> titles;
    for (const Hit& hit : searcher.search("budget cantines", options).hits) {
      titles.push_back(hit.title);
      EXPECT_LE(hit.explanation->recency_factor, 1 + detail::kMaxRecencyGain);
    }
    return titles;
  };
  EXPECT_EQ(order(0), (std::vector<std::string>{"meilleur", "ancien", "recent"}));
  const std::vector<std::string> recent = order(30);
  EXPECT_EQ(recent, (std::vector<std::string>{"meilleur", "recent", "ancien"}));
  SearchOptions bad;
  bad.recency_half_life_days = -1;
  EXPECT_THROW(searcher.search("budget", bad), InvalidArgument);
}

}  // namespace
}  // namespace furet
