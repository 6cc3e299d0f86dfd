// ASCII character classes and line splitting, for the parsers of articles and queries.
#ifndef FURET_COMMON_ASCII_TEXT_H_
#define FURET_COMMON_ASCII_TEXT_H_

#include <string_view>
#include <vector>

// The classes are C's in the "C" locale, whatever locale the program runs in: markup, dates,
// queries and front matter are ASCII, and a byte of a UTF-8 sequence is never any of them.
namespace furet::ascii {

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
constexpr char to_lower(char c) { return is_alpha(c) ? static_cast<char>(c | 0x20) : c; }

/// Whether `s` is one or more ASCII digits.
constexpr bool all_digits(std::string_view s) {
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return !s.empty();
}

/// Space, tab, line feed, vertical tab, form feed, carriage return.
constexpr bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/// Space and tab, the blanks that indent a line.
constexpr bool is_blank(char c) { return c == ' ' || c == '\t'; }

/// `s` without the is_space characters at its end.
constexpr std::string_view trim_end(std::string_view s) {
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

/// `s` without the is_space characters at either end.
constexpr std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  return trim_end(s);
}

/// The words of `s`: runs of characters that are not is_space.
constexpr std::size_t word_count(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    words += !is_space(c) && !in_word;
    in_word = !is_space(c);
  }
  return words;
}

/// The lines of `text`, as views into it, without their '\n' (a "\r\n" line keeps its '\r', which
/// is_space trims). A final line without '\n' counts; an empty text has none.
inline std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    lines.push_back(text.substr(0, newline));
    if (newline == std::string_view::npos) break;
    text.remove_prefix(newline + 1);
  }
  return lines;
}

}  // namespace furet::ascii

#endif  // FURET_COMMON_ASCII_TEXT_H_
