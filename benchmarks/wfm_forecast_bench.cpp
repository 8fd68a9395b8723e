// Forecast fitting speed on a year of 15-minute history (35,040 values,
// seeded Poisson counts from an intraday x weekly profile with trend).
// BM_Wfm_ForecastFit fits the double-seasonal Holt-Winters parameters with
// NLopt BOBYQA; the baseline BM_Wfm_ForecastFitGridSearch is what one would
// write without an optimiser: every point of a 5^4 grid over
// (alpha, beta, gamma, omega). ForecastFit reports speedup_vs_grid (grid
// time / NLopt time, both measured here) and sse_ratio_grid_over_nlopt
// (>= 1 when NLopt finds at least as good a fit).

#include <backoffice/wfm/forecast.hpp>
#include <backoffice/wfm/forecast_models.hpp>

#include <benchmark/benchmark.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <numbers>
#include <random>
#include <vector>

using namespace backoffice;
using namespace std::chrono_literals;

namespace {

const SeriesLayout kLayout{15min, 96, 7};

const std::vector<double>& year_of_calls() {
  static const std::vector<double> calls = [] {
    const double weekly[7] = {1.0, 1.1, 1.05, 1.0, 0.9, 0.55, 0.45};
    std::mt19937_64 rng(2024);
    std::vector<double> out;
    out.reserve(365 * 96);
    for (int d = 0; d < 365; ++d) {
      for (int j = 0; j < 96; ++j) {
        const double x = 2.0 * std::numbers::pi * j / 96.0;
        const double intraday = std::exp(3.0 - 1.5 * std::cos(x) - 0.5 * std::cos(2 * x - 0.5));
        std::poisson_distribution<int> p(intraday * weekly[d % 7] * (1.0 + 0.001 * d));
        out.push_back(p(rng));
      }
    }
    return out;
  }();
  return calls;
}

struct GridResult {
  HoltWintersParams best;
  double sse = std::numeric_limits<double>::infinity();
};

GridResult grid_search(const std::vector<double>& y) {
  const double levels[5] = {0.0, 0.05, 0.1, 0.3, 0.6};
  GridResult g;
  for (double a : levels) for (double b : levels) for (double c : levels) for (double w : levels) {
    const HoltWintersParams p{a, b, c, w};
    const double sse = holt_winters_sse(y, kLayout, p).value();
    if (sse < g.sse) g = {p, sse};
  }
  return g;
}

void BM_Wfm_ForecastFit(benchmark::State& state) {
  const auto& y = year_of_calls();
  double sse = 0.0;
  for (auto _ : state) {
    auto fit = fit_holt_winters(y, kLayout, true);
    sse = fit->sse;
    benchmark::DoNotOptimize(fit);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(y.size()));
  // Time the grid once on the same data for the ratio.
  const auto t0 = std::chrono::steady_clock::now();
  const GridResult g = grid_search(y);
  const double grid_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const auto t1 = std::chrono::steady_clock::now();
  benchmark::DoNotOptimize(fit_holt_winters(y, kLayout, true));
  const double fit_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  state.counters["speedup_vs_grid"] = grid_s / fit_s;
  state.counters["sse_ratio_grid_over_nlopt"] = g.sse / sse;
}
BENCHMARK(BM_Wfm_ForecastFit)->Unit(benchmark::kMillisecond);

void BM_Wfm_ForecastFitGridSearch(benchmark::State& state) {
  const auto& y = year_of_calls();
  for (auto _ : state) benchmark::DoNotOptimize(grid_search(y));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(y.size()));
}
BENCHMARK(BM_Wfm_ForecastFitGridSearch)->Unit(benchmark::kMillisecond)->Iterations(2);

void BM_Wfm_ForecastFourierFit(benchmark::State& state) {
  const auto& y = year_of_calls();
  for (auto _ : state) benchmark::DoNotOptimize(fit_fourier_regression(y, kLayout, 10, -1, true));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(y.size()));
}
BENCHMARK(BM_Wfm_ForecastFourierFit)->Unit(benchmark::kMillisecond);

void BM_Wfm_ForecastSeasonalNaive(benchmark::State& state) {
  const auto& y = year_of_calls();
  for (auto _ : state) benchmark::DoNotOptimize(seasonal_naive(y, kLayout, 7, 7));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(y.size()));
}
BENCHMARK(BM_Wfm_ForecastSeasonalNaive);

}  // namespace

BENCHMARK_MAIN();
