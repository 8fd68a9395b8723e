#pragma once

// Finds the report group of every row of a block: a direct-mapped cache from
// (dimension values, bucket start) to the group, in front of the report's
// TupleIndex. Time-ordered input stays in one bucket for many rows, so nearly
// every row hits and the index is probed about once per group.

#include "core/dense_index.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

namespace backoffice::kpi_detail {

class GroupCache {
 public:
  // `groups` holds keys of the dimension values followed by the bucket start.
  explicit GroupCache(detail::TupleIndex& groups)
      : groups_(groups),
        dims_(groups.width() - 1),
        stride_(dims_ + 2),
        entries_(dims_ == 0 ? stride_ : stride_ << kBits),  // no dimensions: one slot
        key_(dims_ + 1) {
    // Each slot starts with a tuple that hashes to another slot, so no row
    // can match it and the lookup needs no "empty" test.
    for (std::size_t s = 0; s < (std::size_t{1} << kBits) && dims_ > 0; ++s) {
      std::int64_t* sentinel = entries_.data() + s * stride_;
      while (slot_of(sentinel, 1) == s) ++sentinel[0];
    }
  }

  // group_of[j] for rows j < m whose d-th dimension value is
  // values[d * stride + j] and whose bucket start is bucket[j].
  void resolve(const std::int64_t* values, std::size_t stride, const std::int64_t* bucket, std::size_t m,
               std::int32_t* group_of) {
    switch (dims_) {
      case 0:
        run<0>(values, stride, bucket, m, group_of);
        break;
      case 1:
        run<1>(values, stride, bucket, m, group_of);
        break;
      default:
        run<kAnyDims>(values, stride, bucket, m, group_of);
        break;
    }
  }

 private:
  static constexpr unsigned kBits = 12;
  static constexpr std::size_t kAnyDims = std::numeric_limits<std::size_t>::max();
  static constexpr std::uint64_t kGolden = 0x9e3779b97f4a7c15ULL;

  std::size_t slot_of(const std::int64_t* values, std::size_t stride) const {
    std::uint64_t h = 0;
    for (std::size_t d = 0; d < dims_; ++d)
      h = (h ^ static_cast<std::uint64_t>(values[d * stride])) * kGolden;
    return h >> (64 - kBits);
  }

  template <std::size_t kDims>
  void run(const std::int64_t* values, std::size_t stride, const std::int64_t* bucket, std::size_t m,
           std::int32_t* group_of) {
    const std::size_t dims = kDims == kAnyDims ? dims_ : kDims;
    const std::size_t width = kDims == kAnyDims ? stride_ : kDims + 2;
    std::int64_t* const entries = entries_.data();
    if constexpr (kDims == 0) {
      // One slot; its first use must miss.
      if (!primed_ && m > 0) {
        primed_ = true;
        miss(values, stride, bucket[0], entries);
      }
    }
    for (std::size_t j = 0; j < m; ++j) {
      std::uint64_t h = 0;  // slot_of(), inlined for the fixed widths
      for (std::size_t d = 0; d < dims; ++d)
        h = (h ^ static_cast<std::uint64_t>(values[d * stride + j])) * kGolden;
      std::int64_t* e = entries + (kDims == 0 ? 0 : (h >> (64 - kBits)) * width);
      bool hit = e[dims] == bucket[j];
      for (std::size_t d = 0; d < dims; ++d) hit &= e[d] == values[d * stride + j];
      group_of[j] = hit ? static_cast<std::int32_t>(e[dims + 1]) : miss(kDims == 0 ? values : values + j, stride, bucket[j], e);
    }
  }

  // Probes the index for the row whose first dimension value is at `values`.
  [[gnu::noinline]] std::int32_t miss(const std::int64_t* values, std::size_t stride, std::int64_t bucket,
                                      std::int64_t* entry) {
    for (std::size_t d = 0; d < dims_; ++d) key_[d] = values[d * stride];
    key_[dims_] = bucket;
    const std::int32_t g = groups_.find_or_add(key_.data());
    std::copy(key_.begin(), key_.end(), entry);
    entry[dims_ + 1] = g;
    return g;
  }

  detail::TupleIndex& groups_;
  std::size_t dims_;
  std::size_t stride_;  // int64s per slot: the dimension values, bucket, group
  std::vector<std::int64_t> entries_;
  std::vector<std::int64_t> key_;
  bool primed_ = false;
};

}  // namespace backoffice::kpi_detail
