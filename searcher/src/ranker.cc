// The re-ranking formula; its constants are set by the relevance benchmark (bench/).
#include "ranker.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "filters.h"

namespace furet::detail {
namespace {

const double kCoverageFloor = tunable("COVERAGE_FLOOR", 0.25);  // f: part of the query still counts
// e: a passage lacking a rare word falls fast, one lacking a common word barely.
const double kCoverageExponent = tunable("COVERAGE_EXPONENT", 4);
const double kProximityGain =
    tunable("PROXIMITY_GAIN", 0.25);  // g: the bonus for words side by side
// a: what a passage keeps of its score when its article holds none of the
// rest of the query. 0: the article's share of the query scales it wholly.
const double kArticleFloor = tunable("ARTICLE_FLOOR", 0);
// A word of the article's title, absent from the passage, still says what the
// passage is about: it covers its concept this much.
const double kTitleCoverage = tunable("TITLE_COVERAGE", 0.7);
// h: how much the whole article's BM25 counts; m: what an article keeps whose
// words are not counted there (a compound's parts written apart).
const double kArticleBm25Exponent = tunable("ARTICLE_BM25_EXPONENT", 0.5);
const double kArticleBm25Floor = tunable("ARTICLE_BM25_FLOOR", 0.05);
// o: the gain of an article's first passage.
const double kOpeningGain = tunable("OPENING_GAIN", 1.3);

// Share of the concepts' total idf that `covered` holds, each concept as strongly
// as it is matched.
double weighted_share(const std::vector<double>& covered, const std::vector<Concept>& concepts) {
  double total = 0;
  double held = 0;
  for (std::size_t c = 0; c < concepts.size(); ++c) {
    const double idf = std::max(concepts[c].idf, 0.0);
    total += idf;
    held += idf * covered[c];
  }
  return total > 0 ? held / total : 1.0;
}

}  // namespace

std::vector<ScoreParts> score_candidates(const std::vector<Candidate>& candidates,
                                         const std::vector<Concept>& concepts) {
  std::vector<std::vector<double>> held;  // per candidate, per concept
  std::map<std::string, std::vector<double>> article_covered;
  for (const Candidate& c : candidates) {
    std::vector<double>& mine = held.emplace_back(c.match.covered);
    for (std::size_t i = 0; i < concepts.size(); ++i) {
      if (c.match.in_title[i]) mine[i] = std::max(mine[i], kTitleCoverage);
    }
    std::vector<double>& covered = article_covered[c.article];
    covered.resize(concepts.size(), 0.0);
    for (std::size_t i = 0; i < concepts.size(); ++i) covered[i] = std::max(covered[i], mine[i]);
  }
  std::vector<ScoreParts> scores;
  scores.reserve(candidates.size());
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const Candidate& c = candidates[k];
    ScoreParts s;
    s.bm25 = c.bm25;
    s.coverage = weighted_share(held[k], concepts);
    const auto covered =
        static_cast<double>(std::count_if(c.match.covered.begin(), c.match.covered.end(),
                                          [](double strength) { return strength > 0; }));
    s.proximity = c.match.span ? covered / c.match.span : 0.0;
    s.article = weighted_share(article_covered[c.article], concepts);
    s.coverage_factor =
        kCoverageFloor + (1 - kCoverageFloor) * std::pow(s.coverage, kCoverageExponent);
    s.proximity_factor = 1 + kProximityGain * s.proximity;
    s.article_factor = kArticleFloor + (1 - kArticleFloor) * s.article;
    s.article_bm25 = c.article_bm25;
    s.article_bm25_factor =
        std::pow(std::max(s.article_bm25, kArticleBm25Floor), kArticleBm25Exponent);
    s.opening_factor = c.opening ? kOpeningGain : 1.0;
    s.total = s.bm25 * s.coverage_factor * s.proximity_factor * s.article_factor *
              s.article_bm25_factor * s.opening_factor;
    scores.push_back(s);
  }
  return scores;
}

void prefer_recent(std::vector<ScoreParts>& scores, const std::vector<std::string>& published,
                   std::string_view today, double half_life_days) {
  for (std::size_t i = 0; i < scores.size(); ++i) {
    if (published[i].empty()) continue;
    const long age = std::max(0L, days_between(published[i], today));
    scores[i].recency_factor =
        1 + kMaxRecencyGain * std::exp2(-static_cast<double>(age) / half_life_days);
    scores[i].total *= scores[i].recency_factor;
  }
}

}  // namespace furet::detail
