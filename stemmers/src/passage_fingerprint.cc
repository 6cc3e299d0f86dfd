// Passage fingerprints: FNV-1a over terms, mixed; SimHash over shingles.
#include "furet/analysis/passage_fingerprint.h"

#include <algorithm>
#include <array>
#include <bitset>

namespace furet {
namespace {

constexpr std::size_t kShingleWords = 3;
constexpr std::size_t kEncodedBytes = 18;

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = 14695981039346656037ULL) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

// SplitMix64's finaliser: spreads FNV's weak low bits over all 64.
std::uint64_t mixed(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

void put(std::string& out, std::uint64_t value, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

std::uint64_t get(std::string_view in, std::size_t at, int bytes) {
  std::uint64_t value = 0;
  for (int i = 0; i < bytes; ++i) value = (value << 8) | static_cast<unsigned char>(in[at + i]);
  return value;
}

}  // namespace

bool PassageFingerprint::same_text_as(const PassageFingerprint& other) const {
  if (count == 0 || other.count == 0) return false;
  if (count == other.count && words == other.words) return true;
  if (count < kMinNearWords || other.count < kMinNearWords) return false;
  return static_cast<int>(std::bitset<64>(shingles ^ other.shingles).count()) <= kNearBits;
}

std::string PassageFingerprint::encode() const {
  std::string out;
  out.reserve(kEncodedBytes);
  put(out, words, 8);
  put(out, shingles, 8);
  put(out, count, 2);
  return out;
}

PassageFingerprint PassageFingerprint::decode(std::string_view bytes) {
  if (bytes.size() != kEncodedBytes) return {};
  return {get(bytes, 0, 8), get(bytes, 8, 8), static_cast<std::uint32_t>(get(bytes, 16, 2))};
}

PassageFingerprint fingerprint_of(const std::vector<Token>& tokens) {
  std::vector<std::uint64_t> words;
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kCompound) continue;  // its parts are there
    words.push_back(mixed(fnv1a(t.alt_term.empty() ? t.term : t.alt_term)));
  }
  PassageFingerprint f;
  f.count = static_cast<std::uint32_t>(std::min<std::size_t>(words.size(), 65535));
  std::uint64_t whole = 14695981039346656037ULL;
  for (const std::uint64_t w : words) whole = mixed(whole ^ w);
  f.words = whole;
  // SimHash: each shingle votes on every bit; the majority sets it.
  std::array<int, 64> votes{};
  const std::size_t shingles = words.size() >= kShingleWords ? words.size() - kShingleWords + 1 : 0;
  for (std::size_t i = 0; i < shingles; ++i) {
    std::uint64_t h = 0;
    for (std::size_t k = 0; k < kShingleWords; ++k) h = mixed(h ^ words[i + k] ^ k);
    for (int bit = 0; bit < 64; ++bit)
      votes[static_cast<std::size_t>(bit)] += (h >> bit) & 1 ? 1 : -1;
  }
  for (int bit = 0; bit < 64; ++bit) {
    if (votes[static_cast<std::size_t>(bit)] > 0) f.shingles |= std::uint64_t{1} << bit;
  }
  return f;
}

}  // namespace furet
