#include <backoffice/core/money.hpp>

#include <gtest/gtest.h>

#include <numeric>

using namespace backoffice;

namespace {
Money usd(std::int64_t cents) { return Money::of_minor(cents, "USD").value(); }
}  // namespace

TEST(Currency, KnowsMinorDigitsFromIso4217) {
  EXPECT_EQ(Currency::of("USD")->minor_digits(), 2);
  EXPECT_EQ(Currency::of("JPY")->minor_digits(), 0);
  EXPECT_EQ(Currency::of("KWD")->minor_digits(), 3);
  EXPECT_EQ(Currency::of("CLF")->minor_digits(), 4);
  for (const char* bad : {"usd", "US", "USDX", "XYZ", ""}) {
    auto c = Currency::of(bad);
    ASSERT_FALSE(c.ok()) << bad;
    EXPECT_EQ(c.error().field, "currency");
    EXPECT_EQ(c.error().value, bad);
  }
}

TEST(Money, AddsWithinOneCurrency) {
  EXPECT_EQ(usd(1050).add(usd(-75)).value(), usd(975));
  EXPECT_EQ(usd(1) + usd(2), usd(3));
}

TEST(Money, AddingDifferentCurrenciesIsAnError) {
  auto sum = usd(100).add(Money::of_minor(100, "EUR").value());
  ASSERT_FALSE(sum.ok());
  EXPECT_EQ(sum.error().code, ErrorCode::kCurrencyMismatch);
  EXPECT_EQ(sum.error().value, "USD vs EUR");
  EXPECT_THROW((void)(usd(1) + Money::of_minor(1, "EUR").value()), BadResultAccess);
}

TEST(Money, OverflowIsReportedNotWrapped) {
  auto big = usd(INT64_MAX);
  EXPECT_EQ(big.add(usd(1)).error().code, ErrorCode::kOverflow);
  EXPECT_EQ(big.multiply(2).error().code, ErrorCode::kOverflow);
  EXPECT_EQ(usd(INT64_MIN).subtract(usd(1)).error().code, ErrorCode::kOverflow);
}

TEST(Money, FormatsWithTheCurrencysMinorDigits) {
  EXPECT_EQ(usd(1234).to_string(), "12.34 USD");
  EXPECT_EQ(usd(-5).to_string(), "-0.05 USD");
  EXPECT_EQ(Money::of_minor(1000, "JPY")->to_string(), "1000 JPY");
  EXPECT_EQ(Money::of_minor(1234, "KWD")->to_string(), "1.234 KWD");
  EXPECT_EQ(fmt::format("{}", usd(INT64_MIN)), "-92233720368547758.08 USD");
}

TEST(Money, ParsesWhatItFormats) {
  for (const char* text : {"12.34 USD", "-0.05 USD", "1000 JPY", "1.234 KWD", "0.00 EUR"}) {
    auto m = Money::parse(text);
    ASSERT_TRUE(m.ok()) << m.error().to_string();
    EXPECT_EQ(m->to_string(), text);
  }
  EXPECT_EQ(Money::parse("USD 12.3").value(), usd(1230));
  EXPECT_EQ(Money::parse("7 USD").value(), usd(700));
}

TEST(Money, ParseRejectsTooManyDecimalsAndJunk) {
  for (const char* bad : {"12.345 USD", "1.5 JPY", "12,34 USD", "12.34", "abc USD", ". USD", "12.34 XXX"}) {
    auto m = Money::parse(bad);
    ASSERT_FALSE(m.ok()) << bad;
    EXPECT_FALSE(m.error().value.empty());
  }
}

TEST(MoneyAllocate, SplitsExactlyWithLargestRemainder) {
  // 100 cents in three equal parts: 34 + 33 + 33 (first part gets the extra cent).
  auto parts = usd(100).allocate(std::vector<std::int64_t>{1, 1, 1}).value();
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0], usd(34));
  EXPECT_EQ(parts[1], usd(33));
  EXPECT_EQ(parts[2], usd(33));
  // 1000 by 70/20/10 is exact.
  parts = usd(1000).allocate(std::vector<std::int64_t>{70, 20, 10}).value();
  EXPECT_EQ(parts[0], usd(700));
  EXPECT_EQ(parts[2], usd(100));
  // Negative amounts also add back exactly: -101 by 1:1 = -50 + -51 (floor shares, then +1 to the largest remainder).
  parts = usd(-101).allocate(std::vector<std::int64_t>{1, 1}).value();
  EXPECT_EQ(parts[0].minor_units() + parts[1].minor_units(), -101);
  EXPECT_FALSE(usd(1).allocate(std::vector<std::int64_t>{0, 0}).ok());
  EXPECT_FALSE(usd(1).allocate(std::vector<std::int64_t>{1, -1}).ok());
}

TEST(MoneyRatio, RoundsHalfAwayFromZero) {
  // 8.25% tax on 10.00 = 0.825 -> 0.83; on -10.00 -> -0.83; on 10.10 = 0.83325 -> 0.83.
  EXPECT_EQ(usd(1000).multiply_ratio(825, 10000).value(), usd(83));
  EXPECT_EQ(usd(-1000).multiply_ratio(825, 10000).value(), usd(-83));
  EXPECT_EQ(usd(1010).multiply_ratio(825, 10000).value(), usd(83));
  EXPECT_EQ(usd(1).multiply_ratio(1, 2).value(), usd(1));
  EXPECT_EQ(usd(1).multiply_ratio(1, 3).value(), usd(0));
  EXPECT_FALSE(usd(1).multiply_ratio(1, 0).ok());
}
