// libFuzzer target: arbitrary bytes as a stored article record, and as the
// fields of one, through ArticleData::decode and encode.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "furet/analysis/article_data.h"
#include "furet/error.h"
#include "fuzz_check.h"

namespace {

// Whatever an index holds, decode() either throws IncompatibleIndex or gives a
// record whose passages all lie within its text and which survives a round trip.
void check_stored(std::string_view bytes) {
  furet::ArticleData a;
  try {
    a = furet::ArticleData::decode(bytes);
  } catch (const furet::IncompatibleIndex&) {
    return;
  }
  for (std::uint32_t n = 0; n < a.passages.size(); ++n) {
    FUZZ_CHECK(a.passages[n].begin <= a.passages[n].end);
    FUZZ_CHECK(a.passages[n].end <= a.text.size());
    FUZZ_CHECK(n == 0 || a.passages[n - 1].end <= a.passages[n].begin);
    FUZZ_CHECK(a.passage(n).size() == a.passages[n].end - a.passages[n].begin);
  }
  FUZZ_CHECK(furet::ArticleData::decode(a.encode()) == a);
}

// Any path, title and text, with passages cut at each newline of the text,
// come back from encode() and decode() as they went in.
void check_round_trip(std::string_view bytes) {
  furet::ArticleData a;
  const std::size_t path_end = std::min(bytes.find('\n'), bytes.size());
  a.path = bytes.substr(0, path_end);
  bytes.remove_prefix(std::min(path_end + 1, bytes.size()));
  const std::size_t title_end = std::min(bytes.find('\n'), bytes.size());
  a.title = bytes.substr(0, title_end);
  a.text = bytes.substr(std::min(title_end + 1, bytes.size()));
  std::uint32_t begin = 0;
  for (std::uint32_t i = 0; i <= a.text.size(); ++i) {
    if (i < a.text.size() && a.text[i] != '\n') continue;
    if (i > begin) a.passages.push_back({begin, i});
    begin = i + 1;
  }
  FUZZ_CHECK(furet::ArticleData::decode(a.encode()) == a);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  check_stored(bytes);
  check_round_trip(bytes);
  return 0;
}
