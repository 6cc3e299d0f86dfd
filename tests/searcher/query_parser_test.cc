// The query syntax, and its forgiveness.
#include "query_parser.h"

#include <gtest/gtest.h>

namespace furet::detail {
namespace {

using Kind = QueryPart::Kind;

TEST(QueryParserTest, PlainWordsAreOneRunWithTheirSpacing) {
  const ParsedQuery q = parse_query("combien de  300 000 H20");
  ASSERT_EQ(q.parts.size(), 1u);
  EXPECT_EQ(q.parts[0], (QueryPart{Kind::kText, "combien de  300 000 H20", false}));
  EXPECT_TRUE(q.warnings.empty());
}

TEST(QueryParserTest, PhraseAndExclusion) {
  const ParsedQuery q = parse_query("\"sécurité nationale\" -experts");
  ASSERT_EQ(q.parts.size(), 2u);
  EXPECT_EQ(q.parts[0], (QueryPart{Kind::kPhrase, "sécurité nationale", false}));
  EXPECT_EQ(q.parts[1], (QueryPart{Kind::kText, "experts", true}));
}

TEST(QueryParserTest, ExcludedPhrase) {
  const ParsedQuery q = parse_query("puces -\"H20 AI\"");
  ASSERT_EQ(q.parts.size(), 2u);
  EXPECT_EQ(q.parts[1], (QueryPart{Kind::kPhrase, "H20 AI", true}));
}

TEST(QueryParserTest, FrenchAndCurlyQuotesMakePhrases) {
  EXPECT_EQ(parse_query("« America First »").parts[0].kind, Kind::kPhrase);
  EXPECT_EQ(parse_query("“America First”").parts[0].text, "America First");
}

TEST(QueryParserTest, OrSplitsRuns) {
  const ParsedQuery q = parse_query("H20 OR H200 licence");
  ASSERT_EQ(q.parts.size(), 3u);
  EXPECT_EQ(q.parts[0].text, "H20");
  EXPECT_EQ(q.parts[1].kind, Kind::kOr);
  EXPECT_EQ(q.parts[2].text, "H200 licence");
}

TEST(QueryParserTest, LowercaseOrIsAWord) {
  EXPECT_EQ(parse_query("H20 or H200").parts.size(), 1u);
}

TEST(QueryParserTest, DanglingOrIsDropped) {
  const ParsedQuery q = parse_query("OR puces OR");
  ASSERT_EQ(q.parts.size(), 1u);
  EXPECT_EQ(q.parts[0].text, "puces");
}

TEST(QueryParserTest, Prefix) {
  const ParsedQuery q = parse_query("autoris* Chine");
  ASSERT_EQ(q.parts.size(), 2u);
  EXPECT_EQ(q.parts[0], (QueryPart{Kind::kPrefix, "autoris", false}));
}

TEST(QueryParserTest, HyphenInsideAWordIsNoExclusion) {
  const ParsedQuery q = parse_query("Mar-a-Lago");
  ASSERT_EQ(q.parts.size(), 1u);
  EXPECT_FALSE(q.parts[0].excluded);
}

TEST(QueryParserTest, UnbalancedQuoteFallsBackToWords) {
  const ParsedQuery q = parse_query("\"sécurité nationale");
  ASSERT_EQ(q.parts.size(), 1u);
  EXPECT_EQ(q.parts[0], (QueryPart{Kind::kText, "sécurité nationale", false}));
  EXPECT_EQ(q.warnings.size(), 1u);
}

TEST(QueryParserTest, LoneStarAndBracketsAreWarnedAbout) {
  const ParsedQuery q = parse_query("* (puces H20)");
  ASSERT_EQ(q.parts.size(), 1u);
  EXPECT_EQ(q.parts[0].text, "puces H20");
  EXPECT_EQ(q.warnings.size(), 2u);
}

TEST(QueryParserTest, EmptyQueryHasNoParts) {
  EXPECT_TRUE(parse_query("").parts.empty());
  EXPECT_TRUE(parse_query("   ").parts.empty());
}

}  // namespace
}  // namespace furet::detail
