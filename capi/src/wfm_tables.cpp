#include "wfm_tables.hpp"

#include "column_readers.hpp"
#include "interaction_table.hpp"

#include <backoffice/domain/interaction_columns.hpp>

#include <utility>

namespace backoffice::capi {

Table backtest_table(const std::vector<BacktestScore>& scores) {
  const std::size_t n = scores.size();
  StringColumnBuilder model;
  std::vector<double> mase(n), smape(n), mae(n);
  std::vector<std::int64_t> origins(n), points(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& s = scores[i];
    model.append(to_string(s.model));
    mase[i] = s.mase;
    smape[i] = s.smape;
    mae[i] = s.mae;
    origins[i] = s.origins;
    points[i] = s.points;
  }
  Table t(n);
  must_add(t, std::move(model).finish("model"));
  must_add(t, double_column("mase", std::move(mase)));
  must_add(t, double_column("smape", std::move(smape)));
  must_add(t, double_column("mae", std::move(mae)));
  must_add(t, int64_column("origins", ColumnType::kInt64, std::move(origins)));
  must_add(t, int64_column("points", ColumnType::kInt64, std::move(points)));
  t.metadata = {{"definition",
                 "mase=mean over origins of MAE/in-sample MAE of the weekly seasonal naive; "
                 "smape=mean of 200|y-f|/(|y|+|f|) in percent"}};
  return t;
}

Table simulation_intervals_table(const SimulationResult& r, std::int64_t start_unix_ms,
                                 std::chrono::seconds interval) {
  const std::size_t n = r.intervals.size();
  std::vector<std::int64_t> start(n), offered(n), answered(n), abandoned(n), unserved(n), delayed(n), within(n);
  std::vector<double> wait(n), abandon_wait(n);
  const std::int64_t step_ms = interval.count() * 1000;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& s = r.intervals[i];
    start[i] = start_unix_ms + static_cast<std::int64_t>(i) * step_ms;
    offered[i] = s.offered;
    answered[i] = s.answered;
    abandoned[i] = s.abandoned;
    unserved[i] = s.unserved;
    delayed[i] = s.delayed;
    within[i] = s.answered_within;
    wait[i] = s.total_wait_s;
    abandon_wait[i] = s.total_abandon_wait_s;
  }
  Table t(n);
  must_add(t, int64_column("interval_start", ColumnType::kInstant, std::move(start)));
  must_add(t, int64_column("offered", ColumnType::kInt64, std::move(offered)));
  must_add(t, int64_column("answered", ColumnType::kInt64, std::move(answered)));
  must_add(t, int64_column("abandoned", ColumnType::kInt64, std::move(abandoned)));
  must_add(t, int64_column("unserved", ColumnType::kInt64, std::move(unserved)));
  must_add(t, int64_column("delayed", ColumnType::kInt64, std::move(delayed)));
  must_add(t, int64_column("answered_within", ColumnType::kInt64, std::move(within)));
  must_add(t, double_column("total_wait_s", std::move(wait)));
  must_add(t, double_column("total_abandon_wait_s", std::move(abandon_wait)));
  return t;
}

Result<Table> simulated_interactions_table(const SimulatedContacts& contacts, std::int64_t start_unix_ms,
                                           std::int64_t queue_id) {
  InteractionColumns columns;
  SimulatedInteractionOptions o;
  o.start_unix_ms = start_unix_ms;
  o.queue_id = queue_id;
  o.reason_code = columns.reasons.code("");
  o.disposition_code = columns.dispositions.code("");
  BO_RETURN_IF_ERROR(append_simulated_interactions(contacts, o, columns));
  return interactions_to_table(std::move(columns));
}

Table shift_assignments_table(const ShiftPlan& plan, std::span<const ShiftType> types) {
  const std::size_t n = plan.assignments.size();
  StringColumnBuilder names;
  std::vector<std::int64_t> index(n), start(n), brk(n), agents(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& a = plan.assignments[i];
    names.append(types[static_cast<std::size_t>(a.shift_type)].name);
    index[i] = a.shift_type;
    start[i] = a.start;
    brk[i] = a.break_offset < 0 ? kNullInt64 : a.break_offset;
    agents[i] = a.agents;
  }
  Table t(n);
  must_add(t, std::move(names).finish("shift"));
  must_add(t, int64_column("shift_index", ColumnType::kInt64, std::move(index)));
  must_add(t, int64_column("start", ColumnType::kInt64, std::move(start)));
  must_add(t, nullable_int64("break_offset", ColumnType::kInt64, std::move(brk)));
  must_add(t, int64_column("agents", ColumnType::kInt64, std::move(agents)));
  return t;
}

Table shift_coverage_table(const ShiftPlan& plan) {
  const std::size_t n = plan.required.size();
  auto widen = [](const std::vector<std::int32_t>& v) { return std::vector<std::int64_t>(v.begin(), v.end()); };
  std::vector<std::int64_t> interval(n);
  for (std::size_t i = 0; i < n; ++i) interval[i] = static_cast<std::int64_t>(i);
  Table t(n);
  must_add(t, int64_column("interval", ColumnType::kInt64, std::move(interval)));
  must_add(t, int64_column("required", ColumnType::kInt64, widen(plan.required)));
  must_add(t, int64_column("scheduled", ColumnType::kInt64, widen(plan.scheduled)));
  must_add(t, int64_column("under", ColumnType::kInt64, widen(plan.under)));
  must_add(t, int64_column("over", ColumnType::kInt64, widen(plan.over)));
  return t;
}

}  // namespace backoffice::capi
