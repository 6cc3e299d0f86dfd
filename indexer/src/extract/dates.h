// Dates as articles and pages write them, and as furet stores them.
#ifndef FURET_INDEXER_SRC_EXTRACT_DATES_H_
#define FURET_INDEXER_SRC_EXTRACT_DATES_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace furet::detail {

/// The first date in `text`, in the forms articles and pages write:
/// ISO 8601 ("2025-08-12", "2025-08-12T14:05:00+02:00"), day, month and year
/// in French or English ("12 août 2025 à 14h05", "mardi 12 août 2025",
/// "August 12, 2025", "Tue, 12 Aug 2025 14:05:00 GMT"), d/m/y ("12/08/2025",
/// the French order) and y/m/d. Returns "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM"
/// when a time follows the date; empty if `text` holds no valid date.
std::string normalized_date(std::string_view text);

/// The first date of `text` as normalized_date gives it, and the bytes it
/// spans, its time included ([begin, end)); all empty if there is none.
struct DateMatch {
  std::string date;
  std::size_t begin = 0, end = 0;
};
DateMatch find_date(std::string_view text);

/// The UTC date of a modification time, "YYYY-MM-DD".
std::string date_of_mtime(std::int64_t mtime_ns);

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_EXTRACT_DATES_H_
