// Article document data: a tag byte, then length-prefixed fields and the
// passages' ranges as unsigned LEB128 varints.
#include "furet/analysis/article_data.h"

#include "furet/error.h"

namespace furet {
namespace {

// Tells this format from anything else a document might hold (older
// indexes stored JSON, which starts with '{', then 'A' records without metadata).
constexpr char kTag = 'B';

void put_varint(std::string& out, std::uint64_t n) {
  while (n >= 0x80) {
    out.push_back(static_cast<char>((n & 0x7F) | 0x80));
    n >>= 7;
  }
  out.push_back(static_cast<char>(n));
}

void put_string(std::string& out, std::string_view s) {
  put_varint(out, s.size());
  out.append(s);
}

[[noreturn]] void fail(const std::string& why) {
  throw IncompatibleIndex("article data is not in furet's format: " + why);
}

class Reader {
 public:
  explicit Reader(std::string_view data) : rest_(data) {}

  std::uint64_t varint() {
    std::uint64_t n = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
      if (rest_.empty()) fail("truncated number");
      const auto byte = static_cast<unsigned char>(rest_.front());
      rest_.remove_prefix(1);
      n |= std::uint64_t{byte & 0x7Fu} << shift;
      if (!(byte & 0x80)) return n;
    }
    fail("number too long");
  }

  std::uint32_t offset() {
    const std::uint64_t n = varint();
    if (n > UINT32_MAX) fail("offset out of range");
    return static_cast<std::uint32_t>(n);
  }

  std::string string() {
    const std::uint64_t size = varint();
    if (size > rest_.size()) fail("truncated text");
    std::string s(rest_.substr(0, size));
    rest_.remove_prefix(size);
    return s;
  }

  bool flag() {
    if (rest_.empty() || (rest_.front() != '0' && rest_.front() != '1')) fail("bad flag");
    const bool set = rest_.front() == '1';
    rest_.remove_prefix(1);
    return set;
  }

  bool done() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

}  // namespace

std::string_view ArticleData::passage(std::uint32_t ordinal) const {
  if (ordinal >= passages.size()) {
    throw IncompatibleIndex("article '" + path + "' has no passage " + std::to_string(ordinal));
  }
  const Range& r = passages[ordinal];
  return std::string_view(text).substr(r.begin, r.end - r.begin);
}

std::string ArticleData::encode() const {
  std::string out(1, kTag);
  out.reserve(text.size() + path.size() + title.size() + 4 * passages.size() + 16);
  put_string(out, path);
  put_string(out, title);
  put_string(out, text);
  put_varint(out, passages.size());
  std::uint32_t previous_end = 0;
  for (const Range& r : passages) {
    put_varint(out, r.begin - previous_end);  // ranges are in order and disjoint
    put_varint(out, r.end - r.begin);
    previous_end = r.end;
  }
  const Metadata& m = metadata;
  put_string(out, m.published);
  out.push_back(m.published_from_file ? '1' : '0');
  for (const std::string* field : {&m.author, &m.source, &m.url, &m.language}) {
    put_string(out, *field);
  }
  return out;
}

ArticleData ArticleData::decode(std::string_view data) {
  if (data.empty() || data.front() != kTag) fail("unknown tag");
  Reader in(data.substr(1));
  ArticleData a;
  a.path = in.string();
  a.title = in.string();
  a.text = in.string();
  const std::uint64_t count = in.varint();
  if (count > a.text.size() + 1) fail("more passages than text");
  a.passages.reserve(count);
  std::uint64_t previous_end = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::uint64_t begin = previous_end + in.offset();
    const std::uint64_t end = begin + in.offset();
    if (end > a.text.size()) fail("passage beyond the text");
    a.passages.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
    previous_end = end;
  }
  Metadata& m = a.metadata;
  m.published = in.string();
  m.published_from_file = in.flag();
  for (std::string* field : {&m.author, &m.source, &m.url, &m.language}) *field = in.string();
  if (!in.done()) fail("trailing bytes");
  return a;
}

}  // namespace furet
