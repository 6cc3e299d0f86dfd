// furet-serve: the search as an HTTP/JSON service, with a search page.
#include <pthread.h>
#include <sched.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "default_index.h"
#include "furet/error.h"
#include "furet/searcher.h"
#include "remedy_command.h"
#include "search_service.h"
#include "terminal_text.h"

namespace {

// The cores this process may run on (as nproc counts them, taskset and
// cgroup CPU sets included): more searches at once than that only share them.
std::size_t usable_cores() {
  cpu_set_t cpus;
  if (sched_getaffinity(0, sizeof cpus, &cpus) == 0) {
    return static_cast<std::size_t>(std::max(1, CPU_COUNT(&cpus)));
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

// Access-log and status lines go to stderr whole, whatever thread writes them.
void print_line(const std::string& line) {
  static std::mutex mutex;
  const std::lock_guard<std::mutex> lock(mutex);
  std::fprintf(stderr, "%s\n", line.c_str());
  std::fflush(stderr);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app(
      "Serves a furet index over HTTP: a search page at /, and a JSON API.\n\n"
      "  GET /search?q=licence+H200&n=10&offset=0   hits as furet-search --json, and a summary\n"
      "      &since=2025-08&until=2025-09-30&source=NAME&lang=fr&sort=date&exact=1\n"
      "  GET /articles/ID     an article's text and metadata (ID: a hit's \"id\")\n"
      "  GET /status          what the index holds\n"
      "  GET /healthz         200 while the index can be searched, 503 otherwise\n"
      "Errors are {\"error\": \"...\"} with 400 (a bad query or option), 404, or 503\n"
      "(no index yet, or it cannot be read: try again). Each search sees the latest\n"
      "commit: updates and rebuilds need no restart. SIGTERM or Ctrl-C finishes the\n"
      "requests in progress, then exits 0. One access-log line per request on stderr.",
      "furet-serve");
  app.set_version_flag("--version", "furet-serve " FURET_VERSION);
  std::vector<std::string> indexes{furet::default_index()};
  app.add_option("--index", indexes,
                 "Index to serve: a directory, or tcp://HOST:PORT for xapian-tcpsrv; repeat to "
                 "serve shards as one (default: $FURET_INDEX, else .furet)")
      ->default_str(furet::default_index());
  std::string address = "127.0.0.1";
  app.add_option("--listen", address,
                 "Address to listen on; 0.0.0.0 to accept other machines (default: this one only)")
      ->default_val(address);
  int port = 8080;
  app.add_option("--port", port, "Port to listen on; 0 for any free port (printed at start)")
      ->default_val(port)
      ->check(CLI::Range(0, 65535));
  std::size_t threads = 64;
  app.add_option("--threads", threads, "Connections served at once; others wait for a thread")
      ->default_val(threads)
      ->check(CLI::Range(1, 1024));
  furet::serve::Limits limits;
  limits.searches = usable_cores();
  app.add_option("--searches", limits.searches,
                 "Searches run at once, each with its own Searcher and open index files; a "
                 "request that waits longer than --timeout for one is answered 503 (default: "
                 "one per core this process may use)")
      ->check(CLI::Range(1, 1024));
  int timeout = 5;
  app.add_option("--timeout", timeout,
                 "Seconds a client may take to send a request or read an answer")
      ->default_val(timeout)
      ->check(CLI::Range(1, 3600));
  bool quiet = false;
  app.add_flag("-q,--quiet", quiet, "No access log");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;  // as furet-index and furet-search, not CLI11's own codes
  }

  // SIGTERM and SIGINT are taken by one thread, which stops the server; the
  // others, started after this, inherit the mask and never see them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a client gone mid-answer is the write's error, not our end

  httplib::Server server;
  limits.patience = std::chrono::seconds(timeout);
  furet::serve::add_routes(server, indexes, limits,
                           quiet
                               ? std::function<void(const std::string&)>([](const std::string&) {})
                               : std::function<void(const std::string&)>(print_line));
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_read_timeout(timeout);
  server.set_write_timeout(timeout);
  // A thread serves one connection at a time: an idle or long-lived
  // keep-alive connection gives its thread up soon, so that waiting ones get it.
  server.set_keep_alive_timeout(2);
  server.set_keep_alive_max_count(100);
  server.set_payload_max_length(8 * 1024);  // GET requests carry no body
  server.set_tcp_nodelay(true);             // an answer is one small write: send it now

  const int bound = port == 0 ? server.bind_to_any_port(address)
                              : (server.bind_to_port(address, port) ? port : -1);
  if (bound < 0) {
    std::cerr << "furet-serve: cannot listen on " << furet::terminal_safe(address) << " port "
              << port << " (in use, or not an address of this machine)\n";
    return 2;
  }
  try {
    furet::Searcher check(indexes);
  } catch (const furet::Error& e) {
    print_line("furet-serve: warning: answering 503 until the index can be opened: " +
               furet::terminal_safe(furet::error_text(e)));
  }
  const std::string host = address.find(':') == std::string::npos ? address : "[" + address + "]";
  print_line("furet-serve: listening on http://" + host + ":" + std::to_string(bound) + "/");

  std::atomic<bool> listener_done{false};
  std::thread stopper([&server, &listener_done, stop_signals] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    if (listener_done) return;
    print_line("furet-serve: stopping: finishing the requests in progress");
    // stop() does nothing to a listener not yet started: a signal that came
    // first waits for it.
    while (!server.is_running() && !listener_done) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    server.stop();
  });
  const bool ok = server.listen_after_bind();
  listener_done = true;
  // A listener that failed on its own leaves the signal thread waiting: wake it.
  if (!ok) pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  return ok ? 0 : 2;
}
