// What makes two passages the same text: a passage's words, hashed whole and
// as a SimHash of their shingles, stored with each passage so that a search
// shows a repeated paragraph or a syndicated article once.
#ifndef FURET_ANALYSIS_PASSAGE_FINGERPRINT_H_
#define FURET_ANALYSIS_PASSAGE_FINGERPRINT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "furet/analysis/token.h"

namespace furet {

/// The words of a passage (accent-blind terms, stopwords included, in
/// order), as two 64-bit hashes and a count.
struct PassageFingerprint {
  std::uint64_t words = 0;     ///< of the whole sequence: equal for the same words
  std::uint64_t shingles = 0;  ///< SimHash of its three-word shingles
  std::uint32_t count = 0;     ///< words, capped at 65535

  /// The same words up to spacing, punctuation, case and accents; or, for
  /// passages of at least kMinNearWords words, SimHashes at most
  /// kNearBits bits apart (nearly all shingles shared).
  bool same_text_as(const PassageFingerprint& other) const;

  /// 18 bytes for a value slot; decode() of anything else gives a
  /// fingerprint that is the same text as nothing (count 0).
  std::string encode() const;
  static PassageFingerprint decode(std::string_view bytes);

  static constexpr std::uint32_t kMinNearWords = 12;
  static constexpr int kNearBits = 3;
};

/// The fingerprint of a passage's tokens, as Analyzer::analyze() gives them.
PassageFingerprint fingerprint_of(const std::vector<Token>& tokens);

}  // namespace furet

#endif  // FURET_ANALYSIS_PASSAGE_FINGERPRINT_H_
