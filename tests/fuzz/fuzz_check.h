// Invariant checks shared by the fuzz targets: a failed check must stop libFuzzer.
#ifndef FURET_TESTS_FUZZ_FUZZ_CHECK_H_
#define FURET_TESTS_FUZZ_FUZZ_CHECK_H_

#include <unicode/utf8.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>

// Prints the broken invariant and aborts: libFuzzer treats the abort as a crash, saves the input
// and prints the stack, whereas an exception or a silent return would hide the bug.
#define FUZZ_CHECK(condition)                                                                  \
  do {                                                                                         \
    if (!(condition)) {                                                                        \
      std::fprintf(stderr, "%s:%d: invariant violated: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                            \
    }                                                                                          \
  } while (false)

namespace furet::fuzz {

// True if `s` is well-formed UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF). ICU's U8_NEXT applies exactly the Unicode standard's definition, which a hand
// written validator easily gets subtly wrong.
inline bool is_valid_utf8(std::string_view s) {
  const auto length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s.data(), i, length, c);
    if (c < 0) return false;
  }
  return true;
}

// True if byte offset `i` of `s` starts a code point (or is the end): a range cut elsewhere
// would split a character in two.
inline bool on_char_boundary(std::string_view s, std::size_t i) {
  return i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

}  // namespace furet::fuzz

#endif  // FURET_TESTS_FUZZ_FUZZ_CHECK_H_
