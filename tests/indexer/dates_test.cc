// Dates as articles write them, to ISO 8601.
#include "extract/dates.h"

#include <gtest/gtest.h>

namespace furet::detail {
namespace {

TEST(DatesTest, ReadsTheFormsArticlesAndPagesWrite) {
  EXPECT_EQ(normalized_date("2025-08-12"), "2025-08-12");
  EXPECT_EQ(normalized_date("2025-08-12T14:05:00+02:00"), "2025-08-12T14:05");
  EXPECT_EQ(normalized_date("Publié le 12 août 2025 à 14h05"), "2025-08-12T14:05");
  EXPECT_EQ(normalized_date("mardi 1er mars 2022"), "2022-03-01");
  EXPECT_EQ(normalized_date("le 3 janv. 2024"), "2024-01-03");
  EXPECT_EQ(normalized_date("August 12, 2025"), "2025-08-12");
  EXPECT_EQ(normalized_date("Tue, 12 Aug 2025 14:05:00 GMT"), "2025-08-12T14:05");
  EXPECT_EQ(normalized_date("Mis à jour le 13/08/2025"), "2025-08-13");  // day first
  EXPECT_EQ(normalized_date("2025/08/12"), "2025-08-12");
}

TEST(DatesTest, RefusesWhatIsNoDate) {
  EXPECT_EQ(normalized_date(""), "");
  EXPECT_EQ(normalized_date("31 février 2025"), "");
  EXPECT_EQ(normalized_date("13/13/2025"), "");
  EXPECT_EQ(normalized_date("12 puces 2025"), "");
  EXPECT_EQ(normalized_date("version 1.2.3"), "");
  EXPECT_EQ(normalized_date("12 août 20251"), "");                   // not a year
  EXPECT_EQ(normalized_date("12 août 2025 à 25h99"), "2025-08-12");  // no such time
}

TEST(DatesTest, FindsWhereTheDateIs) {
  const std::string line = "Paris, le 12 août 2025 à 14h05.";
  const DateMatch found = find_date(line);
  EXPECT_EQ(found.date, "2025-08-12T14:05");
  EXPECT_EQ(line.substr(found.begin, found.end - found.begin), "12 août 2025 à 14h05");
  EXPECT_EQ(find_date("aucune").date, "");
}

TEST(DatesTest, ModificationTimesAreUtcDays) {
  EXPECT_EQ(date_of_mtime(0), "1970-01-01");
  EXPECT_EQ(date_of_mtime(1'754'956'800'000'000'000), "2025-08-12");
}

}  // namespace
}  // namespace furet::detail
