// Folding: case, compatibility forms, apostrophes, ligatures and accents.
#ifndef FURET_STEMMERS_SRC_FOLDING_H_
#define FURET_STEMMERS_SRC_FOLDING_H_

#include <string>
#include <string_view>

namespace furet::detail {

/// Two foldings of one word: `lower` keeps accents (the Snowball stemmer reads them),
/// `folded` drops them, so "Sécurité" gives {"sécurité", "securite"}.
struct FoldedWord {
  std::string lower;
  std::string folded;
};

/// Folds UTF-8 text: NFKC with case folding, the apostrophes ’ ‘ ʼ ′ to ', the
/// ligatures œ and æ to oe and ae (which NFKC keeps), then, for `folded`, accents
/// removed (NFD without non-spacing marks).
FoldedWord fold(std::string_view utf8);

/// True for the apostrophes a French text may use between an elided article and
/// its word: ' (U+0027), ’ (U+2019), ‘ (U+2018), ʼ (U+02BC), ′ (U+2032).
bool is_apostrophe(char32_t c);

}  // namespace furet::detail

#endif  // FURET_STEMMERS_SRC_FOLDING_H_
