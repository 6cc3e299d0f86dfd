// Site chrome: the lines of a page that belong to the website, not to the article.
#ifndef FURET_INDEXER_SRC_EXTRACT_CHROME_FILTER_H_
#define FURET_INDEXER_SRC_EXTRACT_CHROME_FILTER_H_

#include <string_view>
#include <vector>

#include "furet/analysis/analyzer.h"

namespace furet::detail {

/// Longer lines are prose: the rules that read a line's words skip them.
constexpr std::size_t kMaxChromeLineBytes = 800;

/// For each line (already trimmed), whether it is site chrome: share buttons,
/// comment forms, sign-up prompts, image and photo credits, copyright lines,
/// advertising breaks repeated through the article, bare markup residue. The
/// rules are general (see chrome_filter.cc); no exact line is listed.
/// Each line of at most kMaxChromeLineBytes is analysed; with `tokens`, its
/// tokens are kept there (tokens[i] for lines[i], empty for longer lines), so
/// the caller need not analyse it again.
std::vector<bool> find_chrome_lines(const std::vector<std::string_view>& lines,
                                    const Analyzer& analyzer,
                                    std::vector<std::vector<Token>>* tokens = nullptr);

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_EXTRACT_CHROME_FILTER_H_
