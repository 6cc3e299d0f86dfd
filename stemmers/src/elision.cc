// Elision stripping, before folding, so byte offsets stay on the original text.
#include "elision.h"

#include <unicode/utf8.h>

#include <array>
#include <string>

#include "folding.h"

namespace furet::detail {
namespace {

// Lucene's French analyser strips the same set; "qu" and its compounds cover
// "qu’il", "lorsqu’on", "jusqu’à".
constexpr std::array<std::string_view, 13> kElidedForms = {
    "l", "m", "t", "n", "s", "j", "d", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};

}  // namespace

std::size_t elided_prefix_bytes(std::string_view word) {
  constexpr std::size_t kLongestForm = 6;  // "lorsqu"
  std::string head;
  for (std::size_t i = 0; i < word.size() && head.size() <= kLongestForm;) {
    UChar32 c;
    U8_NEXT(word.data(), i, word.size(), c);
    if (c >= 0 && is_apostrophe(static_cast<char32_t>(c))) {
      if (i >= word.size()) return 0;
      for (std::string_view form : kElidedForms) {
        if (head == form) return i;
      }
      return 0;
    }
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    if (c < 'a' || c > 'z') return 0;  // an elided form is plain letters
    head.push_back(static_cast<char>(c));
  }
  return 0;
}

}  // namespace furet::detail
