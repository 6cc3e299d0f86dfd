// The incremental, atomic update of a furet index.
#include "furet/indexer/index_writer.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <xapian.h>

#include "article_reader.h"
#include "furet/analysis/analyzer.h"
#include "furet/analysis/passage_data.h"
#include "furet/analysis/schema.h"
#include "furet/error.h"
#include "manifest.h"

namespace furet {
namespace {

namespace fs = std::filesystem;

// A file found by the walk, with what the manifest compares.
struct FoundFile {
  std::string path;    // as reached from the arguments
  std::string source;  // absolute and canonical: the identity across runs
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
};

std::string errno_text(int error) { return std::strerror(error); }

std::int64_t mtime_ns(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

std::string source_of(const fs::path& path) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? fs::absolute(path).lexically_normal().string() : canonical.string();
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
    if (detail::is_article_file(root.string())) {
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
    if (!detail::is_article_file(entry.path().string())) continue;
    if (entry.is_regular_file(ec)) {
      add_found(entry.path(), found, report);
    } else if (ec) {  // a dangling link or a link loop: named, not silently lost
      report.skipped.push_back({entry.path().string(), "cannot read: " + ec.message()});
      ec.clear();
    }
  }
}

bool within(const std::string& source, const std::vector<std::string>& roots) {
  for (const std::string& root : roots) {
    if (source == root ||
        (source.size() > root.size() && source.compare(0, root.size(), root) == 0 &&
         (root.back() == '/' || source[root.size()] == '/'))) {
      return true;
    }
  }
  return false;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw detail::SkipReason{"cannot read: " + errno_text(errno)};
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) throw detail::SkipReason{"cannot read: " + errno_text(errno)};
  return std::move(bytes).str();
}

// Xapian's text, led by what the user can act on when the disk is full.
std::string describe_write_error(const Xapian::Error& e) {
  const char* cause = e.get_error_string();
  const std::string reason = cause ? cause : "";
  if (reason == std::strerror(ENOSPC) || reason == std::strerror(EFBIG) ||
      reason == std::strerror(EDQUOT)) {
    return "the disk is full (" + reason + "): free some space and run again; " +
           e.get_description();
  }
  return e.get_description();
}

std::string manifest_key(const std::string& id) {
  return std::string(schema::kManifestPrefix) + id;
}

std::string article_term(const std::string& id) {
  return std::string(schema::kArticlePrefix) + id;
}

// Words worth suggesting as spelling corrections: folded, as written (not
// stemmed), neither stopwords nor codes nor numbers.
constexpr std::size_t kMinSpellingBytes = 3;

void count_spellings(const Analyzer& analyzer, std::string_view text,
                     const std::vector<Token>& tokens,
                     std::map<std::string, Xapian::termcount>& words) {
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kWord || t.stopword) continue;
    std::string word = analyzer.fold_word(text.substr(t.begin, t.end - t.begin));
    if (word.size() >= kMinSpellingBytes) ++words[std::move(word)];
  }
}

void add_terms(Xapian::Document& doc, const std::vector<Token>& tokens) {
  for (const Token& t : tokens) {
    doc.add_posting(t.term, t.position);
    if (!t.alt_term.empty()) doc.add_posting(t.alt_term, t.position);
  }
}

}  // namespace

struct IndexWriter::Impl {
  std::string dir;
  Xapian::WritableDatabase db;
  Analyzer analyzer;
  detail::ArticleReader reader;

  std::map<std::string, detail::FileRecord> load_manifest() const;
  void check_compatible() const;
  std::uint32_t write_article(const std::string& id, const std::string& path,
                              const detail::Article& article);
  void delete_article(const std::string& id);
};

IndexWriter::IndexWriter(const std::string& dir) : impl_(std::make_unique<Impl>()) {
  impl_->dir = dir;
  try {
    impl_->db = Xapian::WritableDatabase(dir, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexLocked("index '" + dir + "' is being updated by another process");
  } catch (const Xapian::Error& e) {
    throw IoError("cannot open index '" + dir + "': " + e.get_msg());
  }
}

IndexWriter::~IndexWriter() = default;

void IndexWriter::Impl::check_compatible() const {
  const std::string schema_version = db.get_metadata(std::string(schema::kSchemaKey));
  if (schema_version.empty() && db.get_doccount() == 0) return;  // a new index
  if (schema_version != schema::kSchemaVersion) {
    throw IncompatibleIndex("index '" + dir + "' has schema version '" + schema_version +
                            "', this build writes '" + std::string(schema::kSchemaVersion) +
                            "'; rebuild it with furet-index --rebuild");
  }
  const std::string config = db.get_metadata(std::string(schema::kAnalysisKey));
  if (config != analyzer.config_string()) {
    throw IncompatibleIndex("index '" + dir + "' was analysed with '" + config +
                            "', this build uses '" + analyzer.config_string() +
                            "'; rebuild it with furet-index --rebuild");
  }
}

std::map<std::string, detail::FileRecord> IndexWriter::Impl::load_manifest() const {
  std::map<std::string, detail::FileRecord> manifest;
  const std::string prefix(schema::kManifestPrefix);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    if (auto record = detail::decode(db.get_metadata(*it))) {
      manifest.emplace((*it).substr(prefix.size()), std::move(*record));
    }
  }
  return manifest;
}

// One Xapian document per passage: body terms with positions, the article's
// title terms, the article term that groups its passages, and the display data.
std::uint32_t IndexWriter::Impl::write_article(const std::string& id, const std::string& path,
                                               const detail::Article& article) {
  std::vector<Token> title_tokens = analyzer.analyze(article.title);
  std::map<std::string, Xapian::termcount> spellings;
  std::uint32_t ordinal = 0;
  for (const detail::PassageRange& range : article.passages) {
    PassageData data;
    data.path = path;
    data.title = article.title;
    data.text = article.text.substr(range.begin, range.end - range.begin);
    data.begin = range.begin;
    data.end = range.end;
    data.ordinal = ordinal++;

    Xapian::Document doc;
    const std::vector<Token> tokens = analyzer.analyze(data.text);
    add_terms(doc, tokens);
    count_spellings(analyzer, data.text, tokens, spellings);
    for (const Token& t : title_tokens) {
      if (t.stopword) continue;
      doc.add_term(std::string(schema::kTitlePrefix) + t.term);
      if (!t.alt_term.empty()) doc.add_term(std::string(schema::kTitlePrefix) + t.alt_term);
    }
    doc.add_boolean_term(article_term(id));
    doc.add_value(schema::kArticleIdSlot, id);
    doc.add_value(schema::kPassageOrdinalSlot, Xapian::sortable_serialise(data.ordinal));
    doc.set_data(data.encode());
    db.add_document(doc);
  }
  for (const auto& [word, count] : spellings) db.add_spelling(word, count);
  return ordinal;
}

// Removes an article's passages and the spelling counts they added.
void IndexWriter::Impl::delete_article(const std::string& id) {
  const std::string term = article_term(id);
  std::map<std::string, Xapian::termcount> spellings;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    const PassageData data = PassageData::decode(db.get_document(*it).get_data());
    count_spellings(analyzer, data.text, analyzer.analyze(data.text), spellings);
  }
  for (const auto& [word, count] : spellings) db.remove_spelling(word, count);
  db.delete_document(term);
}

UpdateReport IndexWriter::update(const std::vector<std::string>& paths,
                                 const UpdateOptions& options) {
  Impl& self = *impl_;
  UpdateReport report;
  if (!options.rebuild) self.check_compatible();

  std::vector<FoundFile> found;
  std::vector<std::string> roots;
  for (const std::string& p : paths) {
    walk(p, found, report);
    roots.push_back(source_of(p));
  }
  std::sort(found.begin(), found.end(),
            [](const FoundFile& a, const FoundFile& b) { return a.path < b.path; });
  // The same file reached twice (two overlapping arguments) is indexed once.
  found.erase(std::unique(found.begin(), found.end(),
                          [](const FoundFile& a, const FoundFile& b) { return a.source == b.source; }),
              found.end());

  IndexProgress progress;
  progress.files_total = found.size();
  for (const FoundFile& f : found) progress.bytes_total += f.size;

  try {
    self.db.begin_transaction();
    std::map<std::string, detail::FileRecord> manifest = self.load_manifest();
    std::set<std::string> seen;
    for (const FoundFile& file : found) {
      const std::string id = detail::article_id(file.source);
      seen.insert(id);
      const auto known = manifest.find(id);
      const bool indexed = known != manifest.end();
      if (indexed && !options.rebuild && known->second.size == file.size &&
          known->second.mtime_ns == file.mtime_ns) {
        ++report.unchanged;  // decided from metadata alone: the file is not read
      } else {
        detail::FileRecord record{file.source, file.path, file.size, file.mtime_ns, 0, 0};
        try {
          const std::string bytes = read_file(file.path);
          report.bytes_read += bytes.size();
          record.content_hash = detail::content_hash(bytes);
          if (indexed && !options.rebuild && known->second.content_hash == record.content_hash) {
            record.passages = known->second.passages;  // touched, not changed
            ++report.unchanged;
          } else {
            const detail::Article article = self.reader.read(file.path, bytes);
            for (const std::string& w : article.warnings) report.warnings.push_back({file.path, w});
            if (indexed) self.delete_article(id);
            record.passages = self.write_article(id, file.path, article);
            report.passages_written += record.passages;
            (indexed ? report.updated : report.added).push_back(file.path);
          }
          self.db.set_metadata(manifest_key(id), detail::encode(record));
        } catch (const detail::SkipReason& skip) {
          report.skipped.push_back({file.path, skip.reason});
          seen.erase(id);  // an article that is no longer readable leaves the index
        }
      }
      progress.files_done++;
      progress.bytes_done += file.size;
      if (options.on_progress) options.on_progress(progress);
    }
    for (const auto& [id, record] : manifest) {
      if (seen.count(id) || (!options.rebuild && !within(record.source, roots))) continue;
      self.delete_article(id);
      self.db.set_metadata(manifest_key(id), "");
      report.removed.push_back(record.path);
    }
    if (options.rebuild) {
      // Passages that no manifest entry accounts for (an index from an older
      // schema) go too: a rebuild leaves only what this run wrote.
      const std::string prefix(schema::kArticlePrefix);
      std::vector<std::string> orphans;
      for (auto t = self.db.allterms_begin(prefix); t != self.db.allterms_end(prefix); ++t) {
        if (!seen.count((*t).substr(prefix.size()))) orphans.push_back(*t);
      }
      for (const std::string& term : orphans) self.db.delete_document(term);
    }
    self.db.set_metadata(std::string(schema::kSchemaKey), std::string(schema::kSchemaVersion));
    self.db.set_metadata(std::string(schema::kAnalysisKey), self.analyzer.config_string());
    if (report.changed() || options.rebuild) {
      const auto now = std::chrono::system_clock::now().time_since_epoch();
      self.db.set_metadata(std::string(schema::kUpdatedKey),
                           std::to_string(std::chrono::duration_cast<std::chrono::seconds>(now).count()));
    }
    self.db.commit_transaction();
  } catch (const Xapian::Error& e) {
    try {
      self.db.cancel_transaction();
    } catch (const Xapian::Error&) {
      // The transaction may be gone with the error; the commit never happened.
    }
    throw IoError("cannot update index '" + self.dir + "': " + describe_write_error(e) +
                  "; the index is unchanged since its last update");
  }
  return report;
}

}  // namespace furet
