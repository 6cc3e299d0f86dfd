// Text from documents never drives the terminal: what furet-index and
// furet-search print shows control and bidi characters as escapes.
#include <gtest/gtest.h>

#include <string>

#include "../process_util.h"

namespace furet::testing {
namespace {

// What a hostile document may hold: a colour change, a clipboard write
// (OSC 52, ended by BEL), a link (OSC 8), a carriage return that overwrites
// the line, an 8-bit CSI (U+009B) and a right-to-left override (U+202E).
const std::string kHostile =
    "\x1b[31mrouge\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\x07 \x1b]8;;http://x\x1b\\lien\x1b]8;;\x1b\\"
    " \rretour \xc2\x9b"
    "2J efface \xe2\x80\xae"
    "txt.exe";

// The bytes a terminal would act on, other than the bold furet itself sets
// when asked to (ESC [ 1 m and ESC [ 0 m).
std::string terminal_controls_in(const std::string& out) {
  std::string found;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(out[i]);
    if (c == 0x1b && (out.compare(i, 4, "\x1b[1m") == 0 || out.compare(i, 4, "\x1b[0m") == 0)) {
      i += 3;
      continue;
    }
    if ((c < 0x20 && c != '\n') || c == 0x7f || out.compare(i, 2, "\xc2\x9b") == 0 ||
        out.compare(i, 3, "\xe2\x80\xae") == 0) {
      found += "@" + std::to_string(i) + " ";
    }
  }
  return found;
}

class TerminalOutputTest : public ::testing::Test {
 protected:
  TempDir tmp_;
  std::string corpus_ = tmp_ / "corpus";
  std::string index_ = tmp_ / "index";
};

TEST_F(TerminalOutputTest, SearchShowsControlsInTitlesPathsAndPassagesAsEscapes) {
  write_file(corpus_ + "/page.html", "<html><head><title>Framboises " + kHostile +
                                         "</title></head><body><p>Les "
                                         "framboises de Plougastel &#27;[2J arrivent " +
                                         kHostile +
                                         " sur les marchés "
                                         "bretons.</p></body></html>");
  write_file(corpus_ + "/" + kHostile.substr(0, 40) + ".txt",
             "Les framboises de Plougastel arrivent aussi " + kHostile + ".\n");
  ASSERT_EQ(run({program("furet-index"), "-q", "--index", index_, corpus_}).exit_code, 0);
  for (const char* color : {"never", "always"}) {
    const ProcessResult r =
        run({program("furet-search"), "--index", index_, "--color", color, "framboises"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(terminal_controls_in(r.out), "") << r.out;
    EXPECT_NE(r.out.find("\\x1b[31mrouge"), std::string::npos) << "shown, not hidden: " << r.out;
    EXPECT_NE(r.out.find("\\u202e"), std::string::npos) << r.out;
  }
  // JSON is for programs: its own escapes (\u001b) keep every ASCII control out.
  const ProcessResult json =
      run({program("furet-search"), "--index", index_, "--json", "framboises"});
  for (const char c : json.out) EXPECT_FALSE(c >= 0 && c < 0x20 && c != '\n') << json.out;
  EXPECT_NE(json.out.find("\\u001b[31m"), std::string::npos) << json.out;
}

TEST_F(TerminalOutputTest, IndexerShowsControlsInFileNamesAsEscapes) {
  write_file(corpus_ + "/" + kHostile.substr(0, 40) + ".txt", "");  // empty: a warning names it
  write_file(corpus_ +
                 "/\x1b[2J"
                 "vu.txt",
             "Les framboises de Plougastel arrivent.\n");
  const ProcessResult r = run({program("furet-index"), "-v", "--index", index_, corpus_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(terminal_controls_in(r.out), "") << r.out;
  EXPECT_EQ(terminal_controls_in(r.err), "") << r.err;
  EXPECT_NE(r.out.find("\\x1b[2Jvu.txt"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("\\x1b]52;c;"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace furet::testing
