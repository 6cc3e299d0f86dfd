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
/// A plain value: its const functions may run in several threads at once.
struct ArticleData {
  /// A passage's byte range in `text`.
  struct Range {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
  };
  /// What is known of the article besides its text; empty where unknown.
  struct Metadata {
    /// Publication date, ISO 8601: "2025-08-12", or "2025-08-12T14:05" with
    /// the time the article gives.
    std::string published;
    /// True when no date was found and the file's modification time stands in.
    bool published_from_file = false;
    std::string author;
    std::string source;    ///< the site or publisher, else the article's folder
    std::string url;       ///< canonical address
    std::string language;  ///< as the article declares it ("fr", "en-GB")
  };
  std::string path;             ///< the article's file: absolute, canonical
  std::string title;            ///< the article's title
  std::string text;             ///< the article's readable text
  std::vector<Range> passages;  ///< in order: passage n is passages[n]
  Metadata metadata;

  /// The text of passage `ordinal`, a view into `text`; its range must lie
  /// within `text`, as decode() ensures.
  /// @throws IncompatibleIndex if there is no such passage.
  FURET_EXPORT std::string_view passage(std::uint32_t ordinal) const;

  /// Serialises to the document data format (binary, schema version 4).
  /// Never throws but std::bad_alloc.
  FURET_EXPORT std::string encode() const;
  /// Parses document data, of any length and content.
  /// @throws IncompatibleIndex if it is not this format (truncated, another
  ///         version, a passage range outside the text).
  FURET_EXPORT static ArticleData decode(std::string_view data);
};

inline bool operator==(const ArticleData::Range& a, const ArticleData::Range& b) {
  return a.begin == b.begin && a.end == b.end;
}

inline bool operator==(const ArticleData::Metadata& a, const ArticleData::Metadata& b) {
  return a.published == b.published && a.published_from_file == b.published_from_file &&
         a.author == b.author && a.source == b.source && a.url == b.url && a.language == b.language;
}

inline bool operator==(const ArticleData& a, const ArticleData& b) {
  return a.path == b.path && a.title == b.title && a.text == b.text && a.passages == b.passages &&
         a.metadata == b.metadata;
}

}  // namespace furet

#endif  // FURET_ANALYSIS_ARTICLE_DATA_H_
