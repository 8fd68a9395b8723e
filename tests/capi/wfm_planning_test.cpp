// Forecasting, backtesting, simulation and shift planning through the C
// header only, on cases whose answers are known exactly.

#include <backoffice/backoffice.h>

#include <gtest/gtest.h>

#include "table_access.hpp"

#include <cmath>
#include <vector>

namespace {

using namespace capi_test;

// One value per day, weeks of seven days.
bo_forecast_options_t daily(bo_forecast_model model) {
  bo_forecast_options_t o;
  EXPECT_EQ(bo_forecast_options_init(&o), BO_OK);
  o.interval_s = 86400;
  o.intervals_per_day = 1;
  o.days_per_week = 7;
  o.model = model;
  return o;
}

// Four identical weeks 10, 20, ..., 70.
std::vector<double> weekly_history(int weeks) {
  std::vector<double> h;
  for (int w = 0; w < weeks; ++w) {
    for (int d = 0; d < 7; ++d) h.push_back(10.0 * (d + 1));
  }
  return h;
}

}  // namespace

TEST(CForecast, InitSetsTheDocumentedDefaults) {
  bo_forecast_options_t o;
  ASSERT_EQ(bo_forecast_options_init(&o), BO_OK);
  EXPECT_EQ(o.struct_size, sizeof o);
  EXPECT_EQ(o.interval_s, 900);
  EXPECT_EQ(o.intervals_per_day, 96);
  EXPECT_EQ(o.days_per_week, 7);
  EXPECT_EQ(o.model, BO_FORECAST_FOURIER_REGRESSION);
  EXPECT_EQ(o.trend, 1);
  EXPECT_EQ(bo_forecast_options_init(nullptr), BO_NULL_ARGUMENT);
}

TEST(CForecast, SeasonalNaiveRepeatsTheLastWeek) {
  auto h = weekly_history(1);
  h[3] = 99.0;  // last week's Thursday is what next Thursday gets
  auto o = daily(BO_FORECAST_SEASONAL_NAIVE_WEEK);
  std::vector<double> out(14, -1.0);
  ASSERT_EQ(bo_forecast(out.data(), out.size(), h.data(), h.size(), 14, &o), BO_OK) << last_error();
  for (int i = 0; i < 14; ++i) EXPECT_DOUBLE_EQ(out[i], h[i % 7]) << i;
}

TEST(CForecast, FourierRegressionRecoversAPureWeeklyPattern) {
  // With a full set of weekly harmonics (one per weekday) and no trend, the
  // log-linear fit is exact on a pattern that repeats, so the forecast is
  // the pattern (smearing factor 1).
  auto h = weekly_history(4);
  auto o = daily(BO_FORECAST_FOURIER_REGRESSION);
  o.trend = 0;
  o.intraday_harmonics = 0;
  std::vector<double> out(7);
  ASSERT_EQ(bo_forecast(out.data(), out.size(), h.data(), h.size(), 7, &o), BO_OK) << last_error();
  for (int d = 0; d < 7; ++d) EXPECT_NEAR(out[d], 10.0 * (d + 1), 1e-9) << d;
}

TEST(CForecast, ErrorsNameTheField) {
  auto h = weekly_history(1);
  auto o = daily(BO_FORECAST_SEASONAL_NAIVE_WEEK);
  std::vector<double> out(6);  // a week of daily values needs 7
  EXPECT_EQ(bo_forecast(out.data(), out.size(), h.data(), h.size(), 7, &o), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "out_capacity");
  o.interval_s = 90;  // not whole minutes
  std::vector<double> big(7);
  EXPECT_EQ(bo_forecast(big.data(), big.size(), h.data(), h.size(), 1, &o), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "options.interval_s");
  o = daily(BO_FORECAST_HOLT_WINTERS);  // needs two weeks
  EXPECT_EQ(bo_forecast(big.data(), big.size(), h.data(), h.size(), 1, &o), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "history.size");
  bo_forecast_options_t old = daily(BO_FORECAST_SEASONAL_NAIVE_WEEK);
  old.struct_size = 4;  // never initialised
  EXPECT_EQ(bo_forecast(big.data(), big.size(), h.data(), h.size(), 1, &old), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "options.struct_size");
}

TEST(CBacktest, TheWeeklyNaiveIsPerfectOnAWeeklyPattern) {
  auto h = weekly_history(5);
  auto week = daily(BO_FORECAST_SEASONAL_NAIVE_WEEK);
  auto day = daily(BO_FORECAST_SEASONAL_NAIVE_DAY);
  const bo_forecast_options_t* models[2] = {&week, &day};
  TableHandle out;
  ASSERT_EQ(bo_backtest(&out.t, h.data(), h.size(), models, 2, 14, 7, 7), BO_OK) << last_error();
  ASSERT_EQ(rows(out.t), 2u);
  EXPECT_EQ(text(out.t, "model", 0), "seasonal_naive_week");
  // Origins at day 14, 21, 28 (28 + 7 = 35 days): 3 origins x 7 points.
  EXPECT_EQ(integer(out.t, "origins", 0), 3);
  EXPECT_EQ(integer(out.t, "points", 0), 21);
  EXPECT_DOUBLE_EQ(real(out.t, "mae", 0), 0.0);
  // The daily naive repeats the origin's last day (a Sunday, 70) over the
  // whole horizon: errors 60, 50, ..., 0, MAE = 210 / 7 = 30.
  EXPECT_NEAR(real(out.t, "mae", 1), 30.0, 1e-12);
  auto other = daily(BO_FORECAST_SEASONAL_NAIVE_DAY);
  other.days_per_week = 5;
  const bo_forecast_options_t* mixed[2] = {&week, &other};
  bo_table_t* none = nullptr;
  EXPECT_EQ(bo_backtest(&none, h.data(), h.size(), mixed, 2, 14, 7, 7), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "models[1]");
  EXPECT_EQ(none, nullptr);
}

TEST(CSimulation, IsDeterministicAndItsInteractionsFeedTheKpiReport) {
  bo_simulation_options_t o;
  ASSERT_EQ(bo_simulation_options_init(&o), BO_OK);
  o.start_unix_ms = 1714986000000;  // 2024-05-06T09:00:00Z
  o.seed = 42;
  const double calls[4] = {40, 60, 60, 40};
  const int32_t agents[4] = {8, 12, 12, 8};
  TableHandle a, b, contacts, report;
  ASSERT_EQ(bo_simulate_queue(&a.t, &contacts.t, calls, agents, 4, &o), BO_OK) << last_error();
  ASSERT_EQ(bo_simulate_queue(&b.t, nullptr, calls, agents, 4, &o), BO_OK);
  ASSERT_EQ(rows(a.t), 4u);
  int64_t offered = 0, answered = 0;
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(integer(a.t, "offered", i), integer(b.t, "offered", i)) << i;
    EXPECT_EQ(integer(a.t, "answered_within", i), integer(b.t, "answered_within", i)) << i;
    EXPECT_EQ(integer(a.t, "interval_start", i), o.start_unix_ms + static_cast<int64_t>(i) * 900000);
    offered += integer(a.t, "offered", i);
    answered += integer(a.t, "answered", i);
  }
  EXPECT_GT(offered, 100);
  EXPECT_EQ(rows(contacts.t), static_cast<size_t>(offered));
  // The simulated contacts are interactions: the KPI engine counts them
  // exactly as the simulator did.
  ASSERT_EQ(bo_contact_report(&report.t, contacts.t, nullptr, nullptr, nullptr, nullptr), BO_OK) << last_error();
  EXPECT_EQ(integer(report.t, "offered"), offered);
  EXPECT_EQ(integer(report.t, "answered"), answered);

  const int32_t negative[1] = {-1};
  bo_table_t* none = nullptr;
  EXPECT_EQ(bo_simulate_queue(&none, nullptr, calls, negative, 1, &o), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "agents[0]");
  EXPECT_EQ(none, nullptr);
}

TEST(CShiftPlan, FindsTheHandSolvedOptimum) {
  // Requirement 1, 2, 2, 1 over four 15-minute intervals; two-interval
  // shifts may start at 0, 1 or 2 (not cyclic). Six agent-intervals are
  // needed and a shift covers two, so three shifts are a lower bound; one
  // each at 0, 1, 2 covers 1, 2, 2, 1 exactly: 3 x 30 min = 1.5 paid hours.
  const int32_t required[4] = {1, 2, 2, 1};
  const int32_t starts[3] = {0, 1, 2};
  bo_shift_type_t type = {"short", starts, 3, 2, 0, 0, 0, 0};
  bo_shift_plan_options_t o;
  ASSERT_EQ(bo_shift_plan_options_init(&o), BO_OK);
  o.cyclic = 0;
  TableHandle assignments, coverage;
  double paid = 0;
  int32_t optimal = 0;
  ASSERT_EQ(bo_plan_shifts(&assignments.t, &coverage.t, &paid, &optimal, required, 4, &type, 1, &o), BO_OK)
      << last_error();
  EXPECT_EQ(optimal, 1);
  EXPECT_NEAR(paid, 1.5, 1e-9);
  ASSERT_EQ(rows(assignments.t), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(text(assignments.t, "shift", i), "short");
    EXPECT_EQ(integer(assignments.t, "start", i), static_cast<int64_t>(i));
    EXPECT_EQ(integer(assignments.t, "agents", i), 1);
    EXPECT_TRUE(is_null(assignments.t, "break_offset", i));
  }
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(integer(coverage.t, "scheduled", i), required[i]) << i;
    EXPECT_EQ(integer(coverage.t, "under", i), 0) << i;
  }
  bo_shift_type_t broken = type;
  broken.length_intervals = 0;
  bo_table_t* none = nullptr;
  EXPECT_EQ(bo_plan_shifts(&none, nullptr, nullptr, nullptr, required, 4, &broken, 1, &o), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "shift_types[0].length_intervals");
  EXPECT_EQ(none, nullptr);
}
