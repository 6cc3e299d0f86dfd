// Tests for the extraction of visible text and title from HTML documents.
#include "html_text.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "utf8.h"

namespace furet::detail {
namespace {

// The layout promises of ExtractedText::text: trimmed lines, at most one blank line in a row,
// no blank line at either end.
void expect_well_formed_lines(const std::string& text) {
  EXPECT_FALSE(text.starts_with('\n'));
  EXPECT_FALSE(text.ends_with('\n'));
  EXPECT_EQ(text.find("\n\n\n"), std::string::npos);
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line = std::string_view(text).substr(start, end - start);
    if (!line.empty()) {
      EXPECT_NE(line.front(), ' ') << line;
      EXPECT_NE(line.back(), ' ') << line;
    }
    start = end + 1;
  }
}

TEST(HtmlTextTest, DropsScriptAndStyleContents) {
  const ExtractedText r = html_to_text(
      "<p>Avant</p><script type=\"text/javascript\">var s = \"<p>caché</p>\"; if (a < b) {}"
      "</script><STYLE>p { color: red; }</STYLE><p>Après</p>");
  EXPECT_EQ(r.text, "Avant\nAprès");
}

TEST(HtmlTextTest, DropsSiteChrome) {
  const ExtractedText r = html_to_text(
      "<body><nav><a href=\"/\">Accueil</a> <a href=\"/monde\">Monde</a></nav>"
      "<aside>Les plus lus</aside>"
      "<article><p>Les États-Unis ont formellement autorisé mardi l’exportation.</p></article>"
      "<form action=\"/s\"><label>Rechercher</label><input name=\"q\"></form>"
      "<footer><p>Mentions légales</p></footer></body>");
  EXPECT_EQ(r.text, "Les États-Unis ont formellement autorisé mardi l’exportation.");
}

TEST(HtmlTextTest, DropsOtherNonRenderedContent) {
  const ExtractedText r = html_to_text(
      "<p>Un</p><noscript>Activez JavaScript</noscript><template><p>modèle</p></template>"
      "<svg viewBox=\"0 0 10 10\"><title>icône</title><text>SVG</text></svg>"
      "<iframe src=\"x\">cadre</iframe><p>Deux</p>");
  EXPECT_EQ(r.text, "Un\nDeux");
  EXPECT_EQ(r.title, "");
}

TEST(HtmlTextTest, KeepsChromeWhenItWrapsTheWholePage) {
  // ASP.NET WebForms pages put everything inside one <form>.
  const ExtractedText r = html_to_text(
      "<body><form id=\"form1\" runat=\"server\"><p>Le contenu de la page</p></form></body>");
  EXPECT_EQ(r.text, "Le contenu de la page");
}

TEST(HtmlTextTest, TakesTitleFromTitleElementAndDropsTheRestOfHead) {
  const ExtractedText r = html_to_text(
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\n"
      "<title>\n  Puces&nbsp;H200 : l&rsquo;export   autorisé\n</title>"
      "<link rel=\"stylesheet\" href=\"a.css\"></head>"
      "<body><h1>Autre titre</h1><p>Corps</p></body></html>");
  EXPECT_EQ(r.title, "Puces H200 : l’export autorisé");
  EXPECT_EQ(r.text, "Autre titre\nCorps");
}

TEST(HtmlTextTest, FallsBackToFirstH1ForTitle) {
  const ExtractedText r = html_to_text(
      "<html><head><title>   </title></head><body><h2>Rubrique</h2>"
      "<h1>La capacité de <em>calcul</em>\n des H200</h1><h1>Second</h1></body></html>");
  EXPECT_EQ(r.title, "La capacité de calcul des H200");
}

TEST(HtmlTextTest, FallsBackToFirstH2WhenThereIsNoH1) {
  const ExtractedText r = html_to_text("<h3>Petit</h3><h2>Économie</h2><p>Texte</p><h2>Autre</h2>");
  EXPECT_EQ(r.title, "Économie");
}

TEST(HtmlTextTest, HasEmptyTitleWhenThereIsNone) {
  EXPECT_EQ(html_to_text("<p>Rien</p>").title, "");
}

TEST(HtmlTextTest, PutsEachBlockOnItsOwnLine) {
  const ExtractedText r = html_to_text(
      "<h1>Titre</h1><p>Premier paragraphe.</p><div>Une division</div>"
      "<ul><li>un</li><li>deux</li></ul><blockquote>Citation</blockquote>"
      "<dl><dt>Terme</dt><dd>Définition</dd></dl><section>Fin</section>");
  EXPECT_EQ(r.text,
            "Titre\nPremier paragraphe.\nUne division\nun\ndeux\nCitation\nTerme\nDéfinition\nFin");
}

TEST(HtmlTextTest, KeepsInlineElementsOnTheSameLine) {
  const ExtractedText r = html_to_text(
      "<p>La <b>capacité</b> de <a href=\"/h200\">calcul</a> des <span class=\"x\">H200</span>"
      "<sup>1</sup> est <i>supérieure</i>.</p>");
  EXPECT_EQ(r.text, "La capacité de calcul des H2001 est supérieure.");
}

TEST(HtmlTextTest, CollapsesWhitespaceAndTrimsLines) {
  const ExtractedText r = html_to_text(
      "<p>\n   Les   États-Unis\tont\r\n  formellement\n autorisé   </p>\n\n\n<p>  mardi </p>");
  EXPECT_EQ(r.text, "Les États-Unis ont formellement autorisé\nmardi");
}

TEST(HtmlTextTest, BreaksLinesAtBrAndKeepsAtMostOneBlankLine) {
  const ExtractedText r = html_to_text("<p>Ligne un<br>Ligne deux<br/><br><br><br>Ligne trois</p>");
  EXPECT_EQ(r.text, "Ligne un\nLigne deux\n\nLigne trois");
}

TEST(HtmlTextTest, SeparatesTableCellsWithPipesOneRowPerLine) {
  const ExtractedText r = html_to_text(
      "<table><thead><tr><th>Modèle</th><th>Capacité</th></tr></thead>"
      "<tbody><tr><td>H200</td><td></td><td>6 fois plus</td></tr>"
      "<tr><td> H20 </td><td>référence</td></tr></tbody></table>");
  EXPECT_EQ(r.text, "Modèle | Capacité\nH200 | 6 fois plus\nH20 | référence");
}

TEST(HtmlTextTest, KeepsEachLineOfPreformattedText) {
  const ExtractedText r =
      html_to_text("<p>Code :</p><pre>\nint main() {\n    return 0;\n}\n</pre><p>Fin</p>");
  EXPECT_EQ(r.text, "Code :\nint main() {\nreturn 0;\n}\nFin");
}

TEST(HtmlTextTest, DecodesNamedCharacterReferences) {
  const ExtractedText r = html_to_text(
      "<p>&Eacute;t&eacute; &agrave; l&rsquo;&eacute;cole : &laquo;&nbsp;c&oelig;ur&nbsp;&raquo;, "
      "&OElig;uvre, &ccedil;a, &ecirc;tre, &ocirc;ter, o&ugrave;, na&iuml;f, No&euml;l, "
      "&icirc;le, &acirc;me, br&ucirc;l&eacute;, &Agrave; &Ccedil; &Egrave; &Ecirc; &Ocirc;, "
      "&lsquo;a&rsquo; &ldquo;b&rdquo;&hellip; 5&ndash;6 &mdash; 20&euro; &copy; &reg; 3&deg; "
      "a&middot;b 2&times;3 &amp; &lt;b&gt; &quot;q&quot; &apos;</p>");
  EXPECT_EQ(r.text,
            "Été à l’école : « cœur », Œuvre, ça, être, ôter, où, naïf, Noël, île, âme, brûlé, "
            "À Ç È Ê Ô, ‘a’ “b”… 5–6 — 20€ © ® 3° a·b 2×3 & <b> \"q\" '");
}

TEST(HtmlTextTest, DecodesNumericCharacterReferences) {
  const ExtractedText r =
      html_to_text("<p>caf&#233; caf&#xE9; caf&#XE9; l&#146;export &#8364; &#x1F680; &#233x</p>");
  EXPECT_EQ(r.text, "café café café l’export € 🚀 éx");
}

TEST(HtmlTextTest, ReplacesInvalidNumericReferences) {
  const ExtractedText r = html_to_text("<p>a&#0;b&#xD800;c&#x110000;d&#99999999999999;e</p>");
  EXPECT_EQ(r.text, "a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
}

// No C0 control but '\n', no DEL, no C1 control (U+0080..U+009F, C2 80..C2 9F in UTF-8).
void expect_no_control_characters(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    EXPECT_FALSE((byte < 0x20 && byte != '\n') || byte == 0x7F) << "byte " << int{byte};
    if (byte == 0xC2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      EXPECT_FALSE(next >= 0x80 && next <= 0x9F) << "U+00" << std::hex << int{next};
    }
  }
}

TEST(HtmlTextTest, DropsReferencesToControlCharacters) {
  // "&#27;[31m" would otherwise put a real ESC, and a colour change, into an indexed passage.
  // &#x9b; is no CSI: HTML reads 0x80-0x9F as windows-1252, where 0x9B is U+203A; only the five
  // slots windows-1252 leaves undefined would be C1 controls.
  const ExtractedText r = html_to_text(
      "<title>T&#x1b;]52;c;eA==&#7;</title>"
      "<p>a&#27;[31mb &#x9b;2Jc &#X9B;d &#127;e &#1;&#8;&#11;&#x0E;&#31;f "
      "&#x81;&#x8D;&#x8F;&#x90;&#x9D;g &#155h &#x1B&#x9D;[0mi</p>");
  EXPECT_EQ(r.title, "T]52;c;eA==");
  EXPECT_EQ(r.text, "a[31mb \u203A2Jc \u203Ad e f g \u203Ah [0mi");
  expect_no_control_characters(r.title);
  expect_no_control_characters(r.text);
}

TEST(HtmlTextTest, KeepsWhitespaceReferencesAsWhitespace) {
  const ExtractedText r = html_to_text("<p>a&#9;b&#10;c&#13;d&#12;e&#x20;f</p>");
  EXPECT_EQ(r.text, "a b c d e f");
}

TEST(HtmlTextTest, MapsC1ReferencesThroughWindows1252) {
  const ExtractedText r =
      html_to_text("<p>5&#150;6 &#128; &#x80; &#133; &#156;uvre &#x99; &#147;q&#148;</p>");
  EXPECT_EQ(r.text, "5\u20136 \u20AC \u20AC \u2026 \u0153uvre \u2122 \u201Cq\u201D");
}

TEST(HtmlTextTest, ReplacesTheNullReferenceRatherThanDroppingIt) {
  // HTML5: a reference to U+0000 is U+FFFD, unlike the other controls.
  const ExtractedText r = html_to_text("<p>a&#0;b&#x0;c&#x00000;d</p>");
  EXPECT_EQ(r.text, "a\uFFFDb\uFFFDc\uFFFDd");
}

TEST(HtmlTextTest, KeepsOrdinaryReferencesNextToDroppedOnes) {
  const ExtractedText r =
      html_to_text("<p>&amp;&#27;&lt;b&gt; caf&eacute;&#x1b; l&#x2019;&#7;&eacute;t&#233;</p>");
  EXPECT_EQ(r.text, "&<b> café l’été");
}

TEST(HtmlTextTest, KeepsUnknownReferencesAsWritten) {
  const ExtractedText r = html_to_text("<p>AT&T &inconnu; &eacute &#; &#x; & fin &</p>");
  EXPECT_EQ(r.text, "AT&T &inconnu; &eacute &#; &#x; & fin &");
}

TEST(HtmlTextTest, SkipsCommentsCdataDoctypeAndProcessingInstructions) {
  const ExtractedText r = html_to_text(
      "<?xml version=\"1.0\"?><!DOCTYPE html><p>Un<!-- <p>commentaire</p> -->deux"
      "<![CDATA[ données ]]> trois<!---->quatre<!-->cinq</p>");
  EXPECT_EQ(r.text, "Undeux troisquatrecinq");
}

TEST(HtmlTextTest, TreatsStrayLessThanSignsAsText) {
  const ExtractedText r = html_to_text("<p>5 < 6 et 3 <= 4, <3 et << fin</p>");
  EXPECT_EQ(r.text, "5 < 6 et 3 <= 4, <3 et << fin");
}

TEST(HtmlTextTest, AllowsGreaterThanInsideQuotedAttributes) {
  const ExtractedText r = html_to_text(
      "<p><a title=\"a > b\" data-x='c>d' href=/x>Lien</a> <img alt=\"1 > 0\"> suite</p>");
  EXPECT_EQ(r.text, "Lien suite");
}

TEST(HtmlTextTest, HandlesUppercaseAndMixedCaseTags) {
  const ExtractedText r = html_to_text("<HTML><BODY><P>Un</P><Script>x</SCRIPT><Div>Deux</dIV>");
  EXPECT_EQ(r.text, "Un\nDeux");
}

TEST(HtmlTextTest, SurvivesUnclosedAndMisnestedTags) {
  const ExtractedText r =
      html_to_text("<p>Un<p>Deux<b>gras<i>italique</b> fin</i><div>Trois</span></p></li>Quatre");
  EXPECT_EQ(r.text, "Un\nDeuxgrasitalique fin\nTrois\nQuatre");
}

TEST(HtmlTextTest, StopsCleanlyOnTruncatedInput) {
  EXPECT_EQ(html_to_text("<p>Début du texte</p><p>Suite <a href=\"http://exem").text,
            "Début du texte\nSuite");
  EXPECT_EQ(html_to_text("<p>Texte</p><!-- commentaire jamais fermé <p>x</p>").text, "Texte");
  EXPECT_EQ(html_to_text("<p>Texte</p><script>var x = 1;").text, "Texte");
  EXPECT_EQ(html_to_text("<title>Titre coupé").title, "Titre coupé");
  EXPECT_EQ(html_to_text("<p>Fin &eac").text, "Fin &eac");
  EXPECT_EQ(html_to_text("<p>Fin </").text, "Fin </");
  EXPECT_EQ(html_to_text("<").text, "<");
  EXPECT_EQ(html_to_text("").text, "");
}

TEST(HtmlTextTest, HandlesEveryPrefixOfADocument) {
  const std::string page =
      "<!DOCTYPE html><html><head><title>Les puces H200</title><style>p{}</style></head>"
      "<body><nav>Menu</nav><h1 class=\"t\">Exportation</h1><p>Les États-Unis ont "
      "formellement autorisé mardi l&rsquo;exportation&nbsp;: <a href=\"/x?a=1&amp;b=2\" "
      "title='>'>lien</a></p><!-- c --><table><tr><td>a</td><td>b</td></tr></table>"
      "<pre>x\n y</pre><![CDATA[z]]><script>if (a<b) {}</script></body></html>";
  for (std::size_t length = 0; length <= page.size(); ++length) {
    const ExtractedText r = html_to_text(std::string_view(page).substr(0, length));
    expect_well_formed_lines(r.text);
  }
}

TEST(HtmlTextTest, HandlesPathologicalInputInReasonableTime) {
  // Each of these would be quadratic for a scanner that searches ahead from every '<' or '&'.
  const std::vector<std::string> patterns = {"<a ",  "<!--",    "</",     "<![CDATA[",
                                             "&#1",  "&eacute", "<h1>",   "<nav>",
                                             "<td>", "<br>",    "<script"};
  for (const std::string& pattern : patterns) {
    std::string input;
    while (input.size() < 400000) input += pattern;
    const ExtractedText r = html_to_text(input);
    EXPECT_TRUE(is_valid_utf8(r.text)) << pattern;
  }
}

TEST(HtmlTextTest, RandomAndMutatedInputNeverBreaks) {
  std::mt19937 rng(424242);
  const std::vector<std::string> tokens = {"<",        ">",         "/",
                                           "\"",       "'",         "=",
                                           "&",        "#",         ";",
                                           "!",        "-",         "?",
                                           " ",        "\n",        "\t",
                                           "é",        "œ",         "’",
                                           "€",        "🚀",         "\xC2\xA0",
                                           "a",        "p",         "x",
                                           "script",   "title",     "h1",
                                           "td",       "pre",       "nav",
                                           "svg",      "head",      "&amp;",
                                           "&#x",      "&#233;",    "&nbsp;",
                                           "<!--",     "-->",       "<![CDATA[",
                                           "]]>",      "<p>",       "</p>",
                                           "<br>",     "<pre>",     "</pre>",
                                           "<title>",  "</title>",  "<td>",
                                           "<script>", "</script>", "<nav>",
                                           "</nav>",   "<h1>",      "</h1>",
                                           "<head>",   "</head>",   std::string(1, '\0')};
  const std::string seed_page =
      "<html><head><title>Titre &amp; co</title></head><body><h1>Les puces</h1>"
      "<p>La capacité de calcul des H200 est plus de six fois supérieure à celle des H20</p>"
      "<table><tr><td>a</td><td>b</td></tr></table><pre>l1\nl2</pre></body></html>";
  for (int round = 0; round < 4000; ++round) {
    std::string input;
    if (round % 3 == 0) {
      const int count = static_cast<int>(rng() % 80);
      for (int k = 0; k < count; ++k) input += tokens[rng() % tokens.size()];
    } else if (round % 3 == 1) {
      input = seed_page;
      const int edits = 1 + static_cast<int>(rng() % 8);
      for (int e = 0; e < edits && !input.empty(); ++e) {
        const std::size_t at = rng() % input.size();
        switch (rng() % 4) {
          case 0:
            input.insert(at, tokens[rng() % tokens.size()]);
            break;
          case 1:
            input.erase(at, 1 + rng() % 10);
            break;
          case 2:
            input.insert(at, input.substr(at, rng() % 30));
            break;
          default:
            input.resize(at);
            break;
        }
      }
    } else {
      const int count = static_cast<int>(rng() % 200);
      for (int k = 0; k < count; ++k) input += static_cast<char>(rng() % 256);
    }
    const ExtractedText r = html_to_text(input);
    if (is_valid_utf8(input)) {
      ASSERT_TRUE(is_valid_utf8(r.text)) << "round " << round;
      ASSERT_TRUE(is_valid_utf8(r.title)) << "round " << round;
    }
    expect_well_formed_lines(r.text);
    if (::testing::Test::HasFailure()) FAIL() << "round " << round;
  }
}

}  // namespace
}  // namespace furet::detail
