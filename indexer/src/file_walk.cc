// Walking the given paths for article files.
#include "file_walk.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "article_reader.h"

namespace furet::detail {
namespace {

namespace fs = std::filesystem;


std::string errno_text(int error) { return std::strerror(error); }

std::int64_t mtime_ns(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

// Directory walks skip hidden entries (the index itself, VCS folders) and
// README files, which document a corpus rather than belong to it.
bool skipped_in_walk(const fs::path& name) {
  const std::string n = name.filename().string();
  return n.empty() || n[0] == '.' || n.rfind("README", 0) == 0;
}

// A news article is a few pages; a file this large is something else (a dump,
// a log) and would cost memory in proportion: it is named and left out.
constexpr std::uint64_t kMaxArticleBytes = 32 << 20;

void add_found(const fs::path& path, std::vector<FoundFile>& found, UpdateReport& report) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    report.skipped.push_back({path.string(), "cannot read: " + errno_text(errno)});
    return;
  }
  if (static_cast<std::uint64_t>(st.st_size) > kMaxArticleBytes) {
    report.skipped.push_back({path.string(), "larger than 32 MiB, not an article"});
    return;
  }
  found.push_back({path.string(), source_of(path), static_cast<std::uint64_t>(st.st_size),
                   mtime_ns(st)});
}

void walk(const fs::path& root, std::vector<FoundFile>& found, UpdateReport& report) {
  std::error_code ec;
  const fs::file_status status = fs::status(root, ec);
  if (ec || !fs::exists(status)) {
    const std::string reason = ec && ec != std::errc::no_such_file_or_directory
                                   ? ec.message()
                                   : "no such file or directory";
    report.skipped.push_back({root.string(), reason});
    return;
  }
  if (!fs::is_directory(status)) {
    if (is_article_file(root.string())) {
      add_found(root, found, report);
    } else {
      report.skipped.push_back({root.string(), "not a .txt, .md or .html file"});
    }
    return;
  }
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    report.skipped.push_back({root.string(), "cannot read directory: " + ec.message()});
    return;
  }
  for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
    if (ec) {
      report.skipped.push_back({it->path().string(), "cannot read: " + ec.message()});
      ec.clear();
      continue;
    }
    const fs::directory_entry& entry = *it;
    if (skipped_in_walk(entry.path())) {
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!is_article_file(entry.path().string())) continue;
    if (entry.is_regular_file(ec)) {
      add_found(entry.path(), found, report);
    } else if (ec) {  // a dangling link or a link loop: named, not silently lost
      report.skipped.push_back({entry.path().string(), "cannot read: " + ec.message()});
      ec.clear();
    }
  }
}

}  // namespace

std::string source_of(const std::string& path) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? fs::absolute(path).lexically_normal().string() : canonical.string();
}

std::vector<FoundFile> find_article_files(const std::vector<std::string>& roots,
                                          UpdateReport& report) {
  std::vector<FoundFile> found;
  for (const std::string& root : roots) walk(root, found, report);
  std::sort(found.begin(), found.end(),
            [](const FoundFile& a, const FoundFile& b) { return a.path < b.path; });
  // The same file reached twice (overlapping arguments) is indexed once.
  found.erase(std::unique(found.begin(), found.end(),
                          [](const FoundFile& a, const FoundFile& b) { return a.source == b.source; }),
              found.end());
  return found;
}

bool is_within(const std::string& source, const std::string& root) {
  return source == root ||
         (source.size() > root.size() && source.compare(0, root.size(), root) == 0 &&
          (root.back() == '/' || source[root.size()] == '/'));
}

std::string read_article_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw SkipReason{"cannot read: " + errno_text(errno)};
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) throw SkipReason{"cannot read: " + errno_text(errno)};
  return std::move(bytes).str();
}

}  // namespace furet::detail
