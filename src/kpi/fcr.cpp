#include <backoffice/kpi/fcr.hpp>

#include "kpi/dense_encoder.hpp"

#include <algorithm>

namespace backoffice {
namespace {

// Customer ids as codes 0..count-1. Ids spanning a range no wider than the
// row count (the usual 1..N surrogate keys) are coded as id - min, with no
// hashing; other ids go through a hash map.
class CustomerCodes {
 public:
  explicit CustomerCodes(std::span<const std::int64_t> ids) {
    std::int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (const std::int64_t id : ids) {
      if (id == kNullInt64) continue;
      lo = std::min(lo, id);
      hi = std::max(hi, id);
    }
    if (lo > hi) return;  // no known customer
    // Unsigned: hi - lo may not fit an int64.
    const std::uint64_t range = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
    if (range < ids.size() + 1024) {
      dense_ = true;
      min_ = lo;
      count_ = static_cast<std::size_t>(range) + 1;
    }
  }
  bool dense() const { return dense_; }
  // Codes handed out so far (all of them when dense).
  std::size_t count() const { return dense_ ? count_ : hashed_.size(); }
  // The code of a non-null id.
  std::uint32_t code(const std::int64_t& id) {
    if (dense_) return static_cast<std::uint32_t>(static_cast<std::uint64_t>(id) - static_cast<std::uint64_t>(min_));
    return static_cast<std::uint32_t>(hashed_.find_or_add(&id));
  }

 private:
  bool dense_ = false;
  std::int64_t min_ = 0;
  std::size_t count_ = 0;
  kpi_detail::TupleIndex hashed_{1};
};

// `later` was offered `later_ms - t_ms` after t_ms; wraps instead of
// overflowing for extreme instants, as the signed difference would.
inline std::int64_t gap(std::int64_t later_ms, std::int64_t t_ms) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(later_ms) - static_cast<std::uint64_t>(t_ms));
}

inline FcrState judged(bool repeat, std::int64_t t_ms, std::int64_t window, std::int64_t as_of) {
  return repeat ? FcrState::kRepeat : (t_ms + window > as_of ? FcrState::kPending : FcrState::kResolved);
}

// Time-ordered input: a contact's first later contact from the same customer
// is the next one in the input, so one backward pass remembering each
// customer's next offered time decides every row. No sort, no row index
// array; one random access per row into an array of customers.
void judge_time_ordered(const InteractionView& v, CustomerCodes& codes, std::int64_t window, std::int64_t as_of,
                        std::vector<FcrState>& state) {
  constexpr std::int64_t kNone = kNullInt64;
  std::vector<std::int64_t> next_offered(codes.count(), kNone);
  for (std::size_t i = v.size(); i-- > 0;) {
    const std::int64_t id = v.customer_id[i];
    if (id == kNullInt64) continue;
    const std::uint32_t c = codes.code(id);
    if (c >= next_offered.size()) next_offered.resize(std::max<std::size_t>(64, 2 * next_offered.size()), kNone);
    const std::int64_t t = v.offered_ms[i];
    const std::int64_t next = next_offered[c];
    next_offered[c] = t;
    if (v.answered_ms[i] == kNullInt64) continue;
    state[i] = judged(next != kNone && gap(next, t) <= window, t, window, as_of);
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
    if (v.customer_id[i] != kNullInt64) code[i] = codes.code(v.customer_id[i]);
  }
  const std::size_t customers = codes.count();
  std::vector<std::uint32_t> start(customers + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (code[i] != UINT32_MAX) ++start[code[i] + std::size_t{1}];
  }
  for (std::size_t c = 0; c < customers; ++c) start[c + 1] += start[c];
  // Rows carry what the scan reads (all but the reason), so it walks one
  // array in order instead of gathering from the columns.
  struct Row {
    std::int64_t offered;
    std::uint32_t row;
    std::uint32_t answered;
  };
  std::vector<Row> rows(start.back());
  {
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < n; ++i) {
      if (code[i] == UINT32_MAX) continue;
      rows[fill[code[i]]++] = Row{v.offered_ms[i], static_cast<std::uint32_t>(i), v.answered_ms[i] != kNullInt64};
    }
  }
  const auto earlier = [](const Row& a, const Row& b) { return a.offered < b.offered; };
  for (std::size_t c = 0; c < customers; ++c) {
    auto first = rows.begin() + start[c], last = rows.begin() + start[c + 1];
    // Stable: equal offered times keep input order, which decides "later".
    if (!std::is_sorted(first, last, earlier)) std::stable_sort(first, last, earlier);
    for (auto it = first; it != last; ++it) {
      if (!it->answered) continue;
      const std::uint32_t i = it->row;
      const std::int64_t t = it->offered;
      bool repeat = false;
      for (auto next = it + 1; next != last && gap(next->offered, t) <= window; ++next) {
        if (!options.match_reason || v.reason[next->row] == v.reason[i]) {
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
  std::vector<FcrState> state(n, FcrState::kNotJudged);
  if (n == 0) return state;

  std::int64_t as_of = INT64_MIN;
  bool time_ordered = true;
  for (std::size_t i = 0; i < n; ++i) {
    time_ordered &= v.offered_ms[i] >= as_of;
    as_of = std::max(as_of, v.offered_ms[i]);
  }
  if (options.as_of) as_of = options.as_of->unix_ms();
  const std::int64_t window = options.window.count();
  CustomerCodes codes(v.customer_id);
  if (time_ordered && !options.match_reason) {
    judge_time_ordered(v, codes, window, as_of, state);
  } else {
    judge_by_customer(v, options, codes, window, as_of, state);
  }
  return state;
}

}  // namespace backoffice
