#include <backoffice/kpi/contact_report.hpp>
#include <backoffice/kpi/time_bucket.hpp>

#include "kpi/kpi_fixtures.hpp"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string_view>

using namespace backoffice;
using namespace backoffice::testing;
using namespace std::chrono_literals;

namespace {

TimeZone zone(const char* name) { return TimeZone::locate(name).value(); }

// Distinct bucket starts met by stepping through [from, to) every `step`.
std::set<std::int64_t> buckets_between(TimeBucketer& b, Instant from, Instant to, std::chrono::minutes step) {
  std::set<std::int64_t> starts;
  for (auto t = from; t < to; t += step) starts.insert(b.bucket_start(t.unix_ms()));
  return starts;
}

}  // namespace

TEST(TimeBucket, SpringForwardDayHas92QuarterHoursInNewYork) {
  // Local 2024-03-10 runs from 05:00Z to 04:00Z next day: 23 hours.
  TimeBucketer b(TimeBucket::kMinutes15, zone("America/New_York"));
  EXPECT_EQ(buckets_between(b, at("2024-03-10T05:00:00Z"), at("2024-03-11T04:00:00Z"), 1min).size(), 92u);
}

TEST(TimeBucket, FallBackDayHas100QuarterHoursAndTheRepeatedHourIsSeparate) {
  // Local 2024-11-03 runs from 04:00Z to 05:00Z next day: 25 hours.
  TimeBucketer b(TimeBucket::kMinutes15, zone("America/New_York"));
  EXPECT_EQ(buckets_between(b, at("2024-11-03T04:00:00Z"), at("2024-11-04T05:00:00Z"), 1min).size(), 100u);
  // 01:30 EDT (05:30Z) and 01:30 EST (06:30Z) are different buckets with the same wall clock.
  const auto first = b.bucket_start(at("2024-11-03T05:31:00Z").unix_ms());
  const auto second = b.bucket_start(at("2024-11-03T06:31:00Z").unix_ms());
  EXPECT_EQ(b.label(first), "2024-11-03T01:30:00-04:00");
  EXPECT_EQ(b.label(second), "2024-11-03T01:30:00-05:00");
}

TEST(TimeBucket, LondonDaysAre23And25Hours) {
  TimeBucketer b(TimeBucket::kMinutes60, zone("Europe/London"));
  EXPECT_EQ(buckets_between(b, at("2024-03-31T00:00:00Z"), at("2024-03-31T23:00:00Z"), 1min).size(), 23u);
  EXPECT_EQ(buckets_between(b, at("2024-10-26T23:00:00Z"), at("2024-10-28T00:00:00Z"), 1min).size(), 25u);
}

TEST(TimeBucket, HourBucketsFollowHalfHourOffsets) {
  // Kolkata is UTC+05:30: local hours start at :30 UTC.
  TimeBucketer b(TimeBucket::kMinutes60, zone("Asia/Kolkata"));
  EXPECT_EQ(b.bucket_start(at("2024-01-01T10:10:00Z").unix_ms()), at("2024-01-01T09:30:00Z").unix_ms());
  EXPECT_EQ(b.label(at("2024-01-01T09:30:00Z").unix_ms()), "2024-01-01T15:00:00+05:30");
}

TEST(TimeBucket, DaysWeeksAndMonthsStartAtLocalMidnight) {
  const auto ny = zone("America/New_York");
  TimeBucketer day(TimeBucket::kDay, ny), week(TimeBucket::kWeek, ny), month(TimeBucket::kMonth, ny);
  // 2024-03-10T03:30Z is 2024-03-09 22:30 EST (a Saturday).
  const auto t = at("2024-03-10T03:30:00Z").unix_ms();
  EXPECT_EQ(day.bucket_start(t), at("2024-03-09T05:00:00Z").unix_ms());
  // The week starts Monday 2024-03-04 00:00 EST.
  EXPECT_EQ(week.bucket_start(t), at("2024-03-04T05:00:00Z").unix_ms());
  EXPECT_EQ(week.label(week.bucket_start(t)), "2024-03-04");
  EXPECT_EQ(month.bucket_start(t), at("2024-03-01T05:00:00Z").unix_ms());
  // A day after spring-forward starts at 04:00Z (EDT).
  EXPECT_EQ(day.bucket_start(at("2024-03-11T12:00:00Z").unix_ms()), at("2024-03-11T04:00:00Z").unix_ms());
}

TEST(TimeBucket, ContactsCountInTheBucketOfTheirOfferedTime) {
  // Offered 08:14:50 New York, answered 08:15:10: counted in the 08:00 bucket.
  const auto offered = at("2024-07-01T12:14:50Z");
  auto cols = columns_of({{.offered = offered, .wait = 20s, .talk = 60s}});
  GroupBy g{.bucket = TimeBucket::kMinutes15, .zone = zone("America/New_York")};
  auto r = contact_report(InteractionView::of(cols), g, {}).value();
  const auto t = r.to_table();
  ASSERT_EQ(t.row_count(), 1u);
  EXPECT_EQ(std::get<std::vector<std::string>>(t.find("interval_start")->values)[0], "2024-07-01T08:00:00-04:00");
}

TEST(TimeBucketer, LabelsEqualTheZonesOwnFormattingInAnyOrder) {
  // Random quarter-hour starts in zones with DST, half- and quarter-hour
  // offsets, a 30-minute DST shift (Lord Howe) and a pre-1937 offset in
  // seconds (Amsterdam, +00:19:32), labelled in random order so the cached
  // offset window is entered and left: each label must equal to_string_in.
  std::mt19937_64 rng(5);
  for (const char* name : {"America/New_York", "Europe/London", "Asia/Kathmandu", "Australia/Lord_Howe",
                           "Europe/Amsterdam"}) {
    const auto zone = TimeZone::locate(name).value();
    TimeBucketer b(TimeBucket::kMinutes15, zone);
    const std::int64_t from = std::string_view(name) == "Europe/Amsterdam" ? -2'208'988'800'000 : 946'684'800'000;
    for (int i = 0; i < 2000; ++i) {
      const std::int64_t t = from + static_cast<std::int64_t>(rng() % (40ULL * 365 * 86'400'000));
      const std::int64_t start = b.bucket_start(t);
      ASSERT_EQ(b.label(start), Instant::from_unix_ms(start).to_string_in(zone)) << name << " " << t;
    }
  }
}
