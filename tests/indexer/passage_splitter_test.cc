// Passages: whole sentences, bounded size, headings kept with their text.
#include "extract/passage_splitter.h"

#include <gtest/gtest.h>

#include <string>

namespace furet::detail {
namespace {

std::vector<TextLine> lines_of(const std::string& text) {
  std::vector<TextLine> lines;
  std::uint32_t begin = 0;
  for (std::uint32_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      if (i > begin) lines.push_back({begin, i});
      begin = i + 1;
    }
  }
  return lines;
}

std::vector<std::string> split(const std::string& text) {
  PassageSplitter splitter;
  const std::vector<TextLine> lines = lines_of(text);
  std::vector<std::string> out;
  for (const PassageRange& p : splitter.split(text, lines, std::vector<bool>(lines.size(), true))) {
    out.push_back(text.substr(p.begin, p.end - p.begin));
  }
  return out;
}

const std::string kSentence =
    "La capacité de calcul des H200 est plus de six fois supérieure à celle des H20, selon un "
    "rapport du groupe de réflexion Institute for Progress. ";

TEST(PassageSplitterTest, ShortParagraphIsOnePassage) {
  EXPECT_EQ(split("Zhipu AI a décrit son outil comme un modèle de pointe."),
            (std::vector<std::string>{"Zhipu AI a décrit son outil comme un modèle de pointe."}));
}

TEST(PassageSplitterTest, HeadingJoinsTheParagraphAfterIt) {
  const std::string text = "Le cas DeepSeek\n" + kSentence + kSentence;
  const std::vector<std::string> passages = split(text);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(passages[0].rfind("Le cas DeepSeek\n", 0), 0u);
}

TEST(PassageSplitterTest, LongParagraphIsCutAtSentenceEnds) {
  std::string paragraph;
  for (int i = 0; i < 12; ++i) paragraph += kSentence;
  const std::vector<std::string> passages = split(paragraph);
  ASSERT_GT(passages.size(), 1u);
  for (const std::string& p : passages) {
    EXPECT_LE(p.size(), PassageSplitter::kMaxPassageBytes);
    EXPECT_EQ(p.back(), '.') << "each passage ends with a whole sentence";
    EXPECT_EQ(p.rfind("La capacité", 0), 0u);
  }
}

TEST(PassageSplitterTest, AbbreviationIsNoSentenceEnd) {
  PassageSplitter splitter;
  const std::string text = "M. Huang a rencontré le président. Il a ensuite parlé.";
  const std::vector<PassageRange> s =
      splitter.sentences(text, 0, static_cast<std::uint32_t>(text.size()));
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(text.substr(s[0].begin, s[0].end - s[0].begin), "M. Huang a rencontré le président.");
}

TEST(PassageSplitterTest, OverlongSentenceIsCutAtSpaces) {
  std::string sentence;
  while (sentence.size() < 3000) sentence += "puces ";
  const std::vector<std::string> passages = split(sentence);
  ASSERT_GE(passages.size(), 4u);
  for (const std::string& p : passages) {
    EXPECT_LE(p.size(), PassageSplitter::kMaxPassageBytes);
    EXPECT_NE(p.front(), ' ');
  }
}

TEST(PassageSplitterTest, NeverJoinsAcrossRemovedLines) {
  PassageSplitter splitter;
  const std::string text = "Titre court\nUne autre ligne courte.";
  const std::vector<TextLine> lines = lines_of(text);
  EXPECT_EQ(splitter.split(text, lines, {false, true}).size(), 2u);
  EXPECT_EQ(splitter.split(text, lines, {true, true}).size(), 1u);
}

}  // namespace
}  // namespace furet::detail
