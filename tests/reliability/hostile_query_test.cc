// Hostile queries: each returns promptly with hits, no hits or a message.
#include <gtest/gtest.h>

#include <chrono>

#include "../process_util.h"
#include "furet/indexer/index_writer.h"
#include "furet/searcher.h"

namespace furet::testing {
namespace {

// The promise: any query is answered within a second on the seed index (more
// under sanitizers, through FURET_TIME_SCALE).
constexpr std::chrono::milliseconds kBound{1000};

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

std::vector<std::pair<std::string, std::string>> hostile_queries() {
  std::string ten_thousand_words;
  for (int i = 0; i < 10000; ++i) ten_thousand_words += "mot" + std::to_string(i) + " ";
  std::string controls;
  for (char c = 1; c < 32; ++c) controls += c;
  return {
      {"empty", ""},
      {"only stopwords", "le la les de des du et ou"},
      {"only punctuation", "!?.,;:«»—…()[]{}"},
      {"10,000 words", ten_thousand_words},
      {"100 KB of one word", repeat("puce", 25000)},
      {"unbalanced quotes", "\"sécurité nationale \"H20"},
      {"unbalanced parentheses", "((((puces H20)"},
      {"deep parentheses", repeat("(", 5000) + "puces" + repeat(")", 5000)},
      {"invalid UTF-8", "puces \xff\xfe\xc3 H20 \xe2\x82"},
      {"control characters", controls + "puces" + controls},
      {"lone star", "*"},
      {"thousands of wildcards", repeat("a* ", 3000)},
      {"thousands of exclusions", repeat("-puces ", 3000) + "H20"},
      {"thousands of ORs", repeat("H20 OR ", 3000) + "H200"},
      {"long phrase", "\"" + repeat("la puce H20 ", 2000) + "\""},
      {"NUL bytes", std::string("puces\0H20", 9)},
  };
}

TEST(HostileQueryTest, EveryQueryReturnsPromptly) {
  TempDir tmp;
  IndexWriter(tmp / "index").update({corpus_dir()});
  Searcher searcher(tmp / "index");
  const auto bound = std::chrono::duration_cast<std::chrono::milliseconds>(kBound * time_scale());
  for (const auto& [name, query] : hostile_queries()) {
    const auto start = std::chrono::steady_clock::now();
    SearchResult result;
    EXPECT_NO_THROW(result = searcher.search(query)) << name;
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_LT(elapsed, bound)
        << name << " took "
        << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() << " ms";
    EXPECT_LE(result.hits.size(), 10u) << name;
  }
}

TEST(HostileQueryTest, LongQueriesSayTheyWereCut) {
  TempDir tmp;
  IndexWriter(tmp / "index").update({corpus_dir()});
  Searcher searcher(tmp / "index");
  EXPECT_FALSE(searcher.search(repeat("puces H20 ", 2000)).warnings.empty());
  std::string many;
  for (int i = 0; i < 100; ++i) many += "mot" + std::to_string(i) + " ";
  EXPECT_FALSE(searcher.search(many).warnings.empty());
}

TEST(HostileQueryTest, CommandLineNeverCrashes) {
  TempDir tmp;
  const std::string index = tmp / "index";
  IndexWriter(index).update({corpus_dir()});
  for (const auto& [name, query] : hostile_queries()) {
    if (query.find('\0') != std::string::npos) continue;  // argv cannot carry NUL
    const ProcessResult r = run({program("furet-search"), "--index", index, "--json", "--", query});
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1)
        << name << ": " << r.exit_code << " " << r.err;
  }
}

}  // namespace
}  // namespace furet::testing
