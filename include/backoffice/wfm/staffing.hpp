#pragma once

// Staffing: the fewest agents on the phones that meet a queueing target in
// one interval, and the scheduled headcount after shrinkage. Plain structs
// and spans of doubles so that the C ABI and Python can reach every call.

#include <backoffice/core/duration.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/wfm/queue_load.hpp>

#include <fmt/format.h>

#include <cstdint>
#include <span>
#include <vector>

namespace backoffice {

// Which queue model the search evaluates.
enum class QueueModel : int {
  kErlangC = 0,  // infinite patience (M/M/N)
  kErlangA = 1,  // exponential patience with StaffingTarget::mean_patience (M/M/N+M)
};

// What the required agents must achieve.
enum class StaffingObjective : int {
  // service level >= StaffingTarget::service_level, with answer time
  // StaffingTarget::answer_time (definitions as in erlang.hpp).
  kServiceLevel = 0,
  // ASA (mean wait of answered calls) <= StaffingTarget::max_asa.
  kAverageSpeedOfAnswer = 1,
  // probability of abandonment <= StaffingTarget::max_abandon_rate
  // (kErlangA only: with infinite patience nobody abandons).
  kAbandonRate = 2,
};

struct StaffingTarget {
  StaffingObjective objective = StaffingObjective::kServiceLevel;
  QueueModel model = QueueModel::kErlangC;
  double service_level = 0.80;              // in (0, 1), kServiceLevel only
  Milliseconds answer_time{20'000};         // T >= 0, kServiceLevel only
  Milliseconds max_asa{0};                  // > 0, kAverageSpeedOfAnswer only
  double max_abandon_rate = 0.0;            // in (0, 1), kAbandonRate only
  double max_occupancy = 1.0;               // cap on occupancy, in (0, 1]
  Milliseconds mean_patience{0};            // > 0, kErlangA only

  friend bool operator==(const StaffingTarget&, const StaffingTarget&) = default;
};

// The answer for one interval, with the measures achieved at required_agents.
struct StaffingResult {
  int required_agents = 0;   // agents on the phones (the "net" requirement)
  int scheduled_agents = 0;  // ceil(required_agents / (1 - shrinkage))
  double offered_erlangs = 0.0;
  double service_level = 0.0;        // at answer_time, as defined in erlang.hpp
  double asa_s = 0.0;                // seconds
  double probability_abandon = 0.0;  // 0 for kErlangC
  double occupancy = 0.0;

  friend bool operator==(const StaffingResult&, const StaffingResult&) = default;
};

// Scheduled headcount that leaves `required_agents` on the phones after
// shrinkage s (the fraction of paid time not available for calls: breaks,
// training, absence): ceil(required / (1 - s)), grossing up by division, not
// by multiplying with (1 + s). A 1e-9 relative guard absorbs binary
// round-off, so 14 / (1 - 0.3) gives 20, not 21.
// Errors: required_agents < 0; shrinkage outside [0, 1) or NaN. O(1).
Result<int> scheduled_headcount(int required_agents, double shrinkage);

// The fewest agents N meeting `target` for `load`, subject to
// occupancy <= max_occupancy, and the scheduled headcount after `shrinkage`.
// A load of zero calls needs zero agents. The search starts at a lower bound
// (ceil of A for Erlang C, A/max_occupancy, ...) and relies on the measures
// being monotone in N, so the answer is the exact minimum, never an estimate.
// Erlang C with the 80/20 target at 10,000 calls/h and 300 s AHT takes about
// a microsecond.
// Errors (kInvalidArgument, naming the field of `target` or `load`): any
// erlang_*_metrics() input error; a target outside its range; kAbandonRate
// with kErlangC; a target not reachable below kMaxAgents (field `target`).
// O(sqrt(A)) for Erlang C, O(sqrt(A) * log(A)) for Erlang A.
Result<StaffingResult> required_agents(const QueueLoad& load, const StaffingTarget& target,
                                       double shrinkage);

// Requirement curve over a forecast: interval i has calls_per_interval[i]
// offered calls with mean handle time aht_s[i] seconds (both spans the same
// length; aht_s[i] may be anything when calls_per_interval[i] is 0), all of
// length `interval`. Writes required and scheduled agents per interval into
// the caller's spans (same length as the inputs). Allocates nothing.
// Errors name the input by index, e.g. `calls_per_interval[17]`; on error the
// outputs are partly written. O(intervals * sqrt(A)).
Status staffing_curve_into(std::span<const double> calls_per_interval,
                           std::span<const double> aht_s, Seconds interval,
                           const StaffingTarget& target, double shrinkage,
                           std::span<std::int32_t> required_out,
                           std::span<std::int32_t> scheduled_out);

struct StaffingCurve {
  std::vector<std::int32_t> required;   // agents on the phones, per interval
  std::vector<std::int32_t> scheduled;  // after shrinkage, per interval

  friend bool operator==(const StaffingCurve&, const StaffingCurve&) = default;
};

// staffing_curve_into() returning owned vectors.
Result<StaffingCurve> staffing_curve(std::span<const double> calls_per_interval,
                                     std::span<const double> aht_s, Seconds interval,
                                     const StaffingTarget& target, double shrinkage);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::StaffingTarget> : fmt::formatter<std::string_view> {
  auto format(const backoffice::StaffingTarget& t, fmt::format_context& ctx) const {
    const char* model = t.model == backoffice::QueueModel::kErlangA ? "Erlang A" : "Erlang C";
    switch (t.objective) {
      case backoffice::StaffingObjective::kServiceLevel:
        fmt::format_to(ctx.out(), "{}: SL >= {} within {} ms", model, t.service_level,
                       t.answer_time.count());
        break;
      case backoffice::StaffingObjective::kAverageSpeedOfAnswer:
        fmt::format_to(ctx.out(), "{}: ASA <= {} ms", model, t.max_asa.count());
        break;
      case backoffice::StaffingObjective::kAbandonRate:
        fmt::format_to(ctx.out(), "{}: abandon rate <= {}", model, t.max_abandon_rate);
        break;
    }
    if (t.model == backoffice::QueueModel::kErlangA) {
      fmt::format_to(ctx.out(), ", mean patience {} ms", t.mean_patience.count());
    }
    return fmt::format_to(ctx.out(), ", occupancy <= {}", t.max_occupancy);
  }
};

template <>
struct fmt::formatter<backoffice::StaffingResult> : fmt::formatter<std::string_view> {
  auto format(const backoffice::StaffingResult& r, fmt::format_context& ctx) const {
    return fmt::format_to(ctx.out(),
                          "{} required, {} scheduled (A={} SL={} ASA={}s abandon={} occupancy={})",
                          r.required_agents, r.scheduled_agents, r.offered_erlangs,
                          r.service_level, r.asa_s, r.probability_abandon, r.occupancy);
  }
};
