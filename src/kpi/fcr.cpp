#include <backoffice/kpi/fcr.hpp>

#include "core/dense_index.hpp"  // mix()

#include <algorithm>
#include <stdexcept>
#include <type_traits>

namespace backoffice {
namespace {

// The hash tables are presized for this many distinct keys at most (2 slots
// each); beyond it they grow.
constexpr std::size_t kPresizedKeys = std::size_t{1} << 20;

std::size_t presized_slots(std::size_t rows) {
  std::size_t slots = 4096;
  while (slots < 2 * std::min(rows, kPresizedKeys)) slots *= 2;
  return slots;
}

struct IdSpan {
  std::int64_t lo = INT64_MAX, hi = INT64_MIN;
  explicit IdSpan(std::span<const std::int64_t> ids) {
    for (const std::int64_t id : ids) {
      if (id == kNullInt64) continue;
      lo = std::min(lo, id);
      hi = std::max(hi, id);
    }
  }
  bool empty() const { return lo > hi; }
  // hi - lo + 1, unsigned: it may not fit an int64.
  std::uint64_t size() const {
    return empty() ? 0 : static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo) + 1;
  }
  std::uint64_t offset64(std::int64_t id) const {
    return static_cast<std::uint64_t>(id) - static_cast<std::uint64_t>(lo);
  }
  std::uint32_t offset(std::int64_t id) const { return static_cast<std::uint32_t>(offset64(id)); }
};

// Keys spanning at most 4 per row are indexed directly (the usual 1..N
// surrogate keys, or a sample of them): 8 bytes per key in the span is then
// at most 32 per row, what a hash table at half load would cost if every row
// had its own key. Up to 1M keys (an 8 MiB array) the span may reach 64 per
// row, as zeroing an array costs far less per key than a hash probe per row.
// Wider spans are hashed, so sparse ids never allocate by their span.
bool dense_enough(std::uint64_t span, std::size_t rows) {
  const std::uint64_t r = rows;
  return span <= std::min<std::uint64_t>(4 * r + 4096, UINT32_MAX) || (span <= (1u << 20) && span <= 64 * r);
}

constexpr std::int64_t kNoContact = kNullInt64;

// The next offered time per (customer, reason) key: an array indexed by
// (id - min) * reasons + reason.
class DenseNextOffered {
 public:
  DenseNextOffered(const IdSpan& span, std::uint64_t reasons)
      : span_(span), reasons_(reasons), next_(span.size() * reasons, kNoContact) {}
  std::int64_t& at(std::int64_t id, std::int32_t reason) {
    return next_[std::size_t{span_.offset(id)} * reasons_ + static_cast<std::uint32_t>(reason)];
  }

 private:
  IdSpan span_;
  std::size_t reasons_;
  std::vector<std::int64_t> next_;
};

// For sparse ids: an int64 per key (the next offered time, or a customer's
// code), by open addressing with the key and the value in one slot, so a
// lookup costs one cache miss rather than one for the index and one for the
// key. A null id (never looked up: such rows are not judged) marks an empty
// slot. The reason is part of the key only when matching reasons, so the
// common slot is 16 bytes. A new key's value starts as kNoContact.
template <bool kWithReason>
class HashedTable {
 public:
  // Sized for `rows` distinct keys up to kPresizedKeys (32 MiB of 16-byte
  // slots), as regrowing from small costs more than the lookups.
  explicit HashedTable(std::size_t rows) : slots_(presized_slots(rows)) {}

  std::int64_t& at(std::int64_t id, std::int32_t reason) {
    if (2 * (used_ + 1) > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = hash(id, reason) & mask;; s = (s + 1) & mask) {
      Slot& slot = slots_[s];
      if (slot.id == kNullInt64) {
        slot.id = id;
        slot.set_reason(reason);
        ++used_;
        return slot.next;
      }
      if (slot.id == id && slot.has_reason(reason)) return slot.next;
    }
  }

 private:
  struct KeyedById {
    std::int64_t id = kNullInt64;
    std::int64_t next = kNoContact;
    void set_reason(std::int32_t) {}
    bool has_reason(std::int32_t) const { return true; }
    std::int32_t reason() const { return 0; }
  };
  struct KeyedByIdAndReason {
    std::int64_t id = kNullInt64;
    std::int64_t next = kNoContact;
    std::int32_t reason_ = 0;
    void set_reason(std::int32_t r) { reason_ = r; }
    bool has_reason(std::int32_t r) const { return reason_ == r; }
    std::int32_t reason() const { return reason_; }
  };
  using Slot = std::conditional_t<kWithReason, KeyedByIdAndReason, KeyedById>;

  static std::uint64_t hash(std::int64_t id, std::int32_t reason) {
    return detail::mix(static_cast<std::uint64_t>(id) ^ (static_cast<std::uint64_t>(reason) << 40));
  }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& o : old) {
      if (o.id == kNullInt64) continue;
      std::size_t s = hash(o.id, o.reason()) & mask;
      while (slots_[s].id != kNullInt64) s = (s + 1) & mask;
      slots_[s] = o;
    }
  }
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

// Matching reasons with sparse ids whose span times the reason count fits in
// 63 bits: (id - min) * reasons + reason is a unique non-negative key, so
// the slots stay 16 bytes.
class EncodedReasonTable {
 public:
  EncodedReasonTable(const IdSpan& span, std::uint64_t reasons, std::size_t rows)
      : span_(span), reasons_(reasons), table_(rows) {}
  std::int64_t& at(std::int64_t id, std::int32_t reason) {
    return table_.at(
        static_cast<std::int64_t>(span_.offset64(id) * reasons_ + static_cast<std::uint32_t>(reason)), 0);
  }

 private:
  IdSpan span_;
  std::uint64_t reasons_;
  HashedTable<false> table_;
};

// Customer ids as codes 0..count-1: id - min when dense, else handed out in
// order of first appearance through a HashedTable.
class CustomerCodes {
 public:
  CustomerCodes(const IdSpan& span, std::size_t rows)
      : span_(span), dense_(dense_enough(span.size(), rows)), hashed_(dense_ ? 0 : rows) {}
  // Codes handed out so far (all of them when dense).
  std::size_t count() const { return dense_ ? static_cast<std::size_t>(span_.size()) : count_; }
  // The code of a non-null id.
  std::uint32_t code(std::int64_t id) {
    if (dense_) return span_.offset(id);
    std::int64_t& c = hashed_.at(id, 0);
    if (c == kNoContact) c = static_cast<std::int64_t>(count_++);
    return static_cast<std::uint32_t>(c);
  }

 private:
  IdSpan span_;
  bool dense_;
  std::size_t count_ = 0;
  HashedTable<false> hashed_;
};

// `later` was offered `later_ms - t_ms` after t_ms; wraps instead of
// overflowing for extreme instants, as the signed difference would.
inline std::int64_t gap(std::int64_t later_ms, std::int64_t t_ms) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(later_ms) - static_cast<std::uint64_t>(t_ms));
}

// The window of a contact offered at t_ms is still open at as_of when
// t_ms + window > as_of; written as t_ms > as_of - window (saturating) so an
// instant near the int64 limits cannot overflow.
inline FcrState judged(bool repeat, std::int64_t t_ms, std::int64_t window, std::int64_t as_of) {
  std::int64_t open_after = 0;
  if (__builtin_sub_overflow(as_of, window, &open_after)) open_after = INT64_MIN;
  return repeat ? FcrState::kRepeat : (t_ms > open_after ? FcrState::kPending : FcrState::kResolved);
}

// Time-ordered input: a contact's first later contact from the same customer
// (about the same reason when matching reasons) is the next such one in the
// input, so one backward pass remembering each key's next offered time
// decides every row. No sort, no row index array; one random access per row.
template <class NextOffered>
void judge_time_ordered(const InteractionView& v, bool match_reason, NextOffered& next_offered,
                        std::int64_t window, std::int64_t as_of, std::vector<FcrState>& state) {
  const std::int64_t* const customer = v.customer_id.data();
  const std::int64_t* const offered = v.offered_ms.data();
  const std::int64_t* const answered = v.answered_ms.data();
  const std::int32_t* const reason = v.reason.data();
  for (std::size_t i = v.size(); i-- > 0;) {
    const std::int64_t id = customer[i];
    if (id == kNullInt64 || offered[i] == kNullInt64) continue;
    std::int64_t& slot = next_offered.at(id, match_reason ? reason[i] : 0);
    const std::int64_t t = offered[i];
    const std::int64_t next = slot;
    slot = t;
    if (answered[i] == kNullInt64) continue;
    state[i] = judged(next != kNoContact && gap(next, t) <= window, t, window, as_of);
  }
}

// Any order (and reason matching): each customer's rows are gathered by a
// stable counting sort on the customer code, sorted by offered time when
// needed, then scanned once.
void judge_by_customer(const InteractionView& v, const FcrOptions& options, CustomerCodes& codes,
                       std::int64_t window, std::int64_t as_of, std::vector<FcrState>& state) {
  const std::size_t n = v.size();
  std::vector<std::uint32_t> code(n, UINT32_MAX);
  for (std::size_t i = 0; i < n; ++i) {
    if (v.customer_id[i] != kNullInt64 && v.offered_ms[i] != kNullInt64) code[i] = codes.code(v.customer_id[i]);
  }
  const std::size_t customers = codes.count();
  std::vector<std::uint32_t> start(customers + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (code[i] != UINT32_MAX) ++start[code[i] + std::size_t{1}];
  }
  for (std::size_t c = 0; c < customers; ++c) start[c + 1] += start[c];
  // Rows carry what the scan reads, so it walks one array in order instead
  // of gathering from the columns. Whether a row is to be judged (answered)
  // is marked in its state instead, keeping a record at 16 bytes.
  struct Row {
    std::int64_t offered;
    std::uint32_t row;
    std::int32_t reason;  // 0 unless matching reasons
  };
  std::vector<Row> rows(start.back());
  {
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < n; ++i) {
      if (code[i] == UINT32_MAX) continue;
      rows[fill[code[i]]++] =
          Row{v.offered_ms[i], static_cast<std::uint32_t>(i), options.match_reason ? v.reason[i] : 0};
      if (v.answered_ms[i] != kNullInt64) state[i] = FcrState::kPending;  // to be judged below
    }
  }
  const auto earlier = [](const Row& a, const Row& b) { return a.offered < b.offered; };
  for (std::size_t c = 0; c < customers; ++c) {
    auto first = rows.begin() + start[c], last = rows.begin() + start[c + 1];
    // Stable: equal offered times keep input order, which decides "later".
    if (!std::is_sorted(first, last, earlier)) std::stable_sort(first, last, earlier);
    for (auto it = first; it != last; ++it) {
      const std::uint32_t i = it->row;
      if (state[i] == FcrState::kNotJudged) continue;
      const std::int64_t t = it->offered;
      bool repeat = false;
      for (auto next = it + 1; next != last && gap(next->offered, t) <= window; ++next) {
        if (next->reason == it->reason) {
          repeat = true;
          break;
        }
      }
      state[i] = judged(repeat, t, window, as_of);
    }
  }
}

}  // namespace

std::vector<FcrState> fcr_states(const InteractionView& v, const FcrOptions& options) {
  const std::size_t n = v.size();
  if (v.customer_id.size() != n || v.offered_ms.size() != n || v.answered_ms.size() != n ||
      (options.match_reason && v.reason.size() != n) || n > UINT32_MAX || options.window.count() < 0) {
    throw std::invalid_argument("fcr_states: columns of different lengths, over 2^32 rows, or a negative window");
  }
  std::vector<FcrState> state(n, FcrState::kNotJudged);
  if (n == 0) return state;

  // A contact without an offered time (null) is neither judged nor a repeat.
  std::int64_t as_of = INT64_MIN;
  bool time_ordered = true;
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t t = v.offered_ms[i];
    if (t == kNullInt64) continue;
    time_ordered &= t >= as_of;
    as_of = std::max(as_of, t);
  }
  if (options.as_of) as_of = options.as_of->unix_ms();
  const std::int64_t window = options.window.count();
  const IdSpan ids(v.customer_id);
  if (ids.empty()) return state;
  if (!time_ordered) {
    CustomerCodes codes(ids, n);
    judge_by_customer(v, options, codes, window, as_of, state);
    return state;
  }
  // Reason codes index the dense array too; a negative one (a caller's own
  // coding) sends the input to the hashed path.
  std::int64_t reasons = 1;
  if (options.match_reason) {
    for (const std::int32_t r : v.reason)
      reasons = r < 0 ? INT64_MAX : std::max<std::int64_t>(reasons, std::int64_t{r} + 1);
  }
  const auto reason_count = static_cast<std::uint64_t>(reasons);
  if (ids.size() <= UINT32_MAX / reason_count && dense_enough(ids.size() * reason_count, n)) {
    DenseNextOffered next(ids, reason_count);
    judge_time_ordered(v, options.match_reason, next, window, as_of, state);
  } else if (options.match_reason && ids.size() <= static_cast<std::uint64_t>(INT64_MAX) / reason_count) {
    EncodedReasonTable next(ids, reason_count, n);
    judge_time_ordered(v, true, next, window, as_of, state);
  } else if (options.match_reason) {
    HashedTable<true> next(n);
    judge_time_ordered(v, true, next, window, as_of, state);
  } else {
    HashedTable<false> next(n);
    judge_time_ordered(v, false, next, window, as_of, state);
  }
  return state;
}

}  // namespace backoffice
