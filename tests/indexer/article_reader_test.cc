// Reading the corpus articles: titles, chrome left out, passages in bounds.
#include "extract/article_reader.h"

#include <gtest/gtest.h>

#include "../test_util.h"

namespace furet::detail {
namespace {

using furet::testing::corpus_file;
using furet::testing::read_file;

Article read_corpus(const std::string& name) {
  ArticleReader reader;
  const std::string path = corpus_file(name);
  return reader.read(path, read_file(path));
}

std::string all_passages(const Article& a) {
  std::string joined;
  for (const PassageRange& p : a.passages) joined += a.text.substr(p.begin, p.end - p.begin) + "\n";
  return joined;
}

TEST(ArticleReaderTest, TitleIsTheHeadline) {
  EXPECT_EQ(read_corpus("000_a6889a2d8a781125.txt").title,
            "Nvidia annonce que Washington a donné son feu vert pour vendre des puces d’IA H2O à "
            "la Chine");
  EXPECT_EQ(read_corpus("001_26ca7a1eb712dcc4.txt").title,
            "Ventes de NVIDIA H20 en Chine : les experts appellent à son interdiction");
  EXPECT_EQ(read_corpus("002_a46bda2e56deee65.txt").title,
            "Puces d’IA H20 de NVIDIA : l’autorisation d’exportation pour la Chine est enfin "
            "accordée");
  EXPECT_EQ(read_corpus("003_58d4702906740405.txt").title,
            "Trump suspend-t-il réellement l’interdiction d’exportation des GPU Nvidia H20 vers la "
            "Chine ?");
}

TEST(ArticleReaderTest, TitleFallsBackToTheFirstSentence) {
  const Article a = read_corpus("004_a22323992858b2dd.txt");
  EXPECT_EQ(a.title.rfind("Les Etats-Unis ont formellement autorisé mardi", 0), 0u);
  EXPECT_LE(a.title.size(), 130u);
}

// The seeds' known chrome: every line below is the website's, not the
// article's, and none may be searchable. (Left out of the list, as judgement
// calls: "Punto Informatico", the publisher's name under the title and at the
// end of 001, kept once as a repeated line; the reader's comment in 003.)
TEST(ArticleReaderTest, TheSeedsChromeStaysOutOfPassages) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> chrome = {
      {"000_a6889a2d8a781125.txt",
       {"Logo Epoch Times", "top-article-image", "Photo: I-HWA CHENG/AFP via Getty Images",
        "author-image", "Partager un article", "Durée de lecture"}},
      {"002_a46bda2e56deee65.txt", {"Laisser un commentaire"}},
      {"003_58d4702906740405.txt",
       {"La suite après la pub", "A lire également", "Partagez votre avis en commentaire",
        "Google News", "Publications similaires", "Un commentaire\n", "Laisser un commentaire",
        "Votre adresse e-mail ne sera pas publiée", "Les champs obligatoires"}},
      {"004_a22323992858b2dd.txt",
       {"gc/ube/kaf/jug/er", "Tous droits de reproduction", "Agence France-Presse",
        "Réagissez à cet article", "Vous avez déjà un compte", "Inscrivez-vous",
        "Vous n'avez pas encore de compte", "CRÉER UN COMPTE"}},
  };
  for (const auto& [name, lines] : chrome) {
    const std::string passages = all_passages(read_corpus(name));
    for (const std::string& line : lines) {
      EXPECT_EQ(passages.find(line), std::string::npos) << name << ": " << line;
    }
  }
}

// ...while the article's sentences stay, among them those that speak of
// comments, accounts or sharing.
TEST(ArticleReaderTest, TheSeedsProseIsKept) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> prose = {
      {"000_a6889a2d8a781125.txt",
       {"une licence est requise pour exporter ses produits",
        "Epoch Times a contacté la Maison-Blanche pour un commentaire"}},
      {"003_58d4702906740405.txt",
       {"restent interdites à l’exportation",
        "Cette règle de diffusion IA pose une question fondamentale"}},
      {"004_a22323992858b2dd.txt", {"concerne les puces H200"}},
  };
  for (const auto& [name, sentences] : prose) {
    const std::string passages = all_passages(read_corpus(name));
    for (const std::string& sentence : sentences) {
      EXPECT_NE(passages.find(sentence), std::string::npos) << name << ": " << sentence;
    }
  }
}

TEST(ArticleReaderTest, PassagesAreBoundedOrderedAndPointIntoTheText) {
  for (const char* name :
       {"000_a6889a2d8a781125.txt", "001_26ca7a1eb712dcc4.txt", "002_a46bda2e56deee65.txt",
        "003_58d4702906740405.txt", "004_a22323992858b2dd.txt"}) {
    const std::string bytes = read_file(corpus_file(name));
    ArticleReader reader;
    const Article a = reader.read(name, bytes);
    EXPECT_EQ(a.text, bytes) << "a UTF-8 .txt article is the file itself";
    ASSERT_FALSE(a.passages.empty()) << name;
    std::uint32_t previous_end = 0;
    for (const PassageRange& p : a.passages) {
      EXPECT_LT(p.begin, p.end);
      EXPECT_GE(p.begin, previous_end) << name;
      EXPECT_LE(p.end - p.begin, PassageSplitter::kMaxPassageBytes) << name;
      previous_end = p.end;
    }
  }
}

// The reader hands each passage its tokens, mostly its lines' own: they must be
// what analysing the passage's text gives.
void expect_passage_tokens_are_its_analysis(const Article& a, const std::string& what) {
  const Analyzer analyzer;
  ASSERT_EQ(a.passage_tokens.size(), a.passages.size()) << what;
  for (std::size_t k = 0; k < a.passages.size(); ++k) {
    const PassageRange& p = a.passages[k];
    EXPECT_EQ(a.passage_tokens[k], analyzer.analyze(a.text.substr(p.begin, p.end - p.begin)))
        << what << ", passage " << k << ": " << a.text.substr(p.begin, p.end - p.begin);
  }
}

TEST(ArticleReaderTest, PassageTokensAreThePassagesAnalysis) {
  for (const char* name :
       {"000_a6889a2d8a781125.txt", "001_26ca7a1eb712dcc4.txt", "002_a46bda2e56deee65.txt",
        "003_58d4702906740405.txt", "004_a22323992858b2dd.txt"}) {
    expect_passage_tokens_are_its_analysis(read_corpus(name), name);
  }
  // Short lines joined into one passage, with what could join across a break:
  // a thousands group, a hyphen, a percent sign, a no-break space, CR LF; then
  // a paragraph long enough to be cut at sentence ends.
  std::string text =
      "Titre d'un article de presse\n"
      "Les ventes ont atteint 300\u00A0\n000 unités.\r\n"
      "Les États-\nUnis et l’Europe.\n"
      "  Une hausse de 75\n% puis de 2,5 %.\n"
      "\u00A0Partager\u00A0\n"
      "Plus de 1 000 000 de puces H20 ; l’export reste au cas par cas.\n";
  for (int i = 0; i < 30; ++i) text += "Nvidia a vendu 300 000 puces H20 en Chine cette année. ";
  text += "\nFin.\n";
  ArticleReader reader;
  expect_passage_tokens_are_its_analysis(reader.read("edge.txt", text), "edge.txt");
  expect_passage_tokens_are_its_analysis(
      reader.read("edge.md", "# Titre\n\nUn paragraphe de 10\u202F%.\n\n- un point\n- l'autre\n"),
      "edge.md");
}

TEST(ArticleReaderTest, ALongArticleLeavesItsPassagesToBeAnalysedWhenWritten) {
  std::string text = "Un titre d'article assez long\n";
  while (text.size() <= kMaxTokenisedArticleBytes) {
    text += "Nvidia a vendu 300 000 puces H20 en Chine cette année, selon la presse.\n";
  }
  ArticleReader reader;
  const Article a = reader.read("long.txt", text);
  EXPECT_FALSE(a.passages.empty());
  EXPECT_TRUE(a.passage_tokens.empty()) << "its tokens would take some 12 bytes per byte of text";
}

TEST(ArticleReaderTest, SkipsEmptyAndBinaryFiles) {
  ArticleReader reader;
  EXPECT_THROW(reader.read("empty.txt", ""), SkipReason);
  EXPECT_THROW(reader.read("blank.txt", " \n\t\n"), SkipReason);
  EXPECT_THROW(reader.read("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)),
               SkipReason);
}

// Saved terminal output and formatted manual pages: words as the screen shows them.
TEST(ArticleReaderTest, TextFilesReadAsTheTerminalShowsThem) {
  ArticleReader reader;
  for (const char* path : {"sortie.txt", "sortie.md"}) {
    const Article a = reader.read(path,
                                  "Le dépôt signale une alerte \x1b[1;31mrouge\x1b[0m sur le "
                                  "G_\ba_\br_\bd depuis ce matin, selon la préfecture.\n");
    const std::string text = all_passages(a);
    EXPECT_NE(text.find("alerte rouge sur le Gard depuis"), std::string::npos)
        << path << ": " << text;
  }
}

TEST(ArticleReaderTest, DecodesLegacyEncodingWithAWarning) {
  ArticleReader reader;
  // "Les États-Unis ont autorisé l’exportation des puces." in windows-1252.
  const std::string latin =
      "Les \xc9tats-Unis ont autoris\xe9 l\x92"
      "exportation des puces H200 "
      "vers la Chine, selon le minist\xe8re am\xe9ricain du Commerce.";
  const Article a = reader.read("old.txt", latin);
  EXPECT_NE(a.text.find("États-Unis ont autorisé l’exportation"), std::string::npos);
  ASSERT_FALSE(a.warnings.empty());
}

TEST(ArticleReaderTest, ReadsHtmlAndMarkdown) {
  ArticleReader reader;
  const Article html = reader.read(
      "a.html",
      "<html><head><title>Les puces H200</title><script>var x = 1;</script></head><body>"
      "<nav>Accueil | Contact</nav><h1>Les puces H200</h1><p>Les Etats-Unis ont autoris&eacute; "
      "l&rsquo;exportation des puces H200.</p></body></html>");
  EXPECT_EQ(html.title, "Les puces H200");
  EXPECT_NE(html.text.find("autorisé l’exportation"), std::string::npos);
  EXPECT_EQ(html.text.find("var x"), std::string::npos);
  EXPECT_EQ(html.text.find("Contact"), std::string::npos);

  const Article md = reader.read("a.md",
                                 "# Zhipu et Huawei\n\nZhipu AI a utilisé des puces "
                                 "**Huawei** pour [entraîner](http://x) son modèle.\n");
  EXPECT_EQ(md.title, "Zhipu et Huawei");
  EXPECT_NE(md.text.find("des puces Huawei pour entraîner son modèle."), std::string::npos);
}

// Front matter: the known keys are metadata, the others searchable text.
TEST(ArticleReaderTest, FrontMatterIsMetadataAndSearchable) {
  ArticleReader reader;
  const Article a = reader.read("a.md",
                                "---\ntitle: \"La piscine\"\ndate: 2025-03-04T08:30:00+01:00\n"
                                "author: Jeanne Dupont\nsite: Le Petit Journal\nlang: fr\n"
                                "tags: [budget, natation]\n---\n"
                                "Le conseil municipal a voté le budget de la piscine hier soir.\n");
  EXPECT_EQ(a.title, "La piscine");
  EXPECT_EQ(a.metadata.published, "2025-03-04T08:30");
  EXPECT_EQ(a.metadata.author, "Jeanne Dupont");
  EXPECT_EQ(a.metadata.source, "Le Petit Journal");
  EXPECT_EQ(a.metadata.language, "fr");
  EXPECT_NE(all_passages(a).find("budget, natation"), std::string::npos) << all_passages(a);
  EXPECT_EQ(all_passages(a).find("Jeanne"), std::string::npos) << all_passages(a);
}

// What opens a plain-text article before its first sentence: a byline, a
// dateline and a reading-time badge are metadata, not passages.
TEST(ArticleReaderTest, BylineDatelineAndReadingTimeAreMetadata) {
  ArticleReader reader;
  const Article a = reader.read(
      "a.txt",
      "Le budget de la piscine est voté\n\nPar Marc Durand, AFP\n"
      "Publié le 12 août 2025 à 14h05\nLecture : 3 min\n\n"
      "Le conseil municipal a voté le budget de la piscine hier soir, après un long débat.\n");
  EXPECT_EQ(a.metadata.author, "Marc Durand");
  EXPECT_EQ(a.metadata.published, "2025-08-12T14:05");
  const std::string text = all_passages(a);
  for (const char* gone : {"Marc Durand", "Publié", "3 min"}) {
    EXPECT_EQ(text.find(gone), std::string::npos) << gone << " in " << text;
  }
  EXPECT_NE(text.find("Le conseil municipal a voté"), std::string::npos) << text;
}

// A sentence that opens with a date, or "Par" and a capital, is text.
TEST(ArticleReaderTest, SentencesThatLookLikeBylinesStayText) {
  ArticleReader reader;
  const Article a = reader.read("a.txt",
                                "La piscine\n\nLe 12 août 2025, le conseil a voté.\n"
                                "Par Jupiter, quel débat.\nLa suite du compte rendu.\n");
  const std::string text = all_passages(a);
  EXPECT_NE(text.find("Le 12 août 2025, le conseil a voté."), std::string::npos) << text;
  EXPECT_NE(text.find("Par Jupiter, quel débat."), std::string::npos) << text;
  EXPECT_EQ(a.metadata.published, "");
  EXPECT_EQ(a.metadata.author, "");
}

TEST(ArticleReaderTest, PageMetadataIsTheArticles) {
  ArticleReader reader;
  const Article a = reader.read(
      "a.html",
      "<html lang=\"fr\"><head><title>La piscine | Le Petit Journal</title>"
      "<meta property=\"og:site_name\" content=\"Le Petit Journal\">"
      "<meta name=\"author\" content=\"Paul Martin\">"
      "<link rel=\"canonical\" href=\"https://exemple.fr/piscine\"></head><body><article>"
      "<time datetime=\"2025-08-12T14:05:00+02:00\">12 août</time>"
      "<p>Le conseil municipal a voté le budget de la piscine hier "
      "soir.</p></article></body></html>");
  EXPECT_EQ(a.metadata.published, "2025-08-12T14:05");
  EXPECT_EQ(a.metadata.author, "Paul Martin");
  EXPECT_EQ(a.metadata.source, "Le Petit Journal");
  EXPECT_EQ(a.metadata.url, "https://exemple.fr/piscine");
  EXPECT_EQ(a.metadata.language, "fr");
}

TEST(ArticleReaderTest, RecognisesArticleExtensions) {
  EXPECT_TRUE(is_article_file("a/b.txt"));
  EXPECT_TRUE(is_article_file("a/b.HTML"));
  EXPECT_TRUE(is_article_file("b.markdown"));
  EXPECT_FALSE(is_article_file("b.pdf"));
  EXPECT_FALSE(is_article_file("txt"));
  EXPECT_FALSE(is_article_file("dir.txt/file"));
}

}  // namespace
}  // namespace furet::detail
