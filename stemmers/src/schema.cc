// The one rule, and message, by which the indexer and the searcher refuse an index.
#include "furet/analysis/schema.h"

namespace furet::schema {

std::string incompatibility(std::string_view index, std::string_view schema_version,
                            std::string_view analysis, std::string_view this_analysis) {
  const std::string way_out = "; rebuild it with furet-index --rebuild";
  const std::string name = "index '" + std::string(index) + "'";
  if (schema_version != kSchemaVersion) {
    return name + " has schema version '" + std::string(schema_version) + "', this build's is '" +
           std::string(kSchemaVersion) + "'" + way_out;
  }
  if (analysis != this_analysis) {
    return name + " was analysed with '" + std::string(analysis) + "', this build analyses with '" +
           std::string(this_analysis) + "'" + way_out;
  }
  return {};
}

}  // namespace furet::schema
