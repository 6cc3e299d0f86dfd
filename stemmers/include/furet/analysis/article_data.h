// What the index stores to show an article's passages: written by the indexer,
// read by the searcher.
#ifndef FURET_ANALYSIS_ARTICLE_DATA_H_
#define FURET_ANALYSIS_ARTICLE_DATA_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "furet/export.h"

namespace furet {

/// The stored part of one article: the Xapian document data of its first
/// passage (the other passages store none). One record per article, not one
/// per passage, so the path and title are stored once and the text is
/// compressed as a whole (Xapian deflates large records).
struct ArticleData {
  /// A passage's byte range in `text`.
  struct Range {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    friend bool operator==(const Range&, const Range&) = default;
  };
  std::string path;            ///< the article's file, as the indexer named it
  std::string title;           ///< the article's title
  std::string text;            ///< the article's readable text
  std::vector<Range> passages;  ///< in order: passage n is passages[n]

  /// The text of passage `ordinal`; throws IncompatibleIndex if there is none.
  FURET_EXPORT std::string_view passage(std::uint32_t ordinal) const;

  /// Serialises to the document data format (binary, schema version 3).
  FURET_EXPORT std::string encode() const;
  /// Parses document data; throws IncompatibleIndex if it is not this format.
  FURET_EXPORT static ArticleData decode(std::string_view data);

  friend bool operator==(const ArticleData&, const ArticleData&) = default;
};

}  // namespace furet

#endif  // FURET_ANALYSIS_ARTICLE_DATA_H_
