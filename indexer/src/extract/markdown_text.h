// Extraction of the readable text and title of a Markdown document, for indexing.
#ifndef FURET_INDEXER_SRC_EXTRACT_MARKDOWN_TEXT_H_
#define FURET_INDEXER_SRC_EXTRACT_MARKDOWN_TEXT_H_

#include <string_view>

#include "extract/html_text.h"  // ExtractedText

namespace furet::detail {

/// Extracts the text of UTF-8 Markdown (CommonMark with GitHub's tables, strikethrough and task
/// lists, parsed by md4c) with the markup removed: one block (paragraph, heading, list item, table
/// row, code line) per line, as html_to_text gives them. Link text stays; link addresses,
/// autolinks, images and footnote markers go; a raw HTML block gives what html_to_text reads in
/// it. The title is the front matter's `title:` (YAML) or `title =` (TOML), else the first
/// level-1 heading. Linear in the input's size, with no recursion per level of nesting; output
/// is valid UTF-8 whenever the input is. Throws std::bad_alloc only.
ExtractedText markdown_to_text(std::string_view md);

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_EXTRACT_MARKDOWN_TEXT_H_
