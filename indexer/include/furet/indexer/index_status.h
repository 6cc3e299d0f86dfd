// What an index holds, for operators: furet-index --status.
#ifndef FURET_INDEXER_INDEX_STATUS_H_
#define FURET_INDEXER_INDEX_STATUS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "furet/export.h"

namespace furet {

/// A summary of one index (or of all its shards).
struct IndexStatus {
  std::uint64_t articles = 0;   ///< articles in the manifest
  std::uint64_t passages = 0;   ///< passage documents
  std::uint64_t terms = 0;      ///< distinct terms
  std::uint64_t bytes = 0;      ///< size on disk
  std::string schema;           ///< schema version
  std::string analysis;         ///< analysis configuration
  std::int64_t updated = 0;     ///< last update that changed something, seconds since the epoch
  std::vector<std::string> shards;  ///< shard directories, if the index is sharded
};

/// Reads the status of the index at `dir`, without locking it.
/// Throws IndexNotFound if there is none, IoError if it cannot be read.
FURET_EXPORT IndexStatus read_index_status(const std::string& dir);

}  // namespace furet

#endif  // FURET_INDEXER_INDEX_STATUS_H_
