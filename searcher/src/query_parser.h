// Parsing the query syntax into parts, before any analysis.
#ifndef FURET_SEARCHER_SRC_QUERY_PARSER_H_
#define FURET_SEARCHER_SRC_QUERY_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

namespace furet::detail {

/// One piece of a query as the user typed it.
struct QueryPart {
  enum class Kind {
    kText,    ///< plain words, as typed (spacing kept, so "300 000" stays one number)
    kPhrase,  ///< "words in this order"
    kPrefix,  ///< word* : any word that begins so
    kOr,      ///< OR between the pieces on either side
  };
  Kind kind = Kind::kText;
  std::string text;
  bool excluded = false;  ///< written -word or -"phrase"

  bool operator==(const QueryPart&) const = default;
};

/// The parts of a query plus what was read other than as written.
struct ParsedQuery {
  std::vector<QueryPart> parts;
  std::vector<std::string> warnings;
};

/// Parses words, "phrases" (also « » and “ ”), -exclusion, OR and prefix*.
/// Never fails: what does not parse (an unbalanced quote, a lone '*', brackets)
/// is read as plain words and named in `warnings`.
ParsedQuery parse_query(std::string_view query);

}  // namespace furet::detail

#endif  // FURET_SEARCHER_SRC_QUERY_PARSER_H_
