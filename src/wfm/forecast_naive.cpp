#include <backoffice/wfm/forecast.hpp>
#include <backoffice/wfm/forecast_models.hpp>

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <string>

namespace backoffice {

Result<std::vector<double>> seasonal_naive(std::span<const double> history,
                                           const SeriesLayout& layout, int lag_days,
                                           int horizon_days) {
  BO_RETURN_IF_ERROR(check_series(history, layout));
  const auto ipd = static_cast<long>(layout.intervals_per_day);
  const auto n = static_cast<long>(history.size());
  if (lag_days < 1) {
    return invalid_argument("lag_days", std::to_string(lag_days), "must be >= 1");
  }
  if (n / ipd < lag_days) {
    return invalid_argument("history.size", std::to_string(history.size()),
                            fmt::format("seasonal naive with a {}-day lag needs at least {} days",
                                        lag_days, lag_days));
  }
  if (horizon_days < 1) {
    return invalid_argument("horizon_days", std::to_string(horizon_days), "must be >= 1");
  }
  const long lag = lag_days * ipd;
  std::vector<double> out(static_cast<std::size_t>(horizon_days * ipd),
                          std::numeric_limits<double>::quiet_NaN());
  for (long i = 0; i < static_cast<long>(out.size()); ++i) {
    const long t = n + i;
    // The nearest whole number of lags back that lands inside the history,
    // then further back past missing values.
    for (long src = t - (i / lag + 1) * lag; src >= 0; src -= lag) {
      if (!std::isnan(history[static_cast<std::size_t>(src)])) {
        out[static_cast<std::size_t>(i)] = history[static_cast<std::size_t>(src)];
        break;
      }
    }
  }
  return out;
}

}  // namespace backoffice
