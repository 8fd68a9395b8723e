// Staffing speed: the library against the textbook Erlang C that spreadsheets
// implement (POWER(A,k)/FACT(k) summed afresh for every candidate N, here in
// long double so that it does not overflow at these loads). Both solve the
// same problems; each library benchmark also times the baseline on its own
// data and reports speedup_vs_naive (baseline time / library time).

#include <backoffice/wfm/staffing.hpp>

#include <benchmark/benchmark.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>
#include <vector>

using namespace backoffice;
using namespace std::chrono_literals;

namespace {

// Service level within T by the textbook formula; NaN once a power or
// factorial overflows long double (A^N beyond ~1e4932).
long double naive_service_level(long double a, int n, long double aht_s, long double t_s) {
  long double below = 0.0L;
  for (int k = 0; k < n; ++k) below += std::pow(a, k) / std::tgamma(static_cast<long double>(k + 1));
  const long double top = std::pow(a, n) / std::tgamma(static_cast<long double>(n + 1)) *
                          (n / (n - a));
  const long double pw = top / (below + top);
  return 1.0L - pw * std::exp(-(n - a) * t_s / aht_s);
}

// Scans N = floor(A) + 1, ... as a spreadsheet column would; -1 on overflow.
int naive_required_agents(double a, double aht_s, double t_s, double sl_target) {
  if (a == 0.0) return 0;
  for (int n = static_cast<int>(std::floor(a)) + 1;; ++n) {
    const long double sl = naive_service_level(a, n, aht_s, t_s);
    if (!std::isfinite(static_cast<double>(sl))) return -1;
    if (sl >= sl_target) return n;
  }
}

StaffingTarget eighty_twenty() {
  StaffingTarget t;
  t.objective = StaffingObjective::kServiceLevel;
  t.service_level = 0.80;
  t.answer_time = 20s;
  return t;
}

// A year of 15-minute intervals for a mid-sized centre open around the
// clock: morning and afternoon peaks (~2,000 calls/h at the top), an evening
// shoulder, quieter weekends, a seasonal swing and multiplicative noise;
// AHT drifts through the day. Deterministic from the seed.
struct Forecast {
  std::vector<double> calls;
  std::vector<double> aht_s;
};

Forecast make_year(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::lognormal_distribution<double> noise(0.0, 0.08);
  std::normal_distribution<double> aht_noise(0.0, 8.0);
  Forecast f;
  f.calls.reserve(35'040);
  f.aht_s.reserve(35'040);
  auto bump = [](double h, double centre, double width) {
    return std::exp(-0.5 * (h - centre) * (h - centre) / (width * width));
  };
  for (int day = 0; day < 365; ++day) {
    const int weekday = day % 7;
    const double week = weekday == 5 ? 0.6 : weekday == 6 ? 0.45 : 1.0;
    const double season = 1.0 + 0.15 * std::sin(2.0 * std::numbers::pi * day / 365.0);
    for (int slot = 0; slot < 96; ++slot) {
      const double h = slot / 4.0 + 0.125;
      const double shape = 0.03 + bump(h, 10.5, 1.8) + 0.85 * bump(h, 14.5, 2.2) +
                           0.3 * bump(h, 19.0, 1.5);
      f.calls.push_back(500.0 * shape * week * season * noise(rng));
      f.aht_s.push_back(290.0 + 25.0 * std::sin(2.0 * std::numbers::pi * h / 24.0) +
                        aht_noise(rng));
    }
  }
  return f;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

constexpr double kCallsPerHour = 10'000.0;
constexpr double kAhtS = 300.0;

void BM_Wfm_RequiredAgents(benchmark::State& state) {
  const QueueLoad load{kCallsPerHour, 3600s, 300s};
  const StaffingTarget target = eighty_twenty();
  int answer = 0;
  const auto start = std::chrono::steady_clock::now();
  for (auto _ : state) {
    auto r = required_agents(load, target, 0.3);
    benchmark::DoNotOptimize(r);
    answer = r->required_agents;
  }
  const double per_call = seconds_since(start) / static_cast<double>(state.iterations());
  const double a = kCallsPerHour * kAhtS / 3600.0;
  const auto naive_start = std::chrono::steady_clock::now();
  const int naive = naive_required_agents(a, kAhtS, 20.0, 0.80);
  const double naive_s = seconds_since(naive_start);
  if (naive != answer) state.SkipWithError("library and naive baseline disagree");
  state.counters["required_agents"] = answer;
  state.counters["speedup_vs_naive"] = naive_s / per_call;
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Wfm_RequiredAgents);

void BM_Wfm_RequiredAgents_NaiveBaseline(benchmark::State& state) {
  const double a = kCallsPerHour * kAhtS / 3600.0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(naive_required_agents(a, kAhtS, 20.0, 0.80));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Wfm_RequiredAgents_NaiveBaseline)->Unit(benchmark::kMillisecond);

// Erlang A has no textbook closed form to race against; timed for reference
// (mean patience 180 s, 80/20, same load).
void BM_Wfm_RequiredAgentsErlangA(benchmark::State& state) {
  const QueueLoad load{kCallsPerHour, 3600s, 300s};
  StaffingTarget target = eighty_twenty();
  target.model = QueueModel::kErlangA;
  target.mean_patience = 180s;
  for (auto _ : state) {
    auto r = required_agents(load, target, 0.3);
    benchmark::DoNotOptimize(r);
    state.counters["required_agents"] = r->required_agents;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Wfm_RequiredAgentsErlangA)->Unit(benchmark::kMicrosecond);

void BM_Wfm_StaffingYear(benchmark::State& state) {
  const Forecast year = make_year(20261125);
  const StaffingTarget target = eighty_twenty();
  std::vector<std::int32_t> required(year.calls.size()), scheduled(year.calls.size());
  const auto start = std::chrono::steady_clock::now();
  for (auto _ : state) {
    Status s = staffing_curve_into(year.calls, year.aht_s, 900s, target, 0.3, required,
                                   scheduled);
    if (!s.ok()) state.SkipWithError(s.error().to_string().c_str());
    benchmark::DoNotOptimize(required.data());
  }
  const double per_year = seconds_since(start) / static_cast<double>(state.iterations());
  // Baseline on the same year, once; it must agree interval by interval.
  const auto naive_start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < year.calls.size(); ++i) {
    const double a = year.calls[i] * year.aht_s[i] / 900.0;
    if (naive_required_agents(a, year.aht_s[i], 20.0, 0.80) != required[i]) {
      state.SkipWithError("library and naive baseline disagree");
      break;
    }
  }
  const double naive_s = seconds_since(naive_start);
  state.counters["intervals"] = static_cast<double>(year.calls.size());
  state.counters["speedup_vs_naive"] = naive_s / per_year;
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(year.calls.size()));
}
BENCHMARK(BM_Wfm_StaffingYear)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
