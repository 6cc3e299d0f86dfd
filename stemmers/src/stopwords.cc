// Stopword lookup over the list in data/stopwords_fr.txt, folded once at first use.
#include "stopwords.h"

#include <sstream>
#include <string>
#include <unordered_set>

#include "folding.h"

namespace furet::detail {

// data/stopwords_fr.txt, compiled in (furet_embed_text).
extern const std::string_view kStopwordsText;

namespace {

std::unordered_set<std::string> load_stopwords() {
  std::unordered_set<std::string> words;
  std::istringstream lines{std::string(kStopwordsText)};
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string word;
    while (fields >> word) words.insert(fold(word).folded);
  }
  return words;
}

}  // namespace

bool is_stopword(std::string_view folded) {
  static const std::unordered_set<std::string> words = load_stopwords();
  return words.count(std::string(folded)) != 0;
}

}  // namespace furet::detail
