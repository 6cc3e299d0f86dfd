// The layout of a sharded index: shard databases and the stub that joins them.
#ifndef FURET_INDEXER_SRC_SHARDS_H_
#define FURET_INDEXER_SRC_SHARDS_H_

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

namespace furet::detail {

/// The databases of the index at `dir`, creating its layout if it is new.
/// `requested` 0 keeps the existing layout (one database if new); 1 asks for one
/// database at `dir`; N > 1 for N shards `dir`/shard-K, listed in the stub file
/// `dir`/XAPIANDB, through which Xapian (and so furet-search) opens them as one.
/// Throws InvalidArgument if `requested` contradicts an existing index.
std::vector<std::string> prepare_shards(const std::string& dir, std::size_t requested);

/// The database at `dir` (one shard, or a whole unsharded index) open for
/// writing, created if new. Also created afresh where a first build was killed
/// while Xapian created it: table files without the version file that makes them
/// a database, which Xapian would refuse to open and which hold no commit.
Xapian::WritableDatabase open_for_writing(const std::string& dir);

/// The shard directories of an existing sharded index, or empty.
std::vector<std::string> existing_shards(const std::string& dir);

/// The shard of an article: a stable function of its id (the hash of its path),
/// so an article and all its passages always live in one shard.
std::size_t shard_of(const std::string& article_id, std::size_t count);

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_SHARDS_H_
