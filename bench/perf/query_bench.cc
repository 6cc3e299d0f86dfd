// furet-query-bench: warm query latency of one long-lived furet::Searcher over a query file.
//
//   furet-query-bench --index DIR --queries FILE [-n 10] [--latencies OUT.tsv] [--matching-only]
//                     [--since DATE] [--until DATE] [--sort-date] [--prefer-recent DAYS]
//
// Opens the index once, runs every query of FILE (one per line) twice, and times only
// the second pass, so the figures are those of a warm server process: index pages in the
// page cache, Xapian's tables and the analyzer already set up. Prints "key value" lines
// (p50_ms, p95_ms, p99_ms, qps, ...) for bench/perf/report.py, and with --latencies
// writes "microseconds<TAB>hits" per query, in file order, the format of the shared peer
// harness's lat_*.tsv files.
//
// --matching-only times the floor under every furet query instead: Xapian's BM25 top n over
// the same passages for the OR of the query's analysed words, without furet's query building
// (synonyms, title terms), re-ranking, stored text or highlights.
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "furet/analysis/analyzer.h"
#include "furet/error.h"
#include "furet/searcher.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Measure {
  double micros = 0;
  std::size_t hits = 0;
};

std::vector<std::string> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read the query file '" + path + "'");
  std::vector<std::string> queries;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) queries.push_back(line);
  }
  if (queries.empty()) throw std::runtime_error("no query in '" + path + "'");
  return queries;
}

// Nearest-rank percentile, the definition of the peer harness's summarize.py, so furet's
// figures and the peers' are computed alike.
double percentile(const std::vector<double>& sorted, double p) {
  const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * sorted.size()));
  return sorted[rank == 0 ? 0 : rank - 1];
}

// One pass over all queries. Reading each hit's strings stands for what a server does
// with the result; the searcher has already built them, so this costs next to nothing.
std::vector<Measure> run_pass(furet::Searcher& searcher, const std::vector<std::string>& queries,
                              const furet::SearchOptions& options, std::size_t& sink) {
  std::vector<Measure> measures;
  measures.reserve(queries.size());
  for (const std::string& query : queries) {
    const auto start = Clock::now();
    const furet::SearchResult result = searcher.search(query, options);
    for (const furet::Hit& hit : result.hits) sink += hit.passage.size() + hit.path.size();
    const std::chrono::duration<double, std::micro> elapsed = Clock::now() - start;
    measures.push_back({elapsed.count(), result.hits.size()});
  }
  return measures;
}

// The same pass with Xapian's matching alone (--matching-only).
std::vector<Measure> run_matching_pass(const Xapian::Database& db, const furet::Analyzer& analyzer,
                                       const std::vector<std::string>& queries,
                                       Xapian::doccount limit, std::size_t& sink) {
  Xapian::Enquire enquire(db);
  std::vector<Measure> measures;
  measures.reserve(queries.size());
  for (const std::string& query : queries) {
    const auto start = Clock::now();
    std::vector<Xapian::Query> words;
    for (const furet::Token& token : analyzer.analyze(query)) {
      if (!token.stopword) words.emplace_back(token.term);
    }
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()));
    const Xapian::MSet found = enquire.get_mset(0, limit);
    for (auto it = found.begin(); it != found.end(); ++it) sink += *it;
    const std::chrono::duration<double, std::micro> elapsed = Clock::now() - start;
    measures.push_back({elapsed.count(), found.size()});
  }
  return measures;
}

void write_latencies(const std::string& path, const std::vector<Measure>& measures) {
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (out == nullptr) throw std::runtime_error("cannot write the latency file '" + path + "'");
  for (const Measure& m : measures) std::fprintf(out, "%.1f\t%zu\n", m.micros, m.hits);
  if (std::fclose(out) != 0) {
    throw std::runtime_error("cannot write the latency file '" + path + "'");
  }
}

void print_summary(const std::vector<Measure>& measures, double open_ms) {
  std::vector<double> millis;
  std::size_t with_hits = 0;
  std::size_t total_hits = 0;
  for (const Measure& m : measures) {
    millis.push_back(m.micros / 1000.0);
    with_hits += m.hits > 0 ? 1 : 0;
    total_hits += m.hits;
  }
  std::sort(millis.begin(), millis.end());
  const double sum_ms = std::accumulate(millis.begin(), millis.end(), 0.0);
  // QPS of one client: queries over the time spent in them, as the peer harness counts.
  std::printf("queries %zu\nopen_ms %.2f\n", millis.size(), open_ms);
  std::printf("p50_ms %.3f\np95_ms %.3f\np99_ms %.3f\nmax_ms %.3f\n", percentile(millis, 50),
              percentile(millis, 95), percentile(millis, 99), millis.back());
  std::printf("mean_ms %.3f\nqps %.0f\n", sum_ms / millis.size(), millis.size() / (sum_ms / 1000));
  std::printf("with_hits %zu\nmean_hits %.2f\n", with_hits,
              static_cast<double>(total_hits) / millis.size());
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Warm query latency of one furet::Searcher: p50, p95, p99 and QPS.",
               "furet-query-bench"};
  std::string index;
  std::string queries_path;
  std::string latencies_path;
  furet::SearchOptions options;
  app.add_option("--index", index, "Index directory")->required();
  app.add_option("--queries", queries_path, "Query file, one query per line")->required();
  app.add_option("-n,--limit", options.limit, "Hits per query (default 10)");
  app.add_option("--candidates", options.candidates,
                 "Passages re-ranked per query (default: the library's)");
  app.add_option("--since", options.since, "Only articles dated on or after DATE");
  app.add_option("--until", options.until, "Only articles dated on or before DATE");
  bool by_date = false;
  app.add_flag("--sort-date", by_date, "Newest first");
  app.add_option("--prefer-recent", options.recency_half_life_days,
                 "Recency preference, half-life in days");
  bool matching_only = false;
  app.add_flag("--matching-only", matching_only,
               "Time Xapian's BM25 top n of the OR of the query's words over the same "
               "passages, and nothing else: the floor under a furet query");
  app.add_option("--latencies", latencies_path,
                 "Also write 'microseconds<TAB>hits' per query of the timed pass here");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  if (by_date) options.sort = furet::SearchOptions::Sort::kDate;
  try {
    const std::vector<std::string> queries = read_queries(queries_path);
    const auto open_start = Clock::now();
    furet::Searcher searcher(index);  // also checks that the index is furet's
    const std::chrono::duration<double, std::milli> open_ms = Clock::now() - open_start;
    std::size_t sink = 0;
    std::vector<Measure> measures;
    if (matching_only) {
      const Xapian::Database db(index);
      const furet::Analyzer analyzer;
      const auto limit = static_cast<Xapian::doccount>(options.limit);
      run_matching_pass(db, analyzer, queries, limit, sink);  // warm-up
      measures = run_matching_pass(db, analyzer, queries, limit, sink);
    } else {
      run_pass(searcher, queries, options, sink);  // warm-up: page cache, lazy set-up
      measures = run_pass(searcher, queries, options, sink);
    }
    print_summary(measures, open_ms.count());
    if (!latencies_path.empty()) write_latencies(latencies_path, measures);
    // Printing the sink keeps the compiler from dropping the reads of the hits.
    std::fprintf(stderr, "furet-query-bench: %zu queries on '%s' (checksum %zu)\n", queries.size(),
                 index.c_str(), sink);
    return 0;
  } catch (const furet::Error& e) {
    std::cerr << "furet-query-bench: error: index '" << index << "': " << e.what() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "furet-query-bench: error: " << e.what() << '\n';
  }
  return 2;
}
