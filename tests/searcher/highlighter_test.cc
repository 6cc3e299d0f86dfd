// Highlights, coverage and proximity of a passage.
#include "highlighter.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdlib>
#include <stdexcept>

#include "../test_util.h"
#include "furet/analysis/article_data.h"
#include "furet/analysis/schema.h"
#include "furet/indexer/index_writer.h"
#include "query_parser.h"
#include "ranker.h"
#include "tunable.h"

namespace furet::detail {
namespace {

Concept word(std::string term) {
  Concept c;
  c.terms = {std::move(term)};
  return c;
}

TEST(HighlighterTest, HighlightsMatchingWordsByByteRange) {
  Analyzer a;
  const std::string text = "L’autorisation de vente des H200 en Chine";
  const PassageMatch m = match_passage(a.analyze(text), {word("autoris"), word("h200")});
  ASSERT_EQ(m.highlights.size(), 2u);
  EXPECT_EQ(text.substr(m.highlights[0].begin, m.highlights[0].end - m.highlights[0].begin),
            "autorisation");
  EXPECT_EQ(text.substr(m.highlights[1].begin, m.highlights[1].end - m.highlights[1].begin),
            "H200");
  EXPECT_EQ(m.covered, (std::vector<double>{1.0, 1.0}));
}

TEST(HighlighterTest, SynonymIsWeakerEvidenceThanTheWord) {
  Analyzer a;
  Concept licence = word("licenc");
  licence.synonyms = {{"licence -> autorisation", {"autoris"}}};
  EXPECT_EQ(match_passage(a.analyze("une licence"), {licence}).covered[0], 1.0);
  EXPECT_EQ(match_passage(a.analyze("une autorisation"), {licence}).covered[0], kSynonymWeight);
  EXPECT_EQ(match_passage(a.analyze("un permis"), {licence}).covered[0], 0.0);
}

TEST(HighlighterTest, SpanMeasuresProximity) {
  Analyzer a;
  const PassageMatch near =
      match_passage(a.analyze("licence H200 accordée"), {word("licenc"), word("h200")});
  const PassageMatch far =
      match_passage(a.analyze("licence accordée hier soir par le ministère pour les H200"),
                    {word("licenc"), word("h200")});
  EXPECT_EQ(near.span, 2u);
  EXPECT_GT(far.span, near.span);
}

TEST(HighlighterTest, PrefixesMatchWordBeginnings) {
  Analyzer a;
  Concept prefix;
  prefix.prefixes = {"autoris"};
  const PassageMatch m = match_passage(a.analyze("autorisée, autorisation, auteur"), {prefix});
  EXPECT_EQ(m.highlights.size(), 2u);
}

TEST(HighlighterTest, CompoundHighlightCoversTheWhole) {
  Analyzer a;
  const std::string text = "les États-Unis";
  Concept c;
  c.terms = {a.analyze("États-Unis").back().term};
  const PassageMatch m = match_passage(a.analyze(text), {c});
  ASSERT_EQ(m.highlights.size(), 1u);
  EXPECT_EQ(text.substr(m.highlights[0].begin), "États-Unis");
}

// Candidates are matched from position lists, shown hits from their text: both
// must see the same coverage, synonyms and span, for every passage of the corpus
// (a prefix expands to fewer than 64 terms here, so to all the words it begins).
TEST(QueryTermsTest, PositionListsAgreeWithTheAnalysedText) {
  furet::testing::TempDir dir;
  IndexWriter(dir / "index").update({furet::testing::corpus_dir()});
  const Xapian::Database db(dir / "index");
  Analyzer a;
  const Thesaurus& thesaurus = Thesaurus::builtin(a);
  std::vector<Xapian::docid> dids;
  std::vector<std::pair<std::string, std::string>> texts;  // (title, passage) of each
  ArticleData article;  // an article's first passage, which holds its data, comes first
  for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
    const Xapian::Document doc = db.get_document(*d);
    if (!doc.get_data().empty()) article = ArticleData::decode(doc.get_data());
    const auto ordinal = Xapian::sortable_unserialise(doc.get_value(schema::kPassageOrdinalSlot));
    dids.push_back(*d);
    texts.emplace_back(article.title, article.passage(static_cast<std::uint32_t>(ordinal)));
  }
  for (const char* query : {"licence H200", "\"sécurité nationale\" Chine", "puces OR GPU",
                            "États-Unis export*", "Quelles puces sont interdites ?"}) {
    const BuiltQuery built = build_query(parse_query(query), a, db, &thesaurus);
    const std::vector<PassageMatch> indexed = QueryTerms(built.concepts).match(db, dids);
    for (std::size_t i = 0; i < dids.size(); ++i) {
      const auto& [title, text] = texts[i];
      const PassageMatch read = match_passage(a.analyze(text), built.concepts, a.analyze(title));
      const std::string where = std::string(query) + " / passage " + std::to_string(dids[i]);
      EXPECT_EQ(indexed[i].covered, read.covered) << where;
      EXPECT_EQ(indexed[i].in_title, read.in_title) << where;
      EXPECT_EQ(indexed[i].span, read.span) << where;
      EXPECT_EQ(indexed[i].synonyms_used, read.synonyms_used) << where;
    }
  }
}

// A candidate of BM25 weight 1 in `article`, holding each concept as `covered`
// says, and finding in its article's title those `in_title` marks.
Candidate candidate(std::string article, std::vector<double> covered, std::vector<bool> in_title) {
  Candidate c;
  c.bm25 = 1;
  c.article = std::move(article);
  c.match.covered = std::move(covered);
  c.match.in_title = std::move(in_title);
  return c;
}

// Two concepts of equal weight.
std::vector<Concept> two_concepts() {
  std::vector<Concept> concepts(2);
  for (Concept& c : concepts) c.idf = 1;
  return concepts;
}

// A word of the article's title counts for a passage without it, but less than
// the word in the passage itself.
TEST(RankerTest, TitleWordCoversItsConceptLessThanThePassage) {
  const std::vector<Concept> concepts = two_concepts();
  const std::vector<ScoreParts> scores = score_candidates(
      {candidate("a", {1, 0}, {false, false}), candidate("b", {1, 0}, {false, true}),
       candidate("c", {1, 1}, {false, false})},
      concepts);
  EXPECT_LT(scores[0].coverage, scores[1].coverage);
  EXPECT_LT(scores[1].coverage, scores[2].coverage);
  EXPECT_LT(scores[0].total, scores[1].total);
}

// The same mention scores in proportion to its article's share of the query: in
// an article whose other passages hold the rest of the query it counts whole, in
// one that holds nothing else it keeps only its own share.
TEST(RankerTest, AMentionScalesWithItsArticlesShareOfTheQuery) {
  const std::vector<ScoreParts> scores = score_candidates(
      {candidate("about", {1, 0}, {false, false}), candidate("about", {0, 1}, {false, false}),
       candidate("stray", {1, 0}, {false, false})},
      two_concepts());
  EXPECT_DOUBLE_EQ(scores[0].article, 1);
  EXPECT_DOUBLE_EQ(scores[2].article, 0.5);
  EXPECT_DOUBLE_EQ(scores[2].total, scores[0].total * 0.5);
}

// The ranking constants are fixed unless the build is made for tuning them.
TEST(RankerTest, OnlyATuningBuildTakesConstantsFromTheEnvironment) {
  ::setenv("FURET_TUNE_TEST_CONSTANT", "9", 1);
#ifdef FURET_RANKING_TUNING
  EXPECT_EQ(tunable("TEST_CONSTANT", 1.5), 9);
  ::setenv("FURET_TUNE_TEST_CONSTANT", "9x", 1);
  EXPECT_THROW(tunable("TEST_CONSTANT", 1.5), std::invalid_argument);
#else
  EXPECT_EQ(tunable("TEST_CONSTANT", 1.5), 1.5);
#endif
  ::unsetenv("FURET_TUNE_TEST_CONSTANT");
}

}  // namespace
}  // namespace furet::detail
