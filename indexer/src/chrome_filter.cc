// General rules that tell a website's chrome from an article's text.
#include "chrome_filter.h"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <unordered_set>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace furet::detail {
namespace {

// Words of a website's interface rather than of news prose: comment forms,
// sharing, accounts, subscriptions, advertising, reading-time badges, related
// posts. Matched on their stems, so "partagez" and "partager" both count.
constexpr std::array<std::string_view, 32> kInterfaceWords = {
    "commentaire", "commenter", "partager",  "partage",    "abonner",    "abonnement",
    "inscrire",    "inscrivez", "connecter", "connectez",  "compte",     "newsletter",
    "cookies",     "publicité", "pub",       "logo",       "lecture",    "min",
    "suivre",      "réseaux",   "sociaux",   "e-mail",     "email",      "adresse",
    "champs",      "obligatoires", "cliquez", "télécharger", "twitter",  "facebook",
    "réagissez",   "similaires"};

// A line that opens this way is a credit or a link to another page.
constexpr std::array<std::string_view, 10> kCreditAndLinkOpenings = {
    "photo", "crédit", "source :", "illustration", "image :", "à lire", "a lire",
    "lire aussi", "voir aussi", "sur le même sujet"};

constexpr std::size_t kShortLineWords = 8;     // a badge or a button, not a sentence
constexpr std::size_t kRepeatedLineWords = 12;  // an ad break repeated through the page
constexpr std::size_t kCallToActionWords = 60;  // a sign-up or comment-form paragraph

// The terms the rules look for, analysed once.
struct Vocabulary {
  std::unordered_set<std::string> interface;
  std::unordered_set<std::string> second_person;  // vous, votre, vos
  std::string rights, reserved, reproduction;
  // Folded openings of credits and links, and whether ':' or '/' must follow.
  std::vector<std::pair<std::string, bool>> openings;

  Vocabulary() {
    Analyzer analyzer;
    const auto term = [&analyzer](std::string_view word) { return analyzer.analyze(word)[0].term; };
    for (std::string_view word : kInterfaceWords) {
      for (const Token& token : analyzer.analyze(word)) interface.insert(token.term);
    }
    for (std::string_view word : {"vous", "votre", "vos"}) second_person.insert(term(word));
    rights = term("droits");
    reserved = term("réservés");
    reproduction = term("reproduction");
    for (std::string_view opening : kCreditAndLinkOpenings) {
      const bool word_alone = opening == "photo" || opening == "crédit" || opening == "illustration";
      openings.emplace_back(analyzer.fold_word(opening), word_alone);
    }
  }
};

// What one analysis of a line tells the rules.
struct LineWords {
  std::size_t content = 0;    // words that are not stopwords
  std::size_t interface = 0;  // of which interface words
  bool second_person = false;
  bool copyright = false;
  std::string key;            // its terms: the same line repeated has the same key
};

LineWords read_line(const std::vector<Token>& tokens, const Vocabulary& vocabulary) {
  LineWords words;
  bool saw_rights = false;
  bool saw_reserved = false;
  for (const Token& token : tokens) {
    if (token.kind == TokenKind::kCompound) continue;
    words.key += token.term;
    words.key += ' ';
    words.second_person |= vocabulary.second_person.count(token.term) > 0;
    saw_rights |= token.term == vocabulary.rights;
    saw_reserved |= token.term == vocabulary.reserved || token.term == vocabulary.reproduction;
    if (token.stopword) continue;
    ++words.content;
    if (vocabulary.interface.count(token.term)) ++words.interface;
  }
  words.copyright = saw_rights && saw_reserved;
  return words;
}

bool has_letter_or_digit(std::string_view line) {
  for (std::size_t i = 0; i < line.size();) {
    UChar32 c;
    U8_NEXT(line.data(), i, line.size(), c);
    if (c > 0 && u_isalnum(c)) return true;
  }
  return false;
}

// "top-article-image", "gc/ube/kaf/jug/er": a CSS class or an agency's initials,
// one token of lower-case words joined by - _ or /.
bool is_markup_residue(std::string_view line) {
  if (line.find_first_of(" \t") != std::string_view::npos) return false;
  if (line.find_first_of("-_/") == std::string_view::npos) return false;
  return std::none_of(line.begin(), line.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool opens_with_credit_or_link(std::string_view line, const Analyzer& analyzer,
                               const Vocabulary& vocabulary) {
  const std::string folded_head = analyzer.fold_word(line.substr(0, 40));
  for (const auto& [opening, needs_separator] : vocabulary.openings) {
    if (folded_head.rfind(opening, 0) != 0) continue;
    if (!needs_separator) return true;
    // "Photo" alone could open a sentence; a credit goes on with ':' or '/'.
    const std::size_t sep = line.find_first_of(":/");
    return sep != std::string_view::npos && sep < 16;
  }
  return false;
}

}  // namespace

std::vector<bool> find_chrome_lines(const std::vector<std::string_view>& lines,
                                    const Analyzer& analyzer,
                                    std::vector<std::vector<Token>>* tokens) {
  static const Vocabulary vocabulary;

  std::vector<LineWords> words(lines.size());
  if (tokens) tokens->assign(lines.size(), {});
  std::map<std::string, int> occurrences;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].size() > kMaxChromeLineBytes) continue;
    std::vector<Token> analysed = analyzer.analyze(lines[i]);
    words[i] = read_line(analysed, vocabulary);
    if (tokens) (*tokens)[i] = std::move(analysed);
    if (!words[i].key.empty()) ++occurrences[words[i].key];
  }

  std::vector<bool> chrome(lines.size(), false);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (line.empty()) continue;
    if (!has_letter_or_digit(line) || is_markup_residue(line) ||
        line.find("\u00A9") != std::string_view::npos ||
        opens_with_credit_or_link(line, analyzer, vocabulary)) {
      chrome[i] = true;
      continue;
    }
    if (line.size() > kMaxChromeLineBytes) continue;
    const LineWords& w = words[i];
    // A short line that is a third interface words is a button or a badge.
    const bool badge = w.interface > 0 && w.content <= kShortLineWords &&
                       w.interface * 3 >= w.content;
    const bool call_to_action = w.second_person && w.interface >= 2 &&
                                w.content <= kCallToActionWords;
    const bool repeated = occurrences[w.key] >= 2 && w.content <= kRepeatedLineWords;
    chrome[i] = w.copyright || badge || call_to_action || repeated;
  }
  return chrome;
}

}  // namespace furet::detail
