// Filters by date, source and language, as Xapian queries over the values
// and terms every passage carries (docs/index-format.md).
#ifndef FURET_SEARCHER_SRC_FILTERS_H_
#define FURET_SEARCHER_SRC_FILTERS_H_

#include <xapian.h>

#include <string>
#include <string_view>

#include "furet/analysis/analyzer.h"
#include "furet/searcher.h"

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

/// The filter `options` asks for (passages dated from `since` to `until`
/// inclusive, of any of `sources`, in `language`); an empty query if none.
Xapian::Query filter_query(const SearchOptions& options, const Analyzer& analyzer,
                           std::string_view today);

}  // namespace furet::detail

#endif  // FURET_SEARCHER_SRC_FILTERS_H_
