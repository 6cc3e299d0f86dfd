// The thesaurus: groups of words that name the same thing, for query expansion.
#ifndef FURET_SEARCHER_SRC_THESAURUS_H_
#define FURET_SEARCHER_SRC_THESAURUS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "furet/analysis/analyzer.h"

namespace furet::detail {

/// Synonym groups read from text: one group per line, entries separated by
/// commas, '#' starts a comment. Entries are analysed like queries, so
/// "Semi-conducteurs" in a query meets "semi-conducteur" in the file.
class Thesaurus {
 public:
  Thesaurus() = default;
  /// Parses `text`; an empty or comment-only text gives an empty thesaurus.
  Thesaurus(std::string_view text, const Analyzer& analyzer);

  /// The built-in French news thesaurus (searcher/data/thesaurus_fr.txt).
  static const Thesaurus& builtin(const Analyzer& analyzer);

  /// One entry of a group: as written in the file, and analysed.
  struct Entry {
    std::string text;
    std::vector<Token> tokens;
  };

  /// The other entries of every group holding `term` (a single word's term or a
  /// compound's).
  std::vector<const Entry*> alternatives(const std::string& term) const;

  std::size_t group_count() const { return groups_.size(); }

 private:
  std::vector<std::vector<Entry>> groups_;
  std::multimap<std::string, std::size_t> groups_of_term_;  // key term -> group
};

}  // namespace furet::detail

#endif  // FURET_SEARCHER_SRC_THESAURUS_H_
