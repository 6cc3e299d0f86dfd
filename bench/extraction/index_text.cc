// furet-index-text: the searchable text of every article of an index, as it is stored.
//
//   furet-index-text INDEX
//
// Prints one JSON line per article, {"page": "<its path>", "text": "<its passages>"}, the
// format furet-extract-bench prints for files. Where furet-extract-bench reads each file
// alone, this reads what the index kept, after what it learnt from all the articles of a
// site (the site's template: docs/architecture.md); template_dumps.py compares the two.
#include <xapian.h>

#include <exception>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "furet/analysis/article_data.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: furet-index-text INDEX\n";
    return 2;
  }
  try {
    const Xapian::Database db(argv[1]);  // an index folder is a stub over its shards
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      const std::string data = db.get_document(*it).get_data();
      if (data.empty()) continue;  // a passage after the first stores nothing
      const furet::ArticleData article = furet::ArticleData::decode(data);
      std::string text;
      for (std::uint32_t k = 0; k < article.passages.size(); ++k) {
        text += article.passage(k);
        text += '\n';
      }
      std::cout << nlohmann::json{{"page", article.path}, {"text", text}}.dump(
                       -1, ' ', false, nlohmann::json::error_handler_t::replace)
                << '\n';
    }
  } catch (const Xapian::Error& e) {
    std::cerr << "furet-index-text: " << argv[1] << ": " << e.get_description() << '\n';
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "furet-index-text: " << argv[1] << ": " << e.what() << '\n';
    return 1;
  }
  return 0;
}
