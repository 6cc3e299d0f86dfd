// The French analysis chain shared by the indexer and the searcher.
#ifndef FURET_ANALYSIS_ANALYZER_H_
#define FURET_ANALYSIS_ANALYZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "furet/analysis/token.h"
#include "furet/export.h"

namespace furet {

/// Turns French text into tokens: segmentation (ICU, locale fr), elisions, hyphenated
/// compounds, codes such as H200 kept whole, thousands groups joined, folding of case,
/// accents and ligatures, stopwords, Snowball French stemming. Documents and queries go
/// through the same chain, so a query term matches exactly the documents' terms.
///
/// Example:
///   furet::Analyzer analyzer;
///   for (const furet::Token& t : analyzer.analyze("l’autorisation des H200"))
///     std::cout << t.term << '\n';   // autoris, de, h200
///
/// Thread-safety: an Analyzer is used by one thread at a time, for every call:
/// analyze() is const but moves an ICU break iterator and fills a cache of
/// analysed words, which fold_word() reads. Copies are cheap and independent,
/// so give each thread its own.
/// Errors: analyze() and fold_word() accept any bytes and throw nothing but
/// std::bad_alloc; only the constructors throw furet errors.
class FURET_EXPORT Analyzer {
 public:
  /// The current analysis configuration.
  /// @throws Error if ICU cannot make its French word break iterator (its data
  ///         is missing).
  Analyzer();
  /// The configuration named by `config` (as returned by config_string()).
  /// @throws IncompatibleIndex if this build does not know it.
  /// @throws Error as Analyzer().
  explicit Analyzer(std::string_view config);
  Analyzer(const Analyzer& other);
  Analyzer& operator=(const Analyzer& other);
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;
  ~Analyzer();

  /// Name and version of the configuration; stored in every index. Never throws.
  const std::string& config_string() const;

  /// Tokens of `text` (UTF-8; invalid bytes are read as U+FFFD), in text order.
  /// A compound follows its parts and shares the first part's position.
  std::vector<Token> analyze(std::string_view text) const;

  /// The folded, unstemmed form of one word (case, accents and ligatures removed,
  /// elision stripped): what a prefix query such as `autoris*` matches against.
  std::string fold_word(std::string_view word) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace furet

#endif  // FURET_ANALYSIS_ANALYZER_H_
