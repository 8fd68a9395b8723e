#pragma once

#include <backoffice/core/duration.hpp>
#include <backoffice/core/result.hpp>

#include <fmt/format.h>

#include <chrono>

namespace backoffice {

// The traffic offered to one queue during one interval: the input of every
// Erlang formula. Plain data so that the C ABI and Python can fill it.
//   calls_per_interval  contacts offered in one interval (a forecast, so it
//                       may be fractional); >= 0
//   interval            length of the interval, e.g. 900 s; > 0
//   aht                 mean handle time (talk + hold + after-call work); > 0
// Arrival rate lambda = calls_per_interval / interval (per second);
// offered load A = lambda * aht in Erlangs.
struct QueueLoad {
  double calls_per_interval = 0.0;
  Seconds interval{900};
  Milliseconds aht{0};

  friend bool operator==(const QueueLoad&, const QueueLoad&) = default;
};

// The largest offered load and agent count the formulas accept. Beyond these
// the results are still finite, but the accuracy statement in docs/wfm.md
// (1e-9 relative up to 10,000 agents and 10,000 Erlangs) is not claimed and
// run time grows with sqrt(load).
inline constexpr double kMaxOfferedErlangs = 1e7;
inline constexpr int kMaxAgents = 10'000'000;

// Offered load A = calls_per_interval * aht / interval, in Erlangs.
// Errors (kInvalidArgument, naming the field): calls_per_interval negative,
// NaN or infinite; interval <= 0; aht <= 0; A above kMaxOfferedErlangs.
// O(1).
Result<double> offered_erlangs(const QueueLoad& load);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::QueueLoad> : fmt::formatter<std::string_view> {
  auto format(const backoffice::QueueLoad& q, fmt::format_context& ctx) const {
    return fmt::format_to(ctx.out(), "{} calls per {} s, AHT {} ms", q.calls_per_interval,
                          q.interval.count(), q.aht.count());
  }
};
