// The analysis chain: segment, strip elisions, fold, classify, stem, mark stopwords.
#include "furet/analysis/analyzer.h"

#include <xapian.h>

#include <algorithm>
#include <optional>

#include "ascii_text.h"
#include "elision.h"
#include "flat_string_map.h"
#include "folding.h"
#include "furet/error.h"
#include "segmenter.h"
#include "stopwords.h"
#include "verbs.h"

namespace furet {
namespace {

// Bumped whenever a change to the chain would give an existing index other terms.
constexpr std::string_view kConfig = "fr-snowball/5";

// Longer "words" are URLs, base64 or noise; Xapian also caps a term at 245 bytes.
constexpr std::size_t kMaxTermBytes = 64;

// More hyphenated parts than this is a list or an ASCII-art rule, not a compound.
constexpr std::size_t kMaxCompoundParts = 6;

// Distinct spellings an Analyzer keeps analysed (some 20 MB): past this, its
// cache starts again, so memory stays bounded on any corpus.
constexpr std::size_t kMaxCachedWords = 1 << 17;

using ascii::is_digit;

// Digits with at most inner decimal marks, as the segmenter leaves them ("2,5").
bool is_number(std::string_view folded) {
  if (folded.empty() || !is_digit(folded.front()) || !is_digit(folded.back())) return false;
  for (char c : folded) {
    if (!is_digit(c) && c != ',' && c != '.') return false;
  }
  return true;
}

// Two or more letters, all capitals (ASCII: acronyms are written so).
bool is_acronym(std::string_view s) {
  return s.size() >= 2 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool has_digit(std::string_view s) {
  for (char c : s) {
    if (is_digit(c)) return true;
  }
  return false;
}

// Thousands groups may still hold the space NFKC made of a narrow NBSP.
std::string without_spaces(std::string s) {
  std::erase(s, ' ');
  return s;
}

// One past the percent sign that follows a number ending at `end`, written
// "75%" or, as French typography has it, "75 %" (a space, often a no-break
// one, before the sign); 0 if none follows.
std::size_t percent_sign_end(std::string_view text, std::size_t end) {
  end += detail::number_space_bytes(text.substr(end));
  return text.substr(end, 1) == "%" ? end + 1 : 0;
}

std::string join_terms(const std::vector<Token>& parts, std::size_t first, bool alt) {
  std::string joined;
  for (std::size_t i = first; i < parts.size(); ++i) {
    if (i > first) joined.push_back('-');
    const Token& t = parts[i];
    joined += (alt && !t.alt_term.empty()) ? t.alt_term : t.term;
  }
  return joined;
}

}  // namespace

// What a word's spelling alone decides: its terms, kind and stopword flag.
struct WordAnalysis {
  std::string term;
  std::string alt_term;
  std::string folded;  // the word folded, unstemmed: what fold_word() gives
  TokenKind kind = TokenKind::kWord;
  bool stopword = false;
};

struct Analyzer::Impl {
  std::string config{kConfig};
  detail::WordSegmenter segmenter;
  Xapian::Stem stemmer{"french"};
  // Words recur (Zipf): folding and stemming each spelling once per Analyzer
  // is most of the chain's cost saved. Emptied when full, to bound memory.
  detail::FlatStringMap<WordAnalysis> words;

  Impl() = default;
  // Xapian::Stem copies share one stemmer, which is not thread-safe: make a new one.
  Impl(const Impl& other) : config(other.config), segmenter(other.segmenter) {}

  const WordAnalysis& analyse_word(std::string_view spelling);
  std::optional<Token> make_token(std::string_view text, const detail::Segment& segment);
  void add_compound(std::vector<Token>& tokens, std::size_t first) const;
  void add_percentage(std::string_view text, std::vector<Token>& tokens) const;
};

const WordAnalysis& Analyzer::Impl::analyse_word(std::string_view spelling) {
  if (const WordAnalysis* hit = words.find(spelling)) return *hit;
  const detail::FoldedWord word = detail::fold(spelling);
  WordAnalysis analysis;
  analysis.folded = without_spaces(word.folded);
  // "AI", "UE", "ONU" in capitals are acronyms, not the stopwords "ai", "ue".
  analysis.stopword = detail::is_stopword(word.folded) && !is_acronym(spelling);
  if (has_digit(word.folded)) {
    std::string compact = analysis.folded;
    analysis.kind = is_number(compact) ? TokenKind::kNumber : TokenKind::kCode;
    analysis.term = std::move(compact);
  } else if (const std::string* infinitive = detail::verb_infinitive(word.folded)) {
    // "conçu" and "concevoir" are one verb, which Snowball cannot see; folded
    // forms are looked up, so the term is accent-blind already.
    analysis.term = detail::fold(stemmer(*infinitive)).folded;
  } else {
    analysis.term = detail::fold(stemmer(word.lower)).folded;
    std::string accent_blind = stemmer(word.folded);
    if (accent_blind != analysis.term) analysis.alt_term = std::move(accent_blind);
  }
  if (words.size() >= kMaxCachedWords) words.clear();
  return words.insert(spelling, std::move(analysis));
}

// One segment to one token. Words get two stems when accents change the stem:
// Snowball reads accents ("sécurité" -> "sécur"), so the accented stem, folded,
// is the term, and the stem of the folded word ("securit") is the alt_term that
// a query typed without accents produces too.
std::optional<Token> Analyzer::Impl::make_token(std::string_view text,
                                                const detail::Segment& segment) {
  std::uint32_t begin = segment.begin;
  begin += static_cast<std::uint32_t>(
      detail::elided_prefix_bytes(text.substr(begin, segment.end - begin)));
  const WordAnalysis& word = analyse_word(text.substr(begin, segment.end - begin));
  if (word.term.empty() || word.term.size() > kMaxTermBytes) return std::nullopt;
  Token token;
  token.term = word.term;
  token.alt_term = word.alt_term;
  token.begin = begin;
  token.end = segment.end;
  token.kind = word.kind;
  token.stopword = word.stopword;
  return token;
}

// The parts tokens[first..] of one hyphenated run also stand as a whole, so
// "Etats-Unis" matches both "unis" and "États-Unis" as one term.
void Analyzer::Impl::add_compound(std::vector<Token>& tokens, std::size_t first) const {
  Token whole;
  whole.kind = TokenKind::kCompound;
  whole.begin = tokens[first].begin;
  whole.end = tokens.back().end;
  whole.position = tokens[first].position;
  whole.term = join_terms(tokens, first, false);
  std::string alt = join_terms(tokens, first, true);
  if (alt != whole.term) whole.alt_term = std::move(alt);
  whole.stopword = true;
  for (std::size_t i = first; i < tokens.size(); ++i) whole.stopword &= tokens[i].stopword;
  if (whole.term.size() <= kMaxTermBytes) tokens.push_back(std::move(whole));
}

// A number followed by a percent sign also stands as a whole ("75%"), the way
// a compound does: a share is another quantity than the bare number, so "75%"
// ranks the passages that give that share above those that only hold a 75,
// while "75" still finds both.
void Analyzer::Impl::add_percentage(std::string_view text, std::vector<Token>& tokens) const {
  const Token& number = tokens.back();
  const std::size_t end = percent_sign_end(text, number.end);
  if (end == 0) return;
  Token whole;
  whole.kind = TokenKind::kCompound;
  whole.begin = number.begin;
  whole.end = static_cast<std::uint32_t>(end);
  whole.position = number.position;
  whole.term = number.term + "%";
  if (whole.term.size() <= kMaxTermBytes) tokens.push_back(std::move(whole));
}

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {}

Analyzer::Analyzer(std::string_view config) : Analyzer() {
  if (config != kConfig) {
    throw IncompatibleIndex("analysis configuration '" + std::string(config) +
                            "' is not known to this build of furet (it knows '" +
                            std::string(kConfig) + "'); rebuild the index");
  }
}

Analyzer::Analyzer(const Analyzer& other) : impl_(std::make_unique<Impl>(*other.impl_)) {}

Analyzer& Analyzer::operator=(const Analyzer& other) {
  if (this != &other) impl_ = std::make_unique<Impl>(*other.impl_);
  return *this;
}

Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;
Analyzer::~Analyzer() = default;

const std::string& Analyzer::config_string() const { return impl_->config; }

std::vector<Token> Analyzer::analyze(std::string_view text) const {
  const std::vector<detail::Segment> segments = impl_->segmenter.segment(text);
  std::vector<Token> tokens;
  tokens.reserve(segments.size() + segments.size() / 8);
  std::uint32_t position = 0;
  for (std::size_t i = 0; i < segments.size();) {
    std::size_t last = i;  // the hyphenated run is segments[i..last]
    while (segments[last].linked_to_next && last + 1 < segments.size() &&
           last - i + 1 < kMaxCompoundParts) {
      ++last;
    }
    const std::size_t first_part = tokens.size();
    for (std::size_t k = i; k <= last; ++k) {
      if (std::optional<Token> token = impl_->make_token(text, segments[k])) {
        token->position = ++position;
        tokens.push_back(std::move(*token));
      }
    }
    if (tokens.size() - first_part >= 2) {
      impl_->add_compound(tokens, first_part);
    } else if (tokens.size() - first_part == 1 && tokens.back().kind == TokenKind::kNumber) {
      impl_->add_percentage(text, tokens);
    }
    i = last + 1;
  }
  return tokens;
}

std::string Analyzer::fold_word(std::string_view word) const {
  word.remove_prefix(detail::elided_prefix_bytes(word));
  // A word of an analysed text is folded already (the indexer counts spellings so).
  if (const WordAnalysis* hit = impl_->words.find(word)) return hit->folded;
  return without_spaces(detail::fold(word).folded);
}

}  // namespace furet
