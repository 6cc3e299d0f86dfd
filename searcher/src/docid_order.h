// Reading candidates in document order, the order the index stores them in.
#ifndef FURET_SEARCHER_SRC_DOCID_ORDER_H_
#define FURET_SEARCHER_SRC_DOCID_ORDER_H_

#include <xapian.h>

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

namespace furet::detail {

/// Indexes of `dids`, by increasing document id: position lists and value
/// streams read in this order stay in the blocks under the index's cursor.
inline std::vector<std::size_t> in_docid_order(const std::vector<Xapian::docid>& dids) {
  std::vector<std::size_t> order(dids.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return dids[a] < dids[b]; });
  return order;
}

}  // namespace furet::detail

#endif  // FURET_SEARCHER_SRC_DOCID_ORDER_H_
