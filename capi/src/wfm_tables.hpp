#pragma once

// Workforce-planning results as Tables, the shapes shared by the C ABI
// (backoffice_wfm.h) and Python (backoffice.wfm_planning).

#include "table.hpp"

#include <backoffice/core/result.hpp>
#include <backoffice/wfm/backtest.hpp>
#include <backoffice/wfm/shift_plan.hpp>
#include <backoffice/wfm/simulate.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace backoffice::capi {

// model (STRING), mase, smape, mae (DOUBLE), origins, points (INT64);
// metadata "definition".
Table backtest_table(const std::vector<BacktestScore>& scores);

// One row per interval: interval_start (INSTANT, start_unix_ms + i *
// interval), offered, answered, abandoned, unserved, delayed,
// answered_within (INT64), total_wait_s, total_abandon_wait_s (DOUBLE).
Table simulation_intervals_table(const SimulationResult& result, std::int64_t start_unix_ms,
                                 std::chrono::seconds interval);

// The simulated contacts as an interaction table (interactions_to_table),
// offered from start_unix_ms on queue `queue_id`. Errors as
// append_simulated_interactions.
Result<Table> simulated_interactions_table(const SimulatedContacts& contacts, std::int64_t start_unix_ms,
                                           std::int64_t queue_id);

// shift (STRING name), shift_index, start, break_offset (INT64, null
// without a break), agents (INT64).
Table shift_assignments_table(const ShiftPlan& plan, std::span<const ShiftType> types);
// interval, required, scheduled, under, over (INT64).
Table shift_coverage_table(const ShiftPlan& plan);

}  // namespace backoffice::capi
