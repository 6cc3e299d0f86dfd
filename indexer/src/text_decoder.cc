// Encoding detection and conversion to UTF-8 for indexed text files.
#include "text_decoder.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "utf8.h"

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

unsigned char byte_at(std::string_view s, std::size_t i) {
  return static_cast<unsigned char>(s[i]);
}

// Length of the well-formed UTF-8 sequence starting at `i`, or 0 if there is none; then `*bad`
// receives the length of the maximal ill-formed subpart, so that each one becomes a single U+FFFD
// as the Unicode standard recommends.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i, std::size_t* bad) {
  const unsigned char lead = byte_at(s, i);
  if (lead < 0x80) return 1;
  std::size_t needed = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    needed = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    needed = 2;
    if (lead == 0xE0) lo = 0xA0;  // overlong
    if (lead == 0xED) hi = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    needed = 3;
    if (lead == 0xF0) lo = 0x90;  // overlong
    if (lead == 0xF4) hi = 0x8F;  // beyond U+10FFFF
  } else {
    *bad = 1;
    return 0;
  }
  std::size_t len = 1;
  for (std::size_t k = 0; k < needed; ++k) {
    if (i + len >= s.size()) {
      *bad = len;
      return 0;
    }
    const unsigned char c = byte_at(s, i + len);
    const unsigned char min = k == 0 ? lo : 0x80;
    const unsigned char max = k == 0 ? hi : 0xBF;
    if (c < min || c > max) {
      *bad = len;
      return 0;
    }
    ++len;
  }
  return len;
}

struct Utf8Stats {
  std::size_t multibyte_sequences = 0;
  std::size_t invalid_sequences = 0;
};

Utf8Stats scan_utf8(std::string_view s) {
  Utf8Stats stats;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t bad = 0;
    const std::size_t len = utf8_sequence_length(s, i, &bad);
    if (len == 0) {
      ++stats.invalid_sequences;
      i += bad;
    } else {
      if (len > 1) ++stats.multibyte_sequences;
      i += len;
    }
  }
  return stats;
}

DecodedText decode_utf8_lenient(std::string_view s) {
  DecodedText result;
  result.encoding = "UTF-8";
  result.utf8.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t bad = 0;
    const std::size_t len = utf8_sequence_length(s, i, &bad);
    if (len == 0) {
      append_utf8(result.utf8, kReplacementCharacter);
      result.invalid_bytes += bad;
      i += bad;
    } else {
      result.utf8.append(s.data() + i, len);
      i += len;
    }
  }
  return result;
}

// Hand-written rather than through ucnv so that the invalid byte count is exact.
DecodedText decode_utf16(std::string_view s, bool big_endian) {
  DecodedText result;
  result.encoding = big_endian ? "UTF-16BE" : "UTF-16LE";
  result.utf8.reserve(s.size() + s.size() / 2);
  auto unit_at = [&](std::size_t i) -> char32_t {
    const char32_t a = byte_at(s, i);
    const char32_t b = byte_at(s, i + 1);
    return big_endian ? (a << 8) | b : (b << 8) | a;
  };
  std::size_t i = 0;
  while (i + 1 < s.size()) {
    const char32_t unit = unit_at(i);
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 3 < s.size()) {
      const char32_t next = unit_at(i + 2);
      if (next >= 0xDC00 && next <= 0xDFFF) {
        append_utf8(result.utf8, 0x10000 + ((unit - 0xD800) << 10) + (next - 0xDC00));
        i += 4;
        continue;
      }
    }
    if (unit >= 0xD800 && unit <= 0xDFFF) {
      append_utf8(result.utf8, kReplacementCharacter);
      result.invalid_bytes += 2;
    } else {
      append_utf8(result.utf8, unit);
    }
    i += 2;
  }
  if (i < s.size()) {  // odd trailing byte of a truncated file
    append_utf8(result.utf8, kReplacementCharacter);
    result.invalid_bytes += s.size() - i;
  }
  return result;
}

DecodedText decode_utf32(std::string_view s, bool big_endian) {
  DecodedText result;
  result.encoding = big_endian ? "UTF-32BE" : "UTF-32LE";
  result.utf8.reserve(s.size() / 2);
  std::size_t i = 0;
  for (; i + 3 < s.size(); i += 4) {
    char32_t cp = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const std::size_t index = big_endian ? i + k : i + 3 - k;
      cp = (cp << 8) | byte_at(s, index);
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      append_utf8(result.utf8, kReplacementCharacter);
      result.invalid_bytes += 4;
    } else {
      append_utf8(result.utf8, cp);
    }
  }
  if (i < s.size()) {
    append_utf8(result.utf8, kReplacementCharacter);
    result.invalid_bytes += s.size() - i;
  }
  return result;
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

void append_utf16_units(std::string& out, const UChar* begin, const UChar* end, char32_t* pending) {
  for (const UChar* p = begin; p != end; ++p) {
    const char32_t unit = *p;
    if (*pending != 0) {
      if (unit >= 0xDC00 && unit <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((*pending - 0xD800) << 10) + (unit - 0xDC00));
        *pending = 0;
        continue;
      }
      append_utf8(out, kReplacementCharacter);
      *pending = 0;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      *pending = unit;
    } else {
      append_utf8(out, unit);  // a lone low surrogate becomes U+FFFD inside append_utf8
    }
  }
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

bool convert_with_icu(std::string_view bytes, const std::string& encoding, DecodedText* result) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open(encoding.c_str(), &status),
                                                               &ucnv_close);
  if (U_FAILURE(status) || !converter) return false;
  std::size_t invalid = 0;
  ucnv_setToUCallBack(converter.get(), substitute_and_count, &invalid, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return false;

  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  std::array<UChar, 4096> buffer;
  const char* source = bytes.data();
  const char* const source_limit = bytes.data() + bytes.size();
  char32_t pending_surrogate = 0;
  while (true) {
    UChar* target = buffer.data();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(converter.get(), &target, buffer.data() + buffer.size(), &source, source_limit,
                   nullptr, /*flush=*/true, &status);
    append_utf16_units(out, buffer.data(), target, &pending_surrogate);
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) return false;
    break;
  }
  if (pending_surrogate != 0) append_utf8(out, kReplacementCharacter);
  result->utf8 = std::move(out);
  result->encoding = encoding;
  result->invalid_bytes = invalid;
  return true;
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
  if (bytes.starts_with(kUtf8Bom)) return decode_utf8_lenient(bytes.substr(kUtf8Bom.size()));
  if (bytes.starts_with(kUtf32LeBom)) return decode_utf32(bytes.substr(kUtf32LeBom.size()), false);
  if (bytes.starts_with(kUtf32BeBom)) return decode_utf32(bytes.substr(kUtf32BeBom.size()), true);
  if (bytes.starts_with(kUtf16LeBom)) return decode_utf16(bytes.substr(kUtf16LeBom.size()), false);
  if (bytes.starts_with(kUtf16BeBom)) return decode_utf16(bytes.substr(kUtf16BeBom.size()), true);

  const Utf8Stats stats = scan_utf8(bytes);
  if (stats.invalid_sequences == 0) return DecodedText{std::string(bytes), "UTF-8", 0};
  // Legacy 8-bit text almost never forms valid multi-byte UTF-8 by accident, so a file where such
  // sequences are at least as frequent as broken ones is damaged UTF-8, not another charset.
  if (stats.multibyte_sequences > 0 && stats.invalid_sequences <= stats.multibyte_sequences) {
    return decode_utf8_lenient(bytes);
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
    if (stats.multibyte_sequences > 0) return decode_utf8_lenient(bytes);
    encoding = "windows-1252";
  }
  DecodedText result;
  if (convert_with_icu(bytes, encoding, &result)) return result;
  return decode_utf8_lenient(bytes);
}

}  // namespace furet::detail
