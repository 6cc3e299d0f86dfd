// Date bounds as users write them, and the filters they make.
#include "filters.h"

#include <fnmatch.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <optional>
#include <vector>

#include "ascii_text.h"
#include "furet/analysis/schema.h"
#include "furet/error.h"

namespace furet::detail {
namespace {

using ascii::all_digits;

int number(std::string_view s) {
  int n = 0;
  std::from_chars(s.data(), s.data() + s.size(), n);
  return n;
}

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : kDays[month - 1];
}

std::string day(int year, int month, int d) {
  char out[40];  // room for any int, as the compiler reckons
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, d);
  return out;
}

// `today` less `days`, through the C library's calendar arithmetic (UTC).
std::string days_before(std::string_view today, long days) {
  std::tm t{};
  t.tm_year = number(today.substr(0, 4)) - 1900;
  t.tm_mon = number(today.substr(5, 2)) - 1;
  t.tm_mday = number(today.substr(8, 2)) - static_cast<int>(days);
  t.tm_hour = 12;  // away from any edge
  const std::time_t when = ::timegm(&t);
  std::tm out{};
  ::gmtime_r(&when, &out);
  return day(out.tm_year + 1900, out.tm_mon + 1, out.tm_mday);
}

}  // namespace

DayRange days_named(std::string_view text, std::string_view today, std::string_view option) {
  const auto refuse = [&]() -> DayRange {
    throw InvalidArgument(std::string(option) + ": '" + std::string(text) +
                          "' is no date; write 2025-08-12, 2025-08, 2025, or 7d / 2w for the "
                          "last days / weeks");
  };
  if (text.size() >= 2 && (text.back() == 'd' || text.back() == 'w') &&
      all_digits(text.substr(0, text.size() - 1)) && text.size() <= 6) {
    const long count = number(text.substr(0, text.size() - 1)) * (text.back() == 'w' ? 7 : 1);
    return {days_before(today, count), std::string(today)};
  }
  const std::string_view year_text = text.substr(0, 4);
  if (text.size() < 4 || !all_digits(year_text)) return refuse();
  const int year = number(year_text);
  if (text.size() == 4) return {day(year, 1, 1), day(year, 12, 31)};
  if ((text.size() != 7 && text.size() != 10) || text[4] != '-' || !all_digits(text.substr(5, 2))) {
    return refuse();
  }
  const int month = number(text.substr(5, 2));
  if (month < 1 || month > 12) return refuse();
  if (text.size() == 7) return {day(year, month, 1), day(year, month, days_in(year, month))};
  if (text[7] != '-' || !all_digits(text.substr(8, 2))) return refuse();
  const int d = number(text.substr(8, 2));
  if (d < 1 || d > days_in(year, month)) return refuse();
  return {day(year, month, d), day(year, month, d)};
}

std::string today_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  return day(utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
}

long days_between(std::string_view earlier, std::string_view later) {
  const auto noon = [](std::string_view date) -> std::optional<std::time_t> {
    if (date.size() < 10 || date[4] != '-' || date[7] != '-' || !all_digits(date.substr(0, 4)) ||
        !all_digits(date.substr(5, 2)) || !all_digits(date.substr(8, 2))) {
      return std::nullopt;
    }
    std::tm t{};
    t.tm_year = number(date.substr(0, 4)) - 1900;
    t.tm_mon = number(date.substr(5, 2)) - 1;
    t.tm_mday = number(date.substr(8, 2));
    t.tm_hour = 12;
    return ::timegm(&t);
  };
  const std::optional<std::time_t> from = noon(earlier), to = noon(later);
  if (!from || !to) return 0;
  constexpr long kSecondsPerDay = 86400;
  return static_cast<long>(std::difftime(*to, *from)) / kSecondsPerDay;
}

std::vector<std::string> dates_in(const Xapian::Database& db, std::string_view prefix) {
  std::vector<std::string> dates;
  const std::string start(prefix);
  for (auto it = db.allterms_begin(start); it != db.allterms_end(start); ++it) {
    dates.push_back((*it).substr(start.size()));
  }
  return dates;
}

Xapian::Query path_filter(const std::vector<std::string>& globs, const Xapian::Database& db) {
  const std::string prefix(schema::kPathPrefix);
  std::vector<std::string> matching;
  for (const std::string& glob : globs) {
    const std::string anchored = !glob.empty() && glob[0] == '/' ? glob : "*/" + glob;
    // Only the paths that begin as the glob does are tried.
    const std::string start = prefix + anchored.substr(0, anchored.find_first_of("*?[\\"));
    for (auto it = db.allterms_begin(start); it != db.allterms_end(start); ++it) {
      const std::string& term = *it;
      if (::fnmatch(anchored.c_str(), term.c_str() + prefix.size(), 0) == 0) {
        matching.push_back(term);
      }
    }
  }
  if (matching.empty()) return Xapian::Query::MatchNothing;
  std::sort(matching.begin(), matching.end());
  matching.erase(std::unique(matching.begin(), matching.end()), matching.end());
  return Xapian::Query(Xapian::Query::OP_OR, matching.begin(), matching.end());
}

std::vector<std::string> date_cover(std::string_view first, std::string_view last) {
  std::vector<std::string> terms;
  int year = number(first.substr(0, 4)), month = number(first.substr(5, 2)),
      d = number(first.substr(8, 2));
  const std::string end(last.substr(0, 10));
  while (day(year, month, d) <= end) {
    if (month == 1 && d == 1 && day(year, 12, 31) <= end) {
      terms.push_back(std::string(schema::kYearPrefix) + day(year, 1, 1).substr(0, 4));
      ++year;
    } else if (d == 1 && day(year, month, days_in(year, month)) <= end) {
      terms.push_back(std::string(schema::kMonthPrefix) + day(year, month, 1).substr(0, 7));
      if (++month > 12) month = 1, ++year;
    } else {
      terms.push_back(std::string(schema::kDayPrefix) + day(year, month, d));
      if (++d > days_in(year, month)) {
        d = 1;
        if (++month > 12) month = 1, ++year;
      }
    }
  }
  return terms;
}

std::optional<Xapian::Query> filter_query(const SearchOptions& options, const Analyzer& analyzer,
                                          const Xapian::Database& db, std::string_view today) {
  std::vector<Xapian::Query> filters;
  if (!options.since.empty() || !options.until.empty()) {
    // An open end stops at the years the index holds.
    const std::vector<std::string> years = dates_in(db, schema::kYearPrefix);
    std::string first = years.empty() ? "" : years.front() + "-01-01";
    std::string last = years.empty() ? "" : years.back() + "-12-31";
    if (!options.since.empty())
      first = std::max(first, days_named(options.since, today, "since").first);
    if (!options.until.empty())
      last = std::min(last, days_named(options.until, today, "until").last);
    const std::vector<std::string> cover =
        years.empty() || first > last ? std::vector<std::string>() : date_cover(first, last);
    filters.push_back(cover.empty()
                          ? Xapian::Query::MatchNothing
                          : Xapian::Query(Xapian::Query::OP_OR, cover.begin(), cover.end()));
  }
  std::vector<Xapian::Query> sources;
  for (const std::string& source : options.sources) {
    sources.emplace_back(std::string(schema::kSourcePrefix) + analyzer.fold_word(source));
  }
  if (!sources.empty()) filters.emplace_back(Xapian::Query::OP_OR, sources.begin(), sources.end());
  if (!options.paths.empty()) filters.push_back(path_filter(options.paths, db));
  if (!options.language.empty()) {
    filters.emplace_back(std::string(schema::kLanguagePrefix) +
                         analyzer.fold_word(options.language));
  }
  if (filters.empty()) return std::nullopt;
  if (std::any_of(filters.begin(), filters.end(),
                  [](const Xapian::Query& q) { return q.empty(); })) {
    return Xapian::Query::MatchNothing;
  }
  return Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
}

}  // namespace furet::detail
