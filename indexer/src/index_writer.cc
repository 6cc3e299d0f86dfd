// The incremental, atomic update of a furet index.
#include "furet/indexer/index_writer.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <xapian.h>

#include "article_indexer.h"
#include "file_walk.h"
#include "fresh_build.h"
#include "furet/analysis/analyzer.h"
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

// What a failed run leaves behind: nothing, or its first `done` of `total` shards.
std::string left_behind(std::size_t done, std::size_t total, const std::string& done_as,
                        const std::string& to_finish) {
  if (done == 0) return "; the index is unchanged since its last update";
  return "; " + std::to_string(done) + " of " + std::to_string(total) + " shards were " +
         done_as + ", " + to_finish;
}

}  // namespace

using detail::ArticleIndexer;
using detail::Shard;

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
  void update_files(const std::vector<detail::FoundFile>& found,
                    const std::vector<std::string>& roots, const UpdateOptions& options,
                    UpdateReport& report);
  void update_in_transactions(const std::vector<detail::FoundFile>& found,
                              const std::vector<std::string>& roots, const UpdateOptions& options,
                              UpdateReport& report);
  void build_fresh(const std::vector<detail::FoundFile>& found, const UpdateOptions& options,
                   UpdateReport& report);
};

IndexWriter::IndexWriter(const std::string& dir, std::size_t shards)
    : impl_(std::make_unique<Impl>()) {
  impl_->dir = dir;
  try {
    for (const std::string& shard_dir : detail::prepare_shards(dir, shards)) {
      impl_->shards.push_back({shard_dir, detail::open_for_writing(shard_dir), {}});
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
  const std::string why = schema::incompatibility(
      dir, schema_version, db.get_metadata(std::string(schema::kAnalysisKey)),
      analyzer.config_string());
  if (!why.empty()) throw IncompatibleIndex(why);
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
    shard.db.set_metadata(detail::manifest_key(id), "");
    report.removed.push_back(known.record.path);
  }

  for (Shard& shard : shards) {
    detail::apply_spellings(shard.spellings, shard.db);
    shard.spellings.clear();
    if (options.rebuild) remove_orphans(shard.db, seen);
    detail::write_run_metadata(shard.db, analyzer.config_string(),
                               report.changed() || options.rebuild);
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
// index, and the work spreads over threads (build_fresh_shard), shard after shard.
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
    std::vector<detail::FileRun> runs;
    const auto failed = [&](const std::string& why) {
      return IoError("cannot build index '" + dir + "': " + why +
                     left_behind(s, shards.size(), "rebuilt", "run again with --rebuild to finish"));
    };
    try {
      runs = detail::build_fresh_shard(shards[s], per_shard[s], analyzer, threads, done);
    } catch (const Xapian::Error& e) {
      throw failed(describe_write_error(e));
    } catch (const std::filesystem::filesystem_error& e) {
      throw failed(e.what());
    }
    for (const detail::FileRun& run : runs) {
      for (const detail::FoundFile* file : run.written) {
        const std::string id = detail::article_id(file->source);
        seen.insert(id);
        (manifest.count(id) ? report.updated : report.added).push_back(file->path);
      }
      report.skipped.insert(report.skipped.end(), run.report.skipped.begin(),
                            run.report.skipped.end());
      report.warnings.insert(report.warnings.end(), run.report.warnings.begin(),
                             run.report.warnings.end());
      report.passages_written += run.report.passages_written;
      report.bytes_read += run.report.bytes_read;
    }
  }
  for (const auto& [id, known] : manifest) {
    if (!seen.count(id)) report.removed.push_back(known.record.path);
  }
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
                  left_behind(committed, shards.size(), "updated", "run again to finish"));
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
