// Everything the indexer and the searcher must agree on: term prefixes, value
// slots, metadata keys and versions. docs/index-format.md describes each one.
#ifndef FURET_ANALYSIS_SCHEMA_H_
#define FURET_ANALYSIS_SCHEMA_H_

#include <string>
#include <string_view>

#include "furet/export.h"

namespace furet::schema {

/// Version of the index layout below; bumped on any incompatible change.
inline constexpr std::string_view kSchemaVersion = "5";

// Term prefixes. Body terms have no prefix and carry positions.
/// Title terms of the passage's article (no positions).
inline constexpr std::string_view kTitlePrefix = "S";
/// One term per article, "XA" + article id: replaces or deletes all its passages at once.
inline constexpr std::string_view kArticlePrefix = "XA";
/// The article's source (site, publisher or folder), case-folded: filters by source.
inline constexpr std::string_view kSourcePrefix = "XS";
/// The article's declared language, lower-case ("fr", "en-gb"): filters by language.
inline constexpr std::string_view kLanguagePrefix = "XL";
/// The article's publication year, month and day ("XY2025", "XM2025-08",
/// "XD2025-08-12"): a date range is a few of these terms, which the match
/// skips through, rather than a value read for every passage it meets.
inline constexpr std::string_view kYearPrefix = "XY";
inline constexpr std::string_view kMonthPrefix = "XM";
inline constexpr std::string_view kDayPrefix = "XD";
/// The article's file, absolute and canonical ("XP/home/…/a.md"), when the
/// term fits Xapian's limit (paths up to some 240 bytes): filters by path.
inline constexpr std::string_view kPathPrefix = "XP";
/// A site's template, on an article's first passage: "XZ" + the site's key
/// (one per article of the site), "XZ" + site key + line for each of its zone
/// lines, "XT" + site key + line for those its site's template held when it
/// was written (16 hexadecimal digits each; indexer/src/store/site_templates.h).
inline constexpr std::string_view kZoneLinePrefix = "XZ";
inline constexpr std::string_view kTemplateLinePrefix = "XT";

// Value slots of a passage document.
/// Article id (hex hash of the article's path): collapse key for "passages per article".
inline constexpr unsigned kArticleIdSlot = 0;
/// Passage ordinal within its article, as a sortable string.
inline constexpr unsigned kPassageOrdinalSlot = 1;
/// Publication date of the passage's article, "YYYY-MM-DD" (sorts as text):
/// date filters and sorting.
inline constexpr unsigned kDateSlot = 2;
/// PassageFingerprint::encode() of the passage: repeated passages shown once.
inline constexpr unsigned kFingerprintSlot = 3;

// Database metadata keys.
/// kSchemaVersion of the index.
inline constexpr std::string_view kSchemaKey = "furet.schema";
/// Analysis configuration the index was built with (Analyzer::config_string()).
inline constexpr std::string_view kAnalysisKey = "furet.analysis";
/// Time of the last committed update, seconds since the epoch.
inline constexpr std::string_view kUpdatedKey = "furet.updated";
/// Prefix of manifest entries: kManifestPrefix + article id -> file record.
inline constexpr std::string_view kManifestPrefix = "furet.file.";

// The index folder (docs/index-format.md, "Folder").
/// The shard list: a Xapian stub file naming the current generation's
/// databases, so that any Xapian reader opening the folder sees them as one.
inline constexpr const char* kShardListFile = "XAPIANDB";

/// Why the index at `index`, whose metadata give `schema_version` and
/// `analysis`, cannot be read or written by this build, which analyses with
/// `this_analysis`: a message naming both and the way out; empty if it can.
FURET_EXPORT std::string incompatibility(std::string_view index, std::string_view schema_version,
                                         std::string_view analysis, std::string_view this_analysis);

}  // namespace furet::schema

#endif  // FURET_ANALYSIS_SCHEMA_H_
