// furet-index: builds or updates a furet index from article files.
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <CLI/CLI.hpp>

#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/common_interface_defs.h>
#endif
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "default_index.h"
#include "furet/error.h"
#include "furet/indexer/index_status.h"
#include "furet/indexer/index_writer.h"
#include "furet/indexer/watch.h"
#include "remedy_command.h"
#include "terminal_text.h"

namespace {

constexpr const char* kDefaultCorpus = "corpus";

// Every text that may come from data (file names, titles, Xapian's messages)
// is printed through this: no control character reaches the terminal.
std::string safe(const std::string& text) { return furet::terminal_safe(text); }

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
    std::snprintf(line, sizeof line,
                  "indexing: %zu/%zu files, %.1f/%.1f MB, %.1f MB/s, %.0f s left", p.files_done,
                  p.files_total, p.bytes_done / 1e6, p.bytes_total / 1e6, rate, left);
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
  char size[32];
  std::snprintf(size, sizeof size, "%.1f MB", s.bytes / 1e6);
  std::cout << "index:     " << safe(index) << '\n'
            << "articles:  " << s.articles << '\n'
            << "passages:  " << s.passages << '\n'
            << "terms:     " << s.terms << '\n'
            << "size:      " << size << '\n'
            << "analysis:  " << safe(s.analysis) << " (schema " << safe(s.schema) << ")\n"
            << "updated:   " << updated << '\n';
  if (!s.shards.empty()) std::cout << "shards:    " << s.shards.size() << '\n';
}

// --check: 0 when sound, 2 with every problem and the way out otherwise.
int print_check(const std::string& index) {
  const furet::IndexCheck check = furet::check_index(index);
  if (check.sound()) {
    std::cout << "index '" << safe(index) << "' is sound: " << check.articles << " articles, "
              << check.passages << " passages, " << check.databases << " database"
              << (check.databases == 1 ? "" : "s") << " checked\n";
    return 0;
  }
  for (const std::string& problem : check.problems) {
    std::cerr << "furet-index: " << safe(problem) << '\n';
  }
  std::cerr << "furet-index: error: index '" << safe(index) << "' is damaged ("
            << check.problems.size() << " problem" << (check.problems.size() == 1 ? "" : "s")
            << "); rebuild it from the articles: "
            << safe(furet::remedy_command(furet::Error::Remedy::kRebuild, index)) << '\n';
  return 2;
}

// Warnings go to stderr, each naming its file.
void print_notes(const furet::UpdateReport& report) {
  for (const auto& s : report.skipped) {
    std::cerr << "furet-index: warning: skipped '" << safe(s.path) << "': " << safe(s.reason)
              << (s.kept ? "; what the index held of it is kept" : "") << '\n';
  }
  for (const auto& w : report.warnings) {
    std::cerr << "furet-index: warning: '" << safe(w.path) << "': " << safe(w.reason) << '\n';
  }
}

// ", 3 other files passed over (2 .pdf, 1 .json)": files that are not articles.
std::string other_files(const furet::UpdateReport& report) {
  std::size_t count = 0;
  std::vector<std::pair<std::size_t, std::string>> kinds;
  for (const auto& [extension, n] : report.other_files) {
    count += n;
    kinds.emplace_back(n, extension.empty() ? "without extension" : extension);
  }
  if (count == 0) return "";
  std::sort(kinds.begin(), kinds.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::string out =
      ", " + std::to_string(count) + " other file" + (count > 1 ? "s" : "") + " passed over (";
  constexpr std::size_t kKindsShown = 4;
  for (std::size_t i = 0; i < kinds.size() && i < kKindsShown; ++i) {
    out += (i ? ", " : "") + std::to_string(kinds[i].first) + " " + safe(kinds[i].second);
  }
  return out + (kinds.size() > kKindsShown ? ", …)" : ")");
}

void print_report(const furet::UpdateReport& report, const std::string& index, bool verbose) {
  if (verbose) {
    for (const auto& p : report.added) std::cout << "added     " << safe(p) << '\n';
    for (const auto& p : report.updated) std::cout << "updated   " << safe(p) << '\n';
    for (const auto& p : report.removed) std::cout << "removed   " << safe(p) << '\n';
  }
  print_notes(report);
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", report.seconds);
  std::cout << report.added.size() << " added, " << report.updated.size() << " updated, "
            << report.removed.size() << " removed, " << report.unchanged << " unchanged, "
            << report.skipped.size() << " skipped" << other_files(report) << "; "
            << report.passages_written << " passages written to '" << safe(index) << "' in "
            << seconds << " s\n";
}

std::atomic<bool> stop_requested{false};

extern "C" void request_stop(int) { stop_requested = true; }

// Watch mode: one report line per committed batch, with its time.
void watch_until_stopped(furet::IndexWriter& writer, const std::vector<std::string>& paths,
                         const furet::UpdateOptions& update, const std::string& index, bool quiet,
                         bool verbose) {
  struct sigaction action {};
  action.sa_handler = request_stop;
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
  furet::WatchOptions options;
  options.update = update;
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

// A crash while working on an index is most likely Xapian meeting a damaged
// one (its tables carry no checksums, and a damaged block can corrupt the
// heap): the crashed process is replaced by `furet-index --after-crash WHAT
// --index DIR`, which checks the index and says what is wrong and what to do.
// A crash while checking is itself the verdict: the index is damaged.
// Everything the handlers use is prepared beforehand; they only call
// async-signal-safe functions.
namespace crash {

constexpr int kSignals[] = {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL};
constexpr const char* kNames[] = {"a crash (SIGSEGV)", "a crash (SIGBUS)", "a crash (SIGABRT)",
                                  "a crash (SIGFPE)", "a crash (SIGILL)"};

const char* index_argument = nullptr;          // read-only, outside the heap (see protected_copy)
const char* argv_for[std::size(kSignals)][6];  // the check, after each signal
const char* argv_for_stall[6];
const char* argv_for_sanitizer[6];
bool checking = false;  // this process is the check: a crash is the verdict
char message[768];      // what is said when no check can follow
std::size_t message_size = 0;
alignas(16) char alternate_stack[64 * 1024];

[[noreturn]] void say_and_exit() {
  [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, message, message_size);
  ::_exit(2);
}

[[noreturn]] void become_check(const char* const* argv) {
  if (checking) say_and_exit();
  sigset_t none;
  ::sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);  // the check starts with no signal blocked
  ::execve("/proc/self/exe", const_cast<char**>(argv), environ);
  say_and_exit();
}

extern "C" void on_crash(int sig) {
  for (std::size_t k = 0; k < std::size(kSignals); ++k) {
    if (kSignals[k] == sig) become_check(argv_for[k]);
  }
  become_check(argv_for[0]);
}

// A copy of `text` in pages of its own, made read-only: the heap corruption
// that a damaged index can cause must not change the folder the check reads
// (seen: the check was sent to a path made of heap garbage).
const char* protected_copy(const std::string& text) {
  const std::size_t size = text.size() + 1;
  void* pages = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (pages == MAP_FAILED) throw std::runtime_error("cannot map memory for the crash handler");
  std::memcpy(pages, text.c_str(), size);
  ::mprotect(pages, size, PROT_READ);
  return static_cast<const char*>(pages);
}

void set_message(const char* format, const std::string& index) {
  const int n =
      std::snprintf(message, sizeof message, format, safe(index).c_str(), safe(index).c_str());
  message_size = std::min(static_cast<std::size_t>(std::max(n, 0)), sizeof message - 1);
}

// Installs the handlers: for an update (`is_check` false) a crash becomes
// the check; for the check, it ends it with the verdict.
void arm(const std::string& index, bool is_check) {
  if (!index_argument || index != index_argument) index_argument = protected_copy(index);
  checking = is_check;
  for (std::size_t k = 0; k < std::size(kSignals); ++k) {
    argv_for[k][0] = "furet-index";
    argv_for[k][1] = "--after-crash";
    argv_for[k][2] = kNames[k];
    argv_for[k][3] = "--index";
    argv_for[k][4] = index_argument;
    argv_for[k][5] = nullptr;
  }
  std::copy(std::begin(argv_for[0]), std::end(argv_for[0]), std::begin(argv_for_stall));
  argv_for_stall[2] = "a stall ($FURET_STALL_SECONDS seconds of CPU without reading or writing)";
  std::copy(std::begin(argv_for[0]), std::end(argv_for[0]), std::begin(argv_for_sanitizer));
  argv_for_sanitizer[2] = "a memory error that AddressSanitizer reported";
  set_message(is_check ? "\nfuret-index: error: index '%s' is damaged: reading it crashes or "
                         "never ends; "
                         "rebuild it from the articles: furet-index --rebuild --index %s "
                         "PATH...\n"
                       : "\nfuret-index: error: crashed while working on index '%s'; it is as "
                         "its last commit. furet-index --check --index %s tells whether it is "
                         "damaged\n",
              index);
  stack_t stack{};
  stack.ss_sp = alternate_stack;
  stack.ss_size = sizeof alternate_stack;
  ::sigaltstack(&stack, nullptr);  // a stack overflow still reaches the handler
  struct sigaction action {};
  action.sa_handler = on_crash;
  action.sa_flags = SA_ONSTACK | SA_NODEFER | SA_RESETHAND;
  for (int sig : kSignals) ::sigaction(sig, &action, nullptr);
#ifdef __SANITIZE_ADDRESS__
  // Under AddressSanitizer, which sees Xapian overrun its buffers on damaged
  // data before the heap breaks, its report takes the place of the crash.
  __sanitizer_set_death_callback([] { become_check(argv_for_sanitizer); });
#endif
}

// Bytes read and written by this process so far, through any file, less
// what reading /proc/self/io itself took. Called from the watchdog alone.
std::uint64_t io_bytes() {
  static std::uint64_t own_reads = 0;
  char text[1024];
  const int fd = ::open("/proc/self/io", O_RDONLY | O_CLOEXEC);
  const ssize_t n = fd < 0 ? -1 : ::read(fd, text, sizeof text - 1);
  if (fd >= 0) ::close(fd);
  if (n <= 0) return 0;
  text[n] = '\0';
  std::uint64_t total = 0;
  for (const char* key : {"rchar: ", "wchar: "}) {
    if (const char* at = std::strstr(text, key)) total += std::strtoull(at + 7, nullptr, 10);
  }
  total -= own_reads;  // the file shows the reads before this one
  own_reads += static_cast<std::uint64_t>(n);
  return total;
}

double cpu_seconds() {
  timespec t{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// Xapian can also loop forever on a damaged index (seen in a commit, after
// flipped bits). A process that spends `limit` seconds of CPU without reading
// or writing one byte is in such a loop: it becomes the check, as a crash
// does. CPU time, not time on the clock: on a loaded machine the loop gets a
// share of a core and must still be caught; waiting (on a slow disk, or idle
// in --watch) uses no CPU, so it never counts.
class StallWatchdog {
 public:
  explicit StallWatchdog(double limit) : thread_([this, limit] { watch(limit); }) {}
  ~StallWatchdog() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }
  StallWatchdog(const StallWatchdog&) = delete;
  StallWatchdog& operator=(const StallWatchdog&) = delete;

 private:
  void watch(double limit) {
    std::uint64_t io = io_bytes();
    double since_cpu = cpu_seconds();
    std::unique_lock<std::mutex> lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(250), [this] { return stop_; })) {
      const double cpu = cpu_seconds();
      if (const std::uint64_t bytes = io_bytes(); bytes != io) {
        io = bytes;
        since_cpu = cpu;
        continue;
      }
      if (cpu - since_cpu >= limit) become_check(argv_for_stall);
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

// CPU seconds without I/O before an update counts as stuck ($FURET_STALL_SECONDS).
double stall_limit() {
  const char* env = std::getenv("FURET_STALL_SECONDS");
  const double seconds = env && *env ? std::atof(env) : 0;
  return seconds > 0 ? seconds : 60;
}

// What the replacement process says: what happened, then the check's verdict.
int report(const std::string& signal, const std::string& index) {
  std::cerr << "\nfuret-index: error: stopped after " << safe(signal) << " while working on index '"
            << safe(index) << "'; the index is as its last commit. Checking it:\n";
  try {
    if (print_check(index) == 0) {
      std::cerr << "furet-index: error: the index is sound, so this is a bug of furet-index: "
                   "please report it with the command that met it\n";
    }
  } catch (const furet::Error& e) {
    std::cerr << "furet-index: error: " << safe(furet::error_text(e)) << '\n';
  } catch (const std::exception& e) {
    std::cerr << "furet-index: error: " << safe(e.what()) << '\n';
  }
  return 2;
}

}  // namespace crash

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Builds or updates a furet index of French news articles.\n\n"
      "Reads .txt (UTF-8 or a legacy 8-bit encoding), .md and .html files, directories\n"
      "recursively (hidden entries and README files are passed over), splits each article\n"
      "into passages of a few sentences and writes them to the index. A second run only\n"
      "touches what changed: new files are added, changed ones replaced, deleted ones\n"
      "removed, and the whole update is committed at once.\n\n"
      "What it reads and writes: only regular files inside the given paths (a link\n"
      "out of them is skipped unless --follow-links; FIFOs and devices are skipped);\n"
      "only inside the index folder, which must be new, empty or an index furet made.\n"
      "A folder it cannot read keeps what the index holds from it.\n\n"
      "Examples:\n"
      "  furet-index                      index corpus/ into .furet\n"
      "  furet-index --index news.idx ~/articles\n"
      "  furet-index --rebuild            start again from the articles alone\n"
      "  furet-index --index big --shards 4 corpus   a sharded index\n"
      "  furet-index --status             what the index holds\n"
      "  furet-index --check              whether the index is sound\n"
      "  furet-index --watch              index corpus/, then keep it current\n\n"
      "Exit status: 0 on success (even with skipped files), 2 on error.\n",
      "furet-index"};
  app.set_version_flag("--version", std::string("furet-index ") + FURET_VERSION);
  std::string index = furet::default_index();
  std::vector<std::string> paths;
  furet::UpdateOptions update;
  bool quiet = false;
  bool verbose = false;
  app.add_option("--index", index,
                 "Index folder (default: $FURET_INDEX, else .furet); created if missing, "
                 "refused if it holds files furet did not make");
  app.add_option("paths", paths, "Files and directories to index (default: corpus)");
  app.add_flag("--rebuild", update.rebuild,
               "Build the index again from the articles alone, even if it is damaged; it "
               "replaces the old one in one step");
  app.add_flag("-q,--quiet", quiet, "Print nothing but warnings and errors");
  app.add_flag("-v,--verbose", verbose, "List every file added, updated or removed");
  std::size_t shards = 0;
  app.add_option("--shards", shards,
                 "Spread a new or rebuilt index over N shard databases (by a stable hash of "
                 "each article's path), searched as one through --index DIR")
      ->check(CLI::Range(1, 1024));
  app.add_option("--threads", update.threads,
                 "Threads for a first build or a --rebuild (default: one per core); 1 builds in "
                 "one thread and one transaction. Updates of an existing index use one thread")
      ->check(CLI::Range(0, 256));
  app.add_flag("--follow-links", update.follow_links,
               "Also read links to files outside the given paths (by default they are skipped "
               "with a warning, so a planted link cannot expose a file through the index)");
  bool watching = false;
  app.add_flag("--watch", watching,
               "After indexing, keep running: notice new, changed, moved and deleted articles "
               "and commit each batch within about a second; stop with Ctrl-C or SIGTERM, after "
               "the update under way");
  bool status = false;
  app.add_flag("--status", status,
               "Print what the index holds (articles, passages, terms, size, analysis, last "
               "update) and exit");
  bool check = false;
  app.add_flag("--check", check,
               "Check the index without changing it (Xapian's check of every table, and that "
               "the manifest and the passages agree); exit 0 if it is sound, 2 if not");
  std::string after_crash;
  app.add_option("--after-crash", after_crash)->group("");  // see crash::arm
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
    const bool checking = check || !after_crash.empty();
    crash::arm(index, checking);
    const crash::StallWatchdog watchdog(crash::stall_limit());
    if (!after_crash.empty()) return crash::report(after_crash, index);
    if (check) return print_check(index);
    furet::IndexWriter writer(index, shards);
    if (watching) {
      watch_until_stopped(writer, paths, update, index, quiet, verbose);
      return 0;
    }
    if (!quiet) update.on_progress = ProgressPrinter(::isatty(STDERR_FILENO));
    const furet::UpdateReport report = writer.update(paths, update);
    if (quiet) {
      print_notes(report);
    } else {
      print_report(report, index, verbose);
    }
    return 0;
  } catch (const furet::Error& e) {
    // A rebuild it advises spreads the index as this run was asked to.
    const std::string rebuild_options = shards ? "--shards " + std::to_string(shards) : "";
    std::cerr << "furet-index: error: " << safe(furet::error_text(e, rebuild_options)) << '\n';
    return 2;
  } catch (const std::exception& e) {
    // Not one of furet's errors: most likely libxapian reading a damaged
    // table (a length read from flipped bits, say).
    std::cerr << "furet-index: error: " << safe(e.what()) << " while working on index '"
              << safe(index) << "'; furet-index --check --index " << safe(index)
              << " tells whether it is damaged\n";
    return 2;
  }
}
