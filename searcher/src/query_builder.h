// From parsed query parts to a Xapian query and the concepts the re-ranker checks.
#ifndef FURET_SEARCHER_SRC_QUERY_BUILDER_H_
#define FURET_SEARCHER_SRC_QUERY_BUILDER_H_

#include <xapian.h>

#include <string>
#include <vector>

#include "furet/analysis/analyzer.h"
#include "furet/analysis/token.h"
#include "query_parser.h"
#include "thesaurus.h"
#include "tunable.h"

namespace furet::detail {

/// A synonym is evidence, but weaker than the word the user typed: its share
/// of a match, in the Xapian query and in the re-ranking.
inline const double kSynonymWeight = tunable("SYNONYM_WEIGHT", 0.6);

/// One thing the query asks for: a word (with its accent-blind variant), a
/// compound, a phrase, a prefix, or alternatives joined by OR. A passage
/// "covers" a concept when any of its terms occurs in it.
struct Concept {
  std::vector<std::string> terms;  ///< index terms that satisfy it
  /// Those of its terms that say it alone, where some do not (a compound's
  /// whole term, not its parts); empty when all do.
  std::vector<std::string> whole_terms;
  /// The terms that say it alone: whole_terms, else all its terms.
  const std::vector<std::string>& standalone_terms() const {
    return whole_terms.empty() ? terms : whole_terms;
  }
  /// A thesaurus alternative: weaker evidence than the concept's own terms.
  struct Synonym {
    std::string label;               ///< "licence -> autorisation", for explanations
    std::vector<std::string> terms;  ///< its index terms
  };
  std::vector<Synonym> synonyms;
  std::vector<std::string> prefixes;  ///< folded word beginnings that satisfy it
  Xapian::Query query;                ///< what the index is asked
  double idf = 0;                     ///< rarity in the index: rarer concepts weigh more

  /// How well `token` satisfies this concept: 1 for one of its terms or prefixes,
  /// kSynonymWeight for a synonym (then *synonym, if given, points to it), 0 for none.
  double match_strength(const Token& token, const Synonym** synonym = nullptr) const;

  /// True if `token` carries one of the concept's own terms (not a synonym's).
  bool has_own_term(const Token& token) const;

  /// True if `term` is one of the synonyms' terms.
  bool has_synonym_term(const std::string& term) const;
};

/// A query ready to run: positive concepts, exclusions, the words that had no
/// weight (stopwords), and messages for the user.
struct BuiltQuery {
  std::vector<Concept> concepts;
  Xapian::Query excluded;
  std::vector<std::string> warnings;

  /// The Xapian query: passages that hold any concept, less the excluded
  /// ones. Title terms are not in it: a title never makes a passage match,
  /// it raises the rank of passages that do (the ranker's coverage).
  /// Empty if nothing is asked.
  Xapian::Query xapian_query() const;
};

/// Analyses each part with `analyzer` and builds the query against `db` (whose
/// vocabulary expands prefixes and whose statistics weigh concepts). Words
/// found in `thesaurus` (if not null) also search their synonyms, with less weight.
BuiltQuery build_query(const ParsedQuery& parsed, const Analyzer& analyzer,
                       const Xapian::Database& db, const Thesaurus* thesaurus);

}  // namespace furet::detail

#endif  // FURET_SEARCHER_SRC_QUERY_BUILDER_H_
