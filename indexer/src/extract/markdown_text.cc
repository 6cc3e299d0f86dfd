// Markdown to plain text: furet reads the front matter, md4c parses the rest and its callbacks
// write the text.
#include "extract/markdown_text.h"

#include <md4c.h>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ascii_text.h"
#include "extract/html_text.h"
#include "extract/line_writer.h"

namespace furet::detail {
namespace {

constexpr std::size_t kNpos = std::string_view::npos;

// CommonMark plus GitHub's tables, strikethrough and task lists; bare URLs stay text (no
// permissive autolinks), as they read in the file.
constexpr unsigned kDialect = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS;

// A footnote label longer than this is text in brackets, not a footnote.
constexpr std::size_t kMaxFootnoteLabelBytes = 64;

using ascii::is_blank;
using ascii::split_lines;
using ascii::trim;
using ascii::trim_end;

// ---------------------------------------------------------------------------------------------
// Front matter: YAML between "---" lines or TOML between "+++" lines, as static site generators
// write it. md4c knows neither; it would read the block as a thematic break and a heading.

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

// Reads the front matter `md` opens with, if any, into `title` and `fields`; returns the number
// of bytes it spans (0 if there is none).
std::size_t parse_front_matter(std::string_view md, std::string* title,
                               std::vector<std::pair<std::string, std::string>>* fields) {
  if (!md.starts_with("---") && !md.starts_with("+++")) return 0;
  const std::vector<std::string_view> lines = split_lines(md);
  const std::string_view first = trim_end(lines[0]);
  const bool yaml = first == "---";
  if (!yaml && first != "+++") return 0;
  const char separator = yaml ? ':' : '=';
  std::size_t close = 0;
  for (std::size_t k = 1; k < lines.size() && close == 0; ++k) {
    const std::string_view t = trim_end(lines[k]);
    if (yaml ? (t == "---" || t == "...") : t == "+++") close = k;
  }
  if (close == 0) return 0;
  // A document may also open with a thematic break; only key/value lines make it front matter.
  for (std::size_t k = 1; k < close; ++k) {
    const std::string_view line = lines[k];
    const std::string_view t = trim(line);
    if (t.empty() || t[0] == '#' || is_blank(line[0]) || t[0] == '-' || t[0] == '[') {
      continue;
    }
    if (t.find(separator) == kNpos) return 0;
  }
  for (std::size_t k = 1; k < close; ++k) {
    const std::string_view line = lines[k];
    if (line.empty() || is_blank(line[0]) || line[0] == '#' || line[0] == '-') continue;
    const std::size_t at = line.find(separator);
    if (at == kNpos) continue;
    std::string key(trim(line.substr(0, at)));
    for (char& c : key) c = ascii::to_lower(c);
    const std::string_view raw = trim(line.substr(at + 1));
    std::string value;
    if (yaml && !raw.empty() && (raw[0] == '|' || raw[0] == '>') && raw.size() <= 3) {
      // A block scalar on the following indented lines.
      for (std::size_t m = k + 1; m < close && !lines[m].empty() && is_blank(lines[m][0]); ++m) {
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
  // The lines are views into `md`: the body starts after the closing line's '\n'.
  const std::size_t end =
      static_cast<std::size_t>(lines[close].data() - md.data()) + lines[close].size();
  return std::min(end + 1, md.size());
}

// ---------------------------------------------------------------------------------------------
// Body: md4c's callbacks write each block as a line.

// Length of the footnote reference "[^label]" at s[i], or 0. md4c has no footnotes (a GitHub
// extension); their markers would read as noise in the text, so they go.
std::size_t footnote_mark_length(std::string_view s, std::size_t i) {
  if (!s.substr(i).starts_with("[^")) return 0;
  for (std::size_t j = i + 2; j < s.size() && j - i <= kMaxFootnoteLabelBytes + 2; ++j) {
    if (s[j] == ']') return j > i + 2 ? j + 1 - i : 0;
    if (s[j] == '[' || ascii::is_space(s[j])) return 0;
  }
  return 0;
}

class TextRenderer {
 public:
  TextRenderer(std::string_view body, std::string title) : body_(body), title_(std::move(title)) {}

  ExtractedText run() {
    MD_PARSER parser{};
    parser.flags = kDialect;
    parser.enter_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
      return static_cast<TextRenderer*>(self)->enter_block(type, detail);
    };
    parser.leave_block = [](MD_BLOCKTYPE type, void* /*detail*/, void* self) {
      return static_cast<TextRenderer*>(self)->leave_block(type);
    };
    parser.enter_span = [](MD_SPANTYPE type, void* /*detail*/, void* self) {
      return static_cast<TextRenderer*>(self)->enter_span(type);
    };
    parser.leave_span = [](MD_SPANTYPE type, void* /*detail*/, void* self) {
      return static_cast<TextRenderer*>(self)->leave_span(type);
    };
    parser.text = [](MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
      return static_cast<TextRenderer*>(self)->text(type, std::string_view(text, size));
    };
    // Articles are read up to 32 MiB, far below MD_SIZE's 4 GiB.
    const std::string_view input = body_.substr(0, std::numeric_limits<MD_SIZE>::max());
    // md4c fails only when it runs out of memory.
    if (md_parse(input.data(), static_cast<MD_SIZE>(input.size()), &parser, this) == -1) {
      throw std::bad_alloc();
    }
    ExtractedText result;
    result.title = std::move(title_);
    result.text = writer_.finish();
    return result;
  }

 private:
  int enter_block(MD_BLOCKTYPE type, const void* detail) {
    line_start_ = true;
    switch (type) {
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        writer_.cell_separator();
        break;
      case MD_BLOCK_HTML:
        html_.emplace();
        break;
      case MD_BLOCK_H:
        writer_.end_line();
        // The title is the front matter's, else the first level-1 heading's text.
        in_title_ = title_.empty() && static_cast<const MD_BLOCK_H_DETAIL*>(detail)->level == 1;
        if (in_title_) title_writer_ = LineWriter();
        break;
      case MD_BLOCK_CODE:
        writer_.end_line();
        in_code_block_ = true;
        break;
      default:  // documents, paragraphs, lists and their items, quotes, rules, tables, rows
        writer_.end_line();
        break;
    }
    return 0;
  }

  int leave_block(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        break;
      case MD_BLOCK_HTML:
        write_html_block();
        break;
      case MD_BLOCK_H:
        if (in_title_) title_ = title_writer_.finish();
        in_title_ = false;
        writer_.end_line();
        break;
      case MD_BLOCK_CODE:
        in_code_block_ = false;
        writer_.end_line();
        break;
      default:
        writer_.end_line();
        break;
    }
    return 0;
  }

  int enter_span(MD_SPANTYPE type) {
    if (type == MD_SPAN_IMG) ++image_depth_;  // images are left out, alt text with them
    if (type == MD_SPAN_A) link_text_ahead_ = true;
    return 0;
  }

  int leave_span(MD_SPANTYPE type) {
    if (type == MD_SPAN_IMG) --image_depth_;
    if (type == MD_SPAN_A) link_text_ahead_ = in_autolink_ = false;
    return 0;
  }

  int text(MD_TEXTTYPE type, std::string_view s) {
    if (link_text_ahead_) {
      link_text_ahead_ = false;
      in_autolink_ = is_autolink_text(s);
    }
    if (image_depth_ > 0 || in_autolink_) return 0;
    switch (type) {
      case MD_TEXT_NORMAL:
        add_prose(s);
        break;
      case MD_TEXT_NULLCHAR:
        add("\uFFFD");  // as CommonMark asks
        break;
      case MD_TEXT_BR:  // a hard break joins its lines like a soft one: the block is the line
      case MD_TEXT_SOFTBR:
        add_space();
        line_start_ = true;
        break;
      case MD_TEXT_ENTITY:
        add(decode_character_references(s));
        break;
      case MD_TEXT_CODE:
        if (in_code_block_) {
          add_code_lines(s);
        } else {
          add(s);
        }
        break;
      case MD_TEXT_HTML:
        if (html_block_open()) {
          *html_ += s;
        } else if (is_line_break_tag(s)) {
          add_space();  // inline tags go, but <br> still parts the words on either side
        }
        break;
      case MD_TEXT_LATEXMATH:  // not enabled in kDialect
        break;
    }
    return 0;
  }

  // md4c 0.4 does not tell an autolink (<https://…>, <name@host>) from a link; its text is its
  // address, which would only add URL fragments to the words. Unlike a link's text, it starts
  // right after a '<' in the source.
  bool is_autolink_text(std::string_view s) const {
    const char* begin = body_.data();
    return s.data() > begin && s.data() < begin + body_.size() && s.data()[-1] == '<';
  }

  static bool is_line_break_tag(std::string_view tag) {
    if (tag.size() < 4 || tag[0] != '<') return false;
    const std::size_t name = tag[1] == '/' ? 2 : 1;
    return tag.size() > name + 2 && ascii::to_lower(tag[name]) == 'b' &&
           ascii::to_lower(tag[name + 1]) == 'r' && !ascii::is_alnum(tag[name + 2]) &&
           tag[name + 2] != '-';
  }

  bool html_block_open() const { return html_.has_value(); }

  // A raw HTML block is read as the HTML scanner reads a page (entities, scripts, chrome), on
  // its own: an element left open in it does not reach into the Markdown that follows.
  void write_html_block() {
    const ExtractedText block = html_to_text(*html_);
    html_.reset();
    writer_.end_line();
    for (const std::string_view line : split_lines(block.text)) {
      if (line.empty()) {
        writer_.hard_break();
      } else {
        writer_.add_text(line);
        writer_.end_line();
      }
    }
  }

  // Text of a code block, each of its lines a line of the text (blank ones kept, once).
  void add_code_lines(std::string_view s) {
    while (!s.empty()) {
      const std::size_t newline = s.find('\n');
      add(s.substr(0, newline));
      if (newline == kNpos) break;
      writer_.hard_break();
      s.remove_prefix(newline + 1);
    }
  }

  // Plain text, less footnote markers; a footnote's definition ("[^1]: text", at the start of a
  // line) keeps its text, on a line of its own.
  void add_prose(std::string_view s) {
    std::size_t done = 0;
    for (std::size_t i = s.find("[^"); i != kNpos; i = s.find("[^", i)) {
      const std::size_t mark = footnote_mark_length(s, i);
      if (mark == 0) {
        i += 2;
        continue;
      }
      add(s.substr(done, i - done));
      const bool definition = line_start_ && s.substr(i + mark).starts_with(':');
      if (definition) writer_.end_line();
      done = i += mark + (definition ? 1 : 0);
    }
    add(s.substr(done));
  }

  void add(std::string_view s) {
    if (s.empty()) return;
    writer_.add_text(s);
    if (in_title_) title_writer_.add_text(s);
    if (!trim(s).empty()) line_start_ = false;
  }

  void add_space() {
    writer_.add_space();
    if (in_title_) title_writer_.add_space();
  }

  std::string_view body_;
  std::string title_;
  LineWriter writer_;
  LineWriter title_writer_;
  std::optional<std::string> html_;  // the raw HTML block being read, if any
  int image_depth_ = 0;
  bool in_title_ = false;
  bool in_code_block_ = false;
  bool link_text_ahead_ = false;  // a link has begun; its first text is still to come
  bool in_autolink_ = false;
  bool line_start_ = true;  // nothing but blanks yet on this line of the source
};

}  // namespace

ExtractedText markdown_to_text(std::string_view md) {
  std::string title;
  std::vector<std::pair<std::string, std::string>> front_matter;
  const std::size_t body = parse_front_matter(md, &title, &front_matter);
  ExtractedText result = TextRenderer(md.substr(body), std::string(trim(title))).run();
  result.front_matter = std::move(front_matter);
  return result;
}

}  // namespace furet::detail
