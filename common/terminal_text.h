// Text from documents made harmless to print on a terminal.
#ifndef FURET_COMMON_TERMINAL_TEXT_H_
#define FURET_COMMON_TERMINAL_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace furet {

namespace detail::terminal_text {

// Lower-case, as in `ls -b` and git's quoted paths.
inline constexpr char kHexDigits[] = "0123456789abcdef";

inline void append_byte_escape(std::string& out, unsigned char byte) {
  const char escape[] = {'\\', 'x', kHexDigits[byte >> 4], kHexDigits[byte & 0xF]};
  out.append(escape, sizeof escape);
}

inline void append_code_point_escape(std::string& out, char32_t cp) {
  const char escape[] = {'\\',
                         'u',
                         kHexDigits[(cp >> 12) & 0xF],
                         kHexDigits[(cp >> 8) & 0xF],
                         kHexDigits[(cp >> 4) & 0xF],
                         kHexDigits[cp & 0xF]};
  out.append(escape, sizeof escape);
}

inline bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Length of the well-formed UTF-8 sequence at s[0..n), n >= 1, with its code point in *cp; 0 if
// the bytes there are not one. The second-byte ranges are those of Unicode's table 3-7, which
// is what rules out overlong forms, surrogates and code points above U+10FFFF.
inline std::size_t decode_utf8(const unsigned char* s, std::size_t n, char32_t* cp) {
  const unsigned char lead = s[0];
  std::size_t length = 0;
  unsigned char second_min = 0x80;
  unsigned char second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_min = 0xA0;  // below is overlong
    if (lead == 0xED) second_max = 0x9F;  // above is a surrogate
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_min = 0x90;  // below is overlong
    if (lead == 0xF4) second_max = 0x8F;  // above is past U+10FFFF
  } else {
    return 0;  // ASCII is not handled here; 80..C1 and F5..FF never start a sequence
  }
  if (n < length || s[1] < second_min || s[1] > second_max) return 0;
  char32_t value = static_cast<char32_t>(lead & (0x7F >> length));
  for (std::size_t k = 1; k < length; ++k) {
    if (!is_continuation(s[k])) return 0;
    value = (value << 6) | static_cast<char32_t>(s[k] & 0x3F);
  }
  *cp = value;
  return length;
}

// C1 controls (0x9B is CSI, 0x9D OSC to terminals that honour 8-bit controls) and the bidi
// embeddings, overrides and isolates, which reorder what follows on screen.
inline bool is_escaped_code_point(char32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace detail::terminal_text

/// `text` made safe to print on a terminal: a document cannot move the cursor, change colours,
/// set the clipboard (OSC 52), plant links (OSC 8), overwrite a line (CR) or reorder the
/// display, because every character a terminal would act on is shown visibly instead:
///  - valid UTF-8 passes through unchanged, except for the characters below;
///  - C0 controls and DEL become `\t`, `\r`, `\n` or `\xHH` (ESC is `\x1b`), in the manner of
///    `ls -b`; a tab is escaped too, so that a file name stays in one column, and a newline is
///    kept as it is only when `keep_newlines` is true;
///  - C1 controls U+0080..U+009F become `\u0080`..`\u009f`;
///  - bidi embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069) become `\u202a`..;
///  - each byte that is not part of well-formed UTF-8 (stray continuation byte, truncated
///    sequence, overlong form, surrogate, beyond U+10FFFF) becomes `\xHH`, so that no lone 0x9B
///    (8-bit CSI) reaches the terminal.
/// Hex digits are lower-case. Backslashes are left as they are: the result is for reading, not
/// for decoding back.
inline std::string terminal_safe(std::string_view text, bool keep_newlines = false) {
  namespace tt = detail::terminal_text;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::string out;
  out.reserve(n);
  // Bytes that print as they are accumulate in s[run..i) and go out in one append.
  std::size_t run = 0;
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if ((c >= 0x20 && c < 0x7F) || (c == '\n' && keep_newlines)) {
      ++i;
      continue;
    }
    std::size_t length = 1;
    if (c >= 0x80) {
      char32_t cp = 0;
      length = tt::decode_utf8(s + i, n - i, &cp);
      if (length != 0 && !tt::is_escaped_code_point(cp)) {
        i += length;
        continue;
      }
      out.append(text.data() + run, i - run);
      if (length == 0) {
        length = 1;  // one escape per byte: the next byte is looked at on its own
        tt::append_byte_escape(out, c);
      } else {
        tt::append_code_point_escape(out, cp);
      }
    } else {
      out.append(text.data() + run, i - run);
      if (c == '\t') {
        out += "\\t";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c == '\n') {
        out += "\\n";
      } else {
        tt::append_byte_escape(out, c);
      }
    }
    i += length;
    run = i;
  }
  out.append(text.data() + run, n - run);
  return out;
}

}  // namespace furet

#endif  // FURET_COMMON_TERMINAL_TEXT_H_
