// What a passage document stores for display: written by the indexer, read by the searcher.
#ifndef FURET_ANALYSIS_PASSAGE_DATA_H_
#define FURET_ANALYSIS_PASSAGE_DATA_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "furet/export.h"

namespace furet {

/// The stored part of one passage (the Xapian document data).
struct PassageData {
  std::string path;         ///< the article's file, as the indexer named it
  std::string title;        ///< the article's title
  std::string text;         ///< the passage itself
  std::uint32_t begin = 0;  ///< byte range of `text` in the article's text
  std::uint32_t end = 0;
  std::uint32_t ordinal = 0;  ///< 0 for the article's first passage, then 1, 2, ...

  /// Serialises to the document data format (JSON, schema version 1).
  FURET_EXPORT std::string encode() const;
  /// Parses document data; throws IncompatibleIndex if it is not this format.
  FURET_EXPORT static PassageData decode(std::string_view data);
};

inline bool operator==(const PassageData& a, const PassageData& b) {
  return a.path == b.path && a.title == b.title && a.text == b.text && a.begin == b.begin &&
         a.end == b.end && a.ordinal == b.ordinal;
}

}  // namespace furet

#endif  // FURET_ANALYSIS_PASSAGE_DATA_H_
