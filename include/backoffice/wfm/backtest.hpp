#pragma once

// Rolling-origin evaluation of forecast models on one history, so a user can
// see whether a model beats the seasonal naive baseline on their data.
// Method and formulas in docs/wfm_forecast.md.

#include <backoffice/core/result.hpp>
#include <backoffice/wfm/forecast.hpp>

#include <span>
#include <vector>

namespace backoffice {

struct BacktestOptions {
  int first_origin_day = 14;  // first origin: forecast made with days [0, origin)
  int origin_step_days = 7;   // k: origins every k days
  int horizon_days = 7;       // h: each origin forecasts days [origin, origin + h)
};

struct BacktestScore {
  ForecastModel model = ForecastModel::kSeasonalNaiveWeek;
  // Mean over origins of MAE(origin) / scale(origin), where scale is the
  // in-sample MAE of the one-week seasonal naive on the training days of
  // that origin. < 1: better than the naive baseline's in-sample error.
  double mase = 0.0;
  // Mean over all scored points of 200 |y - f| / (|y| + |f|), in percent
  // (0..200); a point with y = f = 0 scores 0.
  double smape = 0.0;
  double mae = 0.0;  // mean absolute error over all scored points
  int origins = 0;   // origins scored
  long points = 0;   // (interval, origin) pairs scored: actual finite, day not special
};

// Scores each entry of `models` (same layout, same special days used both to
// fit and to skip scoring) at origins first_origin_day, + k, ... while
// origin + h <= history days. Errors name `horizon_days`,
// `origin_step_days`, `first_origin_day` (no origin fits, or fewer than
// the model needs), `models` (empty), or any forecast() error.
// Cost: one forecast() per model and origin.
Result<std::vector<BacktestScore>> backtest(std::span<const double> history,
                                            const SeriesLayout& layout,
                                            std::span<const ForecastOptions> models,
                                            const BacktestOptions& options);

// MASE of one forecast against actuals with the given scale, and sMAPE,
// over points where the actual is finite. Exposed for tests and reports.
// Errors name `forecast.size`, `scale` (<= 0 or not finite) or `actual`
// (no finite point).
Result<double> mase(std::span<const double> actual, std::span<const double> forecast,
                    double scale);
Result<double> smape(std::span<const double> actual, std::span<const double> forecast);

// In-sample MAE of the seasonal naive with lag `lag` intervals: mean over t
// of |y[t] - y[t - lag]| where both are finite. Error names `lag` or
// `history` (no pair).
Result<double> seasonal_naive_mae(std::span<const double> history, int lag);

}  // namespace backoffice
