// How a passage meets the query: highlights, coverage, proximity, from its
// text and from the index's position lists.
#include "passage_match.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include "../test_util.h"
#include "furet/analysis/article_data.h"
#include "furet/analysis/schema.h"
#include "furet/indexer/index_writer.h"
#include "query_parser.h"

namespace furet::detail {
namespace {

Concept word(std::string term) {
  Concept c;
  c.terms = {std::move(term)};
  return c;
}

TEST(PassageMatchTest, HighlightsMatchingWordsByByteRange) {
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

TEST(PassageMatchTest, SynonymIsWeakerEvidenceThanTheWord) {
  Analyzer a;
  Concept licence = word("licenc");
  licence.synonyms = {{"licence -> autorisation", {"autoris"}}};
  EXPECT_EQ(match_passage(a.analyze("une licence"), {licence}).covered[0], 1.0);
  EXPECT_EQ(match_passage(a.analyze("une autorisation"), {licence}).covered[0], kSynonymWeight);
  EXPECT_EQ(match_passage(a.analyze("un permis"), {licence}).covered[0], 0.0);
}

TEST(PassageMatchTest, SpanMeasuresProximity) {
  Analyzer a;
  const PassageMatch near =
      match_passage(a.analyze("licence H200 accordée"), {word("licenc"), word("h200")});
  const PassageMatch far =
      match_passage(a.analyze("licence accordée hier soir par le ministère pour les H200"),
                    {word("licenc"), word("h200")});
  EXPECT_EQ(near.span, 2u);
  EXPECT_GT(far.span, near.span);
}

TEST(PassageMatchTest, PrefixesMatchWordBeginnings) {
  Analyzer a;
  Concept prefix;
  prefix.prefixes = {"autoris"};
  const PassageMatch m = match_passage(a.analyze("autorisée, autorisation, auteur"), {prefix});
  EXPECT_EQ(m.highlights.size(), 2u);
}

TEST(PassageMatchTest, CompoundHighlightCoversTheWhole) {
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

}  // namespace
}  // namespace furet::detail
