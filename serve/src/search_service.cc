#include "search_service.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "furet/error.h"
#include "furet/indexer/index_status.h"
#include "furet/searcher.h"
#include "result_json.h"
#include "terminal_text.h"

namespace furet::detail {
extern const std::string_view kSearchPage;  // page/index.html, compiled in
}

namespace furet::serve {
namespace {

// Searchers for the handlers' threads. A Searcher serves one thread at a
// time, so each request borrows one; at most `size` exist, which bounds the
// searches running at once (and the index's open files) whatever the
// connections. Waiting requests are served in their order of arrival, so that
// none waits for long while later ones pass it. Searchers are opened on
// demand (an index built after the server started is found); one that
// failed is dropped, not lent again.
class SearcherPool {
 public:
  SearcherPool(std::vector<std::string> locations, std::size_t size,
               std::chrono::milliseconds patience)
      : locations_(std::move(locations)), size_(size), patience_(patience) {}

  // No Searcher came free in time: the service is saturated.
  struct Busy {};

  // A borrowed Searcher, given back when the lease ends. Throws Busy, or what
  // the Searcher constructor throws when the index cannot be opened.
  class Lease {
   public:
    explicit Lease(SearcherPool& pool) : pool_(pool), searcher_(pool.take()) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() {
      if (searcher_) pool_.give_back(std::move(searcher_));
    }
    Searcher& operator*() { return *searcher_; }
    void discard() {
      searcher_.reset();
      pool_.forget();
    }

   private:
    SearcherPool& pool_;
    std::unique_ptr<Searcher> searcher_;
  };

  const std::vector<std::string>& locations() const { return locations_; }

 private:
  // A request waiting for a Searcher: the one who frees one hands it over.
  struct Waiter {
    std::condition_variable served_cv;
    bool served = false;
    std::unique_ptr<Searcher> searcher;  // handed over; or none: open one in its place
  };

  std::unique_ptr<Searcher> take() {
    std::unique_lock<std::mutex> lock(mutex_);
    if (waiters_.empty() && !free_.empty()) {
      std::unique_ptr<Searcher> searcher = std::move(free_.back());
      free_.pop_back();
      return searcher;
    }
    if (waiters_.empty() && open_ < size_) {
      ++open_;
    } else {
      Waiter waiter;
      waiters_.push_back(&waiter);
      if (!waiter.served_cv.wait_for(lock, patience_, [&] { return waiter.served; })) {
        waiters_.erase(std::find(waiters_.begin(), waiters_.end(), &waiter));
        throw Busy{};
      }
      if (waiter.searcher) return std::move(waiter.searcher);
    }
    lock.unlock();
    try {
      return std::make_unique<Searcher>(locations_);
    } catch (...) {
      forget();
      throw;
    }
  }

  // The first waiter, taken from the queue, or null (mutex_ held).
  Waiter* next_waiter() {
    if (waiters_.empty()) return nullptr;
    Waiter* waiter = waiters_.front();
    waiters_.pop_front();
    waiter->served = true;
    return waiter;
  }

  void give_back(std::unique_ptr<Searcher> searcher) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (Waiter* waiter = next_waiter()) {
      waiter->searcher = std::move(searcher);
      waiter->served_cv.notify_one();
    } else {
      free_.push_back(std::move(searcher));
    }
  }

  // A Searcher is gone: its place goes to the first waiter, who opens one.
  void forget() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (Waiter* waiter = next_waiter()) {
      waiter->served_cv.notify_one();
    } else {
      --open_;
    }
  }

  const std::vector<std::string> locations_;
  const std::size_t size_;
  const std::chrono::milliseconds patience_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Searcher>> free_;
  std::size_t open_ = 0;         // free and lent
  std::deque<Waiter*> waiters_;  // in order of arrival
};

// A request the service refuses, with the status that says why.
struct BadRequest {
  int status;
  std::string message;
};

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(json::dump(body) + "\n", "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, status, {{"error", message}});
}

// A whole number parameter in [least, most], or `fallback` when absent.
std::size_t count_param(const httplib::Request& req, const char* name, std::size_t fallback,
                        std::size_t least, std::size_t most) {
  if (!req.has_param(name)) return fallback;
  const std::string value = req.get_param_value(name);
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc() || end != value.data() + value.size() || n < least || n > most) {
    throw BadRequest{400, std::string(name) + ": want a whole number from " +
                              std::to_string(least) + " to " + std::to_string(most) + ", not '" +
                              terminal_safe(value) + "'"};
  }
  return n;
}

SearchOptions search_options(const httplib::Request& req, const Limits& limits) {
  SearchOptions options;
  options.limit = count_param(req, "n", options.limit, 1, limits.max_hits);
  options.offset = count_param(req, "offset", 0, 0, limits.max_offset);
  options.since = req.get_param_value("since");
  options.until = req.get_param_value("until");
  options.language = req.get_param_value("lang");
  for (std::size_t i = 0; i < req.get_param_value_count("path"); ++i) {
    options.paths.push_back(req.get_param_value("path", i));
  }
  for (std::size_t i = 0; i < req.get_param_value_count("source"); ++i) {
    options.sources.push_back(req.get_param_value("source", i));
  }
  const std::string sort = req.get_param_value("sort");
  if (sort == "date") {
    options.sort = SearchOptions::Sort::kDate;
  } else if (!sort.empty() && sort != "relevance") {
    throw BadRequest{400, "sort: want relevance or date, not '" + terminal_safe(sort) + "'"};
  }
  if (req.has_param("recent")) {
    options.recency_half_life_days =
        static_cast<double>(count_param(req, "recent", 0, 1, 100 * 365));
  }
  const std::string exact = req.get_param_value("exact");
  options.correct_spelling = exact.empty() || exact == "0" || exact == "false";
  return options;
}

std::string identity(const std::string& path) { return path; }

// Runs `body` with a borrowed Searcher, answering furet's errors as HTTP:
// an option or value the library refuses is the client's (400); an index
// that cannot be opened or read is the service's (503, try again).
template <typename Body>
void with_searcher(SearcherPool& pool, httplib::Response& res, Body body) {
  std::unique_ptr<SearcherPool::Lease> lease;
  try {
    lease = std::make_unique<SearcherPool::Lease>(pool);
  } catch (const SearcherPool::Busy&) {
    res.set_header("Retry-After", "1");
    return send_error(res, 503, "busy: every search thread is taken; try again");
  } catch (const Error& e) {
    res.set_header("Retry-After", "5");
    return send_error(res, 503, e.what());
  }
  try {
    body(**lease);
  } catch (const BadRequest& e) {
    send_error(res, e.status, e.message);
  } catch (const InvalidArgument& e) {
    send_error(res, 400, e.what());
  } catch (const Error& e) {
    lease->discard();  // its index went away or changed kind: open afresh next time
    res.set_header("Retry-After", "5");
    send_error(res, 503, e.what());
  }
}

// "2026-12-06T07:55:00Z", for the access log.
std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

}  // namespace

void add_routes(httplib::Server& server, const std::vector<std::string>& locations,
                const Limits& limits, std::function<void(const std::string&)> log) {
  auto pool = std::make_shared<SearcherPool>(locations, limits.searches, limits.patience);

  server.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(detail::kSearchPage), "text/html; charset=utf-8");
  });

  server.Get("/search", [pool, limits](const httplib::Request& req, httplib::Response& res) {
    with_searcher(*pool, res, [&](Searcher& searcher) {
      const std::string query = req.get_param_value("q");
      if (query.size() > limits.max_query_bytes) {
        throw BadRequest{400, "q: the query is longer than " +
                                  std::to_string(limits.max_query_bytes) + " bytes"};
      }
      if (query.find_first_not_of(" \t\r\n") == std::string::npos) {
        throw BadRequest{400, "q: the query is empty"};
      }
      const SearchOptions options = search_options(req, limits);
      const SearchResult result = searcher.search(query, options);
      nlohmann::json hits = nlohmann::json::array();
      for (const Hit& hit : result.hits) hits.push_back(json::hit(hit, identity));
      send_json(res, 200,
                {{"hits", hits},
                 {"summary", json::summary(result, query)},
                 {"warnings", result.warnings}});
    });
  });

  server.Get(R"(/articles/([^/]*))", [pool](const httplib::Request& req, httplib::Response& res) {
    with_searcher(*pool, res, [&](Searcher& searcher) {
      const std::optional<Article> article = searcher.article(req.matches[1].str());
      if (!article) throw BadRequest{404, "no article with this id in the index"};
      send_json(res, 200, json::article(*article));
    });
  });

  server.Get("/healthz", [pool](const httplib::Request&, httplib::Response& res) {
    with_searcher(*pool, res, [&](Searcher& searcher) {
      searcher.reopen();
      send_json(res, 200, {{"status", "ok"}});
    });
  });

  server.Get("/status", [pool](const httplib::Request&, httplib::Response& res) {
    nlohmann::json indexes = nlohmann::json::array();
    bool readable = true;
    for (const std::string& location : pool->locations()) {
      nlohmann::json one = {{"location", location}};
      try {
        const IndexStatus status = read_index_status(location);
        one.update({{"articles", status.articles},
                    {"passages", status.passages},
                    {"terms", status.terms},
                    {"bytes", status.bytes},
                    {"schema", status.schema},
                    {"analysis", status.analysis},
                    {"updated", status.updated},
                    {"shards", status.shards.size()}});
      } catch (const Error& e) {
        readable = false;
        one["error"] = e.what();
      }
      indexes.push_back(one);
    }
    send_json(res, readable ? 200 : 503, {{"indexes", indexes}});
  });

  // Whatever no route answers, and whatever a handler let escape, in JSON.
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a handler's own answer
    const char* reason = res.status == 404   ? "no such page"
                         : res.status == 405 ? "only GET is served"
                         : res.status == 413 ? "request too large"
                                             : "bad request";
    send_error(res, res.status, std::string(reason) + ": " + terminal_safe(req.path));
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res,
                                  std::exception_ptr) { send_error(res, 500, "internal error"); });
  // Only GET is served: any other method is refused before routing.
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.method == "GET" || req.method == "HEAD")
      return httplib::Server::HandlerResponse::Unhandled;
    res.set_header("Allow", "GET, HEAD");
    send_error(res, 405, "only GET is served");
    return httplib::Server::HandlerResponse::Handled;
  });
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Cache-Control", "no-store"},
                              {"Referrer-Policy", "no-referrer"}});

  // One line per request: when, who, what, the status, the size. Request
  // text is escaped so that a request cannot forge log lines.
  server.set_logger(
      [log = std::move(log)](const httplib::Request& req, const httplib::Response& res) {
        log(utc_now() + " " + req.remote_addr + " " + terminal_safe(req.method) + " " +
            terminal_safe(req.target) + " " + std::to_string(res.status) + " " +
            std::to_string(res.body.size()));
      });
}

}  // namespace furet::serve
