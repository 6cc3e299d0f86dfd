// Manifest records: a compact, length-prefixed text encoding.
#include "manifest.h"

#include <charconv>
#include <cstdio>

#include <xxhash.h>

namespace furet::detail {
namespace {

constexpr std::string_view kVersion = "1";

template <typename Int>
bool read_number(std::string_view& in, Int& value) {
  const auto [ptr, ec] = std::from_chars(in.data(), in.data() + in.size(), value);
  if (ec != std::errc() || ptr == in.data() + in.size() || *ptr != ' ') return false;
  in.remove_prefix(static_cast<std::size_t>(ptr - in.data()) + 1);
  return true;
}

bool read_string(std::string_view& in, std::string& value) {
  std::size_t length = 0;
  const auto [ptr, ec] = std::from_chars(in.data(), in.data() + in.size(), length);
  if (ec != std::errc() || ptr == in.data() + in.size() || *ptr != ':') return false;
  in.remove_prefix(static_cast<std::size_t>(ptr - in.data()) + 1);
  if (in.size() < length) return false;
  value.assign(in.substr(0, length));
  in.remove_prefix(length);
  return true;
}

}  // namespace

std::string article_id(std::string_view source) {
  std::uint64_t hash = XXH64(source.data(), source.size(), 0);
  std::string id(8, '\0');
  for (auto byte = id.rbegin(); byte != id.rend(); ++byte, hash >>= 8) {
    *byte = static_cast<char>(hash & 0xFF);
  }
  return id;
}

std::uint64_t content_hash(std::string_view bytes) {
  return XXH3_64bits(bytes.data(), bytes.size());
}

std::string encode(const FileRecord& r) {
  std::string out;
  out.reserve(64 + r.source.size() + r.path.size());
  out.append(kVersion).append(" ");
  for (std::uint64_t n : {r.size, r.content_hash, static_cast<std::uint64_t>(r.passages)}) {
    out.append(std::to_string(n)).append(" ");
  }
  out.append(std::to_string(r.mtime_ns)).append(" ");
  out.append(std::to_string(r.source.size())).append(":").append(r.source);
  out.append(std::to_string(r.path.size())).append(":").append(r.path);
  return out;
}

std::optional<FileRecord> decode(std::string_view in) {
  FileRecord r;
  if (in.substr(0, kVersion.size() + 1) != std::string(kVersion) + " ") return std::nullopt;
  in.remove_prefix(kVersion.size() + 1);
  if (!read_number(in, r.size) || !read_number(in, r.content_hash) ||
      !read_number(in, r.passages) || !read_number(in, r.mtime_ns) ||
      !read_string(in, r.source) || !read_string(in, r.path) || !in.empty()) {
    return std::nullopt;
  }
  return r;
}

}  // namespace furet::detail
