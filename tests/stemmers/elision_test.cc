// Elision stripping on its own.
#include "elision.h"

#include <gtest/gtest.h>

namespace furet::detail {
namespace {

TEST(ElisionTest, StripsArticleBeforeTypographicApostrophe) {
  EXPECT_EQ(elided_prefix_bytes("l’autorisation"), std::string_view("l’").size());
}

TEST(ElisionTest, StripsArticleBeforeAsciiApostrophe) {
  EXPECT_EQ(elided_prefix_bytes("d'exportation"), 2u);
  EXPECT_EQ(elided_prefix_bytes("L'IA"), 2u);
}

TEST(ElisionTest, StripsLongerForms) {
  EXPECT_EQ(elided_prefix_bytes("qu’il"), std::string_view("qu’").size());
  EXPECT_EQ(elided_prefix_bytes("jusqu'à"), 6u);
  EXPECT_EQ(elided_prefix_bytes("lorsqu'on"), 7u);
  EXPECT_EQ(elided_prefix_bytes("Puisqu’elle"), std::string_view("Puisqu’").size());
}

TEST(ElisionTest, KeepsWordsThatOnlyContainAnApostrophe) {
  EXPECT_EQ(elided_prefix_bytes("aujourd'hui"), 0u);
  EXPECT_EQ(elided_prefix_bytes("prud’hommes"), 0u);
  EXPECT_EQ(elided_prefix_bytes("autorisation"), 0u);
}

TEST(ElisionTest, KeepsABareElidedForm) {
  EXPECT_EQ(elided_prefix_bytes("l'"), 0u);
  EXPECT_EQ(elided_prefix_bytes(""), 0u);
}

}  // namespace
}  // namespace furet::detail
