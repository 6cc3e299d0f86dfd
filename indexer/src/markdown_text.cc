// Markdown to plain text: renders the document to minimal HTML, then reuses the HTML scanner.
#include "markdown_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "html_text.h"

// Rendering to HTML rather than to text directly means entities, raw HTML blocks and inline tags
// get exactly the treatment they get in .html files; literal '<' and '&' of the Markdown text are
// escaped so that the scanner shows them as written.

namespace furet::detail {
namespace {

constexpr std::size_t kNpos = std::string_view::npos;
// Bounds the look-ahead for one inline tag so that stray '<' cannot make the scan quadratic.
constexpr std::size_t kMaxInlineTagBytes = 1024;
constexpr std::size_t kMaxLabelBytes = 999;  // CommonMark's limit for link labels
constexpr std::size_t kMaxSchemeBytes = 32;

using LabelSet = std::unordered_set<std::string>;

bool is_space_or_tab(char c) { return c == ' ' || c == '\t'; }
bool is_whitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}
char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view ltrim(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_whitespace(s[i])) ++i;
  return s.substr(i);
}
std::string_view rtrim(std::string_view s) {
  std::size_t n = s.size();
  while (n > 0 && is_whitespace(s[n - 1])) --n;
  return s.substr(0, n);
}
std::string_view trim(std::string_view s) { return rtrim(ltrim(s)); }

std::string to_lower_copy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower(c);
  return out;
}

// Width of the leading whitespace in columns, tabs stopping every 4 columns as in CommonMark.
std::size_t indentation(std::string_view s) {
  std::size_t columns = 0;
  for (const char c : s) {
    if (c == ' ') {
      ++columns;
    } else if (c == '\t') {
      columns += 4 - columns % 4;
    } else {
      break;
    }
  }
  return columns;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      lines.push_back(text.substr(start, i - start));
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

// Makes text literal for the HTML scanner.
void append_escaped(std::string& out, std::string_view s) {
  for (const char c : s) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '&') {
      out += "&amp;";
    } else {
      out += c;
    }
  }
}

// Removes leading '>' markers; returns how many there were.
int strip_quote_markers(std::string_view* line, int max_depth) {
  int depth = 0;
  while (depth < max_depth) {
    const std::string_view rest = ltrim(*line);
    if (rest.empty() || rest[0] != '>' || indentation(*line) >= 4) break;
    *line = rest.substr(1);
    if (!line->empty() && is_space_or_tab((*line)[0])) *line = line->substr(1);
    ++depth;
  }
  return depth;
}

std::string normalize_label(std::string_view label) {
  std::string out;
  bool space = false;
  for (const char c : trim(label)) {
    if (is_whitespace(c)) {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += to_lower(c);
  }
  return out;
}

// For "[label]: destination" returns true and the label.
bool parse_reference_definition(std::string_view s, std::string_view* label) {
  if (s.size() < 4 || s[0] != '[') return false;
  std::size_t i = 1;
  while (i < s.size() && i <= kMaxLabelBytes + 1 && s[i] != ']' && s[i] != '[') {
    if (s[i] == '\\' && i + 1 < s.size()) ++i;
    ++i;
  }
  if (i >= s.size() || s[i] != ']' || i == 1) return false;
  if (i + 1 >= s.size() || s[i + 1] != ':') return false;
  if (trim(s.substr(i + 2)).empty()) return false;
  *label = s.substr(1, i - 1);
  return true;
}

// Length of a list marker with its following space ("- ", "* ", "+ ", "1. ", "2) "), or 0.
std::size_t list_marker_length(std::string_view s, bool* ordered, int* number) {
  *ordered = false;
  if (s.empty()) return 0;
  if (s[0] == '-' || s[0] == '*' || s[0] == '+') {
    if (s.size() == 1) return 1;
    return is_space_or_tab(s[1]) ? 2 : 0;
  }
  std::size_t i = 0;
  int value = 0;
  while (i < s.size() && i < 9 && is_digit(s[i])) {
    value = value * 10 + (s[i] - '0');
    ++i;
  }
  if (i == 0 || i >= s.size() || (s[i] != '.' && s[i] != ')')) return 0;
  ++i;
  if (i < s.size() && !is_space_or_tab(s[i])) return 0;
  *ordered = true;
  *number = value;
  return i < s.size() ? i + 1 : i;
}

bool is_thematic_break(std::string_view s) {
  if (s.empty() || (s[0] != '*' && s[0] != '-' && s[0] != '_')) return false;
  std::size_t count = 0;
  for (const char c : s) {
    if (c == s[0]) {
      ++count;
    } else if (!is_whitespace(c)) {
      return false;
    }
  }
  return count >= 3;
}

// Returns 1 for "===" and 2 for "---" underlines, else 0.
int setext_level(std::string_view s) {
  s = rtrim(s);
  if (s.empty() || (s[0] != '=' && s[0] != '-')) return 0;
  for (const char c : s) {
    if (c != s[0]) return 0;
  }
  return s[0] == '=' ? 1 : 2;
}

// Level of an ATX heading and its text, or 0.
int atx_heading(std::string_view s, std::string_view* text) {
  std::size_t level = 0;
  while (level < s.size() && s[level] == '#') ++level;
  if (level == 0 || level > 6 || (level < s.size() && !is_space_or_tab(s[level]))) return 0;
  std::string_view content = trim(s.substr(level));
  // An optional closing run of '#' must be separated by a space from the text.
  std::size_t end = content.size();
  while (end > 0 && content[end - 1] == '#') --end;
  if (end == 0) {
    content = {};
  } else if (end < content.size() && is_space_or_tab(content[end - 1])) {
    content = rtrim(content.substr(0, end));
  }
  *text = content;
  return static_cast<int>(level);
}

bool is_table_separator(std::string_view s) {
  s = trim(s);
  bool pipe = false;
  bool dash = false;
  for (const char c : s) {
    if (c == '|') {
      pipe = true;
    } else if (c == '-') {
      dash = true;
    } else if (c != ':' && !is_space_or_tab(c)) {
      return false;
    }
  }
  return pipe && dash;
}

std::vector<std::string_view> split_table_row(std::string_view row) {
  row = trim(row);
  if (!row.empty() && row[0] == '|') row.remove_prefix(1);
  if (!row.empty() && row.back() == '|' && !(row.size() >= 2 && row[row.size() - 2] == '\\')) {
    row.remove_suffix(1);
  }
  std::vector<std::string_view> cells;
  std::size_t start = 0;
  bool in_code = false;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '\\') {
      ++i;  // an escaped pipe belongs to the cell
    } else if (row[i] == '`') {
      in_code = !in_code;
    } else if (row[i] == '|' && !in_code) {
      cells.push_back(trim(row.substr(start, i - start)));
      start = i + 1;
    }
  }
  if (start <= row.size()) cells.push_back(trim(row.substr(start)));
  return cells;
}

// Length of a CommonMark open or closing tag starting at s[i] == '<', or 0. `name` receives the
// lower-case tag name.
std::size_t inline_tag_length(std::string_view s, std::size_t i, std::string* name) {
  const std::size_t n = std::min(s.size(), i + kMaxInlineTagBytes);
  std::size_t j = i + 1;
  const bool closing = j < n && s[j] == '/';
  if (closing) ++j;
  if (j >= n || !is_alpha(s[j])) return 0;
  const std::size_t name_start = j;
  while (j < n && (is_alnum(s[j]) || s[j] == '-')) ++j;
  *name = to_lower_copy(s.substr(name_start, j - name_start));
  if (closing) {
    while (j < n && is_whitespace(s[j])) ++j;
    return j < n && s[j] == '>' ? j + 1 - i : 0;
  }
  while (true) {
    const std::size_t space_start = j;
    while (j < n && is_whitespace(s[j])) ++j;
    if (j >= n) return 0;
    if (s[j] == '>') return j + 1 - i;
    if (s[j] == '/') return j + 1 < n && s[j + 1] == '>' ? j + 2 - i : 0;
    if (j == space_start) return 0;  // attributes must be separated by whitespace
    if (!is_alpha(s[j]) && s[j] != '_' && s[j] != ':') return 0;
    ++j;
    while (j < n && (is_alnum(s[j]) || s[j] == '_' || s[j] == '.' || s[j] == ':' || s[j] == '-')) {
      ++j;
    }
    std::size_t k = j;
    while (k < n && is_whitespace(s[k])) ++k;
    if (k >= n || s[k] != '=') continue;
    ++k;
    while (k < n && is_whitespace(s[k])) ++k;
    if (k >= n) return 0;
    if (s[k] == '"' || s[k] == '\'') {
      const std::size_t close = s.substr(0, n).find(s[k], k + 1);
      if (close == kNpos) return 0;
      j = close + 1;
    } else {
      const std::size_t value_start = k;
      while (k < n && !is_whitespace(s[k]) && s[k] != '"' && s[k] != '\'' && s[k] != '=' &&
             s[k] != '<' && s[k] != '>' && s[k] != '`') {
        ++k;
      }
      if (k == value_start) return 0;
      j = k;
    }
  }
}

// Length of an autolink "<scheme:...>" or "<user@host>" starting at s[i] == '<', or 0.
std::size_t autolink_length(std::string_view s, std::size_t i) {
  std::size_t j = i + 1;
  if (j < s.size() && is_alpha(s[j])) {
    while (j < s.size() && j - i <= kMaxSchemeBytes + 1 &&
           (is_alnum(s[j]) || s[j] == '+' || s[j] == '.' || s[j] == '-')) {
      ++j;
    }
    if (j < s.size() && s[j] == ':' && j - i >= 3) {
      ++j;
      while (j < s.size() && !is_whitespace(s[j]) && s[j] != '<' && s[j] != '>') ++j;
      if (j < s.size() && s[j] == '>') return j + 1 - i;
    }
  }
  j = i + 1;
  const auto local_char = [](char c) {
    return is_alnum(c) || std::string_view(".!#$%&'*+/=?^_`{|}~-").find(c) != kNpos;
  };
  while (j < s.size() && local_char(s[j])) ++j;
  if (j == i + 1 || j >= s.size() || s[j] != '@') return 0;
  const std::size_t domain_start = ++j;
  while (j < s.size() && (is_alnum(s[j]) || s[j] == '.' || s[j] == '-')) ++j;
  if (j == domain_start || j >= s.size() || s[j] != '>') return 0;
  return j + 1 - i;
}

// Inline Markdown to HTML text: code spans, links, images, autolinks and inline tags resolved,
// emphasis markers removed, everything else escaped.
class InlineRenderer {
 public:
  InlineRenderer(std::string_view s, const LabelSet& labels) : s_(s), labels_(labels) {}

  std::string render() {
    find_code_spans();
    match_brackets();
    scan();
    return remove_matched_delimiters();
  }

 private:
  struct Run {
    std::size_t pos;
    std::size_t length;
  };
  struct Delimiter {
    std::size_t out_pos;
    std::size_t length;
    char ch;
    bool can_open;
    bool can_close;
    bool remove;
  };

  // Pairs backtick runs of equal length left to right, which is how CommonMark delimits code.
  void find_code_spans() {
    const std::size_t n = s_.size();
    for (std::size_t i = 0; i < n;) {
      if (s_[i] == '\\' && i + 1 < n) {
        i += 2;
      } else if (s_[i] == '`') {
        std::size_t j = i;
        while (j < n && s_[j] == '`') ++j;
        runs_.push_back({i, j - i});
        i = j;
      } else {
        ++i;
      }
    }
    std::vector<std::size_t> next_same(runs_.size(), kNpos);
    std::unordered_map<std::size_t, std::size_t> later;
    for (std::size_t k = runs_.size(); k-- > 0;) {
      const auto it = later.find(runs_[k].length);
      if (it != later.end()) next_same[k] = it->second;
      later[runs_[k].length] = k;
    }
    span_close_.assign(runs_.size(), kNpos);
    for (std::size_t k = 0; k < runs_.size();) {
      if (next_same[k] == kNpos) {
        ++k;
        continue;
      }
      span_close_[k] = next_same[k];
      code_ranges_.emplace_back(runs_[k].pos, runs_[next_same[k]].pos + runs_[next_same[k]].length);
      k = next_same[k] + 1;
    }
  }

  // One stack pass instead of searching for each '[' its ']' keeps pathological input linear.
  void match_brackets() {
    const std::size_t n = s_.size();
    close_of_.assign(n, kNpos);
    std::vector<std::size_t> brackets;
    std::vector<std::size_t> parens;
    std::size_t range = 0;
    for (std::size_t i = 0; i < n;) {
      while (range < code_ranges_.size() && code_ranges_[range].second <= i) ++range;
      if (range < code_ranges_.size() && code_ranges_[range].first <= i) {
        i = code_ranges_[range].second;
        continue;
      }
      const char c = s_[i];
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '[') {
        brackets.push_back(i);
      } else if (c == ']' && !brackets.empty()) {
        close_of_[brackets.back()] = i;
        brackets.pop_back();
      } else if (c == '(') {
        parens.push_back(i);
      } else if (c == ')' && !parens.empty()) {
        close_of_[parens.back()] = i;
        parens.pop_back();
      }
      ++i;
    }
  }

  std::size_t close_at(std::size_t i) const { return i < close_of_.size() ? close_of_[i] : kNpos; }

  // For "[...]" at `open` followed by "(...)" or "[...]", where the whole construct ends.
  std::size_t link_suffix_end(std::size_t open) const {
    const std::size_t close = close_at(open);
    if (close == kNpos || close + 1 >= s_.size()) return kNpos;
    const char next = s_[close + 1];
    if ((next == '(' || next == '[') && close_at(close + 1) != kNpos) {
      return close_at(close + 1) + 1;
    }
    return kNpos;
  }

  bool is_defined_label(std::size_t open, std::size_t close) const {
    if (labels_.empty() || close - open - 1 > kMaxLabelBytes) return false;
    return labels_.contains(normalize_label(s_.substr(open + 1, close - open - 1)));
  }

  void scan() {
    const std::size_t n = s_.size();
    std::size_t i = 0;
    while (i < n) {
      const char c = s_[i];
      switch (c) {
        case '\\':
          i = scan_backslash(i);
          break;
        case '`':
          i = scan_backticks(i);
          break;
        case '!':
          i = scan_image(i);
          break;
        case '[':
          i = scan_open_bracket(i);
          break;
        case ']':
          i = scan_close_bracket(i);
          break;
        case '<':
          i = scan_angle(i);
          break;
        case '*':
        case '_':
        case '~':
          i = scan_delimiter_run(i);
          break;
        case '\n':
        case '\r':
          out_ += ' ';
          ++i;
          break;
        case '&':
          out_ += '&';  // references are the HTML scanner's business
          ++i;
          break;
        default:
          out_ += c;
          ++i;
          break;
      }
    }
  }

  std::size_t scan_backslash(std::size_t i) {
    if (i + 1 < s_.size() && is_ascii_punct(s_[i + 1])) {
      append_escaped(out_, s_.substr(i + 1, 1));
      return i + 2;
    }
    if (i + 1 < s_.size() && (s_[i + 1] == '\n' || s_[i + 1] == '\r')) {
      out_ += ' ';  // hard line break: joined like any wrapped line
      return i + 2;
    }
    if (i + 1 == s_.size()) return i + 1;  // trailing hard break marker of the last line
    out_ += '\\';
    return i + 1;
  }

  std::size_t scan_backticks(std::size_t i) {
    while (run_cursor_ < runs_.size() && runs_[run_cursor_].pos < i) ++run_cursor_;
    if (run_cursor_ >= runs_.size() || runs_[run_cursor_].pos != i) {
      out_ += '`';
      return i + 1;
    }
    const Run open = runs_[run_cursor_];
    const std::size_t close_index = span_close_[run_cursor_];
    if (close_index == kNpos) {
      out_.append(open.length, '`');
      ++run_cursor_;
      return open.pos + open.length;
    }
    const Run close = runs_[close_index];
    std::string content(s_.substr(open.pos + open.length, close.pos - open.pos - open.length));
    for (char& ch : content) {
      if (ch == '\n' || ch == '\r') ch = ' ';
    }
    append_escaped(out_, content);
    run_cursor_ = close_index + 1;
    return close.pos + close.length;
  }

  std::size_t scan_image(std::size_t i) {
    if (i + 1 < s_.size() && s_[i + 1] == '[') {
      const std::size_t end = link_suffix_end(i + 1);
      if (end != kNpos) return end;
      const std::size_t close = close_at(i + 1);
      if (close != kNpos && is_defined_label(i + 1, close)) return close + 1;
    }
    out_ += '!';
    return i + 1;
  }

  std::size_t scan_open_bracket(std::size_t i) {
    const std::size_t close = close_at(i);
    if (close != kNpos) {
      if (i + 1 < s_.size() && s_[i + 1] == '^') return close + 1;  // footnote reference marker
      const std::size_t end = link_suffix_end(i);
      if (end != kNpos) {
        link_ends_.emplace_back(close, end);
        return i + 1;
      }
      if (is_defined_label(i, close)) {
        link_ends_.emplace_back(close, close + 1);
        return i + 1;
      }
    }
    out_ += '[';
    return i + 1;
  }

  std::size_t scan_close_bracket(std::size_t i) {
    while (!link_ends_.empty() && link_ends_.back().first < i) link_ends_.pop_back();
    if (!link_ends_.empty() && link_ends_.back().first == i) {
      const std::size_t resume = link_ends_.back().second;
      link_ends_.pop_back();
      return resume;
    }
    out_ += ']';
    return i + 1;
  }

  std::size_t scan_angle(std::size_t i) {
    if (const std::size_t length = autolink_length(s_, i); length > 0) return i + length;
    if (s_.substr(i).starts_with("<!--")) {
      // Remembering the next "-->" keeps many unclosed "<!--" from rescanning the text each time.
      if (comment_end_ != kNpos && comment_end_ < i + 2) comment_end_ = s_.find("-->", i + 2);
      if (comment_end_ != kNpos) return comment_end_ + 3;
    }
    std::string name;
    if (const std::size_t length = inline_tag_length(s_, i, &name); length > 0) {
      if (name == "br") out_ += ' ';
      return i + length;
    }
    out_ += "&lt;";
    return i + 1;
  }

  std::size_t scan_delimiter_run(std::size_t i) {
    const char c = s_[i];
    std::size_t j = i;
    while (j < s_.size() && s_[j] == c) ++j;
    const char before = i > 0 ? s_[i - 1] : ' ';
    const char after = j < s_.size() ? s_[j] : ' ';
    // CommonMark's flanking rules, with non-ASCII bytes counted as letters.
    const bool left = !is_whitespace(after) &&
                      (!is_ascii_punct(after) || is_whitespace(before) || is_ascii_punct(before));
    const bool right = !is_whitespace(before) &&
                       (!is_ascii_punct(before) || is_whitespace(after) || is_ascii_punct(after));
    Delimiter d{out_.size(), j - i, c, left, right, false};
    if (c == '_') {  // no intraword emphasis with '_', so snake_case survives
      d.can_open = left && (!right || is_ascii_punct(before));
      d.can_close = right && (!left || is_ascii_punct(after));
    }
    if (c == '~' && d.length > 2) d.can_open = d.can_close = false;
    delimiters_.push_back(d);
    out_.append(j - i, c);
    return j;
  }

  // Each closer takes the nearest opener of the same character; one stack per character keeps
  // this linear, and unlike CommonMark it also strips markers that cross, which only removes
  // more markup from the text.
  std::string remove_matched_delimiters() {
    std::array<std::vector<std::size_t>, 3> openers;
    for (std::size_t k = 0; k < delimiters_.size(); ++k) {
      Delimiter& d = delimiters_[k];
      auto& stack = openers[d.ch == '*' ? 0 : (d.ch == '_' ? 1 : 2)];
      if (d.can_close && !stack.empty() &&
          (d.ch != '~' || delimiters_[stack.back()].length == d.length)) {
        delimiters_[stack.back()].remove = true;
        d.remove = true;
        stack.pop_back();
        continue;
      }
      if (d.can_open) stack.push_back(k);
    }
    std::string result;
    result.reserve(out_.size());
    std::size_t pos = 0;
    for (const Delimiter& d : delimiters_) {
      if (!d.remove) continue;
      result.append(out_, pos, d.out_pos - pos);
      pos = d.out_pos + d.length;
    }
    result.append(out_, pos, std::string::npos);
    return result;
  }

  std::string_view s_;
  const LabelSet& labels_;
  std::vector<Run> runs_;
  std::vector<std::size_t> span_close_;
  std::vector<std::pair<std::size_t, std::size_t>> code_ranges_;
  std::vector<std::size_t> close_of_;
  std::vector<std::pair<std::size_t, std::size_t>> link_ends_;  // (']' position, resume at)
  std::vector<Delimiter> delimiters_;
  std::size_t run_cursor_ = 0;
  std::size_t comment_end_ = 0;
  std::string out_;
};

std::string render_inline(std::string_view s, const LabelSet& labels) {
  return InlineRenderer(s, labels).render();
}

std::string unquote_yaml(std::string_view value) {
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    std::string out;
    const std::string_view inner = value.substr(1, value.size() - 2);
    for (std::size_t i = 0; i < inner.size(); ++i) {
      if (inner[i] == '\\' && i + 1 < inner.size()) ++i;
      out += inner[i];
    }
    return out;
  }
  if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') {
    std::string out;
    const std::string_view inner = value.substr(1, value.size() - 2);
    for (std::size_t i = 0; i < inner.size(); ++i) {
      out += inner[i];
      if (inner[i] == '\'' && i + 1 < inner.size() && inner[i + 1] == '\'') ++i;
    }
    return out;
  }
  return std::string(value);
}

// A YAML or TOML value as text: unquoted; a flow list "[a, b]" as "a, b".
std::string front_matter_value(std::string_view value) {
  value = trim(value);
  if (value.size() >= 2 && value.front() == '[' && value.back() == ']') {
    std::string joined;
    std::string_view items = value.substr(1, value.size() - 2);
    while (!items.empty()) {
      const std::size_t comma = items.find(',');
      const std::string item = unquote_yaml(trim(items.substr(0, comma)));
      if (!item.empty()) joined += (joined.empty() ? "" : ", ") + item;
      if (comma == kNpos) break;
      items.remove_prefix(comma + 1);
    }
    return joined;
  }
  return unquote_yaml(value);
}

// Recognizes a YAML ("---") or TOML ("+++") front matter block; returns the number of lines it
// spans (0 if there is none), its title and its other fields.
std::size_t parse_front_matter(const std::vector<std::string_view>& lines, std::string* title,
                               std::vector<std::pair<std::string, std::string>>* fields) {
  if (lines.empty()) return 0;
  const std::string_view first = rtrim(lines[0]);
  const bool yaml = first == "---";
  if (!yaml && first != "+++") return 0;
  const char separator = yaml ? ':' : '=';
  std::size_t close = 0;
  for (std::size_t k = 1; k < lines.size() && close == 0; ++k) {
    const std::string_view t = rtrim(lines[k]);
    if (yaml ? (t == "---" || t == "...") : t == "+++") close = k;
  }
  if (close == 0) return 0;
  // A document may also open with a thematic break; only key/value lines make it front matter.
  for (std::size_t k = 1; k < close; ++k) {
    const std::string_view line = lines[k];
    const std::string_view t = trim(line);
    if (t.empty() || t[0] == '#' || is_space_or_tab(line[0]) || t[0] == '-' || t[0] == '[') {
      continue;
    }
    if (t.find(separator) == kNpos) return 0;
  }
  for (std::size_t k = 1; k < close; ++k) {
    const std::string_view line = lines[k];
    if (line.empty() || is_space_or_tab(line[0]) || line[0] == '#' || line[0] == '-') continue;
    const std::size_t at = line.find(separator);
    if (at == kNpos) continue;
    std::string key(trim(line.substr(0, at)));
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string_view raw = trim(line.substr(at + 1));
    std::string value;
    if (yaml && !raw.empty() && (raw[0] == '|' || raw[0] == '>') && raw.size() <= 3) {
      // A block scalar on the following indented lines.
      for (std::size_t m = k + 1; m < close && !lines[m].empty() && is_space_or_tab(lines[m][0]);
           ++m) {
        if (!value.empty()) value += ' ';
        value += trim(lines[m]);
      }
    } else if (yaml && raw.empty()) {
      // A block list: "- item" lines below the key.
      for (std::size_t m = k + 1; m < close; ++m) {
        const std::string_view item = trim(lines[m]);
        if (item.empty() || item[0] != '-') break;
        const std::string text = front_matter_value(item.substr(1));
        if (!text.empty()) value += (value.empty() ? "" : ", ") + text;
      }
    } else {
      value = front_matter_value(raw);
    }
    if (key == "title") {
      if (title->empty()) *title = value;
    } else if (!key.empty() && !value.empty()) {
      fields->emplace_back(std::move(key), std::move(value));
    }
  }
  return close + 1;
}

enum class HtmlBlockEnd { kNone, kRawText, kComment, kProcessing, kDeclaration, kCdata, kBlank };

constexpr std::array<std::string_view, 4> kRawTextTags = {"script", "pre", "style", "textarea"};
constexpr std::array<std::string_view, 62> kHtmlBlockTags = {
    "address",  "article",  "aside",    "base",       "basefont", "blockquote", "body",   "caption",
    "center",   "col",      "colgroup", "dd",         "details",  "dialog",     "dir",    "div",
    "dl",       "dt",       "fieldset", "figcaption", "figure",   "footer",     "form",   "frame",
    "frameset", "h1",       "h2",       "h3",         "h4",       "h5",         "h6",     "head",
    "header",   "hr",       "html",     "iframe",     "legend",   "li",         "link",   "main",
    "menu",     "menuitem", "nav",      "noframes",   "ol",       "optgroup",   "option", "p",
    "param",    "search",   "section",  "summary",    "table",    "tbody",      "td",     "tfoot",
    "th",       "thead",    "title",    "tr",         "track",    "ul"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& set, std::string_view name) {
  for (const std::string_view entry : set) {
    if (entry == name) return true;
  }
  return false;
}

// The kinds of raw HTML block CommonMark recognizes by their first line.
HtmlBlockEnd html_block_start(std::string_view s, bool paragraph_open) {
  if (s.size() < 2 || s[0] != '<') return HtmlBlockEnd::kNone;
  if (s.starts_with("<!--")) return HtmlBlockEnd::kComment;
  if (s.starts_with("<?")) return HtmlBlockEnd::kProcessing;
  if (s.starts_with("<![CDATA[")) return HtmlBlockEnd::kCdata;
  if (s[1] == '!' && s.size() > 2 && is_alpha(s[2])) return HtmlBlockEnd::kDeclaration;
  std::size_t j = 1;
  const bool closing = s[j] == '/';
  if (closing) ++j;
  const std::size_t name_start = j;
  while (j < s.size() && is_alnum(s[j])) ++j;
  const std::string name = to_lower_copy(s.substr(name_start, j - name_start));
  const bool name_ends =
      j == s.size() || is_whitespace(s[j]) || s[j] == '>' || s.substr(j).starts_with("/>");
  if (!closing && name_ends && contains(kRawTextTags, name)) return HtmlBlockEnd::kRawText;
  if (name_ends && contains(kHtmlBlockTags, name)) return HtmlBlockEnd::kBlank;
  std::string tag_name;
  const std::size_t length = inline_tag_length(s, 0, &tag_name);
  if (!paragraph_open && length > 0 && trim(s.substr(length)).empty() &&
      !contains(kRawTextTags, tag_name)) {
    return HtmlBlockEnd::kBlank;
  }
  return HtmlBlockEnd::kNone;
}

bool html_block_ends_on(HtmlBlockEnd kind, std::string_view line) {
  switch (kind) {
    case HtmlBlockEnd::kRawText: {
      const std::string lower = to_lower_copy(line);
      return lower.find("</script>") != kNpos || lower.find("</pre>") != kNpos ||
             lower.find("</style>") != kNpos || lower.find("</textarea>") != kNpos;
    }
    case HtmlBlockEnd::kComment:
      return line.find("-->") != kNpos;
    case HtmlBlockEnd::kProcessing:
      return line.find("?>") != kNpos;
    case HtmlBlockEnd::kDeclaration:
      return line.find('>') != kNpos;
    case HtmlBlockEnd::kCdata:
      return line.find("]]>") != kNpos;
    case HtmlBlockEnd::kNone:
    case HtmlBlockEnd::kBlank:
      break;
  }
  return false;
}

class MarkdownRenderer {
 public:
  explicit MarkdownRenderer(std::string_view md) : lines_(split_lines(md)) {}

  ExtractedText run() {
    std::size_t index = parse_front_matter(lines_, &title_, &front_matter_);
    title_ = std::string(trim(title_));
    collect_labels(index);
    for (; index < lines_.size(); ++index) process_line(index);
    if (in_fence_) html_ += "</pre>\n";
    flush_block();
    end_table();
    ExtractedText result = html_to_text(html_);
    result.title = title_;
    result.front_matter = std::move(front_matter_);
    return result;
  }

 private:
  enum class Block { kNone, kParagraph, kListItem };

  void collect_labels(std::size_t from) {
    for (std::size_t k = from; k < lines_.size(); ++k) {
      std::string_view line = lines_[k];
      strip_quote_markers(&line, 64);
      std::string_view label;
      if (indentation(line) < 4 && parse_reference_definition(ltrim(line), &label)) {
        labels_.insert(normalize_label(label));
      }
    }
  }

  void process_line(std::size_t& index) {
    const std::string_view raw = lines_[index];
    if (in_fence_) {
      handle_fence_line(raw);
      return;
    }
    if (html_block_ != HtmlBlockEnd::kNone) {
      if (html_block_ == HtmlBlockEnd::kBlank && trim(raw).empty()) {
        html_block_ = HtmlBlockEnd::kNone;
        html_ += '\n';
        prev_blank_ = true;
        return;
      }
      html_ += raw;
      html_ += '\n';
      if (html_block_ends_on(html_block_, raw)) html_block_ = HtmlBlockEnd::kNone;
      return;
    }

    std::string_view content = raw;
    const int quote_depth = strip_quote_markers(&content, 64);
    const std::size_t indent = indentation(content);
    const std::string_view text = trim(content);

    if (text.empty()) {
      flush_block();
      end_table();
      prev_blank_ = true;
      return;
    }
    const bool was_blank = prev_blank_;
    prev_blank_ = false;

    if (in_table_) {
      if (text.find('|') != kNpos) {
        emit_table_row(text);
        return;
      }
      end_table();
    }
    if (indent >= 4 && block_ == Block::kNone && !in_list_) {
      html_ += "<pre>";
      append_escaped(html_, text);
      html_ += "</pre>\n";
      return;
    }
    if (indent >= 4 && block_ != Block::kNone) {
      append_to_block(text);  // indented continuation of a paragraph or list item
      return;
    }
    if (open_fence(text)) {
      flush_block();
      fence_quote_depth_ = quote_depth;
      html_ += "<pre>";
      return;
    }
    if (const HtmlBlockEnd kind = html_block_start(text, block_ == Block::kParagraph);
        kind != HtmlBlockEnd::kNone) {
      flush_block();
      html_ += '\n';
      html_ += text;
      html_ += '\n';
      if (!html_block_ends_on(kind, text)) html_block_ = kind;
      return;
    }
    std::string_view heading;
    if (const int level = atx_heading(text, &heading); level > 0) {
      flush_block();
      emit_heading(level, heading);
      in_list_ = false;
      return;
    }
    if (block_ == Block::kParagraph) {
      if (const int level = setext_level(text); level > 0) {
        const std::string paragraph = std::move(block_text_);
        block_text_.clear();
        block_ = Block::kNone;
        emit_heading(level, paragraph);
        return;
      }
    }
    if (is_thematic_break(text)) {
      flush_block();
      return;
    }
    if (text.find('|') != kNpos && index + 1 < lines_.size()) {
      std::string_view next = lines_[index + 1];
      strip_quote_markers(&next, 64);
      if (is_table_separator(next)) {
        flush_block();
        html_ += "<table>\n";
        in_table_ = true;
        emit_table_row(text);
        ++index;  // the separator row carries no text
        return;
      }
    }
    std::string_view label;
    if (parse_reference_definition(text, &label)) {
      flush_block();
      if (!label.empty() && label[0] == '^') {  // a footnote definition holds real text
        block_ = Block::kParagraph;
        append_to_block(trim(text.substr(label.size() + 3)));
      }
      return;
    }
    bool ordered = false;
    int number = 0;
    if (const std::size_t marker = list_marker_length(text, &ordered, &number); marker > 0) {
      // Like CommonMark, only "1." may interrupt a paragraph, so that a wrapped line starting
      // with a year such as "2024. " stays in its paragraph.
      if (!(block_ == Block::kParagraph && ordered && number != 1)) {
        flush_block();
        block_ = Block::kListItem;
        in_list_ = true;
        append_to_block(strip_task_box(ltrim(text.substr(marker))));
        return;
      }
    }
    if (block_ == Block::kNone) {
      if (was_blank && indent < 2) in_list_ = false;
      block_ = Block::kParagraph;
    }
    append_to_block(text);
  }

  static std::string_view strip_task_box(std::string_view s) {
    if (s.size() >= 3 && s[0] == '[' && s[2] == ']' &&
        (s[1] == ' ' || s[1] == 'x' || s[1] == 'X') && (s.size() == 3 || is_space_or_tab(s[3]))) {
      return ltrim(s.substr(3));
    }
    return s;
  }

  void append_to_block(std::string_view text) {
    if (!block_text_.empty()) block_text_ += '\n';
    block_text_ += text;
  }

  bool open_fence(std::string_view text) {
    if (text.size() < 3 || (text[0] != '`' && text[0] != '~')) return false;
    std::size_t length = 0;
    while (length < text.size() && text[length] == text[0]) ++length;
    if (length < 3) return false;
    if (text[0] == '`' && text.substr(length).find('`') != kNpos) return false;  // inline code
    in_fence_ = true;
    fence_char_ = text[0];
    fence_length_ = length;
    return true;
  }

  void handle_fence_line(std::string_view raw) {
    std::string_view content = raw;
    strip_quote_markers(&content, fence_quote_depth_);
    const std::string_view text = trim(content);
    if (indentation(content) < 4 && !text.empty() && text[0] == fence_char_) {
      std::size_t length = 0;
      while (length < text.size() && text[length] == fence_char_) ++length;
      if (length >= fence_length_ && trim(text.substr(length)).empty()) {
        in_fence_ = false;
        html_ += "</pre>\n";
        return;
      }
    }
    append_escaped(html_, rtrim(content));
    html_ += '\n';
  }

  void flush_block() {
    if (block_ == Block::kNone) return;
    const std::string_view tag = block_ == Block::kListItem ? "li" : "p";
    html_ += '<';
    html_ += tag;
    html_ += '>';
    html_ += render_inline(block_text_, labels_);
    html_ += "</";
    html_ += tag;
    html_ += ">\n";
    block_ = Block::kNone;
    block_text_.clear();
  }

  void emit_heading(int level, std::string_view text) {
    const std::string inner = render_inline(text, labels_);
    if (level == 1 && title_.empty()) {
      title_ = html_to_text(inner).text;
      for (char& c : title_) {
        if (c == '\n') c = ' ';
      }
    }
    const std::string tag = "h" + std::to_string(level);
    html_ += "<" + tag + ">" + inner + "</" + tag + ">\n";
  }

  void emit_table_row(std::string_view row) {
    html_ += "<tr>";
    for (const std::string_view cell : split_table_row(row)) {
      html_ += "<td>";
      html_ += render_inline(cell, labels_);
      html_ += "</td>";
    }
    html_ += "</tr>\n";
  }

  void end_table() {
    if (!in_table_) return;
    html_ += "</table>\n";
    in_table_ = false;
  }

  std::vector<std::string_view> lines_;
  LabelSet labels_;
  std::string html_;
  std::string title_;
  std::vector<std::pair<std::string, std::string>> front_matter_;
  Block block_ = Block::kNone;
  std::string block_text_;
  bool in_list_ = false;
  bool prev_blank_ = true;
  bool in_table_ = false;
  bool in_fence_ = false;
  char fence_char_ = '`';
  std::size_t fence_length_ = 3;
  int fence_quote_depth_ = 0;
  HtmlBlockEnd html_block_ = HtmlBlockEnd::kNone;
};

}  // namespace

ExtractedText markdown_to_text(std::string_view md) { return MarkdownRenderer(md).run(); }

}  // namespace furet::detail
