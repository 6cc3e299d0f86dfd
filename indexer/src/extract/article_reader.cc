// From file bytes to an Article: decode, extract, drop chrome, find the title, cut passages.
#include "extract/article_reader.h"

#include <algorithm>

#include "ascii_text.h"
#include "extract/chrome_filter.h"
#include "extract/dates.h"
#include "extract/html_article.h"
#include "extract/markdown_text.h"
#include "extract/plain_text.h"
#include "extract/text_decoder.h"
#include "furet/analysis/passage_fingerprint.h"

namespace furet::detail {
namespace {

constexpr std::size_t kTitleCandidateLines = 6;  // a headline opens the page
constexpr std::size_t kMinTitleBytes = 15;
constexpr std::size_t kMaxTitleBytes = 200;
constexpr std::size_t kFallbackTitleBytes = 120;

std::string lower_extension(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::size_t dot = path.find_last_of('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  std::string ext(path.substr(dot + 1));
  for (char& c : ext) c = ascii::to_lower(c);
  return ext;
}

// The article's lines, trimmed, empty ones left out; a UTF-8 no-break space at either end counts
// as blank too.
std::vector<TextLine> trimmed_lines(std::string_view text) {
  std::vector<TextLine> lines;
  for (const std::string_view view : ascii::split_lines(text)) {
    const auto begin = static_cast<std::uint32_t>(view.data() - text.data());
    TextLine line{begin, begin + static_cast<std::uint32_t>(view.size())};
    for (bool trimmed = true; trimmed && line.begin < line.end;) {
      trimmed = false;
      if (ascii::is_space(text[line.begin])) {
        ++line.begin;
        trimmed = true;
      } else if (text.substr(line.begin, 2) == "\u00A0") {
        line.begin += 2;
        trimmed = true;
      }
      if (line.begin < line.end && ascii::is_space(text[line.end - 1])) {
        --line.end;
        trimmed = true;
      } else if (line.end - line.begin >= 2 && text.substr(line.end - 2, 2) == "\u00A0") {
        line.end -= 2;
        trimmed = true;
      }
    }
    if (line.end > line.begin) lines.push_back(line);
  }
  return lines;
}

// A headline: a few words, not a sentence that ends with a full stop.
bool reads_like_headline(std::string_view line) {
  return line.size() >= kMinTitleBytes && line.size() <= kMaxTitleBytes &&
         ascii::word_count(line) >= 3 && line.back() != '.' && line.back() != ':';
}

std::string shortened(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  std::size_t cut = s.rfind(' ', max_bytes);
  if (cut == std::string_view::npos || cut < max_bytes / 2) cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "\u2026";
}

// The tokens of passage `p`: its lines' own (moved from `line_tokens`),
// renumbered, when it is made of whole analysed lines; else the passage
// analysed. Both give the same tokens, for no token reaches across a line
// break (a word, a thousands group, a compound or a share stops at the break),
// and positions count on from the line before.
std::vector<Token> passage_tokens(std::string_view text, const PassageRange& p,
                                  const std::vector<TextLine>& lines,
                                  std::vector<std::vector<Token>>& line_tokens,
                                  const Analyzer& analyzer) {
  const auto starts_before = [](const TextLine& l, std::uint32_t at) { return l.begin < at; };
  const auto from = static_cast<std::size_t>(
      std::lower_bound(lines.begin(), lines.end(), p.begin, starts_before) - lines.begin());
  std::size_t to = from;
  bool whole_lines = from < lines.size() && lines[from].begin == p.begin;
  while (whole_lines && lines[to].end < p.end && to + 1 < lines.size()) ++to;
  whole_lines = whole_lines && lines[to].end == p.end;
  for (std::size_t i = from; whole_lines && i <= to; ++i) {
    whole_lines = lines[i].end - lines[i].begin <= kMaxChromeLineBytes;  // it was analysed
  }
  if (!whole_lines) return analyzer.analyze(text.substr(p.begin, p.end - p.begin));
  std::vector<Token> tokens;
  std::uint32_t positions_before = 0;
  for (std::size_t i = from; i <= to; ++i) {
    std::uint32_t last_position = 0;
    for (Token& t : line_tokens[i]) {
      t.begin += lines[i].begin - p.begin;
      t.end += lines[i].begin - p.begin;
      last_position = std::max(last_position, t.position);
      t.position += positions_before;
      tokens.push_back(std::move(t));
    }
    positions_before += last_position;
  }
  return tokens;
}

// The fields of a Markdown front matter that are metadata, by the keys
// static site generators use; the others (tags, categories, summary…) are
// searchable text, a line each at the end of the article.
std::string take_front_matter(const std::vector<std::pair<std::string, std::string>>& fields,
                              ArticleData::Metadata& m) {
  std::string extra;
  for (const auto& [key, value] : fields) {
    std::string* field = nullptr;
    if (key == "date" || key == "published" || key == "pubdate" || key == "publishdate") {
      if (m.published.empty()) m.published = normalized_date(value);
      continue;
    }
    if (key == "author" || key == "authors" || key == "by") field = &m.author;
    if (key == "source" || key == "site" || key == "publisher") field = &m.source;
    if (key == "url" || key == "link" || key == "canonical" || key == "permalink") field = &m.url;
    if (key == "lang" || key == "language" || key == "locale") field = &m.language;
    if (field) {
      if (field->empty()) *field = value;
    } else if (key != "layout" && key != "draft" && key != "slug" && key != "weight") {
      extra += key + ": " + value + "\n";
    }
  }
  return extra;
}

// Whether a line ends as a sentence does ('.', '!', '?', '…'): a byline
// or dateline does not, unless the date is what ends it.
bool ends_as_sentence(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  if (line.empty()) return false;
  const char last = line.back();
  return last == '.' || last == '!' || last == '?' ||
         (line.size() >= 3 && line.substr(line.size() - 3) == "\u2026");
}

// A byline opening an article: "Par Jeanne Dupont", "By Jane Doe, Reuters".
// Returns the author, or empty.
std::string byline_author(std::string_view line) {
  constexpr std::size_t kMaxBylineWords = 10;
  std::string_view rest;
  for (std::string_view opening : {"Par ", "By ", "par ", "by "}) {
    if (line.substr(0, opening.size()) == opening) rest = line.substr(opening.size());
  }
  if (rest.empty() || ascii::word_count(line) > kMaxBylineWords || ends_as_sentence(line))
    return {};
  const auto first = static_cast<unsigned char>(rest.front());
  if (!(first >= 'A' && first <= 'Z') && first < 0xC3) return {};  // a name opens with a capital
  std::size_t end = rest.size();
  for (std::string_view stop :
       {",", " - ", " \u2013 ", " | ", " le ", " on ", " publi", " Publi", " mis ", " Mis "}) {
    end = std::min(end, rest.find(stop));
  }
  return std::string(rest.substr(0, end));
}

// A dateline: a short line around a date ("Publié le 12 août 2025 à 14h05",
// "Mis à jour le 13/08/2025.", "Paris, le 12 août 2025"), not a sentence
// that starts with one ("Le 12 août 2025, la France a voté."). Returns the date.
std::string dateline_date(std::string_view line) {
  constexpr std::size_t kMaxDatelineWords = 10;
  if (ascii::word_count(line) > kMaxDatelineWords) return {};
  const DateMatch found = find_date(line);
  if (found.date.empty()) return {};
  std::string_view after = line.substr(found.end);
  while (!after.empty() && (after.front() == ' ' || after.front() == '.' || after.front() == ')')) {
    after.remove_prefix(1);
  }
  return after.empty() || !ends_as_sentence(line) ? found.date : std::string();
}

// A reading-time badge: a short line giving a number of minutes ("Durée de
// lecture : 6 min.", "Lecture 3 minutes", "5 min read").
bool is_reading_time(std::string_view line) {
  constexpr std::size_t kMaxBadgeWords = 6;
  if (ascii::word_count(line) > kMaxBadgeWords) return false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] < '0' || line[i] > '9') continue;
    std::size_t j = i;
    while (j < line.size() && line[j] >= '0' && line[j] <= '9') ++j;
    while (j < line.size() && line[j] == ' ') ++j;
    const std::string_view unit = line.substr(j, 3);
    if (unit.size() == 3 && (unit[0] == 'm' || unit[0] == 'M') &&
        (unit[1] == 'i' || unit[1] == 'I') && (unit[2] == 'n' || unit[2] == 'N')) {
      return j + 3 == line.size() || !ascii::is_alpha(line[j + 3]) ||
             line.substr(j + 3, 4) == "utes" || line.substr(j + 3, 4) == "UTES";
    }
    i = j;
  }
  return false;
}

// Bylines, datelines and reading-time badges where an article opens them,
// before its first sentence: they fill `m` and are metadata, not passage text.
std::vector<bool> find_header_lines(const std::vector<std::string_view>& lines,
                                    const std::vector<bool>& chrome, ArticleData::Metadata& m) {
  constexpr std::size_t kHeaderLines = 10;
  constexpr std::size_t kSentenceWords = 8;
  std::vector<bool> header(lines.size(), false);
  std::size_t seen = 0;
  for (std::size_t i = 0; i < lines.size() && seen < kHeaderLines; ++i) {
    if (chrome[i]) continue;
    ++seen;
    const std::string_view line = lines[i];
    const std::string author = byline_author(line);
    const std::string date = author.empty() ? dateline_date(line) : normalized_date(line);
    if (!author.empty() || !date.empty() || is_reading_time(line)) {
      if (m.author.empty()) m.author = author;
      if (m.published.empty()) m.published = date;
      header[i] = true;
      continue;
    }
    if (ascii::word_count(line) >= kSentenceWords && line.back() == '.')
      break;  // the body has begun
  }
  return header;
}

// The article's zone lines and blocks (site_template.h), recorded in
// `article`, and which of them its site's template holds: those are left out,
// unless they are all the article has.
std::vector<bool> find_template_lines(const std::vector<TextLine>& lines,
                                      const std::vector<std::vector<Token>>& tokens,
                                      const Analyzer& analyzer, const SiteTemplates* templates,
                                      Article& article) {
  const auto add_once = [](std::vector<std::uint64_t>& set, std::uint64_t v) {
    if (std::find(set.begin(), set.end(), v) == set.end()) set.push_back(v);
  };
  std::vector<bool> dropped(lines.size(), false);
  // Records one zone line or block; leaves its lines out if it is template.
  const auto consider = [&](const PassageFingerprint& words, std::size_t first, std::size_t end) {
    add_once(article.zone_lines, words.words);
    if (!templates || !templates->is_template(article.metadata.source, words.words)) return;
    add_once(article.template_lines, words.words);
    std::fill(dropped.begin() + static_cast<std::ptrdiff_t>(first),
              dropped.begin() + static_cast<std::ptrdiff_t>(end), true);
  };
  // The zone's lines and their tokens: a line of enough words is a zone line.
  std::vector<std::vector<Token>> zone_tokens(lines.size());
  std::vector<bool> in_zone(lines.size(), false), is_short(lines.size(), false);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i >= kTemplateZoneLines && i + kTemplateZoneLines < lines.size()) continue;
    if (lines[i].end - lines[i].begin > kMaxChromeLineBytes) continue;  // prose
    zone_tokens[i] =
        tokens.empty()
            ? analyzer.analyze(std::string_view(article.text)
                                   .substr(lines[i].begin, lines[i].end - lines[i].begin))
            : tokens[i];
    const PassageFingerprint line = fingerprint_of(zone_tokens[i]);
    in_zone[i] = line.count > 0;
    is_short[i] = line.count > 0 && line.count < kMinTemplateLineWords;
    if (line.count >= kMinTemplateLineWords) consider(line, i, i + 1);
  }
  // A short line is named with its neighbours: from it and up to it, the
  // fewest zone lines in a row that hold enough words. A menu's blocks are
  // the same on every page, however the lines next to it (a breadcrumb, the
  // page's own heading) change.
  const auto block_from = [&](std::size_t i, int step) {
    std::vector<Token> block;  // in reading order, whichever way it grows
    for (std::size_t j = i, n = 1; j < lines.size() && in_zone[j]; ++n) {
      block.insert(step > 0 ? block.end() : block.begin(), zone_tokens[j].begin(),
                   zone_tokens[j].end());
      const PassageFingerprint words = fingerprint_of(block);
      if (n >= kMinTemplateBlockLines && words.count >= kMinTemplateLineWords) {
        consider(words, std::min(i, j), std::max(i, j) + 1);
        return;
      }
      if (step < 0 && j == 0) return;
      j = step > 0 ? j + 1 : j - 1;
    }
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!is_short[i]) continue;
    block_from(i, +1);
    block_from(i, -1);
  }
  if (std::count(dropped.begin(), dropped.end(), true) ==
      static_cast<std::ptrdiff_t>(lines.size())) {
    dropped.assign(lines.size(), false);
  }
  return dropped;
}

}  // namespace

bool is_article_file(std::string_view path) {
  const std::string ext = lower_extension(path);
  return ext == "txt" || ext == "md" || ext == "markdown" || ext == "html" || ext == "htm";
}

std::string guess_title(std::string_view text, const std::vector<TextLine>& lines,
                        PassageSplitter& splitter) {
  for (std::size_t i = 0; i < lines.size() && i < kTitleCandidateLines; ++i) {
    const std::string_view line = text.substr(lines[i].begin, lines[i].end - lines[i].begin);
    if (reads_like_headline(line)) return std::string(line);
  }
  if (lines.empty()) return {};
  const std::vector<PassageRange> first =
      splitter.sentences(text, lines.front().begin, lines.front().end);
  if (first.empty()) return {};
  return shortened(text.substr(first[0].begin, first[0].end - first[0].begin), kFallbackTitleBytes);
}

Article ArticleReader::read(std::string_view path, std::string_view bytes,
                            const SiteTemplates* templates) {
  if (bytes.empty()) throw SkipReason{"empty file"};
  if (looks_binary(bytes)) throw SkipReason{"binary file, not text"};
  const std::string ext = lower_extension(path);
  const bool html = ext == "html" || ext == "htm";
  DecodedText decoded = decode_text(bytes, html ? declared_charset(bytes) : std::string());

  Article article;
  if (decoded.encoding != "UTF-8") {
    article.warnings.push_back("decoded from " + decoded.encoding);
  }
  if (decoded.invalid_bytes > 0) {
    article.warnings.push_back(std::to_string(decoded.invalid_bytes) +
                               " invalid byte(s) replaced by U+FFFD");
  }
  ArticleData::Metadata& meta = article.metadata;
  if (html) {
    HtmlArticle page = extract_html_article(decoded.utf8);
    article.title = std::move(page.metadata.title);
    article.text = std::move(page.text);
    meta.published = normalized_date(page.metadata.published);
    meta.author = std::move(page.metadata.author);
    meta.source = std::move(page.metadata.site);
    meta.url = std::move(page.metadata.url);
    meta.language = std::move(page.metadata.language);
  } else if (ext == "md" || ext == "markdown") {
    ExtractedText extracted = markdown_to_text(displayed_text(std::move(decoded.utf8)));
    article.title = std::move(extracted.title);
    article.text = std::move(extracted.text);
    const std::string searchable_fields = take_front_matter(extracted.front_matter, meta);
    if (!searchable_fields.empty()) {
      if (!article.text.empty() && article.text.back() != '\n') article.text += "\n\n";
      article.text += searchable_fields;
    }
  } else {
    article.text = displayed_text(std::move(decoded.utf8));
  }

  const std::vector<TextLine> all_lines = trimmed_lines(article.text);
  std::vector<std::string_view> line_texts;
  line_texts.reserve(all_lines.size());
  for (const TextLine& l : all_lines) {
    line_texts.push_back(std::string_view(article.text).substr(l.begin, l.end - l.begin));
  }
  // The chrome rules analyse each line; an article short enough keeps those
  // tokens, and a passage of whole lines is given theirs.
  const bool keep_tokens = article.text.size() <= kMaxTokenisedArticleBytes;
  std::vector<std::vector<Token>> line_tokens;
  const std::vector<bool> chrome =
      find_chrome_lines(line_texts, *analyzer_, keep_tokens ? &line_tokens : nullptr);

  // A page's structure already told its byline and dates from its text.
  const std::vector<bool> header = html ? std::vector<bool>(all_lines.size(), false)
                                        : find_header_lines(line_texts, chrome, meta);

  std::vector<TextLine> lines;
  std::vector<std::vector<Token>> kept_tokens;
  std::vector<bool> joinable;
  for (std::size_t i = 0; i < all_lines.size(); ++i) {
    if (chrome[i] || header[i]) {
      if (!joinable.empty()) joinable.back() = false;  // never join across chrome
      continue;
    }
    lines.push_back(all_lines[i]);
    if (keep_tokens) kept_tokens.push_back(std::move(line_tokens[i]));
    joinable.push_back(true);
  }
  const std::vector<bool> dropped =
      find_template_lines(lines, kept_tokens, *analyzer_, templates, article);
  if (std::find(dropped.begin(), dropped.end(), true) != dropped.end()) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (dropped[i]) {
        if (kept > 0) joinable[kept - 1] = false;  // never join across the template
        continue;
      }
      if (kept != i) {  // a vector moved onto itself is left empty
        lines[kept] = lines[i];
        if (keep_tokens) kept_tokens[kept] = std::move(kept_tokens[i]);
        joinable[kept] = joinable[i];
      }
      ++kept;
    }
    lines.resize(kept);
    if (keep_tokens) kept_tokens.resize(kept);
    joinable.resize(kept);
  }
  if (lines.empty()) throw SkipReason{"no article text (empty, or only site chrome)"};
  if (article.title.empty()) article.title = guess_title(article.text, lines, splitter_);
  article.passages = splitter_.split(article.text, lines, joinable);
  for (std::size_t k = 0; keep_tokens && k < article.passages.size(); ++k) {
    article.passage_tokens.push_back(
        passage_tokens(article.text, article.passages[k], lines, kept_tokens, *analyzer_));
  }
  return article;
}

}  // namespace furet::detail
