#include <backoffice/core/civil_time.hpp>
#include <backoffice/core/duration.hpp>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <random>

using namespace backoffice;
using namespace std::chrono_literals;

TEST(LocalDate, ConvertsToAndFromCalendarFields) {
  // 2024-03-10 is day 19792 since 1970-01-01 (`date -u -d 2024-03-10 +%s` / 86400).
  auto d = LocalDate::from_ymd(2024, 3, 10).value();
  EXPECT_EQ(d.days_since_epoch(), 19792);
  EXPECT_EQ(d.year(), 2024);
  EXPECT_EQ(d.month(), 3);
  EXPECT_EQ(d.day(), 10);
  EXPECT_EQ(d.iso_weekday(), 7);  // a Sunday
  EXPECT_EQ(d.plus_days(1).iso_weekday(), 1);
  EXPECT_EQ(d.to_string(), "2024-03-10");
  EXPECT_EQ(LocalDate::parse("2024-03-10").value(), d);
}

TEST(LocalDate, RejectsImpossibleDates) {
  EXPECT_FALSE(LocalDate::from_ymd(2023, 2, 29).ok());
  EXPECT_FALSE(LocalDate::from_ymd(2024, 4, 31).ok());
  EXPECT_TRUE(LocalDate::from_ymd(2024, 2, 29).ok());
  EXPECT_FALSE(LocalDate::parse("2024-03-10T00:00").ok());
}

TEST(LocalTime, SplitsIntoDateAndTimeOfDayAlsoBeforeTheEpoch) {
  auto t = LocalTime::from_civil(1969, 12, 31, 23, 59, 58, 250).value();
  EXPECT_EQ(t.date().to_string(), "1969-12-31");
  EXPECT_EQ(t.hour(), 23);
  EXPECT_EQ(t.second(), 58);
  EXPECT_EQ(t.millisecond(), 250);
  EXPECT_EQ(t.to_string(), "1969-12-31T23:59:58.250");
  EXPECT_EQ(LocalTime::parse(t.to_string()).value(), t);
  EXPECT_FALSE(LocalTime::parse("2024-01-01T10:00:00Z").ok());
  EXPECT_FALSE(LocalTime::from_civil(2024, 1, 1, 24).ok());
}

TEST(Duration, ParsesClockStyleDurations) {
  EXPECT_EQ(parse_hms("0:02:23").value(), 143s);
  EXPECT_EQ(parse_hms("26:00:01").value(), 26h + 1s);
  EXPECT_EQ(parse_hms("04:05").value(), 4min + 5s);
  EXPECT_EQ(parse_hms("0:00:01.5").value(), 1500ms);
  for (const char* bad : {"", "5", "1:60:00", "0:00:61", "-0:01:00", "1:2:3:4", "a:bc"}) {
    auto d = parse_hms(bad);
    ASSERT_FALSE(d.ok()) << bad;
    EXPECT_EQ(d.error().field, "duration");
  }
  EXPECT_EQ(format_hms(143s), "0:02:23");
  EXPECT_EQ(format_hms(-(1h + 1500ms)), "-1:00:01.500");
  EXPECT_DOUBLE_EQ(to_seconds(1500ms), 1.5);
}

TEST(LocalTime, TimeOfDayIsDefinedAtTheInt64Limits) {
  // Expected values from Python's floor modulo: (-(2**63)) % 86400000 == 60424192
  // and (2**63 - 1) % 86400000 == 25975807.
  EXPECT_EQ(LocalTime(INT64_MIN).time_of_day().count(), 60'424'192);
  EXPECT_EQ(LocalTime(INT64_MAX).time_of_day().count(), 25'975'807);
}

TEST(LocalTime, TextMatchesFieldByFieldFormattingAcrossTheWholeRange) {
  // to_string writes digits itself for years 0..9999 and falls back to fmt
  // outside; both must give what the fields say, milliseconds only when set.
  std::mt19937_64 rng(11);
  for (int i = 0; i < 20000; ++i) {
    const std::int64_t span = 15'000LL * 365 * 86'400'000;  // about +-15,000 years around 1970
    const auto ms = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(2 * span)) - span;
    const LocalTime t(i % 2 ? ms - ms % 1000 : ms);
    const LocalDate d = t.date();
    std::string want = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", d.year(), d.month(), d.day(), t.hour(),
                                   t.minute(), t.second());
    if (t.millisecond() != 0) want += fmt::format(".{:03}", t.millisecond());
    ASSERT_EQ(t.to_string(), want) << ms;
    ASSERT_EQ(d.to_string(), want.substr(0, want.find('T'))) << ms;
  }
}
