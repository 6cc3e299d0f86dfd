// Re-ranking of candidate passages: BM25 moved by coverage, proximity and article evidence.
#ifndef FURET_SEARCHER_SRC_RANKER_H_
#define FURET_SEARCHER_SRC_RANKER_H_

#include <string>
#include <vector>

#include "passage_match.h"
#include "query_builder.h"
#include "tunable.h"

namespace furet::detail {

/// Xapian's BM25 parameters for passages (Xapian's defaults).
inline const double kBm25K1 = tunable("BM25_K1", 1.2);
inline const double kBm25B = tunable("BM25_B", 0.75);
inline constexpr double kBm25MinNormLength = 0.5;

/// A passage the index returned, with what the re-ranker needs to know of it.
struct Candidate {
  double bm25 = 0;          ///< Xapian's weight of the passage's own words
  std::string article;      ///< article id: passages of one article share evidence
  PassageMatch match;       ///< its tokens against the query's concepts
  double article_bm25 = 0;  ///< its whole article's BM25 (article_evidence.h)
  bool opening = false;     ///< the article's first passage
};

/// A candidate's score and the factors it is the product of.
struct ScoreParts {
  double bm25 = 0;
  double coverage = 0;      ///< share of the query's weight (idf) the passage holds, 0..1
  double proximity = 0;     ///< covered concepts / span of words holding them, 0..1
  double article = 0;       ///< share of the query's weight its article's candidates hold, 0..1
  double article_bm25 = 0;  ///< its whole article's BM25 over the query's weight
  double coverage_factor = 0;
  double proximity_factor = 0;
  double article_factor = 0;
  double article_bm25_factor = 0;
  double opening_factor = 0;
  double recency_factor = 1;  ///< with a recency preference only
  double total = 0;           ///< bm25 × the factors
};

/// Scores each candidate:
///   bm25 × (f + (1 − f)·coverage^e) × (1 + g·proximity) × (a + (1 − a)·article)
///        × max(article_bm25, m)^h × (o for an article's first passage, else 1)
/// so a passage with all the query's rare words beats one repeating a common
/// word, close words beat scattered ones, a passage of an article that is
/// about the whole query beats a stray mention, and an article's opening,
/// where news leads and answers begin, is a little ahead of its other passages.
std::vector<ScoreParts> score_candidates(const std::vector<Candidate>& candidates,
                                         const std::vector<Concept>& concepts);

/// The most a recency preference raises a score: a passage is never more
/// than this much ahead for being recent, so a clearly better older one
/// stays first.
inline constexpr double kMaxRecencyGain = 0.25;

/// Raises each score by kMaxRecencyGain × 2^(−age / half_life), its
/// article's age in days since `published[i]` ("YYYY-MM-DD") at `today`.
/// A date in the future counts as today; a passage without a date gains nothing.
void prefer_recent(std::vector<ScoreParts>& scores, const std::vector<std::string>& published,
                   std::string_view today, double half_life_days);

}  // namespace furet::detail

#endif  // FURET_SEARCHER_SRC_RANKER_H_
