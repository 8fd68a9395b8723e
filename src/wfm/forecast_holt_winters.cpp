#include <backoffice/wfm/forecast.hpp>
#include <backoffice/wfm/forecast_models.hpp>

#include <fmt/format.h>
#include <nlopt.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <limits>
#include <string>

namespace backoffice {

namespace {

// Seasonal indices and levels below this are treated as zero: dividing an
// observation by them would turn one stray count into a huge level jump.
constexpr double kTiny = 1e-9;
constexpr int kMaxInitWeeks = 4;
// Huber cleaning (after Gelper, Fried and Croux 2010): an observation whose
// standardised error z = e / sqrt(max(forecast, 1)) exceeds kHuber times the
// running mean |z| enters the updates clipped to that bound. Counts are
// roughly Poisson, hence the sqrt. kScaleRate is the EWMA rate of the scale.
constexpr double kHuber = 3.0;
constexpr double kScaleRate = 0.01;

struct HwState {
  double level = 0.0;
  double slope = 0.0;
  std::vector<double> day;   // period intervals_per_day, indexed t % s1
  std::vector<double> week;  // period intervals_per_week, indexed t % s2
  double scale = 1.0;        // running mean |z| of standardised one-step errors
};

// Initial state from the first few whole weeks: the level is their mean, the
// intraday index the mean ratio of each slot to it, and the weekly index the
// remaining ratio per slot of the week. Averaging several weeks keeps the
// Poisson noise of a single week out of indices that later move slowly.
HwState initial_state(std::span<const double> y, const SeriesLayout& layout) {
  const auto s1 = static_cast<std::size_t>(layout.intervals_per_day);
  const auto s2 = static_cast<std::size_t>(layout.intervals_per_week());
  const std::size_t weeks =
      std::clamp<std::size_t>(y.size() / s2 - 1, 1, static_cast<std::size_t>(kMaxInitWeeks));
  const std::size_t m = weeks * s2;
  HwState st;
  double sum = 0.0;
  long count = 0;
  for (std::size_t t = 0; t < m; ++t) {
    if (!std::isnan(y[t])) { sum += y[t]; ++count; }
  }
  if (count == 0) {
    for (const double v : y) if (!std::isnan(v)) { sum += v; ++count; }
  }
  st.level = std::max(sum / static_cast<double>(count), kTiny);

  std::vector<double> day_sum(s1, 0.0);
  std::vector<long> day_n(s1, 0);
  std::vector<double> week_sum(s2, 0.0);
  std::vector<long> week_n(s2, 0);
  for (std::size_t t = 0; t < m; ++t) {
    if (std::isnan(y[t])) continue;
    day_sum[t % s1] += y[t] / st.level;
    ++day_n[t % s1];
  }
  st.day.assign(s1, 1.0);
  for (std::size_t j = 0; j < s1; ++j) {
    if (day_n[j] > 0) st.day[j] = day_sum[j] / static_cast<double>(day_n[j]);
  }
  for (std::size_t t = 0; t < m; ++t) {
    if (std::isnan(y[t]) || st.day[t % s1] <= kTiny) continue;
    week_sum[t % s2] += y[t] / (st.level * st.day[t % s1]);
    ++week_n[t % s2];
  }
  st.week.assign(s2, 1.0);
  for (std::size_t k = 0; k < s2; ++k) {
    if (week_n[k] > 0) st.week[k] = week_sum[k] / static_cast<double>(week_n[k]);
  }
  return st;
}

// Runs the Taylor (2003) recursions over the whole history and returns the
// one-step SSE over t >= one week (the first week only warms the state up).
double run_filter(std::span<const double> y, const SeriesLayout& layout,
                  const HoltWintersParams& p, HwState& st) {
  const auto s1 = static_cast<std::size_t>(layout.intervals_per_day);
  const auto s2 = static_cast<std::size_t>(layout.intervals_per_week());
  double sse = 0.0;
  for (std::size_t t = 0; t < y.size(); ++t) {
    const double base = st.level + st.slope;
    const double v = y[t];
    if (std::isnan(v)) {
      st.level = std::max(base, kTiny);
      continue;
    }
    double& d = st.day[t % s1];
    double& w = st.week[t % s2];
    const double dw = d * w;
    if (t >= s2) {
      const double e = v - std::max(base, 0.0) * dw;
      sse += e * e;
    }
    // A burst or a collapse (a system outage, a line down) would otherwise
    // drag the level, and with it the next days' forecasts, far off.
    const double fitted = std::max(base, 0.0) * dw;
    const double root = std::sqrt(std::max(fitted, 1.0));
    const double z = (v - fitted) / root;
    const double bound = kHuber * st.scale;
    const double clean = std::max(fitted + std::clamp(z, -bound, bound) * root, 0.0);
    st.scale = (1.0 - kScaleRate) * st.scale + kScaleRate * std::min(std::abs(z), bound);
    const double level = dw > kTiny ? p.alpha * clean / dw + (1.0 - p.alpha) * base : base;
    const double new_level = std::max(level, kTiny);
    st.slope = p.beta * (new_level - st.level) + (1.0 - p.beta) * st.slope;
    const double d_old = d;
    if (w > kTiny) d = p.gamma * clean / (new_level * w) + (1.0 - p.gamma) * d;
    if (d_old > kTiny) w = p.omega * clean / (new_level * d_old) + (1.0 - p.omega) * w;
    st.level = new_level;
  }
  return sse;
}

Status check_params(const HoltWintersParams& p) {
  const std::array<std::pair<const char*, double>, 4> all{
      {{"alpha", p.alpha}, {"beta", p.beta}, {"gamma", p.gamma}, {"omega", p.omega}}};
  for (const auto& [name, value] : all) {
    if (!(value >= 0.0 && value <= 1.0)) {
      return invalid_argument(name, fmt::format("{}", value), "smoothing parameter must be in [0, 1]");
    }
  }
  return {};
}

Status check_length(std::span<const double> y, const SeriesLayout& layout) {
  const auto s2 = static_cast<std::size_t>(layout.intervals_per_week());
  if (y.size() < 2 * s2) {
    return invalid_argument("history.size", std::to_string(y.size()),
                            fmt::format("Holt-Winters needs at least two weeks ({} intervals)", 2 * s2));
  }
  return {};
}

struct Objective {
  std::span<const double> y;
  const SeriesLayout* layout;
  HwState start;
  bool trend;
  int evaluations = 0;
  double best_sse = std::numeric_limits<double>::infinity();
  HoltWintersParams best;
};

HoltWintersParams params_from(const std::vector<double>& x, bool trend) {
  HoltWintersParams p;
  p.alpha = x[0];
  p.beta = trend ? x[1] : 0.0;
  p.gamma = x[trend ? 2 : 1];
  p.omega = x[trend ? 3 : 2];
  return p;
}

double objective(const std::vector<double>& x, std::vector<double>& /*grad*/, void* data) {
  auto* o = static_cast<Objective*>(data);
  const HoltWintersParams p = params_from(x, o->trend);
  HwState st = o->start;
  const double sse = run_filter(o->y, *o->layout, p, st);
  ++o->evaluations;
  if (sse < o->best_sse) {
    o->best_sse = sse;
    o->best = p;
  }
  return std::isfinite(sse) ? sse : std::numeric_limits<double>::max();
}

}  // namespace

Result<double> holt_winters_sse(std::span<const double> history, const SeriesLayout& layout,
                                const HoltWintersParams& params) {
  BO_RETURN_IF_ERROR(check_series(history, layout));
  BO_RETURN_IF_ERROR(check_params(params));
  BO_RETURN_IF_ERROR(check_length(history, layout));
  HwState st = initial_state(history, layout);
  return run_filter(history, layout, params, st);
}

Result<HoltWintersFit> fit_holt_winters(std::span<const double> history, const SeriesLayout& layout,
                                        bool trend, const HoltWintersParams& start) {
  BO_RETURN_IF_ERROR(check_series(history, layout));
  BO_RETURN_IF_ERROR(check_params(start));
  BO_RETURN_IF_ERROR(check_length(history, layout));
  Objective o{history, &layout, initial_state(history, layout), trend, 0,
              std::numeric_limits<double>::infinity(), start};
  std::vector<double> x = trend ? std::vector<double>{start.alpha, start.beta, start.gamma, start.omega}
                                : std::vector<double>{start.alpha, start.gamma, start.omega};
  const auto dim = static_cast<unsigned>(x.size());
  nlopt::opt opt(nlopt::LN_BOBYQA, dim);
  opt.set_lower_bounds(std::vector<double>(dim, 0.0));
  opt.set_upper_bounds(std::vector<double>(dim, 1.0));
  opt.set_min_objective(objective, &o);
  opt.set_xtol_abs(1e-4);
  opt.set_ftol_rel(1e-9);
  opt.set_maxeval(600);
  double minf = 0.0;
  try {
    opt.optimize(x, minf);
  } catch (const std::exception&) {
    // NLopt reports round-off limits and similar stops by exception; the best
    // point seen so far (kept by the objective) is still a valid fit.
  }
  if (!std::isfinite(o.best_sse)) {
    return make_error(ErrorCode::kInternal, "history", fmt::format("{} values", history.size()),
                      "Holt-Winters objective was never finite");
  }
  return HoltWintersFit{o.best, o.best_sse, o.evaluations};
}

Result<std::vector<double>> holt_winters_forecast(std::span<const double> history,
                                                  const SeriesLayout& layout,
                                                  const HoltWintersParams& params,
                                                  int horizon_days) {
  BO_RETURN_IF_ERROR(check_series(history, layout));
  BO_RETURN_IF_ERROR(check_params(params));
  BO_RETURN_IF_ERROR(check_length(history, layout));
  if (horizon_days < 1) {
    return invalid_argument("horizon_days", std::to_string(horizon_days), "must be >= 1");
  }
  HwState st = initial_state(history, layout);
  run_filter(history, layout, params, st);
  const auto s1 = static_cast<std::size_t>(layout.intervals_per_day);
  const auto s2 = static_cast<std::size_t>(layout.intervals_per_week());
  const std::size_t n = history.size();
  std::vector<double> out(static_cast<std::size_t>(horizon_days) * s1);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const std::size_t t = n + i;
    const double level = st.level + static_cast<double>(i + 1) * st.slope;
    out[i] = std::max(level, 0.0) * st.day[t % s1] * st.week[t % s2];
  }
  return out;
}

}  // namespace backoffice
