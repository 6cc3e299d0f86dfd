// A site's template: the zone lines the reader leaves out when told, and the
// index learning which they are from all the site's articles as they come
// and go, across threads, shards and folders.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "../test_util.h"
#include "extract/article_reader.h"
#include "furet/analysis/analyzer.h"
#include "furet/analysis/passage_fingerprint.h"
#include "furet/indexer/index_writer.h"
#include "furet/searcher.h"

namespace furet {
namespace {

using furet::testing::TempDir;
using furet::testing::write_file;

// The site's standing line under each article, and a line of its own.
const std::string kFooter =
    "Retrouvez chaque matin l'essentiel de l'actualité régionale dans notre lettre.";

std::string article_text(int n, const std::string& last_line = kFooter) {
  const std::string k = std::to_string(n);
  return "Le conseil municipal de la commune " + k + " adopte son budget\n\n" +
         "Les élus de la commune " + k +
         " ont voté mardi soir un budget en hausse pour les écoles primaires.\n\n" +
         "Le maire de la commune " + k + " a défendu la rénovation du gymnase municipal.\n\n" +
         last_line + "\n";
}

// A site's menu: short lines in a row above each article.
const std::string kMenu = "Accueil\n\nActualités\n\nSport et culture\n\nVidéos\n\n";

std::size_t hits_for(const std::string& index, const std::string& query) {
  Searcher searcher(index);
  SearchOptions options;
  options.limit = 50;
  return searcher.search(query, options).hits.size();
}

// Hits that hold the footer, counting every article that holds it (a passage
// repeated word for word is shown once, with the other articles listed).
std::size_t articles_showing_footer(const std::string& index) {
  Searcher searcher(index);
  SearchOptions options;
  options.limit = 50;
  std::size_t articles = 0;
  for (const Hit& hit : searcher.search("\"essentiel de l'actualité régionale\"", options).hits) {
    if (hit.passage.find("actualité régionale") != std::string::npos) {
      articles += 1 + hit.also_in.size();
    }
  }
  return articles;
}

namespace reader {

using detail::Article;
using detail::ArticleReader;
using detail::SiteTemplates;

// Says "template" for the lines it was given, in any site; records the sites asked.
class FixedTemplate final : public SiteTemplates {
 public:
  explicit FixedTemplate(std::initializer_list<std::string> lines) {
    const Analyzer analyzer;
    for (const std::string& line : lines)
      lines_.insert(fingerprint_of(analyzer.analyze(line)).words);
  }
  bool is_template(std::string_view site, std::uint64_t line) const override {
    sites.insert(std::string(site));
    return lines_.count(line) > 0;
  }
  mutable std::set<std::string> sites;

 private:
  std::set<std::uint64_t> lines_;
};

std::string passages_of(const Article& a) {
  std::string joined;
  for (const auto& p : a.passages) joined += a.text.substr(p.begin, p.end - p.begin) + "\n";
  return joined;
}

TEST(SiteTemplateReaderTest, TemplateLinesAroundTheArticleGo) {
  const FixedTemplate templates({kFooter});
  const Article a = ArticleReader().read("a.txt", article_text(1), &templates);
  EXPECT_EQ(passages_of(a).find("lettre"), std::string::npos) << passages_of(a);
  EXPECT_NE(passages_of(a).find("gymnase municipal"), std::string::npos);
  EXPECT_EQ(a.template_lines.size(), 1u);
  EXPECT_EQ(a.zone_lines.size(), 4u);  // the headline, two sentences, the footer
  const Article without = ArticleReader().read("a.txt", article_text(1));
  EXPECT_NE(passages_of(without).find("lettre"), std::string::npos);
  EXPECT_TRUE(without.template_lines.empty());
}

// Chrome sits around an article: in its middle, a template line is its text.
TEST(SiteTemplateReaderTest, TheMiddleOfAnArticleIsNeverTemplate) {
  std::string text = "Un titre de plusieurs mots pour commencer\n\n";
  for (int i = 0; i < 4; ++i)
    text += "Première partie, phrase numéro " + std::to_string(i) + " du récit.\n\n";
  text += kFooter + "\n\n";
  for (int i = 0; i < 4; ++i)
    text += "Seconde partie, phrase numéro " + std::to_string(i) + " du récit.\n\n";
  const FixedTemplate templates({kFooter});
  const Article a = ArticleReader().read("a.txt", text, &templates);
  EXPECT_NE(passages_of(a).find("lettre"), std::string::npos);
  EXPECT_TRUE(a.template_lines.empty());
}

// A line of fewer than five words is not named alone: "Lire la suite" is
// any site's.
TEST(SiteTemplateReaderTest, ShortLinesAreNotZoneLines) {
  const FixedTemplate templates({"Lire la suite"});
  const Article a = ArticleReader().read("a.txt", article_text(1, "Lire la suite"), &templates);
  EXPECT_NE(passages_of(a).find("Lire la suite"), std::string::npos);
  EXPECT_TRUE(a.template_lines.empty());
}

// A short line around the article is named with its neighbours: from it,
// and up to it, the fewest lines in a row holding five words. The blocks of
// a menu are the same on every page whatever follows it; each template block
// takes its lines out.
TEST(SiteTemplateReaderTest, ShortLinesInARowAreBlocks) {
  const FixedTemplate templates(
      {"Accueil Actualités Sport et culture", "Actualités Sport et culture Vidéos"});
  const Article a = ArticleReader().read("a.txt", kMenu + article_text(1), &templates);
  EXPECT_EQ(passages_of(a).find("Vidéos"), std::string::npos) << passages_of(a);
  EXPECT_EQ(passages_of(a).find("Accueil"), std::string::npos);
  EXPECT_NE(passages_of(a).find("gymnase municipal"), std::string::npos);
  EXPECT_EQ(a.template_lines.size(), 2u);
  const FixedTemplate part({"Actualités Sport et culture Vidéos"});
  const Article b = ArticleReader().read("a.txt", kMenu + article_text(1), &part);
  EXPECT_EQ(passages_of(b).find("Vidéos"), std::string::npos);
  EXPECT_NE(passages_of(b).find("Accueil"), std::string::npos)
      << "no block of the template holds it";
}

// Up to a short line, the block is still named in reading order: links
// under the footer, too few words alone, are one block with it.
TEST(SiteTemplateReaderTest, ABlockIsNamedInReadingOrder) {
  const FixedTemplate templates({kFooter + " Imprimer Haut de page"});
  const Article a =
      ArticleReader().read("a.txt", article_text(1) + "\nImprimer\n\nHaut de page\n", &templates);
  EXPECT_EQ(passages_of(a).find("Haut de page"), std::string::npos) << passages_of(a);
  EXPECT_EQ(passages_of(a).find("lettre"), std::string::npos);
  EXPECT_NE(passages_of(a).find("gymnase municipal"), std::string::npos);
}

// A page made only of its site's standing lines keeps them: it is not empty.
TEST(SiteTemplateReaderTest, AnArticleOfTemplateLinesOnlyKeepsThem) {
  const std::string line2 = "Toutes les informations pratiques sur les horaires de la mairie.";
  const FixedTemplate templates({kFooter, line2});
  const Article a = ArticleReader().read("a.txt", line2 + "\n\n" + kFooter + "\n", &templates);
  EXPECT_NE(passages_of(a).find("lettre"), std::string::npos);
  EXPECT_EQ(a.template_lines.size(), 2u);
}

// The site asked is the one the page declares.
TEST(SiteTemplateReaderTest, TheDeclaredSiteIsAsked) {
  const FixedTemplate templates({});
  ArticleReader().read("a.html",
                       "<html><head><meta property=\"og:site_name\" content=\"Le Courrier\">"
                       "</head><body><p>" +
                           kFooter + "</p></body></html>",
                       &templates);
  EXPECT_EQ(templates.sites, std::set<std::string>{"Le Courrier"});
}

}  // namespace reader

class SiteTemplateIndexTest : public ::testing::Test {
 protected:
  UpdateReport update(std::size_t threads = 1, std::size_t shards = 0) {
    IndexWriter writer(index_, shards);
    UpdateOptions options;
    options.threads = threads;
    return writer.update({corpus_}, options);
  }
  void write_articles(const std::string& folder, int from, int to) {
    for (int n = from; n < to; ++n) {
      write_file(corpus_ + "/" + folder + "/a" + std::to_string(n) + ".txt", article_text(n));
    }
  }

  TempDir dir_;
  std::string corpus_ = dir_ / "corpus";
  std::string index_ = dir_ / "index";
};

// Six articles of one folder end with the same line: it is the site's, and
// goes from all of them but one, which keeps it findable; on one thread or
// several (each thread sees only its own articles: the build decides on all).
TEST_F(SiteTemplateIndexTest, ALineEveryArticleRepeatsIsTheSitesTemplate) {
  write_articles("site", 0, 6);
  for (const std::size_t threads : {1u, 4u}) {
    SCOPED_TRACE(threads);
    std::filesystem::remove_all(index_);
    update(threads);
    EXPECT_EQ(articles_showing_footer(index_), 1u);
    EXPECT_EQ(hits_for(index_, "gymnase"), 6u);  // the articles' own lines stay
  }
}

// The menu above every article of a folder is learnt as one block and kept
// by one article.
TEST_F(SiteTemplateIndexTest, AMenuEveryArticleRepeatsIsTheSitesTemplate) {
  for (int n = 0; n < 6; ++n) {
    write_file(corpus_ + "/site/a" + std::to_string(n) + ".txt", kMenu + article_text(n));
  }
  update();
  EXPECT_EQ(hits_for(index_, "Vidéos"), 1u);
  EXPECT_EQ(hits_for(index_, "gymnase"), 6u);
}

// Next to a line of its own on each page (its section), the menu is still
// learnt: its blocks that leave that line out are every page's.
TEST_F(SiteTemplateIndexTest, AMenuIsLearntWhateverTheLineNextToIt) {
  for (int n = 0; n < 6; ++n) {
    write_file(corpus_ + "/site/a" + std::to_string(n) + ".txt",
               "Rubrique " + std::to_string(n) + "\n\n" + kMenu + article_text(n));
  }
  update();
  EXPECT_EQ(hits_for(index_, "Accueil"), 1u);
  EXPECT_EQ(hits_for(index_, "Rubrique"), 6u);
}

// Four articles sharing a line may share a phrase; five at least, and half
// of the site's articles, make a template.
TEST_F(SiteTemplateIndexTest, AFewArticlesDoNotMakeATemplate) {
  write_articles("site", 0, 4);
  update(4);
  EXPECT_EQ(articles_showing_footer(index_), 4u);
  write_articles("site", 10, 12);
  for (int n = 12; n < 20; ++n) {  // the footer in 6 of 14 articles: not half
    write_file(corpus_ + "/site/a" + std::to_string(n) + ".txt",
               article_text(n, "Une phrase propre à l'article numéro " + std::to_string(n) + "."));
  }
  update();
  EXPECT_EQ(articles_showing_footer(index_), 6u);
  write_articles("site", 20, 22);  // 8 of 16: half
  update();
  EXPECT_EQ(articles_showing_footer(index_), 1u);
}

// As articles arrive, a line crosses the threshold: the articles written
// before are read again without it (but the one that keeps it). As they
// leave, it falls back: the articles that left it out are read again with it.
TEST_F(SiteTemplateIndexTest, TheTemplateFollowsArticlesAsTheyComeAndGo) {
  write_articles("site", 0, 3);
  update();
  EXPECT_EQ(articles_showing_footer(index_), 3u);
  write_articles("site", 3, 6);
  const UpdateReport grown = update();
  EXPECT_EQ(articles_showing_footer(index_), 1u);
  EXPECT_EQ(grown.added.size(), 3u);
  EXPECT_GE(grown.updated.size(), 2u);  // the first three but the keeper, read again
  EXPECT_EQ(grown.updated.size() + grown.unchanged, 3u);
  std::filesystem::remove(corpus_ + "/site/a4.txt");
  std::filesystem::remove(corpus_ + "/site/a5.txt");
  update();
  EXPECT_EQ(articles_showing_footer(index_), 4u);
  EXPECT_EQ(hits_for(index_, "gymnase"), 4u);
}

// An article the template's change would read again may be gone by then: it
// stays as indexed, and the report says which and why, rather than the run
// failing or the article silently keeping the line.
TEST_F(SiteTemplateIndexTest, AnArticleThatCannotBeReadAgainIsKeptAndNamed) {
  write_articles("site", 0, 3);
  update();
  write_articles("site", 3, 6);
  IndexWriter writer(index_);
  UpdateOptions options;
  options.on_progress = [&](const IndexProgress& progress) {
    if (progress.files_done < progress.files_total) return;
    for (int n = 0; n < 3; ++n)
      std::filesystem::remove(corpus_ + "/site/a" + std::to_string(n) + ".txt");
  };
  const UpdateReport report = writer.update({corpus_}, options);
  std::size_t named = 0;
  for (const FileNote& note : report.warnings) {
    EXPECT_NE(note.reason.find("could not be read again"), std::string::npos) << note.reason;
    EXPECT_NE(note.path.find("/site/a"), std::string::npos) << note.path;
    ++named;
  }
  EXPECT_GE(named, 2u);  // the first three but the keeper, if it is one of them
  EXPECT_TRUE(report.updated.empty());
  EXPECT_EQ(hits_for(index_, "gymnase"), 6u);  // nothing lost
}

// The article that keeps a site's line may leave: another keeps it then.
TEST_F(SiteTemplateIndexTest, WhenTheArticleKeepingALineLeavesAnotherKeepsIt) {
  write_articles("site", 0, 7);
  update();
  const auto keeper = [&] {
    Searcher searcher(index_);
    const std::vector<Hit> hits = searcher.search("\"essentiel de l'actualité régionale\"").hits;
    return hits.size() == 1 && hits[0].also_in.empty() ? hits[0].path : std::string();
  };
  const std::string first = keeper();
  ASSERT_FALSE(first.empty());
  std::filesystem::remove(first);
  update();
  const std::string second = keeper();
  EXPECT_FALSE(second.empty());
  EXPECT_NE(second, first);
  EXPECT_EQ(hits_for(index_, "gymnase"), 6u);
}

// Sites are apart: three articles in each of two folders are two sites of
// three, whatever the index's shards.
TEST_F(SiteTemplateIndexTest, EachFolderIsASite) {
  write_articles("une", 0, 3);
  write_articles("autre", 3, 6);
  update(1, 3);
  EXPECT_EQ(articles_showing_footer(index_), 6u);
}

// A site that names itself is one site across folders, and its articles are
// counted across the index's shards, in an update as in a build.
TEST_F(SiteTemplateIndexTest, ADeclaredSiteSpansFoldersAndShards) {
  const auto page = [](int n, const std::string& site) {
    const std::string k = std::to_string(n);
    return "<html><head><meta property=\"og:site_name\" content=\"" + site +
           "\"></head><body><article><p>Les élus de la commune " + k +
           " ont voté mardi soir un budget en hausse pour les écoles primaires.</p><p>Le maire "
           "de la commune " +
           k + " a défendu la rénovation du gymnase municipal.</p><p>" + kFooter +
           "</p></article></body></html>";
  };
  for (int n = 0; n < 3; ++n) {
    write_file(corpus_ + "/janvier/p" + std::to_string(n) + ".html", page(n, "Le Courrier"));
  }
  update(1, 3);
  EXPECT_EQ(articles_showing_footer(index_), 3u);
  for (int n = 3; n < 6; ++n) {
    write_file(corpus_ + "/fevrier/p" + std::to_string(n) + ".html", page(n, "LE COURRIER"));
  }
  write_file(corpus_ + "/fevrier/autre.html", page(9, "Une autre gazette"));
  update();
  EXPECT_EQ(articles_showing_footer(index_), 2u);  // the other site's, the keeper's
  EXPECT_EQ(hits_for(index_, "gymnase"), 7u);
}

}  // namespace
}  // namespace furet
