// The analyser's word cache: a map that forgets everything when full.
#include "word_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace furet::detail {
namespace {

TEST(WordCacheTest, FindsWhatWasInsertedThroughGrowth) {
  WordCache<int> cache(100000);
  for (int i = 0; i < 20000; ++i) {  // past the first table sizes: rehashed several times
    EXPECT_EQ(cache.insert("mot" + std::to_string(i), i), i);
  }
  EXPECT_EQ(cache.size(), 20000u);
  for (int i = 0; i < 20000; ++i) {
    const int* found = cache.find("mot" + std::to_string(i));
    ASSERT_NE(found, nullptr) << i;
    EXPECT_EQ(*found, i);
  }
  EXPECT_EQ(cache.find("mot20000"), nullptr);
  EXPECT_EQ(cache.find(""), nullptr);
  EXPECT_EQ(cache.find("mot1 "), nullptr);  // a key is its exact bytes
}

TEST(WordCacheTest, TellsKeysApartByTheirBytes) {
  WordCache<int> cache(10);
  cache.insert("été", 1);
  cache.insert("ete", 2);
  cache.insert(std::string("a\0b", 3), 3);
  EXPECT_EQ(*cache.find("été"), 1);
  EXPECT_EQ(*cache.find("ete"), 2);
  EXPECT_EQ(*cache.find(std::string("a\0b", 3)), 3);
  EXPECT_EQ(cache.find("a"), nullptr);
}

TEST(WordCacheTest, StartsAgainWhenFull) {
  WordCache<int> cache(3);
  cache.insert("un", 1);
  cache.insert("deux", 2);
  cache.insert("trois", 3);
  EXPECT_EQ(cache.size(), 3u);
  cache.insert("quatre", 4);  // over the capacity: the others are forgotten
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.find("un"), nullptr);
  EXPECT_EQ(*cache.find("quatre"), 4);
  cache.clear();
  EXPECT_EQ(cache.find("quatre"), nullptr);
  EXPECT_EQ(cache.size(), 0u);
}

}  // namespace
}  // namespace furet::detail
