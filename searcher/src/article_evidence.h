// What a candidate passage's whole article says of the query: BM25 over all
// its passages, not only those among the candidates.
#ifndef FURET_SEARCHER_SRC_ARTICLE_EVIDENCE_H_
#define FURET_SEARCHER_SRC_ARTICLE_EVIDENCE_H_

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "query_builder.h"

namespace furet::detail {

/// What the index says of one article as a whole.
struct WholeArticle {
  double bm25 = 0;            ///< over the query's weight
  Xapian::docid opening = 0;  ///< its first passage; 0 from a remote index
};

/// For each of `articles` (ids), its BM25 over the whole article as one
/// document, divided by the query's weight (the concepts' idf summed). A
/// concept's frequency in an article is the number of its passages holding
/// it, by its own terms (a compound by its whole term, a quoted phrase word
/// by word) or, at kSynonymWeight, only by a synonym's; an article's length
/// is its number of passages (they are cut to like sizes) against the mean
/// of these articles. An article that keeps coming back to the query's
/// words is about them; a long one that mentions them once is not. A local
/// index is read from its posting lists; a `remote` one is asked a few
/// queries that answer with counts. Both count the same, so shards, local or
/// remote, rank as one index.
std::map<std::string, WholeArticle> whole_articles(const Xapian::Database& db, bool remote,
                                                   const std::vector<std::string>& articles,
                                                   const std::vector<Concept>& concepts);

}  // namespace furet::detail

#endif  // FURET_SEARCHER_SRC_ARTICLE_EVIDENCE_H_
