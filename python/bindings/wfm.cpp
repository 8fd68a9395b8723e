// Erlang formulas and staffing for backoffice.wfm.

#include "bindings.hpp"

#include "table.hpp"
#include "wfm_tables.hpp"

#include <backoffice/wfm/backtest.hpp>
#include <backoffice/wfm/erlang.hpp>
#include <backoffice/wfm/forecast.hpp>
#include <backoffice/wfm/shift_plan.hpp>
#include <backoffice/wfm/simulate.hpp>
#include <backoffice/wfm/staffing.hpp>

#include <pybind11/stl.h>

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace backoffice::python {

namespace {

QueueLoad load_of(double calls, std::int64_t interval_s, std::int64_t aht_ms) {
  QueueLoad load;
  load.calls_per_interval = calls;
  load.interval = Seconds(interval_s);
  load.aht = Milliseconds(aht_ms);
  return load;
}

StaffingTarget target_of(int objective, int model, double service_level, std::int64_t answer_ms,
                         std::int64_t max_asa_ms, double max_abandon_rate, double max_occupancy,
                         std::int64_t mean_patience_ms) {
  if (objective < 0 || objective > 2) {
    raise(invalid_argument("objective", std::to_string(objective), "unknown objective"));
  }
  if (model < 0 || model > 1) raise(invalid_argument("model", std::to_string(model), "unknown model"));
  StaffingTarget t;
  t.objective = static_cast<StaffingObjective>(objective);
  t.model = static_cast<QueueModel>(model);
  t.service_level = service_level;
  t.answer_time = Milliseconds(answer_ms);
  t.max_asa = Milliseconds(max_asa_ms);
  t.max_abandon_rate = max_abandon_rate;
  t.max_occupancy = max_occupancy;
  t.mean_patience = Milliseconds(mean_patience_ms);
  return t;
}

using DoubleArray = py::array_t<double, py::array::c_style | py::array::forcecast>;

SeriesLayout layout_of(std::int64_t interval_min, int intervals_per_day, int days_per_week) {
  SeriesLayout layout;
  layout.interval = std::chrono::minutes(interval_min);
  layout.intervals_per_day = intervals_per_day;
  layout.days_per_week = days_per_week;
  return layout;
}

ForecastOptions forecast_options_of(int model, std::vector<int> special_days, double multiplier,
                                    int intraday_harmonics, int weekly_harmonics, bool trend) {
  if (model < 0 || model > 3) raise(invalid_argument("model", std::to_string(model), "unknown model"));
  ForecastOptions o;
  o.model = static_cast<ForecastModel>(model);
  o.special_days = std::move(special_days);
  o.special_day_multiplier = multiplier;
  o.intraday_harmonics = intraday_harmonics;
  o.weekly_harmonics = weekly_harmonics;
  o.trend = trend;
  return o;
}

std::span<const double> span_of(const DoubleArray& a) {
  return {a.data(), static_cast<std::size_t>(a.size())};
}

py::array_t<double> to_numpy(const std::vector<double>& v) {
  py::array_t<double> out(static_cast<py::ssize_t>(v.size()));
  std::copy(v.begin(), v.end(), out.mutable_data());
  return out;
}

void bind_forecasting(py::module_& m) {
  m.def("forecast", [](const DoubleArray& history, std::int64_t interval_min, int intervals_per_day,
                       int days_per_week, int horizon_days, int model, std::vector<int> special_days,
                       double multiplier, int intraday_harmonics, int weekly_harmonics, bool trend) {
    auto layout = layout_of(interval_min, intervals_per_day, days_per_week);
    auto options = forecast_options_of(model, std::move(special_days), multiplier, intraday_harmonics,
                                       weekly_harmonics, trend);
    std::optional<Result<ForecastResult>> r;
    {
      py::gil_scoped_release release;
      r.emplace(forecast(span_of(history), layout, horizon_days, options));
    }
    return to_numpy(unwrap(std::move(*r)).values);
  });
  m.def("forecast_aht", [](const DoubleArray& aht, const DoubleArray& volume, std::int64_t interval_min,
                           int intervals_per_day, int days_per_week, int horizon_days, int model,
                           std::vector<int> special_days, double multiplier, int intraday_harmonics,
                           int weekly_harmonics, bool trend) {
    auto layout = layout_of(interval_min, intervals_per_day, days_per_week);
    auto options = forecast_options_of(model, std::move(special_days), multiplier, intraday_harmonics,
                                       weekly_harmonics, trend);
    std::optional<Result<ForecastResult>> r;
    {
      py::gil_scoped_release release;
      r.emplace(forecast_aht(span_of(aht), span_of(volume), layout, horizon_days, options));
    }
    return to_numpy(unwrap(std::move(*r)).values);
  });
  // models: (model, intraday_harmonics, weekly_harmonics, trend) per model.
  m.def("backtest", [](const DoubleArray& history, std::int64_t interval_min, int intervals_per_day,
                       int days_per_week, const std::vector<std::tuple<int, int, int, bool>>& models,
                       std::vector<int> special_days, int first_origin_day, int origin_step_days,
                       int horizon_days) {
    auto layout = layout_of(interval_min, intervals_per_day, days_per_week);
    std::vector<ForecastOptions> opts;
    for (const auto& [model, intraday, weekly, trend] : models) {
      opts.push_back(forecast_options_of(model, special_days, 0.0, intraday, weekly, trend));
    }
    BacktestOptions b;
    b.first_origin_day = first_origin_day;
    b.origin_step_days = origin_step_days;
    b.horizon_days = horizon_days;
    std::optional<Result<std::vector<BacktestScore>>> r;
    {
      py::gil_scoped_release release;
      r.emplace(backtest(span_of(history), layout, opts, b));
    }
    return PyTable{std::make_shared<capi::Table>(capi::backtest_table(unwrap(std::move(*r))))};
  });
}

void bind_simulation(py::module_& m) {
  m.def("simulate_queue", [](const DoubleArray& calls, const py::array_t<std::int32_t, py::array::c_style |
                                                                                       py::array::forcecast>& agents,
                             std::int64_t interval_s, std::int64_t aht_ms, int handle_time, double handle_time_cv,
                             int patience, std::int64_t mean_patience_ms, std::int64_t answer_ms,
                             std::uint64_t seed, std::int64_t start_ms, std::int64_t queue_id, bool contacts) {
    if (handle_time < 0 || handle_time > 1) {
      raise(invalid_argument("handle_time", std::to_string(handle_time), "unknown distribution"));
    }
    if (patience < 0 || patience > 1) raise(invalid_argument("patience", std::to_string(patience), "unknown"));
    SimulationOptions o;
    o.interval = Seconds(interval_s);
    o.aht = Milliseconds(aht_ms);
    o.handle_time = static_cast<HandleTimeDistribution>(handle_time);
    o.handle_time_cv = handle_time_cv;
    o.patience = static_cast<PatienceDistribution>(patience);
    o.mean_patience = Milliseconds(mean_patience_ms);
    o.answer_time = Milliseconds(answer_ms);
    o.seed = seed;
    o.record_contacts = contacts;
    std::optional<Result<SimulationResult>> r;
    {
      py::gil_scoped_release release;
      r.emplace(simulate_queue(span_of(calls),
                               std::span<const std::int32_t>(agents.data(), static_cast<std::size_t>(agents.size())),
                               o));
    }
    auto result = unwrap(std::move(*r));
    auto intervals = std::make_shared<capi::Table>(capi::simulation_intervals_table(result, start_ms, o.interval));
    py::object interactions = py::none();
    if (contacts) {
      auto table = unwrap(capi::simulated_interactions_table(result.contacts, start_ms, queue_id));
      interactions = py::cast(PyTable{std::make_shared<capi::Table>(std::move(table))});
    }
    return py::make_tuple(PyTable{std::move(intervals)}, interactions);
  });
}

void bind_shift_planning(py::module_& m) {
  // shift_types: (name, starts, length, break, break_earliest, break_latest, paid_break) per type.
  using ShiftTuple = std::tuple<std::string, std::vector<std::int32_t>, std::int32_t, std::int32_t, std::int32_t,
                                std::int32_t, bool>;
  m.def("plan_shifts", [](const std::vector<std::int32_t>& required, const std::vector<ShiftTuple>& shift_types,
                          std::int64_t interval_s, bool cyclic, std::int64_t time_limit_s, double under_cost) {
    std::vector<ShiftType> types;
    for (const auto& [name, starts, length, brk, earliest, latest, paid] : shift_types) {
      types.push_back(ShiftType{name, starts, length, brk, earliest, latest, paid});
    }
    ShiftPlanOptions o;
    o.interval = Seconds(interval_s);
    o.cyclic = cyclic;
    o.time_limit = Seconds(time_limit_s);
    o.under_staffing_cost_hours = under_cost;
    std::optional<Result<ShiftPlan>> r;
    {
      py::gil_scoped_release release;
      r.emplace(plan_shifts(required, types, o));
    }
    auto plan = unwrap(std::move(*r));
    auto assignments = std::make_shared<capi::Table>(capi::shift_assignments_table(plan, types));
    auto coverage = std::make_shared<capi::Table>(capi::shift_coverage_table(plan));
    py::dict d;
    d["assignments"] = PyTable{std::move(assignments)};
    d["coverage"] = PyTable{std::move(coverage)};
    d["optimal"] = plan.status == ShiftPlanStatus::kOptimal;
    d["paid_hours"] = plan.paid_hours;
    d["lower_bound_hours"] = plan.lower_bound_hours;
    d["patterns"] = plan.patterns;
    return d;
  });
}

}  // namespace

void bind_wfm(py::module_& m) {
  bind_forecasting(m);
  bind_simulation(m);
  bind_shift_planning(m);
  m.def("erlang_b", [](double a, int n) { return unwrap(erlang_b(a, n)); });
  m.def("erlang_c", [](double a, int n) { return unwrap(erlang_c(a, n)); });
  m.def("erlang_c_metrics", [](double calls, std::int64_t interval_s, std::int64_t aht_ms, int agents,
                               std::int64_t answer_ms) {
    auto r = unwrap(erlang_c_metrics(load_of(calls, interval_s, aht_ms), agents, Milliseconds(answer_ms)));
    py::dict d;
    d["offered_erlangs"] = r.offered_erlangs;
    d["agents"] = r.agents;
    d["probability_wait"] = r.probability_wait;
    d["service_level"] = r.service_level;
    d["asa_s"] = r.asa_s;
    d["occupancy"] = r.occupancy;
    return d;
  });
  m.def("erlang_a_metrics", [](double calls, std::int64_t interval_s, std::int64_t aht_ms, int agents,
                               std::int64_t answer_ms, std::int64_t patience_ms) {
    auto r = unwrap(erlang_a_metrics(load_of(calls, interval_s, aht_ms), agents, Milliseconds(answer_ms),
                                     Milliseconds(patience_ms)));
    py::dict d;
    d["offered_erlangs"] = r.offered_erlangs;
    d["agents"] = r.agents;
    d["probability_wait"] = r.probability_wait;
    d["probability_abandon"] = r.probability_abandon;
    d["service_level"] = r.service_level;
    d["asa_s"] = r.asa_s;
    d["occupancy"] = r.occupancy;
    return d;
  });
  m.def("required_agents",
        [](double calls, std::int64_t interval_s, std::int64_t aht_ms, int objective, int model,
           double service_level, std::int64_t answer_ms, std::int64_t max_asa_ms, double max_abandon_rate,
           double max_occupancy, std::int64_t mean_patience_ms, double shrinkage) {
          auto t = target_of(objective, model, service_level, answer_ms, max_asa_ms, max_abandon_rate,
                             max_occupancy, mean_patience_ms);
          auto r = unwrap(required_agents(load_of(calls, interval_s, aht_ms), t, shrinkage));
          py::dict d;
          d["required_agents"] = r.required_agents;
          d["scheduled_agents"] = r.scheduled_agents;
          d["offered_erlangs"] = r.offered_erlangs;
          d["service_level"] = r.service_level;
          d["asa_s"] = r.asa_s;
          d["probability_abandon"] = r.probability_abandon;
          d["occupancy"] = r.occupancy;
          return d;
        });
  m.def("staffing_curve",
        [](const py::handle& calls_in, const py::handle& aht_s_in, std::int64_t interval_s, int objective,
           int model, double service_level, std::int64_t answer_ms, std::int64_t max_asa_ms,
           double max_abandon_rate, double max_occupancy, std::int64_t mean_patience_ms, double shrinkage) {
          auto calls = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(calls_in);
          auto aht = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(aht_s_in);
          if (!calls || !aht) throw py::error_already_set();
          if (calls.size() != aht.size()) {
            raise(invalid_argument("aht_s", std::to_string(aht.size()) + " values",
                                   "must have as many values as calls_per_interval"));
          }
          auto t = target_of(objective, model, service_level, answer_ms, max_asa_ms, max_abandon_rate,
                             max_occupancy, mean_patience_ms);
          auto n = static_cast<std::size_t>(calls.size());
          py::array_t<std::int32_t> required(calls.size());
          py::array_t<std::int32_t> scheduled(calls.size());
          std::span<const double> c(calls.data(), n);
          std::span<const double> a(aht.data(), n);
          std::span<std::int32_t> req(required.mutable_data(), n);
          std::span<std::int32_t> sch(scheduled.mutable_data(), n);
          Status st;
          {
            py::gil_scoped_release release;
            st = staffing_curve_into(c, a, Seconds(interval_s), t, shrinkage, req, sch);
          }
          check(st);
          return py::make_tuple(required, scheduled);
        });
}

}  // namespace backoffice::python
