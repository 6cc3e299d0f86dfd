// Word segmentation: ICU boundaries plus thousands groups and hyphen links.
#include "segmenter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <vector>

namespace furet::detail {
namespace {

std::vector<std::string> words(std::string_view text) {
  WordSegmenter segmenter;
  std::vector<std::string> out;
  for (const Segment& s : segmenter.segment(text))
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(SegmenterTest, DropsSpacesAndPunctuation) {
  EXPECT_EQ(words("Nvidia, H20 : « oui » !"), (std::vector<std::string>{"Nvidia", "H20", "oui"}));
}

TEST(SegmenterTest, KeepsElisionInsideTheWord) {
  EXPECT_EQ(words("l’exportation"), (std::vector<std::string>{"l’exportation"}));
}

TEST(SegmenterTest, JoinsThousandsGroups) {
  EXPECT_EQ(words("les 20 000 experts"), (std::vector<std::string>{"les", "20 000", "experts"}));
  EXPECT_EQ(words("900\u00A0000 unités"), (std::vector<std::string>{"900\u00A0000", "unités"}));
  EXPECT_EQ(words("1 000 000,5"), (std::vector<std::string>{"1 000 000,5"}));
}

TEST(SegmenterTest, DoesNotJoinNumbersThatAreNotGroups) {
  EXPECT_EQ(words("2025 000"), (std::vector<std::string>{"2025", "000"}));
  EXPECT_EQ(words("15  000"), (std::vector<std::string>{"15", "000"}));  // two spaces
  EXPECT_EQ(words("20 0000"), (std::vector<std::string>{"20", "0000"}));
}

TEST(SegmenterTest, MarksHyphenLinks) {
  WordSegmenter segmenter;
  const std::vector<Segment> s = segmenter.segment("Mar-a-Lago - Chine");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_TRUE(s[0].linked_to_next);
  EXPECT_TRUE(s[1].linked_to_next);
  EXPECT_FALSE(s[2].linked_to_next) << "a spaced dash is not a compound";
}

TEST(SegmenterTest, SplitsCamelCaseAndLinksThePieces) {
  WordSegmenter segmenter;
  const std::string text = "DeepSeek spécifiqueUtilisation H20 iPhone";
  const std::vector<Segment> s = segmenter.segment(text);
  std::vector<std::string> pieces;
  for (const Segment& seg : s) pieces.push_back(text.substr(seg.begin, seg.end - seg.begin));
  EXPECT_EQ(pieces, (std::vector<std::string>{"Deep", "Seek", "spécifique", "Utilisation", "H20",
                                              "i", "Phone"}));
  EXPECT_TRUE(s[0].linked_to_next);
  EXPECT_FALSE(s[1].linked_to_next);
  EXPECT_TRUE(s[2].linked_to_next);
}

TEST(SegmenterTest, SplitsWordsJoinedByUnderscoresAndDots) {
  WordSegmenter segmenter;
  const std::string text = "qsort_r() libdemo.so.1.0.1 § 6.2.5. __init__ 4.3 2,5 1.000";
  const std::vector<Segment> s = segmenter.segment(text);
  std::vector<std::string> pieces;
  std::vector<bool> links;
  for (const Segment& seg : s) {
    pieces.push_back(text.substr(seg.begin, seg.end - seg.begin));
    links.push_back(seg.linked_to_next);
  }
  // A decimal number is one quantity; a section or version number is a list.
  EXPECT_EQ(pieces, (std::vector<std::string>{"qsort", "r", "libdemo", "so", "1", "0", "1", "6",
                                              "2", "5", "init", "4.3", "2,5", "1.000"}));
  EXPECT_EQ(links, (std::vector<bool>{true, false, true, false, true, true, false, true, true,
                                      false, false, false, false, false}));
}

// Segments as comparable values: byte range and link.
std::vector<std::tuple<std::uint32_t, std::uint32_t, bool>> spans(
    const std::vector<Segment>& segments) {
  std::vector<std::tuple<std::uint32_t, std::uint32_t, bool>> out;
  for (const Segment& s : segments) out.emplace_back(s.begin, s.end, s.linked_to_next);
  return out;
}

std::string repeated(std::string_view phrase, int times) {
  std::string text;
  for (int i = 0; i < times; ++i) text.append(phrase);
  return text;
}

// A copy has a break iterator of its own: on the same text it gives the
// original's segments, whichever is used first; and the two used at once
// from two threads still do, where a shared iterator would be moved through
// one thread's text by the other (wrong segments, or a crash).
TEST(SegmenterTest, CopiesAreIndependent) {
  const std::string first =
      repeated("Les États-Unis ont autorisé 300 000 puces H200, selon DeepSeek. ", 200);
  const std::string second = repeated("L’exportation des sous-ensembles reste interdite ; ", 200);
  WordSegmenter original;
  const auto first_spans = spans(original.segment(first));
  const auto second_spans = spans(WordSegmenter().segment(second));

  WordSegmenter copy = original;
  EXPECT_TRUE(spans(copy.segment(first)) == first_spans);
  EXPECT_TRUE(spans(copy.segment(second)) == second_spans);
  EXPECT_TRUE(spans(original.segment(first)) == first_spans);  // after the copy's use
  WordSegmenter assigned;
  assigned = copy;
  EXPECT_TRUE(spans(assigned.segment(second)) == second_spans);

  int original_mismatches = 0;
  int copy_mismatches = 0;
  std::atomic<bool> started{false};
  std::thread other([&] {
    started = true;
    for (int i = 0; i < 100; ++i)
      original_mismatches += spans(original.segment(first)) != first_spans;
  });
  while (!started) std::this_thread::yield();
  for (int i = 0; i < 100; ++i) copy_mismatches += spans(copy.segment(second)) != second_spans;
  other.join();
  EXPECT_EQ(original_mismatches, 0);
  EXPECT_EQ(copy_mismatches, 0);
}

}  // namespace
}  // namespace furet::detail
