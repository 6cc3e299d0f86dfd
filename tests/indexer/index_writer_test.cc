// Incremental, atomic updates: add, change, delete, unchanged, locks, bad files.
#include "furet/indexer/index_writer.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <xapian.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "../test_util.h"
#include "furet/analysis/analyzer.h"
#include "furet/analysis/schema.h"
#include "furet/error.h"
#include "furet/searcher.h"

namespace furet {
namespace {

using furet::testing::TempDir;
using furet::testing::write_file;

const std::string kArticle =
    "Les puces Blackwell arrivent\n"
    "Nvidia prépare de nouveaux produits, notamment les GPU Blackwell B20 et RTX 6000D, destinés "
    "au marché intérieur chinois peu après.\n";

bool finds(const std::string& index, const std::string& query, const std::string& text) {
  Searcher searcher(index);
  for (const Hit& hit : searcher.search(query).hits) {
    if (hit.passage.find(text) != std::string::npos) return true;
  }
  return false;
}

class IndexWriterTest : public ::testing::Test {
 protected:
  UpdateReport update(UpdateOptions options = {}) {
    IndexWriter writer(index_);
    return writer.update({corpus_}, options);
  }
  // Moves the file's modification time, as an edit a second later would.
  void touch_later(const std::string& path) {
    const auto t = std::filesystem::last_write_time(path);
    std::filesystem::last_write_time(path, t + std::chrono::seconds(2));
  }

  TempDir dir_;
  std::string corpus_ = dir_ / "corpus";
  std::string index_ = dir_ / "index";
};

TEST_F(IndexWriterTest, AddsNewArticles) {
  write_file(corpus_ + "/a.txt", kArticle);
  const UpdateReport report = update();
  EXPECT_EQ(report.added.size(), 1u);
  EXPECT_GT(report.passages_written, 0u);
  EXPECT_TRUE(finds(index_, "RTX 6000D", "RTX 6000D"));
}

// Stopwords keep their positions in the analysis but stay out of the index.
TEST_F(IndexWriterTest, StopwordsAreNotIndexed) {
  write_file(corpus_ + "/a.txt", kArticle);
  update();
  const Xapian::Database db(index_);
  EXPECT_EQ(db.get_termfreq("de"), 0u);
  EXPECT_EQ(db.get_termfreq("les"), 0u);
  EXPECT_GT(db.get_termfreq(Analyzer().analyze("Nvidia").at(0).term), 0u);
}

// A compound is searchable as a whole, but its positions are its parts': the
// whole term carries none of its own.
TEST_F(IndexWriterTest, CompoundWholeTermHasNoPositions) {
  write_file(corpus_ + "/a.txt", "Les États-Unis autorisent les puces H200.\n");
  update();
  const Xapian::Database db(index_);
  const std::vector<Token> tokens = Analyzer().analyze("États-Unis");
  ASSERT_EQ(tokens.size(), 3u);
  ASSERT_EQ(tokens[2].kind, TokenKind::kCompound);
  const std::string& whole = tokens[2].term;
  const std::string& part = tokens[1].term;  // "unis"
  ASSERT_EQ(db.get_termfreq(whole), 1u);
  const Xapian::docid did = *db.postlist_begin(whole);
  EXPECT_EQ(db.positionlist_begin(did, whole), db.positionlist_end(did, whole));
  EXPECT_NE(db.positionlist_begin(did, part), db.positionlist_end(did, part));
  EXPECT_TRUE(finds(index_, "États-Unis", "États-Unis"));
}

TEST_F(IndexWriterTest, SecondRunLeavesUnchangedFilesUnread) {
  write_file(corpus_ + "/a.txt", kArticle);
  write_file(corpus_ + "/b.txt", "Zhipu AI a entraîné son modèle sur des puces Huawei.\n");
  update();
  const UpdateReport again = update();
  EXPECT_EQ(again.unchanged, 2u);
  EXPECT_EQ(again.bytes_read, 0u) << "unchanged files are decided from metadata";
  EXPECT_FALSE(again.changed());
}

TEST_F(IndexWriterTest, ReplacesChangedArticles) {
  write_file(corpus_ + "/a.txt", kArticle);
  update();
  write_file(corpus_ + "/a.txt",
             "Qwen 2.5, de la société Alibaba, illustre cette problématique.\n");
  touch_later(corpus_ + "/a.txt");
  const UpdateReport report = update();
  ASSERT_EQ(report.updated.size(), 1u);
  EXPECT_TRUE(finds(index_, "Alibaba", "Alibaba"));
  EXPECT_FALSE(finds(index_, "Blackwell", "Blackwell")) << "the old text is gone";
}

TEST_F(IndexWriterTest, RemovedArticlesLeaveNoSpellingSuggestions) {
  write_file(corpus_ + "/a.txt", kArticle);
  update();
  EXPECT_EQ(Searcher(index_).search("Blakwell").corrected_query, "Blackwell");
  std::filesystem::remove(corpus_ + "/a.txt");
  update();
  EXPECT_EQ(Searcher(index_).search("Blakwell").corrected_query, "");
}

TEST_F(IndexWriterTest, TouchedButIdenticalFileIsUnchanged) {
  write_file(corpus_ + "/a.txt", kArticle);
  update();
  touch_later(corpus_ + "/a.txt");
  const UpdateReport report = update();
  EXPECT_EQ(report.unchanged, 1u);
  EXPECT_TRUE(report.updated.empty());
}

TEST_F(IndexWriterTest, RemovesDeletedArticles) {
  write_file(corpus_ + "/a.txt", kArticle);
  write_file(corpus_ + "/b.txt", "Zhipu AI a entraîné son modèle sur des puces Huawei.\n");
  update();
  std::filesystem::remove(corpus_ + "/a.txt");
  const UpdateReport report = update();
  ASSERT_EQ(report.removed.size(), 1u);
  EXPECT_FALSE(finds(index_, "Blackwell", "Blackwell"));
  EXPECT_TRUE(finds(index_, "Huawei", "Huawei"));
}

TEST_F(IndexWriterTest, UpdatingOneFolderLeavesOthersAlone) {
  write_file(corpus_ + "/a.txt", kArticle);
  write_file(dir_ / "other/b.txt", "Zhipu AI a entraîné son modèle sur des puces Huawei.\n");
  IndexWriter(index_).update({corpus_, dir_ / "other"});
  const UpdateReport report = IndexWriter(index_).update({dir_ / "other"});
  EXPECT_TRUE(report.removed.empty());
  EXPECT_TRUE(finds(index_, "Blackwell", "Blackwell"));
}

TEST_F(IndexWriterTest, RebuildStartsFromEmpty) {
  write_file(corpus_ + "/a.txt", kArticle);
  update();
  write_file(dir_ / "other/b.txt", "Zhipu AI a entraîné son modèle sur des puces Huawei.\n");
  UpdateOptions rebuild;
  rebuild.rebuild = true;
  const UpdateReport report = IndexWriter(index_).update({dir_ / "other"}, rebuild);
  EXPECT_EQ(report.added.size(), 1u);
  EXPECT_EQ(report.removed.size(), 1u);
  EXPECT_FALSE(finds(index_, "Blackwell", "Blackwell"));
}

TEST_F(IndexWriterTest, BadFilesAreSkippedByNameAndTheRestIsIndexed) {
  write_file(corpus_ + "/a.txt", kArticle);
  write_file(corpus_ + "/empty.txt", "");
  write_file(corpus_ + "/image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 18));
  write_file(corpus_ + "/locked.txt", kArticle);
  ::chmod((corpus_ + "/locked.txt").c_str(), 0);
  const UpdateReport report = update();
  ::chmod((corpus_ + "/locked.txt").c_str(), 0644);
  EXPECT_EQ(report.added.size() + (::geteuid() == 0 ? 0u : 1u), 2u);
  std::vector<std::string> skipped;
  for (const FileNote& s : report.skipped) skipped.push_back(s.path);
  EXPECT_NE(std::find(skipped.begin(), skipped.end(), corpus_ + "/empty.txt"), skipped.end());
  EXPECT_NE(std::find(skipped.begin(), skipped.end(), corpus_ + "/image.txt"), skipped.end());
  EXPECT_TRUE(finds(index_, "Blackwell", "Blackwell"));
}

TEST_F(IndexWriterTest, MissingPathIsReported) {
  const UpdateReport report = IndexWriter(index_).update({dir_ / "nowhere"});
  ASSERT_EQ(report.skipped.size(), 1u);
  EXPECT_EQ(report.skipped[0].reason.rfind("no such file or directory", 0), 0u)
      << report.skipped[0].reason;
}

TEST_F(IndexWriterTest, SecondWriterGetsAClearError) {
  IndexWriter first(index_);
  try {
    IndexWriter second(index_);
    FAIL() << "a second writer must not open the index";
  } catch (const IndexLocked& e) {
    EXPECT_NE(std::string(e.what()).find("being updated by another process"), std::string::npos);
    EXPECT_EQ(e.remedy(), Error::Remedy::kRetryLater);
  }
}

// A progress callback that throws ends the run with nothing of it committed,
// and leaves the writer ready for the next run (no transaction left open).
TEST_F(IndexWriterTest, ThrowingProgressCallbackCommitsNothingAndLeavesTheWriterUsable) {
  write_file(corpus_ + "/a.txt", kArticle);
  IndexWriter writer(index_);
  writer.update({corpus_});  // the first build; the next runs are updates
  write_file(corpus_ + "/b.txt", "Un second article\nLa licence H200 est accordée.\n");
  UpdateOptions stop;
  stop.on_progress = [](const IndexProgress&) { throw std::runtime_error("stop"); };
  EXPECT_THROW(writer.update({corpus_}, stop), std::runtime_error);
  EXPECT_FALSE(finds(index_, "licence", "licence H200"));
  const UpdateReport report = writer.update({corpus_});
  EXPECT_EQ(report.added, std::vector<std::string>{corpus_ + "/b.txt"});
  EXPECT_TRUE(finds(index_, "licence", "licence H200"));
}

TEST_F(IndexWriterTest, ReadmeAndHiddenFilesAreNotArticles) {
  write_file(corpus_ + "/a.txt", kArticle);
  write_file(corpus_ + "/README.md", "# Le corpus\n\nCe dossier contient les articles.\n");
  write_file(corpus_ + "/.draft.txt", "Un brouillon caché sur les puces.\n");
  const UpdateReport report = update();
  EXPECT_EQ(report.added.size(), 1u);
}

// An index of another layout or analysis would mix two kinds of terms: an
// update refuses it by name and says to rebuild it, and the rebuild works.
TEST_F(IndexWriterTest, IndexOfAnotherSchemaOrAnalysisIsRefusedUntilRebuilt) {
  write_file(corpus_ + "/a.txt", kArticle);
  update();
  for (const auto& [key, value] :
       {std::pair{schema::kAnalysisKey, "fr-snowball/1"}, std::pair{schema::kSchemaKey, "1"}}) {
    {
      Xapian::WritableDatabase db(index_, Xapian::DB_OPEN);
      db.set_metadata(std::string(key), value);
      db.commit();
    }
    try {
      update();
      FAIL() << "an index with " << key << " = " << value << " was updated";
    } catch (const IncompatibleIndex& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find(index_), std::string::npos) << message;
      EXPECT_NE(message.find(std::string("'") + value + "'"), std::string::npos) << message;
      EXPECT_NE(message.find("rebuild it from its articles"), std::string::npos) << message;
      EXPECT_EQ(message.find("furet-index"), std::string::npos) << message;
      EXPECT_EQ(e.remedy(), Error::Remedy::kRebuild);
      EXPECT_EQ(e.index(), index_);
    }
    UpdateOptions rebuild;
    rebuild.rebuild = true;
    update(rebuild);
    EXPECT_TRUE(finds(index_, "Blackwell", "RTX 6000D"));  // the searcher opens it again
  }
}

}  // namespace
}  // namespace furet
