// The forms of each verb of data/verbs_fr.txt, made from its principal parts once,
// at first use, and looked up folded.
#include "verbs.h"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <sstream>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "folding.h"

namespace furet::detail {

// data/verbs_fr.txt, compiled in (furet_embed_text).
extern const std::string_view kVerbsText;

namespace {

// The fields of one line of data/verbs_fr.txt, in their order there, folded: the
// endings added to them are plain ASCII, so the forms made are folded too.
struct PrincipalParts {
  std::string infinitive;  // as written, for the stemmer
  std::string present_1sg;
  std::string stem_1pl;
  std::string stem_3pl;
  std::string future_stem;
  std::string past_stem;
  std::string participle;
  std::vector<std::string> irregular;
};

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// fold() for the parts of a line; most are plain ASCII lowercase, which folding
// keeps, and this is read while a one-shot search waits.
std::string folded(std::string part) {
  const bool plain =
      std::all_of(part.begin(), part.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return plain ? part : fold(part).folded;
}

void add_endings(std::vector<std::string>& forms, const std::string& stem,
                 std::initializer_list<std::string_view> endings) {
  for (std::string_view ending : endings) forms.push_back(stem + std::string(ending));
}

// Every simple-tense form and participle of the verb `p` describes.
std::vector<std::string> conjugate(const PrincipalParts& p) {
  std::vector<std::string> forms{folded(p.infinitive), p.present_1sg};
  if (ends_with(p.present_1sg, "e")) {  // "ouvre", "ouvres", "ouvre"
    forms.push_back(p.present_1sg + "s");
  } else {  // "conçois", "conçois", "conçoit"; "prends", "prends", "prend"
    const std::string stem = p.present_1sg.substr(0, p.present_1sg.size() - 1);
    const bool bare = ends_with(stem, "c") || ends_with(stem, "d") || ends_with(stem, "t");
    forms.push_back(bare ? stem : stem + "t");
  }
  add_endings(forms, p.stem_1pl, {"ons", "ez", "ais", "ait", "ions", "iez", "aient", "ant"});
  add_endings(forms, p.stem_3pl, {"ent", "e", "es"});
  add_endings(forms, p.future_stem,
              {"ai", "as", "a", "ons", "ez", "ont", "ais", "ait", "ions", "iez", "aient"});
  // Not the passé simple's "-mes", "-tes" nor the imperfect subjunctive: rare in
  // news, they are also nouns ("primes", "permissions", "émissions").
  add_endings(forms, p.past_stem, {"s", "t", "rent"});
  forms.push_back(p.participle);
  if (ends_with(p.participle, "s")) {
    add_endings(forms, p.participle, {"e", "es"});
  } else {
    add_endings(forms, p.participle, {"e", "s", "es"});
  }
  forms.insert(forms.end(), p.irregular.begin(), p.irregular.end());
  return forms;
}

struct Lexicon {
  std::vector<std::string> infinitives;
  std::unordered_map<std::string, std::size_t> verb_of;  // folded form -> index in infinitives
};

Lexicon load_verbs() {
  std::unordered_set<std::string> other_words;  // the "!" lines
  std::vector<PrincipalParts> verbs;
  std::istringstream lines{std::string(kVerbsText)};
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string first;
    if (!(fields >> first) || first[0] == '#') continue;
    if (first == "!") {
      for (std::string word; fields >> word;) other_words.insert(folded(word));
      continue;
    }
    PrincipalParts p;
    p.infinitive = first;
    for (std::string* part :
         {&p.present_1sg, &p.stem_1pl, &p.stem_3pl, &p.future_stem, &p.past_stem, &p.participle}) {
      if (!(fields >> *part)) {
        throw std::logic_error("data/verbs_fr.txt: fewer than 7 fields in '" + line + "'");
      }
      *part = folded(std::move(*part));
    }
    for (std::string form; fields >> form;) p.irregular.push_back(folded(form));
    verbs.push_back(std::move(p));
  }

  Lexicon lexicon;
  lexicon.verb_of.reserve(verbs.size() * 48);  // the forms a line makes, about
  std::unordered_set<std::string> shared;      // forms of two verbs
  for (const PrincipalParts& verb : verbs) {
    const std::size_t index = lexicon.infinitives.size();
    lexicon.infinitives.push_back(verb.infinitive);
    for (std::string& form : conjugate(verb)) {
      if (other_words.count(form)) continue;
      const auto [it, added] = lexicon.verb_of.emplace(std::move(form), index);
      if (!added && it->second != index) shared.insert(it->first);
    }
  }
  for (const std::string& form : shared) lexicon.verb_of.erase(form);
  return lexicon;
}

}  // namespace

const std::string* verb_infinitive(std::string_view folded) {
  static const Lexicon lexicon = load_verbs();
  const auto it = lexicon.verb_of.find(std::string(folded));
  return it == lexicon.verb_of.end() ? nullptr : &lexicon.infinitives[it->second];
}

}  // namespace furet::detail
