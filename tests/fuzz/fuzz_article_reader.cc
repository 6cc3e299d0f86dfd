// libFuzzer target: arbitrary file bytes as .txt, .md or .html through ArticleReader::read.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/article_reader.h"
#include "extract/passage_splitter.h"
#include "fuzz_check.h"

namespace {

// The first byte picks the format, so one corpus covers the three parsers and a mutation can
// move an input from one to another; '0', '1' and '2' (make_seeds.sh) give .txt, .md, .html.
constexpr std::string_view kPaths[] = {"fuzz.txt", "fuzz.md", "fuzz.html"};

void check_article(const furet::detail::Article& article, const furet::Analyzer& analyzer) {
  // Everything downstream (analysis, passages stored in the index, JSON output) takes the
  // text as UTF-8: the decoder must have converted or replaced every byte.
  FUZZ_CHECK(furet::fuzz::is_valid_utf8(article.text));
  FUZZ_CHECK(furet::fuzz::is_valid_utf8(article.title));
  FUZZ_CHECK(!article.passages.empty());  // read() throws SkipReason rather than return none
  std::uint32_t last_end = 0;
  for (const furet::detail::PassageRange& p : article.passages) {
    FUZZ_CHECK(p.begin < p.end);
    FUZZ_CHECK(p.end <= article.text.size());
    FUZZ_CHECK(p.begin >= last_end);  // in text order, never overlapping
    FUZZ_CHECK(p.end - p.begin <= furet::detail::PassageSplitter::kMaxPassageBytes);
    // A passage is shown and stored on its own: it must not cut a character in two.
    FUZZ_CHECK(furet::fuzz::on_char_boundary(article.text, p.begin));
    FUZZ_CHECK(furet::fuzz::on_char_boundary(article.text, p.end));
    last_end = p.end;
  }
  // Most passages are given their lines' tokens rather than analysed again:
  // whatever the text, those must be the passage's own analysis.
  if (article.text.size() > furet::detail::kMaxTokenisedArticleBytes) {
    FUZZ_CHECK(article.passage_tokens.empty());  // analysed one passage at a time, when written
    return;
  }
  FUZZ_CHECK(article.passage_tokens.size() == article.passages.size());
  for (std::size_t k = 0; k < article.passages.size(); ++k) {
    const furet::detail::PassageRange& p = article.passages[k];
    FUZZ_CHECK(article.passage_tokens[k] ==
               analyzer.analyze(std::string_view(article.text).substr(p.begin, p.end - p.begin)));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view path = kPaths[data[0] % 3];
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);

  // One reader for the run, as furet-index keeps one: its ICU iterators are costly to build.
  static const furet::Analyzer analyzer;
  static furet::detail::ArticleReader reader(analyzer);
  furet::detail::Article article;
  try {
    article = reader.read(path, bytes);
  } catch (const furet::detail::SkipReason& skip) {
    FUZZ_CHECK(!skip.reason.empty());  // it is shown to the user as the reason
    return 0;
  }
  check_article(article, analyzer);
  return 0;
}
