// The manifest: what the index knows of each article file, kept in its metadata.
#ifndef FURET_INDEXER_SRC_STORE_MANIFEST_H_
#define FURET_INDEXER_SRC_STORE_MANIFEST_H_

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace furet::detail {

/// One indexed file. `source` (absolute, canonical) identifies it across runs;
/// `path` is how the run that indexed it named it, and what hits show.
struct FileRecord {
  std::string source;
  std::string path;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::uint64_t content_hash = 0;
  std::uint32_t passages = 0;

  bool operator==(const FileRecord&) const = default;
};

/// `value` as 8 bytes, most significant first: fixed-size, and ordered as the
/// number is (article ids, the site-template terms).
std::string big_endian_bytes(std::uint64_t value);

/// The article id of a source path: its XXH64 hash as 8 bytes, most significant
/// first. Short and fixed-size: every passage carries it twice (a term and a
/// value), and Xapian caps term and metadata key lengths.
std::string article_id(std::string_view source);

/// Hash of a file's content, to tell a real change from a touched file.
std::uint64_t content_hash(std::string_view bytes);

/// Record <-> metadata value. Paths are stored with their lengths, so any byte
/// (tab, newline, invalid UTF-8) survives. decode() returns nullopt on garbage.
std::string encode(const FileRecord& record);
std::optional<FileRecord> decode(std::string_view value);

/// What is wrong between the manifest of `db` (one database) and its
/// passages: each record must decode, have exactly its recorded passages and
/// a stored article of the same path and passage count, and every article's
/// passages must have a record. A sentence per problem, naming `name` or the
/// article; empty if they agree. Throws Xapian::Error if `db` cannot be read.
std::vector<std::string> manifest_problems(const Xapian::Database& db, const std::string& name);

/// The number of records in the manifest of `db`.
std::uint64_t manifest_size(const Xapian::Database& db);

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_STORE_MANIFEST_H_
