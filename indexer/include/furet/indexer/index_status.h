// What an index holds, and whether it is sound, for operators: furet-index
// --status and --check.
#ifndef FURET_INDEXER_INDEX_STATUS_H_
#define FURET_INDEXER_INDEX_STATUS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "furet/export.h"

namespace furet {

/// A summary of one index (or of all its shards).
struct IndexStatus {
  std::uint64_t articles = 0;       ///< articles in the manifest
  std::uint64_t passages = 0;       ///< passage documents
  std::uint64_t terms = 0;          ///< distinct terms
  std::uint64_t bytes = 0;          ///< size on disk of everything in the index folder
  std::string schema;               ///< schema version
  std::string analysis;             ///< analysis configuration
  std::int64_t updated = 0;         ///< last update that changed something, seconds since the epoch
  std::vector<std::string> shards;  ///< shard databases, if the index is sharded
};

/// Reads the status of the index at `dir`, without locking it, while it may
/// be updated. Thread-safe.
/// @throws IndexNotFound if there is none (or its first build has not
///         finished).
/// @throws IncompatibleIndex if this build cannot use it (another schema or
///         analysis, or damaged metadata).
/// @throws IoError if it cannot be read.
FURET_EXPORT IndexStatus read_index_status(const std::string& dir);

/// What check_index() found.
struct IndexCheck {
  std::uint64_t articles = 0;  ///< manifest entries checked
  std::uint64_t passages = 0;  ///< passage documents
  std::size_t databases = 0;   ///< Xapian databases checked (one per shard)
  /// What is wrong, a sentence each naming the file or article; empty if sound.
  std::vector<std::string> problems;
  bool sound() const { return problems.empty(); }
};

/// Checks the index at `dir` without locking it or changing anything:
/// Xapian's own check of every table of every database, the tables furet's
/// passages need, the schema and analysis, and that the manifest and the
/// passages agree article by article. Reads the whole index. Thread-safe.
/// @throws IndexNotFound if there is none (or its first build has not
///         finished).
/// @throws IoError if the index folder cannot be listed; every other fault
///         is a problem reported.
FURET_EXPORT IndexCheck check_index(const std::string& dir);

}  // namespace furet

#endif  // FURET_INDEXER_INDEX_STATUS_H_
