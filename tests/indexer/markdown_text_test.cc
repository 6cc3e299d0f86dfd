// Tests for the extraction of readable text and title from Markdown documents.
#include "markdown_text.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "utf8.h"

namespace furet::detail {
namespace {

std::string text_of(std::string_view md) { return markdown_to_text(md).text; }

TEST(MarkdownTextTest, StripsYamlFrontMatterAndTakesItsTitle) {
  const ExtractedText r = markdown_to_text(
      "---\n"
      "title: \"Les puces H200 : l’export autorisé\"\n"
      "date: 2024-06-11\n"
      "tags:\n"
      "  - semi-conducteurs\n"
      "---\n"
      "Les États-Unis ont formellement autorisé mardi l’exportation.\n");
  EXPECT_EQ(r.title, "Les puces H200 : l’export autorisé");
  EXPECT_EQ(r.text, "Les États-Unis ont formellement autorisé mardi l’exportation.");
}

TEST(MarkdownTextTest, ReadsUnquotedSingleQuotedAndTomlFrontMatterTitles) {
  EXPECT_EQ(markdown_to_text("---\ntitle: Économie numérique\n---\nTexte").title,
            "Économie numérique");
  EXPECT_EQ(markdown_to_text("---\ntitle: 'L''exportation'\n---\nTexte").title, "L'exportation");
  EXPECT_EQ(markdown_to_text("+++\ntitle = \"Le cœur du sujet\"\n+++\nTexte").title,
            "Le cœur du sujet");
  EXPECT_EQ(markdown_to_text("+++\ntitle = \"Le cœur du sujet\"\n+++\nTexte").text, "Texte");
}

TEST(MarkdownTextTest, FrontMatterTitleWinsOverFirstHeading) {
  const ExtractedText r = markdown_to_text("---\ntitle: Officiel\n---\n# Titre du corps\n\nTexte");
  EXPECT_EQ(r.title, "Officiel");
  EXPECT_EQ(r.text, "Titre du corps\nTexte");
}

TEST(MarkdownTextTest, DoesNotMistakeLeadingThematicBreaksForFrontMatter) {
  const ExtractedText r = markdown_to_text("---\nUn paragraphe entre deux filets.\n---\nSuite");
  EXPECT_EQ(r.text, "Un paragraphe entre deux filets.\nSuite");
}

TEST(MarkdownTextTest, TakesTitleFromFirstLevelOneHeading) {
  const ExtractedText r = markdown_to_text(
      "## Avant-propos\n\n# La capacité de *calcul* des H200 #\n\n# Second titre\n");
  EXPECT_EQ(r.title, "La capacité de calcul des H200");
  EXPECT_EQ(r.text, "Avant-propos\nLa capacité de calcul des H200\nSecond titre");
}

TEST(MarkdownTextTest, TakesTitleFromSetextHeading) {
  const ExtractedText r =
      markdown_to_text("Les puces H200\n==============\n\nSous-partie\n-----------\nTexte\n");
  EXPECT_EQ(r.title, "Les puces H200");
  EXPECT_EQ(r.text, "Les puces H200\nSous-partie\nTexte");
}

TEST(MarkdownTextTest, TurnsAtxHeadingsIntoPlainLines) {
  EXPECT_EQ(text_of("# Un\n## Deux ##\n###### Six\n####### Sept\n#NonTitre\n"),
            "Un\nDeux\nSix\n####### Sept #NonTitre");
}

TEST(MarkdownTextTest, RemovesEmphasisMarkers) {
  EXPECT_EQ(text_of("Les *États-Unis* ont **formellement** autorisé _mardi_ __l’exportation__ "
                    "des ~~puces~~ ***H200*** et **des *H20* aussi**."),
            "Les États-Unis ont formellement autorisé mardi l’exportation des puces H200 et des "
            "H20 aussi.");
}

TEST(MarkdownTextTest, KeepsLiteralAsterisksAndIntrawordUnderscores) {
  EXPECT_EQ(text_of("Calcul : 5 * 3 = 15, fichier mon_fichier_test.txt, ~20 %."),
            "Calcul : 5 * 3 = 15, fichier mon_fichier_test.txt, ~20 %.");
}

TEST(MarkdownTextTest, RemovesInlineCodeBackticksKeepingText) {
  EXPECT_EQ(text_of("Appelez `export_puces()` puis ``a `b` c`` et `x < y && z`."),
            "Appelez export_puces() puis a `b` c et x < y && z.");
}

TEST(MarkdownTextTest, ReplacesLinksByTheirText) {
  EXPECT_EQ(text_of("Voir [l’annonce officielle](https://example.gouv/annonce \"Titre\") et "
                    "[le *communiqué*](<https://x.fr/a b>) ou [vide]()."),
            "Voir l’annonce officielle et le communiqué ou vide.");
}

TEST(MarkdownTextTest, DropsImages) {
  EXPECT_EQ(text_of("Avant ![Schéma de la puce](img/h200.png \"H200\") après.\n\n"
                    "[![Logo](logo.png)](https://example.com)"),
            "Avant après.");
}

TEST(MarkdownTextTest, DropsReferenceDefinitionsAndResolvesReferenceLinks) {
  EXPECT_EQ(text_of("Un [lien complet][Réf], un [réf][] et [Réf] seul, mais [pas défini].\n\n"
                    "[réf]: https://example.com/ref \"Titre\"\n"
                    "  [autre]: /autre\n"),
            "Un lien complet, un réf et Réf seul, mais [pas défini].");
}

TEST(MarkdownTextTest, KeepsFootnoteTextButDropsFootnoteMarkers) {
  EXPECT_EQ(text_of("Selon le ministère[^1], c’est acté.\n\n[^1]: Communiqué du 11 juin."),
            "Selon le ministère, c’est acté.\nCommuniqué du 11 juin.");
}

TEST(MarkdownTextTest, DropsAutolinks) {
  EXPECT_EQ(text_of("Écrire à <contact@example.fr> ou voir <https://example.fr/page?a=1>."),
            "Écrire à ou voir .");
}

TEST(MarkdownTextTest, RemovesListMarkers) {
  EXPECT_EQ(text_of("- premier\n* deuxième\n+ troisième\n1. quatrième\n2) cinquième\n"
                    "- [ ] tâche à faire\n- [x] tâche faite\n"),
            "premier\ndeuxième\ntroisième\nquatrième\ncinquième\ntâche à faire\ntâche faite");
}

TEST(MarkdownTextTest, JoinsWrappedListItemLines) {
  EXPECT_EQ(text_of("- La capacité de calcul\n  des H200 est supérieure\n- Second point\n"),
            "La capacité de calcul des H200 est supérieure\nSecond point");
}

TEST(MarkdownTextTest, DoesNotStartAListAtAYearInsideAParagraph) {
  EXPECT_EQ(text_of("Les exportations ont repris en\n2024. Depuis, tout a changé."),
            "Les exportations ont repris en 2024. Depuis, tout a changé.");
}

TEST(MarkdownTextTest, RemovesBlockquoteMarkers) {
  EXPECT_EQ(text_of("> Les États-Unis ont formellement\n> autorisé mardi l’exportation.\n>\n"
                    "> > Citation imbriquée\n"),
            "Les États-Unis ont formellement autorisé mardi l’exportation.\nCitation imbriquée");
}

TEST(MarkdownTextTest, KeepsFencedCodeBlocksAsTextLines) {
  EXPECT_EQ(text_of("Exemple :\n\n```cpp\n#include <iostream>\nint main() {\n  return a && b;\n}"
                    "\n```\n\n~~~\n# pas un titre\n*pas d’emphase*\n~~~\nFin"),
            "Exemple :\n#include <iostream>\nint main() {\nreturn a && b;\n}\n# pas un titre\n"
            "*pas d’emphase*\nFin");
}

TEST(MarkdownTextTest, RunsAnUnclosedFenceToTheEnd) {
  EXPECT_EQ(text_of("Texte\n```\nligne 1\n\nligne 3"), "Texte\nligne 1\n\nligne 3");
}

TEST(MarkdownTextTest, KeepsIndentedCodeLines) {
  EXPECT_EQ(text_of("Paragraphe.\n\n    code_indenté();\n    suite();\n\nFin"),
            "Paragraphe.\ncode_indenté();\nsuite();\nFin");
}

TEST(MarkdownTextTest, RemovesInlineHtmlTags) {
  EXPECT_EQ(text_of("La <span class=\"x\">capacité</span> de <b>calcul</b><br>des "
                    "<abbr title=\"a > b\">H200</abbr>, 3 < 4 et a<b."),
            "La capacité de calcul des H200, 3 < 4 et a<b.");
}

TEST(MarkdownTextTest, RendersHtmlBlocksAsText) {
  EXPECT_EQ(text_of("Avant\n\n<div class=\"encadré\">\n<p>Texte <em>HTML</em> &eacute;t&eacute;"
                    "</p>\n</div>\n\n<!--\nnote interne\n-->\n\n<script>\nvar a = 1;\n</script>\n"
                    "\nAprès"),
            "Avant\nTexte HTML été\nAprès");
}

TEST(MarkdownTextTest, DecodesCharacterReferences) {
  EXPECT_EQ(text_of("L&rsquo;exportation &amp; le c&oelig;ur &#233;t&#xE9; AT&T"),
            "L’exportation & le cœur été AT&T");
}

TEST(MarkdownTextTest, KeepsBackslashEscapedCharacters) {
  EXPECT_EQ(text_of("\\*pas d’emphase\\*, \\[pas un lien\\](x), \\<b\\>, \\# et \\\\."),
            "*pas d’emphase*, [pas un lien](x), <b>, # et \\.");
}

TEST(MarkdownTextTest, TurnsTablesIntoPipeSeparatedRows) {
  EXPECT_EQ(text_of("Tableau :\n\n| Modèle | Capacité |\n|:-------|---------:|\n"
                    "| **H200** | 6 fois |\n| H20 | `a|b` |\n|  | vide |\n\nAprès"),
            "Tableau :\nModèle | Capacité\nH200 | 6 fois\nH20 | a|b\nvide\nAprès");
}

TEST(MarkdownTextTest, TurnsTablesWithoutOuterPipesIntoRows) {
  EXPECT_EQ(text_of("Modèle | Capacité\n--- | ---\nH200 | 6 fois"),
            "Modèle | Capacité\nH200 | 6 fois");
}

TEST(MarkdownTextTest, DropsHorizontalRules) {
  EXPECT_EQ(text_of("Un\n\n***\n\nDeux\n\n- - -\n\nTrois\n\n___\n"), "Un\nDeux\nTrois");
}

TEST(MarkdownTextTest, JoinsWrappedParagraphLines) {
  EXPECT_EQ(text_of("La capacité de calcul des H200\nest plus de six fois supérieure  \n"
                    "à celle des H20.\n\nNouveau paragraphe\r\nsur deux lignes.\\\nFin."),
            "La capacité de calcul des H200 est plus de six fois supérieure à celle des H20.\n"
            "Nouveau paragraphe sur deux lignes. Fin.");
}

TEST(MarkdownTextTest, HandlesEmptyAndBlankInput) {
  EXPECT_EQ(text_of(""), "");
  EXPECT_EQ(text_of("\n\n   \n"), "");
  EXPECT_EQ(markdown_to_text("---\n").title, "");
}

TEST(MarkdownTextTest, HandlesPathologicalInputInReasonableTime) {
  const std::vector<std::string> patterns = {"[",    "![",   "](", "`",  "*a", "_", "<a ",
                                             "<!--", "[a](", "> ", "- ", "|",  "&#"};
  for (const std::string& pattern : patterns) {
    std::string input;
    while (input.size() < 200000) input += pattern;
    EXPECT_TRUE(is_valid_utf8(text_of(input))) << pattern;
  }
}

TEST(MarkdownTextTest, RandomAndMutatedInputNeverBreaks) {
  std::mt19937 rng(1789);
  const std::vector<std::string> tokens = {
      "#",    "# ",       "\n",    "\n\n",     " ",
      "    ", "\t",       "*",     "**",       "_",
      "__",   "~~",       "`",     "```",      "~~~",
      "[",    "]",        "(",     ")",        "![",
      "<",    ">",        "> ",    "- ",       "1. ",
      "|",    "---",      "===",   "\\",       "&",
      ";",    "&eacute;", "<div>", "</div>",   "<!--",
      "-->",  "<script>", "é",     "œ",        "’",
      "🚀",    "a",        "mot",   "x",        ":",
      "[^1]", "[r]: /u",  "+++",   "title: T", std::string(1, '\0')};
  const std::string seed =
      "---\ntitle: Essai\n---\n# Les puces H200\n\nLa **capacité** de _calcul_ des [H200](u)\n"
      "est supérieure.\n\n- un\n- deux\n\n> citation\n\n```\ncode\n```\n\n| a | b |\n|---|---|\n"
      "| c | d |\n\n[r]: https://x\n";
  for (int round = 0; round < 4000; ++round) {
    std::string input;
    if (round % 3 == 0) {
      const int count = static_cast<int>(rng() % 100);
      for (int k = 0; k < count; ++k) input += tokens[rng() % tokens.size()];
    } else if (round % 3 == 1) {
      input = seed;
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
    const ExtractedText r = markdown_to_text(input);
    if (is_valid_utf8(input)) {
      ASSERT_TRUE(is_valid_utf8(r.text)) << "round " << round;
      ASSERT_TRUE(is_valid_utf8(r.title)) << "round " << round;
    }
    ASSERT_FALSE(r.text.starts_with('\n')) << "round " << round;
    ASSERT_FALSE(r.text.ends_with('\n')) << "round " << round;
    ASSERT_EQ(r.text.find("\n\n\n"), std::string::npos) << "round " << round;
  }
}

}  // namespace
}  // namespace furet::detail
