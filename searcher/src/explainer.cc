// Per-term BM25 weights, with Xapian's own formula (xapian-core bm25weight.cc).
#include "explainer.h"

#include <algorithm>
#include <cmath>

#include "ranker.h"

namespace furet::detail {
namespace {

bool listed(const std::vector<std::string>& list, const std::string& term) {
  return std::find(list.begin(), list.end(), term) != list.end();
}

// Where a matching term came from, and the weight the query gave it.
std::pair<std::string, double> origin_of(const std::string& term,
                                         const std::vector<Concept>& concepts) {
  for (const Concept& c : concepts) {
    if (listed(c.terms, term)) return {"word", 1.0};
  }
  for (const Concept& c : concepts) {
    if (c.has_synonym_term(term)) return {"synonym", kSynonymWeight};
  }
  return {"word", 1.0};  // a prefix's expansion
}

// Robertson's idf as Xapian computes it without relevance data; small values
// are lifted so that no term weighs less than nothing.
double term_weight(double doc_count, double term_freq) {
  double tw = (doc_count - term_freq + 0.5) / (term_freq + 0.5);
  if (tw < 2) tw = tw * 0.5 + 1;
  return std::log(tw);
}

}  // namespace

std::vector<TermWeight> split_bm25(const Xapian::Database& db, const Xapian::Enquire& enquire,
                                   Xapian::docid did, const std::vector<Concept>& concepts) {
  std::vector<TermWeight> weights;
  const double doc_count = db.get_doccount();
  const double norm_length =
      std::max(db.get_doclength(did) / std::max(db.get_avlength(), 1.0), kBm25MinNormLength);
  for (auto t = enquire.get_matching_terms_begin(did); t != enquire.get_matching_terms_end(did);
       ++t) {
    Xapian::TermIterator in_doc = db.termlist_begin(did);
    in_doc.skip_to(*t);
    if (in_doc == db.termlist_end(did) || *in_doc != *t) continue;
    const double wdf = in_doc.get_wdf();
    const auto [origin, scale] = origin_of(*t, concepts);
    const double weight = scale * term_weight(doc_count, db.get_termfreq(*t)) * (kBm25K1 + 1) *
                          wdf / (kBm25K1 * (norm_length * kBm25B + (1 - kBm25B)) + wdf);
    weights.push_back({*t, origin, weight});
  }
  std::sort(weights.begin(), weights.end(),
            [](const TermWeight& a, const TermWeight& b) { return a.weight > b.weight; });
  return weights;
}

}  // namespace furet::detail
