// The stored form of an article.
#include "furet/analysis/article_data.h"

#include <gtest/gtest.h>

#include "furet/error.h"

namespace furet {
namespace {

ArticleData sample() {
  ArticleData a;
  a.path = "corpus/004_a22323992858b2dd.txt";
  a.title = "Les Etats-Unis autorisent l’exportation";
  a.text = std::string(300, 'x') + "concerne les puces H200, « un produit »\n\nfin";
  a.passages = {{0, 300}, {300, 341}, {343, 346}};
  a.metadata.published = "2025-12-09";
  a.metadata.author = "AFP";
  a.metadata.source = "Le Monde";
  a.metadata.url = "https://www.lemonde.fr/x";
  a.metadata.language = "fr";
  return a;
}

TEST(ArticleDataTest, RoundTrips) {
  const ArticleData a = sample();
  EXPECT_EQ(ArticleData::decode(a.encode()), a);
  EXPECT_EQ(ArticleData::decode(a.encode()).passage(1), "concerne les puces H200, « un produit »");
  EXPECT_EQ(ArticleData::decode(ArticleData{}.encode()), ArticleData{});
  ArticleData from_file = sample();
  from_file.metadata.published_from_file = true;
  EXPECT_EQ(ArticleData::decode(from_file.encode()), from_file);
  EXPECT_NE(ArticleData::decode(from_file.encode()), sample());
}

TEST(ArticleDataTest, NamesAMissingPassage) {
  try {
    (void)sample().passage(3);
    FAIL() << "passage 3 of 3 was returned";
  } catch (const IncompatibleIndex& e) {
    EXPECT_NE(std::string(e.what()).find("no passage 3"), std::string::npos) << e.what();
  }
}

TEST(ArticleDataTest, RejectsForeignData) {
  EXPECT_THROW(ArticleData::decode(""), IncompatibleIndex);
  EXPECT_THROW(ArticleData::decode("{\"path\": 1}"), IncompatibleIndex);  // schema 2 stored JSON
}

// Every cut of a valid record, and a record whose passage runs past the text,
// is refused rather than read past its end.
TEST(ArticleDataTest, RejectsTruncatedAndInconsistentRecords) {
  const std::string whole = sample().encode();
  for (std::size_t size = 0; size < whole.size(); ++size) {
    EXPECT_THROW(ArticleData::decode(whole.substr(0, size)), IncompatibleIndex) << size;
  }
  EXPECT_THROW(ArticleData::decode(whole + "x"), IncompatibleIndex);
  ArticleData beyond = sample();
  beyond.passages.back().end = static_cast<std::uint32_t>(beyond.text.size() + 1);
  EXPECT_THROW(ArticleData::decode(beyond.encode()), IncompatibleIndex);
}

}  // namespace
}  // namespace furet
