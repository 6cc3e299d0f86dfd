// Forgiving single-pass HTML scanner that keeps only the text a reader would see on the page.
#include "extract/html_text.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ascii_text.h"
#include "extract/line_writer.h"
#include "extract/utf8.h"

namespace furet::detail {
namespace {

constexpr std::size_t kNpos = std::string_view::npos;
// Longer names cannot be any element the scanner acts on, so there is no need to store them.
constexpr std::size_t kMaxTagNameLength = 32;
constexpr std::size_t kMaxEntityNameLength = 32;
// A heading that runs on this long is an unclosed tag swallowing the page, not a usable title.
constexpr std::size_t kMaxHeadingTitleBytes = 2048;

// Elements whose content is raw text that browsers never render as page text.
constexpr std::array<std::string_view, 8> kDroppedRawText = {
    "script", "style", "noscript", "iframe", "noembed", "noframes", "xmp", "textarea"};
// Elements holding markup that is either not rendered (template, fallback content) or site chrome.
// The chrome ones come last so that a second pass can keep them.
constexpr std::array<std::string_view, 10> kDroppedContainers = {
    "template", "svg", "canvas", "audio", "video", "object", "nav", "footer", "aside", "form"};
constexpr std::size_t kFirstChromeContainer = 6;
// Elements allowed inside <head>; any other start tag implicitly opens the body, as in browsers.
constexpr std::array<std::string_view, 11> kHeadElements = {
    "head",  "title",    "meta",     "link",     "base",   "script",
    "style", "noscript", "template", "basefont", "bgsound"};
constexpr std::array<std::string_view, 52> kBlockElements = {
    "address", "article", "aside",   "blockquote", "body",     "caption",  "center",   "dd",
    "details", "dialog",  "dir",     "div",        "dl",       "dt",       "fieldset", "figcaption",
    "figure",  "footer",  "form",    "frame",      "frameset", "h1",       "h2",       "h3",
    "h4",      "h5",      "h6",      "header",     "hgroup",   "hr",       "html",     "legend",
    "li",      "main",    "menu",    "nav",        "ol",       "optgroup", "option",   "p",
    "pre",     "search",  "section", "select",     "summary",  "table",    "tbody",    "tfoot",
    "thead",   "tr",      "ul",      "plaintext"};

template <std::size_t N>
std::size_t index_in(const std::array<std::string_view, N>& set, std::string_view name) {
  return static_cast<std::size_t>(std::find(set.begin(), set.end(), name) - set.begin());
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& set, std::string_view name) {
  return index_in(set, name) < N;
}

using ascii::is_alnum;
using ascii::is_alpha;
using ascii::is_digit;
using ascii::is_space;
using ascii::to_lower;

int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool equals_ignore_case(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_lower(a[i]) != lower[i]) return false;
  }
  return true;
}

int heading_level(std::string_view name) {
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return name[1] - '0';
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Character references.

// HTML maps numeric references to 0x80-0x9F through windows-1252, because old pages written on
// Windows used them for ’ œ € and similar; the five undefined slots stay C1 controls (dropped).
constexpr std::array<char32_t, 32> kWindows1252C1 = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

// Names of U+00A0..U+00FF in code point order.
constexpr std::array<std::string_view, 96> kLatin1EntityNames = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",
    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn",
    "sup2",   "sup3",   "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",
    "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde",
    "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave",
    "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde",
    "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
    "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",   "eth",
    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
    "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

struct NamedEntity {
  std::string_view name;
  char32_t code_point;
};

// Packed several to a line: one entry per line would only make the table long.
// clang-format off
constexpr NamedEntity kOtherEntities[] = {
    // Markup-significant and ASCII punctuation.
    {"quot", 0x22}, {"QUOT", 0x22}, {"amp", 0x26}, {"AMP", 0x26}, {"apos", 0x27},
    {"lt", 0x3C}, {"LT", 0x3C}, {"gt", 0x3E}, {"GT", 0x3E}, {"excl", 0x21}, {"num", 0x23},
    {"dollar", 0x24}, {"percnt", 0x25}, {"lpar", 0x28}, {"rpar", 0x29}, {"ast", 0x2A},
    {"plus", 0x2B}, {"comma", 0x2C}, {"period", 0x2E}, {"sol", 0x2F}, {"colon", 0x3A},
    {"semi", 0x3B}, {"equals", 0x3D}, {"quest", 0x3F}, {"commat", 0x40}, {"lsqb", 0x5B},
    {"bsol", 0x5C}, {"rsqb", 0x5D}, {"lowbar", 0x5F}, {"grave", 0x60}, {"lcub", 0x7B},
    {"verbar", 0x7C}, {"rcub", 0x7D}, {"COPY", 0xA9}, {"REG", 0xAE},
    // Latin Extended and spacing modifiers.
    {"OElig", 0x152}, {"oelig", 0x153}, {"Scaron", 0x160}, {"scaron", 0x161},
    {"Yuml", 0x178}, {"fnof", 0x192}, {"circ", 0x2C6}, {"tilde", 0x2DC},
    // Punctuation.
    {"ensp", 0x2002}, {"emsp", 0x2003}, {"numsp", 0x2007}, {"puncsp", 0x2008},
    {"thinsp", 0x2009}, {"hairsp", 0x200A}, {"zwnj", 0x200C}, {"zwj", 0x200D}, {"lrm", 0x200E},
    {"rlm", 0x200F}, {"hyphen", 0x2010}, {"ndash", 0x2013}, {"mdash", 0x2014},
    {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"sbquo", 0x201A}, {"ldquo", 0x201C},
    {"rdquo", 0x201D}, {"bdquo", 0x201E}, {"dagger", 0x2020}, {"Dagger", 0x2021},
    {"bull", 0x2022}, {"hellip", 0x2026}, {"permil", 0x2030}, {"prime", 0x2032},
    {"Prime", 0x2033}, {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"oline", 0x203E},
    {"frasl", 0x2044}, {"euro", 0x20AC}, {"image", 0x2111}, {"weierp", 0x2118},
    {"real", 0x211C}, {"trade", 0x2122}, {"TRADE", 0x2122}, {"alefsym", 0x2135},
    // Arrows and mathematical operators.
    {"larr", 0x2190}, {"uarr", 0x2191}, {"rarr", 0x2192}, {"darr", 0x2193}, {"harr", 0x2194},
    {"crarr", 0x21B5}, {"lArr", 0x21D0}, {"uArr", 0x21D1}, {"rArr", 0x21D2}, {"dArr", 0x21D3},
    {"hArr", 0x21D4}, {"forall", 0x2200}, {"part", 0x2202}, {"exist", 0x2203},
    {"empty", 0x2205}, {"nabla", 0x2207}, {"isin", 0x2208}, {"notin", 0x2209}, {"ni", 0x220B},
    {"prod", 0x220F}, {"sum", 0x2211}, {"minus", 0x2212}, {"lowast", 0x2217},
    {"radic", 0x221A}, {"prop", 0x221D}, {"infin", 0x221E}, {"ang", 0x2220}, {"and", 0x2227},
    {"or", 0x2228}, {"cap", 0x2229}, {"cup", 0x222A}, {"int", 0x222B}, {"there4", 0x2234},
    {"sim", 0x223C}, {"cong", 0x2245}, {"asymp", 0x2248}, {"ne", 0x2260}, {"equiv", 0x2261},
    {"le", 0x2264}, {"ge", 0x2265}, {"sub", 0x2282}, {"sup", 0x2283}, {"nsub", 0x2284},
    {"sube", 0x2286}, {"supe", 0x2287}, {"oplus", 0x2295}, {"otimes", 0x2297},
    {"perp", 0x22A5}, {"sdot", 0x22C5}, {"lceil", 0x2308}, {"rceil", 0x2309},
    {"lfloor", 0x230A}, {"rfloor", 0x230B}, {"lang", 0x27E8}, {"rang", 0x27E9},
    {"loz", 0x25CA}, {"spades", 0x2660}, {"clubs", 0x2663}, {"hearts", 0x2665},
    {"diams", 0x2666}, {"starf", 0x2605}, {"star", 0x2606}, {"check", 0x2713},
    // Greek.
    {"Alpha", 0x391}, {"Beta", 0x392}, {"Gamma", 0x393}, {"Delta", 0x394}, {"Epsilon", 0x395},
    {"Zeta", 0x396}, {"Eta", 0x397}, {"Theta", 0x398}, {"Iota", 0x399}, {"Kappa", 0x39A},
    {"Lambda", 0x39B}, {"Mu", 0x39C}, {"Nu", 0x39D}, {"Xi", 0x39E}, {"Omicron", 0x39F},
    {"Pi", 0x3A0}, {"Rho", 0x3A1}, {"Sigma", 0x3A3}, {"Tau", 0x3A4}, {"Upsilon", 0x3A5},
    {"Phi", 0x3A6}, {"Chi", 0x3A7}, {"Psi", 0x3A8}, {"Omega", 0x3A9}, {"alpha", 0x3B1},
    {"beta", 0x3B2}, {"gamma", 0x3B3}, {"delta", 0x3B4}, {"epsilon", 0x3B5}, {"zeta", 0x3B6},
    {"eta", 0x3B7}, {"theta", 0x3B8}, {"iota", 0x3B9}, {"kappa", 0x3BA}, {"lambda", 0x3BB},
    {"mu", 0x3BC}, {"nu", 0x3BD}, {"xi", 0x3BE}, {"omicron", 0x3BF}, {"pi", 0x3C0},
    {"rho", 0x3C1}, {"sigmaf", 0x3C2}, {"sigma", 0x3C3}, {"tau", 0x3C4}, {"upsilon", 0x3C5},
    {"phi", 0x3C6}, {"chi", 0x3C7}, {"psi", 0x3C8}, {"omega", 0x3C9}, {"thetasym", 0x3D1},
    {"upsih", 0x3D2}, {"piv", 0x3D6},
};
// clang-format on

const std::vector<NamedEntity>& entity_table() {
  static const std::vector<NamedEntity> table = [] {
    std::vector<NamedEntity> entries;
    entries.reserve(kLatin1EntityNames.size() + std::size(kOtherEntities));
    for (std::size_t i = 0; i < kLatin1EntityNames.size(); ++i) {
      entries.push_back({kLatin1EntityNames[i], static_cast<char32_t>(0xA0 + i)});
    }
    entries.insert(entries.end(), std::begin(kOtherEntities), std::end(kOtherEntities));
    std::sort(entries.begin(), entries.end(),
              [](const NamedEntity& a, const NamedEntity& b) { return a.name < b.name; });
    return entries;
  }();
  return table;
}

// Controls a reference may not put in the text: an ESC or a C1 CSI in a title or a passage would
// act on the terminal that prints it. Tab, LF, FF and CR are whitespace and stay.
bool is_dropped_control(char32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\f' && cp != '\r') ||
         (cp >= 0x7F && cp <= 0x9F);
}

bool lookup_entity(std::string_view name, char32_t* code_point) {
  const auto& table = entity_table();
  const auto it = std::lower_bound(
      table.begin(), table.end(), name,
      [](const NamedEntity& entry, std::string_view key) { return entry.name < key; });
  if (it == table.end() || it->name != name) return false;
  *code_point = it->code_point;
  return true;
}

// Decodes the reference starting at s[pos] == '&' onto `out`; returns the bytes consumed, or 0
// when this is not a reference we know (the caller then keeps the '&' literally).
std::size_t decode_reference(std::string_view s, std::size_t pos, std::string& out) {
  std::size_t i = pos + 1;
  if (i < s.size() && s[i] == '#') {
    ++i;
    const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    const std::size_t digits_start = i;
    char32_t value = 0;
    while (i < s.size()) {
      const int digit = hex ? hex_value(s[i]) : (is_digit(s[i]) ? s[i] - '0' : -1);
      if (digit < 0) break;
      // Saturating keeps absurdly long numbers from overflowing; they decode to U+FFFD anyway.
      value = std::min<char32_t>(value * (hex ? 16 : 10) + static_cast<char32_t>(digit), 0x110000);
      ++i;
    }
    if (i == digits_start) return 0;
    if (i < s.size() && s[i] == ';') ++i;  // browsers accept numeric references without ';'
    if (value >= 0x80 && value <= 0x9F) value = kWindows1252C1[value - 0x80];
    if (value == 0) value = kReplacementCharacter;
    if (!is_dropped_control(value)) append_utf8(out, value);
    return i - pos;
  }
  const std::size_t name_start = i;
  while (i < s.size() && i - name_start <= kMaxEntityNameLength && is_alnum(s[i])) ++i;
  if (i == name_start || i >= s.size() || s[i] != ';') return 0;
  char32_t code_point = 0;
  if (!lookup_entity(s.substr(name_start, i - name_start), &code_point)) return 0;
  append_utf8(out, code_point);
  return i + 1 - pos;
}

}  // namespace

std::string decode_character_references(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t amp = s.find('&', i);
    if (amp == kNpos) {
      out.append(s.substr(i));
      break;
    }
    out.append(s.substr(i, amp - i));
    const std::size_t used = decode_reference(s, amp, out);
    if (used == 0) {
      out += '&';
      i = amp + 1;
    } else {
      i = amp + used;
    }
  }
  return out;
}

namespace {

std::string collapse_whitespace(std::string_view s) {
  LineWriter writer;
  writer.add_text(s);
  return writer.finish();
}

// ---------------------------------------------------------------------------------------------
// Scanner.

struct Tag {
  std::string name;  // lower case, truncated to kMaxTagNameLength
  bool end = false;
  bool self_closing = false;
};

// Parses the tag starting at s[pos] == '<'. Returns the index just past its '>', or kNpos when the
// input ends inside the tag. Quoted attribute values may contain '>'.
std::size_t parse_tag(std::string_view s, std::size_t pos, Tag* tag) {
  const std::size_t n = s.size();
  std::size_t i = pos + 1;
  if (i < n && s[i] == '/') {
    tag->end = true;
    ++i;
  }
  while (i < n && !is_space(s[i]) && s[i] != '/' && s[i] != '>') {
    if (tag->name.size() < kMaxTagNameLength) tag->name += to_lower(s[i]);
    ++i;
  }
  while (i < n) {
    const char c = s[i];
    if (is_space(c)) {
      ++i;
      continue;
    }
    if (c == '>') return i + 1;
    if (c == '/') {
      ++i;
      if (i < n && s[i] == '>') {
        tag->self_closing = true;
        return i + 1;
      }
      continue;
    }
    ++i;  // first character of an attribute name, which may even be '='
    while (i < n && !is_space(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=') ++i;
    while (i < n && is_space(s[i])) ++i;
    if (i < n && s[i] == '=') {
      ++i;
      while (i < n && is_space(s[i])) ++i;
      if (i < n && (s[i] == '"' || s[i] == '\'')) {
        const std::size_t close = s.find(s[i], i + 1);
        if (close == kNpos) return kNpos;
        i = close + 1;
      } else {
        while (i < n && !is_space(s[i]) && s[i] != '>') ++i;
      }
    }
  }
  return kNpos;
}

class HtmlScanner {
 public:
  HtmlScanner(std::string_view html, bool drop_chrome) : html_(html), drop_chrome_(drop_chrome) {}

  ExtractedText run() {
    std::size_t pos = 0;
    while (pos < html_.size()) {
      if (html_[pos] == '<') {
        pos = handle_markup(pos);
        continue;
      }
      std::size_t end = html_.find('<', pos);
      if (end == kNpos) end = html_.size();
      handle_text(html_.substr(pos, end - pos));
      pos = end;
    }
    finish_heading_capture();
    ExtractedText result;
    result.title = !title_.empty() ? title_ : (!h1_.empty() ? h1_ : h2_);
    result.text = writer_.finish();
    return result;
  }

  bool dropped_chrome() const { return dropped_chrome_; }

 private:
  bool suppressed() const { return in_head_ || dropped_depth_ > 0; }

  // s[pos] == '<'; returns where scanning resumes.
  std::size_t handle_markup(std::size_t pos) {
    const std::string_view rest = html_.substr(pos);
    const std::size_t n = html_.size();
    if (rest.starts_with("<!--")) return skip_past(html_.find("-->", pos + 2), 3);
    if (rest.starts_with("<![CDATA[")) return skip_past(html_.find("]]>", pos + 9), 3);
    if (rest.starts_with("<!") || rest.starts_with("<?")) return skip_past(html_.find('>', pos), 1);
    if (rest.starts_with("</")) {
      if (rest.size() == 2) {
        handle_text(rest);
        return n;
      }
      if (rest[2] == '>') return pos + 3;  // "</>" is ignored by browsers
      if (!is_alpha(rest[2])) return skip_past(html_.find('>', pos), 1);
    } else if (rest.size() < 2 || !is_alpha(rest[1])) {
      handle_text(rest.substr(0, 1));  // a lone '<' as in "a < b" is plain text
      return pos + 1;
    }

    Tag tag;
    const std::size_t next = parse_tag(html_, pos, &tag);
    if (next == kNpos) return n;  // truncated inside a tag: nothing more to show
    if (tag.end) {
      close_element(tag.name);
      return next;
    }
    if (!tag.self_closing && contains(kDroppedRawText, tag.name)) {
      open_element(tag.name, /*self_closing=*/true);  // for head tracking and line breaks only
      return skip_raw_text(next, tag.name);
    }
    if (!tag.self_closing && tag.name == "title") return read_title(next);
    open_element(tag.name, tag.self_closing);
    if (tag.name == "pre" && !tag.self_closing) {
      // Browsers ignore a newline right after <pre>, which authors add for readability.
      if (html_.substr(next).starts_with("\r\n")) return next + 2;
      if (next < n && (html_[next] == '\n' || html_[next] == '\r')) return next + 1;
    }
    return next;
  }

  std::size_t skip_past(std::size_t found, std::size_t length) const {
    return found == kNpos ? html_.size() : found + length;
  }

  // Position of the '<' of the first "</name" (any case) at or after `from`, or kNpos.
  std::size_t find_end_tag(std::size_t from, std::string_view name) const {
    std::size_t i = from;
    while (true) {
      i = html_.find("</", i);
      if (i == kNpos) return kNpos;
      const std::size_t name_end = i + 2 + name.size();
      if (name_end <= html_.size() && equals_ignore_case(html_.substr(i + 2, name.size()), name) &&
          (name_end == html_.size() || is_space(html_[name_end]) || html_[name_end] == '/' ||
           html_[name_end] == '>')) {
        return i;
      }
      i += 2;
    }
  }

  std::size_t skip_raw_text(std::size_t from, std::string_view name) const {
    const std::size_t end = find_end_tag(from, name);
    if (end == kNpos) return html_.size();
    return skip_past(html_.find('>', end), 1);
  }

  std::size_t read_title(std::size_t from) {
    const std::size_t end = find_end_tag(from, "title");
    const std::size_t content_end = end == kNpos ? html_.size() : end;
    // A <title> inside <svg> or another dropped container names that object, not the page.
    if (title_.empty() && dropped_depth_ == 0) {
      title_ =
          collapse_whitespace(decode_character_references(html_.substr(from, content_end - from)));
    }
    if (end == kNpos) return html_.size();
    return skip_past(html_.find('>', end), 1);
  }

  void open_element(const std::string& name, bool self_closing) {
    if (in_head_ && !contains(kHeadElements, name)) in_head_ = false;
    if (name == "head") {
      if (!seen_body_) in_head_ = true;
      return;
    }
    if (name == "body") {
      in_head_ = false;
      seen_body_ = true;
    } else if (name != "html" && !contains(kHeadElements, name)) {
      seen_body_ = true;
    }

    const std::size_t dropped = index_in(kDroppedContainers, name);
    if (dropped < kDroppedContainers.size() && (drop_chrome_ || dropped < kFirstChromeContainer)) {
      writer_.end_line();
      if (!self_closing) {
        ++dropped_counts_[dropped];
        ++dropped_depth_;
        if (dropped >= kFirstChromeContainer) dropped_chrome_ = true;
      }
      return;
    }
    if (name == "br") {
      if (!suppressed()) {
        writer_.hard_break();
        if (capture_level_ > 0) capture_ += ' ';
      }
      return;
    }
    if (name == "td" || name == "th") {
      writer_.cell_separator();
      return;
    }
    if (const int level = heading_level(name); level > 0) {
      writer_.end_line();
      finish_heading_capture();
      if (!suppressed() && !self_closing &&
          ((level == 1 && h1_.empty()) || (level == 2 && h2_.empty()))) {
        capture_level_ = level;
      }
      return;
    }
    if (name == "pre") {
      writer_.end_line();
      if (!self_closing) ++pre_depth_;
      return;
    }
    if (contains(kBlockElements, name)) writer_.end_line();
  }

  void close_element(const std::string& name) {
    if (name == "head") {
      in_head_ = false;
      return;
    }
    const std::size_t dropped = index_in(kDroppedContainers, name);
    if (dropped < kDroppedContainers.size() && (drop_chrome_ || dropped < kFirstChromeContainer)) {
      if (dropped_counts_[dropped] > 0) {
        --dropped_counts_[dropped];
        --dropped_depth_;
      }
      writer_.end_line();
      return;
    }
    if (name == "br") {  // browsers treat </br> as <br>
      if (!suppressed()) writer_.hard_break();
      return;
    }
    if (heading_level(name) > 0) {
      finish_heading_capture();  // any </hN> closes the open heading, as in browsers
      writer_.end_line();
      return;
    }
    if (name == "pre") {
      if (pre_depth_ > 0) --pre_depth_;
      writer_.end_line();
      return;
    }
    if (contains(kBlockElements, name)) writer_.end_line();
  }

  void handle_text(std::string_view raw) {
    if (in_head_ && dropped_depth_ == 0) {
      if (std::all_of(raw.begin(), raw.end(), is_space)) return;
      in_head_ = false;  // real text in <head> means the head was never closed, as browsers do
    }
    if (suppressed()) return;
    const std::string text = decode_character_references(raw);
    seen_body_ = true;
    if (capture_level_ > 0) {
      capture_ += text;
      if (capture_.size() > kMaxHeadingTitleBytes) {
        capture_level_ = 0;
        capture_.clear();
      }
    }
    if (pre_depth_ == 0) {
      writer_.add_text(text);
      return;
    }
    std::size_t i = 0;
    while (i < text.size()) {
      const std::size_t newline = text.find_first_of("\r\n", i);
      if (newline == std::string::npos) {
        writer_.add_text(std::string_view(text).substr(i));
        break;
      }
      writer_.add_text(std::string_view(text).substr(i, newline - i));
      writer_.hard_break();
      i = newline + 1;
      if (text[newline] == '\r' && i < text.size() && text[i] == '\n') ++i;
    }
  }

  void finish_heading_capture() {
    if (capture_level_ == 1 && h1_.empty()) h1_ = collapse_whitespace(capture_);
    if (capture_level_ == 2 && h2_.empty()) h2_ = collapse_whitespace(capture_);
    capture_level_ = 0;
    capture_.clear();
  }

  std::string_view html_;
  bool drop_chrome_;
  LineWriter writer_;
  std::array<int, kDroppedContainers.size()> dropped_counts_{};
  int dropped_depth_ = 0;
  bool dropped_chrome_ = false;
  bool in_head_ = false;
  bool seen_body_ = false;
  int pre_depth_ = 0;
  int capture_level_ = 0;
  std::string capture_;
  std::string title_;
  std::string h1_;
  std::string h2_;
};

}  // namespace

ExtractedText html_to_text(std::string_view html) {
  HtmlScanner scanner(html, /*drop_chrome=*/true);
  ExtractedText result = scanner.run();
  // Some sites (ASP.NET WebForms, for one) wrap the whole page in <form>: rather than index
  // nothing, keep the chrome when dropping it left no text at all.
  if (result.text.empty() && scanner.dropped_chrome()) {
    HtmlScanner keep_chrome(html, /*drop_chrome=*/false);
    ExtractedText retry = keep_chrome.run();
    if (result.title.empty()) result.title = std::move(retry.title);
    result.text = std::move(retry.text);
  }
  return result;
}

}  // namespace furet::detail
