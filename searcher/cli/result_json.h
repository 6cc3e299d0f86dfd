// Search results as JSON: the one shape furet-search --json and furet-serve share.
#ifndef FURET_SEARCHER_CLI_RESULT_JSON_H_
#define FURET_SEARCHER_CLI_RESULT_JSON_H_

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "furet/search_types.h"

namespace furet::json {

/// How a program shows an article's path (furet-search: relative to the
/// working directory when below it).
using ShowPath = std::function<std::string(const std::string&)>;

/// One hit: rank, score, id, doc, title, passage, begin, end, highlights (byte
/// ranges of the passage), then date, date_from_file, author, source, url,
/// lang and also_in where known, and explain with SearchOptions::explain.
nlohmann::json hit(const Hit& hit, const ShowPath& show_path);

/// A whole article (furet-serve's /articles/ID): id, doc, title, text, then
/// the metadata as in hit().
nlohmann::json article(const Article& article);

/// What the search made of the query: query, searched, suggestion (when
/// offered), hits, estimated_passages, estimated_articles.
nlohmann::json summary(const SearchResult& result, std::string_view query);

/// Compact JSON text; bytes that are not UTF-8 become U+FFFD.
std::string dump(const nlohmann::json& value);

}  // namespace furet::json

#endif  // FURET_SEARCHER_CLI_RESULT_JSON_H_
