// The flat hash map behind the analyser's word cache and the spelling counts.
#include "flat_string_map.h"

#include <gtest/gtest.h>

#include <string>

namespace furet::detail {
namespace {

TEST(FlatStringMapTest, FindsWhatWasInsertedThroughGrowth) {
  FlatStringMap<int> map;
  for (int i = 0; i < 20000; ++i) {  // past the first table sizes: rehashed several times
    EXPECT_EQ(map.insert("mot" + std::to_string(i), i), i);
  }
  EXPECT_EQ(map.size(), 20000u);
  for (int i = 0; i < 20000; ++i) {
    const int* found = map.find("mot" + std::to_string(i));
    ASSERT_NE(found, nullptr) << i;
    EXPECT_EQ(*found, i);
  }
  EXPECT_EQ(map.find("mot20000"), nullptr);
  EXPECT_EQ(map.find(""), nullptr);
  EXPECT_EQ(map.find("mot1 "), nullptr);  // a key is its exact bytes
}

TEST(FlatStringMapTest, TellsKeysApartByTheirBytes) {
  FlatStringMap<int> map;
  map.insert("été", 1);
  map.insert("ete", 2);
  map.insert(std::string("a\0b", 3), 3);
  EXPECT_EQ(*map.find("été"), 1);
  EXPECT_EQ(*map.find("ete"), 2);
  EXPECT_EQ(*map.find(std::string("a\0b", 3)), 3);
  EXPECT_EQ(map.find("a"), nullptr);
}

TEST(FlatStringMapTest, CountsThroughTheIndexOperatorInInsertionOrder) {
  FlatStringMap<long> counts;
  for (const char* word : {"puce", "licence", "puce", "puce", "export"}) ++counts[word];
  counts["licence"] -= 3;
  ASSERT_EQ(counts.size(), 3u);
  std::vector<std::pair<std::string, long>> seen(counts.begin(), counts.end());
  EXPECT_EQ(seen, (std::vector<std::pair<std::string, long>>{
                      {"puce", 3}, {"licence", -2}, {"export", 1}}));
}

TEST(FlatStringMapTest, ClearForgetsEveryKey) {
  FlatStringMap<int> map;
  map.insert("un", 1);
  map.insert("deux", 2);
  map.clear();
  EXPECT_TRUE(map.empty());
  EXPECT_EQ(map.find("un"), nullptr);
  map.insert("un", 3);  // the slots were emptied too: no stale index is followed
  EXPECT_EQ(*map.find("un"), 3);
  EXPECT_EQ(map.find("deux"), nullptr);
}

}  // namespace
}  // namespace furet::detail
