// The re-ranking formula: coverage, article evidence, the tuning constants.
#include "ranker.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "tunable.h"

namespace furet::detail {
namespace {

// A candidate of BM25 weight 1 in `article`, holding each concept as `covered`
// says, and finding in its article's title those `in_title` marks.
Candidate candidate(std::string article, std::vector<double> covered, std::vector<bool> in_title) {
  Candidate c;
  c.bm25 = 1;
  c.article = std::move(article);
  c.match.covered = std::move(covered);
  c.match.in_title = std::move(in_title);
  return c;
}

// Two concepts of equal weight.
std::vector<Concept> two_concepts() {
  std::vector<Concept> concepts(2);
  for (Concept& c : concepts) c.idf = 1;
  return concepts;
}

// A word of the article's title counts for a passage without it, but less than
// the word in the passage itself.
TEST(RankerTest, TitleWordCoversItsConceptLessThanThePassage) {
  const std::vector<Concept> concepts = two_concepts();
  const std::vector<ScoreParts> scores = score_candidates(
      {candidate("a", {1, 0}, {false, false}), candidate("b", {1, 0}, {false, true}),
       candidate("c", {1, 1}, {false, false})},
      concepts);
  EXPECT_LT(scores[0].coverage, scores[1].coverage);
  EXPECT_LT(scores[1].coverage, scores[2].coverage);
  EXPECT_LT(scores[0].total, scores[1].total);
}

// The same mention scores in proportion to its article's share of the query: in
// an article whose other passages hold the rest of the query it counts whole, in
// one that holds nothing else it keeps only its own share.
TEST(RankerTest, AMentionScalesWithItsArticlesShareOfTheQuery) {
  const std::vector<ScoreParts> scores = score_candidates(
      {candidate("about", {1, 0}, {false, false}), candidate("about", {0, 1}, {false, false}),
       candidate("stray", {1, 0}, {false, false})},
      two_concepts());
  EXPECT_DOUBLE_EQ(scores[0].article, 1);
  EXPECT_DOUBLE_EQ(scores[2].article, 0.5);
  EXPECT_DOUBLE_EQ(scores[2].total, scores[0].total * 0.5);
}

// The ranking constants are fixed unless the build is made for tuning them.
// Of two passages alike, the one whose whole article is about the query
// ranks first: a passage of an article that keeps coming back to the query's
// words, ahead of a stray mention in an article about something else.
TEST(RankerTest, APassageOfAnArticleAboutTheQueryComesFirst) {
  Candidate about = candidate("about", {1, 1}, {false, false});
  Candidate stray = candidate("stray", {1, 1}, {false, false});
  about.article_bm25 = 1.5;
  stray.article_bm25 = 0.3;
  const std::vector<ScoreParts> scores = score_candidates({about, stray}, two_concepts());
  EXPECT_GT(scores[0].total, scores[1].total);
  EXPECT_GT(scores[0].article_bm25_factor, scores[1].article_bm25_factor);
}

// An article's first passage, where news leads and answers begin, is a
// little ahead of another passage of it alike.
TEST(RankerTest, AnArticlesOpeningIsAheadOfItsOtherPassages) {
  Candidate opening = candidate("a", {1, 1}, {false, false});
  opening.opening = true;
  const Candidate later = candidate("a", {1, 1}, {false, false});
  const std::vector<ScoreParts> scores = score_candidates({later, opening}, two_concepts());
  EXPECT_GT(scores[1].total, scores[0].total);
  EXPECT_LT(scores[1].total, 2 * scores[0].total);  // a lead, not a verdict
}

TEST(RankerTest, OnlyATuningBuildTakesConstantsFromTheEnvironment) {
  ::setenv("FURET_TUNE_TEST_CONSTANT", "9", 1);
#ifdef FURET_RANKING_TUNING
  EXPECT_EQ(tunable("TEST_CONSTANT", 1.5), 9);
  ::setenv("FURET_TUNE_TEST_CONSTANT", "9x", 1);
  EXPECT_THROW(tunable("TEST_CONSTANT", 1.5), std::invalid_argument);
#else
  EXPECT_EQ(tunable("TEST_CONSTANT", 1.5), 1.5);
#endif
  ::unsetenv("FURET_TUNE_TEST_CONSTANT");
}

}  // namespace
}  // namespace furet::detail
