// From file bytes to an Article: decode, extract, drop chrome, find the title, cut passages.
#include "article_reader.h"

#include <algorithm>

#include "chrome_filter.h"
#include "html_article.h"
#include "markdown_text.h"
#include "text_decoder.h"

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
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Non-empty lines, trimmed; a UTF-8 no-break space at either end counts as blank too.
std::vector<TextLine> split_lines(std::string_view text) {
  std::vector<TextLine> lines;
  std::uint32_t begin = 0;
  const auto size = static_cast<std::uint32_t>(text.size());
  while (begin <= size) {
    std::uint32_t end = begin;
    while (end < size && text[end] != '\n') ++end;
    TextLine line{begin, end};
    for (bool trimmed = true; trimmed && line.begin < line.end;) {
      trimmed = false;
      if (is_blank(text[line.begin])) {
        ++line.begin;
        trimmed = true;
      } else if (text.substr(line.begin, 2) == "\u00A0") {
        line.begin += 2;
        trimmed = true;
      }
      if (line.begin < line.end && is_blank(text[line.end - 1])) {
        --line.end;
        trimmed = true;
      } else if (line.end - line.begin >= 2 && text.substr(line.end - 2, 2) == "\u00A0") {
        line.end -= 2;
        trimmed = true;
      }
    }
    if (line.end > line.begin) lines.push_back(line);
    begin = end + 1;
  }
  return lines;
}

std::size_t word_count(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool blank = c == ' ' || c == '\t';
    words += !blank && !in_word;
    in_word = !blank;
  }
  return words;
}

// A headline: a few words, not a sentence that ends with a full stop.
bool reads_like_headline(std::string_view line) {
  return line.size() >= kMinTitleBytes && line.size() <= kMaxTitleBytes && word_count(line) >= 3 &&
         line.back() != '.' && line.back() != ':';
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

Article ArticleReader::read(std::string_view path, std::string_view bytes) {
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
  if (html) {
    HtmlArticle page = extract_html_article(decoded.utf8);
    article.title = std::move(page.metadata.title);
    article.text = std::move(page.text);
  } else if (ext == "md" || ext == "markdown") {
    ExtractedText extracted = markdown_to_text(decoded.utf8);
    article.title = std::move(extracted.title);
    article.text = std::move(extracted.text);
  } else {
    article.text = std::move(decoded.utf8);
  }

  const std::vector<TextLine> all_lines = split_lines(article.text);
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

  std::vector<TextLine> lines;
  std::vector<std::vector<Token>> kept_tokens;
  std::vector<bool> joinable;
  for (std::size_t i = 0; i < all_lines.size(); ++i) {
    if (chrome[i]) {
      if (!joinable.empty()) joinable.back() = false;  // never join across chrome
      continue;
    }
    lines.push_back(all_lines[i]);
    if (keep_tokens) kept_tokens.push_back(std::move(line_tokens[i]));
    joinable.push_back(true);
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
