// Recognising dates in text: numeric forms first, then day, month and year in words.
#include "extract/dates.h"

#include <array>
#include <cstdio>
#include <ctime>
#include <optional>
#include <vector>

#include "ascii_text.h"

namespace furet::detail {
namespace {

struct Date {
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = -1;
};

using ascii::is_digit;

bool valid(const Date& d) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return d.year >= 1900 && d.year <= 2100 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= kDays[static_cast<std::size_t>(d.month - 1)];
}

std::string formatted(const Date& d) {
  char out[64];  // room for any int, though valid() bounds every field
  if (d.hour >= 0) {
    std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d", d.year, d.month, d.day, d.hour,
                  d.minute);
  } else {
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", d.year, d.month, d.day);
  }
  return out;
}

// A piece of text: a run of digits, a run of letters (lower-cased), or one
// other character.
struct Piece {
  enum Kind { kNumber, kWord, kMark } kind;
  std::string text;
  int value = 0;           // of a number
  std::size_t at = 0;      // where it starts in the text
  std::size_t length = 0;  // its bytes in the text
};

std::vector<Piece> pieces_of(std::string_view s) {
  std::vector<Piece> pieces;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t start = i;
    if (is_digit(s[i])) {
      Piece p{Piece::kNumber, {}, 0, start};
      while (i < s.size() && is_digit(s[i]) && p.text.size() < 6) p.text += s[i++];
      while (i < s.size() && is_digit(s[i])) ++i;  // a long number is no part of a date
      p.value = std::stoi(p.text);
      p.length = i - start;
      pieces.push_back(std::move(p));
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) {
      Piece p{Piece::kWord, {}, 0, start};
      while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (!((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b >= 0x80)) break;
        p.text += (b >= 'A' && b <= 'Z') ? static_cast<char>(b - 'A' + 'a') : s[i];
        ++i;
      }
      p.length = i - start;
      pieces.push_back(std::move(p));
    } else {
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        pieces.push_back({Piece::kMark, std::string(1, s[i]), 0, start, 1});
      }
      ++i;
    }
  }
  return pieces;
}

// The month a word names, in French or English, in full or abbreviated; 0 if none.
int month_of(const std::string& word) {
  static const std::array<std::vector<std::string_view>, 12> kMonths = {{
      {"janvier", "janv", "jan", "january"},
      {"février", "fevrier", "févr", "fevr", "fév", "fev", "february", "feb"},
      {"mars", "march", "mar"},
      {"avril", "avr", "april", "apr"},
      {"mai", "may"},
      {"juin", "june", "jun"},
      {"juillet", "juil", "july", "jul"},
      {"août", "aout", "august", "aug"},
      {"septembre", "sept", "september", "sep"},
      {"octobre", "october", "oct"},
      {"novembre", "november", "nov"},
      {"décembre", "decembre", "déc", "dec", "december"},
  }};
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    for (std::string_view name : kMonths[m]) {
      if (word == name) return static_cast<int>(m + 1);
    }
  }
  return 0;
}

bool is_number(const std::vector<Piece>& p, std::size_t i, std::size_t digits_min,
               std::size_t digits_max) {
  return i < p.size() && p[i].kind == Piece::kNumber && p[i].text.size() >= digits_min &&
         p[i].text.size() <= digits_max;
}

bool is_mark(const std::vector<Piece>& p, std::size_t i, std::string_view marks) {
  return i < p.size() && p[i].kind == Piece::kMark &&
         marks.find(p[i].text[0]) != std::string_view::npos;
}

// A time after a date: "14:05", "14h05", "à 14 h 05", "T14:05". Returns
// the piece after it, or `i` when no time follows.
std::size_t read_time(const std::vector<Piece>& p, std::size_t i, Date& d) {
  const std::size_t start = i;
  for (std::size_t skipped = 0; skipped < 2 && i < p.size(); ++skipped) {
    const bool filler = (p[i].kind == Piece::kWord &&
                         (p[i].text == "à" || p[i].text == "at" || p[i].text == "t")) ||
                        is_mark(p, i, ",-");
    if (!filler) break;
    ++i;
  }
  if (!is_number(p, i, 1, 2) || i + 2 >= p.size()) return start;
  const bool separator =
      is_mark(p, i + 1, ":") || (p[i + 1].kind == Piece::kWord && p[i + 1].text == "h");
  if (!separator || !is_number(p, i + 2, 2, 2)) return start;
  if (p[i].value > 23 || p[i + 2].value > 59) return start;
  d.hour = p[i].value;
  d.minute = p[i + 2].value;
  return i + 3;
}

struct Found {
  Date date;
  std::size_t end = 0;  // the piece after the date and its time
};

// The date whose first piece is p[i], if one starts there.
std::optional<Found> date_at(const std::vector<Piece>& p, std::size_t i) {
  Date d;
  // 2025-08-12, 2025/08/12, 2025.08.12
  if (is_number(p, i, 4, 4) && is_mark(p, i + 1, "-/.") && is_number(p, i + 2, 1, 2) &&
      is_mark(p, i + 3, "-/.") && is_number(p, i + 4, 1, 2)) {
    d = {p[i].value, p[i + 2].value, p[i + 4].value};
    const std::size_t end = read_time(p, i + 5, d);
    return Found{d, end};
  }
  // 12/08/2025, 12.08.2025: day first, as French writes it.
  if (is_number(p, i, 1, 2) && is_mark(p, i + 1, "/.-") && is_number(p, i + 2, 1, 2) &&
      is_mark(p, i + 3, "/.-") && is_number(p, i + 4, 4, 4)) {
    d = {p[i + 4].value, p[i + 2].value, p[i].value};
    const std::size_t end = read_time(p, i + 5, d);
    return Found{d, end};
  }
  // 12 août 2025, 1er mars 2025, 12 Aug 2025
  if (is_number(p, i, 1, 2)) {
    std::size_t m = i + 1;
    if (m < p.size() && p[m].kind == Piece::kWord &&
        (p[m].text == "er" || p[m].text == "st" || p[m].text == "nd" || p[m].text == "th")) {
      ++m;
    }
    std::size_t y = m + 1;
    if (is_mark(p, y, ".")) ++y;  // "12 août. 2025" is rare; "12 janv. 2025" is not
    if (m < p.size() && p[m].kind == Piece::kWord && month_of(p[m].text) && is_number(p, y, 4, 4)) {
      d = {p[y].value, month_of(p[m].text), p[i].value};
      const std::size_t end = read_time(p, y + 1, d);
      return Found{d, end};
    }
  }
  // August 12, 2025
  if (p[i].kind == Piece::kWord && month_of(p[i].text) && is_number(p, i + 1, 1, 2)) {
    std::size_t y = i + 2;
    if (is_mark(p, y, ",")) ++y;
    if (is_number(p, y, 4, 4)) {
      d = {p[y].value, month_of(p[i].text), p[i + 1].value};
      const std::size_t end = read_time(p, y + 1, d);
      return Found{d, end};
    }
  }
  return std::nullopt;
}

}  // namespace

DateMatch find_date(std::string_view text) {
  const std::vector<Piece> pieces = pieces_of(text);
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const std::optional<Found> found = date_at(pieces, i);
    if (!found || !valid(found->date)) continue;
    const Piece& last = pieces[found->end - 1];
    return {formatted(found->date), pieces[i].at, last.at + last.length};
  }
  return {};
}

std::string normalized_date(std::string_view text) { return find_date(text).date; }

std::string date_of_mtime(std::int64_t mtime_ns) {
  const std::time_t seconds = static_cast<std::time_t>(mtime_ns / 1'000'000'000);
  std::tm utc{};
  if (!::gmtime_r(&seconds, &utc)) return {};
  char out[16];
  std::strftime(out, sizeof out, "%Y-%m-%d", &utc);
  return out;
}

}  // namespace furet::detail
