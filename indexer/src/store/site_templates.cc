// Each site's template, counted by the terms of its articles' zone lines.
#include "store/site_templates.h"

#include <xxhash.h>

#include <algorithm>
#include <filesystem>

#include "ascii_text.h"
#include "furet/analysis/schema.h"
#include "store/manifest.h"

namespace furet::detail {
namespace {

// A site's key and a line's name are 8 bytes in the terms (big_endian_bytes):
// there are some five zone-line terms per article, each its own posting
// list, so their length is a share of the index's size.
constexpr std::size_t kHashBytes = 8;

std::uint64_t from_bytes(std::string_view bytes) {
  std::uint64_t value = 0;
  for (const char c : bytes) value = (value << 8) | static_cast<unsigned char>(c);
  return value;
}

bool is_template_count(Xapian::doccount holding, Xapian::doccount articles) {
  return holding >= kMinTemplateArticles && 2 * holding >= articles;
}

// The documents of `term` in `db`.
std::vector<Xapian::docid> documents_of(const Xapian::Database& db, const std::string& term) {
  std::vector<Xapian::docid> ids;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) ids.push_back(*it);
  return ids;
}

}  // namespace

std::string site_key(std::string_view declared_site, std::string_view source) {
  std::string named;
  if (!declared_site.empty()) {
    named = "site:";
    for (const char c : declared_site) named += ascii::to_lower(c);
  } else {
    named = "folder:" + std::filesystem::path(source).parent_path().string();
  }
  return big_endian_bytes(XXH3_64bits(named.data(), named.size()));
}

std::string site_term(const std::string& site) {
  return std::string(schema::kZoneLinePrefix) + site;
}

std::string zone_line_term(const std::string& site, std::uint64_t line) {
  return std::string(schema::kZoneLinePrefix) + site + big_endian_bytes(line);
}

std::string template_line_term(const std::string& site, std::uint64_t line) {
  return std::string(schema::kTemplateLinePrefix) + site + big_endian_bytes(line);
}

std::string site_of_document(const Xapian::Document& doc) {
  const std::string prefix(schema::kZoneLinePrefix);
  auto it = doc.termlist_begin();
  it.skip_to(prefix);
  if (it == doc.termlist_end()) return {};
  const std::string term = *it;
  if (term.size() != prefix.size() + kHashBytes || term.compare(0, prefix.size(), prefix) != 0) {
    return {};
  }
  return term.substr(prefix.size());
}

bool TemplateCounts::is_template(std::string_view site, std::uint64_t line) const {
  const std::string key = site_key(site, source_);
  if (decided_) {
    const auto known = decided_->find(key);
    if (known != decided_->end()) {
      const auto kept = known->second.find(line);
      return kept != known->second.end() && kept->second != article_id(source_);
    }
  }
  return is_template_count(db_.get_termfreq(zone_line_term(key, line)) + 1,
                           db_.get_termfreq(site_term(key)) + 1);
}

std::vector<StaleArticle> find_stale_articles(const Xapian::Database& all, std::size_t shard_count,
                                              const std::set<std::string>* sites,
                                              TemplateDecisions& decided) {
  std::vector<std::string> ranges;  // the prefixes of the sites' terms
  if (sites) {
    for (const std::string& site : *sites) ranges.push_back(site);
  } else {
    ranges.emplace_back();
  }
  // Combined document ids: the wanted article's first passage, in any shard.
  std::set<Xapian::docid> stale;
  const std::string zone(schema::kZoneLinePrefix);
  const std::string held(schema::kTemplateLinePrefix);
  for (const std::string& range : ranges) {
    // The lines each site's template held when its articles were written: few.
    std::set<std::string> held_lines;
    for (auto it = all.allterms_begin(held + range); it != all.allterms_end(held + range); ++it) {
      held_lines.insert((*it).substr(held.size()));
    }
    std::string site;
    Xapian::doccount articles = 0;
    for (auto it = all.allterms_begin(zone + range); it != all.allterms_end(zone + range); ++it) {
      const std::string term = *it;
      if (term.size() == zone.size() + kHashBytes) {  // a site's term: its articles
        site = term.substr(zone.size());
        articles = it.get_termfreq();
        decided[site];
        continue;
      }
      if (term.size() != zone.size() + 2 * kHashBytes || site.empty() ||
          term.compare(zone.size(), kHashBytes, site) != 0) {
        continue;
      }
      const std::string site_line = term.substr(zone.size());
      const bool was_held = held_lines.count(site_line) > 0;
      if (is_template_count(it.get_termfreq(), articles)) {
        // The holder of the smallest article id keeps the line; every other
        // holder leaves it out.
        std::vector<std::pair<std::string, Xapian::docid>> holders;
        for (const Xapian::docid doc : documents_of(all, term)) {
          holders.emplace_back(all.get_document(doc).get_value(schema::kArticleIdSlot), doc);
        }
        const auto keeper = std::min_element(holders.begin(), holders.end());
        decided[site][from_bytes(std::string_view(site_line).substr(kHashBytes))] = keeper->first;
        std::vector<Xapian::docid> left_out;
        if (was_held) left_out = documents_of(all, held + site_line);
        for (const auto& [id, doc] : holders) {
          const bool leaves_out = std::binary_search(left_out.begin(), left_out.end(), doc);
          if (leaves_out == (doc == keeper->second)) stale.insert(doc);
        }
      } else if (was_held) {
        const std::vector<Xapian::docid> left_out = documents_of(all, held + site_line);
        stale.insert(left_out.begin(), left_out.end());
      }
    }
  }
  std::vector<StaleArticle> articles;
  for (const Xapian::docid id : stale) {
    articles.push_back(
        {(id - 1) % shard_count, all.get_document(id).get_value(schema::kArticleIdSlot)});
  }
  return articles;
}

}  // namespace furet::detail
