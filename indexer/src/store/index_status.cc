// Index status and checks from Xapian's statistics, the manifest and the files on disk.
#include "furet/indexer/index_status.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <xapian.h>

#include <charconv>
#include <filesystem>
#include <optional>
#include <sstream>

#include "files/file_walk.h"
#include "furet/analysis/analyzer.h"
#include "furet/analysis/article_data.h"
#include "furet/analysis/schema.h"
#include "furet/error.h"
#include "store/index_folder.h"
#include "store/manifest.h"

namespace furet {
namespace {

namespace fs = std::filesystem;

std::string in_quotes(const std::string& s) { return "'" + s + "'"; }

// The databases of the index at `dir`, for reading.
std::vector<std::string> databases_of(const std::string& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    throw IndexNotFound("no index at " + in_quotes(dir) + ": build one first",
                        Error::Remedy::kBuild, dir);
  }
  if (!fs::is_directory(dir, ec)) {
    throw IndexNotFound(in_quotes(dir) + " is a file, not an index folder");
  }
  const detail::FolderContent content = detail::read_folder(fs::canonical(dir).string());
  switch (content.kind) {
    case detail::FolderContent::Kind::kForeign:
      throw IndexNotFound("no furet index at " + in_quotes(dir) + ": " + content.why_foreign);
    case detail::FolderContent::Kind::kOlderLayout:
      return content.older_databases;
    case detail::FolderContent::Kind::kIndex:
      break;
  }
  if (!content.current) {
    throw IndexNotFound(
        "no index at " + in_quotes(dir) + " yet: its first build has not finished; build one first",
        Error::Remedy::kBuild, dir);
  }
  return content.current->shard_dirs;
}

std::uint64_t disk_bytes(const std::string& dir) {
  std::uint64_t bytes = 0;
  detail::walk_folders(dir, dir, [&](const detail::FolderListing& folder) {
    for (const auto& entry : folder.entries) {
      struct stat st {};
      if (::fstatat(folder.fd, entry.first.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
          S_ISREG(st.st_mode)) {
        bytes += static_cast<std::uint64_t>(st.st_size);
      }
    }
  });
  return bytes;
}

// The last update's time, if the metadata hold one.
std::optional<std::int64_t> updated_of(const std::string& value) {
  if (value.empty()) return 0;
  std::int64_t seconds = 0;
  const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (ec != std::errc() || ptr != value.data() + value.size() || seconds < 0) return {};
  return seconds;
}

// Xapian's own check of each table, then of the database as a whole.
void check_tables(const std::string& dir, std::vector<std::string>& problems) {
  const auto run = [&](const std::string& path) {
    std::ostringstream out;
    try {
      const std::size_t errors = Xapian::Database::check(path, 0, &out);
      if (errors == 0) return true;
      std::string first;
      std::istringstream lines(out.str());
      while (std::getline(lines, first) && first.empty()) {
      }
      problems.push_back(in_quotes(path) + ": Xapian's check finds " + std::to_string(errors) +
                         " error(s)" + (first.empty() ? "" : " (" + first + ")"));
    } catch (const Xapian::Error& e) {
      problems.push_back(in_quotes(path) + ": " + e.get_msg());
    }
    return false;
  };
  bool tables_sound = true;
  for (const char* table : {"postlist", "termlist", "position", "docdata", "spelling", "synonym"}) {
    const std::string path = dir + "/" + table + ".glass";
    if (fs::exists(path)) tables_sound = run(path) && tables_sound;
  }
  if (tables_sound) run(dir);
}

// furet's own agreement: metadata, and each manifest record with its passages.
void check_records(const std::string& dir, const std::string& this_analysis, IndexCheck& check) {
  std::vector<std::string>& problems = check.problems;
  try {
    const Xapian::Database db(dir);
    check.passages += db.get_doccount();
    const std::string why =
        schema::incompatibility(dir, db.get_metadata(std::string(schema::kSchemaKey)),
                                db.get_metadata(std::string(schema::kAnalysisKey)), this_analysis);
    if (!why.empty()) problems.push_back(why);
    if (!updated_of(db.get_metadata(std::string(schema::kUpdatedKey)))) {
      problems.push_back(in_quotes(dir) + ": the time of the last update is unreadable");
    }
    if (db.get_doccount() > 0) {
      for (const char* table :
           {"postlist.glass", "termlist.glass", "position.glass", "docdata.glass"}) {
        if (!fs::exists(dir + "/" + table))
          problems.push_back(in_quotes(dir) + " has lost " + table);
      }
    }
    const std::vector<std::string> disagreements = detail::manifest_problems(db, dir);
    problems.insert(problems.end(), disagreements.begin(), disagreements.end());
    check.articles += detail::manifest_size(db);
  } catch (const Xapian::Error& e) {
    problems.push_back(in_quotes(dir) + ": " + e.get_msg());
  }
}

}  // namespace

IndexStatus read_index_status(const std::string& dir) {
  const std::vector<std::string> databases = databases_of(dir);
  try {
    const Xapian::Database db(dir);
    IndexStatus status;
    if (databases.size() > 1) status.shards = databases;
    status.passages = db.get_doccount();
    // Metadata are per database: a sharded index's manifest is in its shards.
    for (const std::string& part : databases) {
      status.articles += detail::manifest_size(Xapian::Database(part));
    }
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) ++status.terms;
    status.bytes = disk_bytes(fs::canonical(dir).string());
    status.schema = db.get_metadata(std::string(schema::kSchemaKey));
    status.analysis = db.get_metadata(std::string(schema::kAnalysisKey));
    const std::string why =
        schema::incompatibility(dir, status.schema, status.analysis, Analyzer().config_string());
    if (!why.empty()) throw IncompatibleIndex(why, Error::Remedy::kRebuild, dir);
    const auto updated = updated_of(db.get_metadata(std::string(schema::kUpdatedKey)));
    if (!updated) {
      throw IncompatibleIndex("index " + in_quotes(dir) +
                                  " has damaged metadata (the time of its last update); check "
                                  "it, then rebuild it from its articles",
                              Error::Remedy::kCheck, dir);
    }
    status.updated = *updated;
    return status;
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw IndexNotFound("no furet index at " + in_quotes(dir) + ": " + e.get_msg());
  } catch (const Xapian::Error& e) {
    throw IoError("cannot read index " + in_quotes(dir) + ": " + e.get_description() +
                      "; check it, then rebuild it from its articles if it is damaged",
                  Error::Remedy::kCheck, dir);
  }
}

IndexCheck check_index(const std::string& dir) {
  IndexCheck check;
  const std::string this_analysis = Analyzer().config_string();
  for (const std::string& database : databases_of(dir)) {
    ++check.databases;
    if (!fs::is_directory(database)) {
      check.problems.push_back("the database " + in_quotes(database) + " is missing");
      continue;
    }
    check_tables(database, check.problems);
    check_records(database, this_analysis, check);
  }
  return check;
}

}  // namespace furet
