// A hash map from byte strings to values, in one flat open-addressing table.
#ifndef FURET_COMMON_FLAT_STRING_MAP_H_
#define FURET_COMMON_FLAT_STRING_MAP_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace furet::detail {

/// Values by string key. A lookup probes a flat array of (hash tag, entry
/// index) pairs, then reads one entry; entries are kept in insertion order.
/// It serves the hottest maps of the chain and the indexer (every token is
/// looked up), where std::unordered_map costs a division and a chain of
/// dependent loads per lookup, and an allocation per insert.
template <typename Value>
class FlatStringMap {
 public:
  using Entry = std::pair<std::string, Value>;

  FlatStringMap() { resize_slots(kInitialSlots); }

  /// The value for `key`, or null.
  const Value* find(std::string_view key) const {
    const std::uint64_t hash = hash_of(key);
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot s = slots_[i];
      if (s.entry == 0) return nullptr;
      const Entry& e = entries_[s.entry - 1];
      if (s.tag == tag_of(hash) && e.first == key) return &e.second;
    }
  }
  Value* find(std::string_view key) { return const_cast<Value*>(std::as_const(*this).find(key)); }

  /// Stores `value` for `key` (absent) and returns it; valid until the next insert.
  Value& insert(std::string_view key, Value value) {
    if (2 * (entries_.size() + 1) > slots_.size()) resize_slots(2 * slots_.size());
    entries_.emplace_back(std::string(key), std::move(value));
    place(hash_of(key), static_cast<std::uint32_t>(entries_.size()));
    return entries_.back().second;
  }

  /// The value for `key`, inserted as Value() if absent.
  Value& operator[](std::string_view key) {
    if (Value* found = find(key)) return *found;
    return insert(key, Value());
  }

  void clear() {
    entries_.clear();
    std::fill(slots_.begin(), slots_.end(), Slot{});
  }

  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

  /// Entries in insertion order.
  typename std::vector<Entry>::const_iterator begin() const { return entries_.begin(); }
  typename std::vector<Entry>::const_iterator end() const { return entries_.end(); }

 private:
  static constexpr std::size_t kInitialSlots = 1024;  // a power of two
  struct Slot {
    std::uint32_t tag = 0;    // high bits of the key's hash: most mismatches end here
    std::uint32_t entry = 0;  // 1 + index in entries_; 0 for an empty slot
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
      place(hash_of(entries_[e].first), static_cast<std::uint32_t>(e + 1));
    }
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::vector<Entry> entries_;
};

}  // namespace furet::detail

#endif  // FURET_COMMON_FLAT_STRING_MAP_H_
