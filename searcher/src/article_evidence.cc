// Whole-article BM25 of the candidates' articles, counted by the index.
#include "article_evidence.h"

#include <algorithm>

#include "furet/analysis/schema.h"
#include "ranker.h"

namespace furet::detail {
namespace {

// What the BM25 of an article needs: its length in passages and, per
// concept, the weight of its passages holding it.
struct Counts {
  std::map<std::string, double> passages;           // by article id
  std::vector<std::map<std::string, double>> held;  // by concept, then article id
};

// A concept holds a passage at 1 by its own terms, else at kSynonymWeight by
// a synonym's.
std::vector<std::pair<std::string, double>> weighted_terms(const Concept& c) {
  std::vector<std::pair<std::string, double>> terms;
  for (const std::string& t : c.standalone_terms()) terms.emplace_back(t, 1.0);
  for (const Concept::Synonym& s : c.synonyms) {
    for (const std::string& t : s.terms) terms.emplace_back(t, kSynonymWeight);
  }
  return terms;
}

// From the posting lists of a local index: the articles' passages, then
// each term's postings among them (the two skip to each other).
Counts count_locally(const Xapian::Database& db, const std::vector<std::string>& ids,
                     const std::vector<Concept>& concepts,
                     std::map<std::string, WholeArticle>& whole) {
  Counts counts;
  std::vector<std::pair<Xapian::docid, const std::string*>> passages;
  for (const std::string& id : ids) {
    const std::string term = std::string(schema::kArticlePrefix) + id;
    const std::size_t first = passages.size();
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
      passages.emplace_back(*it, &id);
    }
    counts.passages[id] = static_cast<double>(passages.size() - first);
    // An article's passages are added in order: its first has the lowest id.
    if (passages.size() > first) whole[id].opening = passages[first].first;
  }
  std::sort(passages.begin(), passages.end());
  std::vector<double> in_passage(passages.size());
  for (const Concept& c : concepts) {
    std::fill(in_passage.begin(), in_passage.end(), 0.0);
    for (const auto& [term, weight] : weighted_terms(c)) {
      Xapian::PostingIterator it = db.postlist_begin(term);
      for (std::size_t p = 0; p < passages.size();) {
        it.skip_to(passages[p].first);
        if (it == db.postlist_end(term)) break;
        if (*it == passages[p].first) {
          in_passage[p] = std::max(in_passage[p], weight);
          ++p;
          continue;
        }
        const auto next = std::lower_bound(
            passages.begin() + static_cast<std::ptrdiff_t>(p), passages.end(), *it,
            [](const auto& passage, Xapian::docid d) { return passage.first < d; });
        p = static_cast<std::size_t>(next - passages.begin());
      }
    }
    std::map<std::string, double>& held = counts.held.emplace_back();
    for (std::size_t p = 0; p < passages.size(); ++p) {
      if (in_passage[p] > 0) held[*passages[p].second] += in_passage[p];
    }
  }
  return counts;
}

// Per article id, how many of the passages matching `query` it has: one
// query with a value-count spy.
std::map<std::string, double> passages_per_article(const Xapian::Database& db,
                                                   const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::ValueCountMatchSpy spy(schema::kArticleIdSlot);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, db.get_doccount());
  std::map<std::string, double> counts;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) counts[*it] = it.get_termfreq();
  return counts;
}

Xapian::Query any_of(const std::vector<std::string>& terms) {
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// The same counts from a remote index, where a posting list is a round trip
// that ships it whole: a few queries that each answer with counts.
Counts count_remotely(const Xapian::Database& db, const std::vector<std::string>& ids,
                      const std::vector<Concept>& concepts) {
  Counts counts;
  std::vector<std::string> article_terms;
  for (const std::string& id : ids)
    article_terms.push_back(std::string(schema::kArticlePrefix) + id);
  const Xapian::Query theirs = any_of(article_terms);
  counts.passages = passages_per_article(db, theirs);
  for (const Concept& c : concepts) {
    const std::vector<std::string>& own = c.standalone_terms();
    std::map<std::string, double>& held = counts.held.emplace_back();
    if (!own.empty()) {
      held = passages_per_article(db, Xapian::Query(Xapian::Query::OP_FILTER, any_of(own), theirs));
    }
    std::vector<std::string> either;
    for (const auto& [term, weight] : weighted_terms(c)) either.push_back(term);
    if (either.size() == own.size()) continue;
    // Passages held only by a synonym: those held either way, less its own.
    for (const auto& [id, n] : passages_per_article(
             db, Xapian::Query(Xapian::Query::OP_FILTER, any_of(either), theirs))) {
      double& weight = held[id];
      weight += kSynonymWeight * (n - weight);
    }
  }
  return counts;
}

}  // namespace

std::map<std::string, WholeArticle> whole_articles(const Xapian::Database& db, bool remote,
                                                   const std::vector<std::string>& articles,
                                                   const std::vector<Concept>& concepts) {
  std::vector<std::string> ids = articles;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::map<std::string, WholeArticle> whole;
  const Counts counts =
      remote ? count_remotely(db, ids, concepts) : count_locally(db, ids, concepts, whole);

  double mean_length = 0;
  for (const auto& [id, n] : counts.passages) mean_length += n;
  mean_length =
      std::max(mean_length / static_cast<double>(std::max<std::size_t>(ids.size(), 1)), 1.0);
  double query_weight = 0;
  for (const Concept& c : concepts) query_weight += std::max(c.idf, 0.0);
  const auto at = [](const std::map<std::string, double>& m, const std::string& id) {
    const auto it = m.find(id);
    return it == m.end() ? 0.0 : it->second;
  };
  for (const std::string& id : ids) {
    const double norm = kBm25K1 * (1 - kBm25B + kBm25B * at(counts.passages, id) / mean_length);
    double sum = 0;
    for (std::size_t c = 0; c < concepts.size(); ++c) {
      const double n = at(counts.held[c], id);
      sum += std::max(concepts[c].idf, 0.0) * n * (kBm25K1 + 1) / (n + norm);
    }
    whole[id].bm25 = query_weight > 0 ? sum / query_weight : 0;
  }
  return whole;
}

}  // namespace furet::detail
