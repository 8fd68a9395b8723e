#pragma once

// An open-addressing hash map for hot loops (KPI and QA groups, sparse
// customer ids): short int64 tuples to dense indexes 0, 1, 2, ... in order
// of first appearance. std::unordered_map allocates a node per key and
// chases a pointer per lookup; these probe one flat array.

#include <cstdint>
#include <span>
#include <vector>

namespace backoffice::detail {

inline std::uint64_t mix(std::uint64_t x) {
  // splitmix64 finaliser: consecutive ids spread over the table.
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Maps fixed-width int64 tuples to dense indexes.
class TupleIndex {
 public:
  explicit TupleIndex(std::size_t width) : width_(width), slots_(64, -1) {}

  std::size_t width() const { return width_; }
  std::size_t size() const { return width_ ? keys_.size() / width_ : count_; }
  std::span<const std::int64_t> key(std::size_t index) const {
    return {keys_.data() + index * width_, width_};
  }

  // The index of `key` (width() values), adding it when new.
  std::int32_t find_or_add(const std::int64_t* key) {
    if (width_ == 0) {
      count_ = 1;
      return 0;
    }
    std::uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (std::size_t i = 0; i < width_; ++i) h = mix(h ^ static_cast<std::uint64_t>(key[i]));
    std::size_t mask = slots_.size() - 1;
    for (std::size_t s = h & mask;; s = (s + 1) & mask) {
      const std::int32_t idx = slots_[s];
      if (idx < 0) {
        const auto added = static_cast<std::int32_t>(size());
        keys_.insert(keys_.end(), key, key + width_);
        slots_[s] = added;
        if (static_cast<std::size_t>(added + 1) * 2 > slots_.size()) grow();
        return added;
      }
      if (equal(idx, key)) return idx;
    }
  }

 private:
  bool equal(std::int32_t idx, const std::int64_t* key) const {
    const std::int64_t* k = keys_.data() + static_cast<std::size_t>(idx) * width_;
    for (std::size_t i = 0; i < width_; ++i) {
      if (k[i] != key[i]) return false;
    }
    return true;
  }
  void grow() {
    std::vector<std::int32_t> old(slots_.size() * 2, -1);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t idx = 0; idx < size(); ++idx) {
      const std::int64_t* key = keys_.data() + idx * width_;
      std::uint64_t h = 0x9e3779b97f4a7c15ULL;
      for (std::size_t i = 0; i < width_; ++i) h = mix(h ^ static_cast<std::uint64_t>(key[i]));
      std::size_t s = h & mask;
      while (slots_[s] >= 0) s = (s + 1) & mask;
      slots_[s] = static_cast<std::int32_t>(idx);
    }
  }

  std::size_t width_;
  std::size_t count_ = 0;
  std::vector<std::int64_t> keys_;
  std::vector<std::int32_t> slots_;
};

}  // namespace backoffice::detail
