// Tests for encoding detection and conversion of indexed files to UTF-8.
#include "extract/text_decoder.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "extract/utf8.h"

namespace furet::detail {
namespace {

constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";
constexpr std::string_view kSentence =
    "La capacité de calcul des H200 est plus de six fois supérieure à celle des H20";

// Independent strict validator, so the tests do not trust the code under test.

std::string utf16_bytes(std::u16string_view text, bool big_endian, bool with_bom) {
  std::string out;
  auto put = [&](char16_t unit) {
    const char hi = static_cast<char>(unit >> 8);
    const char lo = static_cast<char>(unit & 0xFF);
    out += big_endian ? hi : lo;
    out += big_endian ? lo : hi;
  };
  if (with_bom) put(0xFEFF);
  for (const char16_t unit : text) put(unit);
  return out;
}

TEST(TextDecoderTest, KeepsValidUtf8ByteForByte) {
  const std::string input =
      "Les États-Unis ont formellement autorisé mardi l’exportation des puces H200.\n"
      "Œuvre, cœur, « guillemets », 12 €, emoji 🚀, \t tabulation.";
  const DecodedText decoded = decode_text(input);
  EXPECT_EQ(decoded.utf8, input);
  EXPECT_EQ(decoded.encoding, "UTF-8");
  EXPECT_EQ(decoded.invalid_bytes, 0u);
}

TEST(TextDecoderTest, TreatsPureAsciiAsUtf8) {
  const DecodedText decoded = decode_text("Le prix est de 20 dollars.");
  EXPECT_EQ(decoded.utf8, "Le prix est de 20 dollars.");
  EXPECT_EQ(decoded.encoding, "UTF-8");
}

TEST(TextDecoderTest, StripsUtf8ByteOrderMark) {
  const DecodedText decoded = decode_text("\xEF\xBB\xBF" + std::string(kSentence));
  EXPECT_EQ(decoded.utf8, kSentence);
  EXPECT_EQ(decoded.encoding, "UTF-8");
  EXPECT_EQ(decoded.invalid_bytes, 0u);
}

TEST(TextDecoderTest, DecodesUtf16LittleEndianWithBom) {
  const std::u16string text = u"Les États-Unis ont formellement autorisé mardi l’exportation";
  const DecodedText decoded = decode_text(utf16_bytes(text, /*big_endian=*/false, true));
  EXPECT_EQ(decoded.utf8, "Les États-Unis ont formellement autorisé mardi l’exportation");
  EXPECT_EQ(decoded.encoding, "UTF-16LE");
  EXPECT_EQ(decoded.invalid_bytes, 0u);
}

TEST(TextDecoderTest, DecodesUtf16BigEndianWithBom) {
  const std::u16string text = u"Le cœur du problème : « 6× plus rapide » — 20 €";
  const DecodedText decoded = decode_text(utf16_bytes(text, /*big_endian=*/true, true));
  EXPECT_EQ(decoded.utf8, "Le cœur du problème : « 6× plus rapide » — 20 €");
  EXPECT_EQ(decoded.encoding, "UTF-16BE");
  EXPECT_EQ(decoded.invalid_bytes, 0u);
}

TEST(TextDecoderTest, CombinesUtf16SurrogatePairs) {
  const DecodedText decoded = decode_text(utf16_bytes(u"fusée 🚀 lancée", false, true));
  EXPECT_EQ(decoded.utf8, "fusée 🚀 lancée");
  EXPECT_EQ(decoded.invalid_bytes, 0u);
}

TEST(TextDecoderTest, ReplacesLoneUtf16SurrogatesAndOddTrailingByte) {
  std::u16string text = u"été";
  text.insert(text.begin() + 1, char16_t{0xD800});  // high surrogate without its low half
  std::string bytes = utf16_bytes(text, false, true);
  bytes += 'x';  // a file cut in the middle of a code unit
  const DecodedText decoded = decode_text(bytes);
  EXPECT_EQ(decoded.utf8,
            "é" + std::string(kReplacementUtf8) + "té" + std::string(kReplacementUtf8));
  EXPECT_EQ(decoded.encoding, "UTF-16LE");
  EXPECT_EQ(decoded.invalid_bytes, 3u);
}

TEST(TextDecoderTest, DecodesUtf32WithBom) {
  const std::string bytes = std::string("\xFF\xFE\x00\x00", 4) +
                            std::string("\xE9\x00\x00\x00", 4) + std::string("t\x00\x00\x00", 4) +
                            std::string("\xE9\x00\x00\x00", 4);
  const DecodedText decoded = decode_text(bytes);
  EXPECT_EQ(decoded.utf8, "été");
  EXPECT_EQ(decoded.encoding, "UTF-32LE");
}

TEST(TextDecoderTest, ReplacesInvalidUtf32CodePoints) {
  // Beyond U+10FFFF, then a surrogate, then a truncated unit: four, four and two bytes.
  const std::string bytes = std::string("\x00\x00\xFE\xFF", 4) +
                            std::string("\x00\x11\x00\x00", 4) +
                            std::string("\x00\x00\x00\xE9", 4) +
                            std::string("\x00\x00\xD8\x00", 4) + std::string("\x00\x00", 2);
  const DecodedText decoded = decode_text(bytes);
  const std::string r(kReplacementUtf8);
  EXPECT_EQ(decoded.utf8, r + "é" + r + r);
  EXPECT_EQ(decoded.encoding, "UTF-32BE");
  EXPECT_EQ(decoded.invalid_bytes, 10u);
}

TEST(TextDecoderTest, ReplacesAHighSurrogateCutAtTheEndOnce) {
  // A file cut inside the low half of a surrogate pair: one truncated sequence of three bytes.
  const std::string bytes = utf16_bytes(u"été", false, true) + std::string("\x3D\xD8\x00", 3);
  const DecodedText decoded = decode_text(bytes);
  EXPECT_EQ(decoded.utf8, "été" + std::string(kReplacementUtf8));
  EXPECT_EQ(decoded.invalid_bytes, 3u);
}

TEST(TextDecoderTest, DecodesWindows1252FrenchText) {
  // É=C9, é=E9, ’=92, œ=9C, è=E8, à=E0 in windows-1252.
  const std::string bytes =
      "Les \xC9tats-Unis ont formellement autoris\xE9 mardi l\x92"
      "exportation des puces. Le c\x9Cur du probl\xE8me reste la capacit\xE9 de calcul des H200, "
      "plus de six fois sup\xE9rieure \xE0 celle des H20.";
  const DecodedText decoded = decode_text(bytes);
  EXPECT_EQ(decoded.utf8,
            "Les États-Unis ont formellement autorisé mardi l’exportation des puces. Le cœur du "
            "problème reste la capacité de calcul des H200, plus de six fois supérieure à celle "
            "des H20.");
  EXPECT_EQ(decoded.encoding, "windows-1252");
  EXPECT_EQ(decoded.invalid_bytes, 0u);
}

TEST(TextDecoderTest, ReportsLatin1AsWindows1252) {
  const std::string bytes =
      "La capacit\xE9 de calcul des H200 est plus de six fois sup\xE9rieure \xE0 celle des H20. "
      "No\xEBl approche et les \xE9l\xE8ves de l'\xE9"
      "cole sont tr\xE8s contents.";
  const DecodedText decoded = decode_text(bytes);
  EXPECT_EQ(decoded.utf8,
            "La capacité de calcul des H200 est plus de six fois supérieure à celle des H20. "
            "Noël approche et les élèves de l'école sont très contents.");
  EXPECT_EQ(decoded.encoding, "windows-1252");
  EXPECT_EQ(decoded.invalid_bytes, 0u);
}

TEST(TextDecoderTest, FallsBackToWindows1252ForShortLegacyText) {
  // Too short for ICU's statistics; a French corpus makes windows-1252 the best guess.
  const DecodedText decoded = decode_text("Caf\xE9 cr\xE8me");
  EXPECT_EQ(decoded.utf8, "Café crème");
  EXPECT_EQ(decoded.encoding, "windows-1252");
}

TEST(TextDecoderTest, ReplacesInvalidBytesInMostlyValidUtf8) {
  const std::string input =
      "La capacité de calcul des H200 est plus de six fois \xFF supérieure à celle des H20";
  const DecodedText decoded = decode_text(input);
  EXPECT_EQ(decoded.utf8, "La capacité de calcul des H200 est plus de six fois " +
                              std::string(kReplacementUtf8) + " supérieure à celle des H20");
  EXPECT_EQ(decoded.encoding, "UTF-8");
  EXPECT_EQ(decoded.invalid_bytes, 1u);
}

TEST(TextDecoderTest, ReplacesEachMaximalInvalidSubpartOnce) {
  // "\xE2\x80" is a truncated three-byte sequence (one U+FFFD for two bytes); "\xC0\xAF" is an
  // overlong '/' and "\xED\xA0\x80" an encoded surrogate, both rejected byte by byte.
  const std::string input = "Déjà vu \xE2\x80 puis \xC0\xAF et \xED\xA0\x80 fin: été, où, là";
  const DecodedText decoded = decode_text(input);
  const std::string r(kReplacementUtf8);
  EXPECT_EQ(decoded.utf8,
            "Déjà vu " + r + " puis " + r + r + " et " + r + r + r + " fin: été, où, là");
  EXPECT_EQ(decoded.encoding, "UTF-8");
  EXPECT_EQ(decoded.invalid_bytes, 7u);
}

TEST(TextDecoderTest, ReplacesTruncatedSequenceAtEndOfFile) {
  const DecodedText decoded = decode_text("Il était une fois l’exportation\xE2\x80");
  EXPECT_EQ(decoded.utf8, "Il était une fois l’exportation" + std::string(kReplacementUtf8));
  EXPECT_EQ(decoded.invalid_bytes, 2u);
}

TEST(TextDecoderTest, DecodesEmptyInputToEmptyText) {
  const DecodedText decoded = decode_text("");
  EXPECT_EQ(decoded.utf8, "");
  EXPECT_EQ(decoded.encoding, "UTF-8");
  EXPECT_EQ(decoded.invalid_bytes, 0u);
  EXPECT_EQ(decode_text("\xEF\xBB\xBF").utf8, "");
  EXPECT_EQ(decode_text("\xFF\xFE").utf8, "");
}

TEST(TextDecoderTest, DetectsPngHeaderAsBinary) {
  const std::string png("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR\x00\x00\x01\x00", 20);
  EXPECT_TRUE(looks_binary(png));
}

TEST(TextDecoderTest, DetectsElfHeaderAsBinary) {
  const std::string elf(
      "\x7F"
      "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3E",
      19);
  EXPECT_TRUE(looks_binary(elf));
}

TEST(TextDecoderTest, DetectsControlCharacterSoupAsBinary) {
  std::string bytes;
  for (int i = 0; i < 200; ++i) bytes += (i % 3 == 0) ? '\x01' : 'a';
  EXPECT_TRUE(looks_binary(bytes));
}

TEST(TextDecoderTest, DoesNotFlagTextAsBinary) {
  EXPECT_FALSE(looks_binary(
      "Les États-Unis ont formellement autorisé mardi l’exportation.\r\n\tSuite\f page 2\n"));
  EXPECT_FALSE(looks_binary("Le c\x9Cur a ses raisons que la raison ne conna\xEEt point."));
  EXPECT_FALSE(looks_binary(""));
}

TEST(TextDecoderTest, DoesNotFlagUtf16WithBomAsBinary) {
  EXPECT_FALSE(looks_binary(utf16_bytes(u"Bonjour à tous", false, true)));
  EXPECT_FALSE(looks_binary(utf16_bytes(u"Bonjour à tous", true, true)));
}

TEST(TextDecoderTest, OnlyLooksForNulBytesInTheFirst8KiB) {
  std::string bytes(9000, 'a');
  bytes[8500] = '\0';
  EXPECT_FALSE(looks_binary(bytes));
  bytes[100] = '\0';
  EXPECT_TRUE(looks_binary(bytes));
}

}  // namespace
}  // namespace furet::detail
