// Filters by date, source and language, as Xapian queries over the values
// and terms every passage carries (docs/index-format.md).
#ifndef FURET_SEARCHER_SRC_FILTERS_H_
#define FURET_SEARCHER_SRC_FILTERS_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "furet/analysis/analyzer.h"
#include "furet/search_types.h"

namespace furet::detail {

/// The days a date bound names, "YYYY-MM-DD" both: "2025-08-12" that day,
/// "2025-08" its month, "2025" its year, "7d" / "2w" the last 7 days / 2
/// weeks up to `today` ("YYYY-MM-DD"). Throws InvalidArgument, naming
/// `option` and the text, for anything else.
struct DayRange {
  std::string first, last;
};
DayRange days_named(std::string_view text, std::string_view today, std::string_view option);

/// Today's date in UTC, "YYYY-MM-DD".
std::string today_utc();

/// Days from `earlier` to `later`, both "YYYY-MM-DD" (or longer: the rest is
/// ignored); negative if `earlier` is later. 0 if either is no date.
long days_between(std::string_view earlier, std::string_view later);

/// The years ("2016", …) or months ("2016-01", …) articles of `db` are
/// dated in, oldest first: `prefix` is schema::kYearPrefix or kMonthPrefix.
std::vector<std::string> dates_in(const Xapian::Database& db, std::string_view prefix);

/// The date terms (schema.h) whose passages are those dated from `first` to
/// `last`, "YYYY-MM-DD" both, inclusive: whole years as year terms, whole
/// months as month terms, the days left as day terms. Empty if first > last.
std::vector<std::string> date_cover(std::string_view first, std::string_view last);

/// The articles whose path (term kPathPrefix + path) matches any of `globs`
/// (SearchOptions::paths), as a filter; MatchNothing if none does.
Xapian::Query path_filter(const std::vector<std::string>& globs, const Xapian::Database& db);

/// The filter `options` asks for (passages dated from `since` to `until`
/// inclusive, of any of `sources`, in `language`) over `db`: nothing if it
/// asks for none, Xapian::Query::MatchNothing if no passage can pass it
/// (no day of the range is in the index).
std::optional<Xapian::Query> filter_query(const SearchOptions& options, const Analyzer& analyzer,
                                          const Xapian::Database& db, std::string_view today);

}  // namespace furet::detail

#endif  // FURET_SEARCHER_SRC_FILTERS_H_
