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
    std::vector<std::vector<Token>> group;
    std::istringstream entries(line);
    std::string entry;
    while (std::getline(entries, entry, ',')) {
      std::vector<Token> tokens = analyzer.analyze(entry);
      if (!tokens.empty()) group.push_back(std::move(tokens));
    }
    if (group.size() < 2) continue;  // a word alone has no synonym
    for (const std::vector<Token>& tokens : group) {
      const std::string key = key_term(tokens);
      if (!key.empty()) groups_of_term_.emplace(key, groups_.size());
    }
    groups_.push_back(std::move(group));
  }
}

const Thesaurus& Thesaurus::builtin(const Analyzer& analyzer) {
  static const Thesaurus thesaurus(kBuiltinThesaurusText, analyzer);
  return thesaurus;
}

std::vector<std::vector<Token>> Thesaurus::alternatives(const std::string& term) const {
  std::vector<std::vector<Token>> result;
  const auto [first, last] = groups_of_term_.equal_range(term);
  for (auto it = first; it != last; ++it) {
    for (const std::vector<Token>& entry : groups_[it->second]) {
      if (key_term(entry) != term) result.push_back(entry);
    }
  }
  return result;
}

}  // namespace furet::detail
