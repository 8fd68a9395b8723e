#include <backoffice/kpi/fcr.hpp>

#include "kpi/dense_encoder.hpp"

#include <algorithm>

namespace backoffice {

std::vector<FcrState> fcr_states(const InteractionView& v, const FcrOptions& options) {
  const std::size_t n = v.size();
  std::vector<FcrState> state(n, FcrState::kNotJudged);
  if (n == 0) return state;

  // Counting sort of row indexes by customer keeps each customer's rows in
  // input order, so time-ordered input needs no further sorting.
  kpi_detail::TupleIndex customers(1);
  std::vector<std::int32_t> code(n, -1);
  std::int64_t as_of = INT64_MIN;
  for (std::size_t i = 0; i < n; ++i) {
    as_of = std::max(as_of, v.offered_ms[i]);
    if (v.customer_id[i] != kNullInt64) code[i] = customers.find_or_add(&v.customer_id[i]);
  }
  if (options.as_of) as_of = options.as_of->unix_ms();
  std::vector<std::uint32_t> start(customers.size() + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (code[i] >= 0) ++start[static_cast<std::size_t>(code[i]) + 1];
  }
  for (std::size_t c = 0; c < customers.size(); ++c) start[c + 1] += start[c];
  std::vector<std::uint32_t> order(start.back());
  {
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < n; ++i) {
      if (code[i] >= 0) order[fill[static_cast<std::size_t>(code[i])]++] = static_cast<std::uint32_t>(i);
    }
  }

  const std::int64_t window = options.window.count();
  for (std::size_t c = 0; c < customers.size(); ++c) {
    auto first = order.begin() + start[c], last = order.begin() + start[c + 1];
    // Stable: equal offered times keep input order, which decides "later".
    if (!std::is_sorted(first, last, [&](auto a, auto b) { return v.offered_ms[a] < v.offered_ms[b]; })) {
      std::stable_sort(first, last, [&](auto a, auto b) { return v.offered_ms[a] < v.offered_ms[b]; });
    }
    for (auto it = first; it != last; ++it) {
      const std::uint32_t i = *it;
      if (v.answered_ms[i] == kNullInt64) continue;
      const std::int64_t t = v.offered_ms[i];
      bool repeat = false;
      for (auto next = it + 1; next != last && v.offered_ms[*next] - t <= window; ++next) {
        if (!options.match_reason || v.reason[*next] == v.reason[i]) {
          repeat = true;
          break;
        }
      }
      state[i] = repeat ? FcrState::kRepeat : (t + window > as_of ? FcrState::kPending : FcrState::kResolved);
    }
  }
  return state;
}

}  // namespace backoffice
