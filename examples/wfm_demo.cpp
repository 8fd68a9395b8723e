#include "wfm_demo.hpp"

#include <backoffice/wfm/backtest.hpp>
#include <backoffice/wfm/forecast.hpp>
#include <backoffice/wfm/shift_plan.hpp>
#include <backoffice/wfm/simulate.hpp>
#include <backoffice/wfm/staffing.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <vector>

namespace backoffice::examples {
namespace {

using namespace std::chrono_literals;

constexpr int kPerDay = 48;  // 30-minute intervals
constexpr int kHistoryDays = 8 * 7;
constexpr std::array<const char*, 7> kDays{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

// Calls per 30 minutes: open 07:00-21:00, peaks mid-morning and early
// afternoon, busier early in the week, growing 1% a week.
bool closed(int slot) { return slot < 14 || slot >= 42; }

double expected_calls(int day, int slot) {
  if (closed(slot)) return 0.0;
  const double hour = slot / 2.0;
  const double shape = 0.35 + std::exp(-std::pow((hour - 10.5) / 1.8, 2)) +
                       0.8 * std::exp(-std::pow((hour - 14.5) / 2.2, 2));
  constexpr std::array<double, 7> weekday{1.2, 1.1, 1.0, 1.0, 0.9, 0.5, 0.3};
  return 70.0 * shape * weekday[static_cast<std::size_t>(day % 7)] * (1.0 + 0.01 * (day / 7));
}

template <typename T>
Result<T> checked(Result<T> r, const char* step) {
  if (!r) fmt::print(stderr, "{}: {}\n", step, r.error());
  return r;
}

}  // namespace

int run_wfm_demo() {
  fmt::print("\nWorkforce management: forecast, staffing and shifts (30-minute intervals)\n");
  // 1. History: eight weeks of a simulated queue (Poisson arrivals, 300 s
  //    exponential handle times, callers who abandon after 90 s on average).
  std::vector<double> rate(kHistoryDays * kPerDay);
  std::vector<std::int32_t> agents(rate.size());
  for (int d = 0; d < kHistoryDays; ++d) {
    for (int s = 0; s < kPerDay; ++s) {
      rate[static_cast<std::size_t>(d * kPerDay + s)] = expected_calls(d, s);
      agents[static_cast<std::size_t>(d * kPerDay + s)] = expected_calls(d, s) > 0 ? 22 : 0;
    }
  }
  SimulationOptions sim;
  sim.interval = 1800s;
  sim.aht = 300'000ms;
  sim.patience = PatienceDistribution::kExponential;
  sim.mean_patience = 90'000ms;
  sim.seed = 20261125;
  auto history_run = checked(simulate_queue(rate, agents, sim), "simulate");
  if (!history_run) return 1;
  std::vector<double> history;
  std::int64_t offered = 0, abandoned = 0;
  for (std::size_t k = 0; k < history_run->intervals.size(); ++k) {
    const auto& i = history_run->intervals[k];
    // Closed hours are missing values, not zero demand: the models then learn
    // the open hours only (and the forecast is zero while closed).
    history.push_back(closed(static_cast<int>(k % kPerDay)) ? std::nan("") : static_cast<double>(i.offered));
    offered += i.offered;
    abandoned += i.abandoned;
  }
  fmt::print("  history: {} simulated calls over {} days, {:.1f}% abandoned\n", offered,
             kHistoryDays, 100.0 * static_cast<double>(abandoned) / static_cast<double>(offered));

  // 2. Does the model beat the seasonal-naive baseline on this history?
  const SeriesLayout layout{.interval = 30min, .intervals_per_day = kPerDay, .days_per_week = 7};
  std::array<ForecastOptions, 2> models{};
  models[0].model = ForecastModel::kSeasonalNaiveWeek;
  auto scores = checked(backtest(history, layout, models,
                                 BacktestOptions{.first_origin_day = 28, .origin_step_days = 7, .horizon_days = 7}),
                        "backtest");
  if (!scores) return 1;
  for (const auto& s : *scores) {
    fmt::print("  backtest {:<22} MASE {:.3f}  sMAPE {:.1f}%\n", to_string(s.model), s.mase, s.smape);
  }

  // 3. Forecast next week, then staff it: 80% within 20 s (Erlang C), 30% shrinkage.
  auto next_week = checked(forecast(history, layout, 7, ForecastOptions{}), "forecast");
  if (!next_week) return 1;
  for (std::size_t k = 0; k < next_week->values.size(); ++k) {
    if (closed(static_cast<int>(k % kPerDay))) next_week->values[k] = 0.0;
  }
  const std::vector<double> aht_s(next_week->values.size(), 300.0);
  auto staffing = checked(staffing_curve(next_week->values, aht_s, 1800s, StaffingTarget{}, 0.30), "staffing");
  if (!staffing) return 1;
  fmt::print("  {:<4} {:>10} {:>14} {:>15}\n", "day", "forecast", "peak required", "peak scheduled");
  for (int d = 0; d < 7; ++d) {
    const auto first = static_cast<std::size_t>(d * kPerDay), last = first + kPerDay;
    const double calls = std::accumulate(next_week->values.begin() + static_cast<std::ptrdiff_t>(first),
                                         next_week->values.begin() + static_cast<std::ptrdiff_t>(last), 0.0);
    const auto peak = [&](const std::vector<std::int32_t>& v) {
      return *std::max_element(v.begin() + static_cast<std::ptrdiff_t>(first), v.begin() + static_cast<std::ptrdiff_t>(last));
    };
    fmt::print("  {:<4} {:>10.0f} {:>14} {:>15}\n", kDays[static_cast<std::size_t>(d)], calls,
               peak(staffing->required), peak(staffing->scheduled));
  }

  // 4. Shifts: full days of 8.5 h with a 30-minute unpaid break in the
  //    middle, starting 06:00-13:00, and 4-hour part-time shifts 07:00-17:00.
  std::vector<ShiftType> shifts(2);
  shifts[0] = ShiftType{.name = "full day", .start_intervals = {}, .length_intervals = 17, .break_intervals = 1,
                        .break_earliest = 7, .break_latest = 10, .paid_break = false};
  shifts[1] = ShiftType{.name = "part time", .start_intervals = {}, .length_intervals = 8, .break_intervals = 0,
                        .break_earliest = 0, .break_latest = 0, .paid_break = false};
  for (int d = 0; d < 7; ++d) {
    for (int s = 12; s <= 26; ++s) shifts[0].start_intervals.push_back(d * kPerDay + s);
    for (int s = 14; s <= 34; ++s) shifts[1].start_intervals.push_back(d * kPerDay + s);
  }
  ShiftPlanOptions plan_options;
  plan_options.interval = 1800s;
  plan_options.time_limit = 60s;
  auto plan = checked(plan_shifts(staffing->scheduled, shifts, plan_options), "shift plan");
  if (!plan) return 1;
  std::array<std::int32_t, 2> people{};
  for (const auto& a : plan->assignments) people[static_cast<std::size_t>(a.shift_type)] += a.agents;
  const auto sum = [](const std::vector<std::int32_t>& v) { return std::accumulate(v.begin(), v.end(), 0); };
  fmt::print("  shift plan ({}): {} full-day and {} part-time shifts, {:.1f} paid hours; "
             "agent-intervals short {}, over {}\n",
             plan->status == ShiftPlanStatus::kOptimal ? "optimal, CBC" : "time limit, CBC", people[0], people[1],
             plan->paid_hours, sum(plan->under), sum(plan->over));
  return 0;
}

}  // namespace backoffice::examples
