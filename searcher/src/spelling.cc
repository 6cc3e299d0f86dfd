// Query spelling correction through Xapian's spelling suggestions.
#include "spelling.h"

namespace furet::detail {
namespace {

constexpr std::size_t kMinCorrectedBytes = 4;
constexpr std::size_t kLongWordBytes = 7;  // long enough for two typos
constexpr int kMaxCorrections = 8;         // each costs a look-up; a query has a few words

bool stem_known(const Token& t, const Xapian::Database& db) {
  return db.get_termfreq(t.term) > 0 || (!t.alt_term.empty() && db.get_termfreq(t.alt_term) > 0);
}

// True if the articles hold `folded` as written. A known stem is not enough: a
// typo can stem like another word ("inférance" and "inférer" give "infer").
// An index without a spelling table (served remotely) answers from stems alone.
bool known(const Token& t, const std::string& folded, const Xapian::Database& db) {
  if (!stem_known(t, db)) return false;
  Xapian::TermIterator written = db.spellings_begin();
  if (written == db.spellings_end()) return true;
  written.skip_to(folded);
  return written != db.spellings_end() && *written == folded;
}

// True if `suggestion` searches what `t` searches already: another form of the
// same word ("licenciements" for "licenciement") is no correction.
bool same_terms(const Token& t, const std::string& suggestion, const Analyzer& analyzer) {
  const std::vector<Token> tokens = analyzer.analyze(suggestion);
  return tokens.size() == 1 && tokens[0].term == t.term && tokens[0].alt_term == t.alt_term;
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
    const std::string_view typed = query.substr(t.begin, t.end - t.begin);
    const std::string word = analyzer.fold_word(typed);
    if (word.size() < kMinCorrectedBytes || known(t, word, db)) continue;
    if (++lookups > kMaxCorrections) continue;
    const unsigned distance = word.size() >= kLongWordBytes ? 2 : 1;
    const std::string suggestion = db.get_spelling_suggestion(word, distance);
    if (suggestion.empty() || suggestion == word || same_terms(t, suggestion, analyzer)) continue;
    corrected.append(query.substr(copied, t.begin - copied)).append(with_case_of(typed, suggestion));
    copied = t.end;
  }
  if (copied == 0) return std::string(query);
  return corrected.append(query.substr(copied));
}

}  // namespace furet::detail
