// A forgiving scanner for the query syntax.
#include "query_parser.h"

#include <array>
#include <utility>

#include "ascii_text.h"

namespace furet::detail {
namespace {

// Opening and closing quotes: ASCII, French guillemets, English curly quotes.
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kQuotes = {
    {{"\"", "\""}, {"\u00AB", "\u00BB"}, {"\u201C", "\u201D"}}};

// Brackets and '+' have no meaning here; they separate words like a space.
bool is_separator(char c) { return ascii::is_space(c) || c == '(' || c == ')' || c == '+'; }

class Scanner {
 public:
  explicit Scanner(std::string_view query) : q_(query) {}

  ParsedQuery run() {
    while (skip_separators()) {
      bool excluded = false;
      if (q_[pos_] == '-' && pos_ + 1 < q_.size() && !is_separator(q_[pos_ + 1])) {
        excluded = true;
        ++pos_;
      }
      if (scan_phrase(excluded)) continue;
      const std::size_t start = pos_;
      while (pos_ < q_.size() && !is_separator(q_[pos_]) && !opens_quote()) ++pos_;
      std::string_view word = q_.substr(start, pos_ - start);
      add_word(word, excluded, start);
    }
    flush_text();
    drop_dangling_or();
    return std::move(result_);
  }

 private:
  // Skips separators; false at the end of the query.
  bool skip_separators() {
    while (pos_ < q_.size() && is_separator(q_[pos_])) {
      if (q_[pos_] == '(' || q_[pos_] == ')') saw_bracket_ = true;
      ++pos_;
    }
    if (pos_ == q_.size() && saw_bracket_) {
      warn("brackets are not query syntax here; the words inside were searched");
      saw_bracket_ = false;
    }
    return pos_ < q_.size();
  }

  const std::pair<std::string_view, std::string_view>* opens_quote() const {
    for (const auto& quote : kQuotes) {
      if (q_.substr(pos_, quote.first.size()) == quote.first) return &quote;
    }
    return nullptr;
  }

  bool scan_phrase(bool excluded) {
    const auto* quote = opens_quote();
    if (!quote) return false;
    const std::size_t open = pos_ + quote->first.size();
    const std::size_t close = q_.find(quote->second, open);
    if (close == std::string_view::npos) {
      warn("a quote is not closed; the words after it were searched as plain words");
      pos_ = open;
      return true;
    }
    flush_text();
    result_.parts.push_back(
        {QueryPart::Kind::kPhrase, std::string(q_.substr(open, close - open)), excluded});
    pos_ = close + quote->second.size();
    return true;
  }

  void add_word(std::string_view word, bool excluded, std::size_t start) {
    if (word == "OR" && !excluded) {
      flush_text();
      if (!result_.parts.empty() && result_.parts.back().kind != QueryPart::Kind::kOr) {
        result_.parts.push_back({QueryPart::Kind::kOr, "", false});
      }
      return;
    }
    if (!word.empty() && word.back() == '*') {
      while (!word.empty() && word.back() == '*') word.remove_suffix(1);
      if (word.empty()) {
        warn("'*' must end a word, as in autoris*; a lone '*' was ignored");
        return;
      }
      flush_text();
      result_.parts.push_back({QueryPart::Kind::kPrefix, std::string(word), excluded});
      return;
    }
    if (excluded) {
      flush_text();
      result_.parts.push_back({QueryPart::Kind::kText, std::string(word), true});
      return;
    }
    // Plain words accumulate into one run, spacing kept.
    if (text_start_ == std::string_view::npos) text_start_ = start;
    text_end_ = start + word.size();
  }

  void flush_text() {
    if (text_start_ == std::string_view::npos) return;
    result_.parts.push_back({QueryPart::Kind::kText,
                             std::string(q_.substr(text_start_, text_end_ - text_start_)), false});
    text_start_ = std::string_view::npos;
  }

  // "OR" with nothing after it is just a word that could not be an operator.
  void drop_dangling_or() {
    if (!result_.parts.empty() && result_.parts.back().kind == QueryPart::Kind::kOr) {
      result_.parts.pop_back();
    }
  }

  void warn(std::string message) {
    for (const auto& w : result_.warnings) {
      if (w == message) return;
    }
    result_.warnings.push_back(std::move(message));
  }

  std::string_view q_;
  std::size_t pos_ = 0;
  std::size_t text_start_ = std::string_view::npos;
  std::size_t text_end_ = 0;
  bool saw_bracket_ = false;
  ParsedQuery result_;
};

}  // namespace

ParsedQuery parse_query(std::string_view query) { return Scanner(query).run(); }

}  // namespace furet::detail
