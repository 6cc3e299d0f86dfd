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
