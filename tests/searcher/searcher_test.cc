// Searching the corpus through the library: the answers a French reader expects.
#include "furet/searcher.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <cctype>
#include <filesystem>
#include <optional>
#include <regex>
#include <set>

#include "../test_util.h"
#include "furet/analysis/schema.h"
#include "furet/indexer/index_writer.h"

namespace furet {
namespace {

using furet::testing::TempDir;

class SearcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    IndexWriter writer(index());
    writer.update({furet::testing::corpus_dir()});
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string index() { return *dir_ / "index"; }

  std::vector<Hit> search(const std::string& query, SearchOptions options = {}) {
    Searcher searcher(index());
    return searcher.search(query, options).hits;
  }

  static TempDir* dir_;
};

TempDir* SearcherTest::dir_ = nullptr;

// Options with a limit and a cap per article, the other fields as default.
SearchOptions limited(std::size_t limit, std::size_t per_article = 0) {
  SearchOptions options;
  options.limit = limit;
  options.per_article = per_article;
  return options;
}

bool any_passage_has(const std::vector<Hit>& hits, const std::string& text) {
  for (const Hit& h : hits) {
    if (h.passage.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST_F(SearcherTest, LicenceH200FindsTheAfpArticleFirst) {
  const std::vector<Hit> hits = search("licence H200");
  ASSERT_FALSE(hits.empty());
  EXPECT_NE(hits[0].path.find("004_a22323992858b2dd"), std::string::npos) << hits[0].passage;
  EXPECT_EQ(hits[0].rank, 1u);
}

TEST_F(SearcherTest, ElidedQueryFindsTheWord) {
  const std::vector<Hit> hits = search("l'autorisation");
  ASSERT_FALSE(hits.empty());
  EXPECT_TRUE(any_passage_has(hits, "l’autorisation d’exportation"));
}

TEST_F(SearcherTest, UnaccentedQueryFindsAccentedText) {
  const std::vector<Hit> hits = search("securite nationale");
  ASSERT_FALSE(hits.empty());
  EXPECT_NE(hits[0].passage.find("sécurité nationale"), std::string::npos) << hits[0].passage;
}

TEST_F(SearcherTest, LigatureQueryFindsCoeurs) {
  EXPECT_TRUE(any_passage_has(search("coeurs"), "nombre de cœurs réduit"));
}

TEST_F(SearcherTest, JoinedNumberFindsSpacedNumber) {
  const std::vector<Hit> hits = search("50000 GPU");
  ASSERT_FALSE(hits.empty());
  EXPECT_NE(hits[0].passage.find("50 000 GPU"), std::string::npos) << hits[0].passage;
}

TEST_F(SearcherTest, H20NeverFindsH200) {
  const std::regex h20("H20(?![0-9])", std::regex::icase);
  const std::vector<Hit> hits = search("H20", limited(50));
  ASSERT_FALSE(hits.empty());
  for (const Hit& h : hits) {
    EXPECT_TRUE(std::regex_search(h.passage, h20) || std::regex_search(h.title, h20)) << h.passage;
  }
  const std::regex h200("H200", std::regex::icase);
  for (const Hit& h : search("H200", limited(50))) {
    EXPECT_TRUE(std::regex_search(h.passage, h200) || std::regex_search(h.title, h200))
        << h.passage;
  }
}

TEST_F(SearcherTest, PhraseWithExclusion) {
  const std::vector<Hit> hits = search("\"sécurité nationale\" -experts");
  ASSERT_FALSE(hits.empty());
  for (const Hit& h : hits) {
    EXPECT_EQ(h.passage.find("experts"), std::string::npos) << h.passage;
    EXPECT_NE(h.passage.find("sécurité nationale"), std::string::npos) << h.passage;
  }
}

TEST_F(SearcherTest, OrFindsEither) {
  const std::vector<Hit> hits = search("Zhipu OR Qwen", limited(20));
  EXPECT_TRUE(any_passage_has(hits, "Zhipu"));
  EXPECT_TRUE(any_passage_has(hits, "Qwen"));
}

TEST_F(SearcherTest, PrefixFindsWordBeginnings) {
  EXPECT_TRUE(any_passage_has(search("géolocalis*"), "géolocalisation"));
}

TEST_F(SearcherTest, HighlightsPointAtQueryWords) {
  SearchOptions without_synonyms;
  without_synonyms.synonyms = false;
  const std::vector<Hit> hits = search("licence H200", without_synonyms);
  ASSERT_FALSE(hits.empty());
  ASSERT_FALSE(hits[0].highlights.empty());
  for (const HighlightRange& h : hits[0].highlights) {
    const std::string word = hits[0].passage.substr(h.begin, h.end - h.begin);
    EXPECT_TRUE(word == "H200" || word.find("licence") != std::string::npos) << word;
  }
}

TEST_F(SearcherTest, ThesaurusSynonymsAreFoundAndHighlighted) {
  const std::vector<Hit> hits = search("licence H200");
  ASSERT_FALSE(hits.empty());
  EXPECT_NE(hits[0].passage.find("L’autorisation de vente des H200"), std::string::npos)
      << hits[0].passage;
  bool synonym_highlighted = false;
  for (const HighlightRange& h : hits[0].highlights) {
    synonym_highlighted |= hits[0].passage.substr(h.begin, h.end - h.begin) == "autorisation";
  }
  EXPECT_TRUE(synonym_highlighted);
}

TEST_F(SearcherTest, OwnThesaurusReplacesTheBuiltInOne) {
  TempDir dir;
  furet::testing::write_file(dir / "t.txt", "# test\nQwen, Zhipu\n");
  Searcher searcher(index());
  searcher.load_thesaurus(dir / "t.txt");
  EXPECT_TRUE(any_passage_has(searcher.search("Qwen", limited(20)).hits, "Zhipu AI"));
  EXPECT_THROW(searcher.load_thesaurus(dir / "missing.txt"), IoError);
}

TEST_F(SearcherTest, PassageRangePointsIntoTheArticle) {
  const std::vector<Hit> hits = search("Mar-a-Lago");
  ASSERT_FALSE(hits.empty());
  const std::string article = furet::testing::read_file(hits[0].path);
  EXPECT_EQ(article.substr(hits[0].begin, hits[0].end - hits[0].begin), hits[0].passage);
}

TEST_F(SearcherTest, AHitsArticleIsReadByItsId) {
  Searcher searcher(index());
  const std::vector<Hit> hits = searcher.search("licence H200").hits;
  ASSERT_FALSE(hits.empty());
  const std::optional<Article> article = searcher.article(hits[0].article_id);
  ASSERT_TRUE(article.has_value());
  EXPECT_EQ(article->id, hits[0].article_id);
  EXPECT_EQ(article->path, hits[0].path);
  EXPECT_EQ(article->title, hits[0].title);
  EXPECT_EQ(article->source, hits[0].source);
  EXPECT_EQ(article->text.substr(hits[0].begin, hits[0].end - hits[0].begin), hits[0].passage);
  // Upper-case digits are the same id; an id the index lacks is nothing.
  std::string upper = hits[0].article_id;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(searcher.article(upper)->path, article->path);
  EXPECT_FALSE(searcher.article("0123456789abcdef").has_value());
  for (const char* bad : {"", "xyz", "0123456789abcdeg", "0123456789abcdef0", "../etc/passwd"}) {
    EXPECT_THROW(searcher.article(bad), InvalidArgument) << bad;
  }
}

TEST_F(SearcherTest, PerArticleCapHolds) {
  const std::vector<Hit> hits = search("Nvidia", limited(10, 1));
  std::set<std::string> paths;
  for (const Hit& h : hits) EXPECT_TRUE(paths.insert(h.path).second) << h.path;
}

TEST_F(SearcherTest, EmptyAndStopwordOnlyQueriesAreHandled) {
  EXPECT_TRUE(search("").empty());
  EXPECT_TRUE(search("   ").empty());
  EXPECT_NO_THROW(search("le la les de"));
  EXPECT_TRUE(search("-experts").empty());
}

TEST_F(SearcherTest, PhraseWithAStopwordSpansItsGap) {
  // The index leaves "de" out; the phrase still wants "centres" two words before "données".
  const std::vector<Hit> hits = search("\"centres de données\"");
  ASSERT_FALSE(hits.empty());
  EXPECT_NE(hits[0].passage.find("centres de données"), std::string::npos);
  Searcher searcher(index());
  const SearchResult stopwords = searcher.search("le la les de");
  EXPECT_TRUE(stopwords.hits.empty());
  ASSERT_EQ(stopwords.warnings.size(), 1u);
  EXPECT_NE(stopwords.warnings[0].find("common words"), std::string::npos);
}

// A word that matches nothing is replaced by its correction: as typed, it
// could only find nothing.
TEST_F(SearcherTest, AWordThatMatchesNothingIsCorrectedFromTheIndexVocabulary) {
  Searcher searcher(index());
  const SearchResult result = searcher.search("Nvidea exportation");
  EXPECT_EQ(result.corrected_query, "Nvidia exportation");
  EXPECT_TRUE(result.suggested_query.empty());
  ASSERT_FALSE(result.hits.empty());
  EXPECT_TRUE(any_passage_has(result.hits, "Nvidia"));
}

// A passage matches by its own words: every passage of an article whose
// title holds the word used to match too.
TEST_F(SearcherTest, EveryHitHoldsAQueryWord) {
  SearchOptions all = limited(1000);
  all.candidates = 1000;
  for (const char* query : {"Nvidia", "Lutnick", "exportation Chine"}) {
    const std::vector<Hit> hits = search(query, all);
    ASSERT_FALSE(hits.empty()) << query;
    for (const Hit& hit : hits) {
      EXPECT_FALSE(hit.highlights.empty()) << query << ": " << hit.passage;
    }
  }
}

// Pages are consecutive slices of one ranking; the totals count every match.
TEST_F(SearcherTest, PagesSliceOneRankingAndTotalsCountEveryMatch) {
  Searcher searcher(index());
  const SearchResult all = searcher.search("Nvidia", limited(9));
  ASSERT_EQ(all.hits.size(), 9u);
  for (std::size_t page = 0; page < 3; ++page) {
    SearchOptions options = limited(3);
    options.offset = 3 * page;
    const std::vector<Hit> hits = searcher.search("Nvidia", options).hits;
    ASSERT_EQ(hits.size(), 3u);
    for (std::size_t k = 0; k < 3; ++k) {
      EXPECT_EQ(hits[k].rank, 3 * page + k + 1);
      EXPECT_EQ(hits[k].passage, all.hits[3 * page + k].passage) << page << ' ' << k;
    }
  }
  const SearchResult every = searcher.search("Nvidia", limited(1000));
  EXPECT_EQ(all.estimated_passages, every.hits.size());
  std::set<std::string> articles;
  for (const Hit& h : every.hits) articles.insert(h.path);
  EXPECT_EQ(all.estimated_articles, articles.size());
}

// A paragraph repeated in one article, or copied by another (wire copy), is
// shown once, naming the other articles that hold it.
TEST(DuplicateTest, RepeatedPassagesAreShownOnce) {
  TempDir dir;
  const std::string wire =
      "Les Etats-Unis ont formellement autorisé mardi l'exportation par le géant américain "
      "Nvidia de certaines de ses puces électroniques vers la Chine, sous conditions, en "
      "application du revirement politique annoncé début décembre.\n\n";
  const std::string respaced =
      "Les États-Unis ont formellement autorisé, mardi, l’exportation par le géant américain "
      "Nvidia de certaines de ses puces électroniques vers la Chine — sous conditions — en "
      "application du revirement politique annoncé début décembre\n\n";
  // Paragraphs of 200 bytes or more, so that each is a passage of its own.
  const std::string own =
      "Le Monde rappelle que les ventes de ces puces avaient été interdites il y a deux ans, "
      "avant que les fabricants ne conçoivent des versions moins puissantes pour ce marché, "
      "qui pèse lourd dans leurs comptes.\n\n";
  furet::testing::write_file(dir / "news/monde.md",
                             "---\ntitle: Le Monde\n---\n" + wire + own + wire);
  furet::testing::write_file(dir / "news/figaro.md", "---\ntitle: Le Figaro\n---\n" + respaced);
  IndexWriter(dir / "index").update({dir / "news"});
  Searcher searcher(dir / "index");
  const std::vector<Hit> hits = searcher.search("exportation Nvidia").hits;
  ASSERT_EQ(hits.size(), 1u);
  ASSERT_EQ(hits[0].also_in.size(), 1u);
  const bool monde_first = hits[0].path.find("monde.md") != std::string::npos;
  EXPECT_NE(hits[0].also_in[0].find(monde_first ? "figaro.md" : "monde.md"), std::string::npos);
  // The article's own paragraph is another passage.
  EXPECT_EQ(searcher.search("puces").hits.size(), 2u);
}

TEST_F(SearcherTest, ExactSearchKeepsTheTypedWords) {
  Searcher searcher(index());
  SearchOptions exact;
  exact.correct_spelling = false;
  const SearchResult result = searcher.search("Nvidea", exact);
  EXPECT_TRUE(result.corrected_query.empty());
  EXPECT_TRUE(result.hits.empty());
}

TEST_F(SearcherTest, KnownWordsCodesAndPrefixesAreNotCorrected) {
  Searcher searcher(index());
  EXPECT_TRUE(searcher.search("licence H200").corrected_query.empty());
  EXPECT_TRUE(searcher.search("H2000 nvid*").corrected_query.empty());
}

// Every hit carries its article's metadata; where the article gives no date,
// its file's, flagged, and where it names no source, its folder.
TEST(SearcherMetadataTest, HitsCarryTheArticlesMetadata) {
  TempDir dir;
  furet::testing::write_file(dir / "journal/dated.md",
                             "---\ntitle: La piscine\ndate: 2025-03-04\nauthor: Jeanne Dupont\n"
                             "source: Le Petit Journal\nurl: https://exemple.fr/piscine\n---\n"
                             "Le budget de la piscine est voté.\n");
  furet::testing::write_file(dir / "journal/undated.txt", "Le budget du stade est voté.\n");
  IndexWriter(dir / "index").update({dir / "journal"});
  Searcher searcher(dir / "index");

  const std::vector<Hit> dated = searcher.search("piscine").hits;
  ASSERT_EQ(dated.size(), 1u);
  // The path works from anywhere: absolute and canonical.
  EXPECT_EQ(dated[0].path, std::filesystem::canonical(dir / "journal/dated.md").string());
  EXPECT_EQ(dated[0].published, "2025-03-04");
  EXPECT_FALSE(dated[0].published_from_file);
  EXPECT_EQ(dated[0].author, "Jeanne Dupont");
  EXPECT_EQ(dated[0].source, "Le Petit Journal");
  EXPECT_EQ(dated[0].url, "https://exemple.fr/piscine");

  const std::vector<Hit> undated = searcher.search("stade").hits;
  ASSERT_EQ(undated.size(), 1u);
  EXPECT_TRUE(undated[0].published_from_file);
  EXPECT_TRUE(std::regex_match(undated[0].published, std::regex(R"(\d{4}-\d{2}-\d{2})")))
      << undated[0].published;
  EXPECT_EQ(undated[0].source, "journal");
  EXPECT_EQ(undated[0].author, "");
}

// A quoted phrase matches passages with its words in that order, nothing
// else: not passages of an article whose title has the phrase, nor another
// number before the same word.
TEST(PhraseTest, APhraseMatchesOnlyPassagesThatHoldIt) {
  TempDir dir;
  // Paragraphs long enough to be passages of their own.
  const std::string more =
      " Les analystes attendaient ce chiffre depuis plusieurs semaines, et la direction du "
      "groupe l'a commenté longuement devant les investisseurs réunis à Toulouse.\n\n";
  furet::testing::write_file(
      dir / "news/airbus.md",
      "---\ntitle: Airbus annonce 7,9 milliards et des livraisons Airbus record\n---\n"
      "Le chiffre d'affaires atteint 6,6 milliards d'euros au premier trimestre." +
          more + "Les livraisons d'avions reprennent en mars, selon Airbus." + more +
          "Le groupe prévoit 7,9 milliards de commandes nouvelles." + more +
          "Les livraisons Airbus du mois battent un record." + more);
  IndexWriter(dir / "index").update({dir / "news"});
  Searcher searcher(dir / "index");
  SearchOptions exact;
  exact.correct_spelling = false;
  for (const auto& [query, phrase] : {std::pair{"\"7,9 milliards\"", "7,9 milliards"},
                                      std::pair{"\"livraisons Airbus\"", "livraisons Airbus"}}) {
    const std::vector<Hit> hits = searcher.search(query, exact).hits;
    ASSERT_EQ(hits.size(), 1u) << query;
    EXPECT_NE(hits[0].passage.find(phrase), std::string::npos) << hits[0].passage;
  }
}

// Words written together with an underscore or a dot are found by their
// pieces, as a phrase or alone, and as written; a decimal stays one number.
TEST(PhraseTest, WordsJoinedByUnderscoresOrDotsAreFoundByTheirPieces) {
  TempDir dir;
  furet::testing::write_file(dir / "docs/qsort.txt",
                             "Les fonctions qsort() et qsort_r() ne renvoient pas de valeur.\n\n"
                             "6.2.5. Emplacement du système de gestion de versions\n\n"
                             "Cette fonction est disponible depuis la version 4.3 du tableur.\n");
  IndexWriter(dir / "index").update({dir / "docs"});
  Searcher searcher(dir / "index");
  SearchOptions exact;
  exact.correct_spelling = false;
  for (const char* query : {"\"qsort et qsort r ne renvoient\"", "qsort_r", "\"qsort_r()\"",
                            "\"5 Emplacement du système\"", "\"6.2.5 emplacement\"", "4.3"}) {
    EXPECT_EQ(searcher.search(query, exact).hits.size(), 1u) << query;
  }
  // "4" is not "4.3", as "5" is not "2,5".
  EXPECT_TRUE(searcher.search("\"version 4\"", exact).hits.empty());
}

// "inférance" stems like "inférer" ("infer"): a known stem does not make a typo a word.
TEST(SpellingTest, TypoStemmingLikeAnotherWordHasACorrectionOffered) {
  TempDir dir;
  furet::testing::write_file(
      dir / "corpus/a.txt",
      "Le modèle sert à l'inférence.\n\nOn ne peut rien inférer de ce test.\n"
      "Les licenciements sont annoncés.\n");
  IndexWriter(dir / "index").update({dir / "corpus"});
  Searcher searcher(dir / "index");
  // It matches the passage with "inférer", so the correction is offered.
  const SearchResult result = searcher.search("inférance");
  EXPECT_EQ(result.suggested_query, "inference");
  EXPECT_EQ(result.corrected_query, "");
  // Another form of a word the articles hold is searched as it is, not "corrected".
  EXPECT_TRUE(searcher.search("licenciement").corrected_query.empty());
  EXPECT_TRUE(searcher.search("licenciement").suggested_query.empty());
}

TEST(NumbersTest, APercentageRanksThePassagesGivingThatShareFirst) {
  TempDir dir;
  // Short passages where 75 is a page or a département weigh more for "75" alone.
  furet::testing::write_file(dir / "corpus/page.txt", "Voir la page 75.\n");
  furet::testing::write_file(dir / "corpus/departement.txt", "Le département 75, page 75.\n");
  furet::testing::write_file(
      dir / "corpus/bourse.txt",
      "Introduite en Bourse à Hong Kong la semaine dernière, son action a "
      "depuis grimpé de 75\u00A0%, l'une des plus fortes hausses du mois.\n");
  IndexWriter(dir / "index").update({dir / "corpus"});
  Searcher searcher(dir / "index");
  for (const std::string query : {"75%", "75 %"}) {
    const std::vector<Hit> hits = searcher.search(query).hits;
    ASSERT_EQ(hits.size(), 3u) << query << ": the bare numbers are still found";
    EXPECT_NE(hits[0].passage.find("grimpé"), std::string::npos) << query;
  }
  const std::vector<Hit> bare = searcher.search("75").hits;
  EXPECT_EQ(bare.size(), 3u);
  EXPECT_EQ(bare[0].path.find("bourse"), std::string::npos) << "\"75\" alone favours no share";
}

TEST_F(SearcherTest, ExplanationBreaksTheScoreDown) {
  Searcher searcher(index());
  SearchOptions options;
  options.explain = true;
  const SearchResult result = searcher.search("licence H200", options);
  ASSERT_FALSE(result.hits.empty());
  const Hit& top = result.hits[0];
  ASSERT_TRUE(top.explanation.has_value());
  const Explanation& e = *top.explanation;
  EXPECT_NEAR(top.score,
              e.bm25 * e.coverage_factor * e.proximity_factor * e.article_factor *
                  e.article_bm25_factor * e.opening_factor,
              1e-9);
  EXPECT_GT(e.article_bm25, 0);  // the article holds the query's words
  double parts = 0;
  bool saw_synonym = false;
  for (const TermWeight& t : e.terms) {
    parts += t.weight;
    saw_synonym |= t.origin == "synonym";
  }
  EXPECT_NEAR(parts, e.bm25, 1e-6) << "single terms: the split is exact";
  EXPECT_TRUE(saw_synonym);
  EXPECT_EQ(e.synonyms, (std::vector<std::string>{"licence -> autorisation"}));
  EXPECT_FALSE(searcher.search("licence H200").hits[0].explanation.has_value());
}

TEST_F(SearcherTest, NoIndexIsAClearError) {
  TempDir empty;
  try {
    Searcher searcher(empty / "missing");
    FAIL();
  } catch (const IndexNotFound& e) {
    EXPECT_NE(std::string(e.what()).find("build one first"), std::string::npos) << e.what();
    EXPECT_EQ(e.remedy(), Error::Remedy::kBuild);
    EXPECT_EQ(e.index(), empty / "missing");
  }
}

// Only an article's first passage stores its text: an index that lost it
// (damaged, or written by something else) is named as such, not shown empty.
TEST(SearcherDataTest, PassageWithoutItsArticleRecordIsAClearError) {
  TempDir dir;
  const std::string paragraph =
      "Nvidia prépare de nouveaux produits destinés au marché intérieur chinois, notamment "
      "les processeurs graphiques Blackwell, dont les performances restent sous les seuils "
      "que les autorités américaines imposent depuis deux ans aux exportations de puces vers "
      "la Chine, selon les seuils ";
  furet::testing::write_file(dir / "corpus/a.txt", paragraph + "fixés à Washington.\n\n" +
                                                       paragraph + "du Commerce et de Zhipu.\n");
  IndexWriter(dir / "index").update({dir / "corpus"});
  {
    Xapian::WritableDatabase db(dir / "index", Xapian::DB_OPEN);
    ASSERT_EQ(db.get_doccount(), 2u) << "two passages";
    ASSERT_FALSE(db.get_document(1).get_data().empty()) << "the first passage holds the record";
    ASSERT_TRUE(db.get_document(2).get_data().empty());
    db.delete_document(1);
    db.commit();
  }
  Searcher searcher(dir / "index");
  try {
    searcher.search("Zhipu");
    FAIL() << "a passage was shown without its article's text";
  } catch (const IncompatibleIndex& e) {
    EXPECT_NE(std::string(e.what()).find("rebuild it from its articles"), std::string::npos)
        << e.what();
    EXPECT_EQ(std::string(e.what()).find("furet-index"), std::string::npos) << e.what();
    EXPECT_EQ(e.remedy(), Error::Remedy::kRebuild);
    EXPECT_EQ(e.index(), dir / "index");
  }
}

TEST(SearcherDataTest, IndexOfAnotherAnalysisIsRefusedByName) {
  TempDir dir;
  furet::testing::write_file(dir / "corpus/a.txt", "Une hausse de 75 % des ventes de puces.\n");
  IndexWriter(dir / "index").update({dir / "corpus"});
  {
    Xapian::WritableDatabase db(dir / "index", Xapian::DB_OPEN);
    db.set_metadata(std::string(schema::kAnalysisKey), "fr-snowball/1");  // another chain's terms
    db.commit();
  }
  try {
    Searcher searcher(dir / "index");
    FAIL() << "an index of another analysis was opened";
  } catch (const IncompatibleIndex& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(dir / "index"), std::string::npos) << message;
    EXPECT_NE(message.find("fr-snowball/1"), std::string::npos) << message;
    EXPECT_NE(message.find("rebuild it from its articles"), std::string::npos) << message;
    EXPECT_EQ(message.find("furet-index"), std::string::npos) << message;
    EXPECT_EQ(e.remedy(), Error::Remedy::kRebuild);
    EXPECT_EQ(e.index(), dir / "index");
  }
}

}  // namespace
}  // namespace furet
