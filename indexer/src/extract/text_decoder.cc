// Encoding detection and conversion to UTF-8 for indexed text files.
#include "extract/text_decoder.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>
#include <unicode/utypes.h>

#include <array>
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>

namespace furet::detail {
namespace {

constexpr std::size_t kBinarySniffBytes = 8 * 1024;
// Binary formats that avoid NUL bytes still use far more C0 controls than any real text.
constexpr std::size_t kMaxControlPerMille = 100;
// ICU only needs a sample to guess; this also keeps lengths within its int32_t API.
constexpr std::size_t kDetectionSampleBytes = 64 * 1024;
// ICU gives BOM-less UTF-16/32 a weak baseline score on almost any input; only trust it when sure.
constexpr int32_t kMinBomlessUnicodeConfidence = 50;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";
constexpr std::string_view kUtf32LeBom = std::string_view("\xFF\xFE\x00\x00", 4);
constexpr std::string_view kUtf32BeBom = std::string_view("\x00\x00\xFE\xFF", 4);
// Byte order marks and the ICU converter for the text behind each, longest first.
constexpr std::pair<std::string_view, const char*> kByteOrderMarks[] = {{kUtf32LeBom, "UTF-32LE"},
                                                                        {kUtf32BeBom, "UTF-32BE"},
                                                                        {kUtf8Bom, "UTF-8"},
                                                                        {kUtf16LeBom, "UTF-16LE"},
                                                                        {kUtf16BeBom, "UTF-16BE"}};

using Converter = std::unique_ptr<UConverter, decltype(&ucnv_close)>;

// Counts of what a UTF-8 reading of the bytes finds, for telling damaged UTF-8 from a legacy
// charset. U8_NEXT takes each ill-formed sequence's maximal subpart as one, as the converter
// replaces it.
struct Utf8Stats {
  std::size_t multibyte_sequences = 0;
  std::size_t invalid_sequences = 0;
};

Utf8Stats scan_utf8(std::string_view s) {
  Utf8Stats stats;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, s.size(), c);
    if (c < 0) {
      ++stats.invalid_sequences;
    } else if (i - start > 1) {
      ++stats.multibyte_sequences;
    }
  }
  return stats;
}

bool is_bomless_unicode(std::string_view name) {
  return name.starts_with("UTF-16") || name.starts_with("UTF-32");
}

// Returns the ICU converter name for the most plausible legacy encoding, or "" if none.
std::string detect_encoding(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                      &ucsdet_close);
  if (U_FAILURE(status) || !detector) return "";
  const std::string_view sample = bytes.substr(0, kDetectionSampleBytes);
  // Ignoring markup keeps tag names and attributes from skewing the guess for HTML files.
  ucsdet_enableInputFilter(detector.get(), true);
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  if (U_FAILURE(status)) return "";
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
  if (U_FAILURE(status) || matches == nullptr) return "";
  for (int32_t m = 0; m < count; ++m) {
    UErrorCode match_status = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[m], &match_status);
    const int32_t confidence = ucsdet_getConfidence(matches[m], &match_status);
    if (U_FAILURE(match_status) || name == nullptr || confidence <= 0) continue;
    const std::string_view view(name);
    if (is_bomless_unicode(view) && confidence < kMinBomlessUnicodeConfidence) continue;
    // windows-1252 only adds printable characters in 0x80-0x9F where ISO-8859-1 has unused C1
    // controls, so it decodes every real ISO-8859-1 text identically and rescues ’ œ € etc.
    if (view == "ISO-8859-1") return "windows-1252";
    return std::string(view);
  }
  return "";
}

// ICU's default substitution may write U+001A for single-byte charsets; U+FFFD is what callers
// expect, and the callback is also the only place where the number of bad bytes is visible.
void substitute_and_count(const void* context, UConverterToUnicodeArgs* args,
                          const char* /*code_units*/, int32_t length,
                          UConverterCallbackReason reason, UErrorCode* error) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close and clone need no action
  auto* counter = static_cast<std::size_t*>(const_cast<void*>(context));
  if (length > 0) *counter += static_cast<std::size_t>(length);
  *error = U_ZERO_ERROR;
  const UChar replacement = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &replacement, 1, 0, error);
}

// Converts `bytes` from `encoding` (an ICU converter name) to UTF-8, each invalid sequence
// replaced by U+FFFD and counted; false if ICU has no such converter.
bool convert_with_icu(std::string_view bytes, const std::string& encoding, DecodedText* result) {
  UErrorCode status = U_ZERO_ERROR;
  const Converter source(ucnv_open(encoding.c_str(), &status), &ucnv_close);
  if (U_FAILURE(status) || !source) return false;
  std::size_t invalid = 0;
  ucnv_setToUCallBack(source.get(), substitute_and_count, &invalid, nullptr, nullptr, &status);
  const Converter utf8(ucnv_open("UTF-8", &status), &ucnv_close);
  if (U_FAILURE(status) || !utf8) return false;

  // ucnv_convertEx goes through UTF-16 in `pivot`, which keeps its state from call to call
  // while the output grows.
  std::array<UChar, 4096> pivot;
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();
  std::string out(bytes.size() + bytes.size() / 2 + 16, '\0');
  char* target = out.data();
  const char* in = bytes.data();
  for (bool first = true;; first = false) {
    status = U_ZERO_ERROR;
    ucnv_convertEx(utf8.get(), source.get(), &target, out.data() + out.size(), &in,
                   bytes.data() + bytes.size(), pivot.data(), &pivot_source, &pivot_target,
                   pivot.data() + pivot.size(), /*reset=*/first, /*flush=*/true, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
    const std::size_t used = static_cast<std::size_t>(target - out.data());
    out.resize(out.size() * 2);
    target = out.data() + used;
  }
  if (U_FAILURE(status)) return false;
  out.resize(static_cast<std::size_t>(target - out.data()));
  result->utf8 = std::move(out);
  result->encoding = encoding;
  result->invalid_bytes = invalid;
  return true;
}

// Text in one of Unicode's encodings (damaged UTF-8, or text behind a byte order mark): ICU
// builds their converters in, so only a failed allocation can keep it from converting.
DecodedText decode_unicode(std::string_view bytes, const std::string& encoding) {
  DecodedText result;
  if (!convert_with_icu(bytes, encoding, &result)) throw std::bad_alloc();
  return result;
}

}  // namespace

bool looks_binary(std::string_view bytes) {
  if (bytes.starts_with(kUtf16LeBom) || bytes.starts_with(kUtf16BeBom) ||
      bytes.starts_with(kUtf32BeBom)) {
    return false;  // the UTF-32LE BOM starts with the UTF-16LE one
  }
  const std::string_view head = bytes.substr(0, kBinarySniffBytes);
  if (head.empty()) return false;
  std::size_t controls = 0;
  for (const char ch : head) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) ++controls;
  }
  return controls * 1000 > head.size() * kMaxControlPerMille;
}

DecodedText decode_text(std::string_view bytes, std::string_view declared) {
  if (bytes.empty()) return DecodedText{"", "UTF-8", 0};
  // The UTF-32LE mark starts with the UTF-16LE one, so it is looked for first.
  for (const auto& [bom, encoding] : kByteOrderMarks) {
    if (bytes.starts_with(bom)) return decode_unicode(bytes.substr(bom.size()), encoding);
  }

  const Utf8Stats stats = scan_utf8(bytes);
  if (stats.invalid_sequences == 0) return DecodedText{std::string(bytes), "UTF-8", 0};
  // Legacy 8-bit text almost never forms valid multi-byte UTF-8 by accident, so a file where such
  // sequences are at least as frequent as broken ones is damaged UTF-8, not another charset.
  if (stats.multibyte_sequences > 0 && stats.invalid_sequences <= stats.multibyte_sequences) {
    return decode_unicode(bytes, "UTF-8");
  }

  // A charset the document declares (an HTML page's <meta charset>) is what
  // its author's tools wrote; detection is the fallback.
  if (!declared.empty() && !declared.starts_with("utf-16") && !declared.starts_with("utf-32")) {
    DecodedText result;
    std::string name(declared);
    if (name == "iso-8859-1" || name == "latin1" || name == "us-ascii") name = "windows-1252";
    if (convert_with_icu(bytes, name, &result)) return result;
  }
  std::string encoding = detect_encoding(bytes);
  if (encoding.empty() || encoding == "UTF-8") {
    // Short legacy files defeat ICU's statistics; for a French corpus windows-1252 is then by far
    // the likeliest source and, unlike UTF-8 with replacements, keeps the accented letters.
    if (stats.multibyte_sequences > 0) return decode_unicode(bytes, "UTF-8");
    encoding = "windows-1252";
  }
  DecodedText result;
  if (convert_with_icu(bytes, encoding, &result)) return result;
  return decode_unicode(bytes, "UTF-8");
}

}  // namespace furet::detail
