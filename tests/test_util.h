// Helpers shared by the tests: temporary directories, files, the corpus, time bounds.
#ifndef FURET_TESTS_TEST_UTIL_H_
#define FURET_TESTS_TEST_UTIL_H_

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace furet::testing {

/// A fresh directory under $TMPDIR, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "furet-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline void write_file(const std::string& path, const std::string& content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path);
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The databases an index folder's shard list (XAPIANDB) names, in order.
inline std::vector<std::string> shard_databases(const std::string& index) {
  std::vector<std::string> databases;
  std::istringstream list(read_file(index + "/XAPIANDB"));
  for (std::string line; std::getline(list, line);) {
    if (line.rfind("auto ", 0) == 0) databases.push_back(index + "/" + line.substr(5));
  }
  return databases;
}

/// How much slower this build runs than a plain one (sanitizers: several
/// times), from FURET_TIME_SCALE; bounds in the tests are multiplied by it.
inline double time_scale() {
  const char* scale = std::getenv("FURET_TIME_SCALE");
  return scale && *scale ? std::atof(scale) : 1.0;
}

/// The project's corpus/ folder.
inline std::string corpus_dir() { return std::string(FURET_SOURCE_DIR) + "/corpus"; }

/// A corpus article by file name.
inline std::string corpus_file(const std::string& name) { return corpus_dir() + "/" + name; }

}  // namespace furet::testing

#endif  // FURET_TESTS_TEST_UTIL_H_
