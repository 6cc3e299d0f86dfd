// Extraction of the visible text and title of an HTML document, for indexing.
#ifndef FURET_INDEXER_SRC_EXTRACT_HTML_TEXT_H_
#define FURET_INDEXER_SRC_EXTRACT_HTML_TEXT_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace furet::detail {

/// Visible text of a document: title plus body text, one block (paragraph, heading, list item,
/// table row, line of <pre>) per line, separated by '\n'; a blank line between blocks is fine.
struct ExtractedText {
  std::string title;
  std::string text;
  /// Markdown only: the front matter's fields other than the title, as
  /// key and value (a list's items joined with ", "), in order.
  std::vector<std::pair<std::string, std::string>> front_matter;
};

/// Extracts the visible text of (possibly malformed or truncated) UTF-8 HTML. The title is the
/// <title> text, else the first <h1>, else the first <h2>. Site chrome (nav, footer, aside, form)
/// and non-rendered content (script, style, head, template, svg, ...) are dropped. Character
/// references are decoded; no-break spaces are treated as ordinary spaces. Output is valid UTF-8
/// whenever the input is. Runs in linear time and never reads out of bounds.
ExtractedText html_to_text(std::string_view html);

/// `s` with its character references (&eacute; &#233; &#xE9;) decoded as html_to_text decodes
/// them: numeric ones in 0x80-0x9F through windows-1252, controls dropped, unknown names kept
/// literally. Output is valid UTF-8 whenever the input is.
std::string decode_character_references(std::string_view s);

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_EXTRACT_HTML_TEXT_H_
