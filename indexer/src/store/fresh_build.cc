// A first build or a rebuild of one database, on several threads.
#include "store/fresh_build.h"

#include <sys/resource.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "store/manifest.h"

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

// How many databases the final merge may open at once: each holds a
// descriptor per table, and the process has a limit on descriptors.
std::size_t mergeable_databases() {
  constexpr std::size_t kDescriptorsPerDatabase = 8;
  constexpr std::size_t kReserved = 64;  // the live index, the lock, the files being read
  struct rlimit limit {};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return SIZE_MAX;
  return limit.rlim_cur > kReserved + 2 * kDescriptorsPerDatabase
             ? (limit.rlim_cur - kReserved) / kDescriptorsPerDatabase
             : 2;
}

// Words given to Xapian's spelling table before each commit: its in-memory
// state grows with every word, so a large vocabulary goes in parts.
constexpr std::size_t kSpellingBatch = 50000;

// Runs work(state, k) for each k in [0, count) on up to `threads` threads, this
// one included, each thread with its own state from make_state(): a thread that
// finishes early takes the next k.
template <typename MakeState, typename Work>
void run_parallel(std::size_t count, std::size_t threads, MakeState make_state, Work work) {
  std::atomic<std::size_t> next{0};
  const auto worker = [&] {
    auto state = make_state();
    for (std::size_t k = next++; k < count; k = next++) work(state, k);
  };
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < std::min(threads, count); ++t) helpers.emplace_back(worker);
  worker();
  for (std::thread& t : helpers) t.join();
}

// Writes the build's spelling counts into `parts` databases of their own, each
// word into one, in parallel. A word is in many runs; Xapian's spelling table
// costs per word written (it indexes each word by its fragments), so each is
// written once rather than once per run.
std::vector<std::string> write_spellings(const SpellingDelta& spellings,
                                         const std::filesystem::path& scratch, std::size_t parts) {
  std::vector<std::string> dirs;
  for (std::size_t k = 0; k < parts; ++k) {
    dirs.push_back((scratch / ("spelling-" + std::to_string(k))).string());
  }
  std::vector<std::exception_ptr> errors(parts);
  run_parallel(
      parts, parts, [] { return 0; },
      [&](int, std::size_t k) {
        try {
          Xapian::WritableDatabase db(dirs[k], Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
          std::size_t pending = 0;
          for (const auto& [word, count] : spellings) {
            if (std::hash<std::string>{}(word) % parts != k || count <= 0) continue;
            db.add_spelling(word, static_cast<Xapian::termcount>(count));
            if (++pending == kSpellingBatch) {
              db.commit();
              pending = 0;
            }
          }
          db.close();
        } catch (...) {
          errors[k] = std::current_exception();
        }
      });
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  return dirs;
}

}  // namespace

std::vector<FileRun> build_fresh_database(const std::string& target, const std::string& scratch_dir,
                                          const std::vector<const FoundFile*>& files,
                                          const Analyzer& analyzer, std::size_t threads,
                                          const std::function<void(std::uint64_t)>& done) {
  const std::filesystem::path scratch = scratch_dir;
  std::filesystem::create_directories(scratch);
  // More runs than threads, so that the threads finish together; but the
  // runs' and the spelling parts' databases are all open at once in the merge.
  const std::size_t mergeable = mergeable_databases();
  const std::size_t spelling_parts =
      std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(1, mergeable / 4));
  std::vector<FileRun> runs =
      runs_of(files, std::min(threads * 4, std::max<std::size_t>(1, mergeable - spelling_parts)));
  SpellingDelta spellings;  // all runs' counts, written once at the end
  std::mutex spellings_mutex;
  run_parallel(
      runs.size(), threads, [&] { return ArticleIndexer(analyzer); },
      [&](ArticleIndexer& indexer, std::size_t c) {
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
          write_run_metadata(part.db, analyzer.config_string(), true);
          part.db.close();
          const std::lock_guard lock(spellings_mutex);
          for (const auto& [word, count] : part.spellings) spellings[word] += count;
        } catch (...) {
          run.error = std::current_exception();
        }
      });
  try {
    for (const FileRun& run : runs) {
      if (run.error) std::rethrow_exception(run.error);
    }
    Xapian::Database parts;
    for (std::size_t c = 0; c < runs.size(); ++c) {
      parts.add_database(Xapian::Database((scratch / std::to_string(c)).string()));
    }
    for (const std::string& dir : write_spellings(spellings, scratch, spelling_parts)) {
      parts.add_database(Xapian::Database(dir));
    }
    parts.compact(target, Xapian::Compactor::FULL);
    parts.close();
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove_all(scratch, ignored);
    throw;
  }
  std::filesystem::remove_all(scratch);
  return runs;
}

}  // namespace furet::detail
