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

struct LineWords {
  std::size_t content = 0;    // words that are not stopwords
  std::size_t interface = 0;  // of which interface words
  bool second_person = false;
  bool copyright = false;
};

LineWords count_words(std::string_view line, const Analyzer& analyzer,
                      const std::unordered_set<std::string>& interface_terms) {
  LineWords words;
  bool saw_rights = false;
  bool saw_reserved = false;
  for (const Token& token : analyzer.analyze(line)) {
    if (token.kind == TokenKind::kCompound) continue;
    const std::string surface = analyzer.fold_word(line.substr(token.begin, token.end - token.begin));
    if (surface == "vous" || surface == "votre" || surface == "vos") words.second_person = true;
    saw_rights |= token.term == "droit";
    saw_reserved |= token.term == "reserv" || token.term == "reproduct";
    if (token.stopword) continue;
    ++words.content;
    if (interface_terms.count(token.term)) ++words.interface;
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

bool opens_with_credit_or_link(std::string_view line, const Analyzer& analyzer) {
  const std::string folded_head = analyzer.fold_word(line.substr(0, 40));
  for (std::string_view opening : kCreditAndLinkOpenings) {
    const std::string folded_opening = analyzer.fold_word(opening);
    if (folded_head.rfind(folded_opening, 0) == 0) {
      // "Photo" alone could open a sentence; a credit goes on with ':' or '/'.
      if (opening == "photo" || opening == "crédit" || opening == "illustration") {
        const std::size_t sep = line.find_first_of(":/");
        return sep != std::string_view::npos && sep < 16;
      }
      return true;
    }
  }
  return false;
}

std::string normalized_line(std::string_view line, const Analyzer& analyzer) {
  std::string key;
  for (const Token& token : analyzer.analyze(line)) {
    if (token.kind == TokenKind::kCompound) continue;
    key += token.term;
    key += ' ';
  }
  return key;
}

}  // namespace

std::vector<bool> find_chrome_lines(const std::vector<std::string_view>& lines,
                                    const Analyzer& analyzer) {
  static const std::unordered_set<std::string> interface_terms = [] {
    Analyzer vocabulary_analyzer;
    std::unordered_set<std::string> terms;
    for (std::string_view word : kInterfaceWords) {
      for (const Token& token : vocabulary_analyzer.analyze(word)) terms.insert(token.term);
    }
    return terms;
  }();

  std::map<std::string, int> occurrences;
  std::vector<std::string> keys(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    keys[i] = normalized_line(lines[i], analyzer);
    if (!keys[i].empty()) ++occurrences[keys[i]];
  }

  std::vector<bool> chrome(lines.size(), false);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (line.empty()) continue;
    if (!has_letter_or_digit(line) || is_markup_residue(line) ||
        line.find("\u00A9") != std::string_view::npos ||
        opens_with_credit_or_link(line, analyzer)) {
      chrome[i] = true;
      continue;
    }
    const LineWords words = count_words(line, analyzer, interface_terms);
    // A short line that is a third interface words is a button or a badge.
    const bool badge = words.interface > 0 && words.content <= kShortLineWords &&
                       words.interface * 3 >= words.content;
    const bool call_to_action = words.second_person && words.interface >= 2 &&
                                words.content <= kCallToActionWords;
    const bool repeated = occurrences[keys[i]] >= 2 && words.content <= kRepeatedLineWords;
    chrome[i] = words.copyright || badge || call_to_action || repeated;
  }
  return chrome;
}

}  // namespace furet::detail
