// Escape sequences and overstrikes in plain text (ECMA-48 forms).
#include "extract/plain_text.h"

#include <cstddef>
#include <string_view>

#include "extract/utf8.h"

namespace furet::detail {
namespace {

constexpr char kEscape = '\x1B';
constexpr char kBackspace = '\b';
constexpr char kBell = '\x07';

bool in_range(char c, unsigned char low, unsigned char high) {
  const auto u = static_cast<unsigned char>(c);
  return u >= low && u <= high;
}

// The length of the escape sequence that starts at s[i] (an ESC).
std::size_t escape_length(std::string_view s, std::size_t i) {
  std::size_t j = i + 1;
  if (j >= s.size()) return 1;
  const char kind = s[j++];
  if (kind == '[') {  // control sequence: parameters, intermediates, one final byte
    while (j < s.size() && in_range(s[j], 0x20, 0x3F)) ++j;
    return (j < s.size() && in_range(s[j], 0x40, 0x7E) ? j + 1 : j) - i;
  }
  if (kind == ']' || kind == 'P' || kind == 'X' || kind == '^' || kind == '_') {
    // A command string (window title, device control) ends at BEL or ESC \.
    for (; j < s.size(); ++j) {
      if (s[j] == kBell) return j + 1 - i;
      if (s[j] == kEscape) return (j + 1 < s.size() && s[j + 1] == '\\' ? j + 2 : j) - i;
      if (s[j] == '\n') return j - i;  // unterminated: the line's text is not the command's
    }
    return j - i;
  }
  // Any other: intermediates (from the byte after ESC), then one final byte.
  --j;
  while (j < s.size() && in_range(s[j], 0x20, 0x2F)) ++j;
  return (j < s.size() && in_range(s[j], 0x30, 0x7E) ? j + 1 : j) - i;
}

bool has_hidden_characters(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (invisible_length(s, i) > 0) return true;
  }
  return false;
}

}  // namespace

std::string displayed_text(std::string text) {
  if (!has_hidden_characters(text)) return text;
  const std::string_view s = text;
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == kEscape) {
      i += escape_length(s, i);
    } else if (s[i] == kBackspace) {
      // The next character overprints the last one of the line.
      if (!out.empty() && out.back() != '\n') {
        std::size_t start = out.size() - 1;
        while (start > 0 && (static_cast<unsigned char>(out[start]) & 0xC0) == 0x80) --start;
        out.resize(start);
      }
      ++i;
    } else if (const std::size_t invisible = invisible_length(s, i); invisible > 0) {
      i += invisible;
    } else {
      out += s[i++];
    }
  }
  return out;
}

}  // namespace furet::detail
