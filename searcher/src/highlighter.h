// Highlights and match positions of a passage, from the analyser's byte offsets.
#ifndef FURET_SEARCHER_SRC_HIGHLIGHTER_H_
#define FURET_SEARCHER_SRC_HIGHLIGHTER_H_

#include <string>
#include <string_view>
#include <vector>

#include "furet/analysis/token.h"
#include "furet/searcher.h"
#include "query_builder.h"

namespace furet::detail {

/// Where a passage's tokens meet the query's concepts.
struct PassageMatch {
  std::vector<HighlightRange> highlights;  ///< merged byte ranges, in order
  /// Per concept, how well the passage holds it: 1 (its word), kSynonymWeight, or 0.
  std::vector<double> covered;
  /// Labels of the thesaurus synonyms the passage holds ("licence -> autorisation").
  std::vector<std::string> synonyms_used;
  /// Fewest consecutive word positions holding one occurrence of every covered
  /// concept (0 if fewer than two concepts are covered).
  std::uint32_t span = 0;
};

/// Matches `tokens` (the passage analysed) against `concepts`.
PassageMatch match_passage(const std::vector<Token>& tokens, const std::vector<Concept>& concepts);

}  // namespace furet::detail

#endif  // FURET_SEARCHER_SRC_HIGHLIGHTER_H_
