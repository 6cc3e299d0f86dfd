// Site chrome is recognised from where it sits and what it is made of; the
// article's sentences are kept, whatever their words.
#include "extract/chrome_filter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace furet::detail {
namespace {

// An article's body: prose that any line may stand before, among or after.
const std::vector<std::string_view> kBody = {
    "Le conseil municipal a voté mardi soir le budget de la piscine intercommunale.",
    "Les riverains ont obtenu que le chantier s'arrête chaque jour à dix-huit heures.",
    "Le maire a rappelé que la commune finance le projet avec la région, sans hausse d'impôts.",
};

std::vector<bool> chrome_of(const std::vector<std::string_view>& lines) {
  return find_chrome_lines(lines, Analyzer());
}

// Whether `line` is chrome when it stands alone, before the body, in the middle
// of it, or after it.
struct Placed {
  bool alone, before, middle, after;
};

Placed placed(std::string_view line) {
  Placed p{};
  p.alone = chrome_of({line}).front();
  std::vector<std::string_view> lines = {line};
  lines.insert(lines.end(), kBody.begin(), kBody.end());
  p.before = chrome_of(lines).front();
  lines = {kBody[0], kBody[1], line, kBody[2]};
  p.middle = chrome_of(lines)[2];
  lines.assign(kBody.begin(), kBody.end());
  lines.push_back(line);
  p.after = chrome_of(lines).back();
  return p;
}

// A link to another page and a credit go wherever they are.
TEST(ChromeFilterTest, LinksAndCreditsGoWhereverTheyAre) {
  for (std::string_view line : {"Photo: I-HWA CHENG/AFP via Getty Images", "|",
                                "Lire aussi : la Chine accélère", "Crédit : Ville de Lyon"}) {
    const Placed p = placed(line);
    EXPECT_TRUE(p.alone && p.before && p.middle && p.after) << line;
  }
}

// A badge (a few words, many of them the interface's) and markup residue go
// around the body: after it, and before it in a block of chrome; once among
// its paragraphs they are its text (a label of a manual, an identifier), and
// alone just before it, its heading ("Partage de vos fichiers personnels").
TEST(ChromeFilterTest, BadgesAndResidueGoAroundTheBody) {
  const std::string_view credit = "Photo : AFP";
  for (std::string_view line :
       {"Partager un article", "Laisser un commentaire", "Durée de lecture: 6 Min.",
        "Inscrivez-vous !", "CRÉER UN COMPTE", "Logo Epoch Times", "Abonnez-vous à la newsletter",
        "top-article-image", "gc/ube/kaf/jug/er", "Share on Facebook", "Lecture seule",
        "xz-utils"}) {
    const Placed p = placed(line);
    EXPECT_TRUE(p.after) << line;
    EXPECT_FALSE(p.middle) << line;
    EXPECT_TRUE(chrome_of({line, credit, kBody[0], kBody[1], kBody[2]}).front())
        << "in a block before the body: " << line;
    EXPECT_TRUE(chrome_of({credit, line, kBody[0], kBody[1], kBody[2]})[1])
        << "in a block before the body: " << line;
  }
  EXPECT_FALSE(placed("Partage de vos fichiers personnels").before);
}

// A prompt to the reader about the site, a copyright line: prose in form,
// chrome in place. In a block of chrome around the body they go; among its
// sentences they stay. A prompt alone beside the body, with no other chrome
// next to it, is the article's own last (or first) sentence.
TEST(ChromeFilterTest, PromptsAndCopyrightGoAroundTheBodyOnly) {
  const std::string_view button = "Laisser un commentaire";
  for (std::string_view line :
       {"Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
        "Vous avez déjà un compte ? Connectez-vous et retrouvez plus tard tous vos commentaires "
        "dans votre espace personnel.",
        "« Tous droits de reproduction et de représentation réservés. © 2026 Agence "
        "France-Presse. »"}) {
    std::vector<std::string_view> lines(kBody.begin(), kBody.end());
    lines.push_back(button);
    lines.push_back(line);
    EXPECT_TRUE(chrome_of(lines).back()) << "after a button: " << line;
    lines = {line, button, kBody[0], kBody[1], kBody[2]};
    EXPECT_TRUE(chrome_of(lines).front()) << "before a button: " << line;
    const Placed p = placed(line);
    EXPECT_FALSE(p.middle) << line;
    EXPECT_FALSE(p.alone) << "no body to sit around: " << line;
  }
  EXPECT_TRUE(placed("« Tous droits de reproduction réservés. © 2026 AFP »").after)
      << "a copyright line is chrome beside the body too";
  for (std::string_view line :
       {"Soyez donc vigilant lorsque vous publiez des commentaires sur un réseau social !",
        "Quelqu'un a diffusé sur un réseau social des informations ou des images que vous "
        "préférez garder confidentielles ?"}) {
    const Placed p = placed(line);
    EXPECT_FALSE(p.before || p.after) << "alone beside the body: " << line;
  }
}

// Sentences that hold the interface's words are the article's all the same.
// A short line closed by a full stop or a semicolon is a sentence or an item
// of a list, whatever its words; a sentence about rights is law, not a
// copyright line. Kept wherever they are.
TEST(ChromeFilterTest, ShortSentencesListItemsAndLawAreNoChrome) {
  for (std::string_view line :
       {"Suivez les instructions données.", "les cookies \"flash\" ;",
        "les liens sur lesquels vous cliquez.",
        "Vous disposez d'un compte Badoo : connectez-vous à votre compte Badoo ;",
        "Toute personne dispose sur son image et sur l'utilisation qui en est faite d'un droit "
        "exclusif et peut s'opposer à sa reproduction et à sa diffusion.",
        "La consultation du fichier est réservée aux organismes habilités par la loi, qui ont le "
        "droit d'en connaître pour les missions que la loi leur confie."}) {
    const Placed p = placed(line);
    EXPECT_FALSE(p.alone || p.before || p.middle || p.after) << line;
  }
  // A short copyright line still goes around the body.
  EXPECT_TRUE(placed("Droits de reproduction : AFP").after);
}

TEST(ChromeFilterTest, SentencesOfTheBodyAreKept) {
  for (std::string_view line :
       {"Vous insérez un champ dans le document actif, puis vous choisissez son format dans la "
        "liste.",
        "Votre compte d'engagement citoyen (CEC) est rattaché à votre compte personnel de "
        "formation (CPA).",
        "Facebook a suspendu le compte de l'ancien président après les émeutes du Capitole.",
        "Epoch Times a contacté la Maison-Blanche pour un commentaire et n'a pas reçu de réponse "
        "au moment de la publication."}) {
    const Placed p = placed(line);
    EXPECT_FALSE(p.middle) << line;
    EXPECT_FALSE(p.alone) << line;
  }
  for (std::string_view line : {"Entre intérêts économiques et sécurité nationale",
                                "Ce qu'il faut retenir", "Photographier la Chine en 2025",
                                "Mar-a-Lago", "https://twitter.example.com/forms/data.asp",
                                // A heading, not a link: no title follows.
                                "VOIR AUSSI",
                                // One letter of a word is no "e-mail".
                                "ESSIEU (è-sieu) s. m.", "Je suis mis(e) en cause :"}) {
    const Placed p = placed(line);
    EXPECT_FALSE(p.alone || p.before || p.middle || p.after) << line;
  }
}

// The body is where prose concentrates: a caption before a run of badges is
// not the start of the body, and a prompt among the comments after the body
// is still after it.
TEST(ChromeFilterTest, TheBodyIsTheStretchWithTheMostProse) {
  const std::vector<std::string_view> lines = {
      "Une légende de photo, assez longue pour être une phrase comme une autre.",
      "Partager un article",
      "Durée de lecture: 6 Min.",
      kBody[0],
      kBody[1],
      kBody[2],
      "Partagez votre avis en commentaire !",
      "Si vous appréciez nos articles, suivez-nous sur Google News et partagez-les sur les réseaux "
      "sociaux.",
      "Un commentaire",
      "Pour une entreprise européenne, il est très difficile d'identifier une stratégie à long "
      "terme.",
  };
  const std::vector<bool> chrome = chrome_of(lines);
  EXPECT_FALSE(chrome[0]) << "a sentence, even outside the body, is not a cue";
  EXPECT_TRUE(chrome[1] && chrome[2]);
  EXPECT_FALSE(chrome[3] || chrome[4] || chrome[5]);
  EXPECT_TRUE(chrome[6] && chrome[7] && chrome[8]);
  EXPECT_FALSE(chrome[9]) << "a reader's comment is prose";
}

// Identifiers one per line, a CSS class, do not split the body: a list of
// files in a manual stays between the sentences around it.
TEST(ChromeFilterTest, IdentifiersDoNotEndTheBody) {
  const std::vector<bool> chrome =
      chrome_of({kBody[0], kBody[1], "/etc/apt/sources.list", "/var/lib/apt/lists",
                 "Ces fichiers sont lus au démarrage, dans cet ordre et sans exception."});
  EXPECT_FALSE(chrome[2] || chrome[3] || chrome[4]);
}

// A short line repeated through the page keeps its first occurrence; an
// interjection repeated three times or more between paragraphs (an ad
// break) goes entirely.
TEST(ChromeFilterTest, RepeatedShortLines) {
  const std::string_view ad = "Nous reprenons après cette annonce.";
  const std::vector<bool> twice = chrome_of({kBody[0], ad, kBody[1], ad, kBody[2]});
  EXPECT_FALSE(twice[1]);
  EXPECT_TRUE(twice[3]);
  const std::vector<bool> thrice = chrome_of({kBody[0], ad, kBody[1], ad, kBody[2], ad});
  EXPECT_TRUE(thrice[1] && thrice[3] && thrice[5]);
  // A badge three times through the article is an ad break wherever it
  // stands, next to a heading too.
  const std::string_view pub = "La suite après la pub !";
  const std::vector<bool> breaks =
      chrome_of({kBody[0], pub, kBody[1], pub, "Ce qu'il faut retenir", kBody[2], pub});
  EXPECT_TRUE(breaks[1] && breaks[3] && breaks[6]);
  EXPECT_FALSE(breaks[4]);
  const std::vector<bool> words = chrome_of({"Oui", kBody[0], "Oui", kBody[1], "Oui"});
  EXPECT_FALSE(words[0]) << "a word repeated is not an ad break";
  EXPECT_FALSE(chrome_of({ad}).front());
  // Lines of code examples repeat too, among other short lines: the first
  // example stays whole.
  const std::string_view from = "FROM python:3.7 AS base";
  const std::string_view copy = "COPY . /tmp/app/src";
  const std::vector<bool> code =
      chrome_of({kBody[0], from, copy, kBody[1], from, copy, "RUN pip install -r requirements.txt",
                 kBody[2], from, copy});
  EXPECT_FALSE(code[1] || code[2]) << "the first example is kept";
  EXPECT_TRUE(code[4] && code[5] && code[8] && code[9]) << "its lines repeated go";
  EXPECT_FALSE(code[6]);
}

}  // namespace
}  // namespace furet::detail
