#include "result_json.h"

#include <utility>

namespace furet::json {
namespace {

nlohmann::json explanation(const Explanation& e) {
  nlohmann::json terms = nlohmann::json::array();
  for (const TermWeight& t : e.terms) {
    terms.push_back({{"term", t.term}, {"origin", t.origin}, {"weight", t.weight}});
  }
  return {{"bm25", e.bm25},
          {"terms", terms},
          {"coverage", e.coverage},
          {"coverage_factor", e.coverage_factor},
          {"proximity", e.proximity},
          {"proximity_factor", e.proximity_factor},
          {"article", e.article},
          {"article_factor", e.article_factor},
          {"article_bm25", e.article_bm25},
          {"article_bm25_factor", e.article_bm25_factor},
          {"opening_factor", e.opening_factor},
          {"recency_factor", e.recency_factor},
          {"synonyms", e.synonyms}};
}

// A Hit's or an Article's metadata, only where known; a date that is the
// file's says so.
template <typename Shown>
void add_metadata(nlohmann::json& out, const Shown& shown) {
  if (!shown.published.empty()) out["date"] = shown.published;
  if (shown.published_from_file) out["date_from_file"] = true;
  for (const auto& [key, value] :
       {std::pair{"author", &shown.author}, std::pair{"source", &shown.source},
        std::pair{"url", &shown.url}, std::pair{"lang", &shown.language}}) {
    if (!value->empty()) out[key] = *value;
  }
}

}  // namespace

nlohmann::json hit(const Hit& hit, const ShowPath& show_path) {
  nlohmann::json highlights = nlohmann::json::array();
  for (const HighlightRange& h : hit.highlights) highlights.push_back({h.begin, h.end});
  nlohmann::json out = {
      {"rank", hit.rank},           {"score", hit.score}, {"id", hit.article_id},
      {"doc", show_path(hit.path)}, {"title", hit.title}, {"passage", hit.passage},
      {"begin", hit.begin},         {"end", hit.end},     {"highlights", highlights}};
  add_metadata(out, hit);
  if (!hit.also_in.empty()) {
    nlohmann::json others = nlohmann::json::array();
    for (const std::string& path : hit.also_in) others.push_back(show_path(path));
    out["also_in"] = others;
  }
  if (hit.explanation) out["explain"] = explanation(*hit.explanation);
  return out;
}

nlohmann::json article(const Article& article) {
  nlohmann::json out = {
      {"id", article.id}, {"doc", article.path}, {"title", article.title}, {"text", article.text}};
  add_metadata(out, article);
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
