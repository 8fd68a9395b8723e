#include <backoffice/core/time_zone.hpp>

#include <gtest/gtest.h>

using namespace backoffice;
using namespace std::chrono_literals;

// Transition instants are from the IANA tz database rules (US: second Sunday
// of March 02:00 local, first Sunday of November 02:00; EU: last Sunday of
// March/October 01:00 UTC), cross-checked with `zdump -v`.

namespace {
Instant at(const char* text) { return Instant::parse(text).value(); }
LocalTime local(const char* text) { return LocalTime::parse(text).value(); }
}  // namespace

TEST(TimeZoneLocate, FindsIanaZonesAndRejectsUnknownNames) {
  EXPECT_TRUE(TimeZone::locate("America/New_York").ok());
  EXPECT_TRUE(TimeZone::locate("Europe/London").ok());
  EXPECT_TRUE(TimeZone::locate("Asia/Kolkata").ok());
  EXPECT_EQ(TimeZone::locate("UTC")->name(), "UTC");
  auto bad = TimeZone::locate("Mars/Olympus_Mons");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(bad.error().field, "time_zone");
  EXPECT_EQ(bad.error().value, "Mars/Olympus_Mons");
}

TEST(TimeZoneNewYork, OffsetChangesAtSpringForwardAndFallBack) {
  auto ny = TimeZone::locate("America/New_York").value();
  EXPECT_EQ(ny.offset_at(at("2024-03-10T06:59:59Z")), -5h);
  EXPECT_EQ(ny.offset_at(at("2024-03-10T07:00:00Z")), -4h);
  EXPECT_EQ(ny.offset_at(at("2024-11-03T05:59:59Z")), -4h);
  EXPECT_EQ(ny.offset_at(at("2024-11-03T06:00:00Z")), -5h);
  EXPECT_EQ(ny.to_local(at("2024-03-10T07:00:00Z")).to_string(), "2024-03-10T03:00:00");
}

TEST(TimeZoneNewYork, GapTimesShiftForwardByDefaultAndCanBeRejected) {
  auto ny = TimeZone::locate("America/New_York").value();
  // 02:30 does not exist on 2024-03-10: compatible rule reads it with the
  // pre-transition offset (-5h), i.e. 07:30Z == 03:30 EDT.
  EXPECT_EQ(ny.to_instant(local("2024-03-10T02:30:00")).value(), at("2024-03-10T07:30:00Z"));
  EXPECT_EQ(ny.to_instant(local("2024-03-10T02:30:00"), Disambiguation::kEarlier).value(),
            at("2024-03-10T07:00:00Z"));
  auto rejected = ny.to_instant(local("2024-03-10T02:30:00"), Disambiguation::kReject);
  ASSERT_FALSE(rejected.ok());
  EXPECT_EQ(rejected.error().value, "2024-03-10T02:30:00");
}

TEST(TimeZoneNewYork, OverlapTimesTakeTheEarlierInstantByDefault) {
  auto ny = TimeZone::locate("America/New_York").value();
  // 01:30 happens twice on 2024-11-03: 05:30Z (EDT) and 06:30Z (EST).
  EXPECT_EQ(ny.to_instant(local("2024-11-03T01:30:00")).value(), at("2024-11-03T05:30:00Z"));
  EXPECT_EQ(ny.to_instant(local("2024-11-03T01:30:00"), Disambiguation::kLater).value(),
            at("2024-11-03T06:30:00Z"));
  EXPECT_FALSE(ny.to_instant(local("2024-11-03T01:30:00"), Disambiguation::kReject).ok());
}

TEST(TimeZoneLondon, BritishSummerTimeStartsAndEndsAtOneUtc) {
  auto london = TimeZone::locate("Europe/London").value();
  EXPECT_EQ(london.offset_at(at("2024-03-31T00:59:59Z")), 0h);
  EXPECT_EQ(london.offset_at(at("2024-03-31T01:00:00Z")), 1h);
  EXPECT_EQ(london.offset_at(at("2024-10-27T00:59:59Z")), 1h);
  EXPECT_EQ(london.offset_at(at("2024-10-27T01:00:00Z")), 0h);
  EXPECT_EQ(london.next_transition(at("2024-06-01T00:00:00Z")).value(), at("2024-10-27T01:00:00Z"));
}

TEST(TimeZoneKolkata, HasAFixedHalfHourOffset) {
  auto kolkata = TimeZone::locate("Asia/Kolkata").value();
  EXPECT_EQ(kolkata.offset_at(at("2024-01-01T00:00:00Z")), 5h + 30min);
  EXPECT_EQ(kolkata.offset_at(at("2024-07-01T00:00:00Z")), 5h + 30min);
  EXPECT_EQ(kolkata.to_instant(local("2024-07-01T05:30:00")).value(), at("2024-07-01T00:00:00Z"));
}

TEST(TimeZoneParse, ReadsOffsetlessTextInTheGivenZone) {
  auto ny = TimeZone::locate("America/New_York").value();
  EXPECT_EQ(Instant::parse_in("2024-07-04 09:00:00", ny).value(), at("2024-07-04T13:00:00Z"));
  // An explicit offset wins over the zone.
  EXPECT_EQ(Instant::parse_in("2024-07-04T09:00:00Z", ny).value(), at("2024-07-04T09:00:00Z"));
}

TEST(TimeZoneRoundTrip, LocalAndBackIsIdentityOutsideOverlaps) {
  auto ny = TimeZone::locate("America/New_York").value();
  // Every 17 minutes through 2024, skipping the repeated hour.
  for (auto t = at("2024-01-01T00:00:00Z"); t < at("2025-01-01T00:00:00Z"); t += 17min) {
    const auto lt = ny.to_local(t);
    auto back = ny.to_instant(lt, Disambiguation::kReject);
    if (!back.ok()) continue;  // ambiguous hour
    ASSERT_EQ(*back, t) << t.to_string();
  }
}
