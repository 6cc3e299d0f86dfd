// Learning each site's template from the index: what the terms of its
// articles' zone lines count, and the re-reading of articles a change implies.
#ifndef FURET_INDEXER_SRC_STORE_SITE_TEMPLATES_H_
#define FURET_INDEXER_SRC_STORE_SITE_TEMPLATES_H_

#include <xapian.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extract/site_template.h"

namespace furet::detail {

/// A line is its site's template when at least kMinTemplateArticles articles
/// of the site, and at least half of them, hold it among their zone lines: a
/// site's standing lines, not a phrase a few articles share. At these
/// thresholds no line of the Debian documentation corpus, nor of the CNIL
/// answers, is template (bench/RESULTS.md).
constexpr Xapian::doccount kMinTemplateArticles = 5;

/// The site an article's template is learnt in: the one it declares
/// (og:site_name, publisher, front matter), case aside, else the folder that
/// holds `source` (its canonical path). 8 bytes, most significant first.
std::string site_key(std::string_view declared_site, std::string_view source);

/// Boolean terms on an article's first passage: one per article of the site
/// (so that its frequency is the site's article count), one per zone line,
/// one per zone line the template held when the article was written.
std::string site_term(const std::string& site);
std::string zone_line_term(const std::string& site, std::uint64_t line);
std::string template_line_term(const std::string& site, std::uint64_t line);

/// The site of an article's first passage `doc` (its site term), or empty.
std::string site_of_document(const Xapian::Document& doc);

/// Per site, the lines that are its template, each with the one article that
/// keeps it (the holder of the smallest article id): a site's standing line
/// leaves its articles' passages but stays findable, once.
using TemplateDecisions = std::map<std::string, std::map<std::uint64_t, std::string>>;

/// The templates as `db` (the whole index, or what a run sees of it) counts
/// them, for the article of `source` about to be written, which counts as one
/// more article of its site holding the line; a site in `decided` is answered
/// from there, where the article that keeps a line is told it is no template.
class TemplateCounts final : public SiteTemplates {
 public:
  TemplateCounts(const Xapian::Database& db, std::string source,
                 const TemplateDecisions* decided = nullptr)
      : db_(db), source_(std::move(source)), decided_(decided) {}
  bool is_template(std::string_view site, std::uint64_t line) const override;

 private:
  const Xapian::Database& db_;
  std::string source_;
  const TemplateDecisions* decided_;
};

/// An article whose stored lines disagree with its site's template as now
/// counted: a line that became template is still in its passages (and the
/// article does not keep it), or one that no longer is, or that it now keeps,
/// was left out.
struct StaleArticle {
  std::size_t shard;
  std::string id;
};

/// The articles of `sites` (all sites if null) that `all` (the index's
/// `shard_count` databases, in order, as one) holds stale, and the template
/// decided for each site.
std::vector<StaleArticle> find_stale_articles(const Xapian::Database& all, std::size_t shard_count,
                                              const std::set<std::string>* sites,
                                              TemplateDecisions& decided);

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_STORE_SITE_TEMPLATES_H_
