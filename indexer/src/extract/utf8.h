// Small UTF-8 helpers shared by the decoders and their tests.
#ifndef FURET_INDEXER_SRC_EXTRACT_UTF8_H_
#define FURET_INDEXER_SRC_EXTRACT_UTF8_H_

#include <unicode/utf8.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace furet::detail {

/// U+FFFD, which stands for what could not be decoded.
inline constexpr char32_t kReplacementCharacter = 0xFFFD;

/// Appends code point `cp` as UTF-8; a surrogate or an out-of-range value
/// becomes U+FFFD, so the output is always valid UTF-8.
inline void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementCharacter;
  char bytes[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(bytes, length, static_cast<UChar32>(cp));
  out.append(bytes, static_cast<std::size_t>(length));
}

/// `s` with each ill-formed sequence replaced by U+FFFD.
inline std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, s.size(), c);
    if (c < 0) {
      append_utf8(out, kReplacementCharacter);
    } else {
      out.append(s.data() + start, i - start);
    }
  }
  return out;
}

/// True if `s` is well-formed UTF-8 (no surrogates, no overlong forms).
inline bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    UChar32 c;
    U8_NEXT(s.data(), i, s.size(), c);
    if (c < 0) return false;
  }
  return true;
}

/// The length in bytes of the character at `s[i]` if it is one a reader never
/// sees, else 0: C0 controls other than the whitespace \t \n \r \f, DEL, C1
/// controls, and the soft hyphen U+00AD, a hint where a line may break whose
/// word reads (and is searched) whole.
inline std::size_t invisible_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) return 1;
  if (c == 0xC2 && i + 1 < s.size()) {
    const auto next = static_cast<unsigned char>(s[i + 1]);
    if ((next >= 0x80 && next <= 0x9F) || next == 0xAD) return 2;
  }
  return 0;
}

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_EXTRACT_UTF8_H_
