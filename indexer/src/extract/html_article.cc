// Finding a page's article from its structure: parse, measure, score, collect.
//
// The ideas are those of the best-known extractors (Mozilla Readability,
// jusText, trafilatura), in furet's own code: text that concentrates in
// paragraphs rather than in links is content; paragraph scores flow to their
// containers, and the best container holds the article; the names pages give
// their parts, and the semantic elements, tell chrome from content where the
// text alone cannot.
#include "extract/html_article.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ascii_text.h"
#include "extract/utf8.h"

namespace furet::detail {
namespace {

// ---------------------------------------------------------------------------
// Names: class, id and role values.

// Words of a class or id value: runs of letters and digits, split at camelCase
// humps, lower-cased ("articleBody share-buttons" -> article body share buttons).
std::vector<std::string> name_words(std::string_view value) {
  std::vector<std::string> words;
  std::string word;
  const auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    const bool lower = c >= 'a' && c <= 'z';
    const bool upper = c >= 'A' && c <= 'Z';
    const bool digit = c >= '0' && c <= '9';
    if (!lower && !upper && !digit) {
      flush();
      continue;
    }
    if (upper && !word.empty() && i > 0 && value[i - 1] >= 'a' && value[i - 1] <= 'z') flush();
    word += upper ? static_cast<char>(c - 'A' + 'a') : c;
  }
  flush();
  return words;
}

// Words pages use to name their chrome: navigation, sharing, comments,
// advertising, consent and sign-up boxes, lists of other articles, and the
// metadata around an article (bylines, dates, tags), which is not its text.
constexpr std::array<std::string_view, 89> kChromeWords = {
    "ad",          "ads",       "adsense",   "advert",       "advertisement", "advertising",
    "akismet",     "alert",     "author",    "banner",       "bio",           "breadcrumb",
    "breadcrumbs", "btn",       "button",    "byline",       "caption",       "categories",
    "colophon",    "comment",   "comments",  "consent",      "contact",       "cookie",
    "cookies",     "copyright", "credit",    "credits",      "dateline",      "disqus",
    "email",       "follow",    "footer",    "gdpr",         "icon",          "jetpack",
    "kommentar",   "latest",    "like",      "login",        "masthead",      "menu",
    "meta",        "modal",     "nav",       "navbar",       "navigation",    "newsletter",
    "nocontent",   "notice",    "outbrain",  "pager",        "pagination",    "popular",
    "popup",       "prev",      "print",     "privacy",      "promo",         "promoted",
    "promotion",   "rating",    "recent",    "recommend",    "recommended",   "recommendations",
    "related",     "reply",     "replies",   "respond",      "rss",           "search",
    "share",       "sharing",   "sidebar",   "signup",       "skip",          "social",
    "sponsor",     "sponsored", "subscribe", "subscription", "taboola",       "tags",
    "textwidget",  "toolbar",   "trending",  "widgettitle",  "widgets"};

// Words that name the main content.
constexpr std::array<std::string_view, 9> kContentWords = {
    "article", "body", "content", "entry", "main", "post", "prose", "story", "text"};

// ARIA roles of chrome.
constexpr std::array<std::string_view, 10> kChromeRoles = {
    "alert",  "alertdialog", "banner",  "complementary", "contentinfo",
    "dialog", "menu",        "menubar", "navigation",    "search"};

// The classes CSS frameworks and WordPress give what is not shown, or is
// shown to screen readers alone ("Skip to content", "Posted on").
constexpr std::array<std::string_view, 8> kHiddenClasses = {
    "hidden",          "hide",           "invisible",         "d-none", "sr-only",
    "visually-hidden", "visuallyhidden", "screen-reader-text"};

template <std::size_t N>
bool is_in(const std::array<std::string_view, N>& set, std::string_view word) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

const GumboAttribute* attribute(const GumboElement& e, const char* name) {
  return gumbo_get_attribute(&e.attributes, name);
}

std::string_view attribute_value(const GumboElement& e, const char* name) {
  const GumboAttribute* a = attribute(e, name);
  return a ? std::string_view(a->value) : std::string_view();
}

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii::to_lower(c);
  return out;
}

// Whether `test` holds for one of the element's classes (its class
// attribute split at HTML's whitespace); classes are read in order until it does.
template <typename Test>
bool any_class(const GumboElement& e, Test&& test) {
  const std::string_view classes = attribute_value(e, "class");
  for (std::size_t begin = 0; begin < classes.size();) {
    std::size_t end = classes.find_first_of(" \t\n\r\f", begin);
    if (end == std::string_view::npos) end = classes.size();
    if (end > begin && test(classes.substr(begin, end - begin))) return true;
    begin = end + 1;
  }
  return false;
}

// ---------------------------------------------------------------------------
// The page as the extractor sees it.

enum class Hint : std::uint8_t { kNone, kChrome, kContent };

// An element that is shown, with what its subtree holds.
struct Box {
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  int parent = -1;
  Hint hint = Hint::kNone;
  bool semantic_content = false;  // <article>, <main>, role=main, itemprop=articleBody
  bool semantic_chrome = false;   // <nav>, <aside>, <footer>, chrome roles, <form> controls
  bool link = false;              // an <a> of the page's markup (not one the parser repeated)
  // Measures of the subtree, in characters of visible text.
  std::uint32_t chars = 0;
  std::uint32_t link_chars = 0;
  std::uint32_t paragraph_chars = 0;  // in blocks of at least kMinParagraphChars
  std::uint32_t emphasis_chars = 0;   // in <b>, <strong>, <em>, <i>
  double score = 0;                   // paragraph evidence, for the content choice
  bool scored = false;
};

// A piece of a box's content, in document order.
// A text node's text. Gumbo 0.10 can leave a lone byte for a character
// reference past U+10FFFF ("&#xD80999999;", found by fuzzing): repaired to
// UTF-8 here, as every text furet keeps must be.
std::string text_of_node(const GumboNode* node) { return valid_utf8(node->v.text.text); }

struct Piece {
  int child = -1;    // a child box, or
  std::string text;  // a run of text (whitespace as in the page)
};

constexpr std::uint32_t kMinParagraphChars = 25;
// Less paragraph text than this is a teaser or a box, not an article.
constexpr std::uint32_t kMinArticleChars = 500;

bool is_never_article_text(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_PROGRESS:
    case GUMBO_TAG_METER:
    // Ruby annotations: the reading printed over the base text, which is
    // what the sentence says.
    case GUMBO_TAG_RT:
    case GUMBO_TAG_RP:
    case GUMBO_TAG_RTC:
    // Not the article's prose: its headline (the title, kept as metadata),
    // dates and contact blocks, figures with their captions and credits.
    case GUMBO_TAG_H1:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
      return true;
    default:
      return false;
  }
}

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return true;
    default:
      return false;
  }
}

// A paragraph-like block, whose text is evidence for its containers. List
// items are not: a list of long items is as often comments or teasers as
// an article's points, and those are collected with their container anyway.
bool is_paragraph(GumboTag tag) {
  return tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_H2 ||
         tag == GUMBO_TAG_H3;
}

// The rank of a paragraph set as a subhead (all of it emphasised), below <h6>.
constexpr int kLabelLevel = 7;

// The rank of a subhead, 2 (<h2>) to 6; 0 for any other element. (<h1> is
// the headline, never article text.)
int heading_level(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H2:
      return 2;
    case GUMBO_TAG_H3:
      return 3;
    case GUMBO_TAG_H4:
      return 4;
    case GUMBO_TAG_H5:
      return 5;
    case GUMBO_TAG_H6:
      return 6;
    default:
      return 0;
  }
}

// Readability's prior on containers: a div is where articles live, a list or
// a heading is rarely the whole of one.
double tag_prior(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_MAIN:
      return 5;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      return 3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      return -3;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
      return -5;
    default:
      return 0;
  }
}

// Visible characters of a text run: code points that are not whitespace.
std::uint32_t visible_chars(std::string_view text) {
  std::uint32_t n = 0;
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if ((b & 0xC0) != 0x80 && b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f') ++n;
  }
  return n;
}

// Commas (and their CJK and Arabic forms) say a run of text is prose.
std::uint32_t commas(std::string_view text) {
  std::uint32_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ',') ++n;
    if (text.compare(i, 3, "\xef\xbc\x8c") == 0 || text.compare(i, 3, "\xe3\x80\x81") == 0 ||
        text.compare(i, 2, "\xd8\x8c") == 0) {
      ++n;
    }
  }
  return n;
}

bool is_hidden(const GumboElement& e) {
  if (attribute(e, "hidden")) return true;
  if (any_class(e, [](std::string_view one) { return is_in(kHiddenClasses, lowered(one)); })) {
    return true;
  }
  if (lowered(attribute_value(e, "aria-hidden")) == "true") return true;
  std::string style = lowered(attribute_value(e, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

// Whether a name word says `word`: it is the word, or, for a word long
// enough not to occur by chance inside others, holds it ("commentlist",
// "storycontent", "sharebuttons").
bool says(std::string_view name_word, std::string_view word) {
  if (name_word == word) return true;
  return word.size() >= 5 && name_word.find(word) != std::string_view::npos;
}

template <std::size_t N>
bool says_any(std::string_view name_word, const std::array<std::string_view, N>& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view word) { return says(name_word, word); });
}

// A class that switches a behaviour on or off ("enable-pin-share",
// "has-sidebar", "no-comments") says what the element has, not what it is.
bool is_modifier(std::string_view class_name) {
  for (std::string_view prefix :
       {"enable", "disable", "has", "is", "no", "with", "js", "show", "hide", "can", "allow"}) {
    if (class_name.size() > prefix.size() && class_name.substr(0, prefix.size()) == prefix &&
        !ascii::is_alnum(class_name[prefix.size()])) {
      return true;
    }
  }
  return false;
}

Hint hint_of(const GumboElement& e) {
  bool chrome = false;
  bool content = false;
  const auto read = [&](std::string_view name) {
    for (const std::string& word : name_words(name)) {
      chrome = chrome || says_any(word, kChromeWords);
      content = content || says_any(word, kContentWords);
    }
  };
  read(attribute_value(e, "id"));
  any_class(e, [&](std::string_view one) {
    // So does a BEM modifier ("section--ads", "post--with-share"): the
    // name is what comes before it.
    if (!is_modifier(one)) read(one.substr(0, one.find("--")));
    return false;  // every class is read
  });
  const std::string role = lowered(attribute_value(e, "role"));
  chrome = chrome || is_in(kChromeRoles, role);
  content = content || role == "main" || role == "article";
  // A name that says both ("article-comments", "post-share") names a part
  // of the article that is not its text.
  if (chrome) return Hint::kChrome;
  return content ? Hint::kContent : Hint::kNone;
}

// The page as boxes and their pieces, built from gumbo's tree.
class Page {
 public:
  explicit Page(const GumboNode* root) { add_element(root, -1); }

  std::vector<Box> boxes;
  std::vector<std::vector<Piece>> pieces;  // of each box

 private:
  int add_element(const GumboNode* node, int parent) {
    const GumboElement& e = node->v.element;
    const int id = static_cast<int>(boxes.size());
    boxes.emplace_back();
    pieces.emplace_back();
    Box& box = boxes.back();
    box.tag = e.tag;
    box.parent = parent;
    box.hint = hint_of(e);
    const std::string role = lowered(attribute_value(e, "role"));
    box.semantic_content = e.tag == GUMBO_TAG_ARTICLE || e.tag == GUMBO_TAG_MAIN ||
                           role == "main" ||
                           lowered(attribute_value(e, "itemprop")) == "articlebody";
    // An <a> left open is reopened by the parser in every block that
    // follows, as browsers do: those copies are not links of the page.
    constexpr unsigned kRepeated =
        GUMBO_INSERTION_RECONSTRUCTED_FORMATTING_ELEMENT | GUMBO_INSERTION_ADOPTION_AGENCY_CLONED;
    box.link = e.tag == GUMBO_TAG_A && !(node->parse_flags & kRepeated);
    box.semantic_chrome = e.tag == GUMBO_TAG_NAV || e.tag == GUMBO_TAG_ASIDE ||
                          e.tag == GUMBO_TAG_FOOTER || is_in(kChromeRoles, role);
    for (unsigned i = 0; i < e.children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(e.children.data[i]);
      switch (child->type) {
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE: {
          const GumboElement& c = child->v.element;
          if (is_never_article_text(c.tag) || is_hidden(c)) break;
          const int child_id = add_element(child, id);
          pieces[static_cast<std::size_t>(id)].push_back({child_id, {}});
          break;
        }
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
          pieces[static_cast<std::size_t>(id)].push_back({-1, text_of_node(child)});
          break;
        default:
          break;
      }
    }
    return id;
  }
};

// ---------------------------------------------------------------------------
// Measuring and scoring.

// Fills the measures of every box, children first (boxes are in document
// order, so a child's id is above its parent's).
void measure(Page& page) {
  std::vector<std::uint32_t> comma_counts(page.boxes.size(), 0);
  std::vector<std::uint32_t> own_chars(page.boxes.size(), 0);
  for (std::size_t id = page.boxes.size(); id-- > 0;) {
    Box& box = page.boxes[id];
    for (const Piece& piece : page.pieces[id]) {
      if (piece.child >= 0) {
        const Box& child = page.boxes[static_cast<std::size_t>(piece.child)];
        box.chars += child.chars;
        box.link_chars += child.link_chars;
        box.emphasis_chars += child.emphasis_chars;
        box.paragraph_chars += child.paragraph_chars;
        comma_counts[id] += comma_counts[static_cast<std::size_t>(piece.child)];
      } else {
        const std::uint32_t n = visible_chars(piece.text);
        box.chars += n;
        own_chars[id] += n;
        comma_counts[id] += commas(piece.text);
      }
    }
    if (box.link) box.link_chars = box.chars;
    if (box.tag == GUMBO_TAG_B || box.tag == GUMBO_TAG_STRONG || box.tag == GUMBO_TAG_EM ||
        box.tag == GUMBO_TAG_I) {
      box.emphasis_chars = box.chars;
    }
    // A paragraph, or a div that holds its text itself rather than in blocks.
    const bool paragraph =
        is_paragraph(box.tag) || (box.tag == GUMBO_TAG_DIV && own_chars[id] >= kMinParagraphChars);
    if (paragraph && box.chars >= kMinParagraphChars && box.link_chars * 2 < box.chars) {
      box.paragraph_chars = box.chars;
      // Readability's paragraph score: one, a point a comma, a point per
      // hundred characters up to three; it flows to the ancestors, halving.
      const double score = 1 + comma_counts[id] + std::min(box.chars / 100.0, 3.0);
      int ancestor = box.parent;
      for (int level = 0; ancestor >= 0 && level < 5; ++level) {
        Box& a = page.boxes[static_cast<std::size_t>(ancestor)];
        if (!a.scored) {
          a.scored = true;
          a.score += tag_prior(a.tag);
          a.score += a.hint == Hint::kContent ? 25 : a.hint == Hint::kChrome ? -25 : 0;
        }
        a.score += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
        ancestor = a.parent;
      }
    }
  }
}

double link_density(const Box& box) {
  return box.chars ? static_cast<double>(box.link_chars) / box.chars : 0;
}

bool within_chrome(const Page& page, int id) {
  for (int at = id; at >= 0; at = page.boxes[static_cast<std::size_t>(at)].parent) {
    const Box& box = page.boxes[static_cast<std::size_t>(at)];
    if (box.semantic_chrome || box.hint == Hint::kChrome) return true;
  }
  return false;
}

// A box's score as a candidate: its paragraph evidence, less what of it is
// links, much less inside chrome, more in a semantic content element.
double candidate_score(const Page& page, int id) {
  const Box& box = page.boxes[static_cast<std::size_t>(id)];
  double score = box.score;
  // A name that says content counts for a box with the text of an article,
  // not for a small box of a teaser list named the same way.
  if (box.hint == Hint::kContent && box.paragraph_chars < kMinArticleChars) score -= 25;
  score *= 1 - link_density(box);
  if (within_chrome(page, id)) score *= 0.25;
  if (box.semantic_content) score *= 1.5;
  return score;
}

bool is_ancestor(const Page& page, int ancestor, int id) {
  for (int at = id; at >= 0; at = page.boxes[static_cast<std::size_t>(at)].parent) {
    if (at == ancestor) return true;
  }
  return false;
}

// The container with the most paragraph evidence: the heart of the article.
// Refined as Readability does: when several candidates score nearly as well,
// their common container is the article (its text is split into sections);
// when the score grows on the way up, the parent holds more of it; and an
// only child stands for its parent, whose siblings may hold the rest (empty
// siblings, a grid's spacer column or an image slot, leave it alone still).
int best_candidate(const Page& page) {
  std::vector<std::pair<double, int>> ranked;
  for (std::size_t id = 0; id < page.boxes.size(); ++id) {
    if (page.boxes[id].scored) ranked.emplace_back(candidate_score(page, static_cast<int>(id)), id);
  }
  if (ranked.empty()) return -1;
  constexpr std::size_t kTopCandidates = 5;
  const std::size_t top = std::min(kTopCandidates, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(top), ranked.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first; });
  int best = ranked[0].second;
  const double best_score = ranked[0].first;
  std::vector<int> close;
  for (std::size_t i = 1; i < top; ++i) {
    if (ranked[i].first >= 0.75 * best_score) close.push_back(ranked[i].second);
  }
  constexpr std::size_t kCloseNeeded = 3;
  if (close.size() >= kCloseNeeded) {
    for (int at = page.boxes[static_cast<std::size_t>(best)].parent; at > 0;
         at = page.boxes[static_cast<std::size_t>(at)].parent) {
      const auto holds = std::count_if(close.begin(), close.end(),
                                       [&](int c) { return is_ancestor(page, at, c); });
      if (static_cast<std::size_t>(holds) >= kCloseNeeded) {
        best = at;
        break;
      }
    }
  }
  double last = candidate_score(page, best);
  const double floor = last / 3;
  for (int at = page.boxes[static_cast<std::size_t>(best)].parent; at > 0;
       at = page.boxes[static_cast<std::size_t>(at)].parent) {
    if (!page.boxes[static_cast<std::size_t>(at)].scored) continue;
    const double score = candidate_score(page, at);
    if (score < floor) break;
    if (score > last) {
      best = at;
      break;
    }
    last = score;
  }
  for (int parent = page.boxes[static_cast<std::size_t>(best)].parent;
       parent > 0 && std::count_if(page.pieces[static_cast<std::size_t>(parent)].begin(),
                                   page.pieces[static_cast<std::size_t>(parent)].end(),
                                   [&page](const Piece& p) {
                                     return p.child >= 0 &&
                                            page.boxes[static_cast<std::size_t>(p.child)].chars > 0;
                                   }) == 1;
       parent = page.boxes[static_cast<std::size_t>(parent)].parent) {
    best = parent;
  }
  return best;
}

// What the article is made of: the best candidate, widened to the outermost
// semantic element around it that holds little more text (the lede in an
// <article>'s <header>, the subheads and the body marked articleBody are all
// its text), and the siblings that read as more of it (an article's
// paragraphs are often split over sibling containers), and the paragraph
// blocks before it in the containers just around it (a lede or a summary set
// in a header row above the columns of the body).
struct Selection {
  int heart = -1;          // the best candidate: never left out, nor its ancestors
  std::vector<int> parts;  // boxes to collect, in document order
};

// A container with at most this many times the article's paragraph text
// around it is still the article's page rather than a page of several texts.
constexpr std::uint32_t kAroundArticleFactor = 3;
// How many containers above the article's own are searched for its lede.
constexpr int kLedeLevels = 3;

bool reads_as_paragraphs(const Box& box) {
  return !box.semantic_chrome && box.hint != Hint::kChrome && box.paragraph_chars >= 80 &&
         link_density(box) < 0.25;
}

Selection select_article(const Page& page) {
  Selection selection;
  selection.heart = best_candidate(page);
  if (selection.heart < 0) {
    selection.parts.push_back(0);  // no paragraph anywhere: the whole body
    return selection;
  }
  int root = selection.heart;
  const std::uint32_t heart_chars = page.boxes[static_cast<std::size_t>(root)].paragraph_chars;
  for (int at = root; at >= 0; at = page.boxes[static_cast<std::size_t>(at)].parent) {
    const Box& box = page.boxes[static_cast<std::size_t>(at)];
    if (box.semantic_content && box.paragraph_chars <= kAroundArticleFactor * heart_chars) {
      root = at;
    }
  }
  const Box& chosen = page.boxes[static_cast<std::size_t>(root)];
  if (chosen.parent < 0) {
    selection.parts.push_back(root);
    return selection;
  }
  // Readability's sibling rule: a sibling of good score, or a block of
  // paragraph text that is not made of links.
  const double threshold = std::max(10.0, chosen.score * 0.2);
  std::uint32_t article_chars = 0;
  for (const Piece& piece : page.pieces[static_cast<std::size_t>(chosen.parent)]) {
    if (piece.child < 0) continue;
    const Box& sibling = page.boxes[static_cast<std::size_t>(piece.child)];
    const bool keep =
        piece.child == root ||
        (!sibling.semantic_chrome && sibling.hint != Hint::kChrome && sibling.scored &&
         sibling.score * (1 - link_density(sibling)) >= threshold) ||
        reads_as_paragraphs(sibling);
    if (keep) {
      selection.parts.push_back(piece.child);
      article_chars += sibling.paragraph_chars;
    }
  }
  // The lede: paragraph blocks before the article in the containers around
  // it, as long as they hold little text besides the article's. (What follows
  // an article there is more often other articles, comments or notes.)
  int inner = chosen.parent;
  for (int level = 0; level < kLedeLevels; ++level) {
    const int outer = page.boxes[static_cast<std::size_t>(inner)].parent;
    if (outer <= 0 || page.boxes[static_cast<std::size_t>(outer)].paragraph_chars >
                          kAroundArticleFactor * article_chars) {
      break;
    }
    for (const Piece& piece : page.pieces[static_cast<std::size_t>(outer)]) {
      if (piece.child == inner) break;
      if (piece.child >= 0 &&
          reads_as_paragraphs(page.boxes[static_cast<std::size_t>(piece.child)])) {
        selection.parts.push_back(piece.child);
        article_chars += page.boxes[static_cast<std::size_t>(piece.child)].paragraph_chars;
      }
    }
    inner = outer;
  }
  std::sort(selection.parts.begin(), selection.parts.end());  // ids are in document order
  return selection;
}

// ---------------------------------------------------------------------------
// Collecting the text.

class Collector {
 public:
  Collector(const Page& page, const Selection& selection) : page_(page), selection_(selection) {
    for (int at = selection.heart; at >= 0; at = page.boxes[static_cast<std::size_t>(at)].parent) {
      heart_path_.push_back(at);
    }
    for (int part : selection.parts) {
      article_chars_ += page.boxes[static_cast<std::size_t>(part)].paragraph_chars;
    }
  }

  std::string collect() {
    for (int part : selection_.parts) visit(part, false);
    end_block();
    drop_open_heading();
    return std::move(out_);
  }

 private:
  // A box is left out when its name or its element says chrome and it holds
  // little of the article's text (a misnamed wrapper, "content has-sidebar",
  // holds most of it), or when its text is mostly links (menus, lists of
  // other articles, "Read also: <a>…</a>"). The best candidate and the boxes
  // around it are always kept.
  bool left_out(int id) const {
    if (std::find(heart_path_.begin(), heart_path_.end(), id) != heart_path_.end()) return false;
    const Box& box = page_.boxes[static_cast<std::size_t>(id)];
    const bool named_chrome = (box.hint == Hint::kChrome && !box.semantic_content) ||
                              box.semantic_chrome || box.tag == GUMBO_TAG_FORM;
    if (named_chrome && box.paragraph_chars * 2 < article_chars_) return true;
    return is_block(box.tag) && box.chars > 0 && link_density(box) > 0.5 &&
           box.paragraph_chars * 4 < article_chars_;
  }

  void visit(int id, bool in_pre) {
    if (left_out(id)) {
      // A subhead with nothing between it and a left-out block is that
      // block's title ("Read also", "More on this topic").
      drop_open_heading();
      return;
    }
    const Box& box = page_.boxes[static_cast<std::size_t>(id)];
    const bool block = is_block(box.tag);
    const bool pre = in_pre || box.tag == GUMBO_TAG_PRE;
    if (block) end_block();
    if (box.tag == GUMBO_TAG_BR || box.tag == GUMBO_TAG_HR) return;
    int level = heading_level(box.tag);
    // A paragraph all in bold or italics is set as a subhead, of the lowest rank.
    if (level == 0 && box.tag == GUMBO_TAG_P && box.chars > 0 && box.emphasis_chars == box.chars) {
      level = kLabelLevel;
    }
    if (level > 0) {
      visit_heading(id, level, pre);
      return;
    }
    visit_children(id, pre);
    if (block) end_block();
  }

  void visit_children(int id, bool pre) {
    for (const Piece& piece : page_.pieces[static_cast<std::size_t>(id)]) {
      if (piece.child >= 0) {
        visit(piece.child, pre);
        // Cells of a row stay on its line, apart.
        const GumboTag tag = page_.boxes[static_cast<std::size_t>(piece.child)].tag;
        if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) space_ = true;
      } else {
        add_text(piece.text, pre);
      }
    }
  }

  // A subhead stays open until text that is not a subhead follows it; one
  // followed by a subhead of its rank or above, or by nothing, introduced
  // text that is not the article's and goes with it.
  void visit_heading(int id, int level, bool pre) {
    if (level == kLabelLevel && open_heading_level_ == kLabelLevel) {
      open_heading_level_ = 0;  // lines in bold one after another are text set so
    } else if (open_heading_level_ > 0 && level <= open_heading_level_) {
      drop_open_heading();
    }
    const std::size_t start = out_.size();
    ++in_heading_;
    visit_children(id, pre);
    end_block();
    --in_heading_;
    if (in_heading_ == 0 && out_.size() > start && open_heading_level_ == 0) {
      open_heading_start_ = start;
      open_heading_level_ = level;
    }
  }

  // Drops the open subhead if it reads as a block's title: a few words, as
  // "More on this topic"; a longer one is a lede or a point of the article.
  void drop_open_heading() {
    if (open_heading_level_ == 0) return;
    constexpr std::size_t kMaxBlockTitleWords = 6;
    const std::string_view heading = std::string_view(out_).substr(open_heading_start_);
    if (ascii::word_count(heading) <= kMaxBlockTitleWords) out_.resize(open_heading_start_);
    open_heading_level_ = 0;
  }

  void add_text(std::string_view text, bool pre) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (pre && c == '\n') {
        end_block();
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        space_ = true;
        continue;
      }
      if (const std::size_t invisible = invisible_length(text, i); invisible > 0) {
        i += invisible - 1;
        continue;
      }
      if (space_ && !line_.empty()) line_ += ' ';
      space_ = false;
      line_ += static_cast<char>(c);
    }
  }

  void end_block() {
    if (!line_.empty()) {
      if (in_heading_ == 0) open_heading_level_ = 0;  // the subhead has its text
      out_ += line_;
      out_ += '\n';
    }
    line_.clear();
    space_ = false;
  }

  const Page& page_;
  const Selection& selection_;
  std::vector<int> heart_path_;
  std::uint32_t article_chars_ = 0;
  std::string out_;
  std::string line_;
  bool space_ = false;
  int in_heading_ = 0;          // depth of subheads being collected
  int open_heading_level_ = 0;  // the last subhead's rank while no text follows it
  std::size_t open_heading_start_ = 0;
};

// ---------------------------------------------------------------------------
// Metadata.

std::string text_of(const GumboNode* node) {
  std::string out;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    return text_of_node(node);
  }
  if (node->type != GUMBO_NODE_ELEMENT) return out;
  for (unsigned i = 0; i < node->v.element.children.length; ++i) {
    out += text_of(static_cast<const GumboNode*>(node->v.element.children.data[i]));
  }
  return out;
}

std::string collapsed(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x20) continue;
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The first string among JSON-LD values: a string, or the "name" of an object,
// or the first of an array.
std::string json_name(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_object() && value.contains("name")) return json_name(value["name"]);
  if (value.is_array() && !value.empty()) return json_name(value.front());
  return {};
}

bool is_article_type(const nlohmann::json& type) {
  const auto matches = [](const std::string& t) {
    return t.find("Article") != std::string::npos || t == "BlogPosting" || t == "Report" ||
           t == "WebPage" || t == "LiveBlogPosting";
  };
  if (type.is_string()) return matches(type.get<std::string>());
  if (type.is_array()) {
    return std::any_of(type.begin(), type.end(),
                       [&](const nlohmann::json& t) { return t.is_string() && matches(t); });
  }
  return false;
}

void read_json_ld(const nlohmann::json& item, PageMetadata& m) {
  if (item.is_array()) {
    for (const nlohmann::json& i : item) read_json_ld(i, m);
    return;
  }
  if (!item.is_object()) return;
  if (item.contains("@graph")) read_json_ld(item["@graph"], m);
  if (!item.contains("@type") || !is_article_type(item["@type"])) return;
  const auto take = [&](std::string& field, const char* key) {
    if (field.empty() && item.contains(key)) field = collapsed(json_name(item[key]));
  };
  take(m.title, "headline");
  take(m.published, "datePublished");
  take(m.author, "author");
  take(m.site, "publisher");
  take(m.url, "url");
  take(m.language, "inLanguage");
}

class MetadataReader {
 public:
  PageMetadata read(const GumboNode* root) {
    visit(root);
    PageMetadata& m = found_;
    if (m.title.empty()) m.title = og_title_;
    if (m.title.empty()) m.title = strip_site(title_tag_);
    if (m.title.empty()) m.title = first_h1_;
    if (m.published.empty()) m.published = time_datetime_;
    if (m.site.empty()) m.site = og_site_;
    if (m.url.empty()) m.url = canonical_;
    return m;
  }

 private:
  // "Headline | Site" and "Headline - Site": the site's part goes when the
  // page names its site, or when it is clearly the shorter tail.
  std::string strip_site(const std::string& title) const {
    for (const char* separator :
         {" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " \xc2\xbb "}) {
      const std::size_t at = title.rfind(separator);
      if (at == std::string::npos || at == 0) continue;
      const std::string tail = title.substr(at + std::string_view(separator).size());
      const std::string head = title.substr(0, at);
      const bool names_site = !og_site_.empty() && lowered(tail) == lowered(og_site_);
      if (names_site || (tail.size() * 2 < head.size() && tail.size() <= 40)) return head;
    }
    return title;
  }

  void visit(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& e = node->v.element;
    switch (e.tag) {
      case GUMBO_TAG_HTML:
        if (found_.language.empty()) found_.language = collapsed(attribute_value(e, "lang"));
        break;
      case GUMBO_TAG_TITLE:
        if (title_tag_.empty()) title_tag_ = collapsed(text_of(node));
        return;
      case GUMBO_TAG_META:
        meta(e);
        return;
      case GUMBO_TAG_LINK:
        if (lowered(attribute_value(e, "rel")) == "canonical" && canonical_.empty()) {
          canonical_ = collapsed(attribute_value(e, "href"));
        }
        return;
      case GUMBO_TAG_SCRIPT:
        if (lowered(attribute_value(e, "type")) == "application/ld+json") {
          const nlohmann::json ld = nlohmann::json::parse(text_of(node), nullptr, false);
          if (!ld.is_discarded()) read_json_ld(ld, found_);
        }
        return;
      case GUMBO_TAG_TIME:
        if (time_datetime_.empty()) time_datetime_ = collapsed(attribute_value(e, "datetime"));
        break;
      case GUMBO_TAG_H1:
        if (first_h1_.empty()) first_h1_ = collapsed(text_of(node));
        break;
      default:
        break;
    }
    for (unsigned i = 0; i < e.children.length; ++i) {
      visit(static_cast<const GumboNode*>(e.children.data[i]));
    }
  }

  void meta(const GumboElement& e) {
    std::string key = lowered(attribute_value(e, "property"));
    if (key.empty()) key = lowered(attribute_value(e, "name"));
    if (key.empty()) key = lowered(attribute_value(e, "itemprop"));
    const std::string value = collapsed(attribute_value(e, "content"));
    if (value.empty()) return;
    const auto set = [&](std::string& field) {
      if (field.empty()) field = value;
    };
    if (key == "og:title") set(og_title_);
    if (key == "og:site_name") set(og_site_);
    if (key == "og:url") set(canonical_);
    if (key == "author" || key == "article:author" || key == "dc.creator") set(found_.author);
    if (key == "article:published_time" || key == "datepublished" || key == "dc.date" ||
        key == "pubdate" || key == "date" || key == "og:published_time") {
      set(found_.published);
    }
    if (key == "og:locale" || key == "language" || key == "dc.language") set(found_.language);
  }

  PageMetadata found_;
  std::string og_title_, og_site_, title_tag_, first_h1_, time_datetime_, canonical_;
};

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

}  // namespace

std::string declared_charset(std::string_view html) {
  constexpr std::size_t kPrescanBytes = 2048;  // where HTML puts its declaration
  const std::string head = lowered(html.substr(0, kPrescanBytes));
  for (std::size_t meta = head.find("<meta"); meta != std::string::npos;
       meta = head.find("<meta", meta + 1)) {
    const std::size_t end = head.find('>', meta);
    const std::size_t at = head.find("charset", meta);
    if (at == std::string::npos || (end != std::string::npos && at > end)) continue;
    std::size_t i = at + 7;
    while (i < head.size() &&
           (head[i] == ' ' || head[i] == '=' || head[i] == '"' || head[i] == '\''))
      ++i;
    std::string name;
    while (i < head.size() && (ascii::is_alnum(head[i]) || head[i] == '-' || head[i] == '_' ||
                               head[i] == '.' || head[i] == ':')) {
      name += head[i++];
    }
    if (!name.empty()) return name;
  }
  return {};
}

HtmlArticle extract_html_article(std::string_view html) {
  const std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
  HtmlArticle article;
  article.metadata = MetadataReader().read(output->root);
  // The body (gumbo always makes one): the html element's second child.
  const GumboNode* body = nullptr;
  const GumboVector& top = output->root->v.element.children;
  for (unsigned i = 0; i < top.length; ++i) {
    const auto* node = static_cast<const GumboNode*>(top.data[i]);
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_BODY) body = node;
  }
  if (!body) return article;
  Page page(body);
  measure(page);
  const Selection selection = select_article(page);
  article.text = Collector(page, selection).collect();
  return article;
}

}  // namespace furet::detail
