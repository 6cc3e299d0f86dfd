// Passage document data as a small JSON object.
#include "furet/analysis/passage_data.h"

#include <nlohmann/json.hpp>

#include "furet/error.h"

namespace furet {

std::string PassageData::encode() const {
  const nlohmann::json j = {{"path", path}, {"title", title}, {"text", text},
                            {"begin", begin}, {"end", end},   {"n", ordinal}};
  // Paths may hold bytes that are not UTF-8; they are shown, not used as keys.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

PassageData PassageData::decode(std::string_view data) {
  try {
    const nlohmann::json j = nlohmann::json::parse(data);
    PassageData p;
    p.path = j.at("path").get<std::string>();
    p.title = j.at("title").get<std::string>();
    p.text = j.at("text").get<std::string>();
    p.begin = j.at("begin").get<std::uint32_t>();
    p.end = j.at("end").get<std::uint32_t>();
    p.ordinal = j.at("n").get<std::uint32_t>();
    return p;
  } catch (const nlohmann::json::exception& e) {
    throw IncompatibleIndex(std::string("passage data is not in furet's format: ") + e.what());
  }
}

}  // namespace furet
