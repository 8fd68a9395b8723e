#pragma once

// Interval forecasts of contact volume and AHT from a regular history with
// daily and weekly seasonality. Models, formulas and the treatment of
// missing values and special days are in docs/wfm_forecast.md. Nothing here
// throws on bad input; every error names the field and the value.

#include <backoffice/core/result.hpp>

#include <chrono>
#include <cstdint>
#include <span>
#include <vector>

namespace backoffice {

// Shape of a regular series: one value per interval, intervals_per_day
// values per day, days_per_week days per week (5 for a weekday-only
// series, 7 for every day). Day 0 is the first day of the history; the
// weekly season is counted from it (day d has weekday slot d % days_per_week).
struct SeriesLayout {
  std::chrono::minutes interval{15};  // length of one interval, 1..1440 min
  int intervals_per_day = 96;         // >= 1, intervals_per_day * interval <= 24 h
  int days_per_week = 7;              // 1..7

  int intervals_per_week() const { return intervals_per_day * days_per_week; }
  friend bool operator==(const SeriesLayout&, const SeriesLayout&) = default;
};

enum class ForecastModel : int {
  kSeasonalNaiveWeek = 0,  // the value one week earlier (the baseline)
  kSeasonalNaiveDay = 1,   // the value one day earlier
  kHoltWinters = 2,        // Taylor (2003) double-seasonal multiplicative Holt-Winters
  kFourierRegression = 3,  // log(y + 1) on a trend, intraday and weekly Fourier terms
};

const char* to_string(ForecastModel model) noexcept;

struct ForecastOptions {
  ForecastModel model = ForecastModel::kFourierRegression;
  // Day indexes (0 = first day of the history) to treat as special days
  // (holidays). In the history they are left out of fitting as if missing;
  // in the horizon (index >= history days) the forecast is the regular
  // forecast times special_day_multiplier (0: closed).
  std::vector<int> special_days;
  double special_day_multiplier = 0.0;  // >= 0, finite
  // Fourier regression: harmonics of the daily cycle (1 .. intervals_per_day/2)
  // and of the weekly cycle in whole days (-1: all, i.e. days_per_week / 2,
  // which is equivalent to one dummy per weekday).
  int intraday_harmonics = 10;
  int weekly_harmonics = -1;
  bool trend = true;  // linear trend (Fourier: in log space; Holt-Winters: additive slope)
};

// Smoothing parameters of the double-seasonal Holt-Winters model, each in [0, 1].
struct HoltWintersParams {
  double alpha = 0.1;  // level
  double beta = 0.0;   // trend (slope)
  double gamma = 0.1;  // intraday season (period intervals_per_day)
  double omega = 0.1;  // weekly season (period intervals_per_week)
  friend bool operator==(const HoltWintersParams&, const HoltWintersParams&) = default;
};

struct ForecastResult {
  // horizon_days * intervals_per_day values, starting right after the history.
  // NaN where the model has nothing to go on (seasonal naive over a slot
  // missing in every earlier week).
  std::vector<double> values;
  ForecastModel model = ForecastModel::kFourierRegression;
  HoltWintersParams holt_winters;  // fitted parameters (kHoltWinters only)
};

// Checks that `history` fits `layout`: non-empty, a whole number of days,
// at least one finite value, finite values >= 0, layout fields in range.
// Errors (kInvalidArgument) name `history`, `history.size`, `interval`,
// `intervals_per_day` or `days_per_week`. O(n).
Status check_series(std::span<const double> history, const SeriesLayout& layout);

// Forecasts the next horizon_days whole days after `history` (one value per
// interval, NaN = missing). Seasonal naive needs one week (one day) of
// history; Holt-Winters needs two weeks, the Fourier regression one week.
// Errors name `horizon_days` (< 1 or > 3660), `special_days` (out of
// range), `special_day_multiplier`, `intraday_harmonics`,
// `weekly_harmonics`, `history.size` (too short for the model) or any
// check_series field. Cost: naive O(h); Fourier O(n k^2) with k columns;
// Holt-Winters O(n) per NLopt evaluation, a few hundred evaluations.
Result<ForecastResult> forecast(std::span<const double> history, const SeriesLayout& layout,
                                int horizon_days, const ForecastOptions& options);

// Forecasts AHT (any unit; seconds by convention) per interval. Intervals
// with no contacts (volume 0 or NaN) have no AHT and are treated as missing;
// the Fourier regression weights each interval by its volume, so an AHT
// measured over many contacts counts more than one measured over a few.
// The other models run unweighted on the masked AHT series. Intervals of
// the horizon come out of the model even where volume will be zero; the
// caller multiplies by the volume forecast. Errors as forecast(), plus
// `volume.size` when it differs from aht.size().
Result<ForecastResult> forecast_aht(std::span<const double> aht, std::span<const double> volume,
                                    const SeriesLayout& layout, int horizon_days,
                                    const ForecastOptions& options);

}  // namespace backoffice
