// Extraction of the readable text and title of a Markdown document, for indexing.
#ifndef FURET_INDEXER_SRC_MARKDOWN_TEXT_H_
#define FURET_INDEXER_SRC_MARKDOWN_TEXT_H_

#include <string_view>

#include "html_text.h"  // ExtractedText

namespace furet::detail {

/// Extracts the text of UTF-8 Markdown (CommonMark and the usual GitHub extensions) with the markup
/// removed: one block (paragraph, heading, list item, table row, code line) per line. The title is
/// the front matter's `title:` (YAML) or `title =` (TOML), else the first level-1 heading. Never
/// crashes; output is valid UTF-8 whenever the input is.
ExtractedText markdown_to_text(std::string_view md);

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_MARKDOWN_TEXT_H_
