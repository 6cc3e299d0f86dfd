// A token: one indexable unit of text with its terms and its place in the original.
#ifndef FURET_ANALYSIS_TOKEN_H_
#define FURET_ANALYSIS_TOKEN_H_

#include <cstdint>
#include <string>

namespace furet {

/// What kind of text a token stands for; decides how its term is formed.
enum class TokenKind : std::uint8_t {
  kWord,      ///< letters: folded, elision stripped, stemmed
  kCode,      ///< letters and digits (H20, 6000D, R1): folded, never stemmed
  kNumber,    ///< digits, thousands groups joined, decimal comma kept ("300000", "2,5")
  kCompound,  ///< a whole beside its parts: a hyphenated run ("etat-unis"), a share ("75%")
};

/// One token. Invariant: [begin, end) are byte offsets into the analysed text as
/// given, whatever normalisation produced the term.
struct Token {
  std::string term;            ///< the index term
  std::string alt_term;        ///< accent-blind variant of term when it differs, else empty
  std::uint32_t begin = 0;     ///< first byte of the token in the original text
  std::uint32_t end = 0;       ///< one past its last byte
  std::uint32_t position = 0;  ///< word position, from 1; a compound shares its first part's
  TokenKind kind = TokenKind::kWord;
  bool stopword = false;  ///< a common word: kept for phrases, left out of ranking
};

inline bool operator==(const Token& a, const Token& b) {
  return a.term == b.term && a.alt_term == b.alt_term && a.begin == b.begin && a.end == b.end &&
         a.position == b.position && a.kind == b.kind && a.stopword == b.stopword;
}

}  // namespace furet

#endif  // FURET_ANALYSIS_TOKEN_H_
