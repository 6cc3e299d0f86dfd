// Plain text as a terminal shows it: escape sequences, overstrikes, controls.
#include "extract/plain_text.h"

#include <gtest/gtest.h>

#include <string>

namespace furet::detail {
namespace {

TEST(PlainTextTest, TextWithoutHiddenCharactersIsUnchanged) {
  const std::string text = "Les États-Unis autorisent l’exportation des H200.\n\tÀ suivre.\r\n";
  EXPECT_EQ(displayed_text(text), text);
}

TEST(PlainTextTest, ColourSequencesLeaveTheirWordsWhole) {
  EXPECT_EQ(displayed_text("Alerte \x1b[1;31mrouge\x1b[0m sur le \x1b[4mGard\x1b[m.\n"),
            "Alerte rouge sur le Gard.\n");
  // Cursor moves and erasures are control sequences too; so are other escapes.
  EXPECT_EQ(displayed_text("\x1b[2J\x1b[10;4Hbilan\x1b[K \x1b(Bfinal\x1b"), "bilan final");
}

TEST(PlainTextTest, CommandStringsEndAtTheirTerminator) {
  EXPECT_EQ(displayed_text("\x1b]0;titre de fenêtre\x07Le texte"), "Le texte");
  EXPECT_EQ(displayed_text("\x1b]8;;https://exemple.fr\x1b\\lien\x1b]8;;\x1b\\ suivi"),
            "lien suivi");
  // Left open, a command string takes no more than its line.
  EXPECT_EQ(displayed_text("\x1b]0;titre\nLa suite"), "\nLa suite");
}

TEST(PlainTextTest, OverstrikesShowTheLastCharacter) {
  // Bold and underlined words of a formatted manual page.
  EXPECT_EQ(displayed_text("N\bNO\bOM\bM\n_\bf_\bi_\bc_\bh_\bi_\be_\br"), "NOM\nfichier");
  EXPECT_EQ(displayed_text("\xC3\xA9\b\xC3\xA9t\bt\xC3\xA9\b\xC3\xA9"), "\xC3\xA9t\xC3\xA9");
  // A backspace never reaches into the line before.
  EXPECT_EQ(displayed_text("fin\n\bdébut"), "fin\ndébut");
}

TEST(PlainTextTest, ControlsAndSoftHyphensAreDropped) {
  EXPECT_EQ(displayed_text("Mit\u00ADtel\u00ADal\u00ADter\x07 \x01z\xC2\x85"), "Mittelalter z");
}

}  // namespace
}  // namespace furet::detail
