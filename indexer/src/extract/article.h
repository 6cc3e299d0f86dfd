// An article as the indexer sees it: its text, title and passages.
#ifndef FURET_INDEXER_SRC_EXTRACT_ARTICLE_H_
#define FURET_INDEXER_SRC_EXTRACT_ARTICLE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "furet/analysis/article_data.h"
#include "furet/analysis/token.h"

namespace furet::detail {

/// A passage: a few consecutive sentences, a byte range of Article::text (as
/// the index stores it).
using PassageRange = ArticleData::Range;

/// An article read from a file. `text` is its readable text as UTF-8 (for .txt
/// files, the file itself once decoded); passages and their byte ranges refer to it.
struct Article {
  std::string title;
  std::string text;
  /// Date, author, source, address and language, where the file says them.
  ArticleData::Metadata metadata;
  std::vector<PassageRange> passages;
  /// The analysis of each passage's text, as Analyzer::analyze gives it; empty
  /// for an article too long to hold all its tokens at once.
  std::vector<std::vector<Token>> passage_tokens;
  std::vector<std::string> warnings;  ///< caveats for the report, without the path
  /// The zone lines of its text (site_template.h), each once, as the index
  /// counts them per site; and those of them its site's template holds.
  std::vector<std::uint64_t> zone_lines;
  std::vector<std::uint64_t> template_lines;
};

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_EXTRACT_ARTICLE_H_
