// The values a search takes and gives: options in; hits, articles and their
// explanations out. Plain structs, copyable, with no link to an index.
#ifndef FURET_SEARCH_TYPES_H_
#define FURET_SEARCH_TYPES_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace furet {

/// How to search. Every field has a default; set only what you need.
struct SearchOptions {
  /// Hits to return (default 10).
  std::size_t limit = 10;
  /// Hits to pass over first, for paging: hits offset+1 to offset+limit are
  /// returned, ranked from offset+1 (default 0). Pages agree with one another
  /// while offset + limit stays within `candidates`.
  std::size_t offset = 0;
  /// At most this many passages of one article among the hits; 0 for no cap (default).
  std::size_t per_article = 0;
  /// Also search the thesaurus synonyms of the query's words, with less weight (default).
  bool synonyms = true;
  /// Passages fetched from the index and re-ranked before the cap applies (default 50).
  std::size_t candidates = 50;
  /// Spelling: a query word the index does not know has a correction, the
  /// closest word it does know ("Nvidea" -> "Nvidia"). When the query as typed
  /// finds nothing, the corrected query is searched (SearchResult::corrected_query
  /// says so); when it finds passages, they are shown and the correction is only
  /// offered (SearchResult::suggested_query). Default: on.
  bool correct_spelling = true;
  /// Fill Hit::explanation with the parts of each score (default: off).
  bool explain = false;
  /// Only passages of articles published on or after / on or before these
  /// days: "2025-08-12", "2025-08" (a month), "2025" (a year), or "7d" / "2w"
  /// (the last 7 days / 2 weeks, UTC). An article that gives no date is dated
  /// by its file. Empty: no bound (default). A bound that is no date makes
  /// search() throw InvalidArgument.
  std::string since;
  std::string until;
  /// Only passages of articles from any of these sources (the site or
  /// publisher, else the article's folder; case and accents do not matter).
  std::vector<std::string> sources;
  /// Only passages of articles that declare this language ("fr").
  std::string language;
  /// Only passages of articles whose file matches any of these globs: `*`
  /// any characters (`/` included), `?` one, `[…]` a set. A glob that begins
  /// with `/` is matched against the whole absolute path; any other against
  /// its end, after a `/` ("sport/*.md", "*.html"). A path longer than some
  /// 240 bytes is matched by none.
  std::vector<std::string> paths;
  /// Order of the hits.
  enum class Sort {
    kRelevance,  ///< best first (default)
    kDate,       ///< newest first, the most relevant first within a day
  };
  Sort sort = Sort::kRelevance;
  /// Prefer recent articles: a passage's score gains up to 25 % for an
  /// article dated today, a gain halved every this many days of age, so that
  /// an older passage that is clearly better still ranks first and none is
  /// left out. 0: no preference (default). Negative: search() throws
  /// InvalidArgument.
  double recency_half_life_days = 0;
};

/// One query term's share of a passage's BM25 weight.
struct TermWeight {
  std::string term;    ///< the index term
  std::string origin;  ///< "word", "synonym" (from the thesaurus) or "title"
  double weight = 0;   ///< its BM25 contribution, after its query weight
};

/// Why a passage scored what it did: score = bm25 × coverage_factor ×
/// proximity_factor × article_factor × article_bm25_factor × opening_factor ×
/// recency_factor (see docs/ranking.md).
struct Explanation {
  double bm25 = 0;                ///< the index's BM25 weight of the passage
  std::vector<TermWeight> terms;  ///< how that weight splits across terms (approximate)
  double coverage = 0;            ///< share of the query's weight in the passage, 0..1
  double coverage_factor = 0;
  double proximity = 0;  ///< matched concepts / span of words holding them, 0..1
  double proximity_factor = 0;
  double article = 0;  ///< share of the query's weight its candidate passages hold, 0..1
  double article_factor = 0;
  double article_bm25 = 0;  ///< the whole article's BM25, over the query's weight
  double article_bm25_factor = 0;
  double opening_factor = 1;  ///< above 1 for an article's first passage
  double recency_factor = 1;  ///< 1 + the recency gain (SearchOptions::recency_half_life_days)
  std::vector<std::string> synonyms;  ///< "licence -> autorisation" for each used synonym
};

/// A byte range [begin, end) of Hit::passage that matched the query.
struct HighlightRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

inline bool operator==(const HighlightRange& a, const HighlightRange& b) {
  return a.begin == b.begin && a.end == b.end;
}

/// One passage that answers the query.
struct Hit {
  std::size_t rank = 0;     ///< 1 for the best hit
  double score = 0;         ///< higher is better; comparable within one search only
  std::string path;         ///< the article's file: absolute, canonical
  std::string title;        ///< the article's title
  std::string passage;      ///< the passage text (a few sentences, UTF-8)
  std::uint32_t begin = 0;  ///< byte range of the passage in the article's text
  std::uint32_t end = 0;
  std::vector<HighlightRange> highlights;  ///< query terms in `passage`, in order
  std::optional<Explanation> explanation;  ///< with SearchOptions::explain only
  /// The article's publication date, ISO 8601 ("2025-08-12" or
  /// "2025-08-12T14:05"); when the article gives none, the date of its file.
  std::string published;
  bool published_from_file = false;  ///< `published` is the file's modification date
  std::string author;                ///< empty if unknown
  std::string source;                ///< the site or publisher, else the article's folder
  std::string url;                   ///< canonical address, if known
  std::string language;              ///< as the article declares it, if it does
  /// Other articles that hold the same passage (word for word, or nearly),
  /// by path: it is shown once, here.
  std::vector<std::string> also_in;
  /// The article's id in the index (16 hex digits), for Searcher::article().
  std::string article_id;
};

/// A whole article as the index stores it: what a client needs to show a
/// passage in its context (Hit::begin and Hit::end index `text`).
struct Article {
  std::string id;                    ///< 16 hex digits, as Hit::article_id
  std::string path;                  ///< the article's file: absolute, canonical
  std::string title;                 ///< the article's title
  std::string text;                  ///< the article's readable text, passages and all
  std::string published;             ///< as Hit::published
  bool published_from_file = false;  ///< as Hit::published_from_file
  std::string author;                ///< empty if unknown
  std::string source;                ///< the site or publisher, else the article's folder
  std::string url;                   ///< canonical address, if known
  std::string language;              ///< as the article declares it, if it does
};

/// The outcome of a search: the hits, best first, and what was not understood.
struct SearchResult {
  std::vector<Hit> hits;
  /// The query actually searched when spelling correction changed it (the
  /// query as typed found nothing), else empty.
  std::string corrected_query;
  /// A spelling the index knows better, offered ("did you mean") when the
  /// query as typed found passages, else empty.
  std::string suggested_query;
  /// Parts of the query read other than as written (an unbalanced quote, a lone
  /// '*'), each a sentence for the user.
  std::vector<std::string> warnings;
  /// How many passages match, and in how many articles: exact when every
  /// match was a candidate, else Xapian's estimate and the candidates'
  /// passages per article applied to it.
  std::size_t estimated_passages = 0;
  std::size_t estimated_articles = 0;
};

}  // namespace furet

#endif  // FURET_SEARCH_TYPES_H_
