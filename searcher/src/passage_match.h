// How a passage meets the query: coverage, proximity, highlights. Candidates are
// matched from the index's position lists; the hits shown are also analysed
// again for their byte ranges.
#ifndef FURET_SEARCHER_SRC_PASSAGE_MATCH_H_
#define FURET_SEARCHER_SRC_PASSAGE_MATCH_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "furet/analysis/token.h"
#include "furet/search_types.h"
#include "query_builder.h"

namespace furet::detail {

/// Where a passage's words meet the query's concepts.
struct PassageMatch {
  std::vector<HighlightRange> highlights;  ///< merged byte ranges, in order (from tokens only)
  /// Per concept, how well the passage holds it: 1 (its word), kSynonymWeight, or 0.
  std::vector<double> covered;
  /// Per concept, whether the article's title holds one of its own terms.
  std::vector<bool> in_title;
  /// Labels of the thesaurus synonyms the passage holds ("licence -> autorisation").
  std::vector<std::string> synonyms_used;
  /// Fewest consecutive word positions holding one occurrence of every covered
  /// concept (0 if fewer than two concepts are covered).
  std::uint32_t span = 0;
};

/// Matches `tokens` (the passage analysed) against `concepts`, highlights
/// included; `title_tokens` (the article's title analysed) fill in_title.
PassageMatch match_passage(const std::vector<Token>& tokens, const std::vector<Concept>& concepts,
                           const std::vector<Token>& title_tokens = {});

/// The query's index terms, each with the concepts it satisfies: what a
/// passage's position lists are read for.
class QueryTerms {
 public:
  explicit QueryTerms(const std::vector<Concept>& concepts);

  /// Matches passages `dids` of `db` from their position lists: the same
  /// coverage, synonyms and span as match_passage() over their text, without
  /// highlights. A prefix counts through the terms it was expanded to.
  std::vector<PassageMatch> match(const Xapian::Database& db,
                                  const std::vector<Xapian::docid>& dids) const;

 private:
  struct Meaning {
    std::size_t concept_index;
    double strength;
    const Concept::Synonym* synonym;  // null for the concept's own terms
  };
  struct Entry {
    std::string term;
    std::vector<Meaning> meanings;
  };
  const std::vector<Concept>* concepts_;
  std::vector<Entry> entries_;
  std::vector<std::pair<std::string, std::vector<std::size_t>>> title_entries_;  // S terms
};

}  // namespace furet::detail

#endif  // FURET_SEARCHER_SRC_PASSAGE_MATCH_H_
