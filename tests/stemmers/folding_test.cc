// Folding of case, accents, ligatures and apostrophes.
#include "folding.h"

#include <gtest/gtest.h>

namespace furet::detail {
namespace {

TEST(FoldingTest, LowerKeepsAccentsFoldedDropsThem) {
  const FoldedWord w = fold("Sécurité");
  EXPECT_EQ(w.lower, "sécurité");
  EXPECT_EQ(w.folded, "securite");
}

TEST(FoldingTest, ExpandsLigaturesInBothForms) {
  EXPECT_EQ(fold("cœurs").lower, "coeurs");
  EXPECT_EQ(fold("Œuvre").folded, "oeuvre");
  EXPECT_EQ(fold("ex æquo").folded, "ex aequo");
}

TEST(FoldingTest, UnifiesApostrophes) {
  EXPECT_EQ(fold("l’IA").folded, "l'ia");
  EXPECT_EQ(fold("l‘IA").folded, "l'ia");
  EXPECT_EQ(fold("lʼIA").folded, "l'ia");
}

TEST(FoldingTest, AsciiFastPathLowercases) { EXPECT_EQ(fold("NVIDIA H20").folded, "nvidia h20"); }

TEST(FoldingTest, CompatibilityFormsAreNormalised) {
  EXPECT_EQ(fold("ﬁn").folded, "fin");  // the fi ligature
  EXPECT_EQ(fold("ÉTATS").folded, "etats");
  EXPECT_EQ(fold("Straße").folded, "strasse");
}

TEST(FoldingTest, RecognisesApostrophes) {
  EXPECT_TRUE(is_apostrophe(U'\''));
  EXPECT_TRUE(is_apostrophe(U'\u2019'));
  EXPECT_FALSE(is_apostrophe(U'"'));
}

}  // namespace
}  // namespace furet::detail
