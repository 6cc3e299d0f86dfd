// The bad input catalogue: each file is indexed correctly or skipped with a
// warning that names it, memory stays bounded, and the rest is indexed.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>

#include "../process_util.h"
#include "furet/searcher.h"
#include "index_state.h"

namespace furet::testing {
namespace {

namespace fs = std::filesystem;

// Peak resident memory allowed for an indexing run over the catalogue, which
// holds a 200 MB file (skipped unread: over 32 MiB) and a 10 MB line (indexed).
constexpr long kMaxRssKb = 512 * 1024;

const std::string kFrench =
    "Les États-Unis ont formellement autorisé mardi l’exportation des puces H200 vers la Chine.";

std::string latin1_french() {
  // "Les États-Unis ont autorisé l'exportation des cœurs" in windows-1252.
  return "Les \xc9tats-Unis ont autoris\xe9 l\x92"
         "exportation de puces aux c\x9c"
         "urs r\xe9"
         "duits, selon le minist\xe8re.\n";
}

class BadInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(dir_);
    fs::copy(corpus_dir(), dir_ + "/corpus", fs::copy_options::recursive);
  }
  void add(const std::string& name, const std::string& bytes) {
    write_file(dir_ + "/" + name, bytes);
  }
  ProcessResult index() { return run({program("furet-index"), "--index", tmp_ / "index", dir_}); }
  // True if the run's warnings name `name` (the path as the walk reached it).
  static bool warned(const ProcessResult& r, const std::string& path) {
    return r.err.find("'" + path + "'") != std::string::npos;
  }
  bool searchable(const std::string& query) {
    Searcher searcher(tmp_ / "index");
    return !searcher.search(query).hits.empty();
  }

  TempDir tmp_;
  std::string dir_ = tmp_ / "in";
};

TEST_F(BadInputTest, EveryFileIsIndexedOrNamedAndTheCorpusIsIndexed) {
  add("empty.txt", "");
  add("blank.txt", " \n\t \n\n");
  add("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20));
  add("program.txt", std::string("\x7f"
                                 "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
                                 20));
  add("nul.txt", kFrench + std::string(3, '\0') + kFrench);
  add("invalid.txt", kFrench + " \xff\xfe\xc3 Qwen\xc0\xaf garde ses puces.\n");
  add("utf16.txt", [] {
    std::string s = "\xff\xfe";  // UTF-16LE with BOM
    for (char c : std::string("Zhipu entraine ses modeles sur Ascend.\n"))
      s += std::string{c, '\0'};
    return s;
  }());
  add("latin1.txt", latin1_french());
  add("apostrophes.txt", std::string(100000, '\'') + "\n" + kFrench + "\n");
  add(
      "combining.txt", "e" +
                           [] {
                             std::string marks;
                             for (int i = 0; i < 100000; ++i) marks += "\u0301";
                             return marks;
                           }() +
                           "\n" + kFrench + "\n");
  std::string long_line;
  while (long_line.size() < 10'000'000) long_line += kFrench + " ";
  add("long line.txt", long_line + "\n");
  add("quote\"and'apostrophe.txt", "Le Chat de Mistral, une vitrine.\n");
  add("new\nline.txt", "Alibaba publie Qwen.\n");
  add("latin1-name-\xe9.txt", "Huawei fabrique des puces Ascend.\n");
  fs::create_directories(dir_ + "/dir.txt");  // a directory named like a file
  add("dir.txt/inside.txt", "Les puces Blackwell arrivent.\n");
  fs::create_symlink("loop-b.txt", dir_ + "/loop-a.txt");
  fs::create_symlink("loop-a.txt", dir_ + "/loop-b.txt");
  fs::create_symlink(dir_, dir_ + "/self");  // a directory loop
  add("locked.txt", kFrench + "\n");
  ::chmod((dir_ + "/locked.txt").c_str(), 0);
  {  // 200 MB, sparse: size is what matters
    std::ofstream big(dir_ + "/huge.txt");
    big.close();
    fs::resize_file(dir_ + "/huge.txt", 200'000'000);
  }

  const ProcessResult r = index();
  ::chmod((dir_ + "/locked.txt").c_str(), 0644);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::cout << "peak RSS indexing the catalogue: " << r.max_rss_kb / 1024 << " MB\n";
  EXPECT_LT(r.max_rss_kb, kMaxRssKb);

  for (const char* skipped : {"empty.txt", "blank.txt", "image.txt", "program.txt", "huge.txt",
                              "loop-a.txt", "loop-b.txt"}) {
    EXPECT_TRUE(warned(r, dir_ + "/" + skipped)) << skipped << " not named in:\n" << r.err;
  }
  if (::geteuid() != 0) {
    EXPECT_TRUE(warned(r, dir_ + "/locked.txt")) << r.err;
  }
  EXPECT_TRUE(warned(r, dir_ + "/invalid.txt")) << "replaced bytes are reported";
  EXPECT_TRUE(warned(r, dir_ + "/latin1.txt")) << "the legacy encoding is reported";

  // Indexed, and searchable as a French reader expects.
  EXPECT_TRUE(searchable("Qwen garde"));
  EXPECT_TRUE(searchable("Ascend Zhipu"));
  EXPECT_TRUE(searchable("coeurs réduits ministère"));
  EXPECT_TRUE(searchable("Mistral vitrine"));
  EXPECT_TRUE(searchable("Blackwell"));
  EXPECT_TRUE(searchable("licence H200")) << "the corpus is indexed";

  Xapian::Database db(tmp_ / "index");
  EXPECT_EQ(consistency_errors(db), std::vector<std::string>{});
  const IndexState state = read_state(db);
  for (const auto& [path, passages] : state) {
    for (const std::string& p : passages) EXPECT_LE(p.size(), 800u) << path;
  }
  EXPECT_TRUE(state.count(dir_ + "/long line.txt"));
  EXPECT_TRUE(state.count(dir_ + "/new\nline.txt"));
  // A path that is not UTF-8 is kept as its bytes, so a program can open the
  // file; furet-search --json shows it with U+FFFD.
  EXPECT_TRUE(state.count(dir_ + "/latin1-name-\xe9.txt"));
  const ProcessResult shown =
      run({program("furet-search"), "--index", tmp_ / "index", "--json", "Ascend Huawei"});
  EXPECT_NE(shown.out.find("latin1-name-\uFFFD.txt"), std::string::npos) << shown.out;

  // A second run changes nothing, bad files included.
  const ProcessResult again = index();
  EXPECT_NE(again.out.find("0 added, 0 updated, 0 removed"), std::string::npos) << again.out;
}

}  // namespace
}  // namespace furet::testing
