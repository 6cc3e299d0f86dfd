// Tests for the extraction of readable text and title from Markdown documents.
#include "extract/markdown_text.h"

#include <gtest/gtest.h>
#include <pthread.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "../process_util.h"
#include "extract/utf8.h"

namespace furet::detail {
namespace {

// One Markdown input and the text it should give: one block per line.
struct TextCase {
  const char* name;
  std::string_view markdown;
  std::string_view text;
};

void PrintTo(const TextCase& c, std::ostream* os) { *os << c.name; }

const TextCase kTextCases[] = {
    // Headings, paragraphs, rules.
    {"AtxHeadingsArePlainLines", "# Un\n## Deux ##\n###### Six\n####### Sept\n#NonTitre\n",
     "Un\nDeux\nSix\n####### Sept #NonTitre"},
    {"WrappedParagraphLinesJoin",
     "La capacité de calcul des H200\nest plus de six fois supérieure  \n"
     "à celle des H20.\n\nNouveau paragraphe\r\nsur deux lignes.\\\nFin.",
     "La capacité de calcul des H200 est plus de six fois supérieure à celle des H20.\n"
     "Nouveau paragraphe sur deux lignes. Fin."},
    {"ThematicBreaksGo", "Un\n\n***\n\nDeux\n\n- - -\n\nTrois\n\n___\n", "Un\nDeux\nTrois"},
    {"EmptyInput", "", ""},
    {"BlankInput", "\n\n   \n", ""},

    // Inline markup.
    {"EmphasisMarkersGo",
     "Les *États-Unis* ont **formellement** autorisé _mardi_ __l’exportation__ des ~~puces~~ "
     "***H200*** et **des *H20* aussi**.",
     "Les États-Unis ont formellement autorisé mardi l’exportation des puces H200 et des H20 "
     "aussi."},
    {"LiteralAsterisksAndIntrawordUnderscoresStay",
     "Calcul : 5 * 3 = 15, fichier mon_fichier_test.txt, ~20 %.",
     "Calcul : 5 * 3 = 15, fichier mon_fichier_test.txt, ~20 %."},
    {"CodeSpansKeepTheirText", "Appelez `export_puces()` puis ``a `b` c`` et `x < y && z`.",
     "Appelez export_puces() puis a `b` c et x < y && z."},
    {"BackslashIsLiteralInCodeSpans", "Le séparateur `\\` de Windows",
     "Le séparateur \\ de Windows"},
    {"LinksGiveTheirText",
     "Voir [l’annonce officielle](https://example.gouv/annonce \"Titre\") et "
     "[le *communiqué*](<https://x.fr/a b>) ou [vide]().",
     "Voir l’annonce officielle et le communiqué ou vide."},
    {"ImagesGo",
     "Avant ![Schéma de la puce](img/h200.png \"H200\") après.\n\n"
     "[![Logo](logo.png)](https://example.com)",
     "Avant après."},
    {"ReferenceLinksResolveAndDefinitionsGo",
     "Un [lien complet][Réf], un [réf][] et [Réf] seul, mais [pas défini].\n\n"
     "[réf]: https://example.com/ref \"Titre\"\n  [autre]: /autre\n",
     "Un lien complet, un réf et Réf seul, mais [pas défini]."},
    {"FootnoteMarkersGoTheirTextStays",
     "Selon le ministère[^1], c’est acté.\n\n[^1]: Communiqué du 11 juin.",
     "Selon le ministère, c’est acté.\nCommuniqué du 11 juin."},
    {"FootnoteRightBelowItsParagraph", "Selon lui[^note].\n[^note]: La note.",
     "Selon lui.\nLa note."},
    {"AutolinksGo", "Écrire à <contact@example.fr> ou voir <https://example.fr/page?a=1>.",
     "Écrire à ou voir ."},
    {"BareAddressesStayText", "Voir https://example.fr/page et www.example.fr.",
     "Voir https://example.fr/page et www.example.fr."},
    {"InlineHtmlTagsGo",
     "La <span class=\"x\">capacité</span> de <b>calcul</b><br>des "
     "<abbr title=\"a > b\">H200</abbr>, 3 < 4 et a<b.",
     "La capacité de calcul des H200, 3 < 4 et a<b."},
    {"LineBreakTagsPartWords", "Ligne<br/>suite<BR>fin</br>x <bra>y", "Ligne suite fin x y"},
    {"CharacterReferencesDecode", "L&rsquo;exportation &amp; le c&oelig;ur &#233;t&#xE9; AT&T",
     "L’exportation & le cœur été AT&T"},
    {"ReferenceWithoutSemicolonIsText", "caf&#233 et caf&#233;", "caf&#233 et café"},
    {"BackslashEscapesKeepTheCharacter",
     "\\*pas d’emphase\\*, \\[pas un lien\\](x), \\<b\\>, \\# et \\\\.",
     "*pas d’emphase*, [pas un lien](x), <b>, # et \\."},

    // Lists and quotes.
    {"ListMarkersGo",
     "- premier\n* deuxième\n+ troisième\n1. quatrième\n2) cinquième\n- [ ] tâche à faire\n"
     "- [x] tâche faite\n",
     "premier\ndeuxième\ntroisième\nquatrième\ncinquième\ntâche à faire\ntâche faite"},
    {"WrappedListItemLinesJoin",
     "- La capacité de calcul\n  des H200 est supérieure\n- Second point\n",
     "La capacité de calcul des H200 est supérieure\nSecond point"},
    {"NestedListItemsAreLinesOfTheirOwn", "- un\n  - sous-point\n    - encore\n- deux",
     "un\nsous-point\nencore\ndeux"},
    {"FenceInsideAListItemCloses",
     "1. Étape :\n\n   ```sh\n   make\n   ```\n\n   Puis la suite.\n2. Fin",
     "Étape :\nmake\nPuis la suite.\nFin"},
    {"AYearDoesNotStartAListInsideAParagraph",
     "Les exportations ont repris en\n2024. Depuis, tout a changé.",
     "Les exportations ont repris en 2024. Depuis, tout a changé."},
    {"BlockquoteMarkersGo",
     "> Les États-Unis ont formellement\n> autorisé mardi l’exportation.\n>\n> > Citation "
     "imbriquée\n",
     "Les États-Unis ont formellement autorisé mardi l’exportation.\nCitation imbriquée"},

    // Code blocks.
    {"FencedCodeLinesAreTextLines",
     "Exemple :\n\n```cpp\n#include <iostream>\nint main() {\n  return a && b;\n}\n```\n\n"
     "~~~\n# pas un titre\n*pas d’emphase*\n~~~\nFin",
     "Exemple :\n#include <iostream>\nint main() {\nreturn a && b;\n}\n# pas un titre\n"
     "*pas d’emphase*\nFin"},
    {"UnclosedFenceRunsToTheEnd", "Texte\n```\nligne 1\n\nligne 3", "Texte\nligne 1\n\nligne 3"},
    {"IndentedCodeLinesAreTextLines", "Paragraphe.\n\n    code_indenté();\n    suite();\n\nFin",
     "Paragraphe.\ncode_indenté();\nsuite();\nFin"},

    // Raw HTML blocks: read as the HTML scanner reads a page, each block on its own.
    {"HtmlBlocksGiveTheirVisibleText",
     "Avant\n\n<div class=\"encadré\">\n<p>Texte <em>HTML</em> &eacute;t&eacute;</p>\n</div>\n\n"
     "<!--\nnote interne\n-->\n\n<script>\nvar a = 1;\n</script>\n\nAprès",
     "Avant\nTexte HTML été\nAprès"},
    {"MarkdownBetweenHtmlBlocksIsKept", "<aside>\n\nTexte gardé\n\n</aside>\n\nAprès",
     "Texte gardé\nAprès"},

    // What a reader never sees: a soft hyphen written as a reference, a control.
    {"SoftHyphensAndControlsAreNotText", "Au Mit&shy;tel&#173;al\u00ADter\x01, *re&shy;lu*.",
     "Au Mittelalter, relu."},

    // Tables (GitHub's extension): a row per line, cells separated by " | ".
    {"TableRowsArePipeSeparatedLines",
     "Tableau :\n\n| Modèle | Capacité |\n|:-------|---------:|\n| **H200** | 6 fois |\n"
     "| H20 | `a|b` |\n|  | vide |\n\nAprès",
     "Tableau :\nModèle | Capacité\nH200 | 6 fois\nH20 | a|b\nvide\nAprès"},
    {"TableWithoutOuterPipes", "Modèle | Capacité\n--- | ---\nH200 | 6 fois",
     "Modèle | Capacité\nH200 | 6 fois"},
    {"TableEscapedPipeStaysInItsCell", "| a \\| b | c |\n|---|:-:|\n| [lien](u) | ![img](x.png) |",
     "a | b | c\nlien"},
    {"TableRowsShortOrLongAsGitHubShowsThem", "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| 4 |\n",
     "a | b\n1 | 2\n4"},
    {"TableInsideAQuote", "> | a | b |\n> |---|---|\n> | 1 | 2 |", "a | b\n1 | 2"},
    {"TableEndsAtABlankLine", "| a |\n|---|\n| x |\nsuite\n\nfin", "a\nx\nsuite\nfin"},
    {"PipesWithoutADelimiterRowAreText", "a | b\nc | d", "a | b c | d"},
};

class MarkdownTextCaseTest : public ::testing::TestWithParam<TextCase> {};

TEST_P(MarkdownTextCaseTest, GivesTheText) {
  EXPECT_EQ(markdown_to_text(GetParam().markdown).text, GetParam().text);
}

INSTANTIATE_TEST_SUITE_P(Markdown, MarkdownTextCaseTest, ::testing::ValuesIn(kTextCases),
                         [](const auto& info) { return std::string(info.param.name); });

// One Markdown input and the title and text it should give.
struct TitleCase {
  const char* name;
  std::string_view markdown;
  std::string_view title;
  std::string_view text;
};

void PrintTo(const TitleCase& c, std::ostream* os) { *os << c.name; }

const TitleCase kTitleCases[] = {
    {"YamlFrontMatterGoesItsTitleStays",
     "---\ntitle: \"Les puces H200 : l’export autorisé\"\ndate: 2024-06-11\ntags:\n"
     "  - semi-conducteurs\n---\nLes États-Unis ont formellement autorisé mardi l’exportation.\n",
     "Les puces H200 : l’export autorisé",
     "Les États-Unis ont formellement autorisé mardi l’exportation."},
    {"UnquotedYamlTitle", "---\ntitle: Économie numérique\n---\nTexte", "Économie numérique",
     "Texte"},
    {"SingleQuotedYamlTitle", "---\ntitle: 'L''exportation'\n---\nTexte", "L'exportation", "Texte"},
    {"TomlFrontMatter", "+++\ntitle = \"Le cœur du sujet\"\n+++\nTexte", "Le cœur du sujet",
     "Texte"},
    {"CrLfFrontMatter", "---\r\ntitle: Titre\r\n---\r\nTexte\r\n", "Titre", "Texte"},
    {"FrontMatterTitleWinsOverFirstHeading", "---\ntitle: Officiel\n---\n# Titre du corps\n\nTexte",
     "Officiel", "Titre du corps\nTexte"},
    {"LeadingThematicBreaksAreNotFrontMatter", "---\nUn paragraphe entre deux filets.\n---\nSuite",
     "", "Un paragraphe entre deux filets.\nSuite"},
    {"UnclosedFrontMatterIsNone", "---\n", "", ""},
    {"FirstLevelOneHeading",
     "## Avant-propos\n\n# La capacité de *calcul* des H200 #\n\n# Second titre\n",
     "La capacité de calcul des H200",
     "Avant-propos\nLa capacité de calcul des H200\nSecond titre"},
    {"EmptyHeadingGivesNoTitle", "#\n\n# Vrai titre", "Vrai titre", "Vrai titre"},
    {"SetextHeading", "Les puces H200\n==============\n\nSous-partie\n-----------\nTexte\n",
     "Les puces H200", "Les puces H200\nSous-partie\nTexte"},
    {"WrappedSetextHeadingIsOneLine", "Les puces\nH200\n===\n", "Les puces H200", "Les puces H200"},
};

class MarkdownTitleCaseTest : public ::testing::TestWithParam<TitleCase> {};

TEST_P(MarkdownTitleCaseTest, GivesTheTitleAndText) {
  const ExtractedText r = markdown_to_text(GetParam().markdown);
  EXPECT_EQ(r.title, GetParam().title);
  EXPECT_EQ(r.text, GetParam().text);
}

INSTANTIATE_TEST_SUITE_P(Markdown, MarkdownTitleCaseTest, ::testing::ValuesIn(kTitleCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(MarkdownTextTest, FrontMatterFieldsBesideTheTitle) {
  const ExtractedText r = markdown_to_text(
      "---\ntitle: T\nauthor: Jeanne Dupont\ntags: [puces, export]\nsummary: >\n  Un résumé\n"
      "  sur deux lignes\n---\nTexte");
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"author", "Jeanne Dupont"},
      {"tags", "puces, export"},
      {"summary", "Un résumé sur deux lignes"}};
  EXPECT_EQ(r.front_matter, expected);
}

// Hostile input: a quadratic parser, or one that recurses once per level of nesting, fails
// here. Each input is 200 KB of one pattern; md4c reads each in milliseconds.
TEST(MarkdownTextTest, HandlesPathologicalInputInLinearTime) {
  const auto bound = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::seconds(1) *
                                                                           testing::time_scale());
  const std::vector<std::string> patterns = {
      "[",  "![", "](",   "`",  "*a",      "_",    "<a ", "<!--",       "[a](",    "> ",
      "- ", "|",  "&#",   "*[", "[*",      "[^",   "a*",  "**",         "~~",      "(",
      "<",  "\\", "[a][", "[]", "- a\n  ", "> - ", "1. ", "|a|\n|-|\n", "<div>\n", "```\n"};
  for (const std::string& pattern : patterns) {
    std::string input;
    while (input.size() < 200000) input += pattern;
    const auto start = std::chrono::steady_clock::now();
    const ExtractedText r = markdown_to_text(input);
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_LT(took, bound) << "'" << pattern << "'";
    EXPECT_TRUE(is_valid_utf8(r.text)) << "'" << pattern << "'";
  }
}

// Deep nesting on a thread with a small stack (256 KiB, a thirty-second of the usual 8 MiB):
// neither md4c nor the callbacks may recurse once per level.
TEST(MarkdownTextTest, DeepNestingNeedsLittleStack) {
  struct Run {
    std::string input;
    std::string text;
  };
  for (const std::string_view level : {"> ", "- ", "* ", "1. ", "[", "*a ", "<span>"}) {
    Run run;
    while (run.input.size() < 200000) run.input += level;
    run.input += "fin";
    pthread_attr_t attributes;
    ASSERT_EQ(pthread_attr_init(&attributes), 0);
    ASSERT_EQ(pthread_attr_setstacksize(&attributes, 256 * 1024), 0);
    pthread_t thread;
    ASSERT_EQ(pthread_create(
                  &thread, &attributes,
                  [](void* arg) -> void* {
                    auto* r = static_cast<Run*>(arg);
                    r->text = markdown_to_text(r->input).text;
                    return nullptr;
                  },
                  &run),
              0);
    ASSERT_EQ(pthread_join(thread, nullptr), 0);
    pthread_attr_destroy(&attributes);
    EXPECT_TRUE(run.text.ends_with("fin")) << "'" << level << "'";
  }
}

}  // namespace
}  // namespace furet::detail
