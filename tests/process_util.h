// Running the programs under test as child processes: output, status, memory, signals.
#ifndef FURET_TESTS_PROCESS_UTIL_H_
#define FURET_TESTS_PROCESS_UTIL_H_

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "test_util.h"

namespace furet::testing {

/// A program of the build (furet-index, furet-search).
inline std::string program(const std::string& name) {
  return std::string(FURET_BIN_DIR) + "/" + name;
}

/// How a child process ended.
struct ProcessResult {
  int exit_code = -1;      ///< exit status, or -1 if killed by a signal
  int signal = 0;          ///< the signal that ended it, or 0
  long max_rss_kb = 0;     ///< peak resident memory
  std::string out;         ///< standard output
  std::string err;         ///< standard error
  bool timed_out = false;  ///< killed for running past its time (Process::wait)
};

/// A child process started from argv; `in_child` runs between fork and exec
/// (to set limits or signal dispositions).
class Process {
 public:
  explicit Process(const std::vector<std::string>& argv, std::function<void()> in_child = {})
      : out_(dir_ / "out"), err_(dir_ / "err") {
    pid_ = ::fork();
    if (pid_ == 0) {
      const int out = ::open(out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int err = ::open(err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(out, 1);
      ::dup2(err, 2);
      if (in_child) in_child();  // after the redirections: it may give up privileges
      std::vector<char*> args;
      for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
      args.push_back(nullptr);
      ::execv(args[0], args.data());
      ::_exit(127);
    }
  }
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;
  ~Process() {
    if (pid_ > 0 && !waited_) {
      ::kill(pid_, SIGKILL);
      wait();
    }
  }

  void kill(int sig = SIGKILL) { ::kill(pid_, sig); }

  /// Waits for the end; past `timeout` (if not zero) the process is killed
  /// first, and ProcessResult::timed_out says so.
  ProcessResult wait(std::chrono::milliseconds timeout = std::chrono::milliseconds(0)) {
    ProcessResult r;
    int status = 0;
    struct rusage usage {};
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (timeout.count() > 0 && ::wait4(pid_, &status, WNOHANG, &usage) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        r.timed_out = true;
        ::kill(pid_, SIGKILL);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (timeout.count() == 0 || r.timed_out) ::wait4(pid_, &status, 0, &usage);
    waited_ = true;
    if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    r.max_rss_kb = usage.ru_maxrss;
    r.out = read_file(out_);
    r.err = read_file(err_);
    return r;
  }

 private:
  TempDir dir_;
  std::string out_;
  std::string err_;
  pid_t pid_ = -1;
  bool waited_ = false;
};

/// Runs argv to completion.
inline ProcessResult run(const std::vector<std::string>& argv,
                         std::function<void()> in_child = {}) {
  return Process(argv, std::move(in_child)).wait();
}

}  // namespace furet::testing

#endif  // FURET_TESTS_PROCESS_UTIL_H_
