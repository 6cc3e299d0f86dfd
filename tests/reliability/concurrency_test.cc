// Readers during writes: searches from threads and processes while furet-index
// adds, replaces and removes articles never fail and never see half an update.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <set>
#include <thread>

#include "../process_util.h"
#include "corpus_maker.h"
#include "furet/indexer/index_writer.h"
#include "furet/searcher.h"
#include "index_state.h"
#include "store/manifest.h"

namespace furet::testing {
namespace {

constexpr int kArticles = 40;
constexpr int kReaderThreads = 3;
constexpr int kMinSearches = 2000;  // library searches, all threads
constexpr int kMinUpdates = 5;      // commits the searches run across
constexpr auto kTimeLimit = std::chrono::seconds(120);

// A hit is consistent with a committed state when its article is in that
// state, with that very passage.
bool consistent(const Xapian::Database& db, const Hit& hit) {
  const IndexState state = read_state(db);
  const auto article = state.find(hit.path);
  if (article == state.end()) return false;
  return std::find(article->second.begin(), article->second.end(), hit.passage) !=
         article->second.end();
}

TEST(ConcurrencyTest, SearchesDuringUpdatesNeverFailNorSeeHalfAnUpdate) {
  TempDir tmp;
  const std::string corpus = tmp / "corpus";
  const std::string index = tmp / "index";
  CorpusMaker maker(3);
  for (int id = 0; id < kArticles; ++id) maker.write(corpus, id, 0);
  ASSERT_EQ(run({program("furet-index"), "-q", "--index", index, corpus}).exit_code, 0);

  std::atomic<bool> stop{false};
  std::atomic<int> searches{0}, failures{0}, inconsistencies{0}, checked{0};
  std::atomic<int> updates{0};

  // The writer: each round rewrites, deletes and re-creates some articles, then indexes.
  std::thread writer([&] {
    for (int round = 1; !stop; ++round) {
      for (int id = round % 4; id < kArticles; id += 4) {
        if ((id + round) % 3 == 0) {
          std::filesystem::remove(CorpusMaker::path(corpus, id));
        } else {
          maker.write(corpus, id, round);
        }
      }
      const ProcessResult r = run({program("furet-index"), "-q", "--index", index, corpus});
      if (r.exit_code != 0) ADD_FAILURE() << "furet-index failed: " << r.err;
      ++updates;
    }
  });

  std::vector<std::thread> readers;
  for (int t = 0; t < kReaderThreads; ++t) {
    readers.emplace_back([&, t] {
      const std::vector<std::string> queries = {"puces", "Nvidia H20", "sécurité nationale",
                                                "exportation Chine", "Huawei"};
      Searcher searcher(index);
      for (int i = 0; !stop; ++i) {
        const std::string& query = queries[(i + t) % queries.size()];
        try {
          if (i % 10 != 0) {
            searcher.search(query);
            ++searches;
            continue;
          }
          // Every tenth search is checked. A search reads the commit that is
          // the latest when it starts; when the revision is the same before
          // and after it, that commit is the one the checker opened first.
          Xapian::Database db(index);
          const SearchResult result = searcher.search(query);
          Xapian::Database again(index);
          ++searches;
          if (db.get_revision() != again.get_revision() || result.hits.empty()) continue;
          ++checked;
          for (const Hit& hit : result.hits) {
            if (!consistent(db, hit)) ++inconsistencies;
          }
        } catch (const Xapian::DatabaseModifiedError&) {
          // The checker's own snapshot was overtaken: not the searcher's failure.
        } catch (const std::exception& e) {
          ++failures;
          ADD_FAILURE() << "search failed: " << e.what();
        }
      }
    });
  }

  // A second process searching through the command line at the same time.
  int cli_searches = 0, cli_failures = 0;
  const auto give_up = std::chrono::steady_clock::now() + kTimeLimit * time_scale();
  while ((searches < kMinSearches || updates < kMinUpdates) &&
         std::chrono::steady_clock::now() < give_up) {
    const ProcessResult r = run({program("furet-search"), "--index", index, "--json", "puces"});
    ++cli_searches;
    if (r.exit_code != 0 && r.exit_code != 1) {
      ++cli_failures;
      ADD_FAILURE() << "furet-search exited " << r.exit_code << ": " << r.err;
    }
  }
  stop = true;
  writer.join();
  for (std::thread& r : readers) r.join();

  std::cout << searches << " library searches (" << checked << " checked), " << cli_searches
            << " command-line searches, during " << updates << " updates\n";
  EXPECT_GE(updates.load(), kMinUpdates);
  EXPECT_GE(searches.load(), kMinSearches);
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(cli_failures, 0);
  EXPECT_EQ(inconsistencies.load(), 0);
  EXPECT_GT(checked.load(), 0);
  EXPECT_EQ(consistency_errors(Xapian::Database(index)), std::vector<std::string>{});
}

TEST(ConcurrencyTest, SecondWriterExitsWithAClearMessage) {
  TempDir tmp;
  const std::string index = tmp / "index";
  IndexWriter holder(index);  // holds the write lock
  const ProcessResult r = run({program("furet-index"), "--index", index, corpus_dir()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("'" + index + "' is being updated by another process"), std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace furet::testing
