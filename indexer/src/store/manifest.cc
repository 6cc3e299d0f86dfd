// Manifest records: a compact, length-prefixed text encoding.
#include "store/manifest.h"

#include <xxhash.h>

#include <charconv>
#include <cstdio>
#include <set>

#include "furet/analysis/article_data.h"
#include "furet/analysis/schema.h"
#include "furet/error.h"

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

std::string big_endian_bytes(std::uint64_t value) {
  std::string bytes(8, '\0');
  for (auto byte = bytes.rbegin(); byte != bytes.rend(); ++byte, value >>= 8) {
    *byte = static_cast<char>(value & 0xFF);
  }
  return bytes;
}

std::string article_id(std::string_view source) {
  return big_endian_bytes(XXH64(source.data(), source.size(), 0));
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
      !read_number(in, r.passages) || !read_number(in, r.mtime_ns) || !read_string(in, r.source) ||
      !read_string(in, r.path) || !in.empty()) {
    return std::nullopt;
  }
  return r;
}

std::vector<std::string> manifest_problems(const Xapian::Database& db, const std::string& name) {
  std::vector<std::string> problems;
  const std::string manifest(schema::kManifestPrefix);
  const std::string article(schema::kArticlePrefix);
  std::set<std::string> listed;
  for (auto k = db.metadata_keys_begin(manifest); k != db.metadata_keys_end(manifest); ++k) {
    const std::string id = (*k).substr(manifest.size());
    listed.insert(id);
    const auto record = decode(db.get_metadata(*k));
    if (!record) {
      problems.push_back("'" + name + "': an article's manifest record is unreadable");
      continue;
    }
    const std::string who = "article '" + record->path + "'";
    const Xapian::doccount passages = db.get_termfreq(article + id);
    if (passages != record->passages) {
      problems.push_back(who + " has " + std::to_string(passages) +
                         " passages; the manifest says " + std::to_string(record->passages));
      continue;
    }
    for (auto p = db.postlist_begin(article + id); p != db.postlist_end(article + id); ++p) {
      const std::string data = db.get_document(*p).get_data();
      if (data.empty()) continue;  // only its first passage holds the article
      try {
        const ArticleData stored = ArticleData::decode(data);
        if (stored.path != record->source || stored.passages.size() != record->passages) {
          problems.push_back(who + ": its stored text does not match its manifest record");
        }
      } catch (const Error& e) {
        problems.push_back(who + ": " + e.what());
      }
      break;
    }
  }
  for (auto t = db.allterms_begin(article); t != db.allterms_end(article); ++t) {
    if (!listed.count((*t).substr(article.size()))) {
      problems.push_back("'" + name + "': passages of an article the manifest does not list");
    }
  }
  return problems;
}

std::uint64_t manifest_size(const Xapian::Database& db) {
  const std::string manifest(schema::kManifestPrefix);
  std::uint64_t count = 0;
  for (auto k = db.metadata_keys_begin(manifest); k != db.metadata_keys_end(manifest); ++k) ++count;
  return count;
}

}  // namespace furet::detail
