// The Searcher: open indexes, run the query, re-rank passages, cap per article.
#include "furet/searcher.h"

#include <sys/stat.h>
#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <new>
#include <numeric>
#include <optional>
#include <sstream>

#include "article_evidence.h"
#include "docid_order.h"
#include "explainer.h"
#include "filters.h"
#include "furet/analysis/analyzer.h"
#include "furet/analysis/article_data.h"
#include "furet/analysis/passage_fingerprint.h"
#include "furet/analysis/schema.h"
#include "passage_match.h"
#include "query_builder.h"
#include "query_parser.h"
#include "ranker.h"
#include "spelling.h"
#include "terminal_text.h"
#include "thesaurus.h"

namespace furet {
namespace {

constexpr std::string_view kRemoteScheme = "tcp://";

// A query is a few words; past this it is pasted text, and every word costs
// work in matching and re-ranking, so the rest is not read.
constexpr std::size_t kMaxQueryBytes = 1024;

bool is_remote(const std::string& location) { return location.rfind(kRemoteScheme, 0) == 0; }

// Why a folder that Xapian cannot open holds no index, and what to do: the
// advice is safe to follow (furet's writer never writes into a folder that
// holds files it did not make).
IndexNotFound no_index(const std::string& location, const std::string& reason) {
  using Remedy = Error::Remedy;
  std::error_code ec;
  const bool folder = std::filesystem::is_directory(location, ec);
  if (folder && std::filesystem::exists(location + "/furet.lock", ec)) {
    return IndexNotFound(
        "no index at '" + location + "' yet: its first build has not finished; build one first",
        Remedy::kBuild, location);
  }
  if (folder && !std::filesystem::is_empty(location, ec)) {
    return IndexNotFound("no furet index at '" + location + "': " + reason +
                             "; it holds other files, so build the index in a new folder",
                         Remedy::kNewFolder, location);
  }
  return IndexNotFound("no furet index at '" + location + "': " + reason + "; build one first",
                       Remedy::kBuild, location);
}

Xapian::Database open_one(const std::string& location) {
  if (is_remote(location)) {
    const std::string address = location.substr(kRemoteScheme.size());
    const std::size_t colon = address.rfind(':');
    unsigned port = 0;
    const char* digits = colon == std::string::npos ? nullptr : address.data() + colon + 1;
    const char* end = address.data() + address.size();
    const auto parsed = digits ? std::from_chars(digits, end, port) : std::from_chars_result{};
    if (!digits || digits == end || parsed.ec != std::errc() || parsed.ptr != end || port == 0 ||
        port > 65535) {
      throw InvalidArgument("index location '" + location + "': expected tcp://HOST:PORT");
    }
    const std::string host = address.substr(0, colon);
    return Xapian::Remote::open(host, port);
  }
  struct stat st {};
  if (::stat(location.c_str(), &st) != 0) {
    throw IndexNotFound("no index at '" + location + "': build one first", Error::Remedy::kBuild,
                        location);
  }
  try {
    return Xapian::Database(location);
  } catch (const Xapian::DatabaseNotFoundError& e) {
    throw no_index(location, e.get_msg());
  }
}

// What identifies the shard list a local location was opened through: a
// rebuild or a re-sharding renames a new one into place, which Xapian's
// reopen() cannot see (it rereads the databases it already has).
struct ShardListStamp {
  bool exists = false;
  dev_t device = 0;
  ino_t inode = 0;
  timespec mtime{};

  bool operator==(const ShardListStamp& o) const {
    return exists == o.exists && device == o.device && inode == o.inode &&
           mtime.tv_sec == o.mtime.tv_sec && mtime.tv_nsec == o.mtime.tv_nsec;
  }
};

ShardListStamp stamp_of(const std::string& location) {
  ShardListStamp stamp;
  if (is_remote(location)) return stamp;
  struct stat st {};
  const std::string list = location + "/" + schema::kShardListFile;
  if (::stat(list.c_str(), &st) != 0 && ::stat(location.c_str(), &st) != 0) return stamp;
  stamp.exists = true;
  stamp.device = st.st_dev;
  stamp.inode = st.st_ino;
  stamp.mtime = st.st_mtim;
  return stamp;
}

std::vector<ShardListStamp> stamps_of(const std::vector<std::string>& locations) {
  std::vector<ShardListStamp> stamps;
  for (const std::string& location : locations) stamps.push_back(stamp_of(location));
  return stamps;
}

// Xapian counts documents in 32 bits: a larger count means "all of them".
Xapian::doccount as_doccount(std::size_t n) {
  return static_cast<Xapian::doccount>(
      std::min<std::size_t>(n, std::numeric_limits<Xapian::doccount>::max()));
}

// The values in `slot` of documents `dids`, read along one value stream in
// document order rather than by a lookup per document.
std::vector<std::string> values_of(const Xapian::Database& db, Xapian::valueno slot,
                                   const std::vector<Xapian::docid>& dids) {
  std::vector<std::string> values(dids.size());
  Xapian::ValueIterator it = db.valuestream_begin(slot);
  for (std::size_t i : detail::in_docid_order(dids)) {
    if (it == db.valuestream_end(slot)) break;
    if (it.get_docid() < dids[i]) it.skip_to(dids[i]);
    if (it != db.valuestream_end(slot) && it.get_docid() == dids[i]) values[i] = *it;
  }
  return values;
}

// Passage ordinals of documents `dids`.
std::vector<std::uint32_t> ordinals_of(const Xapian::Database& db,
                                       const std::vector<Xapian::docid>& dids) {
  std::vector<std::uint32_t> ordinals;
  for (const std::string& v : values_of(db, schema::kPassageOrdinalSlot, dids)) {
    ordinals.push_back(v.empty() ? 0 : static_cast<std::uint32_t>(Xapian::sortable_unserialise(v)));
  }
  return ordinals;
}

// An article id as the API shows it: its 8 bytes (schema.h) as 16 hex digits.
std::string hex_of_id(std::string_view id) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (const char c : id) {
    const auto byte = static_cast<unsigned char>(c);
    hex += kDigits[byte >> 4];
    hex += kDigits[byte & 0xF];
  }
  return hex;
}

// The 8 bytes of an id given as 16 hex digits; InvalidArgument otherwise.
std::string id_of_hex(std::string_view hex) {
  const auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string id;
  for (std::size_t i = 0; hex.size() == 16 && i < hex.size(); i += 2) {
    const int high = nibble(hex[i]), low = nibble(hex[i + 1]);
    if (high < 0 || low < 0) break;
    id += static_cast<char>(high << 4 | low);
  }
  if (id.size() != 8) {
    throw InvalidArgument("article id '" + terminal_safe(hex) + "': want 16 hex digits");
  }
  return id;
}

// An article's metadata onto a Hit or an Article, which name them alike.
template <typename Shown>
void show_metadata(const ArticleData::Metadata& meta, Shown& shown) {
  shown.published = meta.published;
  shown.published_from_file = meta.published_from_file;
  shown.author = meta.author;
  shown.source = meta.source;
  shown.url = meta.url;
  shown.language = meta.language;
}

// The stored data of those of articles `ids` the index holds, read from
// their first passages in one query: a remote index answers it in one round
// trip, not one per article.
std::map<std::string, ArticleData> find_articles(const Xapian::Database& db,
                                                 std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<Xapian::Query> terms;
  for (const std::string& id : ids) terms.emplace_back(std::string(schema::kArticlePrefix) + id);
  const std::string first = Xapian::sortable_serialise(0);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(
      Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
      Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kPassageOrdinalSlot, first, first)));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::MSet found = enquire.get_mset(0, as_doccount(ids.size()));
  found.fetch();
  std::map<std::string, ArticleData> articles;
  for (auto it = found.begin(); it != found.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    articles.emplace(doc.get_value(schema::kArticleIdSlot), ArticleData::decode(doc.get_data()));
  }
  return articles;
}

std::string joined(const std::vector<std::string>& locations) {
  std::string out;
  for (const std::string& l : locations) out += (out.empty() ? "" : ", ") + l;
  return out;
}

// The index folder a remedy can name: the one location, if it is a folder
// here; "" for shards named one by one or an index served from elsewhere.
std::string one_folder(const std::vector<std::string>& locations) {
  return locations.size() == 1 && !is_remote(locations[0]) ? locations[0] : std::string();
}

// The stored data of articles `ids` from their first passages, `openings`,
// read in document order: no query, where a local index already said them.
std::map<std::string, ArticleData> articles_at(
    const Xapian::Database& db, const std::vector<std::string>& ids,
    const std::map<std::string, Xapian::docid>& openings) {
  std::vector<std::pair<Xapian::docid, const std::string*>> wanted;
  for (const std::string& id : ids) wanted.emplace_back(openings.at(id), &id);
  std::sort(wanted.begin(), wanted.end());
  std::map<std::string, ArticleData> articles;
  for (const auto& [opening, id] : wanted) {
    if (articles.count(*id) > 0) continue;
    const std::string data = db.get_document(opening, Xapian::DOC_ASSUME_VALID).get_data();
    if (!data.empty()) articles.emplace(*id, ArticleData::decode(data));
  }
  return articles;
}

// The stored data of articles `ids`, which the index at `locations` must
// hold: they are those of passages it just matched. `openings`, when it names
// the first passage of each, saves looking for them; the look is still made
// if one of those passages holds no data.
std::map<std::string, ArticleData> articles_of(
    const Xapian::Database& db, const std::vector<std::string>& ids,
    const std::vector<std::string>& locations,
    const std::map<std::string, Xapian::docid>& openings = {}) {
  const auto all_in = [&ids](const auto& map) {
    return std::all_of(ids.begin(), ids.end(),
                       [&map](const std::string& id) { return map.count(id) > 0; });
  };
  std::map<std::string, ArticleData> articles;
  if (all_in(openings)) articles = articles_at(db, ids, openings);
  if (!all_in(articles)) articles = find_articles(db, ids);
  if (!all_in(articles)) {
    throw IncompatibleIndex("index '" + joined(locations) +
                                "' holds passages without their article's stored data; rebuild "
                                "it from its articles",
                            Error::Remedy::kRebuild, one_folder(locations));
  }
  return articles;
}

// The matching passages and articles: counted when every match is a
// candidate, else Xapian's estimate of passages, and of articles the same
// estimate over the candidates' passages per article.
void estimate_totals(Xapian::doccount matches_estimated,
                     const std::vector<detail::Candidate>& candidates, std::size_t wanted,
                     SearchResult& result) {
  std::vector<std::string_view> articles;
  for (const detail::Candidate& c : candidates) articles.push_back(c.article);
  std::sort(articles.begin(), articles.end());
  const auto distinct =
      static_cast<std::size_t>(std::unique(articles.begin(), articles.end()) - articles.begin());
  if (candidates.size() < wanted) {
    result.estimated_passages = candidates.size();
    result.estimated_articles = distinct;
    return;
  }
  result.estimated_passages = matches_estimated;
  result.estimated_articles = static_cast<std::size_t>(
      static_cast<double>(distinct) * static_cast<double>(result.estimated_passages) /
          static_cast<double>(std::max<std::size_t>(candidates.size(), 1)) +
      0.5);
}

// The `wanted` passages matching `query` of highest weight.
Xapian::MSet best_matches(Xapian::Enquire& enquire, const Xapian::Query& query, std::size_t wanted,
                          Xapian::doccount& matches_estimated) {
  enquire.set_query(query);
  Xapian::MSet found = enquire.get_mset(0, as_doccount(wanted));
  matches_estimated = found.get_matches_estimated();
  return found;
}

// The `wanted` newest passages matching `query`, of highest weight within a
// day. Sorting by a value reads it for every match, where a search by weight
// skips most of them: so only the newest months are sorted, as many as
// should hold `wanted` matches if matches spread evenly over the months (twice
// that), widened fourfold while they hold fewer (the matches outside them
// are all older), and all months only as a last resort.
Xapian::MSet newest_matches(const Xapian::Database& db, Xapian::Enquire& enquire,
                            const Xapian::Query& query, std::size_t wanted,
                            Xapian::doccount& matches_estimated) {
  // Xapian estimates the count from the terms' frequencies, sorting nothing.
  enquire.set_query(query);
  matches_estimated = enquire.get_mset(0, 0).get_matches_estimated();
  const std::vector<std::string> months = detail::dates_in(db, schema::kMonthPrefix);
  enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
  const double share = 2.0 * static_cast<double>(wanted) /
                       static_cast<double>(std::max<Xapian::doccount>(matches_estimated, 1));
  constexpr std::size_t kWidening = 4;
  for (auto span = std::max<std::size_t>(
           1, static_cast<std::size_t>(std::ceil(share * static_cast<double>(months.size()))));
       span < months.size(); span *= kWidening) {
    std::vector<Xapian::Query> newest;
    for (std::size_t i = months.size() - span; i < months.size(); ++i) {
      newest.emplace_back(std::string(schema::kMonthPrefix) + months[i]);
    }
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, query,
                      Xapian::Query(Xapian::Query::OP_OR, newest.begin(), newest.end())));
    Xapian::MSet found = enquire.get_mset(0, as_doccount(wanted));
    if (found.size() >= wanted) return found;
  }
  enquire.set_query(query);
  Xapian::MSet found = enquire.get_mset(0, as_doccount(wanted));
  matches_estimated = found.get_matches_estimated();
  return found;
}

// The hits to show, in ranking order, and for each the other articles that
// hold the same text.
struct Selection {
  std::vector<std::size_t> shown;                 // candidate indexes
  std::vector<std::vector<std::string>> also_in;  // article ids, per shown hit
};

// Takes candidates in `order` until `options.limit` are shown: past
// options.offset of them, at most options.per_article per article, and a
// passage whose text a better one has (PassageFingerprint) never: that one
// names its article instead, if another. The passages passed over for the
// offset count as shown for both rules, so pages agree.
Selection select_hits(const std::vector<std::size_t>& order,
                      const std::vector<detail::Candidate>& candidates,
                      const std::vector<std::string>& fingerprint_values,
                      const SearchOptions& options) {
  Selection selection;
  std::vector<PassageFingerprint> fingerprints;
  for (const std::string& value : fingerprint_values) {
    fingerprints.push_back(PassageFingerprint::decode(value));
  }
  std::vector<std::size_t> kept;               // candidate indexes, passed over or shown
  std::vector<std::vector<std::string>> also;  // per kept
  std::map<std::string, std::size_t> per_article;
  for (std::size_t i : order) {
    if (kept.size() == options.offset + options.limit) break;
    const auto same = std::find_if(kept.begin(), kept.end(), [&](std::size_t k) {
      return fingerprints[i].same_text_as(fingerprints[k]);
    });
    if (same != kept.end()) {
      const auto at = static_cast<std::size_t>(same - kept.begin());
      const std::string& article = candidates[i].article;
      std::vector<std::string>& others = also[at];
      if (article != candidates[*same].article &&
          std::find(others.begin(), others.end(), article) == others.end()) {
        others.push_back(article);
      }
      continue;
    }
    if (options.per_article && ++per_article[candidates[i].article] > options.per_article) {
      continue;
    }
    kept.push_back(i);
    also.emplace_back();
  }
  for (std::size_t k = std::min(options.offset, kept.size()); k < kept.size(); ++k) {
    selection.shown.push_back(kept[k]);
    selection.also_in.push_back(std::move(also[k]));
  }
  return selection;
}

}  // namespace

struct Searcher::Impl {
  std::vector<std::string> locations;
  bool remote = false;  // any location is served over the network
  Xapian::Database db;
  std::vector<ShardListStamp> stamps;  // of each location, when db was opened
  Analyzer analyzer;
  std::optional<detail::Thesaurus> own_thesaurus;  // set by load_thesaurus()

  const detail::Thesaurus& thesaurus() const {
    return own_thesaurus ? *own_thesaurus : detail::Thesaurus::builtin(analyzer);
  }

  // What the stages of a search pass on (run_as_typed), candidate by candidate.
  struct Candidates {
    std::vector<Xapian::docid> docids;
    std::vector<detail::Candidate> seen;            // BM25 weight, article, match
    std::vector<std::uint32_t> ordinals;            // passage ordinals, when read while matching
    std::map<std::string, Xapian::docid> openings;  // articles' first passages, when local
    std::size_t wanted = 0;                         // candidates asked of Xapian
    Xapian::doccount matches_estimated = 0;
  };
  struct Ranking {
    std::vector<detail::ScoreParts> scores;  // by candidate
    std::vector<std::size_t> order;          // candidate indexes, best first
  };

  void open();
  void refresh();
  bool generation_changed() const;
  SearchResult run(std::string_view query, const SearchOptions& options);
  SearchResult run_as_typed(std::string_view query, const SearchOptions& options);
  std::optional<Xapian::Query> filtered_query(const detail::BuiltQuery& built,
                                              const SearchOptions& options) const;
  Candidates fetch_candidates(Xapian::Enquire& enquire, const Xapian::Query& query,
                              const detail::BuiltQuery& built, const SearchOptions& options) const;
  Ranking rank(const Candidates& candidates, const detail::BuiltQuery& built,
               const SearchOptions& options) const;
  Selection select(const Candidates& candidates, const Ranking& ranking,
                   const SearchOptions& options) const;
  std::vector<Hit> make_hits(const Xapian::Enquire& enquire, const Candidates& candidates,
                             const Ranking& ranking, const Selection& selection,
                             const detail::BuiltQuery& built, const SearchOptions& options) const;
  Explanation explain(const Xapian::Enquire& enquire, Xapian::docid did,
                      const detail::ScoreParts& score, const detail::Candidate& candidate,
                      const detail::BuiltQuery& built) const;
};

Searcher::Searcher(const std::string& location) : Searcher(std::vector<std::string>{location}) {}

// Opens every location as one database. A generation replaced while it is
// opened (its files removed under the open) is opened again from the new list.
void Searcher::Impl::open() {
  const std::string where = joined(locations);
  for (int attempt = 1;; ++attempt) {
    std::vector<ShardListStamp> seen = stamps_of(locations);
    try {
      Xapian::Database opened;
      for (const std::string& location : locations) opened.add_database(open_one(location));
      const std::string why = schema::incompatibility(
          where, opened.get_metadata(std::string(schema::kSchemaKey)),
          opened.get_metadata(std::string(schema::kAnalysisKey)), analyzer.config_string());
      if (!why.empty()) {
        throw IncompatibleIndex(why, Error::Remedy::kRebuild, one_folder(locations));
      }
      db = std::move(opened);
      stamps = std::move(seen);
      return;
    } catch (...) {
      if (attempt == 3 || stamps_of(locations) == seen) throw;
    }
  }
}

// Brings the handle to the latest commit: reopen() for updates, a fresh open
// when a rebuild or a re-sharding published another generation.
void Searcher::Impl::refresh() {
  if (generation_changed()) {
    open();
    return;
  }
  db.reopen();  // cheap when nothing was committed: one revision check
}

// Whether a location's shard list changed since the handle was opened (a
// rebuild or a re-sharding published another generation).
bool Searcher::Impl::generation_changed() const {
  for (std::size_t i = 0; i < locations.size(); ++i) {
    if (!(stamp_of(locations[i]) == stamps[i])) return true;
  }
  return false;
}

// Everything a public function lets out is a furet::Error, but for memory
// running out, which is no fault of the index (the C API tells it apart).
template <typename Body>
auto guarded(const std::string& doing, const std::vector<std::string>& locations, Body body) {
  try {
    return body();
  } catch (const Error&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const Xapian::Error& e) {
    throw IoError(doing + " '" + joined(locations) + "': " + e.get_description());
  } catch (const std::exception& e) {
    throw IoError(doing + " '" + joined(locations) + "': " + e.what());
  }
}

Searcher::Searcher(const std::vector<std::string>& locations) : impl_(std::make_unique<Impl>()) {
  if (locations.empty()) throw InvalidArgument("no index location given");
  impl_->locations = locations;
  for (const std::string& location : locations) {
    impl_->remote = impl_->remote || is_remote(location);
  }
  guarded("cannot open index", locations, [&] { impl_->open(); });
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

void Searcher::load_thesaurus(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) throw IoError("cannot read thesaurus '" + path + "': " + std::strerror(errno));
  guarded("cannot load thesaurus for", impl_->locations,
          [&] { impl_->own_thesaurus.emplace(text.str(), impl_->analyzer); });
}

void Searcher::reopen() {
  guarded("cannot reopen index", impl_->locations, [&] { impl_->refresh(); });
}

SearchResult Searcher::search(std::string_view query, const SearchOptions& options) {
  // A writer that commits twice while a search reads discards the revision
  // it reads: the search starts again on the new one. A search reads for a
  // few milliseconds and a commit takes longer, so a few attempts suffice
  // even for a writer in a loop (seen under the sanitizers: two in a row).
  // A rebuild that publishes a new generation and removes the old one between
  // the check of the shard list and the reading of the old generation makes
  // that reading fail to open its files: the next attempt opens the new one
  // (seen in tests/serve, a search during `--rebuild`).
  constexpr int kAttempts = 5;
  return guarded("cannot search index", impl_->locations, [&] {
    for (int attempt = 1;; ++attempt) {
      try {
        impl_->refresh();
        return impl_->run(query, options);
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == kAttempts) throw;
      } catch (const Xapian::DatabaseOpeningError&) {
        if (attempt == kAttempts || !impl_->generation_changed()) throw;
      }
    }
  });
}

std::optional<Article> Searcher::article(std::string_view id) {
  const std::string key = id_of_hex(id);
  return guarded("cannot read index", impl_->locations, [&]() -> std::optional<Article> {
    impl_->refresh();
    std::map<std::string, ArticleData> found = find_articles(impl_->db, {key});
    if (found.empty()) return std::nullopt;
    ArticleData& data = found.begin()->second;
    Article article;
    article.id = hex_of_id(key);
    article.path = std::move(data.path);
    article.title = std::move(data.title);
    article.text = std::move(data.text);
    show_metadata(data.metadata, article);
    return article;
  });
}

Explanation Searcher::Impl::explain(const Xapian::Enquire& enquire, Xapian::docid did,
                                    const detail::ScoreParts& score,
                                    const detail::Candidate& candidate,
                                    const detail::BuiltQuery& built) const {
  Explanation e;
  e.bm25 = score.bm25;
  e.terms = detail::split_bm25(db, enquire, did, built.concepts);
  e.coverage = score.coverage;
  e.coverage_factor = score.coverage_factor;
  e.proximity = score.proximity;
  e.proximity_factor = score.proximity_factor;
  e.article = score.article;
  e.article_factor = score.article_factor;
  e.article_bm25 = score.article_bm25;
  e.article_bm25_factor = score.article_bm25_factor;
  e.opening_factor = score.opening_factor;
  e.recency_factor = score.recency_factor;
  e.synonyms = candidate.match.synonyms_used;
  return e;
}

SearchResult Searcher::Impl::run(std::string_view query, const SearchOptions& options) {
  std::vector<std::string> notes;
  if (query.size() > kMaxQueryBytes) {
    std::size_t cut = kMaxQueryBytes;
    while (cut > 0 && (static_cast<unsigned char>(query[cut]) & 0xC0) == 0x80) --cut;
    query = query.substr(0, cut);
    notes.push_back("the query was cut to its first " + std::to_string(cut) + " bytes");
  }
  // Spelling replaces only the words that match nothing; the correction of
  // a word that matches passages is offered, and searched only if the query
  // finds nothing.
  detail::Spelling spelling{std::string(query), std::string(query)};
  if (options.correct_spelling) spelling = detail::correct_spelling(query, analyzer, db);
  SearchResult result = run_as_typed(spelling.searched, options);
  if (spelling.searched != query) result.corrected_query = spelling.searched;
  if (spelling.suggested != spelling.searched) {
    if (result.hits.empty()) {
      result = run_as_typed(spelling.suggested, options);
      result.corrected_query = std::move(spelling.suggested);
    } else {
      result.suggested_query = std::move(spelling.suggested);
    }
  }
  result.warnings.insert(result.warnings.begin(), notes.begin(), notes.end());
  return result;
}

// A search's stages, in order: the query and its filters, the candidates
// fetched and matched, their ranking, the hits selected (repeats shown once),
// the hits made. Each stage is a function below.
SearchResult Searcher::Impl::run_as_typed(std::string_view searched, const SearchOptions& options) {
  SearchResult result;
  const detail::BuiltQuery built = build_query(detail::parse_query(searched), analyzer, db,
                                               options.synonyms ? &thesaurus() : nullptr);
  result.warnings.insert(result.warnings.end(), built.warnings.begin(), built.warnings.end());
  if (!(options.recency_half_life_days >= 0)) {
    throw InvalidArgument("recency half-life: want 0 (none) or a number of days, not " +
                          std::to_string(options.recency_half_life_days));
  }
  const std::optional<Xapian::Query> query = filtered_query(built, options);
  if (!query || options.limit == 0) return result;

  Xapian::Enquire enquire(db);
  const Candidates candidates = fetch_candidates(enquire, *query, built, options);
  const Ranking ranking = rank(candidates, built, options);
  const Selection selection = select(candidates, ranking, options);
  estimate_totals(candidates.matches_estimated, candidates.seen, candidates.wanted, result);
  result.hits = make_hits(enquire, candidates, ranking, selection, built, options);
  return result;
}

// The Xapian query of `built` with the options' filters, which narrow the
// match itself, not the top passages of an unfiltered one; nothing when no
// passage can match.
std::optional<Xapian::Query> Searcher::Impl::filtered_query(const detail::BuiltQuery& built,
                                                            const SearchOptions& options) const {
  Xapian::Query query = built.xapian_query();
  if (query.empty()) return std::nullopt;
  // Only "7d" and "2w" need today; the clock is not read for other searches.
  const bool dated = !options.since.empty() || !options.until.empty();
  if (const std::optional<Xapian::Query> filter = detail::filter_query(
          options, analyzer, db, dated ? detail::today_utc() : std::string())) {
    if (filter->empty()) return std::nullopt;  // no passage can pass it
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, *filter);
  }
  return query;
}

// The passages Xapian ranks first (by BM25, or newest first), matched
// against the query's concepts. Candidates are matched from their position
// lists; a remote index answers each position list in a round trip, so its
// candidates are read whole instead.
Searcher::Impl::Candidates Searcher::Impl::fetch_candidates(Xapian::Enquire& enquire,
                                                            const Xapian::Query& query,
                                                            const detail::BuiltQuery& built,
                                                            const SearchOptions& options) const {
  Candidates candidates;
  enquire.set_weighting_scheme(
      Xapian::BM25Weight(detail::kBm25K1, 0, 1, detail::kBm25B, detail::kBm25MinNormLength));
  candidates.wanted = std::max(options.candidates, options.offset + options.limit);
  const Xapian::MSet found =
      options.sort == SearchOptions::Sort::kDate
          ? newest_matches(db, enquire, query, candidates.wanted, candidates.matches_estimated)
          : best_matches(enquire, query, candidates.wanted, candidates.matches_estimated);

  for (auto it = found.begin(); it != found.end(); ++it) candidates.docids.push_back(*it);
  const std::vector<Xapian::docid>& docids = candidates.docids;
  std::vector<std::string> articles = values_of(db, schema::kArticleIdSlot, docids);
  std::vector<detail::PassageMatch> matches;
  if (remote) {
    const std::map<std::string, ArticleData> texts = articles_of(db, articles, locations);
    std::map<std::string, std::vector<Token>> titles;  // analysed once per article
    for (const auto& [id, article] : texts) titles.emplace(id, analyzer.analyze(article.title));
    candidates.ordinals = ordinals_of(db, docids);
    for (std::size_t i = 0; i < docids.size(); ++i) {
      const ArticleData& article = texts.at(articles[i]);
      matches.push_back(
          detail::match_passage(analyzer.analyze(article.passage(candidates.ordinals[i])),
                                built.concepts, titles.at(articles[i])));
    }
  } else {
    matches = detail::QueryTerms(built.concepts).match(db, docids);
  }
  const std::map<std::string, detail::WholeArticle> whole =
      detail::whole_articles(db, remote, articles, built.concepts);
  for (const auto& [id, article] : whole) {
    if (article.opening != 0) candidates.openings.emplace(id, article.opening);  // local only
  }
  candidates.seen.reserve(found.size());
  for (auto it = found.begin(); it != found.end(); ++it) {
    const auto i = static_cast<std::size_t>(it.get_rank());
    const detail::WholeArticle& article = whole.at(articles[i]);
    const bool opening = remote ? candidates.ordinals[i] == 0 : *it == article.opening;
    candidates.seen.push_back(
        {it.get_weight(), std::move(articles[i]), std::move(matches[i]), article.bm25, opening});
  }
  return candidates;
}

// The candidates' scores and their order, best first (newest first by date).
// Ties break on the article and the passage's place in it (an article's
// passages are added in order), not on the order Xapian returned them, so
// one index and its shards rank the same passages the same way.
Searcher::Impl::Ranking Searcher::Impl::rank(const Candidates& candidates,
                                             const detail::BuiltQuery& built,
                                             const SearchOptions& options) const {
  Ranking ranking;
  const std::vector<Xapian::docid>& docids = candidates.docids;
  const std::vector<detail::Candidate>& seen = candidates.seen;
  const bool by_date = options.sort == SearchOptions::Sort::kDate;
  const bool recency = options.recency_half_life_days > 0;
  const std::vector<std::string> dates =
      by_date || recency ? values_of(db, schema::kDateSlot, docids) : std::vector<std::string>();
  ranking.scores = detail::score_candidates(seen, built.concepts);
  if (recency) {
    detail::prefer_recent(ranking.scores, dates, detail::today_utc(),
                          options.recency_half_life_days);
  }
  ranking.order.resize(seen.size());
  std::iota(ranking.order.begin(), ranking.order.end(), std::size_t{0});
  const std::vector<detail::ScoreParts>& scores = ranking.scores;
  std::sort(ranking.order.begin(), ranking.order.end(), [&](std::size_t a, std::size_t b) {
    if (by_date && dates[a] != dates[b]) return dates[a] > dates[b];
    if (scores[a].total != scores[b].total) return scores[a].total > scores[b].total;
    if (seen[a].article != seen[b].article) return seen[a].article < seen[b].article;
    return docids[a] < docids[b];
  });
  return ranking;
}

// The hits to show, repeated passages once. Fingerprints are read for the
// best candidates first: a page seldom needs more than a few past its end,
// unless duplicates are many.
Selection Searcher::Impl::select(const Candidates& candidates, const Ranking& ranking,
                                 const SearchOptions& options) const {
  constexpr std::size_t kSpareCandidates = 8;
  const std::vector<std::size_t>& order = ranking.order;
  const std::size_t first_read =
      std::min(order.size(), options.offset + options.limit + kSpareCandidates);
  std::vector<Xapian::docid> best(first_read);
  for (std::size_t k = 0; k < first_read; ++k) best[k] = candidates.docids[order[k]];
  std::vector<std::string> fingerprints(candidates.docids.size());
  std::vector<std::string> read = values_of(db, schema::kFingerprintSlot, best);
  for (std::size_t k = 0; k < first_read; ++k) fingerprints[order[k]] = std::move(read[k]);
  Selection selection = select_hits(order, candidates.seen, fingerprints, options);
  if (selection.shown.size() < options.limit && first_read < order.size()) {
    selection = select_hits(order, candidates.seen,
                            values_of(db, schema::kFingerprintSlot, candidates.docids), options);
  }
  return selection;
}

// The hits shown, from their articles' stored data (read in one query), with
// highlights and, if asked, explanations.
std::vector<Hit> Searcher::Impl::make_hits(const Xapian::Enquire& enquire,
                                           const Candidates& candidates, const Ranking& ranking,
                                           const Selection& selection,
                                           const detail::BuiltQuery& built,
                                           const SearchOptions& options) const {
  const std::vector<std::size_t>& shown = selection.shown;
  const std::vector<detail::Candidate>& seen = candidates.seen;
  std::vector<Xapian::docid> shown_docids;
  std::vector<std::uint32_t> shown_ordinals;
  std::vector<std::string> wanted_articles;
  for (std::size_t i : shown) {
    wanted_articles.push_back(seen[i].article);
    shown_docids.push_back(candidates.docids[i]);
    if (!candidates.ordinals.empty()) shown_ordinals.push_back(candidates.ordinals[i]);
  }
  // Only the hits shown need their place in the article.
  if (candidates.ordinals.empty()) shown_ordinals = ordinals_of(db, shown_docids);
  for (const std::vector<std::string>& others : selection.also_in) {
    wanted_articles.insert(wanted_articles.end(), others.begin(), others.end());
  }
  const std::map<std::string, ArticleData> texts =
      articles_of(db, wanted_articles, locations, candidates.openings);
  std::vector<Hit> hits;
  for (std::size_t k = 0; k < shown.size(); ++k) {
    const std::size_t i = shown[k];
    const std::uint32_t ordinal = shown_ordinals[k];
    const ArticleData& article = texts.at(seen[i].article);
    Hit hit;
    hit.rank = options.offset + hits.size() + 1;
    hit.score = ranking.scores[i].total;
    hit.path = article.path;
    hit.article_id = hex_of_id(seen[i].article);
    hit.title = article.title;
    hit.passage = article.passage(ordinal);  // checks the ordinal
    hit.begin = article.passages[ordinal].begin;
    hit.end = article.passages[ordinal].end;
    for (const std::string& other : selection.also_in[k]) {
      hit.also_in.push_back(texts.at(other).path);
    }
    show_metadata(article.metadata, hit);
    hit.highlights =
        detail::match_passage(analyzer.analyze(hit.passage), built.concepts).highlights;
    if (options.explain) {
      hit.explanation = explain(enquire, candidates.docids[i], ranking.scores[i], seen[i], built);
    }
    hits.push_back(std::move(hit));
  }
  return hits;
}

}  // namespace furet
