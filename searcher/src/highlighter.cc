// Matching a passage's tokens to the query: highlights, coverage, proximity.
#include "highlighter.h"

#include <algorithm>
#include <limits>
#include <map>

namespace furet::detail {
namespace {

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

// The smallest window of positions that holds every concept in `hits`
// (position, concept), sorted by position: the classic sliding window.
std::uint32_t smallest_window(const std::vector<std::pair<std::uint32_t, std::size_t>>& hits,
                              std::size_t wanted) {
  std::map<std::size_t, int> inside;
  std::uint32_t best = std::numeric_limits<std::uint32_t>::max();
  std::size_t left = 0;
  for (std::size_t right = 0; right < hits.size(); ++right) {
    ++inside[hits[right].second];
    while (inside.size() == wanted) {
      best = std::min(best, hits[right].first - hits[left].first + 1);
      if (--inside[hits[left].second] == 0) inside.erase(hits[left].second);
      ++left;
    }
  }
  return best;
}

}  // namespace

PassageMatch match_passage(const std::vector<Token>& tokens,
                           const std::vector<Concept>& concepts) {
  PassageMatch match;
  match.covered.assign(concepts.size(), 0.0);
  std::vector<HighlightRange> ranges;
  std::vector<std::pair<std::uint32_t, std::size_t>> hits;  // (position, concept)
  for (const Token& token : tokens) {
    for (std::size_t c = 0; c < concepts.size(); ++c) {
      const Concept::Synonym* synonym = nullptr;
      const double strength = concepts[c].match_strength(token, &synonym);
      if (strength == 0) continue;
      if (synonym && std::find(match.synonyms_used.begin(), match.synonyms_used.end(),
                               synonym->label) == match.synonyms_used.end()) {
        match.synonyms_used.push_back(synonym->label);
      }
      match.covered[c] = std::max(match.covered[c], strength);
      ranges.push_back({token.begin, token.end});
      hits.emplace_back(token.position, c);
    }
  }
  match.highlights = merged(std::move(ranges));
  const auto covered = static_cast<std::size_t>(std::count_if(
      match.covered.begin(), match.covered.end(), [](double strength) { return strength > 0; }));
  if (covered >= 2) {
    std::stable_sort(hits.begin(), hits.end());
    match.span = smallest_window(hits, covered);
  }
  return match;
}

}  // namespace furet::detail
