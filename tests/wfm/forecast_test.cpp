#include <backoffice/wfm/forecast.hpp>
#include <backoffice/wfm/forecast_models.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

using namespace backoffice;
using namespace std::chrono_literals;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Two hourly intervals a day, two days a week: a week is four values, small
// enough to check every forecast by hand.
SeriesLayout tiny_layout() { return SeriesLayout{60min, 2, 2}; }

ForecastOptions model(ForecastModel m) {
  ForecastOptions o;
  o.model = m;
  return o;
}

}  // namespace

TEST(SeasonalNaive, RepeatsTheLastWeekOverALongerHorizon) {
  // days [1,2] [3,4] [5,6] [7,8]; a week is two days, so by hand the next
  // three days are day 2, day 3, and day 2 again (a second week back).
  const std::vector<double> h{1, 2, 3, 4, 5, 6, 7, 8};
  auto f = forecast(h, tiny_layout(), 3, model(ForecastModel::kSeasonalNaiveWeek));
  ASSERT_TRUE(f.ok()) << f.error().to_string();
  EXPECT_EQ(f->values, (std::vector<double>{5, 6, 7, 8, 5, 6}));
}

TEST(SeasonalNaive, DayLagRepeatsTheLastDay) {
  const std::vector<double> h{1, 2, 3, 4, 5, 6, 7, 8};
  auto f = forecast(h, tiny_layout(), 2, model(ForecastModel::kSeasonalNaiveDay));
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->values, (std::vector<double>{7, 8, 7, 8}));
}

TEST(SeasonalNaive, FallsBackOneMoreWeekPastAMissingValue) {
  // history[4] is missing, so its slot comes from history[0] = 1, a week
  // earlier; a slot missing in every week stays NaN.
  const std::vector<double> h{1, kNaN, 3, 4, kNaN, kNaN, 7, 8};
  auto f = forecast(h, tiny_layout(), 1, model(ForecastModel::kSeasonalNaiveWeek));
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f->values.size(), 2u);
  EXPECT_EQ(f->values[0], 1.0);
  EXPECT_TRUE(std::isnan(f->values[1]));
}

TEST(SeasonalNaive, SpecialDaysInTheHistoryAreSkippedAndInTheHorizonScaled) {
  // Day 2 (values 5, 6) is a holiday: the forecast of day 4 reaches back to
  // day 0 (1, 2). Day 5 (forecast 7, 8 from day 3) is a holiday at half volume.
  const std::vector<double> h{1, 2, 3, 4, 5, 6, 7, 8};
  ForecastOptions o = model(ForecastModel::kSeasonalNaiveWeek);
  o.special_days = {2, 5};
  o.special_day_multiplier = 0.5;
  auto f = forecast(h, tiny_layout(), 2, o);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->values, (std::vector<double>{1, 2, 3.5, 4}));
}

TEST(FourierRegression, RecoversTheAmplitudeOfAKnownSinusoid) {
  // y = exp(3 + 0.8 cos(2 pi j / 24 - 0.3)) - 1 exactly, so log(y + 1) is a
  // pure first harmonic: amplitude 0.8, intercept 3, every other term 0.
  const SeriesLayout layout{60min, 24, 7};
  std::vector<double> h;
  for (int d = 0; d < 14; ++d) {
    for (int j = 0; j < 24; ++j) {
      h.push_back(std::exp(3.0 + 0.8 * std::cos(2.0 * std::numbers::pi * j / 24.0 - 0.3)) - 1.0);
    }
  }
  auto fit = fit_fourier_regression(h, layout, 3, -1, true);
  ASSERT_TRUE(fit.ok()) << fit.error().to_string();
  EXPECT_NEAR(fit->intraday_amplitude(1), 0.8, 1e-9);
  EXPECT_NEAR(fit->intraday_amplitude(2), 0.0, 1e-9);
  EXPECT_NEAR(fit->intraday_amplitude(3), 0.0, 1e-9);
  EXPECT_NEAR(fit->intercept, 3.0, 1e-9);
  EXPECT_NEAR(fit->trend_per_day, 0.0, 1e-9);
  EXPECT_NEAR(fit->smearing, 1.0, 1e-9);
  // And it forecasts the same curve for the next day.
  const std::vector<double> next = fourier_predict(*fit, layout, 14, 1);
  for (int j = 0; j < 24; ++j) EXPECT_NEAR(next[static_cast<std::size_t>(j)], h[static_cast<std::size_t>(j)], 1e-6);
}

TEST(FourierRegression, IgnoresMissingIntervals) {
  // A constant series of 10 with every third value missing: log(11) fitted
  // exactly, forecast 10.
  const SeriesLayout layout{60min, 6, 2};
  std::vector<double> h(6 * 4, 10.0);
  for (std::size_t i = 0; i < h.size(); i += 3) h[i] = kNaN;
  auto f = forecast(h, layout, 1, model(ForecastModel::kFourierRegression));
  ASSERT_FALSE(f.ok());  // 10 harmonics do not fit 6 intervals a day
  EXPECT_EQ(f.error().field, "intraday_harmonics");
  ForecastOptions o = model(ForecastModel::kFourierRegression);
  o.intraday_harmonics = 2;
  f = forecast(h, layout, 1, o);
  ASSERT_TRUE(f.ok()) << f.error().to_string();
  for (double v : f->values) EXPECT_NEAR(v, 10.0, 1e-9);
}

TEST(HoltWinters, ForecastsAnExactlySeasonalSeriesExactly) {
  // y = 10 * day(j) * week(d) with no noise and no trend: the initial state
  // already explains every value, one-step errors are 0 for any parameters,
  // and the forecast repeats the pattern (hand: day 14 = day 7 = day 0).
  const SeriesLayout layout{60min, 4, 3};
  const double day[4] = {0.5, 1.5, 1.25, 0.75};
  const double week[3] = {1.2, 1.0, 0.8};
  std::vector<double> h;
  for (int d = 0; d < 21; ++d) for (int j = 0; j < 4; ++j) h.push_back(10.0 * day[j] * week[d % 3]);
  auto sse = holt_winters_sse(h, layout, HoltWintersParams{0.3, 0.1, 0.2, 0.2});
  ASSERT_TRUE(sse.ok());
  EXPECT_NEAR(*sse, 0.0, 1e-18);
  auto f = forecast(h, layout, 3, model(ForecastModel::kHoltWinters));
  ASSERT_TRUE(f.ok()) << f.error().to_string();
  for (std::size_t i = 0; i < f->values.size(); ++i) EXPECT_NEAR(f->values[i], h[i], 1e-9) << i;
}

TEST(HoltWinters, FittedParametersStayInTheUnitBox) {
  const SeriesLayout layout{60min, 4, 2};
  std::vector<double> h;
  for (int i = 0; i < 4 * 2 * 6; ++i) h.push_back(5.0 + (i * 7919 % 13));
  auto fit = fit_holt_winters(h, layout, true);
  ASSERT_TRUE(fit.ok()) << fit.error().to_string();
  for (double p : {fit->params.alpha, fit->params.beta, fit->params.gamma, fit->params.omega}) {
    EXPECT_GE(p, 0.0);
    EXPECT_LE(p, 1.0);
  }
  EXPECT_GT(fit->evaluations, 0);
  // The fit is no worse than its starting point (the defaults).
  auto start = holt_winters_sse(h, layout, HoltWintersParams{});
  ASSERT_TRUE(start.ok());
  EXPECT_LE(fit->sse, *start);
}

TEST(ForecastAht, MasksIntervalsWithoutContacts) {
  // AHT is 300 s wherever there are calls; where volume is 0 the recorded
  // value (0 here) is meaningless and must not pull the forecast down.
  const SeriesLayout layout{60min, 4, 2};
  std::vector<double> aht;
  std::vector<double> volume;
  for (int i = 0; i < 4 * 2 * 3; ++i) {
    const bool closed = i % 4 == 0;
    volume.push_back(closed ? 0.0 : 20.0 + i);
    aht.push_back(closed ? 0.0 : 300.0);
  }
  ForecastOptions o = model(ForecastModel::kFourierRegression);
  o.intraday_harmonics = 1;
  auto f = forecast_aht(aht, volume, layout, 1, o);
  ASSERT_TRUE(f.ok()) << f.error().to_string();
  for (double v : f->values) EXPECT_NEAR(v, 300.0, 1e-6);
  auto bad = forecast_aht(aht, std::vector<double>(3, 1.0), layout, 1, o);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "volume.size");
}

TEST(ForecastErrors, NameTheFieldAndTheValue) {
  const auto naive = model(ForecastModel::kSeasonalNaiveWeek);
  const std::vector<double> empty;
  auto e = forecast(empty, tiny_layout(), 1, naive);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "history");
  EXPECT_EQ(e.error().code, ErrorCode::kInvalidArgument);

  const std::vector<double> odd{1, 2, 3, 4, 5};
  e = forecast(odd, tiny_layout(), 1, naive);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "history.size");
  EXPECT_EQ(e.error().value, "5");

  const std::vector<double> h{1, 2, 3, 4, 5, 6, 7, 8};
  e = forecast(h, tiny_layout(), 0, naive);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "horizon_days");
  EXPECT_EQ(e.error().value, "0");

  const std::vector<double> negative{1, 2, 3, -4, 5, 6, 7, 8};
  e = forecast(negative, tiny_layout(), 1, naive);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "history[3]");
  EXPECT_EQ(e.error().value, "-4");

  const std::vector<double> all_nan(4, kNaN);
  e = forecast(all_nan, tiny_layout(), 1, naive);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "history");

  ForecastOptions special = naive;
  special.special_days = {11};
  e = forecast(h, tiny_layout(), 2, special);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "special_days");
  EXPECT_EQ(e.error().value, "11");

  e = forecast(h, SeriesLayout{15min, 97, 7}, 1, naive);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "intervals_per_day");
  EXPECT_EQ(e.error().value, "97");

  e = forecast(h, SeriesLayout{60min, 2, 8}, 1, naive);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "days_per_week");

  // Holt-Winters needs two weeks (8 values here); three days are too few.
  e = forecast(std::vector<double>(6, 1.0), tiny_layout(), 1, model(ForecastModel::kHoltWinters));
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "history.size");

  auto sse = holt_winters_sse(h, tiny_layout(), HoltWintersParams{1.5, 0, 0, 0});
  ASSERT_FALSE(sse.ok());
  EXPECT_EQ(sse.error().field, "alpha");
  EXPECT_EQ(sse.error().value, "1.5");
}
