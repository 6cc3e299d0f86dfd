// Tests for the ASCII character classes and line splitting shared by furet's parsers.
#include "ascii_text.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string_view>
#include <vector>

namespace furet {
namespace {

TEST(AsciiTextTest, ClassesAreTheCLocalesForEveryByte) {
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    // Bytes of UTF-8 sequences are none of them, whatever the locale would say.
    const bool ascii = b < 0x80;
    EXPECT_EQ(ascii::is_space(c), ascii && std::isspace(b) != 0) << b;
    EXPECT_EQ(ascii::is_blank(c), ascii && std::isblank(b) != 0) << b;
    EXPECT_EQ(ascii::is_digit(c), ascii && std::isdigit(b) != 0) << b;
    EXPECT_EQ(ascii::is_alpha(c), ascii && std::isalpha(b) != 0) << b;
    EXPECT_EQ(ascii::is_alnum(c), ascii && std::isalnum(b) != 0) << b;
    EXPECT_EQ(ascii::to_lower(c), ascii ? static_cast<char>(std::tolower(b)) : c) << b;
  }
}

TEST(AsciiTextTest, CountsWordsBetweenSpaces) {
  EXPECT_EQ(ascii::word_count(""), 0u);
  EXPECT_EQ(ascii::word_count(" \t "), 0u);
  EXPECT_EQ(ascii::word_count("Sur le  même\tsujet\r"), 4u);
  EXPECT_EQ(ascii::word_count("l'été\u00A0chaud"), 1u);  // a no-break space is not ASCII
}

TEST(AsciiTextTest, TrimsSpacesOnly) {
  EXPECT_EQ(ascii::trim(" \t\v\f\r\n été \r\n"), "été");
  EXPECT_EQ(ascii::trim_end("  a b \r"), "  a b");
  EXPECT_EQ(ascii::trim("\u00A0a\u00A0"), "\u00A0a\u00A0");  // a no-break space is not ASCII
  EXPECT_EQ(ascii::trim(" \n "), "");
}

TEST(AsciiTextTest, SplitsLinesAtLineFeeds) {
  using Lines = std::vector<std::string_view>;
  EXPECT_EQ(ascii::split_lines(""), Lines{});
  EXPECT_EQ(ascii::split_lines("un"), Lines{"un"});
  EXPECT_EQ(ascii::split_lines("un\n"), Lines{"un"});
  EXPECT_EQ(ascii::split_lines("un\n\ndeux\r\ntrois"), (Lines{"un", "", "deux\r", "trois"}));
  EXPECT_EQ(ascii::split_lines("\n"), Lines{""});
  const std::string_view text = "a\nbc";
  EXPECT_EQ(ascii::split_lines(text)[1].data(), text.data() + 2);  // views into the text
}

}  // namespace
}  // namespace furet
