// Reading an index's whole state, and checking that it is self-consistent.
#ifndef FURET_TESTS_RELIABILITY_INDEX_STATE_H_
#define FURET_TESTS_RELIABILITY_INDEX_STATE_H_

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "furet/analysis/article_data.h"
#include "furet/analysis/schema.h"
#include "store/manifest.h"

namespace furet::testing {

/// Every article's passages, in order: what a clean build must reproduce.
using IndexState = std::map<std::string, std::vector<std::string>>;

inline IndexState read_state(const Xapian::Database& db) {
  IndexState state;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const std::string stored = db.get_document(*it).get_data();
    if (stored.empty()) continue;  // only an article's first passage holds its data
    const ArticleData a = ArticleData::decode(stored);
    std::vector<std::string>& passages = state[a.path];
    for (std::uint32_t n = 0; n < a.passages.size(); ++n) passages.emplace_back(a.passage(n));
  }
  return state;
}

/// What is wrong with the index, if anything: every manifest entry must have
/// exactly its recorded passages, and every passage a manifest entry (the
/// check furet-index --check runs).
inline std::vector<std::string> consistency_errors(const Xapian::Database& db) {
  return detail::manifest_problems(db, "index");
}

}  // namespace furet::testing

#endif  // FURET_TESTS_RELIABILITY_INDEX_STATE_H_
