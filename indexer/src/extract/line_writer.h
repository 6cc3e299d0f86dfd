// The extracted text of a document, written block by block: one block per line.
#ifndef FURET_INDEXER_SRC_EXTRACT_LINE_WRITER_H_
#define FURET_INDEXER_SRC_EXTRACT_LINE_WRITER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "ascii_text.h"
#include "extract/utf8.h"

namespace furet::detail {

/// Builds the text line by line, collapsing whitespace and never leaving empty lines behind
/// except a single blank line where the document itself has one (consecutive <br>, blank lines
/// of preformatted text), and dropping the characters a reader never sees
/// (controls, soft hyphens). The HTML scanner and the Markdown reader write through it, so both
/// give their blocks the same shape.
class LineWriter {
 public:
  void add_text(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
      const std::size_t space = whitespace_length(s, i);
      if (space > 0) {
        pending_space_ = true;
        i += space;
        continue;
      }
      if (const std::size_t invisible = invisible_length(s, i); invisible > 0) {
        i += invisible;
        continue;
      }
      if (line_has_text()) {
        if (pending_cell_) {
          out_ += " | ";
        } else if (pending_space_) {
          out_ += ' ';
        }
      }
      pending_space_ = false;
      pending_cell_ = false;
      out_ += s[i];
      ++i;
    }
  }

  void add_space() { pending_space_ = true; }

  /// A table cell boundary: written lazily so that empty cells leave no dangling separators.
  void cell_separator() {
    if (line_has_text()) pending_cell_ = true;
  }

  void end_line() {
    if (line_has_text()) {
      out_ += '\n';
      line_start_ = out_.size();
    }
    pending_space_ = false;
    pending_cell_ = false;
  }

  void hard_break() {
    if (line_has_text()) {
      end_line();
      return;
    }
    if (!out_.empty() && !out_.ends_with("\n\n")) {
      out_ += '\n';
      line_start_ = out_.size();
    }
  }

  bool empty() const { return out_.empty(); }

  std::string finish() {
    while (!out_.empty() && out_.back() == '\n') out_.pop_back();
    return std::move(out_);
  }

 private:
  // No-break spaces count as whitespace: French typography puts them before ; : ! ? and inside
  // « », and an index wants plain word separators there.
  static std::size_t whitespace_length(std::string_view s, std::size_t i) {
    if (ascii::is_space(s[i])) return 1;
    if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') return 2;
    return 0;
  }

  bool line_has_text() const { return out_.size() > line_start_; }

  std::string out_;
  std::size_t line_start_ = 0;
  bool pending_space_ = false;
  bool pending_cell_ = false;
};

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_EXTRACT_LINE_WRITER_H_
