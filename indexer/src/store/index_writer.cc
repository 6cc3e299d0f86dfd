// The incremental, atomic update of a furet index.
#include "furet/indexer/index_writer.h"

#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "files/file_walk.h"
#include "furet/analysis/analyzer.h"
#include "furet/analysis/schema.h"
#include "furet/error.h"
#include "store/article_indexer.h"
#include "store/fresh_build.h"
#include "store/index_folder.h"
#include "store/manifest.h"
#include "store/site_templates.h"

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

// What a failed update leaves behind: nothing, or its first `done` of `total` shards.
std::string left_behind(std::size_t done, std::size_t total) {
  if (done == 0) return "; the index is unchanged since its last update";
  return "; " + std::to_string(done) + " of " + std::to_string(total) +
         " shards were updated, run again to finish";
}

std::string in_quotes(const std::string& s) { return "'" + s + "'"; }

// Damage found on opening the index, which a rebuild from the articles mends.
IoError damaged(const std::string& index, const std::string& why) {
  return IoError(
      "index " + in_quotes(index) + " is damaged: " + why + "; rebuild it from its articles",
      Error::Remedy::kRebuild, index);
}

// Xapian's sign of a damaged database rather than of a failing disk: an error
// that no system call reported (a corrupt structure, a value out of range,
// a document the postings name but the tables lack).
bool is_damage(const Xapian::Error& e) {
  return !e.get_error_string() && std::string_view(e.get_type()) != "DatabaseLockError";
}

// A database of the current generation, open for writing. The writer holds
// the folder's lock, so Xapian's own lock on it can only be held by a writer
// still dying (its lock goes with its last file) or by a program that does
// not use furet: the first is waited for, the second named.
Xapian::WritableDatabase open_database(const std::string& dir, const std::string& index) {
  constexpr auto kWait = std::chrono::seconds(10);
  const auto deadline = std::chrono::steady_clock::now() + kWait;
  for (;;) {
    try {
      return Xapian::WritableDatabase(dir, Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError& e) {
      if (std::chrono::steady_clock::now() > deadline) {
        throw IndexLocked("index " + in_quotes(index) + ": its database " + in_quotes(dir) +
                          " is locked by a program other than furet (" + e.get_msg() + ")");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    } catch (const Xapian::Error& e) {
      if (!is_damage(e)) {  // out of file descriptors, say: the index may well be sound
        throw IoError("cannot open index " + in_quotes(index) + ": " + e.get_description());
      }
      throw damaged(index, e.get_msg());
    }
  }
}

// Xapian takes a missing table for an empty one; in a database with passages
// each of these has content, so a missing one is damage, not emptiness.
void check_tables(const std::string& dir, const Xapian::Database& db, const std::string& index) {
  if (db.get_doccount() == 0) return;
  for (const char* table :
       {"postlist.glass", "termlist.glass", "position.glass", "docdata.glass"}) {
    if (!std::filesystem::exists(dir + "/" + table)) {
      throw damaged(index, "its database " + in_quotes(dir) + " has lost " + table);
    }
  }
}

}  // namespace

using detail::ArticleIndexer;
using detail::Shard;

struct IndexWriter::Impl {
  Impl(const std::string& dir, std::size_t requested) : folder(dir), requested_shards(requested) {}

  detail::IndexFolder folder;
  std::size_t requested_shards;  // 0: the index's own count
  std::vector<Shard> shards;     // the current generation's databases, once opened
  Analyzer analyzer;
  ArticleIndexer indexer{analyzer};

  // An article's record and the shard that holds it.
  struct Known {
    detail::FileRecord record;
    std::size_t shard;
  };
  using Manifest = std::map<std::string, Known>;

  std::size_t current_shard_count() const;
  Xapian::Database all_shards() const;
  void open_current();
  void check_compatible(const Shard& shard) const;
  static Manifest read_manifest(const std::vector<const Xapian::Database*>& dbs);
  Manifest shards_manifest() const;
  Manifest previous_manifest() const;
  std::set<std::string> update_files(const detail::WalkResult& walk,
                                     const std::vector<std::string>& roots,
                                     const UpdateOptions& options, UpdateReport& report);
  std::set<std::string> update_in_transactions(const detail::WalkResult& walk,
                                               const std::vector<std::string>& roots,
                                               const UpdateOptions& options, UpdateReport& report);
  std::set<std::string> build_fresh(const detail::Generation& generation,
                                    const std::vector<detail::FoundFile>& found,
                                    const UpdateOptions& options, UpdateReport& report);
  void settle_templates(const std::set<std::string>* sites,
                        const std::vector<detail::FoundFile>& files,
                        const std::set<std::string>& defer, UpdateReport& report);
  void build_generation(std::size_t shard_count, const detail::WalkResult& walk,
                        const std::vector<std::string>& roots, const UpdateOptions& options,
                        UpdateReport& report);
};

IndexWriter::IndexWriter(const std::string& dir, std::size_t shards) {
  try {
    impl_ = std::make_unique<Impl>(dir, shards);
  } catch (const std::filesystem::filesystem_error& e) {
    throw IoError("cannot open index " + in_quotes(dir) + ": " + e.code().message());
  }
}

IndexWriter::~IndexWriter() = default;

std::size_t IndexWriter::Impl::current_shard_count() const {
  if (folder.current()) return folder.current()->shard_dirs.size();
  if (folder.is_older_layout()) return folder.content().older_databases.size();
  return std::max<std::size_t>(requested_shards, 1);
}

std::size_t IndexWriter::shard_count() const { return impl_->current_shard_count(); }

// The open shards as one database, as the run has changed them so far.
Xapian::Database IndexWriter::Impl::all_shards() const {
  Xapian::Database all;
  for (const Shard& shard : shards) all.add_database(shard.db);
  return all;
}

void IndexWriter::Impl::open_current() {
  if (!shards.empty()) return;
  for (const std::string& dir : folder.current()->shard_dirs) {
    Xapian::WritableDatabase db = open_database(dir, folder.name());
    check_tables(dir, db, folder.name());
    shards.push_back({dir, std::move(db), {}});
  }
}

void IndexWriter::Impl::check_compatible(const Shard& shard) const {
  const Xapian::WritableDatabase& db = shard.db;
  const std::string schema_version = db.get_metadata(std::string(schema::kSchemaKey));
  if (schema_version.empty() && db.get_doccount() == 0) return;  // a new index
  const std::string why = schema::incompatibility(
      folder.name(), schema_version, db.get_metadata(std::string(schema::kAnalysisKey)),
      analyzer.config_string());
  if (!why.empty()) throw IncompatibleIndex(why, Error::Remedy::kRebuild, folder.name());
}

IndexWriter::Impl::Manifest IndexWriter::Impl::read_manifest(
    const std::vector<const Xapian::Database*>& dbs) {
  Manifest manifest;
  const std::string prefix(schema::kManifestPrefix);
  for (std::size_t s = 0; s < dbs.size(); ++s) {
    const Xapian::Database& db = *dbs[s];
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
      if (auto record = detail::decode(db.get_metadata(*it))) {
        manifest.emplace((*it).substr(prefix.size()), Known{std::move(*record), s});
      }
    }
  }
  return manifest;
}

// What the open shards hold, as the run has changed them so far.
IndexWriter::Impl::Manifest IndexWriter::Impl::shards_manifest() const {
  std::vector<const Xapian::Database*> dbs;
  for (const Shard& shard : shards) dbs.push_back(&shard.db);
  return read_manifest(dbs);
}

// What the index about to be replaced held, to report a rebuild against it.
// A damaged index holds nothing that can be read: the rebuild goes on.
IndexWriter::Impl::Manifest IndexWriter::Impl::previous_manifest() const {
  try {
    std::vector<std::string> dirs;
    if (folder.current()) dirs = folder.current()->shard_dirs;
    if (folder.is_older_layout()) dirs = folder.content().older_databases;
    std::vector<Xapian::Database> dbs(dirs.begin(), dirs.end());
    std::vector<const Xapian::Database*> pointers;
    for (const Xapian::Database& db : dbs) pointers.push_back(&db);
    return read_manifest(pointers);
  } catch (const Xapian::Error&) {
    return {};
  }
}

// The body of an update, inside the shards' transactions. Returns the ids of
// the articles the index holds afterwards among the files found.
std::set<std::string> IndexWriter::Impl::update_files(const detail::WalkResult& walk,
                                                      const std::vector<std::string>& roots,
                                                      const UpdateOptions& options,
                                                      UpdateReport& report) {
  IndexProgress progress;
  progress.files_total = walk.files.size();
  for (const detail::FoundFile& f : walk.files) progress.bytes_total += f.size;

  const Manifest manifest = shards_manifest();
  // Sites span shards: their templates are counted on all of them.
  const Xapian::Database all = all_shards();
  std::optional<detail::LearningTemplates> learning(std::in_place, indexer, all);
  indexer.take_touched_sites();
  std::set<std::string> seen;
  for (const detail::FoundFile& file : walk.files) {
    const std::string id = detail::article_id(file.source);
    const auto known = manifest.find(id);
    const bool indexed = known != manifest.end();
    if (options.defer.count(file.source)) {
      if (indexed) seen.insert(id);  // kept as it was, neither read nor removed
      continue;
    }
    const detail::FileRecord* old = indexed ? &known->second.record : nullptr;
    Shard& shard = shards[indexed ? known->second.shard : detail::shard_of(id, shards.size())];
    if (indexer.index_file(shard, file, id, old, false, report)) seen.insert(id);
    progress.files_done++;
    progress.bytes_done += file.size;
    if (options.on_progress) options.on_progress(progress);
  }

  // A file is gone only if a folder that was read completely lacks it.
  const auto any_holds = [](const std::vector<std::string>& folders, const std::string& source) {
    return std::any_of(folders.begin(), folders.end(),
                       [&](const std::string& f) { return detail::is_within(source, f); });
  };
  for (const auto& [id, known] : manifest) {
    const std::string& source = known.record.source;
    if (seen.count(id) || !any_holds(roots, source) || any_holds(walk.unread, source)) continue;
    Shard& shard = shards[known.shard];
    indexer.delete_article(shard, id);
    shard.db.set_metadata(detail::manifest_key(id), "");
    report.removed.push_back(known.record.path);
  }
  learning.reset();
  const std::set<std::string> touched = indexer.take_touched_sites();
  settle_templates(&touched, walk.files, options.defer, report);

  for (Shard& shard : shards) {
    detail::apply_spellings(shard.spellings, shard.db);
    shard.spellings.clear();
    detail::write_run_metadata(shard.db, analyzer.config_string(), report.changed());
  }
  return seen;
}

// Re-reads the articles of `sites` (all if null) that their site's template,
// as the index now counts it, would read otherwise. Only this run's `files`
// are read: an article outside the paths given, or one that cannot be read
// again, stays as it was until a run that reads it changes its site again.
void IndexWriter::Impl::settle_templates(const std::set<std::string>* sites,
                                         const std::vector<detail::FoundFile>& files,
                                         const std::set<std::string>& defer, UpdateReport& report) {
  const Xapian::Database all = all_shards();
  detail::TemplateDecisions decided;
  const std::vector<detail::StaleArticle> stale =
      detail::find_stale_articles(all, shards.size(), sites, decided);
  if (stale.empty()) return;
  const Manifest manifest = shards_manifest();
  std::map<std::string, const detail::FoundFile*> found;
  for (const detail::FoundFile& file : files) {
    if (!defer.count(file.source)) found.emplace(detail::article_id(file.source), &file);
  }
  UpdateReport rereading;
  {
    const detail::LearningTemplates learning(indexer, all, &decided);
    for (const detail::StaleArticle& article : stale) {
      const auto known = manifest.find(article.id);
      const auto in_run = found.find(article.id);
      if (known == manifest.end() || in_run == found.end()) continue;
      indexer.index_file(shards[article.shard], *in_run->second, article.id, &known->second.record,
                         true, rereading);
    }
  }
  indexer.take_touched_sites();  // re-reading moved no line across the threshold
  std::set<std::string> listed(report.added.begin(), report.added.end());
  listed.insert(report.updated.begin(), report.updated.end());
  for (const std::string& path : rereading.updated) {
    if (listed.count(path)) continue;
    report.updated.push_back(path);
    if (report.unchanged > 0) --report.unchanged;  // as this run had counted it
  }
  for (const FileNote& note : rereading.skipped) {
    report.warnings.push_back({note.path,
                               "kept as indexed before: its site's template changed, "
                               "but it could not be read again (" +
                                   note.reason + ")"});
  }
  report.passages_written += rereading.passages_written;
  report.bytes_read += rereading.bytes_read;
}

// Updates every shard in one transaction each.
std::set<std::string> IndexWriter::Impl::update_in_transactions(
    const detail::WalkResult& walk, const std::vector<std::string>& roots,
    const UpdateOptions& options, UpdateReport& report) {
  std::size_t committed = 0;
  try {
    for (Shard& shard : shards) {
      shard.spellings.clear();  // nothing left from a failed run
      shard.db.begin_transaction();
    }
    std::set<std::string> seen = update_files(walk, roots, options, report);
    // Each shard commits atomically; shards commit one after the other.
    for (; committed < shards.size(); ++committed) {
      shards[committed].db.commit_transaction();
    }
    return seen;
  } catch (const Xapian::Error& e) {
    for (std::size_t s = committed; s < shards.size(); ++s) {
      try {
        shards[s].db.cancel_transaction();
      } catch (const Xapian::Error&) {
        // The transaction may be gone with the error; its commit never happened.
      }
    }
    const std::string why = describe_write_error(e) + left_behind(committed, shards.size());
    shards.clear();  // reopened, as committed, by the next update
    if (is_damage(e)) {
      throw IoError("index " + in_quotes(folder.name()) + " is damaged: " + why +
                        "; check it, then rebuild it from its articles",
                    Error::Remedy::kCheck, folder.name());
    }
    throw IoError("cannot update index " + in_quotes(folder.name()) + ": " + why);
  } catch (...) {
    // Not Xapian's failure (a progress callback's exception, say): the shards
    // not yet committed drop this run, so that the next one starts clean
    // rather than in a transaction still open.
    for (std::size_t s = committed; s < shards.size(); ++s) {
      try {
        shards[s].db.cancel_transaction();
      } catch (const Xapian::Error&) {
        // Reopened, as committed, by the next update all the same.
      }
    }
    shards.clear();
    throw;
  }
}

// A first build or a rebuild on several threads: each shard of the new
// generation is written by build_fresh_database, one after the other.
std::set<std::string> IndexWriter::Impl::build_fresh(const detail::Generation& generation,
                                                     const std::vector<detail::FoundFile>& found,
                                                     const UpdateOptions& options,
                                                     UpdateReport& report) {
  const std::size_t count = generation.shard_dirs.size();
  std::vector<std::vector<const detail::FoundFile*>> per_shard(count);
  IndexProgress progress;
  for (const detail::FoundFile& file : found) {
    if (options.defer.count(file.source)) continue;
    per_shard[detail::shard_of(detail::article_id(file.source), count)].push_back(&file);
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
  std::set<std::string> written;
  for (std::size_t s = 0; s < count; ++s) {
    const std::string scratch = generation.dir + "/scratch-" + std::to_string(s);
    for (const detail::FileRun& run : detail::build_fresh_database(
             generation.shard_dirs[s], scratch, per_shard[s], analyzer, threads, done)) {
      for (const detail::FoundFile* file : run.written) {
        written.insert(detail::article_id(file->source));
        report.added.push_back(file->path);
      }
      report.skipped.insert(report.skipped.end(), run.report.skipped.begin(),
                            run.report.skipped.end());
      report.warnings.insert(report.warnings.end(), run.report.warnings.begin(),
                             run.report.warnings.end());
      report.passages_written += run.report.passages_written;
      report.bytes_read += run.report.bytes_read;
    }
  }
  return written;
}

// A first build or a rebuild writes a new generation and publishes it in one
// rename: readers see the old index or the new one. It is reported against
// the index it replaces: articles held before are updated, the others added,
// those not written again removed.
void IndexWriter::Impl::build_generation(std::size_t shard_count, const detail::WalkResult& walk,
                                         const std::vector<std::string>& roots,
                                         const UpdateOptions& options, UpdateReport& report) {
  const Manifest before = previous_manifest();
  shards.clear();  // the databases about to be replaced, and their locks
  const detail::Generation generation = folder.begin_generation(shard_count);
  std::set<std::string> written;
  try {
    if (options.threads == 1) {
      for (const std::string& dir : generation.shard_dirs) {
        shards.push_back({dir, Xapian::WritableDatabase(dir, Xapian::DB_CREATE), {}});
      }
      written = update_in_transactions(walk, roots, options, report);
    } else {
      written = build_fresh(generation, walk.files, options, report);
      // The threads wrote the articles whole, each seeing only its own: the
      // sites' templates are decided on the whole generation.
      for (const std::string& dir : generation.shard_dirs) {
        shards.push_back({dir, Xapian::WritableDatabase(dir, Xapian::DB_OPEN), {}});
      }
      settle_templates(nullptr, walk.files, options.defer, report);
      for (Shard& shard : shards) {
        detail::apply_spellings(shard.spellings, shard.db);
        shard.db.commit();
      }
      shards.clear();
    }
    // What could not be read this time would be missing from the new index.
    if (!before.empty()) {
      for (const FileNote& note : report.skipped) {
        if (note.kept) {
          throw IoError("cannot rebuild index " + in_quotes(folder.name()) + ": " +
                        in_quotes(note.path) + " could not be read (" + note.reason +
                        "); the index is unchanged since its last update: run again");
        }
      }
      if (!walk.unread.empty()) {
        throw IoError("cannot rebuild index " + in_quotes(folder.name()) + ": the folder " +
                      in_quotes(walk.unread.front()) +
                      " could not be read completely; the index is unchanged since its last "
                      "update: run again");
      }
    }
    folder.publish(generation);
  } catch (const Xapian::Error& e) {
    shards.clear();
    folder.discard(generation);
    throw IoError("cannot build index " + in_quotes(folder.name()) + ": " +
                  describe_write_error(e) + "; the index is unchanged since its last update");
  } catch (const std::filesystem::filesystem_error& e) {
    shards.clear();
    folder.discard(generation);
    throw IoError("cannot build index " + in_quotes(folder.name()) + ": " + e.what() +
                  "; the index is unchanged since its last update");
  } catch (...) {
    shards.clear();
    folder.discard(generation);
    throw;
  }
  report.added.clear();
  report.updated.clear();
  for (const detail::FoundFile& file : walk.files) {
    const std::string id = detail::article_id(file.source);
    if (written.count(id)) (before.count(id) ? report.updated : report.added).push_back(file.path);
  }
  for (const auto& [id, known] : before) {
    if (!written.count(id)) report.removed.push_back(known.record.path);
  }
}

UpdateReport IndexWriter::update(const std::vector<std::string>& paths,
                                 const UpdateOptions& options) {
  Impl& self = *impl_;
  const auto start = std::chrono::steady_clock::now();
  UpdateReport report;
  const std::string& name = self.folder.name();
  const bool fresh = options.rebuild || !self.folder.current();
  if (self.folder.is_older_layout() && !options.rebuild) {
    throw IncompatibleIndex("index " + in_quotes(name) +
                                " was written by an older furet, whose layout this version "
                                "searches but does not update; rebuild it from its articles",
                            Error::Remedy::kRebuild, name);
  }
  const std::size_t shards = self.current_shard_count();
  if (!fresh && self.requested_shards > 0 && self.requested_shards != shards) {
    throw InvalidArgument("index " + in_quotes(name) + " has " + std::to_string(shards) +
                              " shards, not " + std::to_string(self.requested_shards) +
                              "; to spread it anew, rebuild it from its articles",
                          Error::Remedy::kRebuild, name);
  }
  const detail::WalkResult walk = detail::find_article_files(paths, {options.follow_links}, report);
  std::vector<std::string> roots;
  for (const std::string& p : paths) roots.push_back(detail::source_of(p));

  if (fresh) {
    self.build_generation(self.requested_shards > 0 ? self.requested_shards : shards, walk, roots,
                          options, report);
  } else {
    try {
      self.open_current();
      for (const Shard& shard : self.shards) self.check_compatible(shard);
    } catch (const Xapian::Error& e) {
      self.shards.clear();
      throw damaged(name, e.get_description());
    } catch (...) {
      self.shards.clear();
      throw;
    }
    self.update_in_transactions(walk, roots, options, report);
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace furet
