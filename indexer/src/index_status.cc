// Index status from Xapian's statistics, the manifest and the files on disk.
#include "furet/indexer/index_status.h"

#include <filesystem>

#include <xapian.h>

#include "furet/analysis/schema.h"
#include "furet/error.h"
#include "shards.h"

namespace furet {
namespace {

std::uint64_t disk_bytes(const std::filesystem::path& dir) {
  std::uint64_t bytes = 0;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) bytes += it->file_size(ec);
  }
  return bytes;
}

}  // namespace

IndexStatus read_index_status(const std::string& dir) {
  if (!std::filesystem::exists(dir)) {
    throw IndexNotFound("no index at '" + dir + "'; build one with: furet-index --index " + dir +
                        " corpus");
  }
  try {
    const Xapian::Database db(dir);
    IndexStatus status;
    status.shards = detail::existing_shards(dir);
    status.passages = db.get_doccount();
    // Metadata are per database: a sharded index's manifest is in its shards.
    const std::string manifest(schema::kManifestPrefix);
    for (const std::string& part : status.shards.empty() ? std::vector<std::string>{dir}
                                                          : status.shards) {
      const Xapian::Database shard(part);
      for (auto k = shard.metadata_keys_begin(manifest); k != shard.metadata_keys_end(manifest);
           ++k) {
        ++status.articles;
      }
    }
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) ++status.terms;
    status.bytes = disk_bytes(dir);
    status.schema = db.get_metadata(std::string(schema::kSchemaKey));
    status.analysis = db.get_metadata(std::string(schema::kAnalysisKey));
    const std::string updated = db.get_metadata(std::string(schema::kUpdatedKey));
    status.updated = updated.empty() ? 0 : std::stoll(updated);
    return status;
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw IndexNotFound("no furet index at '" + dir + "': " + e.get_msg());
  } catch (const Xapian::Error& e) {
    throw IoError("cannot read index '" + dir + "': " + e.get_description());
  }
}

}  // namespace furet
