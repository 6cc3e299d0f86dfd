// The stored form of a passage.
#include "furet/analysis/passage_data.h"

#include <gtest/gtest.h>

#include "furet/error.h"

namespace furet {
namespace {

TEST(PassageDataTest, RoundTrips) {
  PassageData p;
  p.path = "corpus/004_a22323992858b2dd.txt";
  p.title = "Les Etats-Unis autorisent l’exportation";
  p.text = "concerne les puces H200, « un produit »";
  p.begin = 120;
  p.end = 161;
  p.ordinal = 2;
  EXPECT_EQ(PassageData::decode(p.encode()), p);
}

TEST(PassageDataTest, RejectsForeignData) {
  EXPECT_THROW(PassageData::decode("not json"), IncompatibleIndex);
  EXPECT_THROW(PassageData::decode("{\"path\": 1}"), IncompatibleIndex);
}

}  // namespace
}  // namespace furet
