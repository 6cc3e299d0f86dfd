// Shards, local and remote (xapian-tcpsrv on loopback), rank exactly as one index.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmath>
#include <thread>

#include "../process_util.h"
#include "../reliability/corpus_maker.h"
#include "furet/indexer/index_writer.h"
#include "furet/searcher.h"

namespace furet::testing {
namespace {

const std::vector<std::string> kQueries = {"licence H200",
                                           "DeepSeek entraînement puces",
                                           "securite nationale",
                                           "Mar-a-Lago",
                                           "\"sécurité nationale\" -experts",
                                           "puces H20 OR H200",
                                           "autoris*",
                                           "Zhipu Huawei",
                                           "Quelles puces sont interdites à l'exportation ?",
                                           "Nvidea"};

class ShardsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const std::string corpus = *dir_ / "corpus";
    std::filesystem::copy(corpus_dir(), corpus);
    CorpusMaker maker(5);
    for (int id = 0; id < 60; ++id) maker.write(corpus, id, 0);
    for (std::size_t shards : {1, 2, 4}) {
      IndexWriter(index(shards), shards).update({corpus});
    }
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string index(std::size_t shards) {
    return *dir_ / ("index" + std::to_string(shards));
  }

  // The two searches return the same passages in the same order, same scores.
  // Every match is a candidate: passages tied in BM25 at the candidates' cut are
  // chosen by document id, which differs between an index and its shards, and
  // this corpus repeats whole passages.
  static void expect_same(Searcher& expected, Searcher& actual, const std::string& label,
                          const std::vector<std::string>& queries = kQueries) {
    for (const std::string& q : queries) {
      SearchOptions options;
      options.limit = 20;
      options.candidates = 1000;
      const SearchResult a = expected.search(q, options);
      const SearchResult b = actual.search(q, options);
      ASSERT_EQ(a.hits.size(), b.hits.size()) << label << ": " << q;
      EXPECT_EQ(a.corrected_query, b.corrected_query) << label << ": " << q;
      for (std::size_t i = 0; i < a.hits.size(); ++i) {
        EXPECT_EQ(a.hits[i].path, b.hits[i].path) << label << ": " << q << " #" << i;
        EXPECT_EQ(a.hits[i].passage, b.hits[i].passage) << label << ": " << q << " #" << i;
        EXPECT_NEAR(a.hits[i].score, b.hits[i].score, 1e-9 * std::abs(a.hits[i].score))
            << label << ": " << q << " #" << i;
      }
    }
  }

  static TempDir* dir_;
};

TempDir* ShardsTest::dir_ = nullptr;

TEST_F(ShardsTest, LocalShardsRankAsOneIndex) {
  Searcher single(index(1));
  for (std::size_t shards : {2, 4}) {
    Searcher sharded(index(shards));
    expect_same(single, sharded, std::to_string(shards) + " shards");
  }
}

TEST_F(ShardsTest, ArticlesNeverSpanShards) {
  const std::vector<std::string> shards = shard_databases(index(4));
  ASSERT_EQ(shards.size(), 4u);
  std::map<std::string, int> shard_of_article;
  int non_empty = 0;
  for (int s = 0; s < 4; ++s) {
    Searcher searcher(shards[s]);
    SearchOptions options;
    options.limit = 1000;
    const SearchResult result = searcher.search("puces OR Nvidia OR Chine", options);
    non_empty += !result.hits.empty();
    for (const Hit& hit : result.hits) {
      auto [it, inserted] = shard_of_article.emplace(hit.path, s);
      EXPECT_EQ(it->second, s) << hit.path << " is in two shards";
    }
  }
  EXPECT_EQ(non_empty, 4) << "articles spread over all shards";
}

// A free TCP port on loopback, for a server started right after.
int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

bool accepts(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

TEST_F(ShardsTest, RemoteShardsRankAsOneIndex) {
  const std::string server = "/usr/bin/xapian-tcpsrv";
  if (::access(server.c_str(), X_OK) != 0) {
    GTEST_SKIP() << server << " not found (Debian package xapian-tools)";
  }
  std::vector<std::unique_ptr<Process>> servers;
  std::vector<std::string> locations;
  for (int s = 0; s < 2; ++s) {
    const int port = free_port();
    servers.push_back(std::make_unique<Process>(
        std::vector<std::string>{server, "--interface", "127.0.0.1", "--port", std::to_string(port),
                                 shard_databases(index(2)).at(s)}));
    locations.push_back("tcp://127.0.0.1:" + std::to_string(port));
    for (int tries = 0; tries < 100 && !accepts(port); ++tries) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_TRUE(accepts(port)) << "xapian-tcpsrv did not start on port " << port;
  }
  Searcher single(index(1));
  Searcher remote(locations);
  // xapian-tcpsrv does not serve the spelling table: no correction remotely.
  std::vector<std::string> queries = kQueries;
  queries.pop_back();
  ASSERT_EQ(kQueries.back(), "Nvidea");
  expect_same(single, remote, "remote shards", queries);
  EXPECT_EQ(remote.search("Nvidea").corrected_query, "");
  EXPECT_EQ(single.search("Nvidea").corrected_query, "Nvidia");
}

}  // namespace
}  // namespace furet::testing
