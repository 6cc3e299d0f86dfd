// Spelling correction of query words against the index's vocabulary.
#ifndef FURET_SEARCHER_SRC_SPELLING_H_
#define FURET_SEARCHER_SRC_SPELLING_H_

#include <string>
#include <string_view>

#include <xapian.h>

#include "furet/analysis/analyzer.h"

namespace furet::detail {

/// `query` with each word the index does not know replaced by the closest word
/// it does (Xapian's spelling table, filled by the indexer with the folded
/// words of the articles); the query itself when nothing needed correcting.
/// Only words of 4 letters or more are corrected, and only by a known word at
/// edit distance 1 (2 for words of 7 letters or more): a correction must be
/// clearly better than the typed word. Codes, numbers, stopwords and prefix
/// words (`autoris*`) are left as typed.
std::string correct_spelling(std::string_view query, const Analyzer& analyzer,
                             const Xapian::Database& db);

}  // namespace furet::detail

#endif  // FURET_SEARCHER_SRC_SPELLING_H_
