// Tests for the extraction of visible text and title from HTML documents.
#include "extract/html_text.h"

#include <gtest/gtest.h>

#include <chrono>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "../test_util.h"
#include "extract/utf8.h"

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

// One page and what html_to_text must make of it; `name` names the case in
// test output ("HtmlTextTest/TextCase.Extracts/DropsSiteChrome").
struct HtmlCase {
  const char* name;
  std::string_view html;
  std::string_view expected;
};

void PrintTo(const HtmlCase& c, std::ostream* out) { *out << c.name; }

std::string case_name(const ::testing::TestParamInfo<HtmlCase>& info) { return info.param.name; }

// The text of each page.
const HtmlCase kTextCases[] = {
    {"DropsScriptAndStyleContents",
     "<p>Avant</p><script type=\"text/javascript\">var s = \"<p>caché</p>\"; if (a < b) {}"
     "</script><STYLE>p { color: red; }</STYLE><p>Après</p>",
     "Avant\nAprès"},
    {"DropsSiteChrome",
     "<body><nav><a href=\"/\">Accueil</a> <a href=\"/monde\">Monde</a></nav>"
     "<aside>Les plus lus</aside>"
     "<article><p>Les États-Unis ont formellement autorisé mardi l’exportation.</p></article>"
     "<form action=\"/s\"><label>Rechercher</label><input name=\"q\"></form>"
     "<footer><p>Mentions légales</p></footer></body>",
     "Les États-Unis ont formellement autorisé mardi l’exportation."},
    {"DropsOtherNonRenderedContent",
     "<p>Un</p><noscript>Activez JavaScript</noscript><template><p>modèle</p></template>"
     "<svg viewBox=\"0 0 10 10\"><title>icône</title><text>SVG</text></svg>"
     "<iframe src=\"x\">cadre</iframe><p>Deux</p>",
     "Un\nDeux"},
    // ASP.NET WebForms pages put everything inside one <form>.
    {"KeepsChromeWhenItWrapsTheWholePage",
     "<body><form id=\"form1\" runat=\"server\"><p>Le contenu de la page</p></form></body>",
     "Le contenu de la page"},
    {"DropsTheRestOfHead",
     "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\n"
     "<title>\n  Puces&nbsp;H200 : l&rsquo;export   autorisé\n</title>"
     "<link rel=\"stylesheet\" href=\"a.css\"></head>"
     "<body><h1>Autre titre</h1><p>Corps</p></body></html>",
     "Autre titre\nCorps"},
    {"PutsEachBlockOnItsOwnLine",
     "<h1>Titre</h1><p>Premier paragraphe.</p><div>Une division</div>"
     "<ul><li>un</li><li>deux</li></ul><blockquote>Citation</blockquote>"
     "<dl><dt>Terme</dt><dd>Définition</dd></dl><section>Fin</section>",
     "Titre\nPremier paragraphe.\nUne division\nun\ndeux\nCitation\nTerme\nDéfinition\nFin"},
    {"KeepsInlineElementsOnTheSameLine",
     "<p>La <b>capacité</b> de <a href=\"/h200\">calcul</a> des <span class=\"x\">H200</span>"
     "<sup>1</sup> est <i>supérieure</i>.</p>",
     "La capacité de calcul des H2001 est supérieure."},
    {"CollapsesWhitespaceAndTrimsLines",
     "<p>\n   Les   États-Unis\tont\r\n  formellement\n autorisé   </p>\n\n\n<p>  mardi </p>",
     "Les États-Unis ont formellement autorisé\nmardi"},
    {"BreaksLinesAtBrAndKeepsAtMostOneBlankLine",
     "<p>Ligne un<br>Ligne deux<br/><br><br><br>Ligne trois</p>",
     "Ligne un\nLigne deux\n\nLigne trois"},
    {"SeparatesTableCellsWithPipesOneRowPerLine",
     "<table><thead><tr><th>Modèle</th><th>Capacité</th></tr></thead>"
     "<tbody><tr><td>H200</td><td></td><td>6 fois plus</td></tr>"
     "<tr><td> H20 </td><td>référence</td></tr></tbody></table>",
     "Modèle | Capacité\nH200 | 6 fois plus\nH20 | référence"},
    {"KeepsEachLineOfPreformattedText",
     "<p>Code :</p><pre>\nint main() {\n    return 0;\n}\n</pre><p>Fin</p>",
     "Code :\nint main() {\nreturn 0;\n}\nFin"},
    {"DecodesNamedCharacterReferences",
     "<p>&Eacute;t&eacute; &agrave; l&rsquo;&eacute;cole : &laquo;&nbsp;c&oelig;ur&nbsp;&raquo;, "
     "&OElig;uvre, &ccedil;a, &ecirc;tre, &ocirc;ter, o&ugrave;, na&iuml;f, No&euml;l, "
     "&icirc;le, &acirc;me, br&ucirc;l&eacute;, &Agrave; &Ccedil; &Egrave; &Ecirc; &Ocirc;, "
     "&lsquo;a&rsquo; &ldquo;b&rdquo;&hellip; 5&ndash;6 &mdash; 20&euro; &copy; &reg; 3&deg; "
     "a&middot;b 2&times;3 &amp; &lt;b&gt; &quot;q&quot; &apos;</p>",
     "Été à l’école : « cœur », Œuvre, ça, être, ôter, où, naïf, Noël, île, âme, brûlé, "
     "À Ç È Ê Ô, ‘a’ “b”… 5–6 — 20€ © ® 3° a·b 2×3 & <b> \"q\" '"},
    {"DecodesNumericCharacterReferences",
     "<p>caf&#233; caf&#xE9; caf&#XE9; l&#146;export &#8364; &#x1F680; &#233x</p>",
     "café café café l’export € 🚀 éx"},
    {"ReplacesInvalidNumericReferences", "<p>a&#0;b&#xD800;c&#x110000;d&#99999999999999;e</p>",
     "a\uFFFDb\uFFFDc\uFFFDd\uFFFDe"},
    {"KeepsWhitespaceReferencesAsWhitespace", "<p>a&#9;b&#10;c&#13;d&#12;e&#x20;f</p>",
     "a b c d e f"},
    {"MapsC1ReferencesThroughWindows1252",
     "<p>5&#150;6 &#128; &#x80; &#133; &#156;uvre &#x99; &#147;q&#148;</p>",
     "5\u20136 \u20AC \u20AC \u2026 \u0153uvre \u2122 \u201Cq\u201D"},
    // HTML5: a reference to U+0000 is U+FFFD, unlike the other controls.
    {"ReplacesTheNullReferenceRatherThanDroppingIt", "<p>a&#0;b&#x0;c&#x00000;d</p>",
     "a\uFFFDb\uFFFDc\uFFFDd"},
    {"KeepsOrdinaryReferencesNextToDroppedOnes",
     "<p>&amp;&#27;&lt;b&gt; caf&eacute;&#x1b; l&#x2019;&#7;&eacute;t&#233;</p>",
     "&<b> café l’été"},
    {"KeepsUnknownReferencesAsWritten", "<p>AT&T &inconnu; &eacute &#; &#x; & fin &</p>",
     "AT&T &inconnu; &eacute &#; &#x; & fin &"},
    {"SkipsCommentsCdataDoctypeAndProcessingInstructions",
     "<?xml version=\"1.0\"?><!DOCTYPE html><p>Un<!-- <p>commentaire</p> -->deux"
     "<![CDATA[ données ]]> trois<!---->quatre<!-->cinq</p>",
     "Undeux troisquatrecinq"},
    {"TreatsStrayLessThanSignsAsText", "<p>5 < 6 et 3 <= 4, <3 et << fin</p>",
     "5 < 6 et 3 <= 4, <3 et << fin"},
    {"AllowsGreaterThanInsideQuotedAttributes",
     "<p><a title=\"a > b\" data-x='c>d' href=/x>Lien</a> <img alt=\"1 > 0\"> suite</p>",
     "Lien suite"},
    {"HandlesUppercaseAndMixedCaseTags", "<HTML><BODY><P>Un</P><Script>x</SCRIPT><Div>Deux</dIV>",
     "Un\nDeux"},
    {"SurvivesUnclosedAndMisnestedTags",
     "<p>Un<p>Deux<b>gras<i>italique</b> fin</i><div>Trois</span></p></li>Quatre",
     "Un\nDeuxgrasitalique fin\nTrois\nQuatre"},
    // Truncated input stops cleanly: what was complete is kept.
    {"StopsInsideAnAttribute", "<p>Début du texte</p><p>Suite <a href=\"http://exem",
     "Début du texte\nSuite"},
    {"StopsInsideAComment", "<p>Texte</p><!-- commentaire jamais fermé <p>x</p>", "Texte"},
    {"StopsInsideAScript", "<p>Texte</p><script>var x = 1;", "Texte"},
    {"StopsInsideAReference", "<p>Fin &eac", "Fin &eac"},
    {"StopsInsideAnEndTag", "<p>Fin </", "Fin </"},
    {"StopsAfterALoneLessThan", "<", "<"},
    {"GivesNothingForNothing", "", ""},
};

// The title of each page: <title>, else the first <h1>, else the first <h2>.
const HtmlCase kTitleCases[] = {
    {"TakesTitleFromTitleElement",
     "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\n"
     "<title>\n  Puces&nbsp;H200 : l&rsquo;export   autorisé\n</title>"
     "<link rel=\"stylesheet\" href=\"a.css\"></head>"
     "<body><h1>Autre titre</h1><p>Corps</p></body></html>",
     "Puces H200 : l’export autorisé"},
    {"FallsBackToFirstH1ForTitle",
     "<html><head><title>   </title></head><body><h2>Rubrique</h2>"
     "<h1>La capacité de <em>calcul</em>\n des H200</h1><h1>Second</h1></body></html>",
     "La capacité de calcul des H200"},
    {"FallsBackToFirstH2WhenThereIsNoH1",
     "<h3>Petit</h3><h2>Économie</h2><p>Texte</p><h2>Autre</h2>", "Économie"},
    {"HasEmptyTitleWhenThereIsNone", "<p>Rien</p>", ""},
    {"TakesNoTitleFromSvg",
     "<p>Un</p><svg viewBox=\"0 0 10 10\"><title>icône</title><text>SVG</text></svg><p>Deux</p>",
     ""},
    {"KeepsATruncatedTitle", "<title>Titre coupé", "Titre coupé"},
};

class TextCase : public ::testing::TestWithParam<HtmlCase> {};
TEST_P(TextCase, Extracts) { EXPECT_EQ(html_to_text(GetParam().html).text, GetParam().expected); }
INSTANTIATE_TEST_SUITE_P(HtmlTextTest, TextCase, ::testing::ValuesIn(kTextCases), case_name);

class TitleCase : public ::testing::TestWithParam<HtmlCase> {};
TEST_P(TitleCase, Extracts) { EXPECT_EQ(html_to_text(GetParam().html).title, GetParam().expected); }
INSTANTIATE_TEST_SUITE_P(HtmlTextTest, TitleCase, ::testing::ValuesIn(kTitleCases), case_name);

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

// Each pattern repeated to 2 MB, which the linear scanner reads in 70 ms at
// most (<nav>; most take a few). A scanner that searches ahead from every '<'
// or '&' makes some 10^12 steps of such an input: even one that only looks
// for the next '>' with memchr takes some 10 s for "<a ". The bound, half a second
// per input, leaves room both ways: for a loaded machine, and against a
// quadratic scanner.
TEST(HtmlTextTest, HandlesPathologicalInputInReasonableTime) {
  const double bound_ms = 500 * testing::time_scale();
  const std::vector<std::string> patterns = {"<a ",  "<!--",    "</",     "<![CDATA[",
                                             "&#1",  "&eacute", "<h1>",   "<nav>",
                                             "<td>", "<br>",    "<script"};
  for (const std::string& pattern : patterns) {
    std::string input;
    while (input.size() < 2000000) input += pattern;
    const auto start = std::chrono::steady_clock::now();
    const ExtractedText r = html_to_text(input);
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    EXPECT_LT(took.count(), bound_ms) << pattern;
    EXPECT_TRUE(is_valid_utf8(r.text)) << pattern;
  }
}

}  // namespace
}  // namespace furet::detail
