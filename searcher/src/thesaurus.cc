// Reading thesaurus groups and finding a word's alternatives.
#include "thesaurus.h"

#include <sstream>

namespace furet::detail {

// searcher/data/thesaurus_fr.txt, compiled in (furet_embed_text).
extern const std::string_view kBuiltinThesaurusText;

namespace {

// The term a one-word or compound entry is found by; empty for a multi-word one.
std::string key_term(const std::vector<Token>& tokens) {
  if (tokens.size() == 1) return tokens[0].term;
  if (!tokens.empty() && tokens.back().kind == TokenKind::kCompound &&
      tokens.back().position == tokens.front().position) {
    return tokens.back().term;
  }
  return {};
}

}  // namespace

Thesaurus::Thesaurus(std::string_view text, const Analyzer& analyzer) {
  std::istringstream lines{std::string(text)};
  std::string line;
  while (std::getline(lines, line)) {
    line = line.substr(0, line.find('#'));
    std::vector<Entry> group;
    std::istringstream entries(line);
    std::string text;
    while (std::getline(entries, text, ',')) {
      const std::size_t first = text.find_first_not_of(" \t\r");
      const std::size_t last = text.find_last_not_of(" \t\r");
      if (first == std::string::npos) continue;
      Entry entry{text.substr(first, last - first + 1), {}};
      entry.tokens = analyzer.analyze(entry.text);
      if (!entry.tokens.empty()) group.push_back(std::move(entry));
    }
    if (group.size() < 2) continue;  // a word alone has no synonym
    for (const Entry& entry : group) {
      const std::string key = key_term(entry.tokens);
      if (!key.empty()) groups_of_term_.emplace(key, groups_.size());
    }
    groups_.push_back(std::move(group));
  }
}

const Thesaurus& Thesaurus::builtin(const Analyzer& analyzer) {
  static const Thesaurus thesaurus(kBuiltinThesaurusText, analyzer);
  return thesaurus;
}

std::vector<const Thesaurus::Entry*> Thesaurus::alternatives(const std::string& term) const {
  std::vector<const Entry*> result;
  const auto [first, last] = groups_of_term_.equal_range(term);
  for (auto it = first; it != last; ++it) {
    for (const Entry& entry : groups_[it->second]) {
      if (key_term(entry.tokens) != term) result.push_back(&entry);
    }
  }
  return result;
}

}  // namespace furet::detail
