/* furet's C API: search furet indexes from C, or from any language with a C FFI.
 *
 * Handles are opaque and freed by their own function. Strings are UTF-8, in
 * and out; returned strings belong to the handle they come from and live as
 * long as it. No function throws: those that can fail return a status, and
 * when it is not FURET_OK, furet_error_message() tells what failed (per
 * thread).
 *
 * Example:
 *   furet_searcher* searcher;
 *   const char* index = ".furet";
 *   if (furet_open(&index, 1, &searcher) != FURET_OK) {
 *     fprintf(stderr, "%s\n", furet_error_message());
 *     return 2;
 *   }
 *   furet_results* results;
 *   if (furet_search(searcher, "licence H200", NULL, &results) == FURET_OK) {
 *     for (size_t i = 0; i < furet_results_count(results); ++i)
 *       printf("%s: %s\n", furet_hit_path(results, i), furet_hit_passage(results, i));
 *     furet_results_free(results);
 *   }
 *   furet_close(searcher);
 *
 * Thread-safety: a furet_searcher is used by one thread at a time (each
 * search moves it to the index's latest commit); threads that share one take
 * turns, threads that each open their own search in parallel. A
 * furet_results is not changed by reading it: any number of threads may read
 * one at once, until it is freed. The functions that take no handle may be
 * called from any thread at any time.
 */
#ifndef FURET_FURET_H_
#define FURET_FURET_H_

#include <stddef.h>
#include <stdint.h>

#include "furet/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a call did. */
typedef enum furet_status {
  FURET_OK = 0,
  FURET_ERROR_INDEX_NOT_FOUND = 1,  /**< no index at a location */
  FURET_ERROR_INDEX_LOCKED = 2,     /**< another process is updating it */
  FURET_ERROR_INCOMPATIBLE = 3,     /**< built by an unknown schema or analysis version */
  FURET_ERROR_IO = 4,               /**< the index cannot be read */
  FURET_ERROR_INVALID_ARGUMENT = 5, /**< a NULL handle, a bad location, ... */
  FURET_ERROR_INTERNAL = 6          /**< anything else, out of memory included */
} furet_status;

/** An open index (or several shards searched as one). */
typedef struct furet_searcher furet_searcher;
/** The hits of one search. */
typedef struct furet_results furet_results;

/** Search options; start from furet_search_options_init(). */
typedef struct furet_search_options {
  size_t limit;         /**< hits to return (default 10) */
  size_t per_article;   /**< at most this many passages per article, 0 for no cap (default 0) */
  int synonyms;         /**< non-zero: also search thesaurus synonyms (default 1) */
  int correct_spelling; /**< non-zero: correct words the index does not know (default 1) */
  const char* since;    /**< only articles dated on or after: "2025-08-12", "2025-08", "2025",
                             "7d", "2w"; NULL for no bound (default) */
  const char* until;    /**< only articles dated on or before; NULL for no bound (default) */
  const char* source;   /**< only articles of this source (site, else folder); NULL: any */
  const char* language; /**< only articles declaring this language ("fr"); NULL: any */
  int sort_by_date;     /**< non-zero: newest first (default 0: best first) */
  size_t offset;        /**< hits passed over first, for paging (default 0) */
  double recency_half_life_days; /**< > 0: prefer recent articles, the gain halving every
                                      this many days (default 0: no preference) */
  const char* path;              /**< only articles whose file matches this glob
                                      (SearchOptions::paths); NULL: any (default) */
} furet_search_options;

/** The library's version, e.g. "0.1.0": a static string. Thread-safe. */
FURET_EXPORT const char* furet_version(void);

/** The message of this thread's last failed call, "" after a successful
 *  furet_open() or furet_search(). It says what to do in words ("build one
 *  first", "rebuild it from its articles"), never with a command line, which
 *  is the calling program's to offer. It stays valid until this thread's next
 *  call of a function returning a furet_status. Thread-safe: each thread has
 *  its own. */
FURET_EXPORT const char* furet_error_message(void);

/** Fills `options` with the defaults; NULL is ignored. Thread-safe. */
FURET_EXPORT void furet_search_options_init(furet_search_options* options);

/** Opens `count` index locations (directories, or "tcp://HOST:PORT") as one
 *  index; on success *searcher is a handle for furet_close(). Returns
 *  FURET_OK, or:
 *  - FURET_ERROR_INVALID_ARGUMENT: `searcher` is NULL, `locations` is NULL
 *    while `count` is not 0, `count` is 0, a location is NULL, or a "tcp://"
 *    location names no HOST:PORT;
 *  - FURET_ERROR_INDEX_NOT_FOUND: no index at a location;
 *  - FURET_ERROR_INCOMPATIBLE: an index built by an unknown schema or
 *    analysis version;
 *  - FURET_ERROR_IO: an index that cannot be read, a server that cannot be
 *    reached;
 *  - FURET_ERROR_INTERNAL: out of memory, or anything else.
 *  Never FURET_ERROR_INDEX_LOCKED: reading needs no lock. Thread-safe. */
FURET_EXPORT furet_status furet_open(const char* const* locations, size_t count,
                                     furet_searcher** searcher);

/** Closes a searcher; NULL is ignored. Not while another thread uses it. */
FURET_EXPORT void furet_close(furet_searcher* searcher);

/** Searches; `options` may be NULL for the defaults. On success *results is a
 *  handle for furet_results_free(), possibly with no hits; a malformed query
 *  is read leniently, never an error. Returns FURET_OK, or:
 *  - FURET_ERROR_INVALID_ARGUMENT: `searcher`, `query` or `results` is NULL,
 *    `since` or `until` is no date, `recency_half_life_days` is negative;
 *  - FURET_ERROR_INDEX_NOT_FOUND: the index was deleted since it was opened;
 *  - FURET_ERROR_INCOMPATIBLE: it was rebuilt since by another schema or
 *    analysis;
 *  - FURET_ERROR_IO: it cannot be read;
 *  - FURET_ERROR_INTERNAL: out of memory, or anything else.
 *  One thread at a time per searcher. */
FURET_EXPORT furet_status furet_search(furet_searcher* searcher, const char* query,
                                       const furet_search_options* options,
                                       furet_results** results);

/** Frees results; NULL is ignored. Not while another thread reads them. */
FURET_EXPORT void furet_results_free(furet_results* results);

/* The getters below never fail: NULL results give 0 or "". */

/** Number of hits, best first. */
FURET_EXPORT size_t furet_results_count(const furet_results* results);
/** The query actually searched when spelling correction changed it (the query as typed found
 *  nothing), else "". */
FURET_EXPORT const char* furet_results_corrected_query(const furet_results* results);
/** A correction offered when the query as typed found passages ("did you mean"), else "". */
FURET_EXPORT const char* furet_results_suggested_query(const furet_results* results);
/** Matching passages and articles: counted when every match was a candidate, else estimated. */
FURET_EXPORT size_t furet_results_estimated_passages(const furet_results* results);
FURET_EXPORT size_t furet_results_estimated_articles(const furet_results* results);

/* Fields of hit `i` (0 <= i < furet_results_count); out of range gives 0 or "". */
FURET_EXPORT size_t furet_hit_rank(const furet_results* results, size_t i);
FURET_EXPORT double furet_hit_score(const furet_results* results, size_t i);
FURET_EXPORT const char* furet_hit_path(const furet_results* results, size_t i);
FURET_EXPORT const char* furet_hit_title(const furet_results* results, size_t i);
/** The article's publication date, ISO 8601 ("2025-08-12"), or its file's date when it gives
 *  none (then furet_hit_date_from_file() is 1). */
FURET_EXPORT const char* furet_hit_date(const furet_results* results, size_t i);
FURET_EXPORT int furet_hit_date_from_file(const furet_results* results, size_t i);
/** The article's author, source (site, publisher, else its folder), canonical address and
 *  declared language ("fr"); "" where unknown. */
FURET_EXPORT const char* furet_hit_author(const furet_results* results, size_t i);
FURET_EXPORT const char* furet_hit_source(const furet_results* results, size_t i);
FURET_EXPORT const char* furet_hit_url(const furet_results* results, size_t i);
FURET_EXPORT const char* furet_hit_language(const furet_results* results, size_t i);
FURET_EXPORT const char* furet_hit_passage(const furet_results* results, size_t i);
/** Other articles holding the same passage (shown once): how many, and the path of the k-th. */
FURET_EXPORT size_t furet_hit_also_in_count(const furet_results* results, size_t i);
FURET_EXPORT const char* furet_hit_also_in(const furet_results* results, size_t i, size_t k);
/** Byte range of the passage in the article's text. */
FURET_EXPORT uint32_t furet_hit_begin(const furet_results* results, size_t i);
FURET_EXPORT uint32_t furet_hit_end(const furet_results* results, size_t i);
/** Number of highlighted ranges in the passage. */
FURET_EXPORT size_t furet_hit_highlight_count(const furet_results* results, size_t i);
/** Highlight `k` of hit `i`: byte range [*begin, *end) of the passage; 0 on success, -1
 *  (and nothing written) if there is no such highlight or `begin` or `end` is NULL. */
FURET_EXPORT int furet_hit_highlight(const furet_results* results, size_t i, size_t k,
                                     uint32_t* begin, uint32_t* end);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* FURET_FURET_H_ */
