// The incremental, atomic update of a furet index.
#include "furet/indexer/index_writer.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <xapian.h>

#include "article_reader.h"
#include "file_walk.h"
#include "furet/analysis/analyzer.h"
#include "furet/analysis/passage_data.h"
#include "furet/analysis/schema.h"
#include "furet/error.h"
#include "manifest.h"
#include "shards.h"

namespace furet {
namespace {

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

// Changes to a shard's spelling table, applied once at the end of a run:
// one update per distinct word instead of one per article.
using SpellingDelta = std::map<std::string, std::int64_t>;

void count_spellings(const Analyzer& analyzer, std::string_view text,
                     const std::vector<Token>& tokens, std::int64_t sign, SpellingDelta& words) {
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kWord || t.stopword) continue;
    std::string word = analyzer.fold_word(text.substr(t.begin, t.end - t.begin));
    if (word.size() >= kMinSpellingBytes) words[std::move(word)] += sign;
  }
}

void apply_spellings(const SpellingDelta& delta, Xapian::WritableDatabase& db) {
  for (const auto& [word, count] : delta) {
    if (count > 0) db.add_spelling(word, static_cast<Xapian::termcount>(count));
    if (count < 0) db.remove_spelling(word, static_cast<Xapian::termcount>(-count));
  }
}

void add_terms(Xapian::Document& doc, const std::vector<Token>& tokens) {
  for (const Token& t : tokens) {
    doc.add_posting(t.term, t.position);
    if (!t.alt_term.empty()) doc.add_posting(t.alt_term, t.position);
  }
}

}  // namespace

// One database of the index: the index itself, or one of its shards.
struct Shard {
  std::string dir;
  Xapian::WritableDatabase db;
  SpellingDelta spellings;  // of the run under way
};

struct IndexWriter::Impl {
  std::string dir;
  std::vector<Shard> shards;
  Analyzer analyzer;
  detail::ArticleReader reader;

  // An article's record and the shard that holds it.
  struct Known {
    detail::FileRecord record;
    std::size_t shard;
  };

  std::map<std::string, Known> load_manifest() const;
  void check_compatible(const Shard& shard) const;
  std::uint32_t write_article(Shard& shard, const std::string& id, const std::string& path,
                              const detail::Article& article);
  void delete_article(Shard& shard, const std::string& id);
  void remove_orphans(Xapian::WritableDatabase& db, const std::set<std::string>& seen);
  void update_files(const std::vector<detail::FoundFile>& found,
                    const std::vector<std::string>& roots, const UpdateOptions& options,
                    UpdateReport& report);
};

IndexWriter::IndexWriter(const std::string& dir, std::size_t shards)
    : impl_(std::make_unique<Impl>()) {
  impl_->dir = dir;
  try {
    for (const std::string& shard_dir : detail::prepare_shards(dir, shards)) {
      impl_->shards.push_back(
          {shard_dir, Xapian::WritableDatabase(shard_dir, Xapian::DB_CREATE_OR_OPEN), {}});
    }
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexLocked("index '" + dir + "' is being updated by another process");
  } catch (const Xapian::Error& e) {
    throw IoError("cannot open index '" + dir + "': " + e.get_msg());
  }
}

IndexWriter::~IndexWriter() = default;

std::size_t IndexWriter::shard_count() const { return impl_->shards.size(); }

void IndexWriter::Impl::check_compatible(const Shard& shard) const {
  const Xapian::WritableDatabase& db = shard.db;
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

std::map<std::string, IndexWriter::Impl::Known> IndexWriter::Impl::load_manifest() const {
  std::map<std::string, Known> manifest;
  const std::string prefix(schema::kManifestPrefix);
  for (std::size_t s = 0; s < shards.size(); ++s) {
    const Xapian::WritableDatabase& db = shards[s].db;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
      if (auto record = detail::decode(db.get_metadata(*it))) {
        manifest.emplace((*it).substr(prefix.size()), Known{std::move(*record), s});
      }
    }
  }
  return manifest;
}

// One Xapian document per passage: body terms with positions, the article's
// title terms, the article term that groups its passages, and the display data.
std::uint32_t IndexWriter::Impl::write_article(Shard& shard, const std::string& id,
                                               const std::string& path,
                                               const detail::Article& article) {
  std::vector<Token> title_tokens = analyzer.analyze(article.title);
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
    count_spellings(analyzer, data.text, tokens, +1, shard.spellings);
    for (const Token& t : title_tokens) {
      if (t.stopword) continue;
      doc.add_term(std::string(schema::kTitlePrefix) + t.term);
      if (!t.alt_term.empty()) doc.add_term(std::string(schema::kTitlePrefix) + t.alt_term);
    }
    doc.add_boolean_term(article_term(id));
    doc.add_value(schema::kArticleIdSlot, id);
    doc.add_value(schema::kPassageOrdinalSlot, Xapian::sortable_serialise(data.ordinal));
    doc.set_data(data.encode());
    shard.db.add_document(doc);
  }
  return ordinal;
}

// Removes an article's passages and the spelling counts they added.
void IndexWriter::Impl::delete_article(Shard& shard, const std::string& id) {
  const std::string term = article_term(id);
  for (auto it = shard.db.postlist_begin(term); it != shard.db.postlist_end(term); ++it) {
    const PassageData data = PassageData::decode(shard.db.get_document(*it).get_data());
    count_spellings(analyzer, data.text, analyzer.analyze(data.text), -1, shard.spellings);
  }
  shard.db.delete_document(term);
}

// Passages that no manifest entry accounts for (an index from an older schema)
// go too: a rebuild leaves only what its run wrote.
void IndexWriter::Impl::remove_orphans(Xapian::WritableDatabase& db,
                                       const std::set<std::string>& seen) {
  const std::string prefix(schema::kArticlePrefix);
  std::vector<std::string> orphans;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    if (!seen.count((*t).substr(prefix.size()))) orphans.push_back(*t);
  }
  for (const std::string& term : orphans) db.delete_document(term);
}

// The body of an update, inside the shards' transactions.
void IndexWriter::Impl::update_files(const std::vector<detail::FoundFile>& found,
                                     const std::vector<std::string>& roots,
                                     const UpdateOptions& options, UpdateReport& report) {
  IndexProgress progress;
  progress.files_total = found.size();
  for (const detail::FoundFile& f : found) progress.bytes_total += f.size;

  const std::map<std::string, Known> manifest = load_manifest();
  std::set<std::string> seen;
  for (const detail::FoundFile& file : found) {
    const std::string id = detail::article_id(file.source);
    const auto known = manifest.find(id);
    const bool indexed = known != manifest.end();
    if (options.defer.count(file.source)) {
      if (indexed) seen.insert(id);  // kept as it was, neither read nor removed
      continue;
    }
    seen.insert(id);
    const detail::FileRecord* old = indexed ? &known->second.record : nullptr;
    Shard& shard = shards[indexed ? known->second.shard : detail::shard_of(id, shards.size())];
    if (old && !options.rebuild && old->size == file.size && old->mtime_ns == file.mtime_ns) {
      ++report.unchanged;  // decided from metadata alone: the file is not read
    } else {
      detail::FileRecord record{file.source, file.path, file.size, file.mtime_ns, 0, 0};
      try {
        const std::string bytes = detail::read_article_bytes(file.path);
        report.bytes_read += bytes.size();
        record.content_hash = detail::content_hash(bytes);
        if (old && !options.rebuild && old->content_hash == record.content_hash) {
          record.passages = old->passages;  // touched, not changed
          ++report.unchanged;
        } else {
          const detail::Article article = reader.read(file.path, bytes);
          for (const std::string& w : article.warnings) report.warnings.push_back({file.path, w});
          if (indexed) delete_article(shard, id);
          record.passages = write_article(shard, id, file.path, article);
          report.passages_written += record.passages;
          (indexed ? report.updated : report.added).push_back(file.path);
        }
        shard.db.set_metadata(manifest_key(id), detail::encode(record));
      } catch (const detail::SkipReason& skip) {
        report.skipped.push_back({file.path, skip.reason});
        seen.erase(id);  // an article that is no longer readable leaves the index
      }
    }
    progress.files_done++;
    progress.bytes_done += file.size;
    if (options.on_progress) options.on_progress(progress);
  }

  for (const auto& [id, known] : manifest) {
    const std::string& source = known.record.source;  // lambdas cannot capture bindings (C++17)
    const bool in_scope = options.rebuild || std::any_of(roots.begin(), roots.end(), [&](auto& r) {
                            return detail::is_within(source, r);
                          });
    if (seen.count(id) || !in_scope) continue;
    Shard& shard = shards[known.shard];
    delete_article(shard, id);
    shard.db.set_metadata(manifest_key(id), "");
    report.removed.push_back(known.record.path);
  }

  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::system_clock::now().time_since_epoch());
  for (Shard& shard : shards) {
    apply_spellings(shard.spellings, shard.db);
    shard.spellings.clear();
    if (options.rebuild) remove_orphans(shard.db, seen);
    shard.db.set_metadata(std::string(schema::kSchemaKey), std::string(schema::kSchemaVersion));
    shard.db.set_metadata(std::string(schema::kAnalysisKey), analyzer.config_string());
    if (report.changed() || options.rebuild) {
      shard.db.set_metadata(std::string(schema::kUpdatedKey), std::to_string(now.count()));
    }
  }
}

UpdateReport IndexWriter::update(const std::vector<std::string>& paths,
                                 const UpdateOptions& options) {
  Impl& self = *impl_;
  const auto start = std::chrono::steady_clock::now();
  UpdateReport report;
  if (!options.rebuild) {
    for (const Shard& shard : self.shards) self.check_compatible(shard);
  }
  const std::vector<detail::FoundFile> found = detail::find_article_files(paths, report);
  std::vector<std::string> roots;
  for (const std::string& p : paths) roots.push_back(detail::source_of(p));

  std::size_t committed = 0;
  try {
    for (Shard& shard : self.shards) {
      shard.spellings.clear();  // nothing left from a failed run
      shard.db.begin_transaction();
    }
    self.update_files(found, roots, options, report);
    // Each shard commits atomically; shards commit one after the other.
    for (; committed < self.shards.size(); ++committed) {
      self.shards[committed].db.commit_transaction();
    }
  } catch (const Xapian::Error& e) {
    for (std::size_t s = committed; s < self.shards.size(); ++s) {
      try {
        self.shards[s].db.cancel_transaction();
      } catch (const Xapian::Error&) {
        // The transaction may be gone with the error; its commit never happened.
      }
    }
    throw IoError("cannot update index '" + self.dir + "': " + describe_write_error(e) +
                  (committed == 0 ? "; the index is unchanged since its last update"
                                  : "; " + std::to_string(committed) + " of " +
                                        std::to_string(self.shards.size()) +
                                        " shards were updated, run again to finish"));
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace furet
