// furet's embeddable search API: passages of French news articles that answer a query.
#ifndef FURET_SEARCHER_H_
#define FURET_SEARCHER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "furet/error.h"
#include "furet/export.h"
#include "furet/search_types.h"

namespace furet {

/// A read-only handle on one or more furet indexes, searched as one.
///
/// Query syntax: words; "a phrase"; -word and -"a phrase" to exclude; a OR b for
/// alternatives; prefix* for word beginnings. Anything else is read as plain words,
/// never as an error. Words go through the same French analysis as the articles:
/// `securite` finds "sécurité", `l'autorisation` finds "autorisation", `H20` never
/// finds "H200".
///
/// Example:
///   furet::Searcher searcher(".furet");
///   for (const furet::Hit& hit : searcher.search("licence H200").hits)
///     std::cout << hit.rank << ' ' << hit.path << ": " << hit.passage << '\n';
///
/// Thread-safety: a Searcher may be used by one thread at a time only, for
/// every call: each one moves it to the index's latest commit and fills
/// caches of its own. Threads that share one must take turns (furet-serve
/// lends a Searcher to one request at a time, the Python module holds a lock
/// around each call); threads that each open their own search in parallel.
/// Any number of Searchers, in any threads and processes, may read an index
/// while one IndexWriter updates it.
/// Consistency: each search sees the index as it was at one commit, the latest
/// at the search's start (a running furet-index --watch shows up on the next
/// search, and so does a rebuild or a re-sharding, which publish a new
/// generation of the index), and never half an update.
/// Errors: every exception a Searcher throws derives from furet::Error,
/// std::bad_alloc aside.
/// A moved-from Searcher may only be destroyed or assigned to.
class FURET_EXPORT Searcher {
 public:
  /// Opens the index at `location`: a directory, or "tcp://HOST:PORT" for an
  /// index served by xapian-tcpsrv.
  /// @throws InvalidArgument if a "tcp://" location names no HOST:PORT.
  /// @throws IndexNotFound if there is no index at `location`.
  /// @throws IncompatibleIndex if the index was built by a schema or analysis
  ///         version this build does not know.
  /// @throws IoError if it cannot be read, or the server cannot be reached.
  explicit Searcher(const std::string& location);
  /// Opens several indexes (shards) and searches them as one.
  /// @throws InvalidArgument if `locations` is empty; otherwise as above, for
  ///         the first location that fails.
  explicit Searcher(const std::vector<std::string>& locations);
  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  /// The best passages for `query`, at the index's latest commit. An empty or
  /// unmatched query gives no hits; a malformed one is read leniently and
  /// says so in SearchResult::warnings.
  /// @throws InvalidArgument for an option it cannot use: a `since` or
  ///         `until` that is no date, a negative recency half-life.
  /// @throws IndexNotFound if the index was deleted since it was opened.
  /// @throws IncompatibleIndex if it was rebuilt since by another schema or
  ///         analysis, or its stored articles are not in furet's format.
  /// @throws IoError if it cannot be read.
  SearchResult search(std::string_view query, const SearchOptions& options = {});

  /// The article `id` (a Hit::article_id) at the index's latest commit, or
  /// nothing if the index holds no such article (any more).
  /// @throws InvalidArgument if `id` is not 16 hex digits.
  /// @throws IndexNotFound, IncompatibleIndex, IoError as search() does.
  std::optional<Article> article(std::string_view id);

  /// Replaces the built-in French thesaurus with the one in `path`: one group of
  /// synonyms per line, entries separated by commas, '#' for comments.
  /// @throws IoError if the file cannot be read.
  void load_thesaurus(const std::string& path);

  /// Moves to the index's latest commit now, a new generation included
  /// (search() and article() do it themselves).
  /// @throws IndexNotFound if the index was deleted since it was opened.
  /// @throws IncompatibleIndex if it was rebuilt by another schema or analysis.
  /// @throws IoError if it cannot be read.
  void reopen();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace furet

#endif  // FURET_SEARCHER_H_
