// Plain text as a terminal or an editor shows it.
#ifndef FURET_INDEXER_SRC_EXTRACT_PLAIN_TEXT_H_
#define FURET_INDEXER_SRC_EXTRACT_PLAIN_TEXT_H_

#include <string>

namespace furet::detail {

/// `text` without what a reader never sees: terminal escape sequences
/// (colours, cursor moves, window titles), backspace overstrikes resolved as
/// a terminal prints them ("N\bN" and "_\bN" show "N", as in formatted
/// manual pages), other control characters and soft hyphens dropped. Saved
/// terminal output would otherwise index "\x1b[1mrouge" as "1mrouge". Text
/// without any of them is returned as it came.
std::string displayed_text(std::string text);

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_EXTRACT_PLAIN_TEXT_H_
