#pragma once

// Shift planning: how many agents work each allowed shift so that the agents
// on duty cover a requirement curve (agents per interval, e.g. the
// `required` or `scheduled` output of staffing_curve) with the fewest paid
// hours. A shift with a given start and break placement is a 0/1 coverage
// pattern over the horizon's intervals; the choice is the integer program
//   minimise sum_j paid_j x_j  s.t.  sum_j a_ij x_j >= r_i,  x_j in {0,1,2,...}
// solved with COIN-OR CBC. Model and examples: docs/wfm_simulation_and_shifts.md.
// Everything is counted in intervals of one fixed length (ShiftPlanOptions::
// interval); times of day are interval indices from the start of the
// horizon (for a week of 15-minute intervals starting Monday 00:00 local,
// Tuesday 08:00 is 96 + 32 = 128). Zones belong to the caller.

#include <backoffice/core/duration.hpp>
#include <backoffice/core/result.hpp>

#include <fmt/format.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace backoffice {

// One kind of shift. A shift of this type may start at any of
// `start_intervals`; it lasts `length_intervals` including its break. The
// break (if break_intervals > 0) starts between break_earliest and
// break_latest intervals after the shift start (inclusive; equal values fix
// the offset), and the planner picks the offset per shift. Paid time is the
// length minus the break unless paid_break.
struct ShiftType {
  std::string name;
  std::vector<std::int32_t> start_intervals;  // each in [0, horizon)
  std::int32_t length_intervals = 0;          // 1..horizon
  std::int32_t break_intervals = 0;           // >= 0, < length
  std::int32_t break_earliest = 0;            // offset from the shift start
  std::int32_t break_latest = 0;              // >= break_earliest
  bool paid_break = false;

  friend bool operator==(const ShiftType&, const ShiftType&) = default;
};

struct ShiftPlanOptions {
  Seconds interval{900};  // length of one interval (> 0), for paid hours
  // A shift running past the end of the horizon wraps to its start (a week
  // that repeats: Sunday's late shift covers Monday 00:00). When false such
  // start intervals are an error.
  bool cyclic = true;
  // Stop the solver after this long and return the best plan found
  // (status kTimeLimit); 0 means no limit.
  Seconds time_limit{0};
  // 0: coverage is a hard constraint (infeasible requirements are an
  // error). > 0: under-staffing is allowed at this cost in paid hours per
  // missing agent-interval, and reported per interval.
  double under_staffing_cost_hours = 0.0;

  friend bool operator==(const ShiftPlanOptions&, const ShiftPlanOptions&) = default;
};

// One column of the integer program: a shift type at one start with one
// break offset, covering `covered` intervals (sorted, wrapped when cyclic).
struct ShiftPattern {
  std::int32_t shift_type = 0;     // index in the ShiftType list
  std::int32_t start = 0;          // start interval
  std::int32_t break_offset = -1;  // intervals after start; -1 without a break
  std::int32_t paid_intervals = 0;
  std::vector<std::int32_t> covered;

  friend bool operator==(const ShiftPattern&, const ShiftPattern&) = default;
};

enum class ShiftPlanStatus : int {
  kOptimal = 0,    // proven minimum of paid hours
  kTimeLimit = 1,  // time limit hit; best plan found, maybe not minimal
};

struct ShiftAssignment {
  std::int32_t shift_type = 0;
  std::int32_t start = 0;
  std::int32_t break_offset = -1;
  std::int32_t agents = 0;  // > 0

  friend bool operator==(const ShiftAssignment&, const ShiftAssignment&) = default;
};

struct ShiftPlan {
  ShiftPlanStatus status = ShiftPlanStatus::kOptimal;
  std::vector<ShiftAssignment> assignments;  // agents > 0 only, in pattern order
  std::vector<std::int32_t> required;        // the input curve
  std::vector<std::int32_t> scheduled;       // agents on duty (not on break) per interval
  std::vector<std::int32_t> under;           // max(required - scheduled, 0)
  std::vector<std::int32_t> over;            // max(scheduled - required, 0)
  double paid_hours = 0.0;
  // Solver's lower bound on paid hours (equals paid_hours when kOptimal,
  // up to round-off); the gap shows how far a kTimeLimit plan may be off.
  double lower_bound_hours = 0.0;
  std::int64_t patterns = 0;  // integer variables in the model

  friend bool operator==(const ShiftPlan&, const ShiftPlan&) = default;
};

// Every coverage pattern of `shift_types` over `horizon_intervals`
// intervals: one per (type, start, break offset). Errors (kInvalidArgument,
// naming e.g. `shift_types[2].length_intervals`): no shift types; empty
// start list; length outside 1..horizon; break not inside the shift
// (break_latest + break_intervals > length) or negative; start outside
// [0, horizon); a non-cyclic shift running past the horizon; more than
// 1e6 patterns. O(patterns * length).
Result<std::vector<ShiftPattern>> expand_shift_patterns(std::span<const ShiftType> shift_types,
                                                        std::int32_t horizon_intervals,
                                                        const ShiftPlanOptions& options);

// The plan with the fewest paid hours covering `required` (agents per
// interval, >= 0). Errors (kInvalidArgument): empty requirement (field
// `required`); a negative required[i]; any expand_shift_patterns error; an
// interval with positive requirement that no pattern covers, with hard
// coverage (field `required[i]`: infeasible); options out of range; time
// limit reached before any plan was found (field `time_limit`).
// kInternal if CBC fails numerically. Worst case exponential (integer
// programming); a week of 15-minute intervals with a few thousand patterns
// typically solves in under a second.
Result<ShiftPlan> plan_shifts(std::span<const std::int32_t> required, std::span<const ShiftType> shift_types,
                              const ShiftPlanOptions& options);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::ShiftPlanStatus> : fmt::formatter<std::string_view> {
  auto format(backoffice::ShiftPlanStatus s, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(
        s == backoffice::ShiftPlanStatus::kOptimal ? "optimal" : "time limit", ctx);
  }
};
