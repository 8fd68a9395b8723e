#include <backoffice/wfm/forecast.hpp>
#include <backoffice/wfm/forecast_models.hpp>

#include <Eigen/Dense>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

namespace backoffice {

namespace {

struct Design {
  int intraday = 0;  // K_d
  int weekly = 0;    // K_w
  bool trend = true;
  int columns() const { return 2 + 2 * intraday + 2 * weekly; }
};

// One row of the design matrix for interval t. Sin columns that are
// identically zero (the Nyquist harmonic) stay in the matrix as zeros; the
// column-pivoting QR gives them a zero coefficient, which keeps the
// coefficient layout independent of the period's parity.
void fill_row(const Design& d, const SeriesLayout& layout, long t, double* row) {
  const long ipd = layout.intervals_per_day;
  const long day = t / ipd;
  const long slot = t % ipd;
  const long dow = day % layout.days_per_week;
  int c = 0;
  row[c++] = 1.0;
  row[c++] = d.trend ? static_cast<double>(t) / static_cast<double>(ipd) : 0.0;
  for (int k = 1; k <= d.intraday; ++k) {
    const double a = 2.0 * std::numbers::pi * k * static_cast<double>(slot) / static_cast<double>(ipd);
    row[c++] = std::cos(a);
    row[c++] = 2 * k == ipd ? 0.0 : std::sin(a);
  }
  for (int k = 1; k <= d.weekly; ++k) {
    const double a = 2.0 * std::numbers::pi * k * static_cast<double>(dow) /
                     static_cast<double>(layout.days_per_week);
    row[c++] = std::cos(a);
    row[c++] = 2 * k == layout.days_per_week ? 0.0 : std::sin(a);
  }
}

Eigen::VectorXd coefficients_of(const FourierFit& f) {
  Eigen::VectorXd b(2 + 2 * f.intraday_cos.size() + 2 * f.weekly_cos.size());
  Eigen::Index c = 0;
  b[c++] = f.intercept;
  b[c++] = f.trend_per_day;
  for (std::size_t k = 0; k < f.intraday_cos.size(); ++k) {
    b[c++] = f.intraday_cos[k];
    b[c++] = f.intraday_sin[k];
  }
  for (std::size_t k = 0; k < f.weekly_cos.size(); ++k) {
    b[c++] = f.weekly_cos[k];
    b[c++] = f.weekly_sin[k];
  }
  return b;
}

}  // namespace

double FourierFit::intraday_amplitude(int k) const {
  if (k < 1 || static_cast<std::size_t>(k) > intraday_cos.size()) return 0.0;
  const auto i = static_cast<std::size_t>(k - 1);
  return std::hypot(intraday_cos[i], intraday_sin[i]);
}

Result<FourierFit> fit_fourier_regression(std::span<const double> history,
                                          const SeriesLayout& layout, int intraday_harmonics,
                                          int weekly_harmonics, bool trend,
                                          std::span<const double> weights) {
  BO_RETURN_IF_ERROR(check_series(history, layout));
  if (intraday_harmonics < 0 || 2 * intraday_harmonics > layout.intervals_per_day) {
    return invalid_argument("intraday_harmonics", std::to_string(intraday_harmonics),
                            fmt::format("must be in 0..{}", layout.intervals_per_day / 2));
  }
  if (weekly_harmonics < -1 || 2 * weekly_harmonics > layout.days_per_week) {
    return invalid_argument("weekly_harmonics", std::to_string(weekly_harmonics),
                            fmt::format("must be -1 or in 0..{}", layout.days_per_week / 2));
  }
  if (!weights.empty() && weights.size() != history.size()) {
    return invalid_argument("weights.size", std::to_string(weights.size()),
                            fmt::format("must be 0 or history.size ({})", history.size()));
  }
  const auto week = static_cast<std::size_t>(layout.intervals_per_week());
  if (history.size() < week) {
    return invalid_argument("history.size", std::to_string(history.size()),
                            fmt::format("Fourier regression needs at least one week ({} intervals)", week));
  }
  const Design design{intraday_harmonics,
                      weekly_harmonics < 0 ? layout.days_per_week / 2 : weekly_harmonics, trend};
  const int p = design.columns();

  auto weight_of = [&](std::size_t t) {
    if (weights.empty()) return 1.0;
    const double w = weights[t];
    return std::isfinite(w) && w > 0.0 ? w : 0.0;
  };
  std::vector<long> rows;
  rows.reserve(history.size());
  for (std::size_t t = 0; t < history.size(); ++t) {
    if (!std::isnan(history[t]) && weight_of(t) > 0.0) rows.push_back(static_cast<long>(t));
  }
  if (rows.size() < static_cast<std::size_t>(p)) {
    return invalid_argument("history", fmt::format("{} usable values", rows.size()),
                            fmt::format("Fourier regression with {} coefficients needs at least as many observed values", p));
  }

  // Least squares on log(y + 1): the multiplicative intraday x weekly shape
  // of call volumes becomes additive, and zero counts stay finite. Weighted
  // rows are scaled by sqrt(weight).
  const auto m = static_cast<Eigen::Index>(rows.size());
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> x(m, p);
  Eigen::VectorXd z(m);
  Eigen::VectorXd sw(m);
  for (Eigen::Index r = 0; r < m; ++r) {
    const long t = rows[static_cast<std::size_t>(r)];
    fill_row(design, layout, t, x.row(r).data());
    sw[r] = std::sqrt(weight_of(static_cast<std::size_t>(t)));
    z[r] = std::log1p(history[static_cast<std::size_t>(t)]);
  }
  const Eigen::VectorXd beta =
      (sw.asDiagonal() * x).colPivHouseholderQr().solve(sw.asDiagonal() * z);

  FourierFit fit;
  Eigen::Index c = 0;
  fit.intercept = beta[c++];
  fit.trend_per_day = beta[c++];
  for (int k = 0; k < design.intraday; ++k) {
    fit.intraday_cos.push_back(beta[c++]);
    fit.intraday_sin.push_back(beta[c++]);
  }
  for (int k = 0; k < design.weekly; ++k) {
    fit.weekly_cos.push_back(beta[c++]);
    fit.weekly_sin.push_back(beta[c++]);
  }
  // Duan's smearing: exp of a fitted log mean underestimates the mean by the
  // average of exp(residual); weighted like the fit.
  const Eigen::VectorXd resid = z - x * beta;
  const double wsum = sw.squaredNorm();
  fit.smearing = (sw.array().square() * resid.array().exp()).sum() / wsum;
  fit.fitted_points = static_cast<int>(m);
  return fit;
}

std::vector<double> fourier_predict(const FourierFit& fit, const SeriesLayout& layout,
                                    int first_day, int days) {
  const Design design{static_cast<int>(fit.intraday_cos.size()),
                      static_cast<int>(fit.weekly_cos.size()), true};
  const Eigen::VectorXd beta = coefficients_of(fit);
  const long ipd = layout.intervals_per_day;
  std::vector<double> out(static_cast<std::size_t>(std::max(days, 0)) * static_cast<std::size_t>(ipd));
  Eigen::VectorXd row(design.columns());
  for (std::size_t i = 0; i < out.size(); ++i) {
    fill_row(design, layout, first_day * ipd + static_cast<long>(i), row.data());
    out[i] = std::max(std::exp(row.dot(beta)) * fit.smearing - 1.0, 0.0);
  }
  return out;
}

}  // namespace backoffice
