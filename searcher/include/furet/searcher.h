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
/// Thread-safety: a Searcher is used by one thread at a time; open one per thread.
/// Consistency: each search sees the index as it was at one commit, the latest
/// at the search's start (a running furet-index --watch shows up on the next
/// search, and so does a rebuild or a re-sharding, which publish a new
/// generation of the index), and never half an update.
/// Errors: every exception a Searcher throws derives from furet::Error.
class FURET_EXPORT Searcher {
 public:
  /// Opens the index at `location`: a directory, or "tcp://HOST:PORT" for an index
  /// served by xapian-tcpsrv. Throws IndexNotFound if there is none, IncompatibleIndex
  /// if it was built by an unknown schema or analysis version, IoError otherwise.
  explicit Searcher(const std::string& location);
  /// Opens several indexes (shards) and searches them as one; the same
  /// errors, and InvalidArgument if `locations` is empty.
  explicit Searcher(const std::vector<std::string>& locations);
  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  /// The best passages for `query`. An empty or unmatched query gives no hits.
  /// Throws InvalidArgument for an option it cannot use (a date bound that is
  /// no date, a negative recency half-life), IncompatibleIndex if the index
  /// was rebuilt since by another schema or analysis, IoError if it cannot
  /// be read.
  SearchResult search(std::string_view query, const SearchOptions& options = {});

  /// The article `id` (a Hit::article_id) at the index's latest commit, or
  /// nothing if the index holds no such article (any more). Throws
  /// InvalidArgument if `id` is not 16 hex digits, IoError if the index
  /// cannot be read.
  std::optional<Article> article(std::string_view id);

  /// Replaces the built-in French thesaurus with the one in `path`: one group of
  /// synonyms per line, entries separated by commas, '#' for comments.
  /// Throws IoError if the file cannot be read.
  void load_thesaurus(const std::string& path);

  /// Moves to the index's latest committed state now (search() does it itself),
  /// a new generation included. Throws IoError if the index cannot be read,
  /// IncompatibleIndex if it was rebuilt by another schema or analysis.
  void reopen();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace furet

#endif  // FURET_SEARCHER_H_
