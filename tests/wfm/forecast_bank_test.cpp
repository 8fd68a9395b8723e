// Backtest on real data: 5-minute call volumes of a North American bank
// (Hyndman's fpp2 `calls`, 164 weekdays x 169 slots, 2003-03-03..10-24,
// six weekdays missing; see ../shared/data/SOURCES.md). The expectation is
// the one a user would check: the profile models are not worse than the
// weekly seasonal naive over the last four weeks. Holt-Winters is scored and
// printed but not asserted: the first origin (day 150) follows the day whose
// volume collapses after 19:55 (2003-09-26), and the level, fitted with
// alpha ~ 0.17 on one-step errors, carries that collapse into the whole next
// week (MASE ~ 2.2 against 1.08 for the naive; see docs/wfm_forecast.md).

#include <backoffice/wfm/backtest.hpp>
#include <backoffice/wfm/forecast.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace backoffice;
using namespace std::chrono;

namespace {

std::filesystem::path data_dir() {
  if (const char* env = std::getenv("BACKOFFICE_DATA_DIR"); env != nullptr && *env != '\0') return env;
  return std::filesystem::path("..") / "shared" / "data";
}

sys_days parse_date(const std::string& s) {
  return sys_days{year{std::stoi(s.substr(0, 4))} / month{static_cast<unsigned>(std::stoi(s.substr(5, 2)))} /
                  day{static_cast<unsigned>(std::stoi(s.substr(8, 2)))}};
}

// date,time,calls with no quoting; rows in time order within each date.
// Every weekday from the first to the last date becomes a day of 169 slots;
// the six missing weekdays stay NaN.
std::vector<double> load_bank_series(const std::filesystem::path& file, int& weekdays) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);  // header
  std::map<sys_days, std::vector<double>> by_day;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::stringstream row(line);
    std::string date, time, calls;
    std::getline(row, date, ',');
    std::getline(row, time, ',');
    std::getline(row, calls, ',');
    by_day[parse_date(date)].push_back(std::stod(calls));
  }
  std::vector<double> series;
  weekdays = 0;
  for (sys_days d = by_day.begin()->first; d <= by_day.rbegin()->first; d += days{1}) {
    const weekday wd{d};
    if (wd == Saturday || wd == Sunday) continue;
    ++weekdays;
    const auto it = by_day.find(d);
    if (it == by_day.end()) {
      series.insert(series.end(), 169, std::numeric_limits<double>::quiet_NaN());
    } else {
      series.insert(series.end(), it->second.begin(), it->second.end());
    }
  }
  return series;
}

}  // namespace

TEST(ForecastBankData, ProfileModelsAreNotWorseThanSeasonalNaive) {
  const auto file = data_dir() / "calls_fpp2_bank_5min.csv";
  if (!std::filesystem::exists(file)) {
    GTEST_SKIP() << "real data not found: " << file
                 << " (set BACKOFFICE_DATA_DIR to the folder holding calls_fpp2_bank_5min.csv)";
  }
  int weekdays = 0;
  const std::vector<double> calls = load_bank_series(file, weekdays);
  // SOURCES.md: 164 days present + 6 missing weekdays = 170 weekdays = 34 weeks.
  ASSERT_EQ(weekdays, 170);
  ASSERT_EQ(calls.size(), 170u * 169u);

  const SeriesLayout layout{minutes{5}, 169, 5};
  ForecastOptions naive;
  naive.model = ForecastModel::kSeasonalNaiveWeek;
  ForecastOptions fourier;
  fourier.model = ForecastModel::kFourierRegression;
  fourier.intraday_harmonics = 20;
  ForecastOptions holt;
  holt.model = ForecastModel::kHoltWinters;
  const std::vector<ForecastOptions> models{naive, fourier, holt};
  // Last four weeks: origins every week, each forecasting the next week.
  auto scores = backtest(calls, layout, models, BacktestOptions{150, 5, 5});
  ASSERT_TRUE(scores.ok()) << scores.error().to_string();
  for (const auto& s : *scores) {
    std::cout << to_string(s.model) << ": MASE " << s.mase << ", sMAPE " << s.smape << " %, MAE "
              << s.mae << " calls over " << s.origins << " origins, " << s.points << " points\n";
  }
  ASSERT_EQ((*scores)[0].origins, 4);
  EXPECT_LE((*scores)[1].mase, (*scores)[0].mase);
  EXPECT_LT((*scores)[1].smape, (*scores)[0].smape);
}
