// The C API over furet::Searcher: handles, status codes, no exception crosses it.
#include <new>
#include <string>

#include "furet/furet.h"
#include "furet/searcher.h"

struct furet_searcher {
  furet::Searcher searcher;
};

struct furet_results {
  furet::SearchResult result;
};

namespace {

thread_local std::string last_error;

furet_status fail(furet_status status, const std::string& message) {
  last_error = message;
  return status;
}

// Runs `body`, turning each exception kind into its status and message.
template <typename Body>
furet_status guarded(Body body) {
  try {
    body();
    last_error.clear();
    return FURET_OK;
  } catch (const furet::IndexNotFound& e) {
    return fail(FURET_ERROR_INDEX_NOT_FOUND, e.what());
  } catch (const furet::IndexLocked& e) {
    return fail(FURET_ERROR_INDEX_LOCKED, e.what());
  } catch (const furet::IncompatibleIndex& e) {
    return fail(FURET_ERROR_INCOMPATIBLE, e.what());
  } catch (const furet::IoError& e) {
    return fail(FURET_ERROR_IO, e.what());
  } catch (const furet::InvalidArgument& e) {
    return fail(FURET_ERROR_INVALID_ARGUMENT, e.what());
  } catch (const std::bad_alloc&) {
    return fail(FURET_ERROR_INTERNAL, "out of memory");
  } catch (const std::exception& e) {
    return fail(FURET_ERROR_INTERNAL, e.what());
  } catch (...) {
    return fail(FURET_ERROR_INTERNAL, "unknown error");
  }
}

const furet::Hit* hit_at(const furet_results* results, size_t i) {
  if (!results || i >= results->result.hits.size()) return nullptr;
  return &results->result.hits[i];
}

// A text field of hit i; "" when there is no such hit.
const char* hit_text(const furet_results* r, size_t i, std::string furet::Hit::*field) {
  const furet::Hit* hit = hit_at(r, i);
  return hit ? (hit->*field).c_str() : "";
}

}  // namespace

extern "C" {

const char* furet_version(void) { return FURET_VERSION; }

const char* furet_error_message(void) { return last_error.c_str(); }

void furet_search_options_init(furet_search_options* options) {
  if (!options) return;
  const furet::SearchOptions defaults;
  options->limit = defaults.limit;
  options->per_article = defaults.per_article;
  options->synonyms = defaults.synonyms ? 1 : 0;
  options->correct_spelling = defaults.correct_spelling ? 1 : 0;
  options->since = nullptr;
  options->until = nullptr;
  options->source = nullptr;
  options->language = nullptr;
  options->path = nullptr;
  options->sort_by_date = 0;
  options->offset = defaults.offset;
  options->recency_half_life_days = defaults.recency_half_life_days;
}

furet_status furet_open(const char* const* locations, size_t count, furet_searcher** searcher) {
  if (!searcher || (!locations && count > 0)) {
    return fail(FURET_ERROR_INVALID_ARGUMENT, "furet_open: NULL argument");
  }
  *searcher = nullptr;
  return guarded([&] {
    std::vector<std::string> list;
    for (size_t i = 0; i < count; ++i) {
      if (!locations[i]) throw furet::InvalidArgument("furet_open: NULL location");
      list.emplace_back(locations[i]);
    }
    *searcher = new furet_searcher{furet::Searcher(list)};
  });
}

void furet_close(furet_searcher* searcher) { delete searcher; }

furet_status furet_search(furet_searcher* searcher, const char* query,
                          const furet_search_options* options, furet_results** results) {
  if (!searcher || !query || !results) {
    return fail(FURET_ERROR_INVALID_ARGUMENT, "furet_search: NULL argument");
  }
  *results = nullptr;
  return guarded([&] {
    furet::SearchOptions o;
    if (options) {
      o.limit = options->limit;
      o.per_article = options->per_article;
      o.synonyms = options->synonyms != 0;
      o.correct_spelling = options->correct_spelling != 0;
      if (options->since) o.since = options->since;
      if (options->until) o.until = options->until;
      if (options->source) o.sources.emplace_back(options->source);
      if (options->language) o.language = options->language;
      if (options->path) o.paths.emplace_back(options->path);
      if (options->sort_by_date) o.sort = furet::SearchOptions::Sort::kDate;
      o.offset = options->offset;
      o.recency_half_life_days = options->recency_half_life_days;
    }
    *results = new furet_results{searcher->searcher.search(query, o)};
  });
}

void furet_results_free(furet_results* results) { delete results; }

size_t furet_results_count(const furet_results* results) {
  return results ? results->result.hits.size() : 0;
}

const char* furet_results_corrected_query(const furet_results* results) {
  return results ? results->result.corrected_query.c_str() : "";
}

const char* furet_results_suggested_query(const furet_results* results) {
  return results ? results->result.suggested_query.c_str() : "";
}

size_t furet_results_estimated_passages(const furet_results* results) {
  return results ? results->result.estimated_passages : 0;
}

size_t furet_results_estimated_articles(const furet_results* results) {
  return results ? results->result.estimated_articles : 0;
}

size_t furet_hit_rank(const furet_results* r, size_t i) {
  const furet::Hit* hit = hit_at(r, i);
  return hit ? hit->rank : 0;
}

double furet_hit_score(const furet_results* r, size_t i) {
  const furet::Hit* hit = hit_at(r, i);
  return hit ? hit->score : 0;
}

const char* furet_hit_path(const furet_results* r, size_t i) {
  return hit_text(r, i, &furet::Hit::path);
}

const char* furet_hit_title(const furet_results* r, size_t i) {
  return hit_text(r, i, &furet::Hit::title);
}

const char* furet_hit_date(const furet_results* r, size_t i) {
  return hit_text(r, i, &furet::Hit::published);
}

int furet_hit_date_from_file(const furet_results* r, size_t i) {
  const furet::Hit* hit = hit_at(r, i);
  return hit && hit->published_from_file ? 1 : 0;
}

const char* furet_hit_author(const furet_results* r, size_t i) {
  return hit_text(r, i, &furet::Hit::author);
}

const char* furet_hit_source(const furet_results* r, size_t i) {
  return hit_text(r, i, &furet::Hit::source);
}

const char* furet_hit_url(const furet_results* r, size_t i) {
  return hit_text(r, i, &furet::Hit::url);
}

const char* furet_hit_language(const furet_results* r, size_t i) {
  return hit_text(r, i, &furet::Hit::language);
}

size_t furet_hit_also_in_count(const furet_results* r, size_t i) {
  const furet::Hit* hit = hit_at(r, i);
  return hit ? hit->also_in.size() : 0;
}

const char* furet_hit_also_in(const furet_results* r, size_t i, size_t k) {
  const furet::Hit* hit = hit_at(r, i);
  return hit && k < hit->also_in.size() ? hit->also_in[k].c_str() : "";
}

const char* furet_hit_passage(const furet_results* r, size_t i) {
  return hit_text(r, i, &furet::Hit::passage);
}

uint32_t furet_hit_begin(const furet_results* r, size_t i) {
  const furet::Hit* hit = hit_at(r, i);
  return hit ? hit->begin : 0;
}

uint32_t furet_hit_end(const furet_results* r, size_t i) {
  const furet::Hit* hit = hit_at(r, i);
  return hit ? hit->end : 0;
}

size_t furet_hit_highlight_count(const furet_results* r, size_t i) {
  const furet::Hit* hit = hit_at(r, i);
  return hit ? hit->highlights.size() : 0;
}

int furet_hit_highlight(const furet_results* r, size_t i, size_t k, uint32_t* begin,
                        uint32_t* end) {
  const furet::Hit* hit = hit_at(r, i);
  if (!hit || k >= hit->highlights.size() || !begin || !end) return -1;
  *begin = hit->highlights[k].begin;
  *end = hit->highlights[k].end;
  return 0;
}

}  // extern "C"
