// Passages from sentences: ICU sentence boundaries, then size-balanced packing.
#include "extract/passage_splitter.h"

#include <unicode/locid.h>
#include <unicode/utext.h>

#include "ascii_text.h"
#include "furet/error.h"

namespace furet::detail {
namespace {

// Passages of a long paragraph aim at this size, so that they come out even.
constexpr std::uint32_t kTargetPassageBytes = 600;

PassageRange trimmed(std::string_view text, PassageRange r) {
  while (r.begin < r.end && ascii::is_space(text[r.begin])) ++r.begin;
  while (r.end > r.begin && ascii::is_space(text[r.end - 1])) --r.end;
  return r;
}

// A cut inside an over-long sentence: the last space before the limit, or else
// the last UTF-8 character boundary.
std::uint32_t cut_point(std::string_view text, std::uint32_t begin, std::uint32_t limit) {
  for (std::uint32_t i = limit; i > begin + PassageSplitter::kMaxPassageBytes / 2; --i) {
    if (text[i] == ' ') return i;
  }
  std::uint32_t i = limit;
  while (i > begin && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return i > begin ? i : limit;
}

// Sentences longer than a passage are cut in pieces that fit.
std::vector<PassageRange> fit_sentences(std::string_view text, std::vector<PassageRange> in) {
  std::vector<PassageRange> out;
  for (PassageRange s : in) {
    while (s.end - s.begin > PassageSplitter::kMaxPassageBytes) {
      const std::uint32_t cut =
          cut_point(text, s.begin, s.begin + PassageSplitter::kMaxPassageBytes);
      out.push_back(trimmed(text, {s.begin, cut}));
      s = trimmed(text, {cut, s.end});
    }
    if (s.end > s.begin) out.push_back(s);
  }
  return out;
}

// Packs a long paragraph's sentences into chunks of about equal size.
std::vector<PassageRange> pack(const std::vector<PassageRange>& sentences, std::uint32_t total) {
  const std::uint32_t count = (total + kTargetPassageBytes - 1) / kTargetPassageBytes;
  const std::uint32_t target = total / (count ? count : 1);
  std::vector<PassageRange> chunks;
  for (const PassageRange& s : sentences) {
    if (!chunks.empty()) {
      PassageRange& last = chunks.back();
      const bool fits = s.end - last.begin <= PassageSplitter::kMaxPassageBytes;
      if (fits && last.end - last.begin < target) {
        last.end = s.end;
        continue;
      }
    }
    chunks.push_back(s);
  }
  return chunks;
}

}  // namespace

PassageSplitter::PassageSplitter() {
  UErrorCode status = U_ZERO_ERROR;
  // "ss=standard" applies CLDR's abbreviation list, so "M. Huang" is no sentence end.
  sentences_.reset(
      icu::BreakIterator::createSentenceInstance(icu::Locale("fr@ss=standard"), status));
  if (U_FAILURE(status) || !sentences_) {
    throw Error(std::string("cannot create ICU sentence break iterator: ") + u_errorName(status));
  }
}

PassageSplitter::PassageSplitter(const PassageSplitter& other)
    : sentences_(other.sentences_->clone()) {}

PassageSplitter::~PassageSplitter() = default;

std::vector<PassageRange> PassageSplitter::sentences(std::string_view text, std::uint32_t begin,
                                                     std::uint32_t end) {
  std::vector<PassageRange> result;
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  const std::string_view span = text.substr(begin, end - begin);
  utext_openUTF8(&utext, span.data(), static_cast<int64_t>(span.size()), &status);
  sentences_->setText(&utext, status);
  if (U_SUCCESS(status)) {
    int32_t from = sentences_->first();
    for (int32_t to = sentences_->next(); to != icu::BreakIterator::DONE;
         from = to, to = sentences_->next()) {
      const PassageRange s = trimmed(
          text, {begin + static_cast<std::uint32_t>(from), begin + static_cast<std::uint32_t>(to)});
      if (s.end > s.begin) result.push_back(s);
    }
  }
  sentences_->setText(icu::UnicodeString());
  utext_close(&utext);
  return fit_sentences(text, std::move(result));
}

std::vector<PassageRange> PassageSplitter::split(std::string_view text,
                                                 const std::vector<TextLine>& lines,
                                                 const std::vector<bool>& joinable) {
  std::vector<PassageRange> passages;
  std::optional<PassageRange> current;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const TextLine& line = lines[i];
    const std::uint32_t length = line.end - line.begin;
    std::vector<PassageRange> units;
    if (length <= kMaxPassageBytes) {
      units.push_back({line.begin, line.end});
    } else {
      units = pack(sentences(text, line.begin, line.end), length);
    }
    for (const PassageRange& unit : units) {
      if (current && current->end - current->begin < kMinPassageBytes &&
          unit.end - current->begin <= kMaxPassageBytes) {
        current->end = unit.end;
        continue;
      }
      if (current) passages.push_back(*current);
      current = unit;
    }
    if (current && !joinable[i]) {
      passages.push_back(*current);
      current.reset();
    }
  }
  if (current) passages.push_back(*current);
  return passages;
}

}  // namespace furet::detail
