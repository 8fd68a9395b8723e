#include <backoffice/wfm/backtest.hpp>
#include <backoffice/wfm/forecast.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <iostream>
#include <limits>
#include <numbers>
#include <random>
#include <vector>

using namespace backoffice;
using namespace std::chrono_literals;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

ForecastOptions model(ForecastModel m) {
  ForecastOptions o;
  o.model = m;
  return o;
}

}  // namespace

TEST(ForecastAccuracy, MaseAndSmapeMatchAHandCalculation) {
  // actual 2, 4, 6 vs forecast 3, 3, 3: |e| = 1, 1, 3, MAE = 5/3;
  // with scale 2, MASE = 5/6. sMAPE = mean(200*1/5, 200*1/7, 200*3/9).
  const std::vector<double> actual{2, 4, 6, kNaN};
  const std::vector<double> f{3, 3, 3, 100};
  auto m = mase(actual, f, 2.0);
  ASSERT_TRUE(m.ok());
  EXPECT_DOUBLE_EQ(*m, 5.0 / 6.0);
  auto s = smape(actual, f);
  ASSERT_TRUE(s.ok());
  EXPECT_DOUBLE_EQ(*s, (40.0 + 200.0 / 7.0 + 200.0 / 3.0) / 3.0);
  // 0 against 0 is a perfect forecast, not 0/0.
  EXPECT_DOUBLE_EQ(*smape(std::vector<double>{0.0}, std::vector<double>{0.0}), 0.0);
}

TEST(ForecastAccuracy, SeasonalNaiveMaeMatchesAHandCalculation) {
  // lag 2 over 1, 2, 4, 7, 11: |4-1| = 3, |7-2| = 5, |11-4| = 7, mean 5.
  auto mae = seasonal_naive_mae(std::vector<double>{1, 2, 4, 7, 11}, 2);
  ASSERT_TRUE(mae.ok());
  EXPECT_DOUBLE_EQ(*mae, 5.0);
  EXPECT_EQ(seasonal_naive_mae(std::vector<double>{1, 2}, 0).error().field, "lag");
  EXPECT_EQ(mase(std::vector<double>{1}, std::vector<double>{1}, 0.0).error().field, "scale");
}

TEST(Backtest, RollingOriginScoresMatchAHandCalculation) {
  // One interval a day, two days a week, history 1..6; origins at days 3, 4
  // and 5 with a one-day horizon. Week naive forecasts day o from day o-2:
  // errors 2, 2, 2; in-sample scales (lag 2 over the training days) are 2,
  // 2, 2, so MASE = 1; sMAPE = mean(200*2/6, 200*2/8, 200*2/10). Day naive
  // forecasts day o from day o-1: errors 1, MASE = 0.5.
  const std::vector<double> h{1, 2, 3, 4, 5, 6};
  const SeriesLayout layout{1440min, 1, 2};
  const std::vector<ForecastOptions> models{model(ForecastModel::kSeasonalNaiveWeek),
                                            model(ForecastModel::kSeasonalNaiveDay)};
  auto scores = backtest(h, layout, models, BacktestOptions{3, 1, 1});
  ASSERT_TRUE(scores.ok()) << scores.error().to_string();
  ASSERT_EQ(scores->size(), 2u);
  EXPECT_EQ((*scores)[0].origins, 3);
  EXPECT_EQ((*scores)[0].points, 3);
  EXPECT_DOUBLE_EQ((*scores)[0].mase, 1.0);
  EXPECT_DOUBLE_EQ((*scores)[0].mae, 2.0);
  EXPECT_DOUBLE_EQ((*scores)[0].smape, (400.0 / 6 + 400.0 / 8 + 400.0 / 10) / 3);
  EXPECT_DOUBLE_EQ((*scores)[1].mase, 0.5);
  EXPECT_EQ((*scores)[1].model, ForecastModel::kSeasonalNaiveDay);
}

TEST(Backtest, RejectsBadOptionsNamingTheField) {
  const std::vector<double> h{1, 2, 3, 4, 5, 6};
  const SeriesLayout layout{1440min, 1, 2};
  const std::vector<ForecastOptions> models{model(ForecastModel::kSeasonalNaiveWeek)};
  EXPECT_EQ(backtest(h, layout, models, BacktestOptions{3, 1, 0}).error().field, "horizon_days");
  EXPECT_EQ(backtest(h, layout, models, BacktestOptions{3, 0, 1}).error().field, "origin_step_days");
  EXPECT_EQ(backtest(h, layout, models, BacktestOptions{6, 1, 1}).error().field, "first_origin_day");
  EXPECT_EQ(backtest(h, layout, {}, BacktestOptions{3, 1, 1}).error().field, "models");
}

// Seeded Poisson counts from a known profile: half-hourly, seven days, an
// intraday shape with a morning and an afternoon peak, a weekly shape with a
// quiet weekend, and a 0.3 %/day trend. The weekly seasonal naive carries
// the Poisson noise of two weeks (variance 2 lambda) while a model that
// learns the profile carries about one; so both models must beat it.
TEST(Backtest, ProfileModelsBeatSeasonalNaiveOnSimulatedCalls) {
  const SeriesLayout layout{30min, 48, 7};
  const double weekly[7] = {1.0, 1.1, 1.05, 1.0, 0.9, 0.55, 0.45};
  std::mt19937_64 rng(20031);
  std::vector<double> h;
  for (int d = 0; d < 10 * 7; ++d) {
    for (int j = 0; j < 48; ++j) {
      const double x = 2.0 * std::numbers::pi * j / 48.0;
      const double intraday = std::exp(2.5 - 1.2 * std::cos(x) - 0.4 * std::cos(2 * x - 0.5));
      const double lambda = intraday * weekly[d % 7] * (1.0 + 0.003 * d);
      std::poisson_distribution<int> p(lambda);
      h.push_back(p(rng));
    }
  }
  ForecastOptions fourier = model(ForecastModel::kFourierRegression);
  fourier.intraday_harmonics = 4;
  const std::vector<ForecastOptions> models{model(ForecastModel::kSeasonalNaiveWeek), fourier,
                                            model(ForecastModel::kHoltWinters)};
  auto scores = backtest(h, layout, models, BacktestOptions{49, 7, 7});
  ASSERT_TRUE(scores.ok()) << scores.error().to_string();
  for (const auto& s : *scores) {
    std::cout << to_string(s.model) << ": MASE " << s.mase << ", sMAPE " << s.smape
              << " %, MAE " << s.mae << " over " << s.origins << " origins\n";
  }
  EXPECT_EQ((*scores)[0].origins, 3);
  EXPECT_LT((*scores)[1].mase, 0.9 * (*scores)[0].mase);
  EXPECT_LT((*scores)[2].mase, 0.9 * (*scores)[0].mase);
  EXPECT_LT((*scores)[1].smape, (*scores)[0].smape);
  EXPECT_LT((*scores)[2].smape, (*scores)[0].smape);
}
