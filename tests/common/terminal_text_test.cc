// Making document text safe to print on a terminal.
#include "terminal_text.h"

#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <cstddef>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <utility>

namespace furet {
namespace {

using namespace std::string_literals;

TEST(TerminalTextTest, PassesPlainFrenchTextThrough) {
  // Accents, ligatures, typographic quotes and dashes, euro, a no-break space (U+00A0) and a
  // narrow no-break space (U+202F, next to the bidi overrides), emoji, and a backslash path.
  const std::string text =
      "Été à l’école : « cœur » — Œuvre, ﬁn, naïf, 20\u00A0€, 5\u202F%, "
      "🚀👩‍💻 "
      "; "
      "C:\\docs\\x1b";
  EXPECT_EQ(terminal_safe(text), text);
  EXPECT_EQ(terminal_safe(text, true), text);
  EXPECT_EQ(terminal_safe(""), "");
}

TEST(TerminalTextTest, ShowsEscapeSequencesInsteadOfSendingThem) {
  const std::string out = terminal_safe("\x1b[31mrouge\x1b[0m\x1b[2J");
  EXPECT_EQ(out, "\\x1b[31mrouge\\x1b[0m\\x1b[2J");
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
}

TEST(TerminalTextTest, NeutralisesOsc52ClipboardWriteAndOsc8Links) {
  const std::string osc52 = terminal_safe("titre\x1b]52;c;cm0gLXJmIH4=\x07 suite");
  EXPECT_EQ(osc52, "titre\\x1b]52;c;cm0gLXJmIH4=\\x07 suite");
  EXPECT_EQ(osc52.find('\x1b'), std::string::npos);
  EXPECT_EQ(osc52.find('\x07'), std::string::npos);

  const std::string osc8 = terminal_safe("\x1b]8;;https://x.example\x1b\\lien\x1b]8;;\x1b\\");
  EXPECT_EQ(osc8, "\\x1b]8;;https://x.example\\x1b\\lien\\x1b]8;;\\x1b\\");
  EXPECT_EQ(osc8.find('\x1b'), std::string::npos);
}

TEST(TerminalTextTest, ShowsCarriageReturnAndBell) {
  // A CR would let "FAUX" overwrite "vrai" on screen.
  EXPECT_EQ(terminal_safe("vrai\rFAUX\a"), "vrai\\rFAUX\\x07");
}

TEST(TerminalTextTest, ShowsEveryOtherC0ControlAndDelAsHex) {
  EXPECT_EQ(terminal_safe("a\0b"s), "a\\x00b");
  EXPECT_EQ(terminal_safe("\x01\x08\x0b\x0c\x1f\x7f"), "\\x01\\x08\\x0b\\x0c\\x1f\\x7f");
  for (int c = 0; c < 0x20; ++c) {
    const std::string out = terminal_safe(std::string(1, static_cast<char>(c)), true);
    if (c == '\n') {
      EXPECT_EQ(out, "\n");
    } else {
      EXPECT_EQ(out.size(), c == '\t' || c == '\r' ? 2u : 4u) << c;
      EXPECT_EQ(out.front(), '\\') << c;
    }
  }
}

TEST(TerminalTextTest, ShowsTabsSoThatANameStaysInOneColumn) {
  EXPECT_EQ(terminal_safe("nom\tdu\tfichier.html"), "nom\\tdu\\tfichier.html");
  EXPECT_EQ(terminal_safe("\t", true), "\\t");
}

TEST(TerminalTextTest, KeepsNewlinesOnlyWhenAsked) {
  EXPECT_EQ(terminal_safe("ligne 1\nligne 2\n"), "ligne 1\\nligne 2\\n");
  EXPECT_EQ(terminal_safe("ligne 1\nligne 2\n", true), "ligne 1\nligne 2\n");
  EXPECT_EQ(terminal_safe("ligne 1\r\nligne 2", true), "ligne 1\\r\nligne 2");
}

TEST(TerminalTextTest, ShowsC1Controls) {
  // U+009B is CSI for terminals that honour 8-bit controls: "\u009b31m" would turn text red.
  const std::string out = terminal_safe(
      "a\xC2\x9B"
      "31mb");
  EXPECT_EQ(out, "a\\u009b31mb");
  EXPECT_EQ(out.find("\xC2\x9B"), std::string::npos);
  EXPECT_EQ(terminal_safe("\xC2\x80\xC2\x85\xC2\x9D\xC2\x9F"), "\\u0080\\u0085\\u009d\\u009f");
  EXPECT_EQ(terminal_safe("\xC2\xA0\xC2\xBF"), "\xC2\xA0\xC2\xBF");  // first printable ones
}

TEST(TerminalTextTest, ShowsEachBidiEmbeddingOverrideAndIsolate) {
  const std::pair<const char*, const char*> cases[] = {
      {"\u202A", "\\u202a"}, {"\u202B", "\\u202b"}, {"\u202C", "\\u202c"},
      {"\u202D", "\\u202d"}, {"\u202E", "\\u202e"}, {"\u2066", "\\u2066"},
      {"\u2067", "\\u2067"}, {"\u2068", "\\u2068"}, {"\u2069", "\\u2069"}};
  for (const auto& [raw, shown] : cases) {
    EXPECT_EQ(terminal_safe("fichier" + std::string(raw) + "lmth.exe"),
              "fichier" + std::string(shown) + "lmth.exe")
        << shown;
  }
  // Their neighbours are ordinary characters.
  EXPECT_EQ(terminal_safe("\u2029\u202F\u2065\u206A"), "\u2029\u202F\u2065\u206A");
}

TEST(TerminalTextTest, ShowsEachByteOfInvalidUtf8) {
  EXPECT_EQ(terminal_safe("a\x9B"
                          "31mb"),
            "a\\x9b31mb");                                               // lone 8-bit CSI
  EXPECT_EQ(terminal_safe("caf\xC3"), "caf\\xc3");                       // truncated at end
  EXPECT_EQ(terminal_safe("\xE2\x82x"), "\\xe2\\x82x");                  // truncated inside
  EXPECT_EQ(terminal_safe("\xF0\x9F\x9A"), "\\xf0\\x9f\\x9a");           // truncated emoji
  EXPECT_EQ(terminal_safe("\xED\xA0\x80"), "\\xed\\xa0\\x80");           // surrogate D800
  EXPECT_EQ(terminal_safe("\xC0\xAF"), "\\xc0\\xaf");                    // overlong '/'
  EXPECT_EQ(terminal_safe("\xE0\x80\x9B"), "\\xe0\\x80\\x9b");           // overlong CSI
  EXPECT_EQ(terminal_safe("\xF4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80");  // above U+10FFFF
  EXPECT_EQ(terminal_safe("\xF8\xFE\xFF"), "\\xf8\\xfe\\xff");           // never valid
  EXPECT_EQ(terminal_safe("\xC3\xA9\xA9"), "\xC3\xA9\\xa9");             // é then a stray byte
}

TEST(TerminalTextTest, NeverReadsPastTheEndOfTheView) {
  // The view stops inside "é": its lead byte alone is invalid, whatever follows in memory.
  EXPECT_EQ(terminal_safe(std::string_view("caf\xC3\xA9", 4)), "caf\\xc3");
  EXPECT_EQ(terminal_safe(std::string_view("\xE2\x80\xAE", 2)), "\\xe2\\x80");
}

TEST(TerminalTextTest, ShowsAnEscapeThatFollowsATruncatedSequence) {
  // The truncated lead byte must not swallow the ESC as if it were its continuation.
  EXPECT_EQ(terminal_safe("\xC3\x1b[2J"), "\\xc3\\x1b[2J");
}

// Whatever the bytes, the result is well-formed UTF-8 without a character a terminal acts on;
// checked with ICU's decoder rather than the header's own.
TEST(TerminalTextTest, RandomBytesNeverLeaveAControlCharacter) {
  std::mt19937 rng(20240611);
  const std::string pieces[] = {
      "\x1b", "\xC2", "\x9B", "\xE2\x80\xAE", "\xE2\x81", "é", "\xF0\x9F\x9A\x80", "\n",
      "\r",   "\\",   "a",    "\xED\xA0\x80"};
  for (int round = 0; round < 5000; ++round) {
    std::string input;
    const int count = static_cast<int>(rng() % 40);
    for (int k = 0; k < count; ++k) {
      if (rng() % 2 == 0) {
        input += static_cast<char>(rng() % 256);
      } else {
        input += pieces[rng() % std::size(pieces)];
      }
    }
    const bool keep_newlines = round % 2 == 0;
    const std::string out = terminal_safe(input, keep_newlines);
    for (std::size_t i = 0; i < out.size();) {
      UChar32 c;
      U8_NEXT(out.data(), i, out.size(), c);
      ASSERT_GE(c, 0) << "round " << round;
      const bool control = (c < 0x20 && !(c == '\n' && keep_newlines)) ||
                           (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
                           (c >= 0x2066 && c <= 0x2069);
      ASSERT_FALSE(control) << "round " << round << ": U+" << std::hex << c;
    }
  }
}

}  // namespace
}  // namespace furet
