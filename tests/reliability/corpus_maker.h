// Synthetic articles for the reliability tests, made of the corpus's own sentences.
#ifndef FURET_TESTS_RELIABILITY_CORPUS_MAKER_H_
#define FURET_TESTS_RELIABILITY_CORPUS_MAKER_H_

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "../test_util.h"

namespace furet::testing {

/// Writes articles into a folder: real French sentences from corpus/ in a
/// shuffled order, each article tagged with a code "k<id>g<generation>" so a
/// test can tell which version of which article a passage comes from.
class CorpusMaker {
 public:
  explicit CorpusMaker(unsigned seed = 1) : rng_(seed) {
    for (const auto& entry : std::filesystem::directory_iterator(corpus_dir())) {
      if (entry.path().extension() != ".txt") continue;
      const std::string text = read_file(entry.path().string());
      std::size_t begin = 0;
      for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if ((text[i] == '.' && text[i + 1] == ' ') || text[i] == '\n') {
          if (i - begin > 40) sentences_.push_back(text.substr(begin, i + 1 - begin));
          begin = i + 1;
          while (begin < text.size() && (text[begin] == ' ' || text[begin] == '\n')) ++begin;
          i = begin;
        }
      }
    }
  }

  /// The text of article `id` at `generation`: a title and 3 to 8 paragraphs.
  std::string article(int id, int generation) {
    std::uniform_int_distribution<std::size_t> pick(0, sentences_.size() - 1);
    std::uniform_int_distribution<int> paragraphs(3, 8);
    std::uniform_int_distribution<int> sentences(2, 4);
    std::string text =
        "Article k" + std::to_string(id) + "g" + std::to_string(generation) + " sur les puces\n\n";
    const int count = paragraphs(rng_);
    for (int p = 0; p < count; ++p) {
      text += "Repère k" + std::to_string(id) + "g" + std::to_string(generation) + ". ";
      const int n = sentences(rng_);
      for (int s = 0; s < n; ++s) text += sentences_[pick(rng_)] + " ";
      text += "\n\n";
    }
    return text;
  }

  /// Path of article `id` in `dir`.
  static std::string path(const std::string& dir, int id) {
    return dir + "/a" + std::to_string(id) + ".txt";
  }

  void write(const std::string& dir, int id, int generation) {
    write_file(path(dir, id), article(id, generation));
  }

 private:
  std::mt19937 rng_;
  std::vector<std::string> sentences_;
};

}  // namespace furet::testing

#endif  // FURET_TESTS_RELIABILITY_CORPUS_MAKER_H_
