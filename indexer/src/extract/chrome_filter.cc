// Site chrome in an article's lines, from where it sits and what it is made of.
//
// Chrome sits around an article: a head of logos, badges and credits before
// the body, a tail of share prompts, sign-up boxes, copyright lines and
// comment forms after it. A cue (a word of a website's interface, a credit, a
// copyright sign) marks a line as chrome only there, outside the body; in the
// body only what cannot be its text goes: lines without a letter, links to
// other pages and credits, and a short line repeated between paragraphs (an
// advertising break). A sentence of the body is never dropped, whatever its
// words, nor is a badge-like label or an identifier that occurs once in it
// ("Lecture seule", "xz-utils"). A prompt alone next to the body, with no other
// cue around it, is the article's last or first sentence, not a block of chrome
// ("Soyez donc vigilant lorsque vous publiez des commentaires…"): a site's
// standing prompt is left to the site's template, which sees it repeated.
#include "extract/chrome_filter.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace furet::detail {
namespace {

// Words of a website's interface rather than of prose, in French and English:
// comments, sharing and following, accounts and sign-up, subscriptions,
// advertising, cookies, reading-time badges, lists of other articles. Matched
// on their stems ("partagez" and "partager" both count).
constexpr std::array<std::string_view, 48> kInterfaceWords = {
    "commentaire", "commenter",  "commentaires",  "partager",     "partage",   "partagez",
    "abonner",     "abonnement", "inscrire",      "inscrivez",    "connecter", "connectez",
    "compte",      "newsletter", "cookies",       "publicité",    "pub",       "logo",
    "lecture",     "min",        "suivre",        "suivez",       "réseaux",   "sociaux",
    "e-mail",      "email",      "cliquez",       "similaires",   "réagissez", "comment",
    "comments",    "share",      "subscribe",     "subscription", "sign",      "login",
    "account",     "follow",     "advertisement", "read",         "related",   "newsletters",
    "facebook",    "twitter",    "whatsapp",      "linkedin",     "instagram", "google"};

// A line that opens this way is a credit...
constexpr std::array<std::string_view, 6> kCreditOpenings = {"photo",    "crédit",       "credit",
                                                             "source :", "illustration", "image :"};
// ...or a link to another page, however long its title.
constexpr std::array<std::string_view, 7> kLinkOpenings = {
    "à lire", "a lire", "lire aussi", "voir aussi", "sur le même sujet", "read more", "read also"};

constexpr std::size_t kShortLineWords = 8;   // a button or a badge, not a sentence
constexpr std::size_t kProseWords = 8;       // a sentence of the body has this many words
constexpr std::size_t kMinClusterLines = 2;  // cue lines in a row that separate zones
constexpr int kInterjectionRepeats = 3;      // an ad break: repeated, and short,
constexpr long kMinInterjectionWords = 3;    // but more than a word or two ("Oui", "Note")

// The terms the rules look for, analysed once.
struct Vocabulary {
  std::unordered_set<std::string> interface;
  std::unordered_set<std::string> second_person;  // vous, votre, vos, you, your
  std::string rights, reserved, reproduction;
  // Folded openings of credits, and whether ':' or '/' must follow; of links.
  std::vector<std::pair<std::string, bool>> credits;
  std::vector<std::string> links;

  Vocabulary() {
    Analyzer analyzer;
    const auto term = [&analyzer](std::string_view word) { return analyzer.analyze(word)[0].term; };
    // Not a one-letter part of a hyphenated word: "e-mail" must not make
    // every "e" or "è" of a line (a pronunciation, "(è-sieu)") a word of the
    // interface. (The whole, "email", counts in its place: read_line.)
    for (std::string_view word : kInterfaceWords) {
      for (const Token& token : analyzer.analyze(word)) {
        if (token.term.size() > 1) interface.insert(token.term);
      }
    }
    for (std::string_view word : {"vous", "votre", "vos", "you", "your"}) {
      second_person.insert(term(word));
    }
    rights = term("droits");
    reserved = term("réservés");
    reproduction = term("reproduction");
    for (std::string_view opening : kCreditOpenings) {
      const bool word_alone = opening == "photo" || opening == "crédit" || opening == "credit" ||
                              opening == "illustration";
      credits.emplace_back(analyzer.fold_word(opening), word_alone);
    }
    for (std::string_view opening : kLinkOpenings) links.push_back(analyzer.fold_word(opening));
  }
};

// What one analysis of a line tells the rules.
struct LineWords {
  std::size_t words = 0;      // all words
  std::size_t content = 0;    // words that are not stopwords
  std::size_t interface = 0;  // of which interface words
  bool second_person = false;
  bool copyright = false;
  std::string key;  // its terms: the same line repeated has the same key
};

LineWords read_line(const std::vector<Token>& tokens, const Vocabulary& vocabulary) {
  LineWords words;
  bool saw_rights = false;
  bool saw_reserved = false;
  bool saw_reproduction = false;
  for (const Token& token : tokens) {
    if (token.kind == TokenKind::kCompound) {
      // A hyphenated word of the interface counts as a whole beside its
      // parts ("e-mail": "email" and "mail").
      if (vocabulary.interface.count(token.term)) ++words.interface;
      continue;
    }
    ++words.words;
    words.key += token.term;
    words.key += ' ';
    words.second_person |= vocabulary.second_person.count(token.term) > 0;
    saw_rights |= token.term == vocabulary.rights;
    saw_reserved |= token.term == vocabulary.reserved;
    saw_reproduction |= token.term == vocabulary.reproduction;
    if (token.stopword) continue;
    ++words.content;
    if (vocabulary.interface.count(token.term)) ++words.interface;
  }
  // "Tous droits réservés", "Droits de reproduction : AFP": a short line; a
  // sentence of law ("un droit exclusif … s'opposer à sa reproduction", "est
  // réservé aux personnes habilitées") is longer.
  words.copyright =
      saw_rights && (saw_reserved || saw_reproduction) && words.words <= 2 * kShortLineWords;
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
  if (line.find("://") != std::string_view::npos || line.rfind("www.", 0) == 0) return false;
  if (line.find_first_of("-_/") == std::string_view::npos) return false;
  return std::none_of(line.begin(), line.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool opens_with_credit(std::string_view line, const Analyzer& analyzer,
                       const Vocabulary& vocabulary) {
  const std::string folded_head = analyzer.fold_word(line.substr(0, 40));
  for (const auto& [opening, needs_separator] : vocabulary.credits) {
    if (folded_head.rfind(opening, 0) != 0) continue;
    if (!needs_separator) return true;
    // "Photo" alone could open a sentence; a credit goes on with ':' or '/'.
    const std::size_t sep = line.find_first_of(":/");
    return sep != std::string_view::npos && sep < 16;
  }
  return false;
}

// The link has a title after its opening: "Voir aussi" alone is a heading
// (of a manual page's references, say), not a link.
bool opens_with_link(std::string_view line, const Analyzer& analyzer,
                     const Vocabulary& vocabulary) {
  const std::string folded_head = analyzer.fold_word(line.substr(0, 60));
  return std::any_of(
      vocabulary.links.begin(), vocabulary.links.end(), [&](const std::string& opening) {
        return folded_head.rfind(opening, 0) == 0 &&
               has_letter_or_digit(std::string_view(folded_head).substr(opening.size()));
      });
}

// A sentence ends with its punctuation (French closing quotes included).
bool ends_like_a_sentence(std::string_view line) {
  for (std::string_view end : {".", "!", "?", "\u2026", "\u00BB", "\"", "\u201D", ")", ";"}) {
    if (line.size() >= end.size() && line.substr(line.size() - end.size()) == end) return true;
  }
  return false;
}

// French typography closes the items of a list with a semicolon.
bool ends_a_list_item(std::string_view line) { return !line.empty() && line.back() == ';'; }

// A semicolon, or a full stop after a word of small letters, closes a clause;
// a label has neither. An abbreviation's stop ("6 Min.", "etc.") does not
// count: the word before it is capitalised or shorter than four letters.
bool ends_a_clause(std::string_view line) {
  if (ends_a_list_item(line)) return true;
  if (line.empty() || line.back() != '.') return false;
  int letters = 0;
  for (std::int32_t i = static_cast<std::int32_t>(line.size()) - 1; i > 0 && letters < 4;) {
    UChar32 c;
    U8_PREV(line.data(), 0, i, c);
    if (c < 0 || !u_islower(c)) break;
    ++letters;
  }
  return letters >= 4;
}

// How one line reads.
struct LineClass {
  bool blank = false;     // no letter or digit: decoration
  bool button = false;    // chrome wherever it is: a link to another page, a credit
  bool residue = false;   // one token of lower-case words: a CSS class, an identifier
  bool badge = false;     // a short interface line or markup residue: chrome around the
                          // body, or repeated through it
  bool prompt = false;    // a sentence to the reader about the site, and no other cue
  bool cue = false;       // chrome around the body: all of the above, copyright lines
  bool prose = false;     // a sentence of the body
  std::size_t words = 0;  // of the body's prose, for choosing the body
};

LineClass classify(std::string_view line, const LineWords& w, const Analyzer& analyzer,
                   const Vocabulary& vocabulary) {
  LineClass c;
  c.blank = !has_letter_or_digit(line);
  if (c.blank) return c;
  const bool is_short = w.words <= kShortLineWords;
  // A badge: a few words, a third of them the interface's, and a label: a
  // line closed by a full stop or a semicolon is a sentence or an item of a
  // list ("Suivez les instructions données.", "les cookies ;"). A button
  // leads to another page or credits a picture.
  c.residue = is_markup_residue(line);
  c.badge = c.residue ||
            (w.interface > 0 && is_short && w.interface * 3 >= w.content && !ends_a_clause(line));
  c.button = opens_with_link(line, analyzer, vocabulary) ||
             (is_short && opens_with_credit(line, analyzer, vocabulary));
  // A prompt addresses the reader about the site ("Votre adresse e-mail ne
  // sera pas publiée…"): prose in form, chrome in place.
  // It is about the site through and through: in a paragraph of advice that
  // names a network or an account in passing, the interface is a word or two
  // of many. An item of a list, closed by a semicolon, is no prompt either.
  const bool prompt = w.second_person && w.interface >= 2 && w.interface * 5 >= w.content &&
                      !ends_a_list_item(line);
  const bool other_cue = c.button || c.badge || w.copyright ||
                         line.find("\u00A9") != std::string_view::npos ||
                         opens_with_credit(line, analyzer, vocabulary);
  c.prompt = prompt && !other_cue;
  c.cue = other_cue || prompt;
  c.prose = !c.cue && w.words >= kProseWords &&
            (ends_like_a_sentence(line) || w.words >= 2 * kProseWords);
  if (c.prose) c.words = w.words;
  return c;
}

// The body: of the stretches of lines that runs of cue lines separate, the
// one with the most prose. Returns [first, last] line indices, or an empty
// range (first > last) when no line is prose.
std::pair<std::size_t, std::size_t> find_body(const std::vector<LineClass>& classes) {
  std::size_t best_first = 1, best_last = 0, best_words = 0;
  std::size_t first = 0, words = 0, cues_in_a_row = 0;
  std::size_t last_prose = 0;
  bool any_prose = false;
  const auto close = [&](std::size_t end) {
    if (any_prose && words > best_words) {
      best_first = first;
      best_last = end;
      best_words = words;
    }
  };
  std::size_t first_prose = 0;
  for (std::size_t i = 0; i < classes.size(); ++i) {
    const LineClass& c = classes[i];
    // A lone token says nothing of where the body ends: a manual lists its
    // files or packages one per line in the middle of its text.
    if (c.blank || c.residue) continue;
    if (c.cue) {
      if (++cues_in_a_row == kMinClusterLines && any_prose) {
        close(last_prose);
        words = 0;
        any_prose = false;
      }
      continue;
    }
    cues_in_a_row = 0;
    if (c.prose) {
      if (!any_prose) first_prose = i;
      any_prose = true;
      first = first_prose;
      last_prose = i;
      words += c.words;
    }
  }
  close(last_prose);
  return {best_first, best_last};
}

// Where line i, outside the body, stands alone next to it: the nearest lines
// with letters on either side are no cues, and one of them is the body's.
enum class Beside { kNo, kBefore, kAfter };

Beside alone_beside_body(const std::vector<LineClass>& classes, std::size_t i,
                         std::size_t body_first, std::size_t body_last) {
  std::size_t before = i;
  while (before > 0 && classes[before - 1].blank) --before;
  std::size_t after = i + 1;
  while (after < classes.size() && classes[after].blank) ++after;
  if ((before > 0 && classes[before - 1].cue) || (after < classes.size() && classes[after].cue)) {
    return Beside::kNo;
  }
  if (after < classes.size() && after == body_first) return Beside::kBefore;
  if (before > 0 && before - 1 == body_last) return Beside::kAfter;
  return Beside::kNo;
}

}  // namespace

std::vector<bool> find_chrome_lines(const std::vector<std::string_view>& lines,
                                    const Analyzer& analyzer,
                                    std::vector<std::vector<Token>>* tokens) {
  static const Vocabulary vocabulary;

  std::vector<LineClass> classes(lines.size());
  std::vector<std::string> keys(lines.size());
  if (tokens) tokens->assign(lines.size(), {});
  std::unordered_map<std::string, int> occurrences;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].size() > kMaxChromeLineBytes) {
      classes[i].prose = true;  // a paragraph this long is text, whatever it holds
      classes[i].words = lines[i].size() / 6;
      continue;
    }
    std::vector<Token> analysed = analyzer.analyze(lines[i]);
    const LineWords w = read_line(analysed, vocabulary);
    classes[i] = classify(lines[i], w, analyzer, vocabulary);
    if (w.words <= kShortLineWords && !w.key.empty()) {  // a heading or a button, not prose
      keys[i] = w.key;
      ++occurrences[w.key];
    }
    if (tokens) (*tokens)[i] = std::move(analysed);
  }

  const auto [body_first, body_last] = find_body(classes);
  std::vector<bool> chrome(lines.size(), false);
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const LineClass& c = classes[i];
    const bool in_body = i >= body_first && i <= body_last;
    // A short line repeated through the article: an ad break, three times or
    // more and each time alone between longer lines, or a badge three times
    // or more, goes entirely; otherwise (a line of the code examples, a
    // heading) its first occurrence stays.
    bool repeat = false;
    if (!keys[i].empty()) {
      const bool alone =
          (i == 0 || keys[i - 1].empty()) && (i + 1 == lines.size() || keys[i + 1].empty());
      const bool repeated = occurrences[keys[i]] >= kInterjectionRepeats;
      const bool interjection =
          repeated &&
          ((alone && std::count(keys[i].begin(), keys[i].end(), ' ') >= kMinInterjectionWords) ||
           c.badge);
      repeat = interjection || !seen.insert(keys[i]).second;
    }
    // Without a body (no line reads as prose), a cue has nothing to sit
    // around: a one-sentence answer that names Twitter is its own text.
    const bool has_body = body_first <= body_last;
    // Alone beside the body, a prompt is its first or last sentence, and a
    // label just before it is its heading ("Partage de vos fichiers
    // personnels", a help page's title); a label alone after it is a button.
    const Beside beside = has_body && !in_body && (c.prompt || c.badge)
                              ? alone_beside_body(classes, i, body_first, body_last)
                              : Beside::kNo;
    const bool part_of_body =
        (c.prompt && beside != Beside::kNo) || (c.badge && beside == Beside::kBefore);
    const bool around_body = has_body && !in_body && !part_of_body;
    chrome[i] = c.blank || c.button || repeat || (c.cue && around_body);
  }
  return chrome;
}

}  // namespace furet::detail
