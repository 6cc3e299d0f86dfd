// Spelling correction of query words against the index's vocabulary.
#ifndef FURET_SEARCHER_SRC_SPELLING_H_
#define FURET_SEARCHER_SRC_SPELLING_H_

#include <xapian.h>

#include <string>
#include <string_view>

#include "furet/analysis/analyzer.h"

namespace furet::detail {

/// What spelling makes of a query. A word the index does not hold as
/// written has a correction, the closest word it does hold (Xapian's spelling
/// table, filled by the indexer with the folded words of the articles; a word
/// of a title is held too). Only words of 4 letters or more are corrected,
/// and only by a known word at edit distance 1 (2 for words of 7 letters or
/// more): a correction must be clearly better than the typed word. Codes,
/// numbers, stopwords and prefix words (`autoris*`) are left as typed.
struct Spelling {
  /// The query to search: each word that matches nothing in the index
  /// replaced by its correction (as typed, it could only find nothing). A
  /// word that matches passages is never replaced.
  std::string searched;
  /// `searched` with the corrections of the words that match passages but
  /// are not in the index as written (a typo that stems like another word:
  /// "inférance" finds "inférer"), to offer; equal to `searched` when there
  /// are none.
  std::string suggested;
};

Spelling correct_spelling(std::string_view query, const Analyzer& analyzer,
                          const Xapian::Database& db);

}  // namespace furet::detail

#endif  // FURET_SEARCHER_SRC_SPELLING_H_
