#include "result_json.h"

#include <utility>

namespace furet::json {
namespace {

nlohmann::json explanation(const Explanation& e) {
  nlohmann::json terms = nlohmann::json::array();
  for (const TermWeight& t : e.terms) {
    terms.push_back({{"term", t.term}, {"origin", t.origin}, {"weight", t.weight}});
  }
  return {{"bm25", e.bm25},           {"terms", terms},
          {"coverage", e.coverage},   {"coverage_factor", e.coverage_factor},
          {"proximity", e.proximity}, {"proximity_factor", e.proximity_factor},
          {"article", e.article},     {"article_factor", e.article_factor},
          {"recency_factor", e.recency_factor},
          {"synonyms", e.synonyms}};
}

}  // namespace

nlohmann::json hit(const Hit& hit, const ShowPath& show_path) {
  nlohmann::json highlights = nlohmann::json::array();
  for (const HighlightRange& h : hit.highlights) highlights.push_back({h.begin, h.end});
  nlohmann::json out = {
      {"rank", hit.rank},           {"score", hit.score}, {"id", hit.article_id},
      {"doc", show_path(hit.path)}, {"title", hit.title}, {"passage", hit.passage},
      {"begin", hit.begin},         {"end", hit.end},     {"highlights", highlights}};
  // Metadata only where known; a date that is the file's says so.
  if (!hit.published.empty()) out["date"] = hit.published;
  if (hit.published_from_file) out["date_from_file"] = true;
  for (const auto& [key, value] :
       {std::pair{"author", &hit.author}, std::pair{"source", &hit.source},
        std::pair{"url", &hit.url}, std::pair{"lang", &hit.language}}) {
    if (!value->empty()) out[key] = *value;
  }
  if (!hit.also_in.empty()) {
    nlohmann::json others = nlohmann::json::array();
    for (const std::string& path : hit.also_in) others.push_back(show_path(path));
    out["also_in"] = others;
  }
  if (hit.explanation) out["explain"] = explanation(*hit.explanation);
  return out;
}

nlohmann::json summary(const SearchResult& result, std::string_view query) {
  nlohmann::json out = {
      {"query", query},
      {"searched", result.corrected_query.empty() ? std::string(query) : result.corrected_query},
      {"hits", result.hits.size()},
      {"estimated_passages", result.estimated_passages},
      {"estimated_articles", result.estimated_articles}};
  if (!result.suggested_query.empty()) out["suggestion"] = result.suggested_query;
  return out;
}

std::string dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace furet::json
