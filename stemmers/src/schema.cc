// The one rule, and message, by which the indexer and the searcher refuse an index.
#include "furet/analysis/schema.h"

#include <algorithm>

namespace furet::schema {
namespace {

// A metadata value as a message shows it: quoted if it reads as a version
// name; damaged bytes (a NUL would even cut the message short) are not shown.
std::string shown(std::string_view value) {
  constexpr std::size_t kMaxShown = 64;
  const bool readable =
      value.size() <= kMaxShown &&
      std::all_of(value.begin(), value.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
  return readable ? "'" + std::string(value) + "'" : "an unreadable value (damaged metadata)";
}

}  // namespace

std::string incompatibility(std::string_view index, std::string_view schema_version,
                            std::string_view analysis, std::string_view this_analysis) {
  const std::string name = "index '" + std::string(index) + "'";
  // In words: a program that embeds furet has no command to offer (furet/error.h).
  constexpr const char* way_out = "; rebuild it from its articles";
  if (schema_version != kSchemaVersion) {
    return name + " has schema version " + shown(schema_version) + ", this build's is '" +
           std::string(kSchemaVersion) + "'" + way_out;
  }
  if (analysis != this_analysis) {
    return name + " was analysed with " + shown(analysis) + ", this build analyses with '" +
           std::string(this_analysis) + "'" + way_out;
  }
  return {};
}

}  // namespace furet::schema
