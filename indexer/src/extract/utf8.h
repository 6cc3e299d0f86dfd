// Small UTF-8 helpers shared by the decoders and their tests.
#ifndef FURET_INDEXER_SRC_EXTRACT_UTF8_H_
#define FURET_INDEXER_SRC_EXTRACT_UTF8_H_

#include <unicode/utf8.h>

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

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_EXTRACT_UTF8_H_
