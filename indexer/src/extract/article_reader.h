// Reading an article file: decoding, format, title, chrome and passages.
#ifndef FURET_INDEXER_SRC_EXTRACT_ARTICLE_READER_H_
#define FURET_INDEXER_SRC_EXTRACT_ARTICLE_READER_H_

#include <memory>
#include <string>
#include <string_view>

#include "extract/article.h"
#include "extract/passage_splitter.h"
#include "extract/site_template.h"
#include "furet/analysis/analyzer.h"

namespace furet::detail {

/// Why a file was not indexed: empty, binary, unsupported. Not an error: the run goes on.
struct SkipReason {
  std::string reason;
  /// The file may well hold an article but could not be read this time (too
  /// many open files, an I/O error, replaced while read): what the index
  /// holds of it is kept.
  bool transient = false;
};

/// True for the file names the indexer reads: .txt .md .markdown .html .htm (any case).
bool is_article_file(std::string_view path);

/// Tokens take about twelve times the bytes of their text: an article up to this
/// size keeps its passages' tokens from reading to writing (some 12 MB at most);
/// a longer one has its passages analysed one at a time as they are written.
constexpr std::size_t kMaxTokenisedArticleBytes = 1 << 20;

/// Turns raw file bytes into an article; `path` picks the format by its extension.
/// Throws SkipReason for a file that holds no article (empty, binary).
class ArticleReader {
 public:
  /// Reads with an Analyzer of its own.
  ArticleReader() : own_analyzer_(std::make_unique<Analyzer>()), analyzer_(own_analyzer_.get()) {}
  /// Reads with `analyzer`, which must outlive the reader: an indexer lends its
  /// own, so each spelling is analysed, and cached, once for both.
  explicit ArticleReader(const Analyzer& analyzer) : analyzer_(&analyzer) {}

  /// With `templates`, the zone lines its site's template holds are left out,
  /// unless they are all the article has.
  Article read(std::string_view path, std::string_view bytes,
               const SiteTemplates* templates = nullptr);

 private:
  std::unique_ptr<Analyzer> own_analyzer_;  // null when lent one
  const Analyzer* analyzer_;
  PassageSplitter splitter_;
};

/// The title of a plain-text article: the first of its opening lines that reads
/// like a headline, or else its first sentence, shortened.
std::string guess_title(std::string_view text, const std::vector<TextLine>& lines,
                        PassageSplitter& splitter);

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_EXTRACT_ARTICLE_READER_H_
