// Whole-article evidence: an article's BM25 over all its passages.
#include "article_evidence.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

#include "../test_util.h"
#include "furet/analysis/analyzer.h"
#include "furet/analysis/schema.h"
#include "furet/indexer/index_writer.h"
#include "query_parser.h"
#include "thesaurus.h"

namespace furet::detail {
namespace {

using furet::testing::TempDir;
using furet::testing::write_file;

// Paragraphs of their own, so that each is a passage (or a few).
std::string paragraphs(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n\n";
  return text;
}

class ArticleEvidenceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // An article about the gymnasium, which every paragraph comes back to;
    // one about the budget that mentions it once; one holding "75" as a page
    // number, one "75 %" as a share.
    write_file(dir_ / "corpus/about.txt",
               paragraphs({"Le nouveau gymnase de la commune ouvrira ses portes en septembre.",
                           "Les travaux du gymnase ont duré deux ans et coûté trois millions.",
                           "Le club de basket jouera ses matchs au gymnase dès la rentrée.",
                           "Les écoles utiliseront le gymnase chaque matin."}));
    write_file(dir_ / "corpus/stray.txt",
               paragraphs({"Le conseil municipal a voté le budget de l'année prochaine.",
                           "Il prévoit la rénovation des écoles et des routes communales.",
                           "Une ligne finance aussi l'entretien du gymnase.",
                           "Les impôts locaux resteront stables selon le maire."}));
    write_file(dir_ / "corpus/page.txt",
               paragraphs({"Voir la page 75 du rapport annuel publié par la mairie."}));
    write_file(dir_ / "corpus/share.txt",
               paragraphs({"La participation a atteint 75 % au second tour du scrutin."}));
    IndexWriter(dir_ / "index").update({dir_ / "corpus"});
  }

  // Counted from the posting lists, or as from a remote index (the same
  // counts from queries).
  std::map<std::string, double> bm25_of(const std::string& query, bool remote) {
    const Xapian::Database db(dir_ / "index");
    Analyzer analyzer;
    const BuiltQuery built = build_query(parse_query(query), analyzer, db, nullptr);
    std::vector<std::string> ids;
    const std::string prefix(schema::kArticlePrefix);
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
      ids.push_back((*it).substr(prefix.size()));
    }
    // Named by file: the article id is the first passage's value.
    std::map<std::string, double> by_file;
    for (const auto& [id, whole] : whole_articles(db, remote, ids, built.concepts)) {
      const double value = whole.bm25;
      const Xapian::docid first = *db.postlist_begin(std::string(schema::kArticlePrefix) + id);
      const std::string data = db.get_document(first).get_data();
      for (const char* name : {"about", "stray", "page", "share"}) {
        if (data.find(std::string(name) + ".txt") != std::string::npos) by_file[name] = value;
      }
    }
    return by_file;
  }

  TempDir dir_;
};

// The article that keeps coming back to the word is more about it than the
// one that mentions it once; an article without it has nothing.
TEST_F(ArticleEvidenceTest, AnArticleAboutTheWordOutweighsAStrayMention) {
  for (const bool remote : {false, true}) {
    const std::map<std::string, double> bm25 = bm25_of("gymnase", remote);
    ASSERT_EQ(bm25.size(), 4u);
    EXPECT_GT(bm25.at("about"), bm25.at("stray"));
    EXPECT_GT(bm25.at("stray"), 0);
    EXPECT_EQ(bm25.at("page"), 0);
  }
}

// A share is its whole term: a page number "75" says nothing of "75 %".
TEST_F(ArticleEvidenceTest, ACompoundCountsAsAWholeNotByItsParts) {
  for (const bool remote : {false, true}) {
    const std::map<std::string, double> bm25 = bm25_of("75%", remote);
    ASSERT_EQ(bm25.size(), 4u);
    EXPECT_GT(bm25.at("share"), 0);
    EXPECT_EQ(bm25.at("page"), 0);
  }
}

// A local index is read from its posting lists, a remote one asked for
// counts: both must count alike, synonyms, compounds and phrases included,
// or shards would rank otherwise than one index.
TEST(ArticleEvidenceCorpusTest, PostingListsAndCountsAgree) {
  TempDir dir;
  IndexWriter(dir / "index").update({furet::testing::corpus_dir()});
  const Xapian::Database db(dir / "index");
  Analyzer analyzer;
  const Thesaurus& thesaurus = Thesaurus::builtin(analyzer);
  std::vector<std::string> ids;
  const std::string prefix(schema::kArticlePrefix);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    ids.push_back((*it).substr(prefix.size()));
  }
  for (const char* query : {"licence H200", "\"sécurité nationale\" Chine", "puces OR GPU",
                            "États-Unis export*", "Quelles puces sont interdites ?"}) {
    const BuiltQuery built = build_query(parse_query(query), analyzer, db, &thesaurus);
    const auto local = whole_articles(db, false, ids, built.concepts);
    const auto remote = whole_articles(db, true, ids, built.concepts);
    ASSERT_EQ(local.size(), remote.size()) << query;
    for (const auto& [id, whole] : local) {
      EXPECT_NEAR(whole.bm25, remote.at(id).bm25, 1e-12) << query;
      EXPECT_GT(whole.opening, 0u);
    }
  }
}

}  // namespace
}  // namespace furet::detail
