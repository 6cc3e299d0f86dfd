// Word segmentation with ICU, on the UTF-8 text itself so offsets are byte offsets.
#ifndef FURET_STEMMERS_SRC_SEGMENTER_H_
#define FURET_STEMMERS_SRC_SEGMENTER_H_

#include <unicode/brkiter.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace furet::detail {

/// A run of word characters in the original text.
struct Segment {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  /// It forms a compound with the next segment: only a hyphen separates them
  /// ("États-Unis"), a capital follows a small letter inside one word
  /// ("DeepSeek", or table cells glued by extraction: "spécifiqueUtilisation"),
  /// or an underscore or a dot joins them ("qsort_r", "6.2.5"; not "4.3").
  bool linked_to_next = false;
};

/// Bytes of the space French typography puts inside or after a number that
/// `text` starts with ("300 000", "75 %"): a space, no-break, narrow no-break,
/// thin or figure space; 0 if it starts with none.
std::size_t number_space_bytes(std::string_view text);

/// Splits text into word segments at ICU word boundaries (locale fr), dropping
/// spaces and punctuation, joining French thousands groups ("300 000" with a
/// space, NBSP, narrow NBSP or thin space) into one segment, and splitting words
/// at a small-to-capital letter change and at inner underscores and dots but
/// a decimal number's (linked, so the whole is kept too).
class WordSegmenter {
 public:
  WordSegmenter();
  WordSegmenter(const WordSegmenter& other);
  WordSegmenter& operator=(const WordSegmenter& other);
  ~WordSegmenter();

  /// Segments of `text` in order. Invalid UTF-8 is read as U+FFFD.
  std::vector<Segment> segment(std::string_view text);

 private:
  std::unique_ptr<icu::BreakIterator> words_;
};

}  // namespace furet::detail

#endif  // FURET_STEMMERS_SRC_SEGMENTER_H_
