// Query spelling correction through Xapian's spelling suggestions.
#include "spelling.h"

namespace furet::detail {
namespace {

constexpr std::size_t kMinCorrectedBytes = 4;
constexpr std::size_t kLongWordBytes = 7;  // long enough for two typos
constexpr int kMaxCorrections = 8;         // each costs a look-up; a query has a few words

bool known(const Token& t, const Xapian::Database& db) {
  return db.get_termfreq(t.term) > 0 || (!t.alt_term.empty() && db.get_termfreq(t.alt_term) > 0);
}

// Keeps a capital initial: "Nvidea" becomes "Nvidia", not "nvidia".
std::string with_case_of(std::string_view typed, std::string word) {
  if (!typed.empty() && typed[0] >= 'A' && typed[0] <= 'Z' && !word.empty() && word[0] >= 'a' &&
      word[0] <= 'z') {
    word[0] = static_cast<char>(word[0] - 'a' + 'A');
  }
  return word;
}

}  // namespace

std::string correct_spelling(std::string_view query, const Analyzer& analyzer,
                             const Xapian::Database& db) {
  std::string corrected;
  std::size_t copied = 0;
  int lookups = 0;
  for (const Token& t : analyzer.analyze(query)) {
    if (t.kind != TokenKind::kWord || t.stopword) continue;
    if (t.end < query.size() && query[t.end] == '*') continue;  // a prefix, not a word
    if (known(t, db)) continue;
    const std::string_view typed = query.substr(t.begin, t.end - t.begin);
    const std::string word = analyzer.fold_word(typed);
    if (word.size() < kMinCorrectedBytes || ++lookups > kMaxCorrections) continue;
    const unsigned distance = word.size() >= kLongWordBytes ? 2 : 1;
    const std::string suggestion = db.get_spelling_suggestion(word, distance);
    if (suggestion.empty() || suggestion == word) continue;
    corrected.append(query.substr(copied, t.begin - copied)).append(with_case_of(typed, suggestion));
    copied = t.end;
  }
  if (copied == 0) return std::string(query);
  return corrected.append(query.substr(copied));
}

}  // namespace furet::detail
