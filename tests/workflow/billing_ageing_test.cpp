#include <backoffice/workflow/billing_ageing.hpp>

#include "workflow/order_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <limits>
#include <random>
#include <vector>

using namespace backoffice;
using namespace backoffice::order_testing;

namespace {

std::int32_t d(std::string_view ymd) { return day(ymd).days_since_epoch(); }

}  // namespace

TEST(AgeingBucket, BoundariesAreInclusiveUpperDays) {
  EXPECT_EQ(ageing_bucket(-5), AgeingBucket::kCurrent);
  EXPECT_EQ(ageing_bucket(0), AgeingBucket::kCurrent);
  EXPECT_EQ(ageing_bucket(1), AgeingBucket::kDays1To30);
  EXPECT_EQ(ageing_bucket(30), AgeingBucket::kDays1To30);
  EXPECT_EQ(ageing_bucket(31), AgeingBucket::kDays31To60);
  EXPECT_EQ(ageing_bucket(60), AgeingBucket::kDays31To60);
  EXPECT_EQ(ageing_bucket(61), AgeingBucket::kDays61To90);
  EXPECT_EQ(ageing_bucket(90), AgeingBucket::kDays61To90);
  EXPECT_EQ(ageing_bucket(91), AgeingBucket::kOver90);
  EXPECT_EQ(to_string(AgeingBucket::kOver90), "90+");
}

TEST(AgeReceivables, HandCountedDaysLandInTheRightBuckets) {
  // As of 2024-05-01. Days past due, counted on a calendar:
  //   05-01: 0 (current)          04-01: 30 (April has 30 days) -> 1-30
  //   03-31: 31 -> 31-60          03-02: 30 + 30 = 60 -> 31-60
  //   03-01: 61 -> 61-90          02-01: 29 (Feb 2024) + 61 = 90 -> 61-90
  //   01-31: 30 + 61 = 91 -> 90+
  const std::vector<std::int64_t> customer{1, 1, 1, 1, 2, 2, 2};
  const std::vector<std::int32_t> due{d("2024-05-01"), d("2024-04-01"), d("2024-03-31"), d("2024-03-02"),
                                      d("2024-03-01"), d("2024-02-01"), d("2024-01-31")};
  const std::vector<std::int64_t> open{100, 200, 300, 400, 500, 600, 700};
  const std::vector<Currency> currencies{Currency::of("USD").value()};
  AgeingReport r = age_receivables({customer, due, open, {}, currencies}, day("2024-05-01")).value();
  ASSERT_EQ(r.customers.size(), 2u);
  const AgeingRow& c1 = r.customers[0];
  EXPECT_EQ(c1.customer, CustomerId{1});
  EXPECT_EQ(c1.bucket_minor, (std::array<std::int64_t, 5>{100, 200, 700, 0, 0}));  // 300 + 400 = 700
  EXPECT_EQ(c1.total(), usd(1000));
  EXPECT_EQ(c1.items, 4);
  const AgeingRow& c2 = r.customers[1];
  EXPECT_EQ(c2.bucket_minor, (std::array<std::int64_t, 5>{0, 0, 0, 1100, 700}));  // 500 + 600
  ASSERT_EQ(r.totals.size(), 1u);
  EXPECT_EQ(r.totals[0].bucket_minor, (std::array<std::int64_t, 5>{100, 200, 700, 1100, 700}));
  EXPECT_EQ(r.totals[0].total(), usd(2800));
}

TEST(AgeReceivables, CurrenciesAreNeverAddedTogether) {
  const std::vector<std::int64_t> customer{5, 5, 4};
  const std::vector<std::int32_t> due{d("2024-04-20"), d("2024-04-20"), d("2024-04-20")};
  const std::vector<std::int64_t> open{1000, 2000, 50};
  const std::vector<std::int32_t> currency{0, 1, 1};
  const std::vector<Currency> currencies{Currency::of("USD").value(), Currency::of("EUR").value()};
  AgeingReport r = age_receivables({customer, due, open, currency, currencies}, day("2024-05-01")).value();
  // Sorted by currency code (EUR before USD), then customer.
  ASSERT_EQ(r.customers.size(), 3u);
  EXPECT_EQ(r.customers[0].currency.code(), "EUR");
  EXPECT_EQ(r.customers[0].customer, CustomerId{4});
  EXPECT_EQ(r.customers[1].customer, CustomerId{5});
  EXPECT_EQ(r.customers[2].currency.code(), "USD");
  ASSERT_EQ(r.totals.size(), 2u);
  EXPECT_EQ(r.totals[0].bucket(AgeingBucket::kDays1To30), money(2050, "EUR"));  // 11 days past due
  EXPECT_EQ(r.totals[1].bucket(AgeingBucket::kDays1To30), usd(1000));
}

TEST(AgeReceivables, TheAsOfDateIsTheLocalDateInTheZoneAcrossADstChange) {
  // Europe/London moves to BST at 2024-03-31T01:00Z. At 23:30Z that day it
  // is already 00:30 on April 1 in London, so an invoice due March 31 is one
  // day past due there, while in UTC it is still due today.
  const std::vector<std::int64_t> customer{1, 1};
  const std::vector<std::int32_t> due{d("2024-03-31"), d("2024-04-01")};
  const std::vector<std::int64_t> open{100, 200};
  const std::vector<Currency> currencies{Currency::of("GBP").value()};
  const ReceivableColumns cols{customer, due, open, {}, currencies};
  const Instant as_of = at("2024-03-31T23:30:00Z");
  const TimeZone london = TimeZone::locate("Europe/London").value();
  AgeingReport local = age_receivables(cols, as_of, london).value();
  EXPECT_EQ(local.as_of, day("2024-04-01"));
  EXPECT_EQ(local.totals[0].bucket_minor, (std::array<std::int64_t, 5>{200, 100, 0, 0, 0}));
  AgeingReport utc = age_receivables(cols, as_of, TimeZone::utc()).value();
  EXPECT_EQ(utc.totals[0].bucket_minor, (std::array<std::int64_t, 5>{300, 0, 0, 0, 0}));
}

TEST(LocalDays, CountsCalendarDaysNotTwentyFourHourBlocks) {
  // 23:30Z on March 30 is 23:30 GMT (March 30); 24 hours later it is 00:30
  // BST on April 1: two calendar days apart in London.
  const TimeZone london = TimeZone::locate("Europe/London").value();
  const std::vector<std::int64_t> ms{at("2024-03-30T23:30:00Z").unix_ms(),
                                     at("2024-03-31T23:30:00Z").unix_ms(),
                                     at("1969-12-31T23:00:00Z").unix_ms()};
  std::vector<std::int32_t> out(3);
  ASSERT_TRUE(local_days(ms, london, out).ok());
  EXPECT_EQ(out[0], d("2024-03-30"));
  EXPECT_EQ(out[1], d("2024-04-01"));
  // Before 1970 the floor division still gives the right day. (London was on
  // UTC+1 all year in 1968-71, so 23:00Z is midnight of January 1, 1970.)
  EXPECT_EQ(out[2], d("1970-01-01"));
  std::vector<std::int32_t> small(2);
  EXPECT_TRUE(fails_with(local_days(ms, london, small), ErrorCode::kInvalidArgument, "out", "2"));
  const std::vector<std::int64_t> absurd{0, std::numeric_limits<std::int64_t>::max()};
  EXPECT_TRUE(fails_with(local_days(absurd, london, small), ErrorCode::kInvalidArgument, "instants_ms[1]"));
}

TEST(AgeReceivables, RejectsBadColumnsAndOverflow) {
  const std::vector<Currency> usd_only{Currency::of("USD").value()};
  const std::vector<std::int64_t> customer{1, 1};
  const std::vector<std::int32_t> due{0, 0};
  const std::vector<std::int32_t> short_due{0};
  const std::vector<std::int64_t> negative{5, -5};
  const std::vector<std::int64_t> huge{std::numeric_limits<std::int64_t>::max(), 1};
  const LocalDate as_of = day("2024-05-01");
  EXPECT_TRUE(fails_with(age_receivables({customer, short_due, huge, {}, usd_only}, as_of),
                         ErrorCode::kInvalidArgument, "due_day", "1"));
  EXPECT_TRUE(fails_with(age_receivables({customer, due, negative, {}, usd_only}, as_of),
                         ErrorCode::kInvalidArgument, "open_minor[1]", "-5"));
  EXPECT_TRUE(fails_with(age_receivables({customer, due, huge, {}, usd_only}, as_of), ErrorCode::kOverflow,
                         "open_minor"));
  EXPECT_TRUE(fails_with(age_receivables({customer, due, huge, {}, {}}, as_of), ErrorCode::kInvalidArgument,
                         "currencies"));
  const std::vector<Currency> twice{Currency::of("USD").value(), Currency::of("USD").value()};
  EXPECT_TRUE(fails_with(age_receivables({customer, due, huge, {}, twice}, as_of),
                         ErrorCode::kInvalidArgument, "currencies[1]", "USD"));
  const std::vector<std::int32_t> bad_currency{0, 1};
  const std::vector<std::int64_t> fine{5, 5};
  EXPECT_TRUE(fails_with(age_receivables({customer, due, fine, bad_currency, usd_only}, as_of),
                         ErrorCode::kInvalidArgument, "currency[1]", "1"));
}

TEST(AgeReceivables, RowOrderDoesNotMatterAndBucketsAddUpToTheOpenBalances) {
  // 5000 deterministic rows (seed 11) over 40 customers and 2 currencies.
  std::mt19937_64 rng(11);
  std::vector<std::int64_t> customer, open;
  std::vector<std::int32_t> due, currency;
  std::array<std::int64_t, 2> expected_total{};
  for (int i = 0; i < 5000; ++i) {
    customer.push_back(static_cast<std::int64_t>(rng() % 40));
    due.push_back(d("2024-05-01") - 150 + static_cast<std::int32_t>(rng() % 200));
    open.push_back(static_cast<std::int64_t>(rng() % 100'000));
    currency.push_back(static_cast<std::int32_t>(rng() % 2));
    expected_total[static_cast<std::size_t>(currency.back())] += open.back();
  }
  const std::vector<Currency> currencies{Currency::of("USD").value(), Currency::of("EUR").value()};
  const AgeingReport a =
      age_receivables({customer, due, open, currency, currencies}, day("2024-05-01")).value();
  // The same rows reversed.
  std::reverse(customer.begin(), customer.end());
  std::reverse(due.begin(), due.end());
  std::reverse(open.begin(), open.end());
  std::reverse(currency.begin(), currency.end());
  const AgeingReport b =
      age_receivables({customer, due, open, currency, currencies}, day("2024-05-01")).value();
  ASSERT_EQ(a.customers.size(), b.customers.size());
  for (std::size_t i = 0; i < a.customers.size(); ++i) {
    EXPECT_EQ(a.customers[i].customer, b.customers[i].customer);
    EXPECT_EQ(a.customers[i].bucket_minor, b.customers[i].bucket_minor);
  }
  ASSERT_EQ(a.totals.size(), 2u);  // EUR, USD
  EXPECT_EQ(a.totals[0].total_minor, expected_total[1]);
  EXPECT_EQ(a.totals[1].total_minor, expected_total[0]);
  for (const AgeingRow& t : a.totals) {
    std::int64_t sum = 0;
    for (std::int64_t v : t.bucket_minor) sum += v;
    EXPECT_EQ(sum, t.total_minor);
  }
}

TEST(LocalDays, MatchesTheZonesOwnConversionForUnsortedInstantsOverManyDstChanges) {
  // 3000 instants (seed 5) in random order over 2022-2025 in New York: the
  // window cache must give what TimeZone::to_local gives one by one.
  const TimeZone ny = TimeZone::locate("America/New_York").value();
  std::mt19937_64 rng(5);
  const std::int64_t from = at("2022-01-01T00:00:00Z").unix_ms();
  const std::int64_t span = at("2025-12-31T00:00:00Z").unix_ms() - from;
  std::vector<std::int64_t> ms;
  for (int i = 0; i < 3000; ++i)
    ms.push_back(from + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(span)));
  std::vector<std::int32_t> out(ms.size());
  ASSERT_TRUE(local_days(ms, ny, out).ok());
  for (std::size_t i = 0; i < ms.size(); ++i) {
    ASSERT_EQ(out[i], ny.to_local(Instant::from_unix_ms(ms[i])).date().days_since_epoch()) << ms[i];
  }
}
