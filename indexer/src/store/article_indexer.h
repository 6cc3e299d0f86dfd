// Writing articles into one database of the index: passages, terms, manifest, spellings.
#ifndef FURET_INDEXER_SRC_STORE_ARTICLE_INDEXER_H_
#define FURET_INDEXER_SRC_STORE_ARTICLE_INDEXER_H_

#include <xapian.h>

#include <cstdint>
#include <set>
#include <string>
#include <utility>

#include "extract/article_reader.h"
#include "files/file_walk.h"
#include "flat_string_map.h"
#include "furet/analysis/analyzer.h"
#include "furet/indexer/update_report.h"
#include "store/manifest.h"
#include "store/site_templates.h"

namespace furet::detail {

/// The manifest key of article `id`.
std::string manifest_key(const std::string& id);

/// The boolean term that groups article `id`'s passages.
std::string article_term(const std::string& id);

/// Changes to a database's spelling table, applied once at the end of a run:
/// one update per distinct word instead of one per article.
using SpellingDelta = FlatStringMap<std::int64_t>;

/// Adds and removes the counted spellings in `db`.
void apply_spellings(const SpellingDelta& delta, Xapian::WritableDatabase& db);

/// Records the schema and analysis of `config` in `db`, and the time if `changed`.
void write_run_metadata(Xapian::WritableDatabase& db, const std::string& config, bool changed);

/// One database of the index: the index itself, one of its shards, or a
/// scratch database of a first build.
struct Shard {
  std::string dir;
  Xapian::WritableDatabase db;
  SpellingDelta spellings;  ///< of the run under way
};

/// Reads, analyses and writes articles. Not thread-safe: one per thread.
class ArticleIndexer {
 public:
  explicit ArticleIndexer(const Analyzer& analyzer) : analyzer_(analyzer), reader_(analyzer_) {}
  ArticleIndexer(const ArticleIndexer&) = delete;  // reader_ points at analyzer_
  ArticleIndexer& operator=(const ArticleIndexer&) = delete;

  /// Brings article `id` (`file`, indexed before as `old`, or null) up to date
  /// in `shard`, and says so in `report`. True if the shard holds the article
  /// afterwards: written, unchanged, or kept as it was because the file could
  /// not be read this time (FileNote::kept); false if it holds no article.
  bool index_file(Shard& shard, const FoundFile& file, const std::string& id, const FileRecord* old,
                  bool rebuild, UpdateReport& report);
  /// Removes an article's passages and the spelling counts they added.
  void delete_article(Shard& shard, const std::string& id);

  /// Where the articles read next learn their sites' templates: `counts`
  /// (the whole index as the run sees it; null: nowhere, no line is left out
  /// as template), and for the sites in `decided` (null: none), that decision.
  void learn_templates_from(const Xapian::Database* counts,
                            const TemplateDecisions* decided = nullptr) {
    template_counts_ = counts;
    template_decisions_ = decided;
  }
  /// The sites of the articles written or deleted since the last call (their
  /// templates may have changed), which it forgets.
  std::set<std::string> take_touched_sites() { return std::exchange(touched_sites_, {}); }

 private:
  std::uint32_t write_article(Shard& shard, const std::string& id, const FoundFile& file,
                              const Article& article);

  Analyzer analyzer_;
  ArticleReader reader_;
  const Xapian::Database* template_counts_ = nullptr;
  const TemplateDecisions* template_decisions_ = nullptr;
  std::set<std::string> touched_sites_;
};

/// While it lives, an indexer learns its sites' templates from `counts` (and
/// `decided`), as ArticleIndexer::learn_templates_from says; then nowhere, so
/// that it never reads a database gone with a failed run.
class LearningTemplates {
 public:
  LearningTemplates(ArticleIndexer& indexer, const Xapian::Database& counts,
                    const TemplateDecisions* decided = nullptr)
      : indexer_(indexer) {
    indexer_.learn_templates_from(&counts, decided);
  }
  ~LearningTemplates() { indexer_.learn_templates_from(nullptr); }
  LearningTemplates(const LearningTemplates&) = delete;
  LearningTemplates& operator=(const LearningTemplates&) = delete;

 private:
  ArticleIndexer& indexer_;
};

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_STORE_ARTICLE_INDEXER_H_
