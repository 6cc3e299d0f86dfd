// Query spelling correction through Xapian's spelling suggestions.
#include "spelling.h"

#include "furet/analysis/schema.h"

namespace furet::detail {
namespace {

constexpr std::size_t kMinCorrectedBytes = 4;
constexpr std::size_t kLongWordBytes = 7;  // long enough for two typos
constexpr int kMaxCorrections = 8;         // each costs a look-up; a query has a few words

// True if the index has the token's term or its accent-blind one, under
// `prefix` ("" for passage words).
bool has_term(const Token& t, const Xapian::Database& db, std::string_view prefix = "") {
  const auto freq = [&](const std::string& term) {
    return db.get_termfreq(std::string(prefix) + term);
  };
  return freq(t.term) > 0 || (!t.alt_term.empty() && freq(t.alt_term) > 0);
}

bool stem_known(const Token& t, const Xapian::Database& db) { return has_term(t, db); }

// A word of some article's title: the index knows it, though no passage
// holds it and the spelling table (passage words) does not list it. (Only
// its stem can be checked, so a word whose stem passages hold is checked
// against the spelling table instead.)
bool in_a_title(const Token& t, const Xapian::Database& db) {
  return has_term(t, db, schema::kTitlePrefix);
}

// True if the articles hold `folded` as written. A known stem is not enough: a
// typo can stem like another word ("inférance" and "inférer" give "infer").
// An index without a spelling table (served remotely) answers from stems alone.
bool known(const Token& t, const std::string& folded, const Xapian::Database& db) {
  if (!stem_known(t, db)) return in_a_title(t, db);
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

Spelling correct_spelling(std::string_view query, const Analyzer& analyzer,
                          const Xapian::Database& db) {
  Spelling out;
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
    const std::string_view before = query.substr(copied, t.begin - copied);
    const std::string corrected = with_case_of(typed, suggestion);
    out.searched.append(before).append(stem_known(t, db) ? typed : std::string_view(corrected));
    out.suggested.append(before).append(corrected);
    copied = t.end;
  }
  out.searched.append(query.substr(copied));
  out.suggested.append(query.substr(copied));
  return out;
}

}  // namespace furet::detail
