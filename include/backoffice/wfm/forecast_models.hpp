#pragma once

// The forecast models one by one, for callers that want the fitted model
// itself (coefficients, smoothing parameters, in-sample error) rather than
// only the forecast. forecast() in forecast.hpp dispatches to these. Inputs
// are validated as in forecast(); missing values are NaN. See
// docs/wfm_forecast.md for the formulas.

#include <backoffice/core/result.hpp>
#include <backoffice/wfm/forecast.hpp>

#include <span>
#include <vector>

namespace backoffice {

// Seasonal naive: value at t = value at t - lag_days whole days; when that
// is NaN, the value lag_days earlier again, and so on; NaN when none. The
// forecast of day k of the horizon reaches back whole lags, so a week-lag
// forecast over two weeks repeats the last week. Needs >= lag_days days.
// Errors name `lag_days` or `history.size`. O(horizon * intervals_per_day).
Result<std::vector<double>> seasonal_naive(std::span<const double> history,
                                           const SeriesLayout& layout, int lag_days,
                                           int horizon_days);

// One-step-ahead sum of squared errors of the double-seasonal Holt-Winters
// model with fixed parameters over the history after the first week (the
// first week initialises the state). Missing values are skipped; the state
// updates use observations Huber-clipped at 3 running mean |z| (see the
// docs), the SSE the raw errors. Errors
// name a parameter outside [0, 1] or `history.size` (< 2 weeks). O(n).
Result<double> holt_winters_sse(std::span<const double> history, const SeriesLayout& layout,
                                const HoltWintersParams& params);

struct HoltWintersFit {
  HoltWintersParams params;
  double sse = 0.0;      // one-step SSE at params
  int evaluations = 0;   // objective evaluations used by NLopt
};

// Fits alpha, beta, gamma, omega in [0, 1] by minimising holt_winters_sse
// with NLopt's bounded derivative-free BOBYQA from `start` (beta fixed at 0
// when trend is false). O(n) per evaluation.
Result<HoltWintersFit> fit_holt_winters(std::span<const double> history, const SeriesLayout& layout,
                                        bool trend, const HoltWintersParams& start = {});

// Forecast of horizon_days after `history` with fixed parameters.
Result<std::vector<double>> holt_winters_forecast(std::span<const double> history,
                                                  const SeriesLayout& layout,
                                                  const HoltWintersParams& params,
                                                  int horizon_days);

// Least-squares fit of log(y + 1) on an intercept, a linear trend in days
// (t / intervals_per_day), intraday cos/sin pairs k = 1..K_d
// (period intervals_per_day), weekly cos/sin pairs in day-of-week k = 1..K_w
// (period days_per_week days; the sin term is dropped when 2k equals
// days_per_week). Solved with Eigen's column-pivoting Householder QR;
// optional non-negative weights (NaN or 0 weight = left out).
struct FourierFit {
  double intercept = 0.0;
  double trend_per_day = 0.0;             // log units per day
  std::vector<double> intraday_cos;       // a_k, k = 1..K_d
  std::vector<double> intraday_sin;       // b_k
  std::vector<double> weekly_cos;         // c_k, k = 1..K_w
  std::vector<double> weekly_sin;         // d_k (0 when 2k == days_per_week)
  double smearing = 1.0;                  // Duan's factor: mean of exp(residual)
  int fitted_points = 0;

  // Amplitude sqrt(a_k^2 + b_k^2) of intraday harmonic k (1-based), in log units.
  double intraday_amplitude(int k) const;
};

Result<FourierFit> fit_fourier_regression(std::span<const double> history,
                                          const SeriesLayout& layout, int intraday_harmonics,
                                          int weekly_harmonics, bool trend,
                                          std::span<const double> weights = {});

// exp(fitted log value) * smearing - 1, floored at 0, for days
// first_day .. first_day + days - 1 (day 0 = first day of the history).
std::vector<double> fourier_predict(const FourierFit& fit, const SeriesLayout& layout,
                                    int first_day, int days);

}  // namespace backoffice
