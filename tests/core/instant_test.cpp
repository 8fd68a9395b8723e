#include <backoffice/core/instant.hpp>
#include <backoffice/core/time_zone.hpp>

#include <gtest/gtest.h>

using namespace backoffice;

// Expected Unix times computed independently with GNU date, e.g.
// `date -u -d 2024-03-10T07:00:00Z +%s` = 1710054000.

TEST(InstantParse, ReadsZuluTime) {
  auto t = Instant::parse("2024-03-10T07:00:00Z");
  ASSERT_TRUE(t.ok()) << t.error().to_string();
  EXPECT_EQ(t->unix_ms(), 1710054000000);
}

TEST(InstantParse, AppliesPositiveAndNegativeOffsets) {
  // 2024-03-10T02:00:00-05:00 == 07:00Z; 12:30+05:30 == 07:00Z.
  EXPECT_EQ(Instant::parse("2024-03-10T02:00:00-05:00")->unix_ms(), 1710054000000);
  EXPECT_EQ(Instant::parse("2024-03-10T12:30:00+05:30")->unix_ms(), 1710054000000);
  EXPECT_EQ(Instant::parse("2024-03-10T12:30:00+0530")->unix_ms(), 1710054000000);
  // 12:00+04 is 08:00Z, one hour after the reference.
  EXPECT_EQ(Instant::parse("2024-03-10T12:00:00+04")->unix_ms(), 1710054000000 + 3600'000);
}

TEST(InstantParse, KeepsMillisecondsAndTruncatesFinerFractions) {
  EXPECT_EQ(Instant::parse("1970-01-01T00:00:01.5Z")->unix_ms(), 1500);
  EXPECT_EQ(Instant::parse("1970-01-01T00:00:01.123999Z")->unix_ms(), 1123);
  EXPECT_EQ(Instant::parse("1970-01-01 00:00:00.042z")->unix_ms(), 42);
}

TEST(InstantParse, HandlesDatesBeforeTheEpochAndLeapDays) {
  // date -u -d 1969-12-31T23:59:59Z +%s = -1
  EXPECT_EQ(Instant::parse("1969-12-31T23:59:59Z")->unix_ms(), -1000);
  // date -u -d 2000-02-29T00:00:00Z +%s = 951782400
  EXPECT_EQ(Instant::parse("2000-02-29T00:00:00Z")->unix_ms(), 951782400000);
}

TEST(InstantParse, MalformedTextIsAParseErrorNamingTheInput) {
  for (const char* bad : {"", "2024-13-01T00:00Z", "2023-02-29T00:00Z", "2024-01-01T24:00Z",
                          "2024-01-01T10:61Z", "2024-01-01", "2024-01-01T10:00", "2024-01-01T10:00:00+2",
                          "2024-01-01T10:00:00Zjunk", "24-01-01T10:00Z", "2024-01-01X10:00Z",
                          "2024-01-01T10:00:60Z"}) {
    auto t = Instant::parse(bad);
    ASSERT_FALSE(t.ok()) << bad;
    EXPECT_EQ(t.error().code, ErrorCode::kParse) << bad;
    EXPECT_EQ(t.error().value, bad);
    EXPECT_NE(t.error().to_string().find(bad), std::string::npos) << t.error().to_string();
  }
}

TEST(InstantFormat, RoundTripsThroughText) {
  for (std::int64_t ms : {0LL, 1710054000000LL, 1710054000123LL, -1LL, -86'400'001LL, 253402300799999LL}) {
    const auto t = Instant::from_unix_ms(ms);
    auto back = Instant::parse(t.to_string());
    ASSERT_TRUE(back.ok()) << t.to_string();
    EXPECT_EQ(*back, t) << t.to_string();
  }
  EXPECT_EQ(Instant::from_unix_ms(1710054000000).to_string(), "2024-03-10T07:00:00Z");
  EXPECT_EQ(Instant::from_unix_ms(1710054000120).to_string(), "2024-03-10T07:00:00.120Z");
  EXPECT_EQ(fmt::format("{}", Instant::from_unix_ms(-1)), "1969-12-31T23:59:59.999Z");
}

TEST(InstantFormat, WritesLocalTimeWithItsOffset) {
  auto ny = TimeZone::locate("America/New_York").value();
  EXPECT_EQ(Instant::from_unix_ms(1710054000000).to_string_in(ny), "2024-03-10T03:00:00-04:00");
  auto kolkata = TimeZone::locate("Asia/Kolkata").value();
  EXPECT_EQ(Instant::from_unix_ms(1710054000000).to_string_in(kolkata), "2024-03-10T12:30:00+05:30");
}

TEST(InstantArithmetic, AddsAndSubtractsDurations) {
  using namespace std::chrono_literals;
  const auto a = Instant::parse("2024-01-01T00:00:00Z").value();
  const auto b = a + 90min;
  EXPECT_EQ(b.to_string(), "2024-01-01T01:30:00Z");
  EXPECT_EQ(b - a, std::chrono::milliseconds(90 * 60'000));
  EXPECT_LT(a, b);
}
