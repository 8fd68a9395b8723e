// Forecasting, backtesting, simulation and shift planning at the C boundary.

#include "boundary.hpp"
#include "handles.hpp"
#include "wfm_tables.hpp"

#include <backoffice/domain/interaction_columns.hpp>
#include <backoffice/wfm/backtest.hpp>
#include <backoffice/wfm/forecast.hpp>
#include <backoffice/wfm/shift_plan.hpp>
#include <backoffice/wfm/simulate.hpp>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <vector>

using backoffice::Result;
using backoffice::capi::fail;
using backoffice::capi::guarded;
using backoffice::capi::versioned_options;

namespace {

// ---- forecasting ------------------------------------------------------------

constexpr std::size_t kForecastOptionsV1Size = sizeof(bo_forecast_options_t);

bo_forecast_options_t default_forecast_options() {
  bo_forecast_options_t o;
  std::memset(&o, 0, sizeof o);
  o.struct_size = sizeof o;
  o.interval_s = 900;
  o.intervals_per_day = 96;
  o.days_per_week = 7;
  o.model = BO_FORECAST_FOURIER_REGRESSION;
  o.special_day_multiplier = 0.0;
  o.intraday_harmonics = 10;
  o.weekly_harmonics = -1;
  o.trend = 1;
  return o;
}

struct ForecastSetup {
  backoffice::SeriesLayout layout;
  backoffice::ForecastOptions options;
};

Result<ForecastSetup> forecast_setup(const bo_forecast_options_t* given, std::string_view name) {
  using backoffice::invalid_argument;
  BO_ASSIGN_OR_RETURN(auto o, versioned_options(given, default_forecast_options(), kForecastOptionsV1Size, name));
  const std::string prefix(name);
  if (o.interval_s <= 0 || o.interval_s % 60 != 0 || o.interval_s > 86400) {
    return invalid_argument(prefix + ".interval_s", std::to_string(o.interval_s),
                            "must be a whole number of minutes, 60..86400");
  }
  if (o.model < BO_FORECAST_SEASONAL_NAIVE_WEEK || o.model > BO_FORECAST_FOURIER_REGRESSION) {
    return invalid_argument(prefix + ".model", std::to_string(o.model), "expected a BO_FORECAST_* value");
  }
  if (o.special_day_count > 0 && o.special_days == nullptr) {
    return invalid_argument(prefix + ".special_days", "NULL", "special_day_count > 0 needs the array");
  }
  ForecastSetup s;
  s.layout.interval = std::chrono::minutes(o.interval_s / 60);
  s.layout.intervals_per_day = o.intervals_per_day;
  s.layout.days_per_week = o.days_per_week;
  s.options.model = static_cast<backoffice::ForecastModel>(o.model);
  s.options.special_days.assign(o.special_days, o.special_days + o.special_day_count);
  s.options.special_day_multiplier = o.special_day_multiplier;
  s.options.intraday_harmonics = o.intraday_harmonics;
  s.options.weekly_harmonics = o.weekly_harmonics;
  s.options.trend = o.trend != 0;
  return s;
}

bo_status copy_forecast(double* out, std::size_t capacity, const std::vector<double>& values) {
  if (capacity < values.size()) {
    return fail(backoffice::invalid_argument("out_capacity", std::to_string(capacity),
                                             "the forecast has " + std::to_string(values.size()) + " values"));
  }
  std::copy(values.begin(), values.end(), out);
  return BO_OK;
}

// ---- simulation -------------------------------------------------------------

constexpr std::size_t kSimulationOptionsV1Size = sizeof(bo_simulation_options_t);

bo_simulation_options_t default_simulation_options() {
  bo_simulation_options_t o;
  std::memset(&o, 0, sizeof o);
  o.struct_size = sizeof o;
  o.interval_s = 900;
  o.aht_ms = 180000;
  o.handle_time = BO_HANDLE_TIME_EXPONENTIAL;
  o.handle_time_cv = 1.0;
  o.patience = BO_PATIENCE_NONE;
  o.mean_patience_ms = 0;
  o.answer_time_ms = 20000;
  o.seed = 1;
  o.start_unix_ms = 0;
  o.queue_id = 1;
  return o;
}

// ---- shift planning ----------------------------------------------------------

constexpr std::size_t kShiftPlanOptionsV1Size = sizeof(bo_shift_plan_options_t);

bo_shift_plan_options_t default_shift_plan_options() {
  bo_shift_plan_options_t o;
  std::memset(&o, 0, sizeof o);
  o.struct_size = sizeof o;
  o.interval_s = 900;
  o.cyclic = 1;
  o.time_limit_s = 0;
  o.under_staffing_cost_hours = 0.0;
  return o;
}

Result<std::vector<backoffice::ShiftType>> shift_types_of(const bo_shift_type_t* types, std::size_t count) {
  std::vector<backoffice::ShiftType> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const auto& t = types[i];
    const std::string field = "shift_types[" + std::to_string(i) + "]";
    if (t.start_count > 0 && t.start_intervals == nullptr) {
      return backoffice::invalid_argument(field + ".start_intervals", "NULL", "start_count > 0 needs the array");
    }
    backoffice::ShiftType s;
    s.name = t.name == nullptr ? "" : t.name;
    s.start_intervals.assign(t.start_intervals, t.start_intervals + t.start_count);
    s.length_intervals = t.length_intervals;
    s.break_intervals = t.break_intervals;
    s.break_earliest = t.break_earliest;
    s.break_latest = t.break_latest;
    s.paid_break = t.paid_break != 0;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

extern "C" {

bo_status bo_forecast_options_init(bo_forecast_options_t* options) {
  return guarded([&] {
    BO_REQUIRE(options);
    *options = default_forecast_options();
    return BO_OK;
  });
}

bo_status bo_forecast(double* out, size_t out_capacity, const double* history, size_t history_len,
                      int32_t horizon_days, const bo_forecast_options_t* options) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(history);
    auto setup = forecast_setup(options, "options");
    if (!setup) return fail(setup.error());
    auto r = backoffice::forecast(std::span<const double>(history, history_len), setup->layout, horizon_days,
                                  setup->options);
    if (!r) return fail(r.error());
    return copy_forecast(out, out_capacity, r->values);
  });
}

bo_status bo_forecast_aht(double* out, size_t out_capacity, const double* aht, const double* volume,
                          size_t history_len, int32_t horizon_days, const bo_forecast_options_t* options) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(aht);
    BO_REQUIRE(volume);
    auto setup = forecast_setup(options, "options");
    if (!setup) return fail(setup.error());
    auto r = backoffice::forecast_aht(std::span<const double>(aht, history_len),
                                      std::span<const double>(volume, history_len), setup->layout, horizon_days,
                                      setup->options);
    if (!r) return fail(r.error());
    return copy_forecast(out, out_capacity, r->values);
  });
}

bo_status bo_backtest(bo_table_t** out, const double* history, size_t history_len,
                      const bo_forecast_options_t* const* models, size_t model_count, int32_t first_origin_day,
                      int32_t origin_step_days, int32_t horizon_days) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(history);
    BO_REQUIRE(models);
    if (model_count == 0) return fail(backoffice::invalid_argument("models", "0", "at least one model"));
    std::vector<backoffice::ForecastOptions> opts;
    backoffice::SeriesLayout layout;
    for (std::size_t i = 0; i < model_count; ++i) {
      const std::string name = "models[" + std::to_string(i) + "]";
      if (models[i] == nullptr) return backoffice::capi::null_argument(name.c_str());
      auto setup = forecast_setup(models[i], name);
      if (!setup) return fail(setup.error());
      if (i == 0) {
        layout = setup->layout;
      } else if (!(setup->layout == layout)) {
        return fail(backoffice::invalid_argument(name, "layout", "every model must have the layout of models[0]"));
      }
      opts.push_back(std::move(setup->options));
    }
    backoffice::BacktestOptions b;
    b.first_origin_day = first_origin_day;
    b.origin_step_days = origin_step_days;
    b.horizon_days = horizon_days;
    auto scores = backoffice::backtest(std::span<const double>(history, history_len), layout, opts, b);
    if (!scores) return fail(scores.error());
    *out = new bo_table{backoffice::capi::backtest_table(*scores)};
    return BO_OK;
  });
}

bo_status bo_simulation_options_init(bo_simulation_options_t* options) {
  return guarded([&] {
    BO_REQUIRE(options);
    *options = default_simulation_options();
    return BO_OK;
  });
}

bo_status bo_simulate_queue(bo_table_t** out_intervals, bo_table_t** out_interactions,
                            const double* calls_per_interval, const int32_t* agents, size_t intervals,
                            const bo_simulation_options_t* options) {
  return guarded([&] {
    BO_REQUIRE(out_intervals);
    BO_REQUIRE(calls_per_interval);
    BO_REQUIRE(agents);
    auto o = versioned_options(options, default_simulation_options(), kSimulationOptionsV1Size, "options");
    if (!o) return fail(o.error());
    backoffice::SimulationOptions s;
    s.interval = backoffice::Seconds(o->interval_s);
    s.aht = backoffice::Milliseconds(o->aht_ms);
    if (o->handle_time != BO_HANDLE_TIME_EXPONENTIAL && o->handle_time != BO_HANDLE_TIME_LOGNORMAL) {
      return fail(backoffice::invalid_argument("options.handle_time", std::to_string(o->handle_time),
                                               "expected a BO_HANDLE_TIME_* value"));
    }
    if (o->patience != BO_PATIENCE_NONE && o->patience != BO_PATIENCE_EXPONENTIAL) {
      return fail(backoffice::invalid_argument("options.patience", std::to_string(o->patience),
                                               "expected a BO_PATIENCE_* value"));
    }
    s.handle_time = static_cast<backoffice::HandleTimeDistribution>(o->handle_time);
    s.handle_time_cv = o->handle_time_cv;
    s.patience = static_cast<backoffice::PatienceDistribution>(o->patience);
    s.mean_patience = backoffice::Milliseconds(o->mean_patience_ms);
    s.answer_time = backoffice::Milliseconds(o->answer_time_ms);
    s.seed = o->seed;
    s.record_contacts = out_interactions != nullptr;
    auto r = backoffice::simulate_queue(std::span<const double>(calls_per_interval, intervals),
                                        std::span<const std::int32_t>(agents, intervals), s);
    if (!r) return fail(r.error());
    backoffice::capi::Table contacts;
    if (out_interactions != nullptr) {
      auto table = backoffice::capi::simulated_interactions_table(r->contacts, o->start_unix_ms, o->queue_id);
      if (!table) return fail(table.error());
      contacts = std::move(table).value();
    }
    auto interval_handle = std::make_unique<bo_table>(
        bo_table{backoffice::capi::simulation_intervals_table(*r, o->start_unix_ms, s.interval)});
    auto contact_handle = std::make_unique<bo_table>(bo_table{std::move(contacts)});
    *out_intervals = interval_handle.release();
    if (out_interactions != nullptr) *out_interactions = contact_handle.release();
    return BO_OK;
  });
}

bo_status bo_shift_plan_options_init(bo_shift_plan_options_t* options) {
  return guarded([&] {
    BO_REQUIRE(options);
    *options = default_shift_plan_options();
    return BO_OK;
  });
}

bo_status bo_plan_shifts(bo_table_t** out_assignments, bo_table_t** out_coverage, double* out_paid_hours,
                         int32_t* out_optimal, const int32_t* required, size_t intervals,
                         const bo_shift_type_t* shift_types, size_t shift_type_count,
                         const bo_shift_plan_options_t* options) {
  return guarded([&] {
    BO_REQUIRE(required);
    BO_REQUIRE(shift_types);
    auto o = versioned_options(options, default_shift_plan_options(), kShiftPlanOptionsV1Size, "options");
    if (!o) return fail(o.error());
    auto types = shift_types_of(shift_types, shift_type_count);
    if (!types) return fail(types.error());
    backoffice::ShiftPlanOptions p;
    p.interval = backoffice::Seconds(o->interval_s);
    p.cyclic = o->cyclic != 0;
    p.time_limit = backoffice::Seconds(o->time_limit_s);
    p.under_staffing_cost_hours = o->under_staffing_cost_hours;
    auto plan = backoffice::plan_shifts(std::span<const std::int32_t>(required, intervals), *types, p);
    if (!plan) return fail(plan.error());
    // Both tables are built before either is handed out, so a failure
    // leaves every output untouched.
    auto assignments = std::make_unique<bo_table>(bo_table{backoffice::capi::shift_assignments_table(*plan, *types)});
    auto coverage = std::make_unique<bo_table>(bo_table{backoffice::capi::shift_coverage_table(*plan)});
    if (out_assignments != nullptr) *out_assignments = assignments.release();
    if (out_coverage != nullptr) *out_coverage = coverage.release();
    if (out_paid_hours != nullptr) *out_paid_hours = plan->paid_hours;
    if (out_optimal != nullptr) *out_optimal = plan->status == backoffice::ShiftPlanStatus::kOptimal ? 1 : 0;
    return BO_OK;
  });
}

}  // extern "C"
