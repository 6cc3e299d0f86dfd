// Site chrome is recognised by general rules; article text is kept.
#include "chrome_filter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace furet::detail {
namespace {

bool is_chrome(std::string_view line, std::vector<std::string_view> context = {}) {
  context.push_back(line);
  return find_chrome_lines(context, Analyzer()).back();
}

TEST(ChromeFilterTest, InterfaceBadgesAndButtons) {
  EXPECT_TRUE(is_chrome("Partager un article"));
  EXPECT_TRUE(is_chrome("Laisser un commentaire"));
  EXPECT_TRUE(is_chrome("Durée de lecture: 6 Min."));
  EXPECT_TRUE(is_chrome("Inscrivez-vous !"));
  EXPECT_TRUE(is_chrome("CRÉER UN COMPTE"));
  EXPECT_TRUE(is_chrome("Logo Epoch Times"));
  EXPECT_TRUE(is_chrome("Abonnez-vous à la newsletter"));
}

TEST(ChromeFilterTest, CommentFormsAndCallsToAction) {
  EXPECT_TRUE(is_chrome("Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont "
                        "indiqués avec *"));
  EXPECT_TRUE(is_chrome("Vous avez déjà un compte ? Connectez-vous et retrouvez plus tard tous "
                        "vos commentaires dans votre espace personnel."));
}

TEST(ChromeFilterTest, CreditsCopyrightAndMarkupResidue) {
  EXPECT_TRUE(is_chrome("Photo: I-HWA CHENG/AFP via Getty Images"));
  EXPECT_TRUE(is_chrome("« Tous droits de reproduction et de représentation réservés. © 2026 "
                        "Agence France-Presse. »"));
  EXPECT_TRUE(is_chrome("top-article-image"));
  EXPECT_TRUE(is_chrome("gc/ube/kaf/jug/er"));
  EXPECT_TRUE(is_chrome("|"));
  EXPECT_TRUE(is_chrome("Lire aussi : la Chine accélère"));
}

TEST(ChromeFilterTest, ShortLinesRepeatedThroughThePage) {
  const std::string_view ad = "Une annonce ici, merci !";
  EXPECT_TRUE(is_chrome(ad, {ad, "Le Nvidia H20 est la puce la plus avancée."}));
  EXPECT_FALSE(is_chrome(ad));
}

TEST(ChromeFilterTest, KeepsArticleText) {
  EXPECT_FALSE(is_chrome("Epoch Times a contacté la Maison-Blanche pour un commentaire et n’a pas "
                         "reçu de réponse au moment de la publication."));
  EXPECT_FALSE(is_chrome("Entre intérêts économiques et sécurité nationale"));
  EXPECT_FALSE(is_chrome("Ce qu’il faut retenir"));
  EXPECT_FALSE(is_chrome("Le cas DeepSeek : révélateur des limites des restrictions"));
  EXPECT_FALSE(is_chrome("Photographier la Chine en 2025"));
  EXPECT_FALSE(is_chrome("Mar-a-Lago"));
}

}  // namespace
}  // namespace furet::detail
