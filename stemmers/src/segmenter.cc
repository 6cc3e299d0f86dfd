// ICU word segmentation over UTF-8, plus the two joins ICU does not make for French.
#include "segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "ascii_text.h"
#include "furet/error.h"

namespace furet::detail {
namespace {

using ascii::all_digits;

// A thousands group is 1-3 digits, then groups of exactly 3 ("1 000 000").
bool starts_thousands_group(std::string_view s) { return s.size() <= 3 && all_digits(s); }

// The next group: exactly three digits, optionally with a decimal part ("000,5").
bool continues_thousands_group(std::string_view s) {
  if (s.size() < 3 || !all_digits(s.substr(0, 3))) return false;
  if (s.size() == 3) return true;
  return s[3] == ',' && all_digits(s.substr(4));
}

// The single code point between two segments, or -1 if there is not exactly one.
UChar32 sole_code_point(std::string_view gap) {
  if (gap.empty()) return -1;
  std::size_t i = 0;
  UChar32 c;
  U8_NEXT(gap.data(), i, gap.size(), c);
  return i == gap.size() ? c : -1;
}

// French typesetting separates thousands with a space, often a no-break one.
bool is_group_separator(UChar32 c) {
  return c == 0x20 || c == 0xA0 || c == 0x202F || c == 0x2009 || c == 0x2007;
}

bool is_hyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// "4.3", "2,5": digits, one decimal mark, digits. A quantity, kept whole.
bool is_decimal(std::string_view word) {
  const std::size_t mark = word.find_first_of(".,");
  return mark != std::string_view::npos && all_digits(word.substr(0, mark)) &&
         all_digits(word.substr(mark + 1));
}

// What joins words inside one ICU word: "qsort_r", "sem.un_nom", "6.2.5".
bool is_word_joiner(UChar32 c) {
  if (c < 0x80) return c == '.' || c == '_';
  return u_charType(c) == U_CONNECTOR_PUNCTUATION;  // '_' and its kin: '‿', '⁀'…
}

// Splits the word [begin, end) into linked pieces where words are written
// together: at a small letter followed by a capital ("DeepSeek" -> "Deep" +
// "Seek"), and at an underscore or a dot inside it ("qsort_r", "libdemo.so",
// section numbers "6.2.5"), which drops the mark. A decimal number stays one
// piece. The analyzer keeps the whole beside the pieces, so "qsort_r" is
// found as typed and by its pieces, and a phrase of the pieces matches.
void push_word_parts(std::string_view text, std::uint32_t begin, std::uint32_t end,
                     std::vector<Segment>& segments) {
  const bool decimal = is_decimal(text.substr(begin, end - begin));
  const std::size_t first = segments.size();
  std::uint32_t piece = begin;
  UChar32 previous = -1;
  for (std::uint32_t i = begin; i < end;) {
    const std::uint32_t at = i;
    UChar32 c;
    U8_NEXT(text.data(), i, end, c);
    if (!decimal && is_word_joiner(c)) {
      if (at > piece) segments.push_back({piece, at, true});
      piece = i;
      previous = -1;
      continue;
    }
    if (previous >= 0 && u_islower(previous) && u_isupper(c)) {
      segments.push_back({piece, at, true});
      piece = at;
    }
    previous = c;
  }
  if (end > piece) {
    segments.push_back({piece, end, false});
  } else if (segments.size() > first) {
    segments.back().linked_to_next = false;  // the word ended with a joiner ("init_")
  }
}

}  // namespace

std::size_t number_space_bytes(std::string_view text) {
  std::size_t i = 0;
  UChar32 c = -1;
  if (!text.empty()) U8_NEXT(text.data(), i, text.size(), c);
  return is_group_separator(c) ? i : 0;
}

WordSegmenter::WordSegmenter() {
  UErrorCode status = U_ZERO_ERROR;
  words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getFrench(), status));
  if (U_FAILURE(status) || !words_) {
    throw Error(std::string("cannot create ICU word break iterator: ") + u_errorName(status));
  }
}

WordSegmenter::WordSegmenter(const WordSegmenter& other) : words_(other.words_->clone()) {}

WordSegmenter& WordSegmenter::operator=(const WordSegmenter& other) {
  if (this != &other) words_.reset(other.words_->clone());
  return *this;
}

WordSegmenter::~WordSegmenter() = default;

std::vector<Segment> WordSegmenter::segment(std::string_view text) {
  std::vector<Segment> segments;
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
  words_->setText(&utext, status);
  if (U_FAILURE(status)) {
    utext_close(&utext);
    return segments;
  }
  // True while the last segment is a number that another thousands group may extend.
  bool last_takes_group = false;
  int32_t begin = words_->first();
  for (int32_t end = words_->next(); end != icu::BreakIterator::DONE;
       begin = end, end = words_->next()) {
    if (words_->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
    const auto b = static_cast<std::uint32_t>(begin);
    const auto e = static_cast<std::uint32_t>(end);
    const std::string_view current = text.substr(b, e - b);
    if (!segments.empty()) {
      Segment& last = segments.back();
      const UChar32 gap = sole_code_point(text.substr(last.end, b - last.end));
      if (last_takes_group && is_group_separator(gap) && continues_thousands_group(current)) {
        last.end = e;  // "300 000" is one number
        last_takes_group = current.size() == 3;
        continue;
      }
      last.linked_to_next = is_hyphen(gap);
    }
    push_word_parts(text, b, e, segments);
    last_takes_group = starts_thousands_group(current);
  }
  // Detach the text: the iterator must not keep a pointer to the caller's buffer.
  words_->setText(icu::UnicodeString());
  utext_close(&utext);
  return segments;
}

}  // namespace furet::detail
