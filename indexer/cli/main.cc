// furet-index: builds or updates a furet index from article files.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "furet/error.h"
#include "furet/indexer/index_status.h"
#include "furet/indexer/index_writer.h"
#include "furet/indexer/watch.h"

namespace {

constexpr const char* kDefaultIndex = ".furet";
constexpr const char* kDefaultCorpus = "corpus";

std::string default_index() {
  const char* env = std::getenv("FURET_INDEX");
  return env && *env ? env : kDefaultIndex;
}

// Progress of a long run on stderr: one line rewritten in place on a terminal,
// a plain line every few seconds otherwise (a log, a pipe).
class ProgressPrinter {
 public:
  explicit ProgressPrinter(bool terminal) : terminal_(terminal) {}

  void operator()(const furet::IndexProgress& p) {
    const auto now = Clock::now();
    const bool done = p.files_done == p.files_total;
    if (!done && now - last_ < (terminal_ ? kTerminalPeriod : kLogPeriod)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double rate = seconds > 0 ? p.bytes_done / 1e6 / seconds : 0;
    const double left = rate > 0 ? (p.bytes_total - p.bytes_done) / 1e6 / rate : 0;
    char line[160];
    std::snprintf(line, sizeof line, "indexing: %zu/%zu files, %.1f/%.1f MB, %.1f MB/s, %.0f s left",
                  p.files_done, p.files_total, p.bytes_done / 1e6, p.bytes_total / 1e6, rate, left);
    if (terminal_) {
      std::fprintf(stderr, done ? "\r\033[K" : "\r\033[K%s", line);
    } else if (!done || seconds >= std::chrono::duration<double>(kLogPeriod).count()) {
      std::fprintf(stderr, "%s\n", line);
    }
  }

 private:
  using Clock = std::chrono::steady_clock;
  static constexpr auto kTerminalPeriod = std::chrono::milliseconds(100);
  static constexpr auto kLogPeriod = std::chrono::seconds(5);
  bool terminal_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_ = start_;
};

void print_status(const std::string& index) {
  const furet::IndexStatus s = furet::read_index_status(index);
  char updated[64] = "never";
  if (s.updated > 0) {
    const std::time_t t = s.updated;
    std::strftime(updated, sizeof updated, "%Y-%m-%d %H:%M:%S %Z", std::localtime(&t));
  }
  std::cout << "index:     " << index << '\n'
            << "articles:  " << s.articles << '\n'
            << "passages:  " << s.passages << '\n'
            << "terms:     " << s.terms << '\n'
            << "size:      " << s.bytes / 1e6 << " MB\n"
            << "analysis:  " << s.analysis << " (schema " << s.schema << ")\n"
            << "updated:   " << updated << '\n';
  if (!s.shards.empty()) std::cout << "shards:    " << s.shards.size() << '\n';
}

// Warnings go to stderr, each naming its file.
void print_notes(const furet::UpdateReport& report) {
  for (const auto& s : report.skipped) {
    std::cerr << "furet-index: warning: skipped '" << s.path << "': " << s.reason << '\n';
  }
  for (const auto& w : report.warnings) {
    std::cerr << "furet-index: warning: '" << w.path << "': " << w.reason << '\n';
  }
}

void print_report(const furet::UpdateReport& report, const std::string& index, bool verbose) {
  if (verbose) {
    for (const auto& p : report.added) std::cout << "added     " << p << '\n';
    for (const auto& p : report.updated) std::cout << "updated   " << p << '\n';
    for (const auto& p : report.removed) std::cout << "removed   " << p << '\n';
  }
  print_notes(report);
  std::cout << report.added.size() << " added, " << report.updated.size() << " updated, "
            << report.removed.size() << " removed, " << report.unchanged << " unchanged, "
            << report.skipped.size() << " skipped; " << report.passages_written
            << " passages written to '" << index << "' in " << report.seconds << " s\n";
}

std::atomic<bool> stop_requested{false};

extern "C" void request_stop(int) { stop_requested = true; }

// Watch mode: one report line per committed batch, with its time.
void watch_until_stopped(furet::IndexWriter& writer, const std::vector<std::string>& paths,
                         const std::string& index, bool quiet, bool verbose) {
  struct sigaction action {};
  action.sa_handler = request_stop;
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
  furet::WatchOptions options;
  options.should_stop = [] { return stop_requested.load(); };
  options.on_update = [&](const furet::UpdateReport& report) {
    if (quiet) {
      print_notes(report);
    } else if (report.changed() || !report.skipped.empty() || verbose) {
      char clock[16];
      const std::time_t t = std::time(nullptr);
      std::strftime(clock, sizeof clock, "%H:%M:%S", std::localtime(&t));
      std::cout << clock << ' ';
      print_report(report, index, verbose);
    }
    std::cout.flush();
  };
  if (!quiet) std::cerr << "furet-index: watching for changes; Ctrl-C to stop\n";
  furet::watch(writer, paths, options);
  if (!quiet) std::cerr << "furet-index: stopped\n";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Builds or updates a furet index of French news articles.\n\n"
      "Reads .txt (UTF-8 or a legacy 8-bit encoding), .md and .html files, directories\n"
      "recursively (hidden entries and README files are passed over), splits each article\n"
      "into passages of a few sentences and writes them to the index. A second run only\n"
      "touches what changed: new files are added, changed ones replaced, deleted ones\n"
      "removed, and the whole update is committed at once.\n\n"
      "Examples:\n"
      "  furet-index                      index corpus/ into .furet\n"
      "  furet-index --index news.idx ~/articles\n"
      "  furet-index --rebuild            start again from an empty index\n"
      "  furet-index --index big --shards 4 corpus   a sharded index\n"
      "  furet-index --status             what the index holds\n"
      "  furet-index --watch              index corpus/, then keep it current\n",
      "furet-index"};
  app.set_version_flag("--version", std::string("furet-index ") + FURET_VERSION);
  std::string index = default_index();
  std::vector<std::string> paths;
  bool rebuild = false;
  bool quiet = false;
  bool verbose = false;
  app.add_option("--index", index, "Index directory (default: $FURET_INDEX, else .furet)");
  app.add_option("paths", paths, "Files and directories to index (default: corpus)");
  app.add_flag("--rebuild", rebuild, "Discard the index's content and index everything again");
  app.add_flag("-q,--quiet", quiet, "Print nothing but warnings and errors");
  app.add_flag("-v,--verbose", verbose, "List every file added, updated or removed");
  std::size_t shards = 0;
  app.add_option("--shards", shards,
                 "Spread a new index over N shard databases (by a stable hash of each article's "
                 "path), searched as one through --index DIR or served one by one with "
                 "xapian-tcpsrv; an existing index keeps its layout")
      ->check(CLI::Range(1, 1024));
  std::size_t threads = 0;
  app.add_option("--threads", threads,
                 "Threads for a first build or a --rebuild (default: one per core); 1 builds in "
                 "one thread and one transaction. Updates of an existing index use one thread")
      ->check(CLI::Range(0, 256));
  bool watching = false;
  app.add_flag("--watch", watching,
               "After indexing, keep running: notice new, changed, moved and deleted articles "
               "and commit each batch within about a second; stop with Ctrl-C or SIGTERM, after "
               "the update under way");
  bool status = false;
  app.add_flag("--status", status,
               "Print what the index holds (articles, passages, terms, size, analysis, last "
               "update) and exit");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (paths.empty()) paths.push_back(kDefaultCorpus);
  // Over a file size limit (ulimit -f), a write fails with EFBIG and is reported
  // like a full disk, instead of the signal killing the process mid-update.
  std::signal(SIGXFSZ, SIG_IGN);

  try {
    if (status) {
      print_status(index);
      return 0;
    }
    furet::IndexWriter writer(index, shards);
    if (watching) {
      watch_until_stopped(writer, paths, index, quiet, verbose);
      return 0;
    }
    furet::UpdateOptions options;
    options.rebuild = rebuild;
    options.threads = threads;
    if (!quiet) options.on_progress = ProgressPrinter(::isatty(STDERR_FILENO));
    const furet::UpdateReport report = writer.update(paths, options);
    if (quiet) {
      print_notes(report);
    } else {
      print_report(report, index, verbose);
    }
    return 0;
  } catch (const furet::Error& e) {
    std::cerr << "furet-index: error: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "furet-index: error: " << e.what() << '\n';
    return 2;
  }
}
