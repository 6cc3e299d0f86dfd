// A site's template: the lines it repeats around its articles (a sign-up
// line, a standing credit, a "follow us" sentence), learnt by the index from
// all the site's articles and asked by the reader of each.
#ifndef FURET_INDEXER_SRC_EXTRACT_SITE_TEMPLATE_H_
#define FURET_INDEXER_SRC_EXTRACT_SITE_TEMPLATE_H_

#include <cstdint>
#include <string_view>

namespace furet::detail {

/// A template sits where chrome sits, around the article: among the first and
/// the last kTemplateZoneLines lines of its text. A line there of at least
/// kMinTemplateLineWords words is a zone line, counted by the index; a
/// shorter one says too little to be told from a site's own phrasing, and is
/// named with its neighbours: from it, and up to it, the fewest zone lines in
/// a row (kMinTemplateBlockLines at least) that hold as many words are two
/// zone blocks (a menu, a list of links: the same blocks on every page,
/// whatever lines of its own a page sets next to them).
constexpr std::size_t kTemplateZoneLines = 4;
constexpr std::uint32_t kMinTemplateLineWords = 5;
constexpr std::size_t kMinTemplateBlockLines = 2;

/// Which zone lines and blocks are a site's template. A line or block is
/// named by PassageFingerprint::words of its tokens: the same words up to
/// case, accents, spacing, punctuation and line breaks are the same.
class SiteTemplates {
 public:
  virtual ~SiteTemplates() = default;
  /// Whether `line` is template in the article's site: `site` as the article
  /// declares it (empty if it does not; the implementation then knows its
  /// folder).
  virtual bool is_template(std::string_view site, std::uint64_t line) const = 0;
};

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_EXTRACT_SITE_TEMPLATE_H_
