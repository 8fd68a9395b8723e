#include <backoffice/core/business_calendar.hpp>

#include <gtest/gtest.h>

#include <limits>
#include <random>
#include <string>

using namespace backoffice;
using namespace std::chrono_literals;

// Expected values are hand calculations shown beside each check. Weekdays
// of dates were read off a printed 2024 calendar (2024-06-01 is a Saturday,
// 2024-03-10, 2024-03-31, 2024-10-27 and 2024-11-03 are Sundays). UTC
// offsets and DST transitions are those of the IANA tz database, checked
// with `zdump -v America/New_York Europe/London`:
//   New York: EST -05:00, EDT -04:00; 2024-03-10 02:00 EST -> 03:00 EDT
//             (07:00Z); 2024-11-03 02:00 EDT -> 01:00 EST (06:00Z).
//   London:   GMT +00:00, BST +01:00; 2024-03-31 01:00 GMT -> 02:00 BST
//             (01:00Z); 2024-10-27 02:00 BST -> 01:00 GMT (01:00Z).

namespace {

Instant at(const char* text) { return Instant::parse(text).value(); }

TimeZone zone(const char* name) { return TimeZone::locate(name).value(); }

BusinessCalendar calendar(std::string_view text, const char* zone_name = "UTC") {
  auto c = BusinessCalendar::parse(text, zone(zone_name));
  EXPECT_TRUE(c.ok()) << c.error().to_string();
  return c.value();
}

constexpr const char* kOffice = "Mon-Fri 09:00-17:00";

}  // namespace

// ---- business_duration ---------------------------------------------------

TEST(BusinessDuration, CountsOpenTimeWithinOneWeekday) {
  const auto cal = calendar(kOffice, "America/New_York");
  // Tue 10:00 -> 15:30 EDT, all inside 09:00-17:00: 5 h 30 min.
  EXPECT_EQ(cal.business_duration(at("2024-06-04T10:00:00-04:00"), at("2024-06-04T15:30:00-04:00")),
            5h + 30min);
}

TEST(BusinessDuration, SkipsTheWeekend) {
  const auto cal = calendar(kOffice, "America/New_York");
  // Fri 15:00 -> Mon 11:00: Fri 15:00-17:00 (2 h) + Mon 09:00-11:00 (2 h) = 4 h.
  EXPECT_EQ(cal.business_duration(at("2024-06-07T15:00:00-04:00"), at("2024-06-10T11:00:00-04:00")), 4h);
}

TEST(BusinessDuration, SkipsAHoliday) {
  const auto with = calendar("Mon-Fri 09:00-17:00; 2024-12-25 closed", "America/New_York");
  const auto without = calendar(kOffice, "America/New_York");
  const Instant from = at("2024-12-24T16:00:00-05:00");  // Tuesday
  const Instant to = at("2024-12-26T10:00:00-05:00");    // Thursday
  // Tue 16:00-17:00 (1 h) + Wed closed + Thu 09:00-10:00 (1 h) = 2 h.
  EXPECT_EQ(with.business_duration(from, to), 2h);
  // Without the holiday Wednesday adds its 8 h: 10 h.
  EXPECT_EQ(without.business_duration(from, to), 10h);
}

TEST(BusinessDuration, UsesTheHoursOfASpecialShortDay) {
  const auto cal = calendar("Mon-Fri 09:00-17:00; 2024-12-24 09:00-13:00", "America/New_York");
  // Tue 24 Dec is open 09:00-13:00 only: 08:00 -> 20:00 gives 4 h.
  EXPECT_EQ(cal.business_duration(at("2024-12-24T08:00:00-05:00"), at("2024-12-24T20:00:00-05:00")), 4h);
  // Mon 12:00 -> Wed 12:00: Mon 12-17 (5 h) + Tue 09-13 (4 h) + Wed 09-12 (3 h) = 12 h.
  EXPECT_EQ(cal.business_duration(at("2024-12-23T12:00:00-05:00"), at("2024-12-25T12:00:00-05:00")), 12h);
}

TEST(BusinessDuration, StartAndEndOutsideHoursCountOnlyWholeOpenDays) {
  const auto cal = calendar(kOffice, "America/New_York");
  // Sat 2024-06-01 12:00 -> Sat 2024-06-08 12:00: Mon..Fri, 5 x 8 h = 40 h.
  EXPECT_EQ(cal.business_duration(at("2024-06-01T12:00:00-04:00"), at("2024-06-08T12:00:00-04:00")), 40h);
  // Mon 18:00 -> Tue 08:00 lies wholly outside hours.
  EXPECT_EQ(cal.business_duration(at("2024-06-03T18:00:00-04:00"), at("2024-06-04T08:00:00-04:00")), 0ms);
}

TEST(BusinessDuration, CountsSeveralRangesInADay) {
  const auto cal = calendar("Mon-Fri 08:00-12:00, 13:00-17:30", "America/New_York");
  // Mon 07:00 -> 18:00: 08-12 (4 h) + 13-17:30 (4 h 30) = 8 h 30 min.
  EXPECT_EQ(cal.business_duration(at("2024-06-03T07:00:00-04:00"), at("2024-06-03T18:00:00-04:00")),
            8h + 30min);
  // Across the lunch break, 12:30 -> 13:30: only 13:00-13:30 counts.
  EXPECT_EQ(cal.business_duration(at("2024-06-03T12:30:00-04:00"), at("2024-06-03T13:30:00-04:00")), 30min);
}

TEST(BusinessDuration, IsNegativeWhenTheSpanRunsBackwards) {
  const auto cal = calendar(kOffice, "America/New_York");
  EXPECT_EQ(cal.business_duration(at("2024-06-04T15:30:00-04:00"), at("2024-06-04T10:00:00-04:00")),
            -(5h + 30min));
  EXPECT_EQ(cal.business_duration(at("2024-06-04T10:00:00-04:00"), at("2024-06-04T10:00:00-04:00")), 0ms);
}

TEST(BusinessDuration, AddsUpAWholeYearWithHolidays) {
  // 2024 has 366 days starting on a Monday: 52 weeks + Mon 30 and Tue 31
  // Dec, so 52 x 5 + 2 = 262 weekdays, 262 x 8 h = 2096 h. The DST changes
  // fall on Sundays at 02:00, outside hours.
  const auto plain = calendar(kOffice, "America/New_York");
  const Instant from = at("2024-01-01T00:00:00-05:00");
  const Instant to = at("2025-01-01T00:00:00-05:00");
  EXPECT_EQ(plain.business_duration(from, to), 2096h);
  // The eleven US federal holidays of 2024 all fall on weekdays:
  // (262 - 11) x 8 h = 2008 h.
  const auto federal = calendar(
      "Mon-Fri 09:00-17:00; 2024-01-01, 2024-01-15, 2024-02-19, 2024-05-27, 2024-06-19, 2024-07-04, "
      "2024-09-02, 2024-10-14, 2024-11-11, 2024-11-28, 2024-12-25 closed",
      "America/New_York");
  EXPECT_EQ(federal.business_duration(from, to), 2008h);
}

TEST(BusinessDuration, JoinsRangesThatTouchAcrossMidnight) {
  const auto cal = calendar("Mon 18:00-24:00; Tue 00:00-06:00");
  // Mon 17:00 -> Tue 07:00 UTC: 6 h + 6 h.
  EXPECT_EQ(cal.business_duration(at("2024-06-03T17:00:00Z"), at("2024-06-04T07:00:00Z")), 12h);
  EXPECT_EQ(cal.next_close(at("2024-06-03T19:00:00Z")), at("2024-06-04T06:00:00Z"));
}

TEST(BusinessDuration, HandlesDaysWithManyRanges) {
  // Ten one-hour ranges on Sundays, 00:00-01:00, 02:00-03:00, ..., 18:00-19:00.
  std::string text = "Sun ";
  for (int h = 0; h < 20; h += 2) text += fmt::format("{}{:02}:00-{:02}:00", h == 0 ? "" : ", ", h, h + 1);
  const auto cal = calendar(text, "America/New_York");
  // An ordinary Sunday (2024-06-02): 10 x 1 h.
  EXPECT_EQ(cal.business_duration(at("2024-06-02T00:00:00-04:00"), at("2024-06-03T00:00:00-04:00")), 10h);
  // 2024-03-10: 02:00-03:00 lies wholly in the gap; kCompatible maps both
  // ends to 03:00 EDT, so that range is empty: 9 h.
  EXPECT_EQ(cal.business_duration(at("2024-03-10T00:00:00-05:00"), at("2024-03-11T00:00:00-04:00")), 9h);
  // 2024-11-03: 00:00-01:00 EDT, then 02:00-03:00 EST and the rest: still 10 h
  // (the repeated hour 01:00-02:00 is closed in both passes).
  EXPECT_EQ(cal.business_duration(at("2024-11-03T00:00:00-04:00"), at("2024-11-04T00:00:00-05:00")), 10h);
}

// ---- DST -----------------------------------------------------------------

TEST(BusinessDurationDst, NewYorkLocalDaysLast23And25Hours) {
  const auto cal = calendar("Sun 00:00-24:00", "America/New_York");
  // Spring forward: 2024-03-10 00:00 EST = 05:00Z to 2024-03-11 00:00 EDT = 04:00Z: 23 h.
  EXPECT_EQ(cal.business_duration(at("2024-03-09T00:00:00Z"), at("2024-03-12T00:00:00Z")), 23h);
  // Fall back: 2024-11-03 00:00 EDT = 04:00Z to 2024-11-04 00:00 EST = 05:00Z: 25 h.
  EXPECT_EQ(cal.business_duration(at("2024-11-02T00:00:00Z"), at("2024-11-05T00:00:00Z")), 25h);
}

TEST(BusinessDurationDst, NewYorkNightRangeCountsRealElapsedTime) {
  const auto cal = calendar("Sun 01:00-03:00", "America/New_York");
  // Spring: 01:00 EST = 06:00Z, 03:00 EDT = 07:00Z: 1 h.
  EXPECT_EQ(cal.business_duration(at("2024-03-10T00:00:00Z"), at("2024-03-11T00:00:00Z")), 1h);
  EXPECT_TRUE(cal.is_open(at("2024-03-10T06:59:00Z")));
  EXPECT_FALSE(cal.is_open(at("2024-03-10T07:00:00Z")));
  // Fall: 01:00 is ambiguous, the earlier (EDT) reading is 05:00Z; 03:00 EST = 08:00Z: 3 h.
  EXPECT_EQ(cal.business_duration(at("2024-11-03T00:00:00Z"), at("2024-11-04T00:00:00Z")), 3h);
  // 06:30Z is the second 01:30 (EST): still open.
  EXPECT_TRUE(cal.is_open(at("2024-11-03T06:30:00Z")));
  EXPECT_EQ(cal.next_open(at("2024-11-03T04:30:00Z")), at("2024-11-03T05:00:00Z"));
  EXPECT_EQ(cal.next_close(at("2024-11-03T04:30:00Z")), at("2024-11-03T08:00:00Z"));
}

TEST(BusinessDurationDst, LondonLocalDaysLast23And25Hours) {
  const auto cal = calendar("Sun 00:00-24:00", "Europe/London");
  // Spring: 00:00 GMT = 00:00Z to next midnight BST = 23:00Z: 23 h.
  EXPECT_EQ(cal.business_duration(at("2024-03-30T00:00:00Z"), at("2024-04-02T00:00:00Z")), 23h);
  // Fall: 00:00 BST = 2024-10-26T23:00Z to 2024-10-28 00:00 GMT = 00:00Z: 25 h.
  EXPECT_EQ(cal.business_duration(at("2024-10-26T00:00:00Z"), at("2024-10-29T00:00:00Z")), 25h);
}

TEST(BusinessDurationDst, LondonNightRangeCountsRealElapsedTime) {
  const auto cal = calendar("Sun 01:00-03:00", "Europe/London");
  // Spring: 01:00 lies in the gap and moves forward by it to 02:00 BST =
  // 01:00Z; 03:00 BST = 02:00Z: 1 h.
  EXPECT_EQ(cal.business_duration(at("2024-03-31T00:00:00Z"), at("2024-04-01T00:00:00Z")), 1h);
  // Fall: 01:00 ambiguous, earlier (BST) = 00:00Z; 03:00 GMT = 03:00Z: 3 h.
  EXPECT_EQ(cal.business_duration(at("2024-10-27T00:00:00Z"), at("2024-10-28T00:00:00Z")), 3h);
}

TEST(BusinessDurationDst, RangeEdgesInsideTheGapMoveForwardByTheGap) {
  const auto ny = zone("America/New_York");
  // 02:30 on 2024-03-10 does not exist; kCompatible reads it as 03:30 EDT
  // (07:30Z). 02:30-04:00 is therefore [07:30Z, 08:00Z): 30 min.
  auto starts_in_gap = BusinessCalendar::parse("Sun 02:30-04:00", ny).value();
  EXPECT_EQ(starts_in_gap.business_duration(at("2024-03-10T00:00:00Z"), at("2024-03-11T00:00:00Z")), 30min);
  // 01:00-02:30 is [06:00Z, 07:30Z): 1 h 30 min (until 03:30 EDT).
  auto ends_in_gap = BusinessCalendar::parse("Sun 01:00-02:30", ny).value();
  EXPECT_EQ(ends_in_gap.business_duration(at("2024-03-10T00:00:00Z"), at("2024-03-11T00:00:00Z")), 90min);
  // 02:30-02:45 -> [07:30Z, 07:45Z) lies inside 03:00-04:00 -> [07:00Z, 08:00Z):
  // the union is 1 h, not 1 h 15 min.
  auto shifted_overlap = BusinessCalendar::parse("Sun 02:30-02:45, 03:00-04:00", ny).value();
  EXPECT_EQ(shifted_overlap.business_duration(at("2024-03-10T00:00:00Z"), at("2024-03-11T00:00:00Z")), 1h);
}

TEST(BusinessDurationDst, RangeEdgesInsideTheOverlapTakeTheFirstPass) {
  const auto ny = zone("America/New_York");
  // 01:30 on 2024-11-03 happens twice; the first (EDT) is 05:30Z, and 02:30
  // EST is 07:30Z: 2 h.
  auto across = BusinessCalendar::parse("Sun 01:30-02:30", ny).value();
  EXPECT_EQ(across.business_duration(at("2024-11-03T00:00:00Z"), at("2024-11-04T00:00:00Z")), 2h);
  // 01:00-01:30 covers only the first pass, [05:00Z, 05:30Z).
  auto inside = BusinessCalendar::parse("Sun 01:00-01:30", ny).value();
  EXPECT_EQ(inside.business_duration(at("2024-11-03T00:00:00Z"), at("2024-11-04T00:00:00Z")), 30min);
  EXPECT_FALSE(inside.is_open(at("2024-11-03T06:15:00Z")));  // 01:15 EST, second pass
}

TEST(BusinessDurationDst, MatchesWallClockMinuteSamplingAroundTransitions) {
  // Independent reference: step minute by minute, read the wall clock with
  // TimeZone::to_local and test it against that local date's hours. The
  // two models agree whenever no range edge falls in a gap or overlap,
  // which holds here: the clocks change between 01:00 and 03:00 local on
  // Sundays, and Sunday is open the whole local day.
  std::mt19937_64 rng(20240310);
  for (const char* name : {"America/New_York", "Europe/London"}) {
    const auto cal = calendar(
        "Mon-Fri 08:00-12:00, 13:00-17:30; Sat 10:00-14:00; Sun 00:00-24:00; 2024-03-12 closed; "
        "2024-10-29 09:00-13:00",
        name);
    const TimeZone& tz = cal.zone();
    for (const std::int64_t window_start :
         {at("2024-03-01T00:00:00Z").unix_ms(), at("2024-10-20T00:00:00Z").unix_ms()}) {
      std::uniform_int_distribution<std::int64_t> start_minute(0, 20 * 24 * 60);
      std::uniform_int_distribution<std::int64_t> length_minutes(0, 10 * 24 * 60);
      for (int i = 0; i < 12; ++i) {
        const Instant from = Instant::from_unix_ms(window_start + start_minute(rng) * 60'000);
        const Instant to = from + std::chrono::minutes(length_minutes(rng));
        std::int64_t open_minutes = 0;
        for (Instant m = from; m < to; m += 1min) {
          const LocalTime wall = tz.to_local(m);
          for (const OpeningRange& r : cal.hours_on(wall.date())) {
            if (wall.time_of_day() >= r.begin && wall.time_of_day() < r.end) ++open_minutes;
          }
        }
        EXPECT_EQ(cal.business_duration(from, to), std::chrono::minutes(open_minutes))
            << name << " " << from.to_string() << " -> " << to.to_string();
      }
    }
  }
}

// ---- add_business --------------------------------------------------------

TEST(AddBusiness, StaysInsideOneDay) {
  const auto cal = calendar(kOffice);
  // Mon 09:00 + 3 h = Mon 12:00.
  EXPECT_EQ(cal.add_business(at("2024-06-03T09:00:00Z"), 3h).value(), at("2024-06-03T12:00:00Z"));
}

TEST(AddBusiness, CarriesOverToTheNextOpening) {
  const auto cal = calendar(kOffice);
  // Mon 16:00 + 2 h: 1 h to 17:00, the other hour Tue 09:00-10:00.
  EXPECT_EQ(cal.add_business(at("2024-06-03T16:00:00Z"), 2h).value(), at("2024-06-04T10:00:00Z"));
  // Fri 16:00 + 2 h: 1 h Friday, 1 h Monday -> Mon 10:00.
  EXPECT_EQ(cal.add_business(at("2024-06-07T16:00:00Z"), 2h).value(), at("2024-06-10T10:00:00Z"));
}

TEST(AddBusiness, StartsTheClockAtTheNextOpeningWhenClosed) {
  const auto cal = calendar(kOffice);
  // Sat 10:00 + 1 h: the clock starts Mon 09:00 -> Mon 10:00.
  EXPECT_EQ(cal.add_business(at("2024-06-01T10:00:00Z"), 1h).value(), at("2024-06-03T10:00:00Z"));
}

TEST(AddBusiness, LandingExactlyOnAClosingTimeReturnsTheClose) {
  const auto cal = calendar(kOffice);
  // Mon 09:00 + 8 h = Mon 17:00 (the close), not Tue 09:00.
  EXPECT_EQ(cal.add_business(at("2024-06-03T09:00:00Z"), 8h).value(), at("2024-06-03T17:00:00Z"));
  // Zero business time is due at once, even while closed.
  EXPECT_EQ(cal.add_business(at("2024-06-01T10:00:00Z"), 0ms).value(), at("2024-06-01T10:00:00Z"));
}

TEST(AddBusiness, SkipsHolidaysAndUsesSpecialDays) {
  const auto cal = calendar("Mon-Fri 09:00-17:00; 2024-12-24 09:00-13:00; 2024-12-25 closed");
  // Mon 23 Dec 15:00 + 8 h: Mon 2 h, Tue (short) 4 h, Wed closed, Thu 2 h -> Thu 11:00.
  EXPECT_EQ(cal.add_business(at("2024-12-23T15:00:00Z"), 8h).value(), at("2024-12-26T11:00:00Z"));
}

TEST(AddBusiness, CountsRealTimeAcrossDstChanges) {
  const auto cal = calendar("Sun 01:00-03:00", "America/New_York");
  // Spring: 2024-03-10 gives only [06:00Z, 07:00Z) = 1 h; the remaining
  // 30 min come on Sun 17 Mar from 01:00 EDT = 05:00Z -> 05:30Z.
  EXPECT_EQ(cal.add_business(at("2024-03-10T00:00:00-05:00"), 90min).value(), at("2024-03-17T05:30:00Z"));
  // Fall: 2024-11-03 gives [05:00Z, 08:00Z); 2 h 30 min in -> 07:30Z (02:30 EST).
  EXPECT_EQ(cal.add_business(at("2024-11-03T00:00:00-04:00"), 150min).value(), at("2024-11-03T07:30:00Z"));
}

TEST(AddBusiness, AYearOfBusinessTimeEndsAtTheLastClose) {
  // 2096 h is all of 2024's open time (see AddsUpAWholeYearWithHolidays);
  // the earliest instant reaching it is the close of Tue 2024-12-31,
  // 17:00 EST = 22:00Z.
  const auto cal = calendar(kOffice, "America/New_York");
  EXPECT_EQ(cal.add_business(at("2024-01-01T00:00:00-05:00"), 2096h).value(), at("2024-12-31T22:00:00Z"));
}

TEST(AddBusiness, RejectsNegativeDurationsAndCalendarsThatNeverOpen) {
  const auto cal = calendar(kOffice);
  auto negative = cal.add_business(at("2024-06-03T09:00:00Z"), -1h);
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(negative.error().field, "duration");
  EXPECT_EQ(negative.error().value, "-1:00:00");

  const auto closed = calendar("2024-12-24 09:00-13:00");
  EXPECT_EQ(closed.add_business(at("2024-12-01T00:00:00Z"), 4h).value(), at("2024-12-24T13:00:00Z"));
  auto too_long = closed.add_business(at("2024-12-01T00:00:00Z"), 5h);
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.error().field, "duration");
}

TEST(AddBusiness, RoundTripsWithBusinessDuration) {
  // Property: for the earliest due instant u = add_business(t, d),
  // business_duration(t, u) == d and business_duration(t, u - 1 ms) < d.
  const auto cal = calendar(
      "Mon-Fri 08:00-12:00, 13:00-17:30; Sat 10:00-14:00; Sun 01:00-03:00; 2024-07-04 closed; "
      "2024-12-24 09:00-13:00; 2024-12-25 closed",
      "America/New_York");
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<std::int64_t> start_ms(at("2024-01-01T00:00:00Z").unix_ms(),
                                                       at("2025-01-01T00:00:00Z").unix_ms());
  std::uniform_int_distribution<std::int64_t> length_ms(1, 30LL * 24 * 3600 * 1000);
  for (int i = 0; i < 500; ++i) {
    const Instant t = Instant::from_unix_ms(start_ms(rng));
    const Milliseconds d(length_ms(rng));
    const auto u = cal.add_business(t, d);
    ASSERT_TRUE(u.ok()) << u.error().to_string();
    EXPECT_EQ(cal.business_duration(t, *u), d) << t.to_string() << " + " << d.count() << " ms";
    EXPECT_LT(cal.business_duration(t, *u - 1ms), d) << t.to_string() << " + " << d.count() << " ms";
  }
}

// ---- is_open / next_open / next_close -------------------------------------

TEST(BusinessHours, OpenIncludesTheOpeningAndExcludesTheClosingInstant) {
  const auto cal = calendar("Mon-Fri 08:00-12:00, 13:00-17:30");
  EXPECT_TRUE(cal.is_open(at("2024-06-03T08:00:00Z")));
  EXPECT_FALSE(cal.is_open(at("2024-06-03T12:00:00Z")));
  EXPECT_FALSE(cal.is_open(at("2024-06-01T10:00:00Z")));  // Saturday
  EXPECT_EQ(cal.next_open(at("2024-06-03T12:30:00Z")), at("2024-06-03T13:00:00Z"));
  EXPECT_EQ(cal.next_open(at("2024-06-03T09:00:00Z")), at("2024-06-03T09:00:00Z"));
  EXPECT_EQ(cal.next_close(at("2024-06-03T09:00:00Z")), at("2024-06-03T12:00:00Z"));
  // Closed on Friday evening: next opening Mon 08:00, which closes at 12:00.
  EXPECT_EQ(cal.next_open(at("2024-06-07T18:00:00Z")), at("2024-06-10T08:00:00Z"));
  EXPECT_EQ(cal.next_close(at("2024-06-07T18:00:00Z")), at("2024-06-10T12:00:00Z"));
}

TEST(BusinessHours, AlwaysOpenNeverClosesAndEmptyNeverOpens) {
  const auto always = calendar("Mon-Sun 00:00-24:00", "Europe/London");
  EXPECT_TRUE(always.is_open(at("2024-03-31T01:30:00Z")));
  EXPECT_EQ(always.next_close(at("2024-06-03T09:00:00Z")), std::nullopt);
  const auto never = calendar("");
  EXPECT_FALSE(never.is_open(at("2024-06-03T09:00:00Z")));
  EXPECT_EQ(never.next_open(at("2024-06-03T09:00:00Z")), std::nullopt);
  EXPECT_EQ(never.business_duration(at("2024-01-01T00:00:00Z"), at("2025-01-01T00:00:00Z")), 0ms);
}

TEST(BusinessHours, SpecialDaysReplaceAndHolidaysCloseTheWeeklyPattern) {
  const auto cal = calendar("Mon-Fri 09:00-17:00; 2024-12-24 09:00-13:00; 2024-12-25 closed");
  const auto d = [](const char* s) { return LocalDate::parse(s).value(); };
  ASSERT_EQ(cal.hours_on(d("2024-12-24")).size(), 1u);
  EXPECT_EQ(cal.hours_on(d("2024-12-24"))[0], (OpeningRange{9h, 13h}));
  EXPECT_TRUE(cal.hours_on(d("2024-12-25")).empty());
  EXPECT_EQ(cal.hours_on(d("2024-12-26"))[0], (OpeningRange{9h, 17h}));
}

// ---- text form and validation --------------------------------------------

TEST(BusinessCalendarText, ParsesAndPrintsTheCanonicalForm) {
  const auto cal = calendar(
      " mon-FRI 08:00-12:00 ,13:00 - 17:30 ; Saturday 10:00-14:00; 2024-12-25 closed; 2024-12-24 "
      "09:00-13:00;");
  EXPECT_EQ(cal.to_string(),
            "Mon-Fri 08:00-12:00, 13:00-17:30; Sat 10:00-14:00; 2024-12-24 09:00-13:00; 2024-12-25 closed");
  EXPECT_EQ(BusinessCalendar::parse(cal.to_string(), cal.zone()).value(), cal);
  EXPECT_EQ(fmt::format("{}", cal), cal.to_string());
}

TEST(BusinessCalendarText, WeekdayRangesWrapPastSunday) {
  const auto cal = calendar("Sun-Thu 09:00-17:00");
  EXPECT_EQ(cal.weekly_hours(std::chrono::Sunday).size(), 1u);
  EXPECT_EQ(cal.weekly_hours(std::chrono::Thursday).size(), 1u);
  EXPECT_TRUE(cal.weekly_hours(std::chrono::Friday).empty());
  EXPECT_TRUE(cal.weekly_hours(std::chrono::Saturday).empty());
  EXPECT_EQ(cal.to_string(), "Mon-Thu 09:00-17:00; Sun 09:00-17:00");
}

TEST(BusinessCalendarText, MergesTouchingRangesAndKeepsSeconds) {
  const auto cal = calendar("Mon 08:00-12:00, 12:00-13:00:30");
  EXPECT_EQ(cal.to_string(), "Mon 08:00-13:00:30");
}

TEST(BusinessCalendarText, MalformedTextIsAnErrorNamingTheInputAndItem) {
  struct Case {
    const char* text;
    ErrorCode code;
    const char* message_part;
  };
  const Case cases[] = {
      {"Mon-Fri 9-17", ErrorCode::kParse, "item 1 'Mon-Fri 9-17': expected a time HH:MM"},
      {"Mon-Fri 09:00-17:00; Xyz 09:00-10:00", ErrorCode::kParse,
       "item 2 'Xyz 09:00-10:00': expected a weekday"},
      {"Mon 09:00", ErrorCode::kParse, "expected '-' between two times"},
      {"Mon 09:00-17:00 lunch", ErrorCode::kParse, "unexpected text 'lunch'"},
      {"Mon", ErrorCode::kParse, "expected opening hours"},
      {"Mon open", ErrorCode::kParse, "found 'open'"},
      {"Mon 09:00-25:00", ErrorCode::kParse, "expected a time HH:MM (00:00..24:00) at '25:00'"},
      {"Mon 09:00-24:30", ErrorCode::kParse, "at '24:30'"},
      {"2024-02-30 closed", ErrorCode::kParse, "expected a date YYYY-MM-DD"},
      {"Mon-Fri 09:00-17:00; Mon 18:00-19:00", ErrorCode::kParse, "Mon already has hours from item 1"},
      {"2024-12-24 closed; 2024-12-24 09:00-13:00", ErrorCode::kParse,
       "2024-12-24 already has hours from item 1"},
      {"Mon 10:00-09:00", ErrorCode::kValidation,
       "opening_hours.Mon 10:00-09:00: range must end after it starts"},
      {"Tue 09:00-12:00, 11:00-13:00", ErrorCode::kValidation,
       "opening_hours.Tue 11:00-13:00: overlaps or comes before the previous range 09:00-12:00"},
      {"Wed 13:00-17:00, 09:00-12:00", ErrorCode::kValidation, "opening_hours.Wed 09:00-12:00: overlaps"},
      {"Sun 24:00-24:00", ErrorCode::kValidation, "opening_hours.Sun 24:00-24:00: range must lie within"},
      {"2024-12-24 13:00-17:00, 09:00-12:00", ErrorCode::kValidation, "special_day.2024-12-24 09:00-12:00"},
  };
  for (const Case& c : cases) {
    auto r = BusinessCalendar::parse(c.text, TimeZone::utc());
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.error().code, c.code) << c.text;
    EXPECT_EQ(r.error().field, "calendar") << c.text;
    EXPECT_EQ(r.error().value, c.text);
    EXPECT_NE(r.error().message.find(c.message_part), std::string::npos)
        << c.text << " -> " << r.error().message;
  }
}

TEST(BusinessCalendarBuilder, ErrorsNameTheWeekdayAndTheRange) {
  auto reversed = BusinessCalendarBuilder(TimeZone::utc()).open(std::chrono::Monday, 9h, 8h).build();
  ASSERT_FALSE(reversed.ok());
  EXPECT_EQ(reversed.error().code, ErrorCode::kValidation);
  EXPECT_EQ(reversed.error().field, "opening_hours.Mon");
  EXPECT_EQ(reversed.error().value, "09:00-08:00");

  auto outside = BusinessCalendarBuilder().open(std::chrono::Friday, -1h, 2h).build();
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.error().field, "opening_hours.Fri");
  EXPECT_EQ(outside.error().value, "-01:00-02:00");

  const LocalDate eve = LocalDate::parse("2024-12-24").value();
  auto both = BusinessCalendarBuilder().holiday(eve).special_hours(eve, 9h, 13h).build();
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.error().field, "special_day");
  EXPECT_EQ(both.error().value, "2024-12-24");

  auto built = BusinessCalendarBuilder(zone("Europe/London"))
                   .open(std::chrono::Monday, std::chrono::Friday, 8h, 12h)
                   .open(std::chrono::Monday, std::chrono::Friday, 13h, 17h + 30min)
                   .holiday(LocalDate::parse("2024-12-25").value())
                   .build();
  ASSERT_TRUE(built.ok()) << built.error().to_string();
  EXPECT_EQ(built->to_string(), "Mon-Fri 08:00-12:00, 13:00-17:30; 2024-12-25 closed");
}

TEST(BusinessCalendarDomain, InstantsOutsideTheSupportedYearsAreClosed) {
  const auto cal = calendar("Mon-Sun 00:00-24:00");
  const Instant far_past = Instant::from_unix_ms(std::numeric_limits<std::int64_t>::min());
  const Instant far_future = Instant::from_unix_ms(std::numeric_limits<std::int64_t>::max());
  EXPECT_FALSE(cal.is_open(far_past));
  EXPECT_FALSE(cal.is_open(far_future));
  EXPECT_EQ(cal.next_open(far_future), std::nullopt);
  EXPECT_FALSE(cal.add_business(far_future, 1h).ok());
  // 0001-01-01 .. 9999-12-31 is 3652059 days (proleptic Gregorian).
  EXPECT_EQ(cal.business_duration(far_past, far_future), 3'652'059LL * 24h);
}
