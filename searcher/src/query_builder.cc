// Query building: analysis of each part, OR groups, phrases, prefixes, exclusions.
#include "query_builder.h"

#include <algorithm>
#include <cmath>

#include "furet/analysis/schema.h"

namespace furet::detail {
namespace {

// Words searched at most: a longer query is text pasted in, not a question,
// and each word costs matching and re-ranking work.
constexpr std::size_t kMaxConcepts = 32;

// A prefix expands to at most this many terms, the most frequent first.
constexpr std::size_t kMaxPrefixExpansion = 64;

// Terms of one token: its term and, when accents change the stem, the accent-blind one.
std::vector<std::string> token_terms(const Token& t) {
  std::vector<std::string> terms{t.term};
  if (!t.alt_term.empty()) terms.push_back(t.alt_term);
  return terms;
}

Xapian::Query any_of(const std::vector<std::string>& terms) {
  if (terms.size() == 1) return Xapian::Query(terms[0]);
  return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
}

// A phrase of tokens. Xapian 1.4 phrases take single terms, so each position
// uses its accent-blind term, which every spelling of the word has indexed
// ("sécurité" and "securite" both carry "securit"). The index has no
// stopwords: they widen the phrase's window instead ("centres de données" is
// "centr" then "donne" within three words). Empty if all are stopwords.
Xapian::Query phrase_of(const std::vector<Token>& tokens) {
  std::vector<std::string> positions;
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kCompound || t.stopword) continue;  // a compound's parts are in it
    positions.push_back(t.alt_term.empty() ? t.term : t.alt_term);
    if (positions.size() == 1) first = t.position;
    last = t.position;
  }
  if (positions.empty()) return Xapian::Query();
  if (positions.size() == 1) return Xapian::Query(positions[0]);
  return Xapian::Query(Xapian::Query::OP_PHRASE, positions.begin(), positions.end(),
                       last - first + 1);
}

// Stopwords are left out: they would light up every "de" of a passage.
void append_terms(std::vector<std::string>& terms, const std::vector<Token>& tokens) {
  for (const Token& t : tokens) {
    if (t.stopword || t.kind == TokenKind::kCompound) continue;
    for (std::string& term : token_terms(t)) terms.push_back(std::move(term));
  }
}

// A compound is its whole term or its parts in a row ("Etats Unis" typed
// without the hyphen). A text with the hyphen has both, and would count the
// word twice: the parts only weigh where the whole is absent. (OP_MAX would
// say this directly, but Xapian 1.4.22 reads freed memory with it over
// several databases.)
Xapian::Query compound_query(const Token& whole, const std::vector<Token>& parts) {
  const Xapian::Query whole_query = any_of(token_terms(whole));
  return Xapian::Query(Xapian::Query::OP_OR, whole_query,
                       Xapian::Query(Xapian::Query::OP_AND_NOT, phrase_of(parts), whole_query));
}

// The query for one thesaurus entry: a word, a compound, or a phrase. A word
// is searched by its accented stem only: the thesaurus is written with its
// accents, and the accent-blind stem can meet another word ("armée" folds to
// the stem of "arme", a weapon).
Xapian::Query entry_query(const std::vector<Token>& entry) {
  if (entry.size() == 1) return Xapian::Query(entry[0].term);
  const Token& last = entry.back();
  if (last.kind == TokenKind::kCompound && last.position == entry.front().position) {
    const std::vector<Token> parts(entry.begin(), entry.end() - 1);
    return compound_query(last, parts);
  }
  return phrase_of(entry);
}

// Widens `c` with the thesaurus entries that share a group with `term`, the
// analysis of `word`.
void add_synonyms(Concept& c, std::string_view word, const std::string& term,
                  const Thesaurus* thesaurus) {
  if (!thesaurus) return;
  std::vector<Xapian::Query> alternatives;
  for (const Thesaurus::Entry* entry : thesaurus->alternatives(term)) {
    alternatives.push_back(entry_query(entry->tokens));
    Concept::Synonym synonym{std::string(word) + " -> " + entry->text, {}};
    if (entry->tokens.size() == 1) {
      synonym.terms.push_back(entry->tokens[0].term);
    } else {
      append_terms(synonym.terms, entry->tokens);
    }
    const Token& last = entry->tokens.back();
    if (last.kind == TokenKind::kCompound) synonym.terms.push_back(last.term);
    c.synonyms.push_back(std::move(synonym));
  }
  if (alternatives.empty()) return;
  c.query = Xapian::Query(
      Xapian::Query::OP_OR, c.query,
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                    Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()),
                    kSynonymWeight));
}

// Concepts of plain words: one per word position; a compound is its whole term
// or its parts in a row. Stopwords are not searched: the index leaves them out.
std::vector<Concept> word_concepts(std::string_view text, const std::vector<Token>& tokens,
                                   const Thesaurus* thesaurus) {
  const auto surface = [text](const Token& t) { return text.substr(t.begin, t.end - t.begin); };
  std::vector<Concept> concepts;
  for (std::size_t i = 0; i < tokens.size();) {
    // The analyzer puts a compound right after its parts, at its first part's position.
    std::size_t next = i;
    while (next < tokens.size() && tokens[next].kind != TokenKind::kCompound) ++next;
    if (next < tokens.size() && next > i && tokens[next].position == tokens[i].position) {
      const Token& whole = tokens[next];
      const std::vector<Token> parts(tokens.begin() + static_cast<std::ptrdiff_t>(i),
                                     tokens.begin() + static_cast<std::ptrdiff_t>(next));
      i = next + 1;
      if (whole.stopword) continue;  // stopwords all through ("peut-être")
      Concept c;
      c.terms = token_terms(whole);
      c.whole_terms = c.terms;
      append_terms(c.terms, parts);
      c.query = compound_query(whole, parts);
      add_synonyms(c, surface(whole), whole.term, thesaurus);
      concepts.push_back(std::move(c));
      continue;
    }
    const Token& t = tokens[i];
    if (!t.stopword) {
      Concept c;
      c.terms = token_terms(t);
      c.query = any_of(c.terms);
      add_synonyms(c, surface(t), t.term, thesaurus);
      concepts.push_back(std::move(c));
    }
    ++i;
  }
  return concepts;
}

// A prefix matches the most frequent index terms that begin with it. The
// expansion is done here, over the whole index, rather than by Xapian per
// database, so an index and its shards expand a prefix alike.
// `words` is set to the number of index terms the prefix begins.
Concept prefix_concept(const std::string& prefix, const Xapian::Database& db, std::size_t& words) {
  std::vector<std::pair<Xapian::doccount, std::string>> expansion;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    expansion.emplace_back(t.get_termfreq(), *t);
  }
  words = expansion.size();
  const std::size_t keep = std::min<std::size_t>(expansion.size(), kMaxPrefixExpansion);
  std::partial_sort(expansion.begin(), expansion.begin() + static_cast<std::ptrdiff_t>(keep),
                    expansion.end(), [](const auto& a, const auto& b) {
                      return a.first != b.first ? a.first > b.first : a.second < b.second;
                    });
  Concept c;
  c.prefixes.push_back(prefix);
  for (std::size_t i = 0; i < keep; ++i) c.terms.push_back(std::move(expansion[i].second));
  c.query = c.terms.empty() ? Xapian::Query(prefix) : any_of(c.terms);
  return c;
}

Concept phrase_concept(const std::vector<Token>& tokens) {
  Concept c;
  append_terms(c.terms, tokens);
  c.query = phrase_of(tokens);
  return c;
}

// Two concepts joined by OR become one with both sets of alternatives.
Concept either(Concept a, Concept b) {
  if (!a.whole_terms.empty() || !b.whole_terms.empty()) {
    std::vector<std::string> both = a.standalone_terms();
    const std::vector<std::string>& more = b.standalone_terms();
    both.insert(both.end(), more.begin(), more.end());
    a.whole_terms = std::move(both);
  }
  a.terms.insert(a.terms.end(), b.terms.begin(), b.terms.end());
  a.synonyms.insert(a.synonyms.end(), b.synonyms.begin(), b.synonyms.end());
  a.prefixes.insert(a.prefixes.end(), b.prefixes.begin(), b.prefixes.end());
  a.query = Xapian::Query(Xapian::Query::OP_OR, a.query, b.query);
  return a;
}

double concept_idf(const Concept& c, const Xapian::Database& db) {
  const double n = std::max<double>(db.get_doccount(), 1);
  Xapian::doccount freq = 0;
  for (const std::string& term : c.terms) freq = std::max(freq, db.get_termfreq(term));
  return std::log((n + 1) / (freq + 0.5));
}

}  // namespace

namespace {

bool token_has(const Token& token, const std::vector<std::string>& terms) {
  for (const std::string& term : terms) {
    if (token.term == term || token.alt_term == term) return true;
  }
  return false;
}

}  // namespace

double Concept::match_strength(const Token& token, const Synonym** synonym) const {
  if (token_has(token, terms)) return 1;
  for (const std::string& prefix : prefixes) {
    if (token.term.rfind(prefix, 0) == 0 || token.alt_term.rfind(prefix, 0) == 0) return 1;
  }
  for (const Synonym& s : synonyms) {
    if (!token_has(token, s.terms)) continue;
    if (synonym) *synonym = &s;
    return kSynonymWeight;
  }
  return 0;
}

bool Concept::has_own_term(const Token& token) const { return token_has(token, terms); }

bool Concept::has_synonym_term(const std::string& term) const {
  for (const Synonym& s : synonyms) {
    if (std::find(s.terms.begin(), s.terms.end(), term) != s.terms.end()) return true;
  }
  return false;
}

Xapian::Query BuiltQuery::xapian_query() const {
  std::vector<Xapian::Query> body;
  for (const Concept& c : concepts) body.push_back(c.query);
  if (body.empty()) return Xapian::Query();
  const Xapian::Query positive(Xapian::Query::OP_OR, body.begin(), body.end());
  if (excluded.empty()) return positive;
  return Xapian::Query(Xapian::Query::OP_AND_NOT, positive, excluded);
}

BuiltQuery build_query(const ParsedQuery& parsed, const Analyzer& analyzer,
                       const Xapian::Database& db, const Thesaurus* thesaurus) {
  BuiltQuery built;
  built.warnings = parsed.warnings;
  std::vector<Xapian::Query> excluded;
  bool join_next = false;      // the previous part was OR
  bool truncated = false;      // words were left out past kMaxConcepts
  bool only_stopwords = true;  // every word read so far is a stopword
  for (const QueryPart& part : parsed.parts) {
    if (part.kind == QueryPart::Kind::kOr) {
      join_next = !built.concepts.empty();
      continue;
    }
    // Past the limit, parts are not even analysed: a pasted text costs nothing.
    const bool full = part.excluded ? excluded.size() >= kMaxConcepts
                                    : built.concepts.size() >= kMaxConcepts && !join_next;
    if (full) {
      truncated = true;
      continue;
    }
    std::vector<Concept> concepts;
    if (part.kind == QueryPart::Kind::kPrefix && part.excluded) {
      // An exclusion removes every passage with any word the prefix begins:
      // Xapian's own wildcard, without a cap, matched but never ranked.
      const std::string prefix = analyzer.fold_word(part.text);
      if (!prefix.empty()) excluded.emplace_back(Xapian::Query::OP_WILDCARD, prefix);
      continue;
    }
    if (part.kind == QueryPart::Kind::kPrefix) {
      const std::string prefix = analyzer.fold_word(part.text);
      std::size_t words = 0;
      if (!prefix.empty()) concepts.push_back(prefix_concept(prefix, db, words));
      if (words > kMaxPrefixExpansion) {
        built.warnings.push_back(part.text + "* begins " + std::to_string(words) +
                                 " words of the index; the " + std::to_string(kMaxPrefixExpansion) +
                                 " most frequent were searched (a longer beginning narrows it)");
      }
    } else {
      const std::vector<Token> tokens = analyzer.analyze(part.text);
      if (tokens.empty()) continue;
      only_stopwords = only_stopwords && std::all_of(tokens.begin(), tokens.end(),
                                                     [](const Token& t) { return t.stopword; });
      if (part.kind == QueryPart::Kind::kPhrase) {
        const Concept c = phrase_concept(tokens);
        if (!c.query.empty()) concepts.push_back(c);
      } else {
        concepts = word_concepts(part.text, tokens, part.excluded ? nullptr : thesaurus);
      }
    }
    if (part.excluded) {
      for (const Concept& c : concepts) excluded.push_back(c.query);
      continue;
    }
    for (std::size_t k = 0; k < concepts.size(); ++k) {
      if (k == 0 && join_next) {
        built.concepts.back() = either(std::move(built.concepts.back()), std::move(concepts[0]));
      } else {
        built.concepts.push_back(std::move(concepts[k]));
      }
    }
    join_next = false;
  }
  if (built.concepts.size() > kMaxConcepts) {
    built.concepts.resize(kMaxConcepts);
    truncated = true;
  }
  if (truncated) {
    built.warnings.push_back("only the first " + std::to_string(kMaxConcepts) +
                             " words of the query were searched");
  }
  if (excluded.size() > kMaxConcepts) excluded.resize(kMaxConcepts);
  if (!excluded.empty()) {
    built.excluded = Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end());
  }
  if (built.concepts.empty() && !excluded.empty()) {
    built.warnings.push_back("a query of exclusions alone matches nothing; add a word to find");
  } else if (built.concepts.empty() && excluded.empty() && only_stopwords &&
             !parsed.parts.empty()) {
    built.warnings.push_back(
        "the query holds only common words (le, de, est…), which the index leaves out; add a "
        "word to find");
  }
  for (Concept& c : built.concepts) c.idf = concept_idf(c, db);
  return built;
}

}  // namespace furet::detail
