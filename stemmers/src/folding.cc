// Folding of case, accents, ligatures and apostrophes, with an ASCII fast path.
#include "folding.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace furet::detail {
namespace {

bool is_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

}  // namespace

bool is_apostrophe(char32_t c) {
  return c == U'\'' || c == U'\u2019' || c == U'\u2018' || c == U'\u02BC' || c == U'\u2032';
}

FoldedWord fold(std::string_view utf8) {
  if (is_ascii(utf8)) {
    std::string lower(utf8);
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return {lower, lower};
  }
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* const nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  static const icu::Normalizer2* const nfd = icu::Normalizer2::getNFDInstance(status);
  static const icu::Normalizer2* const nfc = icu::Normalizer2::getNFCInstance(status);

  const auto source = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  const icu::UnicodeString case_folded = nfkc_cf->normalize(source, status);
  icu::UnicodeString lower;
  for (int32_t i = 0; i < case_folded.length();) {
    const UChar32 c = case_folded.char32At(i);
    i += U16_LENGTH(c);
    if (is_apostrophe(static_cast<char32_t>(c))) {
      lower.append(u'\'');
    } else if (c == 0x0153) {  // œ: a ligature, not an accent, so both forms expand it
      lower.append(u"oe", 2);
    } else if (c == 0x00E6) {  // æ
      lower.append(u"ae", 2);
    } else {
      lower.append(c);
    }
  }
  icu::UnicodeString stripped;
  const icu::UnicodeString decomposed = nfd->normalize(lower, status);
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) != U_NON_SPACING_MARK) stripped.append(c);
  }
  const icu::UnicodeString folded = nfc->normalize(stripped, status);
  if (U_FAILURE(status)) return {std::string(utf8), std::string(utf8)};
  return {to_utf8(lower), to_utf8(folded)};
}

}  // namespace furet::detail
