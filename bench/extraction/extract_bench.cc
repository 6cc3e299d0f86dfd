// furet-extract-bench: the text furet makes searchable of each article file, and its MB/s.
//
//   furet-extract-bench [--list FILE] [--timing [--passes 3]] [FILE ...]
//
// Prints one JSON line per file, {"page": "<file name>", "text": "<searchable text>"}, the
// format of ../shared/html-eval/score.py. The searchable text is exactly what furet-index
// indexes as passage text: ArticleReader::read() (decoding, HTML or Markdown extraction,
// chrome lines dropped, passages cut), its passages joined by newlines. The title is left
// out: the indexer stores its terms under the title prefix only (article_indexer.cc), so a
// phrase of the title is not found unless a passage holds it too. A file that holds no
// article (SkipReason) prints an empty text, and its reason on stderr.
//
// The files are read into memory first. --timing times the read() calls alone over --passes
// passes (the output is the first pass's) and ends with one JSON line on stderr:
//   {"timing": {"files": N, "bytes": B, "seconds": [..], "median_seconds": S, "mb_per_s": R}}
// where R is B / 1e6 / S: megabytes of input (HTML, Markdown or text as on disk) per second.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "extract/article_reader.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Input {
  std::string path;
  std::string bytes;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read '" + path + "'");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::string> read_list(const std::string& list) {
  std::ifstream in(list);
  if (!in) throw std::runtime_error("cannot read the list file '" + list + "'");
  std::vector<std::string> paths;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) paths.push_back(line);
  }
  return paths;
}

// One read() of a file, timed: the article, or none for a file that holds no article.
struct Reading {
  std::optional<furet::detail::Article> article;
  std::string skipped;  // SkipReason's reason
  double seconds = 0;
};

Reading read_timed(furet::detail::ArticleReader& reader, const Input& input) {
  Reading r;
  const auto start = Clock::now();
  try {
    r.article = reader.read(input.path, input.bytes);
  } catch (const furet::detail::SkipReason& skip) {
    r.skipped = skip.reason;
  }
  r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return r;
}

// What furet indexes as passage text, one passage a line.
std::string searchable_text(const furet::detail::Article& article) {
  std::string text;
  for (const furet::detail::PassageRange& p : article.passages) {
    if (!text.empty()) text += '\n';
    text.append(article.text, p.begin, p.end - p.begin);
  }
  return text;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Prints the text furet makes searchable of each article file, as JSON lines."};
  std::vector<std::string> paths;
  std::string list;
  bool timing = false;
  int passes = 3;
  app.add_option("files", paths, "article files (.txt, .md, .html)");
  app.add_option("--list", list, "a file naming one article file per line");
  app.add_flag("--timing", timing,
               "time the read() calls over --passes passes; one JSON line on stderr");
  app.add_option("--passes", passes, "passes timed with --timing, median reported")
      ->check(CLI::Range(1, 100));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  try {
    if (!list.empty()) {
      const std::vector<std::string> listed = read_list(list);
      paths.insert(paths.end(), listed.begin(), listed.end());
    }
    if (paths.empty()) throw std::runtime_error("no file given (arguments or --list)");
    std::vector<Input> inputs;
    inputs.reserve(paths.size());
    std::size_t bytes = 0;
    for (const std::string& path : paths) {
      inputs.push_back({path, read_file(path)});
      bytes += inputs.back().bytes.size();
    }

    furet::detail::ArticleReader reader;
    std::vector<double> seconds;
    for (int pass = 0; pass < (timing ? passes : 1); ++pass) {
      double elapsed = 0;
      for (const Input& input : inputs) {
        const Reading r = read_timed(reader, input);
        elapsed += r.seconds;
        if (pass > 0) continue;
        if (!r.article) {
          std::cerr << "furet-extract-bench: skipped '" << input.path << "': " << r.skipped << '\n';
        }
        const nlohmann::json line = {
            {"page", std::filesystem::path(input.path).filename().string()},
            {"text", r.article ? searchable_text(*r.article) : std::string()}};
        std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      }
      seconds.push_back(elapsed);
    }
    std::cout.flush();
    if (timing) {
      const double med = median(seconds);
      const nlohmann::json report = {{"timing",
                                      {{"files", inputs.size()},
                                       {"bytes", bytes},
                                       {"seconds", seconds},
                                       {"median_seconds", med},
                                       {"mb_per_s", med > 0 ? bytes / 1e6 / med : 0.0}}}};
      std::cerr << report.dump() << '\n';
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "furet-extract-bench: error: " << e.what() << '\n';
    return 2;
  }
}
