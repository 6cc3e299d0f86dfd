// Passage fingerprints: the same words are the same text, whatever the spacing.
#include "furet/analysis/passage_fingerprint.h"

#include <gtest/gtest.h>

#include "furet/analysis/analyzer.h"

namespace furet {
namespace {

const char* const kWire =
    "Les Etats-Unis ont formellement autorisé mardi l'exportation par le géant américain Nvidia "
    "de certaines de ses puces électroniques vers la Chine, sous conditions, en application du "
    "revirement politique qu'avait annoncé début décembre Donald Trump.";

PassageFingerprint of(const std::string& text) {
  static const Analyzer analyzer;
  return fingerprint_of(analyzer.analyze(text));
}

TEST(PassageFingerprintTest, TheSameWordsAreTheSameTextWhateverTheSpacing) {
  const std::string respaced =
      "Les  États-Unis ont formellement autorisé, mardi, l’exportation par le géant américain "
      "NVIDIA de certaines de ses puces électroniques vers la Chine — sous conditions — en "
      "application du revirement politique qu'avait annoncé début décembre Donald Trump";
  EXPECT_TRUE(of(kWire).same_text_as(of(respaced)));
  EXPECT_EQ(of(kWire).words, of(respaced).words);
}

TEST(PassageFingerprintTest, AFewWordsMoreInALongPassageIsNearlyTheSame) {
  std::string longer = kWire;
  longer.replace(longer.find("Donald Trump"), 12, "le président américain Donald Trump");
  EXPECT_TRUE(of(kWire).same_text_as(of(longer)));
}

TEST(PassageFingerprintTest, OtherTextIsNotTheSame) {
  EXPECT_FALSE(of(kWire).same_text_as(
      of("Washington a donné son feu vert lundi pour que le géant américain Nvidia vende certaines "
         "de ses puces électroniques à la Chine, sous conditions, après le revirement annoncé par "
         "Donald Trump.")));
  // Half of it is another passage, not the same one.
  EXPECT_FALSE(of(kWire).same_text_as(
      of("Les Etats-Unis ont formellement autorisé mardi l'exportation par le géant américain "
         "Nvidia de certaines de ses puces électroniques vers la Chine.")));
  // A short passage is the same text only word for word.
  EXPECT_FALSE(of("Nvidia vend ses puces H20.").same_text_as(of("Nvidia vend ses puces H200.")));
  EXPECT_TRUE(of("Nvidia vend ses puces H20.").same_text_as(of("NVIDIA vend ses puces H20 !")));
  EXPECT_FALSE(of("").same_text_as(of("")));
}

TEST(PassageFingerprintTest, EncodesInEighteenBytes) {
  const PassageFingerprint f = of(kWire);
  const std::string bytes = f.encode();
  EXPECT_EQ(bytes.size(), 18u);
  const PassageFingerprint back = PassageFingerprint::decode(bytes);
  EXPECT_EQ(back.words, f.words);
  EXPECT_EQ(back.shingles, f.shingles);
  EXPECT_EQ(back.count, f.count);
  EXPECT_FALSE(PassageFingerprint::decode("").same_text_as(f));
  EXPECT_FALSE(PassageFingerprint::decode(bytes.substr(1)).same_text_as(f));
}

}  // namespace
}  // namespace furet
