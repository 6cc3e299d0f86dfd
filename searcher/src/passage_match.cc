// Matching a passage to the query: highlights, coverage, proximity.
#include "passage_match.h"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

#include "docid_order.h"
#include "furet/analysis/schema.h"

namespace furet::detail {
namespace {

// One place where the passage satisfies a concept.
struct ConceptHit {
  std::uint32_t position;
  std::size_t concept_index;
  double strength;
  const Concept::Synonym* synonym;
};

std::vector<HighlightRange> merged(std::vector<HighlightRange> ranges) {
  std::sort(ranges.begin(), ranges.end(),
            [](const HighlightRange& a, const HighlightRange& b) { return a.begin < b.begin; });
  std::vector<HighlightRange> out;
  for (const HighlightRange& r : ranges) {
    if (!out.empty() && r.begin <= out.back().end) {
      out.back().end = std::max(out.back().end, r.end);
    } else {
      out.push_back(r);
    }
  }
  return out;
}

// The smallest window of positions that holds every concept in `hits`,
// sorted by position: the classic sliding window.
std::uint32_t smallest_window(const std::vector<ConceptHit>& hits, std::size_t wanted) {
  std::map<std::size_t, int> inside;
  std::uint32_t best = std::numeric_limits<std::uint32_t>::max();
  std::size_t left = 0;
  for (std::size_t right = 0; right < hits.size(); ++right) {
    ++inside[hits[right].concept_index];
    while (inside.size() == wanted) {
      best = std::min(best, hits[right].position - hits[left].position + 1);
      if (--inside[hits[left].concept_index] == 0) inside.erase(hits[left].concept_index);
      ++left;
    }
  }
  return best;
}

// Coverage, synonyms and span from the hits, whatever they were read from. A
// word and its accent-blind variant share a position: each (position, concept)
// counts once, at its strongest.
void summarize(std::vector<ConceptHit> hits, std::size_t concept_count, PassageMatch& match) {
  std::sort(hits.begin(), hits.end(), [](const ConceptHit& a, const ConceptHit& b) {
    return std::tie(a.position, a.concept_index, b.strength) <
           std::tie(b.position, b.concept_index, a.strength);
  });
  hits.erase(std::unique(hits.begin(), hits.end(),
                         [](const ConceptHit& a, const ConceptHit& b) {
                           return a.position == b.position && a.concept_index == b.concept_index;
                         }),
             hits.end());
  match.covered.assign(concept_count, 0.0);
  for (const ConceptHit& hit : hits) {
    match.covered[hit.concept_index] = std::max(match.covered[hit.concept_index], hit.strength);
    if (hit.synonym && std::find(match.synonyms_used.begin(), match.synonyms_used.end(),
                                 hit.synonym->label) == match.synonyms_used.end()) {
      match.synonyms_used.push_back(hit.synonym->label);
    }
  }
  const auto covered = static_cast<std::size_t>(std::count_if(
      match.covered.begin(), match.covered.end(), [](double strength) { return strength > 0; }));
  if (covered >= 2) match.span = smallest_window(hits, covered);
}

}  // namespace

PassageMatch match_passage(const std::vector<Token>& tokens, const std::vector<Concept>& concepts,
                           const std::vector<Token>& title_tokens) {
  PassageMatch match;
  match.in_title.assign(concepts.size(), false);
  for (const Token& token : title_tokens) {
    if (token.stopword) continue;  // the index keeps no title stopwords
    for (std::size_t c = 0; c < concepts.size(); ++c) {
      match.in_title[c] = match.in_title[c] || concepts[c].has_own_term(token);
    }
  }
  std::vector<HighlightRange> ranges;
  std::vector<ConceptHit> hits;
  for (const Token& token : tokens) {
    for (std::size_t c = 0; c < concepts.size(); ++c) {
      const Concept::Synonym* synonym = nullptr;
      const double strength = concepts[c].match_strength(token, &synonym);
      if (strength == 0) continue;
      ranges.push_back({token.begin, token.end});
      // As in the index, a compound's positions are its parts'.
      if (token.kind != TokenKind::kCompound)
        hits.push_back({token.position, c, strength, synonym});
    }
  }
  match.highlights = merged(std::move(ranges));
  summarize(std::move(hits), concepts.size(), match);
  return match;
}

QueryTerms::QueryTerms(const std::vector<Concept>& concepts) : concepts_(&concepts) {
  std::map<std::string, std::vector<Meaning>> by_term;
  std::map<std::string, std::vector<std::size_t>> by_title_term;
  for (std::size_t c = 0; c < concepts.size(); ++c) {
    for (const std::string& term : concepts[c].terms) {
      by_term[term].push_back({c, 1.0, nullptr});
      by_title_term[std::string(schema::kTitlePrefix) + term].push_back(c);
    }
    for (const Concept::Synonym& s : concepts[c].synonyms) {
      for (const std::string& term : s.terms) by_term[term].push_back({c, kSynonymWeight, &s});
    }
  }
  for (auto& [term, meanings] : by_term) entries_.push_back({term, std::move(meanings)});
  title_entries_.assign(by_title_term.begin(), by_title_term.end());
}

std::vector<PassageMatch> QueryTerms::match(const Xapian::Database& db,
                                            const std::vector<Xapian::docid>& dids) const {
  // Position lists are keyed by term, then document: reading them in that
  // order keeps the index's blocks under the cursor instead of seeking.
  std::vector<std::vector<ConceptHit>> hits(dids.size());
  const std::vector<std::size_t> order = in_docid_order(dids);
  for (const Entry& entry : entries_) {
    // The term's posting list says which candidates hold it: most hold few of
    // the query's terms (synonyms, accent-blind variants), and looking up the
    // position list of a term a passage lacks costs as much as reading one.
    Xapian::PostingIterator posting = db.postlist_begin(entry.term);
    const Xapian::PostingIterator no_more = db.postlist_end(entry.term);
    for (std::size_t i : order) {
      posting.skip_to(dids[i]);
      if (posting == no_more) break;
      if (*posting != dids[i]) continue;
      for (auto p = posting.positionlist_begin(); p != posting.positionlist_end(); ++p) {
        for (const Meaning& m : entry.meanings) {
          hits[i].push_back({*p, m.concept_index, m.strength, m.synonym});
        }
      }
    }
  }
  std::vector<PassageMatch> matches(dids.size());
  for (std::size_t i = 0; i < dids.size(); ++i) {
    summarize(std::move(hits[i]), concepts_->size(), matches[i]);
    matches[i].in_title.assign(concepts_->size(), false);
  }
  // Title terms have no positions: their posting lists say which passages hold them.
  for (const auto& [term, concept_indexes] : title_entries_) {
    Xapian::PostingIterator p = db.postlist_begin(term);
    for (std::size_t i : order) {
      p.skip_to(dids[i]);
      if (p == db.postlist_end(term)) break;
      if (*p != dids[i]) continue;
      for (std::size_t c : concept_indexes) matches[i].in_title[c] = true;
    }
  }
  return matches;
}

}  // namespace furet::detail
