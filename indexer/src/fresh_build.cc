// A first build or a rebuild of one database, on several threads.
#include "fresh_build.h"

#include <fcntl.h>
#include <stdio.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>

#include <xapian.h>

#include "furet/error.h"
#include "manifest.h"

namespace furet::detail {
namespace {

// `files` cut into at most `count` runs of consecutive files of about equal bytes.
std::vector<FileRun> runs_of(const std::vector<const FoundFile*>& files, std::size_t count) {
  std::uint64_t total = 0;
  for (const FoundFile* f : files) total += f->size;
  std::vector<FileRun> runs(std::max<std::size_t>(1, std::min(count, files.size())));
  std::uint64_t before = 0;
  total = std::max<std::uint64_t>(total, 1);
  for (const FoundFile* f : files) {
    const auto c = static_cast<std::size_t>(before * runs.size() / total);
    runs[std::min(c, runs.size() - 1)].files.push_back(f);
    before += f->size;
  }
  return runs;
}

// The scratch directory of a build of `dir`: its hidden sibling, on the same
// file system so the result can be renamed into place.
std::filesystem::path scratch_of(const std::string& dir) {
  std::filesystem::path path = std::filesystem::absolute(dir).lexically_normal();
  if (!path.has_filename()) path = path.parent_path();
  const std::string name = path.filename().string();
  std::string scratch = name.front() == '.' ? std::string() : std::string(1, '.');
  scratch.append(name).append(".furet-build");
  return path.parent_path() / scratch;
}

// Puts the database at `built` in place of the one at `live`, in one step for
// readers: they see the old index or the new one, never none.
void swap_into_place(const std::filesystem::path& built, const std::string& live) {
  if (::renameat2(AT_FDCWD, built.c_str(), AT_FDCWD, live.c_str(), RENAME_EXCHANGE) == 0) return;
  throw IoError("cannot move the new index into '" + live + "': " + std::strerror(errno));
}

}  // namespace

std::vector<FileRun> build_fresh_shard(Shard& shard, const std::vector<const FoundFile*>& files,
                                       const Analyzer& analyzer, std::size_t threads,
                                       const std::function<void(std::uint64_t)>& done) {
  const std::filesystem::path scratch = scratch_of(shard.dir);
  std::filesystem::remove_all(scratch);
  std::filesystem::create_directories(scratch);
  // More runs than threads: a thread that finishes early takes the next one.
  std::vector<FileRun> runs = runs_of(files, threads * 4);
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    ArticleIndexer indexer(analyzer);
    for (std::size_t c = next++; c < runs.size(); c = next++) {
      FileRun& run = runs[c];
      try {
        Shard part{(scratch / std::to_string(c)).string(), {}, {}};
        part.db = Xapian::WritableDatabase(part.dir, Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
        for (const FoundFile* file : run.files) {
          if (indexer.index_file(part, *file, article_id(file->source), nullptr, true,
                                 run.report)) {
            run.written.push_back(file);
          }
          done(file->size);
        }
        apply_spellings(part.spellings, part.db);
        write_run_metadata(part.db, analyzer.config_string(), true);
        part.db.close();
      } catch (...) {
        run.error = std::current_exception();
      }
    }
  };
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < std::min(threads, runs.size()); ++t) helpers.emplace_back(work);
  work();
  for (std::thread& t : helpers) t.join();
  try {
    for (const FileRun& run : runs) {
      if (run.error) std::rethrow_exception(run.error);
    }
    Xapian::Database parts;
    for (std::size_t c = 0; c < runs.size(); ++c) {
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
  return runs;
}

}  // namespace furet::detail
