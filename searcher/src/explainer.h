// How a passage's BM25 weight splits across the query terms it matches.
#ifndef FURET_SEARCHER_SRC_EXPLAINER_H_
#define FURET_SEARCHER_SRC_EXPLAINER_H_

#include <xapian.h>

#include <vector>

#include "furet/search_types.h"
#include "query_builder.h"

namespace furet::detail {

/// Each matching term's BM25 contribution to document `did`, computed with the
/// index's statistics and the query's scale for the term (1 for a word,
/// kSynonymWeight for a synonym). Xapian merges
/// a word's variants (OP_SYNONYM) before weighting, so the parts add up to
/// about, not exactly, the document's weight.
std::vector<TermWeight> split_bm25(const Xapian::Database& db, const Xapian::Enquire& enquire,
                                   Xapian::docid did, const std::vector<Concept>& concepts);

}  // namespace furet::detail

#endif  // FURET_SEARCHER_SRC_EXPLAINER_H_
