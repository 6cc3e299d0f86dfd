// furet-analyzer-bench: MB/s of furet::Analyzer::analyze on real French articles.
//
//   furet-analyzer-bench [BENCHMARK FLAGS] [--max_mb=8] [PATH...]
//
// PATHs are .txt/.md articles or directories of them (recursively, in sorted order);
// with none, the articles of the repository's corpus/. At most --max_mb MB are read, so
// a whole benchmark corpus can be given without making one iteration last a minute.
// Google Benchmark flags (--benchmark_filter, --benchmark_format=json, ...) apply.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "furet/analysis/analyzer.h"
#include "furet/analysis/token.h"

namespace {

namespace fs = std::filesystem;

constexpr double kDefaultMaxMb = 8;

struct Texts {
  std::vector<std::string> articles;
  // Blank-line separated paragraphs of the articles: about the size of the passages the
  // indexer analyses one by one (a few sentences each), so their MB/s is the indexer's.
  std::vector<std::string_view> paragraphs;
  std::size_t bytes = 0;
};

bool is_article(const fs::path& path) {
  return path.extension() == ".txt" || path.extension() == ".md";
}

std::vector<fs::path> article_files(const std::vector<std::string>& roots) {
  std::vector<fs::path> files;
  for (const std::string& root : roots) {
    if (fs::is_directory(root)) {
      std::vector<fs::path> found;
      for (const auto& entry : fs::recursive_directory_iterator(root)) {
        const std::string name = entry.path().filename().string();
        // Like furet-index, which passes over README files and hidden entries.
        if (entry.is_regular_file() && is_article(entry.path()) && name.rfind("README", 0) != 0 &&
            name.front() != '.') {
          found.push_back(entry.path());
        }
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(root)) {
      files.emplace_back(root);
    } else {
      throw std::runtime_error("no such file or directory: '" + root + "'");
    }
  }
  return files;
}

void split_paragraphs(std::string_view text, std::vector<std::string_view>& out) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 2;
  }
}

Texts load_texts(const std::vector<std::string>& roots, double max_mb) {
  Texts texts;
  const auto max_bytes = static_cast<std::size_t>(max_mb * 1e6);
  for (const fs::path& file : article_files(roots)) {
    if (texts.bytes >= max_bytes) break;
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    if (!in || !(content << in.rdbuf())) {
      throw std::runtime_error("cannot read '" + file.string() + "'");
    }
    texts.bytes += content.str().size();
    texts.articles.push_back(std::move(content).str());
  }
  if (texts.articles.empty()) throw std::runtime_error("no .txt or .md article to analyse");
  // Views into the strings: only now, once `articles` no longer reallocates.
  for (const std::string& article : texts.articles) split_paragraphs(article, texts.paragraphs);
  return texts;
}

// Analyses every piece once per iteration; reports bytes/s and tokens/s.
template <typename Piece>
void analyze_all(benchmark::State& state, const std::vector<Piece>& pieces, std::size_t bytes) {
  const furet::Analyzer analyzer;
  std::size_t tokens = 0;
  for (auto _ : state) {
    for (const Piece& piece : pieces) {
      std::vector<furet::Token> result = analyzer.analyze(piece);
      tokens += result.size();
      benchmark::DoNotOptimize(result.data());
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["tokens"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}

// Our own arguments are what benchmark::Initialize leaves in argv.
struct Args {
  std::vector<std::string> paths;
  double max_mb = kDefaultMaxMb;
};

Args parse_args(int argc, char** argv) {
  Args args;
  const std::string_view max_flag = "--max_mb=";
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.substr(0, max_flag.size()) == max_flag) {
      char* end = nullptr;
      const std::string value(arg.substr(max_flag.size()));
      args.max_mb = std::strtod(value.c_str(), &end);
      if (value.empty() || *end != '\0' || args.max_mb <= 0) {
        throw std::runtime_error("--max_mb wants a positive number of MB, not '" + value + "'");
      }
    } else if (arg.substr(0, 2) == "--") {
      throw std::runtime_error("unknown option '" + std::string(arg) + "'");
    } else {
      args.paths.emplace_back(arg);
    }
  }
  if (args.paths.empty()) args.paths.emplace_back(FURET_CORPUS_DIR);
  return args;
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  Texts texts;
  try {
    const Args args = parse_args(argc, argv);
    texts = load_texts(args.paths, args.max_mb);
  } catch (const std::exception& e) {
    std::cerr << "furet-analyzer-bench: error: " << e.what() << '\n';
    return 2;
  }
  benchmark::AddCustomContext("articles", std::to_string(texts.articles.size()));
  benchmark::AddCustomContext("paragraphs", std::to_string(texts.paragraphs.size()));
  benchmark::AddCustomContext("text_bytes", std::to_string(texts.bytes));

  // Paragraph bytes leave out the blank lines between them, which analyze() never sees.
  std::size_t paragraph_bytes = 0;
  for (std::string_view p : texts.paragraphs) paragraph_bytes += p.size();
  benchmark::RegisterBenchmark("analyze/paragraphs", [&](benchmark::State& state) {
    analyze_all(state, texts.paragraphs, paragraph_bytes);
  })->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("analyze/whole_articles", [&](benchmark::State& state) {
    analyze_all(state, texts.articles, texts.bytes);
  })->Unit(benchmark::kMillisecond);

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
