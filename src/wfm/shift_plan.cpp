#include <backoffice/wfm/shift_plan.hpp>

#include <coin/Cbc_C_Interface.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

namespace backoffice {
namespace {

struct CbcDeleter {
  void operator()(Cbc_Model* m) const { Cbc_deleteModel(m); }
};
using CbcModelPtr = std::unique_ptr<Cbc_Model, CbcDeleter>;

// Per-interval coverage, under and over of a chosen plan.
void fill_coverage(const std::vector<ShiftPattern>& patterns, const std::vector<std::int32_t>& x,
                   ShiftPlan& plan) {
  const std::size_t n = plan.required.size();
  plan.scheduled.assign(n, 0);
  for (std::size_t j = 0; j < patterns.size(); ++j) {
    if (x[j] == 0) continue;
    for (std::int32_t i : patterns[j].covered) plan.scheduled[static_cast<std::size_t>(i)] += x[j];
  }
  plan.under.assign(n, 0);
  plan.over.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const std::int32_t d = plan.scheduled[i] - plan.required[i];
    (d < 0 ? plan.under[i] : plan.over[i]) = d < 0 ? -d : d;
  }
}

}  // namespace

Result<ShiftPlan> plan_shifts(std::span<const std::int32_t> required, std::span<const ShiftType> shift_types,
                              const ShiftPlanOptions& options) {
  if (required.empty()) return invalid_argument("required", "[]", "at least one interval");
  if (required.size() > 1'000'000)
    return invalid_argument("required", fmt::format("{} intervals", required.size()),
                            "at most 1,000,000 intervals");
  for (std::size_t i = 0; i < required.size(); ++i)
    if (required[i] < 0)
      return invalid_argument(fmt::format("required[{}]", i), std::to_string(required[i]), "must be >= 0");
  if (options.time_limit.count() < 0)
    return invalid_argument("time_limit", std::to_string(options.time_limit.count()) + " s",
                            "must be >= 0 (0: no limit)");
  if (!std::isfinite(options.under_staffing_cost_hours) || options.under_staffing_cost_hours < 0)
    return invalid_argument("under_staffing_cost_hours", fmt::format("{}", options.under_staffing_cost_hours),
                            "must be >= 0");

  const auto horizon = static_cast<std::int32_t>(required.size());
  BO_ASSIGN_OR_RETURN(std::vector<ShiftPattern> patterns,
                      expand_shift_patterns(shift_types, horizon, options));

  // Rows are needed only where something is required; the transpose lists,
  // per interval, the patterns that cover it.
  std::vector<std::vector<int>> covering(required.size());
  for (std::size_t j = 0; j < patterns.size(); ++j)
    for (std::int32_t i : patterns[j].covered)
      if (required[static_cast<std::size_t>(i)] > 0)
        covering[static_cast<std::size_t>(i)].push_back(static_cast<int>(j));

  const bool soft = options.under_staffing_cost_hours > 0.0;
  if (!soft) {
    // Reported before calling the solver so the error names the interval;
    // CBC would only say "infeasible".
    for (std::size_t i = 0; i < required.size(); ++i)
      if (required[i] > 0 && covering[i].empty())
        return invalid_argument(fmt::format("required[{}]", i), std::to_string(required[i]),
                                "infeasible: no allowed shift covers this interval");
  }

  ShiftPlan plan;
  plan.required.assign(required.begin(), required.end());
  plan.patterns = static_cast<std::int64_t>(patterns.size());
  const double hours_per_interval = static_cast<double>(options.interval.count()) / 3600.0;
  std::vector<std::int32_t> x(patterns.size(), 0);

  bool any_required = false;
  for (std::int32_t r : required) any_required = any_required || r > 0;
  if (any_required) {
    CbcModelPtr model(Cbc_newModel());
    if (!model) return make_error(ErrorCode::kInternal, "cbc", "Cbc_newModel", "out of memory");
    Cbc_setLogLevel(model.get(), 0);
    // Costs in intervals keep every coefficient a small integer, which
    // helps CBC's bounding; converted to hours on the way out.
    // No pattern ever needs more agents than the largest requirement, so
    // that is a valid (and tightening) upper bound.
    std::int32_t max_required = 0;
    for (std::int32_t r : required) max_required = std::max(max_required, r);
    for (const ShiftPattern& p : patterns) {
      Cbc_addCol(model.get(), "", 0.0, static_cast<double>(max_required),
                 static_cast<double>(p.paid_intervals), 1, 0, nullptr, nullptr);
    }
    const double under_cost = options.under_staffing_cost_hours / hours_per_interval;
    std::vector<double> ones;
    for (std::size_t i = 0; i < required.size(); ++i) {
      if (required[i] <= 0) continue;
      std::vector<int>& cols = covering[i];
      if (soft) {
        cols.push_back(Cbc_getNumCols(model.get()));
        Cbc_addCol(model.get(), "", 0.0, static_cast<double>(required[i]), under_cost, 0, 0, nullptr,
                   nullptr);
      }
      ones.assign(cols.size(), 1.0);
      Cbc_addRow(model.get(), "", static_cast<int>(cols.size()), cols.data(), ones.data(), 'G',
                 static_cast<double>(required[i]));
    }
    if (options.time_limit.count() > 0)
      Cbc_setMaximumSeconds(model.get(), static_cast<double>(options.time_limit.count()));

    Cbc_solve(model.get());
    if (Cbc_isProvenInfeasible(model.get()))
      return invalid_argument("required", fmt::format("{} intervals", required.size()),
                              "infeasible: the shifts cannot cover the requirement");
    const double* solution = Cbc_bestSolution(model.get());
    if (Cbc_isAbandoned(model.get()) || (solution == nullptr && !Cbc_isSecondsLimitReached(model.get())))
      return make_error(ErrorCode::kInternal, "cbc", std::to_string(Cbc_status(model.get())),
                        "CBC stopped without a plan");
    if (solution == nullptr)
      return invalid_argument("time_limit", std::to_string(options.time_limit.count()) + " s",
                              "reached before any plan covering the requirement was found");
    plan.status = Cbc_isProvenOptimal(model.get()) ? ShiftPlanStatus::kOptimal : ShiftPlanStatus::kTimeLimit;
    for (std::size_t j = 0; j < patterns.size(); ++j)
      x[j] = static_cast<std::int32_t>(std::llround(solution[j]));
    plan.lower_bound_hours = Cbc_getBestPossibleObjValue(model.get()) * hours_per_interval;
  }

  std::int64_t paid = 0;
  for (std::size_t j = 0; j < patterns.size(); ++j) {
    if (x[j] == 0) continue;
    const ShiftPattern& p = patterns[j];
    plan.assignments.push_back({p.shift_type, p.start, p.break_offset, x[j]});
    paid += static_cast<std::int64_t>(x[j]) * p.paid_intervals;
  }
  plan.paid_hours = static_cast<double>(paid) * hours_per_interval;
  fill_coverage(patterns, x, plan);
  return plan;
}

}  // namespace backoffice
