#pragma once

#include <backoffice/core/result.hpp>

#include <fmt/format.h>

#include <array>
#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace backoffice {

// An ISO 4217 currency: its three-letter code and the number of minor-unit
// digits (USD 2, JPY 0, KWD 3). Only codes in the library's ISO 4217 table
// can be constructed.
class Currency {
 public:
  // Fails with kNotFound naming the code when it is not an active ISO 4217 code.
  static Result<Currency> of(std::string_view code);

  std::string_view code() const { return {code_.data(), 3}; }
  int minor_digits() const { return minor_digits_; }
  // 10^minor_digits: minor units per major unit.
  std::int64_t minor_per_major() const;

  friend bool operator==(const Currency& a, const Currency& b) { return a.code_ == b.code_; }

 private:
  Currency(std::array<char, 3> code, int digits) : code_(code), minor_digits_(digits) {}
  std::array<char, 3> code_{};
  int minor_digits_ = 2;
};

// An amount of money: a signed 64-bit count of the currency's minor units
// (cents) and its currency. Never a floating-point number. Arithmetic across
// two currencies is a kCurrencyMismatch error; overflow is a kOverflow error.
class Money {
 public:
  Money(std::int64_t minor_units, Currency currency) : minor_(minor_units), currency_(currency) {}

  static Result<Money> of_minor(std::int64_t minor_units, std::string_view currency_code);
  // Parses "12.34 USD", "USD 12.34", "-0.50 EUR", "1000 JPY". More fraction
  // digits than the currency has is a kParse error (nothing is rounded).
  static Result<Money> parse(std::string_view text);

  std::int64_t minor_units() const { return minor_; }
  const Currency& currency() const { return currency_; }
  bool is_zero() const { return minor_ == 0; }
  bool is_negative() const { return minor_ < 0; }

  Result<Money> add(const Money& other) const;
  Result<Money> subtract(const Money& other) const;
  Result<Money> multiply(std::int64_t factor) const;
  Money negate() const { return Money(-minor_, currency_); }

  // Splits into parts proportional to `weights` (all >= 0, sum > 0); the parts
  // add up exactly to this amount. Remainder minor units go to the parts with
  // the largest fractional shares, ties to the earlier part (largest-remainder).
  Result<std::vector<Money>> allocate(std::span<const std::int64_t> weights) const;

  // Rounds amount * numerator / denominator to the nearest minor unit, ties
  // away from zero ("commercial rounding"); used for tax rates such as 825/10000.
  Result<Money> multiply_ratio(std::int64_t numerator, std::int64_t denominator) const;

  // Throwing conveniences for code that has already checked the currencies;
  // a mismatch or overflow throws BadResultAccess (a programming error).
  friend Money operator+(const Money& a, const Money& b) { return a.add(b).value(); }
  friend Money operator-(const Money& a, const Money& b) { return a.subtract(b).value(); }

  // "12.34 USD", "-0.05 EUR", "1000 JPY".
  std::string to_string() const;

  friend bool operator==(const Money& a, const Money& b) = default;

 private:
  std::int64_t minor_;
  Currency currency_;
};

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::Money> : fmt::formatter<std::string_view> {
  auto format(const backoffice::Money& m, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(m.to_string(), ctx);
  }
};
