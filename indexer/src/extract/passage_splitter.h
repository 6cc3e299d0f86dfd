// Splitting an article's text into passages of a few whole sentences.
#ifndef FURET_INDEXER_SRC_EXTRACT_PASSAGE_SPLITTER_H_
#define FURET_INDEXER_SRC_EXTRACT_PASSAGE_SPLITTER_H_

#include <unicode/brkiter.h>

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "extract/article.h"

namespace furet::detail {

/// A line of the text that belongs to the article: [begin, end) without the
/// surrounding white space.
struct TextLine {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// Cuts paragraphs (one per line) into passages aligned to sentences.
///
/// A passage never crosses a line that was left out (chrome) and never exceeds
/// kMaxPassageBytes. A paragraph longer than that is cut at sentence ends into
/// passages of about equal size; a sentence longer than that at a space. Lines
/// shorter than kMinPassageBytes (headings, list items, table rows) are joined to
/// the lines that follow them, so a heading travels with the text it introduces.
class PassageSplitter {
 public:
  static constexpr std::uint32_t kMaxPassageBytes = 800;
  static constexpr std::uint32_t kMinPassageBytes = 200;

  PassageSplitter();
  PassageSplitter(const PassageSplitter& other);
  ~PassageSplitter();

  /// Passages of `text`, whose article lines are `lines` (in text order, with
  /// `joinable[i]` false where a removed line separates line i from line i + 1).
  std::vector<PassageRange> split(std::string_view text, const std::vector<TextLine>& lines,
                                  const std::vector<bool>& joinable);

  /// Sentence ranges within [begin, end) of `text`.
  std::vector<PassageRange> sentences(std::string_view text, std::uint32_t begin,
                                      std::uint32_t end);

 private:
  std::unique_ptr<icu::BreakIterator> sentences_;
};

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_EXTRACT_PASSAGE_SPLITTER_H_
