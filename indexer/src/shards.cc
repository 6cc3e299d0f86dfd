// Shard layout: directories, the Xapian stub file, and the article-to-shard map.
#include "shards.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <xapian.h>

#include "furet/error.h"

namespace furet::detail {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStubFile = "XAPIANDB";  // Xapian's name for a stub in a directory

std::string stub_path(const std::string& dir) { return (fs::path(dir) / kStubFile).string(); }

// Writes the stub beside its shards, atomically: a reader sees all or none.
void write_stub(const std::string& dir, const std::vector<std::string>& names) {
  const std::string tmp = stub_path(dir) + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    for (const std::string& name : names) out << "auto " << name << '\n';
    if (!out) throw IoError("cannot write '" + tmp + "'");
  }
  fs::rename(tmp, stub_path(dir));
}

}  // namespace

std::vector<std::string> existing_shards(const std::string& dir) {
  std::vector<std::string> shards;
  std::ifstream stub(stub_path(dir));
  std::string line;
  while (std::getline(stub, line)) {
    std::istringstream fields(line);
    std::string backend, name;
    if (fields >> backend >> name && backend == "auto") {
      shards.push_back((fs::path(dir) / name).string());
    }
  }
  return shards;
}

std::vector<std::string> prepare_shards(const std::string& dir, std::size_t requested) {
  const std::vector<std::string> existing = existing_shards(dir);
  if (!existing.empty()) {
    if (requested > 0 && requested != existing.size()) {
      throw InvalidArgument("index '" + dir + "' has " + std::to_string(existing.size()) +
                            " shards, not " + std::to_string(requested) +
                            "; to reshard, index into a new directory");
    }
    return existing;
  }
  if (requested <= 1) return {dir};
  if (fs::exists(fs::path(dir) / "iamglass")) {
    throw InvalidArgument("index '" + dir + "' is not sharded; to shard it, index into a new "
                          "directory with --shards " + std::to_string(requested));
  }
  fs::create_directories(dir);
  std::vector<std::string> names, dirs;
  for (std::size_t k = 0; k < requested; ++k) {
    names.push_back("shard-" + std::to_string(k));
    dirs.push_back((fs::path(dir) / names.back()).string());
    open_for_writing(dirs.back()).close();
  }
  write_stub(dir, names);
  return dirs;
}

Xapian::WritableDatabase open_for_writing(const std::string& dir) {
  // Xapian writes "iamglass" last, when the new database is complete; it takes
  // the write lock before overwriting, so a creation under way is left alone.
  const bool complete = fs::exists(fs::path(dir) / "iamglass");
  return Xapian::WritableDatabase(
      dir, complete ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_CREATE_OR_OVERWRITE);
}

std::size_t shard_of(const std::string& article_id, std::size_t count) {
  std::uint64_t hash = 0;
  for (const char byte : article_id) hash = (hash << 8) | static_cast<unsigned char>(byte);
  return count <= 1 ? 0 : hash % count;
}

}  // namespace furet::detail
