// The article of a web page: each rule of the extractor on a small page of its own.
#include "extract/html_article.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/utf8.h"

namespace furet::detail {
namespace {

// Paragraphs long enough to read as prose (the extractor weighs paragraphs by
// their length and their commas).
const std::string kProse1 =
    "Le conseil municipal a voté mardi soir, après trois heures de débat, le budget de la "
    "piscine intercommunale, dont les travaux commenceront au printemps prochain.";
const std::string kProse2 =
    "Les riverains, inquiets du bruit, ont obtenu que le chantier s'arrête chaque jour à dix-huit "
    "heures, et que les camions empruntent la route de la zone artisanale.";
const std::string kProse3 =
    "Le maire, réélu en 2020, a rappelé que la commune finance le projet à parts égales avec la "
    "région, sans hausse des impôts locaux, selon le plan présenté en janvier.";

std::string page(const std::string& body, const std::string& head = "") {
  return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">" + head +
         "</head><body>" + body + "</body></html>";
}

std::string article_of(const std::string& body) { return extract_html_article(page(body)).text; }

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const std::string kArticle =
    "<article><p>" + kProse1 + "</p><p>" + kProse2 + "</p><p>" + kProse3 + "</p></article>";

// A character reference past U+10FFFF, which the HTML parser leaves as a lone
// byte, is U+FFFD in the text: every text furet keeps is UTF-8.
TEST(HtmlArticleTest, ReferencesPastUnicodeGiveValidText) {
  for (const char* reference : {"&#xD80999999;", "&#x110000;", "&#99999999999;"}) {
    const std::string text = article_of("<article><p>" + kProse1 + " " + reference + " fin.</p>" +
                                        "<p>" + kProse2 + "</p></article>");
    EXPECT_TRUE(is_valid_utf8(text)) << reference;
    EXPECT_TRUE(has(text, "\uFFFD")) << reference;
  }
}

TEST(HtmlArticleTest, KeepsTheArticleAndDropsNavigation) {
  const std::string text = article_of(
      "<nav><ul><li><a href=/>Accueil</a></li><li><a href=/sport>Sport</a></li></ul></nav>" +
      kArticle + "<footer><p>Mentions légales du site, plan du site et contact</p></footer>");
  EXPECT_TRUE(has(text, kProse1) && has(text, kProse2) && has(text, kProse3)) << text;
  EXPECT_FALSE(has(text, "Accueil")) << text;
  EXPECT_FALSE(has(text, "Mentions légales")) << text;
}

TEST(HtmlArticleTest, HiddenElementsAreNotText) {
  const std::string text = article_of(
      "<article><p>" + kProse1 +
      "</p><div hidden><p>Texte caché numéro un.</p></div>"
      "<p aria-hidden=\"true\">Texte caché numéro deux.</p>"
      "<p style=\"display: none\">Texte caché numéro trois.</p>"
      "<span class=\"screen-reader-text\">Texte caché numéro quatre.</span>"
      "<div class=\"col d-none\">Texte caché numéro cinq.</div><p>" +
      kProse2 + "</p><p class=\"hidden-xs\">Texte montré sauf aux petits écrans.</p></article>");
  EXPECT_TRUE(has(text, kProse1) && has(text, kProse2)) << text;
  EXPECT_FALSE(has(text, "caché")) << text;
  EXPECT_TRUE(has(text, "Texte montré")) << text;  // a class that hides on some screens only
}

// What the reader reads: a soft hyphen only says where a word may break, a
// ruby annotation gives the reading of the base text above it.
TEST(HtmlArticleTest, SoftHyphensAndRubyReadingsAreNotText) {
  const std::string text = article_of(
      "<article><p>" + kProse1 +
      "</p><p>Au Mit&shy;tel&shy;al&shy;ter, le <ruby>東京<rp>(</rp>"
      "<rt>とうきょう</rt><rp>)</rp></ruby> des marchands, dit la chronique, était déjà grand.</p>"
      "<p>" +
      kProse2 + "</p></article>");
  EXPECT_TRUE(has(text, "Au Mittelalter, le 東京 des marchands")) << text;
  EXPECT_FALSE(has(text, "とうきょう")) << text;
}

TEST(HtmlArticleTest, PartsNamedAsChromeAreLeftOut) {
  for (const std::string name :
       {"class=\"share-buttons\"", "id=\"comments\"", "class=\"related-posts\"",
        "class=\"newsletter-box\"", "class=\"cookieConsent\"", "role=\"complementary\""}) {
    const std::string text =
        article_of("<div class=\"entry-content\"><p>" + kProse1 + "</p><div " + name +
                   "><p>Une boîte qui ne fait pas partie de l'article, avec assez de texte pour "
                   "compter.</p></div><p>" +
                   kProse2 + "</p></div>");
    EXPECT_TRUE(has(text, kProse1) && has(text, kProse2)) << name << ": " << text;
    EXPECT_FALSE(has(text, "Une boîte")) << name << ": " << text;
  }
}

// "has-comments" says what a block has, not what it is: the block beside the
// article is collected with it; a block named "comments" is not.
// An article set in several grid rows, each with an empty column beside its
// text: the rows are one article.
TEST(HtmlArticleTest, TheRowsOfAGridAreOneArticle) {
  const std::string row_start =
      "<div class=\"row\"><div class=\"col-2\"></div><div class=\"col-8\">";
  const std::string text =
      article_of("<div class=\"wrap\">" + row_start + "<p>" + kProse1 + "</p><p>" + kProse2 +
                 "</p></div></div></div><div class=\"wrap\">" + row_start + "<p>" + kProse3 +
                 "</p></div></div></div>");
  EXPECT_TRUE(has(text, kProse1) && has(text, kProse2)) << text;
  EXPECT_TRUE(has(text, kProse3)) << text;
}

TEST(HtmlArticleTest, ModifierClassesDoNotMakeChrome) {
  const std::string more =
      "Le projet prévoit aussi un bassin nordique, chauffé toute l'année, "
      "et une pataugeoire pour les plus petits, ouverte dès juin.";
  for (const auto& [name, kept] :
       {std::pair{"more has-comments", true}, std::pair{"more comments", false},
        std::pair{"report__section--ads", true}, std::pair{"report__ads", false}}) {
    const std::string text = article_of("<div><div class=\"part\"><p>" + kProse1 + "</p><p>" +
                                        kProse2 + "</p><p>" + kProse3 + "</p></div><div class=\"" +
                                        name + "\"><p>" + more + "</p></div></div>");
    EXPECT_TRUE(has(text, kProse1)) << text;
    EXPECT_EQ(has(text, more), kept) << name << ": " << text;
  }
}

TEST(HtmlArticleTest, LinkListsAndReadAlsoLinesAreLeftOut) {
  const std::string text =
      article_of("<div class=\"story\"><p>" + kProse1 +
                 "</p><p>Lire aussi : <a href=/x>Le nouveau "
                 "gymnase ouvrira ses portes en septembre prochain</a></p><p>" +
                 kProse2 +
                 "</p><ul>"
                 "<li><a href=/a>Un premier article sur un autre sujet du jour</a></li>"
                 "<li><a href=/b>Un deuxième article sur un autre sujet du jour</a></li></ul><p>" +
                 kProse3 + "</p></div>");
  EXPECT_TRUE(has(text, kProse1) && has(text, kProse2) && has(text, kProse3)) << text;
  EXPECT_FALSE(has(text, "gymnase")) << text;
  EXPECT_FALSE(has(text, "premier article")) << text;
}

// The paragraphs, not the teasers around them, decide where the article is.
// A short subhead that introduces nothing kept (a list of links, a box named
// as chrome, the end of the article) is that block's title and goes with it;
// a subhead followed by text, or as long as a sentence, is the article's.
TEST(HtmlArticleTest, SubheadsOfLeftOutBlocksGoWithThem) {
  const std::string text =
      article_of("<article><h2>Le chantier</h2><p>" + kProse1 + "</p><p>" + kProse2 + "</p>" +
                 "<h3>Sur le même sujet</h3><ul><li><a href=/a>La piscine rouvre</a></li>"
                 "<li><a href=/b>Le budget voté</a></li></ul>"
                 "<h2>Ce que le maire, réélu en 2020, a promis aux riverains du chantier</h2>"
                 "<div class=share><a href=/f>Facebook</a></div><p>" +
                 kProse3 +
                 "</p>"
                 "<h3>Partager l'article</h3></article>");
  EXPECT_TRUE(has(text, "Le chantier\n")) << text;
  EXPECT_TRUE(has(text, "a promis aux riverains du chantier\n")) << text;
  EXPECT_TRUE(has(text, kProse1) && has(text, kProse2) && has(text, kProse3)) << text;
  EXPECT_FALSE(has(text, "Sur le même sujet")) << text;
  EXPECT_FALSE(has(text, "La piscine rouvre")) << text;
  EXPECT_FALSE(has(text, "Partager")) << text;
}

// A paragraph all in bold is set as a subhead: the title of what follows it.
TEST(HtmlArticleTest, BoldLabelsOfLeftOutBlocksGoWithThem) {
  const std::string text = article_of(
      "<article><p><strong>Le chantier</strong></p><p>" + kProse1 + "</p><p>" + kProse2 +
      "</p><p><b>Horaires :</b></p><p><b>du lundi au vendredi, de 7 h à 18 h</b></p>"
      "<p><strong>À lire aussi :</strong></p><ul><li><a href=/a>La piscine rouvre</a></li>"
      "<li><a href=/b>Le budget voté</a></li></ul><p>" +
      kProse3 + "</p><p><strong>Suivez-nous sur les réseaux</strong></p></article>");
  EXPECT_TRUE(has(text, "Le chantier\n")) << text;
  EXPECT_TRUE(has(text, "Horaires :\ndu lundi au vendredi")) << text;  // bold lines in a row
  EXPECT_TRUE(has(text, kProse1) && has(text, kProse2) && has(text, kProse3)) << text;
  EXPECT_FALSE(has(text, "À lire aussi")) << text;
  EXPECT_FALSE(has(text, "Suivez-nous")) << text;
}

TEST(HtmlArticleTest, TheArticleIsWhereParagraphsConcentrate) {
  std::string teasers;
  for (int i = 0; i < 6; ++i) {
    teasers += "<div class=\"teaser-content\"><a href=/t" + std::to_string(i) +
               "><h3>Un titre d'article voisin, numéro " + std::to_string(i) +
               "</h3></a><p>Deux lignes de chapô.</p></div>";
  }
  const std::string text =
      article_of("<div class=\"col\">" + teasers +
                 "</div><div class=\"col\">"
                 "<p>" +
                 kProse1 + "</p><p>" + kProse2 + "</p><p>" + kProse3 + "</p></div>");
  EXPECT_TRUE(has(text, kProse1) && has(text, kProse3)) << text;
  EXPECT_FALSE(has(text, "voisin")) << text;
}

// An article split over sibling blocks is collected whole (Readability's
// sibling rule), and sections that score alike are one article.
TEST(HtmlArticleTest, ArticleSplitOverSiblingsAndSectionsIsWhole) {
  const std::string text =
      article_of("<div><div class=\"intro\"><p>" + kProse1 + "</p></div><div class=\"part\"><p>" +
                 kProse2 + "</p><p>" + kProse3 + "</p></div><div class=\"part\"><p>" + kProse1 +
                 " Encore.</p></div></div>");
  EXPECT_TRUE(has(text, kProse1) && has(text, kProse2) && has(text, kProse3)) << text;
  EXPECT_TRUE(has(text, "Encore.")) << text;
}

// A lede set in a row above the columns of the body is the article's; a box
// after the body in those containers is not.
TEST(HtmlArticleTest, TheLedeAboveTheColumnsIsKept) {
  const std::string lede =
      "La commune a enfin choisi l'architecte de sa future piscine, après deux ans "
      "d'études et un concours très disputé.";
  const std::string after =
      "Un autre projet, sans rapport avec la piscine, occupe la colonne de droite de cette page "
      "depuis le printemps.";
  const std::string text = article_of(
      "<div class=\"page\"><div class=\"haut\"><h1>La piscine</h1><div class=\"chapo\"><p>" + lede +
      "</p></div></div><div class=\"rangee\"><div class=\"colonne\"><div class=\"texte\"><p>" +
      kProse1 + "</p><p>" + kProse2 + "</p><p>" + kProse3 +
      "</p></div><div class=\"outils\"><span>Texte court</span></div></div>"
      "<div class=\"droite\"><p>" +
      after + "</p></div></div></div>");
  EXPECT_TRUE(has(text, lede)) << text;
  EXPECT_TRUE(has(text, kProse1) && has(text, kProse2) && has(text, kProse3)) << text;
  EXPECT_LT(text.find(lede), text.find(kProse1)) << text;
  EXPECT_FALSE(has(text, after)) << text;
}

// An <a> left open is repeated by the parser in every paragraph that
// follows, as browsers do; those copies are not links of the page.
const std::string kOtherArticles =
    "<ul><li><a href=/a>Lire aussi : la piscine de la ville voisine rouvre</a></li>"
    "<li><a href=/b>Le budget de la commune pour l'année prochaine</a></li>"
    "<li><a href=/c>Les travaux de la route départementale reprennent</a></li>"
    "<li><a href=/d>La médiathèque change ses horaires d'ouverture</a></li></ul>";

// The body a page marks as articleBody is not all of the article: the lede in
// the <article>'s header is its text too (the headline and the date are not).
TEST(HtmlArticleTest, TheLedeBesideTheMarkedBodyIsKept) {
  const std::string text =
      article_of("<article><header><h1>La piscine rouvre</h1><time>12 mai</time><p class=intro>" +
                 kProse3 + "</p></header><div class=wrap><div itemprop=articleBody><p>" + kProse1 +
                 "</p><p>" + kProse2 + "</p></div>" + kOtherArticles + "</div></article>");
  EXPECT_TRUE(has(text, kProse1) && has(text, kProse2) && has(text, kProse3)) << text;
  EXPECT_FALSE(has(text, "La piscine rouvre")) << text;
}

TEST(HtmlArticleTest, AnUnclosedLinkDoesNotMakeTheArticleLinks) {
  const std::string text = article_of("<div><p><a href=/top>Haut de page</p><p>" + kProse1 +
                                      "</p><p>" + kProse2 + "</p><p>" + kProse3 +
                                      "</p></div><section><p>Un autre texte, plus court, qui "
                                      "n'est pas l'article.</p></section>");
  EXPECT_TRUE(has(text, kProse1) && has(text, kProse2)) << text;
  EXPECT_FALSE(has(text, "Un autre texte")) << text;
}

// The headline is the title, kept as metadata; figures, captions, dates and
// addresses are not the article's prose.
TEST(HtmlArticleTest, HeadlineFiguresDatesAndAddressesAreNotText) {
  const std::string text = article_of(
      "<article><h1>La piscine sera construite</h1><time datetime=\"2025-03-04\">4 mars "
      "2025</time><figure><img src=p.jpg><figcaption>Le chantier. Photo DR</figcaption></figure>"
      "<p>" +
      kProse1 + "</p><h2>Un sous-titre qui reste</h2><p>" + kProse2 +
      "</p><address>Mairie, 1 place de la République</address></article>");
  EXPECT_TRUE(has(text, kProse1) && has(text, "Un sous-titre qui reste")) << text;
  EXPECT_FALSE(has(text, "La piscine sera construite")) << text;
  EXPECT_FALSE(has(text, "Photo DR")) << text;
  EXPECT_FALSE(has(text, "4 mars")) << text;
  EXPECT_FALSE(has(text, "République")) << text;
}

TEST(HtmlArticleTest, BlocksAreLinesAndWhitespaceIsCollapsed) {
  const std::string text = article_of("<article><p>" + kProse1 +
                                      "</p><p>Un   paragraphe\n  sur\tdeux lignes,<br>et "
                                      "une autre après le saut.</p><pre>ligne 1\nligne 2</pre><p>" +
                                      kProse2 + "</p></article>");
  EXPECT_TRUE(has(text, "Un paragraphe sur deux lignes,\net une autre après le saut.\n")) << text;
  EXPECT_TRUE(has(text, "ligne 1\nligne 2\n")) << text;
}

TEST(HtmlArticleTest, ControlCharactersNeverReachTheText) {
  const std::string text = article_of("<article><p>" + kProse1 +
                                      " \x1b[31mrouge &#27;[2J \xc2\x9b"
                                      "2J fin.</p><p>" +
                                      kProse2 + "</p></article>");
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
  EXPECT_EQ(text.find("\xc2\x9b"), std::string::npos) << text;
  EXPECT_TRUE(has(text, "rouge")) << text;
}

TEST(HtmlArticleTest, MetadataFromTheHeadAndJsonLd) {
  const HtmlArticle a = extract_html_article(page(
      kArticle,
      "<title>La piscine sera construite | Le Petit Journal</title>"
      "<meta property=\"og:site_name\" content=\"Le Petit Journal\">"
      "<link rel=\"canonical\" href=\"https://exemple.fr/piscine\">"
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":"
      "\"NewsArticle\",\"headline\":\"La piscine sera construite\",\"datePublished\":"
      "\"2025-03-04T08:30:00+01:00\",\"author\":{\"@type\":\"Person\",\"name\":\"Jeanne Dupont\"},"
      "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Le Petit Journal\"}}</script>"));
  EXPECT_EQ(a.metadata.title, "La piscine sera construite");
  EXPECT_EQ(a.metadata.published, "2025-03-04T08:30:00+01:00");
  EXPECT_EQ(a.metadata.author, "Jeanne Dupont");
  EXPECT_EQ(a.metadata.site, "Le Petit Journal");
  EXPECT_EQ(a.metadata.url, "https://exemple.fr/piscine");
  EXPECT_EQ(a.metadata.language, "fr");
}

TEST(HtmlArticleTest, MetadataFromMetaTagsAndTheTitleWithoutItsSite) {
  const HtmlArticle a = extract_html_article(page(
      "<article><time datetime=\"2025-08-12T14:05\">12 août</time><p>" + kProse1 + "</p></article>",
      "<title>Le budget de la piscine est voté - Le Petit Journal</title>"
      "<meta name=\"author\" content=\"Paul Martin\">"));
  EXPECT_EQ(a.metadata.title, "Le budget de la piscine est voté");
  EXPECT_EQ(a.metadata.author, "Paul Martin");
  EXPECT_EQ(a.metadata.published, "2025-08-12T14:05");
}

TEST(HtmlArticleTest, DeclaredCharset) {
  EXPECT_EQ(declared_charset("<html><head><meta charset=\"ISO-8859-1\">"), "iso-8859-1");
  EXPECT_EQ(declared_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; "
                             "charset=windows-1250\">"),
            "windows-1250");
  EXPECT_EQ(declared_charset("<html><body>charset=koi8-r in the text</body>"), "");
}

TEST(HtmlArticleTest, PageWithoutParagraphsKeepsItsText) {
  const std::string text = article_of("<div>Un court message.</div><div>Une autre ligne.</div>");
  EXPECT_TRUE(has(text, "Un court message.")) << text;
}

}  // namespace
}  // namespace furet::detail
