// Manifest records survive any path bytes and reject garbage.
#include "store/manifest.h"

#include <gtest/gtest.h>

namespace furet::detail {
namespace {

TEST(ManifestTest, RecordRoundTripsWithAnyPathBytes) {
  FileRecord r{"/tmp/a b\tc\nd\xff.txt", "a b\tc\nd\xff.txt",   5994,
               1763800000123456789,      0x1234abcd5678ef90ull, 14};
  EXPECT_EQ(decode(encode(r)), r);
}

TEST(ManifestTest, RejectsGarbage) {
  EXPECT_FALSE(decode(""));
  EXPECT_FALSE(decode("1 2 3"));
  EXPECT_FALSE(decode("9 1 2 3 4 1:a1:b"));
  EXPECT_FALSE(decode("1 1 2 3 4 5:ab1:b"));
}

TEST(ManifestTest, ArticleIdIsStableAndShort) {
  EXPECT_EQ(article_id("/corpus/a.txt"), article_id("/corpus/a.txt"));
  EXPECT_NE(article_id("/corpus/a.txt"), article_id("/corpus/b.txt"));
  EXPECT_EQ(article_id(std::string(4000, 'x')).size(), 8u);
}

}  // namespace
}  // namespace furet::detail
