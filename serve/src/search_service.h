// furet-serve's HTTP API over furet::Searcher: routes, limits, errors as JSON.
#ifndef FURET_SERVE_SRC_SEARCH_SERVICE_H_
#define FURET_SERVE_SRC_SEARCH_SERVICE_H_

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace furet::serve {

/// What a request may ask for: beyond these it is answered 400.
struct Limits {
  std::size_t max_query_bytes = 1000;  ///< q
  std::size_t max_hits = 100;          ///< n
  std::size_t max_offset = 1000;       ///< offset
  /// Searches running at once (each holds a Searcher and its open files).
  std::size_t searches = 8;
  /// How long a request waits for a search to end before a 503.
  std::chrono::milliseconds patience{5000};
};

/// The service's routes on `server`, over the index `locations`:
///   GET /                the search page
///   GET /search          ?q= n= offset= since= until= source= path= (both repeatable)
///                        lang= sort= recent= (half-life in days) exact=
///   GET /articles/ID     an article's text and metadata
///   GET /status          what the index holds
///   GET /healthz         200 while the index can be searched, else 503
/// Every other answer is JSON: {"error": "..."} with 400, 404, 405 or 503.
/// Handlers may run on many threads at once: each borrows a Searcher of its
/// own from a pool of `limits.searches`, opened when first needed and kept
/// for the next request, so an index that does not exist yet is answered 503
/// until it does, and a request that finds every Searcher taken for
/// `limits.patience` is answered 503 (busy).
/// `log` receives one line per request (the access log).
void add_routes(httplib::Server& server, const std::vector<std::string>& locations,
                const Limits& limits, std::function<void(const std::string&)> log);

}  // namespace furet::serve

#endif  // FURET_SERVE_SRC_SEARCH_SERVICE_H_
