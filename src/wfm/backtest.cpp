#include <backoffice/wfm/backtest.hpp>
#include <backoffice/wfm/forecast.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace backoffice {

namespace {

double smape_term(double y, double f) {
  const double den = std::abs(y) + std::abs(f);
  // Both zero is a perfect forecast; the formula's 0/0 would drop it.
  return den == 0.0 ? 0.0 : 200.0 * std::abs(y - f) / den;
}

}  // namespace

Result<double> seasonal_naive_mae(std::span<const double> history, int lag) {
  if (lag < 1) return invalid_argument("lag", std::to_string(lag), "must be >= 1");
  double sum = 0.0;
  long n = 0;
  for (std::size_t t = static_cast<std::size_t>(lag); t < history.size(); ++t) {
    const double a = history[t];
    const double b = history[t - static_cast<std::size_t>(lag)];
    if (std::isnan(a) || std::isnan(b)) continue;
    sum += std::abs(a - b);
    ++n;
  }
  if (n == 0) {
    return invalid_argument("history", fmt::format("{} values", history.size()),
                            fmt::format("no pair of observed values {} intervals apart", lag));
  }
  return sum / static_cast<double>(n);
}

Result<double> mase(std::span<const double> actual, std::span<const double> forecast, double scale) {
  if (forecast.size() != actual.size()) {
    return invalid_argument("forecast.size", std::to_string(forecast.size()),
                            fmt::format("must equal actual.size ({})", actual.size()));
  }
  if (!std::isfinite(scale) || scale <= 0.0) {
    return invalid_argument("scale", fmt::format("{}", scale), "must be finite and > 0");
  }
  double sum = 0.0;
  long n = 0;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    if (std::isnan(actual[i])) continue;
    sum += std::abs(actual[i] - forecast[i]);
    ++n;
  }
  if (n == 0) return invalid_argument("actual", "all NaN", "no observed value to score");
  return sum / static_cast<double>(n) / scale;
}

Result<double> smape(std::span<const double> actual, std::span<const double> forecast) {
  if (forecast.size() != actual.size()) {
    return invalid_argument("forecast.size", std::to_string(forecast.size()),
                            fmt::format("must equal actual.size ({})", actual.size()));
  }
  double sum = 0.0;
  long n = 0;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    if (std::isnan(actual[i])) continue;
    sum += smape_term(actual[i], forecast[i]);
    ++n;
  }
  if (n == 0) return invalid_argument("actual", "all NaN", "no observed value to score");
  return sum / static_cast<double>(n);
}

Result<std::vector<BacktestScore>> backtest(std::span<const double> history,
                                            const SeriesLayout& layout,
                                            std::span<const ForecastOptions> models,
                                            const BacktestOptions& options) {
  BO_RETURN_IF_ERROR(check_series(history, layout));
  if (models.empty()) return invalid_argument("models", "empty", "give at least one model");
  if (options.horizon_days < 1) {
    return invalid_argument("horizon_days", std::to_string(options.horizon_days), "must be >= 1");
  }
  if (options.origin_step_days < 1) {
    return invalid_argument("origin_step_days", std::to_string(options.origin_step_days),
                            "must be >= 1");
  }
  const auto ipd = static_cast<std::size_t>(layout.intervals_per_day);
  const int days = static_cast<int>(history.size() / ipd);
  if (options.first_origin_day < layout.days_per_week + 1 ||
      options.first_origin_day + options.horizon_days > days) {
    return invalid_argument("first_origin_day", std::to_string(options.first_origin_day),
                            fmt::format("must leave more than one week of training ({} days) and "
                                        "one horizon ({} days) within the {} days of history",
                                        layout.days_per_week, options.horizon_days, days));
  }

  std::vector<BacktestScore> scores(models.size());
  std::vector<double> abs_sum(models.size(), 0.0);
  std::vector<double> smape_sum(models.size(), 0.0);
  std::vector<double> mase_sum(models.size(), 0.0);
  for (int origin = options.first_origin_day; origin + options.horizon_days <= days;
       origin += options.origin_step_days) {
    const std::size_t split = static_cast<std::size_t>(origin) * ipd;
    const auto train = history.first(split);
    const auto test = history.subspan(split, static_cast<std::size_t>(options.horizon_days) * ipd);
    for (std::size_t m = 0; m < models.size(); ++m) {
      const ForecastOptions& model = models[m];
      // Special days: masked in the training part like forecast() does, and
      // never scored, so a holiday neither helps nor hurts a model.
      std::vector<double> train_masked(train.begin(), train.end());
      std::vector<double> actual(test.begin(), test.end());
      for (const int d : model.special_days) {
        if (d < 0) continue;
        const auto first = static_cast<std::size_t>(d) * ipd;
        for (std::size_t i = first; i < first + ipd; ++i) {
          if (i < split) train_masked[i] = std::nan("");
          else if (i - split < actual.size()) actual[i - split] = std::nan("");
        }
      }
      ForecastOptions fit_options = model;
      fit_options.special_days.clear();
      BO_ASSIGN_OR_RETURN(const ForecastResult f,
                          forecast(train_masked, layout, options.horizon_days, fit_options));
      BO_ASSIGN_OR_RETURN(const double scale,
                          seasonal_naive_mae(train_masked, layout.intervals_per_week()));
      double abs_origin = 0.0;
      long n_origin = 0;
      for (std::size_t i = 0; i < actual.size(); ++i) {
        if (std::isnan(actual[i])) continue;
        // A forecast with nothing to go on (NaN) scores as a forecast of 0.
        const double fi = std::isnan(f.values[i]) ? 0.0 : f.values[i];
        abs_origin += std::abs(actual[i] - fi);
        smape_sum[m] += smape_term(actual[i], fi);
        ++n_origin;
      }
      if (n_origin == 0) continue;
      abs_sum[m] += abs_origin;
      mase_sum[m] += abs_origin / static_cast<double>(n_origin) / std::max(scale, 1e-12);
      scores[m].points += n_origin;
      ++scores[m].origins;
    }
  }
  for (std::size_t m = 0; m < models.size(); ++m) {
    scores[m].model = models[m].model;
    if (scores[m].origins == 0) {
      return invalid_argument("history", "no scored point",
                              "every origin's horizon is missing or special");
    }
    scores[m].mase = mase_sum[m] / scores[m].origins;
    scores[m].smape = smape_sum[m] / static_cast<double>(scores[m].points);
    scores[m].mae = abs_sum[m] / static_cast<double>(scores[m].points);
  }
  return scores;
}

}  // namespace backoffice
