// libFuzzer target: arbitrary bytes as a query, parsed and then searched against a tiny index.
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "furet/indexer/index_writer.h"
#include "furet/searcher.h"
#include "fuzz_check.h"
#include "query_parser.h"

namespace {

using furet::detail::QueryPart;

// The article indexed for the searches: it holds the README's example (licence H200), so
// common mutations of the seeds reach ranking, highlights, synonyms and spelling correction.
// One article keeps each search, and so each execution, cheap.
constexpr char kArticle[] = FURET_SOURCE_DIR "/corpus/004_a22323992858b2dd.txt";

// Removes the indexes of earlier runs whose process is gone: a crash, which is what fuzzing is
// for, ends the process without the destructor below, and minimizing a crash crashes thousands
// of times. Directories of live processes (libFuzzer -jobs) are left alone.
void remove_orphaned_indexes(const std::filesystem::path& parent) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(parent, ec)) {
    const std::string name = entry.path().filename().string();
    char* end = nullptr;
    const long pid = std::strtol(name.c_str(), &end, 10);
    if (pid <= 0 || *end != '\0') continue;
    if (::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH) {
      std::filesystem::remove_all(entry.path(), ec);
    }
  }
}

// A temporary index, one per process, removed at exit (or by the next run after a crash);
// built once, since indexing costs far more than a search.
class TinyIndex {
 public:
  TinyIndex() {
    const std::filesystem::path parent =
        std::filesystem::temp_directory_path() / "furet-fuzz-query-parser";
    std::filesystem::create_directories(parent);
    remove_orphaned_indexes(parent);
    dir_ = parent / std::to_string(::getpid());
    std::filesystem::remove_all(dir_);  // a recycled pid's leftover
    std::filesystem::create_directories(dir_);
    const std::string index = (dir_ / "index").string();
    {
      furet::IndexWriter writer(index);  // the writer's lock goes with it
      writer.update({kArticle});
    }
    searcher_ = std::make_unique<furet::Searcher>(index);
  }
  ~TinyIndex() {
    searcher_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  TinyIndex(const TinyIndex&) = delete;
  TinyIndex& operator=(const TinyIndex&) = delete;

  furet::Searcher& searcher() { return *searcher_; }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<furet::Searcher> searcher_;
};

std::unique_ptr<TinyIndex> g_index;

void check_parsed(std::string_view query, const furet::detail::ParsedQuery& parsed) {
  for (std::size_t i = 0; i < parsed.parts.size(); ++i) {
    const QueryPart& part = parsed.parts[i];
    // Parts are pieces of the query as typed, never invented text.
    FUZZ_CHECK(query.find(part.text) != std::string_view::npos);
    switch (part.kind) {
      case QueryPart::Kind::kOr:
        // "OR between the pieces on either side": never first, last or doubled.
        FUZZ_CHECK(part.text.empty() && !part.excluded);
        FUZZ_CHECK(i > 0 && i + 1 < parsed.parts.size());
        FUZZ_CHECK(parsed.parts[i + 1].kind != QueryPart::Kind::kOr);
        break;
      case QueryPart::Kind::kText:
      case QueryPart::Kind::kPrefix:
        FUZZ_CHECK(!part.text.empty());
        break;
      case QueryPart::Kind::kPhrase:
        break;  // "" is an empty phrase, which the builder ignores
    }
  }
  for (const std::string& warning : parsed.warnings) FUZZ_CHECK(!warning.empty());
}

// Option sets picked by the input's length, so that the corpus explores all of them without
// spending input bytes (which would shift every query mutation).
furet::SearchOptions options_for(std::size_t size) {
  furet::SearchOptions options;
  switch (size % 4) {
    case 1:
      options.explain = true;
      options.per_article = 1;
      break;
    case 2:
      options.synonyms = false;
      options.correct_spelling = false;
      break;
    case 3:
      options.limit = 1;
      options.candidates = 1;
      break;
    default:
      break;  // the defaults, as furet-search runs
  }
  return options;
}

void check_result(const furet::SearchOptions& options, const furet::SearchResult& result) {
  FUZZ_CHECK(result.hits.size() <= options.limit);
  std::map<std::string, std::size_t> per_article;
  for (std::size_t i = 0; i < result.hits.size(); ++i) {
    const furet::Hit& hit = result.hits[i];
    FUZZ_CHECK(hit.rank == i + 1);
    FUZZ_CHECK(std::isfinite(hit.score));
    if (i > 0) FUZZ_CHECK(hit.score <= result.hits[i - 1].score);  // best first
    if (options.per_article) FUZZ_CHECK(++per_article[hit.path] <= options.per_article);
    // The passage is the byte range [begin, end) of the (valid UTF-8) article's text.
    FUZZ_CHECK(hit.begin <= hit.end);
    FUZZ_CHECK(hit.end - hit.begin == hit.passage.size());
    FUZZ_CHECK(furet::fuzz::is_valid_utf8(hit.passage));
    FUZZ_CHECK(hit.explanation.has_value() == options.explain);
    // Highlights are drawn as-is by furet-search: in order, disjoint, whole characters.
    std::uint32_t last_end = 0;
    for (const furet::HighlightRange& h : hit.highlights) {
      FUZZ_CHECK(h.begin < h.end);
      FUZZ_CHECK(h.end <= hit.passage.size());
      FUZZ_CHECK(h.begin >= last_end);
      FUZZ_CHECK(furet::fuzz::on_char_boundary(hit.passage, h.begin));
      FUZZ_CHECK(furet::fuzz::on_char_boundary(hit.passage, h.end));
      last_end = h.end;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  try {
    g_index = std::make_unique<TinyIndex>();
  } catch (const std::exception& e) {
    // Without the index every input would fail alike; stop before fuzzing at all.
    std::fprintf(stderr, "fuzz_query_parser: cannot index %s: %s\n", kArticle, e.what());
    std::abort();
  }
  // Removes the index when libFuzzer exits normally (-max_total_time, -runs).
  std::atexit([] { g_index.reset(); });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view query(reinterpret_cast<const char*>(data), size);
  check_parsed(query, furet::detail::parse_query(query));

  // Any exception escaping search() is a finding: the API promises results and warnings for
  // any query, and IoError only when the index cannot be read, which this one always can.
  const furet::SearchOptions options = options_for(size);
  check_result(options, g_index->searcher().search(query, options));
  return 0;
}
