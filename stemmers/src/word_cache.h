// A bounded map from a word's spelling to what analysing it gave.
#ifndef FURET_STEMMERS_SRC_WORD_CACHE_H_
#define FURET_STEMMERS_SRC_WORD_CACHE_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace furet::detail {

/// Values by string key, in one open-addressing table: a lookup probes a flat
/// array of (hash tag, entry index) pairs, then reads one entry. It is the
/// analyser's hottest structure (every token is looked up), and
/// std::unordered_map costs a division and a chain of dependent loads there.
/// Holds at most `capacity` entries: inserting into a full cache empties it.
template <typename Value>
class WordCache {
 public:
  explicit WordCache(std::size_t capacity) : capacity_(capacity) { resize_slots(kInitialSlots); }

  /// The value for `key`, or null.
  const Value* find(std::string_view key) const {
    const std::uint64_t hash = hash_of(key);
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot s = slots_[i];
      if (s.entry == 0) return nullptr;
      const Entry& e = entries_[s.entry - 1];
      if (s.tag == tag_of(hash) && e.key == key) return &e.value;
    }
  }

  /// Stores `value` for `key` (absent) and returns it; valid until the next insert.
  const Value& insert(std::string_view key, Value value) {
    if (entries_.size() >= capacity_) clear();
    if (2 * (entries_.size() + 1) > slots_.size()) resize_slots(2 * slots_.size());
    entries_.push_back({std::string(key), std::move(value)});
    place(hash_of(key), static_cast<std::uint32_t>(entries_.size()));
    return entries_.back().value;
  }

  void clear() {
    entries_.clear();
    std::fill(slots_.begin(), slots_.end(), Slot{});
  }

  std::size_t size() const { return entries_.size(); }

 private:
  static constexpr std::size_t kInitialSlots = 1024;  // a power of two
  struct Slot {
    std::uint32_t tag = 0;    // high bits of the key's hash: most mismatches end here
    std::uint32_t entry = 0;  // 1 + index in entries_; 0 for an empty slot
  };
  struct Entry {
    std::string key;
    Value value;
  };

  static std::uint64_t hash_of(std::string_view key) { return std::hash<std::string_view>{}(key); }
  static std::uint32_t tag_of(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32); }

  void place(std::uint64_t hash, std::uint32_t entry) {
    std::size_t i = hash & mask_;
    while (slots_[i].entry != 0) i = (i + 1) & mask_;
    slots_[i] = {tag_of(hash), entry};
  }

  // At most half the slots are used, so probes stay short.
  void resize_slots(std::size_t count) {
    slots_.assign(count, Slot{});
    mask_ = count - 1;
    for (std::size_t e = 0; e < entries_.size(); ++e) {
      place(hash_of(entries_[e].key), static_cast<std::uint32_t>(e + 1));
    }
  }

  std::size_t capacity_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::vector<Entry> entries_;
};

}  // namespace furet::detail

#endif  // FURET_STEMMERS_SRC_WORD_CACHE_H_
