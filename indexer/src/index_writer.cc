// The incremental, atomic update of a furet index.
#include "furet/indexer/index_writer.h"

#include <fcntl.h>
#include <stdio.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

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
using SpellingDelta = std::unordered_map<std::string, std::int64_t>;

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

// Stopwords are left out of the index: they are in almost every passage, so they
// would be a third of its postings and positions for no ranking value; the
// positions of the words around them keep their gaps, for phrases.
void add_terms(Xapian::Document& doc, const std::vector<Token>& tokens) {
  for (const Token& t : tokens) {
    if (t.stopword) continue;
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

// Reads, analyses and writes articles. Not thread-safe: one per thread.
class ArticleIndexer {
 public:
  explicit ArticleIndexer(const Analyzer& analyzer) : analyzer_(analyzer) {}

  // Brings article `id` (`file`, indexed before as `old`, or null) up to date
  // in `shard`, and says so in `report`. False if the file holds no article.
  bool index_file(Shard& shard, const detail::FoundFile& file, const std::string& id,
                  const detail::FileRecord* old, bool rebuild, UpdateReport& report);
  void delete_article(Shard& shard, const std::string& id);

 private:
  std::uint32_t write_article(Shard& shard, const std::string& id, const std::string& path,
                              const detail::Article& article);

  Analyzer analyzer_;
  detail::ArticleReader reader_;
};

// A run of consecutive files of a first build, written by one thread into its
// own scratch database, and what writing it did.
struct Chunk {
  std::vector<const detail::FoundFile*> files;
  std::vector<const detail::FoundFile*> written;  // the files that held an article
  UpdateReport report;
  std::exception_ptr error;
};

struct IndexWriter::Impl {
  std::string dir;
  std::vector<Shard> shards;
  Analyzer analyzer;
  ArticleIndexer indexer{analyzer};

  // An article's record and the shard that holds it.
  struct Known {
    detail::FileRecord record;
    std::size_t shard;
  };

  std::map<std::string, Known> load_manifest() const;
  bool is_empty() const;
  void check_compatible(const Shard& shard) const;
  void remove_orphans(Xapian::WritableDatabase& db, const std::set<std::string>& seen);
  void write_run_metadata(Xapian::WritableDatabase& db, bool changed) const;
  void update_files(const std::vector<detail::FoundFile>& found,
                    const std::vector<std::string>& roots, const UpdateOptions& options,
                    UpdateReport& report);
  void update_in_transactions(const std::vector<detail::FoundFile>& found,
                              const std::vector<std::string>& roots, const UpdateOptions& options,
                              UpdateReport& report);
  void build_fresh(const std::vector<detail::FoundFile>& found, const UpdateOptions& options,
                   UpdateReport& report);
  std::vector<Chunk> build_shard(Shard& shard, const std::vector<const detail::FoundFile*>& files,
                                 std::size_t threads,
                                 const std::function<void(std::uint64_t)>& done);
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
std::uint32_t ArticleIndexer::write_article(Shard& shard, const std::string& id,
                                            const std::string& path,
                                            const detail::Article& article) {
  std::vector<Token> title_tokens = analyzer_.analyze(article.title);
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
    const std::vector<Token> tokens = analyzer_.analyze(data.text);
    add_terms(doc, tokens);
    count_spellings(analyzer_, data.text, tokens, +1, shard.spellings);
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
void ArticleIndexer::delete_article(Shard& shard, const std::string& id) {
  const std::string term = article_term(id);
  for (auto it = shard.db.postlist_begin(term); it != shard.db.postlist_end(term); ++it) {
    const PassageData data = PassageData::decode(shard.db.get_document(*it).get_data());
    count_spellings(analyzer_, data.text, analyzer_.analyze(data.text), -1, shard.spellings);
  }
  shard.db.delete_document(term);
}

bool ArticleIndexer::index_file(Shard& shard, const detail::FoundFile& file,
                                const std::string& id, const detail::FileRecord* old,
                                bool rebuild, UpdateReport& report) {
  if (old && !rebuild && old->size == file.size && old->mtime_ns == file.mtime_ns) {
    ++report.unchanged;  // decided from metadata alone: the file is not read
    return true;
  }
  detail::FileRecord record{file.source, file.path, file.size, file.mtime_ns, 0, 0};
  try {
    const std::string bytes = detail::read_article_bytes(file.path);
    report.bytes_read += bytes.size();
    record.content_hash = detail::content_hash(bytes);
    if (old && !rebuild && old->content_hash == record.content_hash) {
      record.passages = old->passages;  // touched, not changed
      ++report.unchanged;
    } else {
      const detail::Article article = reader_.read(file.path, bytes);
      for (const std::string& w : article.warnings) report.warnings.push_back({file.path, w});
      if (old) delete_article(shard, id);
      record.passages = write_article(shard, id, file.path, article);
      report.passages_written += record.passages;
      (old ? report.updated : report.added).push_back(file.path);
    }
    shard.db.set_metadata(manifest_key(id), detail::encode(record));
    return true;
  } catch (const detail::SkipReason& skip) {
    report.skipped.push_back({file.path, skip.reason});
    return false;
  }
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
    const detail::FileRecord* old = indexed ? &known->second.record : nullptr;
    Shard& shard = shards[indexed ? known->second.shard : detail::shard_of(id, shards.size())];
    // An article that is no longer readable leaves the index.
    if (indexer.index_file(shard, file, id, old, options.rebuild, report)) seen.insert(id);
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
    indexer.delete_article(shard, id);
    shard.db.set_metadata(manifest_key(id), "");
    report.removed.push_back(known.record.path);
  }

  for (Shard& shard : shards) {
    apply_spellings(shard.spellings, shard.db);
    shard.spellings.clear();
    if (options.rebuild) remove_orphans(shard.db, seen);
    write_run_metadata(shard.db, report.changed() || options.rebuild);
  }
}

void IndexWriter::Impl::write_run_metadata(Xapian::WritableDatabase& db, bool changed) const {
  db.set_metadata(std::string(schema::kSchemaKey), std::string(schema::kSchemaVersion));
  db.set_metadata(std::string(schema::kAnalysisKey), analyzer.config_string());
  if (changed) {
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::system_clock::now().time_since_epoch());
    db.set_metadata(std::string(schema::kUpdatedKey), std::to_string(now.count()));
  }
}

bool IndexWriter::Impl::is_empty() const {
  const std::string prefix(schema::kManifestPrefix);
  return std::all_of(shards.begin(), shards.end(), [&](const Shard& shard) {
    return shard.db.get_doccount() == 0 &&
           shard.db.metadata_keys_begin(prefix) == shard.db.metadata_keys_end(prefix);
  });
}

// A first build or a rebuild: every file is new, so nothing needs the old
// index, and the work spreads over threads (build_shard), shard after shard.
void IndexWriter::Impl::build_fresh(const std::vector<detail::FoundFile>& found,
                                    const UpdateOptions& options, UpdateReport& report) {
  std::vector<std::vector<const detail::FoundFile*>> per_shard(shards.size());
  IndexProgress progress;
  for (const detail::FoundFile& file : found) {
    if (options.defer.count(file.source)) continue;
    per_shard[detail::shard_of(detail::article_id(file.source), shards.size())].push_back(&file);
    progress.files_total++;
    progress.bytes_total += file.size;
  }
  std::mutex progress_mutex;
  const auto done = [&](std::uint64_t bytes) {
    const std::lock_guard<std::mutex> lock(progress_mutex);
    progress.files_done++;
    progress.bytes_done += bytes;
    if (options.on_progress) options.on_progress(progress);
  };
  const std::size_t threads =
      options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  // Reported as the one-transaction path reports a rebuild: articles indexed
  // before are updated, those not found again removed.
  const std::map<std::string, Known> manifest = load_manifest();
  std::set<std::string> seen;
  for (std::size_t s = 0; s < shards.size(); ++s) {
    std::vector<Chunk> chunks;
    const auto failed = [&](const std::string& why) {
      return IoError("cannot build index '" + dir + "': " + why +
                     (s == 0 ? "; the index is unchanged since its last update"
                             : "; " + std::to_string(s) + " of " + std::to_string(shards.size()) +
                                   " shards were rebuilt, run again with --rebuild to finish"));
    };
    try {
      chunks = build_shard(shards[s], per_shard[s], threads, done);
    } catch (const Xapian::Error& e) {
      throw failed(describe_write_error(e));
    } catch (const std::filesystem::filesystem_error& e) {
      throw failed(e.what());
    }
    for (Chunk& chunk : chunks) {
      for (const detail::FoundFile* file : chunk.written) {
        const std::string id = detail::article_id(file->source);
        seen.insert(id);
        (manifest.count(id) ? report.updated : report.added).push_back(file->path);
      }
      report.skipped.insert(report.skipped.end(), chunk.report.skipped.begin(),
                            chunk.report.skipped.end());
      report.warnings.insert(report.warnings.end(), chunk.report.warnings.begin(),
                             chunk.report.warnings.end());
      report.passages_written += chunk.report.passages_written;
      report.bytes_read += chunk.report.bytes_read;
    }
  }
  for (const auto& [id, known] : manifest) {
    if (!seen.count(id)) report.removed.push_back(known.record.path);
  }
}

namespace {

// `files` cut into at most `count` runs of consecutive files of about equal bytes.
std::vector<Chunk> chunks_of(const std::vector<const detail::FoundFile*>& files,
                             std::size_t count) {
  std::uint64_t total = 0;
  for (const detail::FoundFile* f : files) total += f->size;
  std::vector<Chunk> chunks(std::max<std::size_t>(1, std::min(count, files.size())));
  std::uint64_t before = 0;
  total = std::max<std::uint64_t>(total, 1);
  for (const detail::FoundFile* f : files) {
    const auto c = static_cast<std::size_t>(before * chunks.size() / total);
    chunks[std::min(c, chunks.size() - 1)].files.push_back(f);
    before += f->size;
  }
  return chunks;
}

// The scratch directory of a build of `dir`: its hidden sibling, on the same
// file system so the result can be renamed into place.
std::filesystem::path scratch_of(const std::string& dir) {
  std::filesystem::path path = std::filesystem::absolute(dir).lexically_normal();
  if (!path.has_filename()) path = path.parent_path();
  std::string name = path.filename().string();
  if (name.front() != '.') name.insert(0, ".");
  return path.parent_path() / (name + ".furet-build");
}

// Puts the database at `built` in place of the one at `live`, in one step for
// readers: they see the old index or the new one, never none.
void swap_into_place(const std::filesystem::path& built, const std::string& live) {
  if (::renameat2(AT_FDCWD, built.c_str(), AT_FDCWD, live.c_str(), RENAME_EXCHANGE) == 0) return;
  throw IoError("cannot move the new index into '" + live + "': " + std::strerror(errno));
}

}  // namespace

// Each thread writes chunks of consecutive files, each into its own scratch
// database, without a transaction or fsync; Xapian's compaction joins them in
// order, so documents get the ids a single writer would give them, and the
// result replaces the shard in one rename. A crash before that rename leaves
// the index as it was; the scratch directory goes at the next build.
std::vector<Chunk> IndexWriter::Impl::build_shard(
    Shard& shard, const std::vector<const detail::FoundFile*>& files, std::size_t threads,
    const std::function<void(std::uint64_t)>& done) {
  const std::filesystem::path scratch = scratch_of(shard.dir);
  std::filesystem::remove_all(scratch);
  std::filesystem::create_directories(scratch);
  // More chunks than threads: a thread that finishes early takes the next one.
  std::vector<Chunk> chunks = chunks_of(files, threads * 4);
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    ArticleIndexer indexer(analyzer);
    for (std::size_t c = next++; c < chunks.size(); c = next++) {
      Chunk& chunk = chunks[c];
      try {
        Shard part{(scratch / std::to_string(c)).string(), {}, {}};
        part.db = Xapian::WritableDatabase(part.dir, Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
        for (const detail::FoundFile* file : chunk.files) {
          if (indexer.index_file(part, *file, detail::article_id(file->source), nullptr, true,
                                 chunk.report)) {
            chunk.written.push_back(file);
          }
          done(file->size);
        }
        apply_spellings(part.spellings, part.db);
        write_run_metadata(part.db, true);
        part.db.close();
      } catch (...) {
        chunk.error = std::current_exception();
      }
    }
  };
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < std::min(threads, chunks.size()); ++t) helpers.emplace_back(work);
  work();
  for (std::thread& t : helpers) t.join();
  try {
    for (const Chunk& chunk : chunks) {
      if (chunk.error) std::rethrow_exception(chunk.error);
    }
    Xapian::Database parts;
    for (std::size_t c = 0; c < chunks.size(); ++c) {
      parts.add_database(Xapian::Database((scratch / std::to_string(c)).string()));
    }
    const std::filesystem::path built = scratch / "index";
    parts.compact(built.string(), Xapian::Compactor::FULL);
    parts.close();
    // The lock goes with the old database; the new one is opened, and locked, in its place.
    swap_into_place(built, shard.dir);
    shard.db.close();
    shard.db = Xapian::WritableDatabase(shard.dir, Xapian::DB_OPEN);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove_all(scratch, ignored);
    throw;
  }
  std::filesystem::remove_all(scratch);
  return chunks;
}

// Updates every shard in one transaction each: the path for changes to an
// existing index, and for a single thread.
void IndexWriter::Impl::update_in_transactions(const std::vector<detail::FoundFile>& found,
                                               const std::vector<std::string>& roots,
                                               const UpdateOptions& options,
                                               UpdateReport& report) {
  std::size_t committed = 0;
  try {
    for (Shard& shard : shards) {
      shard.spellings.clear();  // nothing left from a failed run
      shard.db.begin_transaction();
    }
    update_files(found, roots, options, report);
    // Each shard commits atomically; shards commit one after the other.
    for (; committed < shards.size(); ++committed) {
      shards[committed].db.commit_transaction();
    }
  } catch (const Xapian::Error& e) {
    for (std::size_t s = committed; s < shards.size(); ++s) {
      try {
        shards[s].db.cancel_transaction();
      } catch (const Xapian::Error&) {
        // The transaction may be gone with the error; its commit never happened.
      }
    }
    throw IoError("cannot update index '" + dir + "': " + describe_write_error(e) +
                  (committed == 0 ? "; the index is unchanged since its last update"
                                  : "; " + std::to_string(committed) + " of " +
                                        std::to_string(shards.size()) +
                                        " shards were updated, run again to finish"));
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

  if (options.threads != 1 && (options.rebuild || self.is_empty())) {
    self.build_fresh(found, options, report);
  } else {
    self.update_in_transactions(found, roots, options, report);
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace furet
