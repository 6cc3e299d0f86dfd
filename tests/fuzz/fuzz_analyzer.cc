// libFuzzer target: arbitrary bytes through furet::Analyzer::analyze and fold_word.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "furet/analysis/analyzer.h"
#include "furet/analysis/token.h"
#include "fuzz_check.h"

namespace {

// The analyzer drops longer terms (kMaxTermBytes in analyzer.cc) as URLs, base64 and noise.
constexpr std::size_t kMaxTermBytes = 64;
// Xapian rejects a longer term, and with it the whole commit of an index update; alt_term is
// checked against this hard limit, since its folding may stem a few bytes differently.
constexpr std::size_t kXapianMaxTermBytes = 245;

void check_tokens(std::string_view text, const std::vector<furet::Token>& tokens) {
  // Offsets inside a character only matter for valid input: ICU reads each invalid sequence
  // as one U+FFFD, so a boundary may then fall on a stray continuation byte.
  const bool valid_text = furet::fuzz::is_valid_utf8(text);
  std::uint32_t last_position = 0;
  std::uint32_t last_end = 0;
  std::uint32_t whole_end = 0;
  for (const furet::Token& t : tokens) {
    FUZZ_CHECK(t.begin <= t.end);
    FUZZ_CHECK(t.end <= text.size());
    if (valid_text) {
      FUZZ_CHECK(furet::fuzz::on_char_boundary(text, t.begin));
      FUZZ_CHECK(furet::fuzz::on_char_boundary(text, t.end));
    }
    FUZZ_CHECK(!t.term.empty());
    FUZZ_CHECK(t.term.size() <= kMaxTermBytes);
    FUZZ_CHECK(t.alt_term.size() <= kXapianMaxTermBytes);
    FUZZ_CHECK(t.alt_term != t.term);  // alt_term is empty unless it differs
    // Terms go into the index and back out to users (spelling corrections): invalid bytes
    // must have become U+FFFD, as analyzer.h promises.
    FUZZ_CHECK(furet::fuzz::is_valid_utf8(t.term));
    FUZZ_CHECK(furet::fuzz::is_valid_utf8(t.alt_term));
    FUZZ_CHECK(t.position >= 1);
    if (t.kind == furet::TokenKind::kCompound) {
      // A whole follows its parts, spans them (a share its percent sign too) and shares the
      // first part's position.
      FUZZ_CHECK(t.position <= last_position);
      FUZZ_CHECK(t.end >= last_end);
      whole_end = t.end;
    } else {
      // Phrase matching and highlights rely on tokens in text order, never overlapping.
      FUZZ_CHECK(t.position >= last_position);
      FUZZ_CHECK(t.begin >= std::max(last_end, whole_end));
      last_position = t.position;
      last_end = t.end;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // One analyzer for the whole run, as the indexer keeps one per reader: building the ICU
  // break iterator per input would make the fuzzer a benchmark of ICU's rule loading.
  static const furet::Analyzer analyzer;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  check_tokens(text, analyzer.analyze(text));

  // fold_word is what a prefix query (autoris*) is matched with; it sees any bytes a user types.
  const std::string folded = analyzer.fold_word(text);
  FUZZ_CHECK(furet::fuzz::is_valid_utf8(folded));
  return 0;
}
