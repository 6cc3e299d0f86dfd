// The walk and the read: folders one at a time, unread folders named, and a
// read that checks what it opened rather than what the walk saw.
#include "files/file_walk.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "../test_util.h"
#include "extract/article_reader.h"

namespace furet::detail {
namespace {

namespace fs = std::filesystem;
using furet::testing::TempDir;
using furet::testing::write_file;

// Lowers this process's descriptor limit so that at most `free` more can be
// opened (a new descriptor takes the lowest free number, which must stay
// under the limit), for the life of the object.
class DescriptorLimit {
 public:
  explicit DescriptorLimit(int free) {
    ::getrlimit(RLIMIT_NOFILE, &saved_);
    int lowest_free = 0;
    while (::fcntl(lowest_free, F_GETFD) != -1) ++lowest_free;
    struct rlimit lowered = saved_;
    lowered.rlim_cur = static_cast<rlim_t>(lowest_free + free);
    ::setrlimit(RLIMIT_NOFILE, &lowered);
  }
  ~DescriptorLimit() { ::setrlimit(RLIMIT_NOFILE, &saved_); }

 private:
  struct rlimit saved_ {};
};

class FileWalkTest : public ::testing::Test {
 protected:
  WalkResult walk(const std::vector<std::string>& roots, UpdateReport& report) {
    return find_article_files(roots, {}, report);
  }
  TempDir dir_;
  std::string corpus_ = dir_ / "corpus";
};

TEST_F(FileWalkTest, DeepTreeTakesOneFolderDescriptorAtATime) {
  std::string deep = corpus_;
  for (int level = 0; level < 300; ++level) deep += "/d";
  write_file(deep + "/bottom.txt", "Au fond du dossier.\n");
  UpdateReport report;
  WalkResult result;
  {
    const DescriptorLimit limit(3);
    result = walk({corpus_}, report);
  }
  ASSERT_EQ(result.files.size(), 1u);
  EXPECT_TRUE(result.unread.empty());
  EXPECT_TRUE(report.warnings.empty());
}

TEST_F(FileWalkTest, FilesThatAreNotArticlesAreCountedByExtension) {
  write_file(corpus_ + "/a.txt", "Un article.\n");
  write_file(corpus_ + "/rapport.PDF", "%PDF-1.4\n");
  write_file(corpus_ + "/sub/annexe.pdf", "%PDF-1.4\n");
  write_file(corpus_ + "/data.json", "{}\n");
  write_file(corpus_ + "/page.xhtml", "<html/>\n");
  write_file(corpus_ + "/Makefile", "all:\n");
  write_file(corpus_ + "/.cache", "hidden\n");  // hidden: not even counted
  UpdateReport report;
  const WalkResult result = walk({corpus_}, report);
  ASSERT_EQ(result.files.size(), 1u);
  EXPECT_EQ(report.other_files, (std::map<std::string, std::size_t>{
                                    {"", 1}, {".json", 1}, {".pdf", 2}, {".xhtml", 1}}));
  EXPECT_TRUE(report.skipped.empty());
}

TEST_F(FileWalkTest, FolderThatCannotBeOpenedIsUnreadNotEmpty) {
  write_file(corpus_ + "/a/one.txt", "Un article.\n");
  write_file(corpus_ + "/b/two.txt", "Un autre article.\n");
  UpdateReport report;
  WalkResult result;
  {
    const DescriptorLimit limit(0);
    result = walk({corpus_}, report);
  }
  EXPECT_TRUE(result.files.empty());
  ASSERT_EQ(result.unread.size(), 1u);
  EXPECT_EQ(result.unread[0], source_of(corpus_));
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_NE(report.warnings[0].reason.find("Too many open files"), std::string::npos);
}

TEST_F(FileWalkTest, ReadingStopsAtTheLimitWhateverTheWalkSaw) {
  write_file(corpus_ + "/grows.txt", "Court.\n");
  UpdateReport report;
  WalkResult result = walk({corpus_}, report);
  ASSERT_EQ(result.files.size(), 1u);
  fs::resize_file(corpus_ + "/grows.txt", 40 << 20);  // grown since the walk
  try {
    read_article_bytes(result.files[0]);
    FAIL() << "a 40 MiB file was read";
  } catch (const SkipReason& skip) {
    EXPECT_NE(skip.reason.find("larger than 32 MiB"), std::string::npos) << skip.reason;
  }
}

TEST_F(FileWalkTest, FileSwappedForALinkOutOfTheTreeIsNotRead) {
  write_file(corpus_ + "/a.txt", "Un article.\n");
  write_file(dir_ / "secret.txt", "secret\n");
  UpdateReport report;
  WalkResult result = walk({corpus_}, report);
  ASSERT_EQ(result.files.size(), 1u);
  fs::remove(corpus_ + "/a.txt");
  fs::create_symlink(dir_ / "secret.txt", corpus_ + "/a.txt");
  try {
    read_article_bytes(result.files[0]);
    FAIL() << "the link out of the tree was followed";
  } catch (const SkipReason& skip) {
    EXPECT_NE(skip.reason.find("out of the indexed folders"), std::string::npos) << skip.reason;
    EXPECT_FALSE(skip.transient);
  }
}

TEST_F(FileWalkTest, FileSwappedForAFifoIsNeitherOpenedNorWaitedFor) {
  write_file(corpus_ + "/a.txt", "Un article.\n");
  UpdateReport report;
  WalkResult result = walk({corpus_}, report);
  ASSERT_EQ(result.files.size(), 1u);
  fs::remove(corpus_ + "/a.txt");
  ASSERT_EQ(::mkfifo((corpus_ + "/a.txt").c_str(), 0644), 0);
  try {
    read_article_bytes(result.files[0]);  // opening a FIFO to read would block
    FAIL() << "a FIFO was read";
  } catch (const SkipReason& skip) {
    EXPECT_EQ(skip.reason, "a FIFO, not a regular file");
  }
}

TEST_F(FileWalkTest, FileReplacedInsideTheTreeIsReadAsItIsNow) {
  write_file(corpus_ + "/a.txt", "Un article.\n");
  UpdateReport report;
  WalkResult result = walk({corpus_}, report);
  ASSERT_EQ(result.files.size(), 1u);
  write_file(corpus_ + "/.a.txt.tmp", "Un article récrit, plus long.\n");
  fs::rename(corpus_ + "/.a.txt.tmp", corpus_ + "/a.txt");  // as an editor saves
  FoundFile& file = result.files[0];
  EXPECT_EQ(read_article_bytes(file), "Un article récrit, plus long.\n");
  EXPECT_EQ(file.size, fs::file_size(corpus_ + "/a.txt"));
}

}  // namespace
}  // namespace furet::detail
