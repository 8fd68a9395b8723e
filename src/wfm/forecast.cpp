#include <backoffice/wfm/forecast.hpp>
#include <backoffice/wfm/forecast_models.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace backoffice {

namespace {

constexpr int kMaxHorizonDays = 3660;

Status check_options(const SeriesLayout& layout, int history_days, int horizon_days,
                     const ForecastOptions& options) {
  if (horizon_days < 1 || horizon_days > kMaxHorizonDays) {
    return invalid_argument("horizon_days", std::to_string(horizon_days),
                            fmt::format("must be in 1..{}", kMaxHorizonDays));
  }
  for (const int d : options.special_days) {
    if (d < 0 || d >= history_days + horizon_days) {
      return invalid_argument("special_days", std::to_string(d),
                              fmt::format("day index must be in 0..{} (history and horizon)",
                                          history_days + horizon_days - 1));
    }
  }
  if (!std::isfinite(options.special_day_multiplier) || options.special_day_multiplier < 0.0) {
    return invalid_argument("special_day_multiplier",
                            fmt::format("{}", options.special_day_multiplier),
                            "must be finite and >= 0");
  }
  if (options.model == ForecastModel::kFourierRegression) {
    if (options.intraday_harmonics < 0 || 2 * options.intraday_harmonics > layout.intervals_per_day) {
      return invalid_argument("intraday_harmonics", std::to_string(options.intraday_harmonics),
                              fmt::format("must be in 0..{} (intervals_per_day / 2)",
                                          layout.intervals_per_day / 2));
    }
    if (options.weekly_harmonics < -1 || 2 * options.weekly_harmonics > layout.days_per_week) {
      return invalid_argument("weekly_harmonics", std::to_string(options.weekly_harmonics),
                              fmt::format("must be -1 (all) or in 0..{} (days_per_week / 2)",
                                          layout.days_per_week / 2));
    }
  }
  return {};
}

// Special days in the history become missing so that no model learns a
// holiday as a normal day.
std::vector<double> mask_special_days(std::span<const double> history, const SeriesLayout& layout,
                                      const std::vector<int>& special_days) {
  std::vector<double> masked(history.begin(), history.end());
  const auto ipd = static_cast<std::size_t>(layout.intervals_per_day);
  const std::size_t days = history.size() / ipd;
  for (const int d : special_days) {
    const auto day = static_cast<std::size_t>(d);
    if (day >= days) continue;
    std::fill_n(masked.begin() + static_cast<std::ptrdiff_t>(day * ipd), ipd,
                std::numeric_limits<double>::quiet_NaN());
  }
  return masked;
}

void apply_future_special_days(std::vector<double>& values, const SeriesLayout& layout,
                               int history_days, const ForecastOptions& options) {
  const auto ipd = static_cast<std::size_t>(layout.intervals_per_day);
  for (const int d : options.special_days) {
    if (d < history_days) continue;
    const auto first = static_cast<std::size_t>(d - history_days) * ipd;
    for (std::size_t i = first; i < first + ipd; ++i) values[i] *= options.special_day_multiplier;
  }
}

Result<ForecastResult> forecast_masked(std::span<const double> masked, const SeriesLayout& layout,
                                       int horizon_days, const ForecastOptions& options,
                                       std::span<const double> weights) {
  const int history_days = static_cast<int>(masked.size()) / layout.intervals_per_day;
  ForecastResult result;
  result.model = options.model;
  switch (options.model) {
    case ForecastModel::kSeasonalNaiveWeek:
    case ForecastModel::kSeasonalNaiveDay: {
      const int lag = options.model == ForecastModel::kSeasonalNaiveWeek ? layout.days_per_week : 1;
      BO_ASSIGN_OR_RETURN(result.values, seasonal_naive(masked, layout, lag, horizon_days));
      break;
    }
    case ForecastModel::kHoltWinters: {
      BO_ASSIGN_OR_RETURN(const HoltWintersFit fit, fit_holt_winters(masked, layout, options.trend));
      result.holt_winters = fit.params;
      BO_ASSIGN_OR_RETURN(result.values,
                          holt_winters_forecast(masked, layout, fit.params, horizon_days));
      break;
    }
    case ForecastModel::kFourierRegression: {
      BO_ASSIGN_OR_RETURN(const FourierFit fit,
                          fit_fourier_regression(masked, layout, options.intraday_harmonics,
                                                 options.weekly_harmonics, options.trend, weights));
      result.values = fourier_predict(fit, layout, history_days, horizon_days);
      break;
    }
    default:
      return invalid_argument("model", std::to_string(static_cast<int>(options.model)),
                              "unknown forecast model");
  }
  apply_future_special_days(result.values, layout, history_days, options);
  return result;
}

}  // namespace

const char* to_string(ForecastModel model) noexcept {
  switch (model) {
    case ForecastModel::kSeasonalNaiveWeek: return "seasonal_naive_week";
    case ForecastModel::kSeasonalNaiveDay: return "seasonal_naive_day";
    case ForecastModel::kHoltWinters: return "holt_winters";
    case ForecastModel::kFourierRegression: return "fourier_regression";
  }
  return "unknown";
}

Status check_series(std::span<const double> history, const SeriesLayout& layout) {
  if (layout.interval.count() < 1 || layout.interval.count() > 1440) {
    return invalid_argument("interval", fmt::format("{} min", layout.interval.count()),
                            "must be 1..1440 minutes");
  }
  if (layout.intervals_per_day < 1 ||
      static_cast<long long>(layout.intervals_per_day) * layout.interval.count() > 1440) {
    return invalid_argument("intervals_per_day", std::to_string(layout.intervals_per_day),
                            fmt::format("must be >= 1 and cover at most 24 h of {}-minute intervals",
                                        layout.interval.count()));
  }
  if (layout.days_per_week < 1 || layout.days_per_week > 7) {
    return invalid_argument("days_per_week", std::to_string(layout.days_per_week), "must be 1..7");
  }
  if (history.empty()) return invalid_argument("history", "empty", "the series has no values");
  if (history.size() % static_cast<std::size_t>(layout.intervals_per_day) != 0) {
    return invalid_argument("history.size", std::to_string(history.size()),
                            fmt::format("must be a whole number of days of {} intervals",
                                        layout.intervals_per_day));
  }
  bool any = false;
  for (std::size_t i = 0; i < history.size(); ++i) {
    const double v = history[i];
    if (std::isnan(v)) continue;
    if (!std::isfinite(v) || v < 0.0) {
      return invalid_argument(fmt::format("history[{}]", i), fmt::format("{}", v),
                              "must be >= 0 and finite, or NaN for missing");
    }
    any = true;
  }
  if (!any) return invalid_argument("history", "all NaN", "the series has no observed value");
  return {};
}

Result<ForecastResult> forecast(std::span<const double> history, const SeriesLayout& layout,
                                int horizon_days, const ForecastOptions& options) {
  BO_RETURN_IF_ERROR(check_series(history, layout));
  const int history_days = static_cast<int>(history.size()) / layout.intervals_per_day;
  BO_RETURN_IF_ERROR(check_options(layout, history_days, horizon_days, options));
  const std::vector<double> masked = mask_special_days(history, layout, options.special_days);
  return forecast_masked(masked, layout, horizon_days, options, {});
}

Result<ForecastResult> forecast_aht(std::span<const double> aht, std::span<const double> volume,
                                    const SeriesLayout& layout, int horizon_days,
                                    const ForecastOptions& options) {
  if (volume.size() != aht.size()) {
    return invalid_argument("volume.size", std::to_string(volume.size()),
                            fmt::format("must equal aht.size ({})", aht.size()));
  }
  std::vector<double> masked(aht.begin(), aht.end());
  std::vector<double> weights(volume.begin(), volume.end());
  for (std::size_t i = 0; i < masked.size(); ++i) {
    // AHT of an interval without contacts is undefined, whatever was recorded.
    if (!(volume[i] > 0.0) || !std::isfinite(volume[i])) {
      masked[i] = std::numeric_limits<double>::quiet_NaN();
      weights[i] = 0.0;
    }
  }
  BO_RETURN_IF_ERROR(check_series(masked, layout));
  const int history_days = static_cast<int>(aht.size()) / layout.intervals_per_day;
  BO_RETURN_IF_ERROR(check_options(layout, history_days, horizon_days, options));
  masked = mask_special_days(masked, layout, options.special_days);
  return forecast_masked(masked, layout, horizon_days, options, weights);
}

}  // namespace backoffice
