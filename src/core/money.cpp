#include <backoffice/core/money.hpp>

#include "core/currency_table.hpp"

#include <algorithm>
#include <cstdlib>
#include <numeric>

namespace backoffice {
namespace {

// Products of two int64 values need 128 bits before they are divided back down.
__extension__ typedef __int128 int128;

constexpr std::int64_t kPow10[] = {1, 10, 100, 1000, 10000};

Error mismatch(const Money& a, const Money& b) {
  return make_error(ErrorCode::kCurrencyMismatch, "currency",
                    fmt::format("{} vs {}", a.currency().code(), b.currency().code()),
                    "cannot combine amounts in different currencies");
}

Error overflow(std::string_view what, const Money& m) {
  return make_error(ErrorCode::kOverflow, "amount", m.to_string(),
                    fmt::format("{} overflows 64-bit minor units", what));
}

bool all_upper(std::string_view s) {
  return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

Result<Currency> Currency::of(std::string_view code) {
  const auto& table = detail::kCurrencyTable;
  auto it = std::lower_bound(table.begin(), table.end(), code,
                             [](const detail::CurrencyEntry& e, std::string_view c) { return e.code < c; });
  if (!all_upper(code) || it == table.end() || it->code != code) {
    return make_error(ErrorCode::kNotFound, "currency", code, "not an active ISO 4217 currency code");
  }
  return Currency({code[0], code[1], code[2]}, it->minor_digits);
}

std::int64_t Currency::minor_per_major() const { return kPow10[minor_digits_]; }

Result<Money> Money::of_minor(std::int64_t minor_units, std::string_view currency_code) {
  BO_ASSIGN_OR_RETURN(auto cur, Currency::of(currency_code));
  return Money(minor_units, cur);
}

Result<Money> Money::parse(std::string_view text) {
  auto fail = [&](std::string_view why) -> Error { return parse_error("money", text, why); };
  std::string_view amount, code;
  if (auto sp = text.find(' '); sp != std::string_view::npos) {
    std::string_view a = text.substr(0, sp), b = text.substr(sp + 1);
    if (all_upper(a)) { code = a; amount = b; } else { amount = a; code = b; }
  } else {
    return fail("expected an amount and a currency code, e.g. '12.34 USD'");
  }
  BO_ASSIGN_OR_RETURN(auto cur, Currency::of(code));
  bool negative = false;
  std::size_t i = 0;
  if (i < amount.size() && (amount[i] == '-' || amount[i] == '+')) negative = amount[i++] == '-';
  std::int64_t units = 0;
  int int_digits = 0, frac_digits = 0;
  bool in_fraction = false;
  for (; i < amount.size(); ++i) {
    const char c = amount[i];
    if (c == '.' && !in_fraction) { in_fraction = true; continue; }
    if (c < '0' || c > '9') return fail("amount has a character that is not a digit");
    if (in_fraction) ++frac_digits; else ++int_digits;
    if (__builtin_mul_overflow(units, 10, &units) || __builtin_add_overflow(units, c - '0', &units)) {
      return make_error(ErrorCode::kOverflow, "money", text, "amount overflows 64-bit minor units");
    }
  }
  if (int_digits == 0 && frac_digits == 0) return fail("amount has no digits");
  if (frac_digits > cur.minor_digits()) {
    return fail(fmt::format("{} has {} minor digits; the amount has {}", cur.code(), cur.minor_digits(), frac_digits));
  }
  for (int k = frac_digits; k < cur.minor_digits(); ++k) {
    if (__builtin_mul_overflow(units, 10, &units)) {
      return make_error(ErrorCode::kOverflow, "money", text, "amount overflows 64-bit minor units");
    }
  }
  return Money(negative ? -units : units, cur);
}

Result<Money> Money::add(const Money& other) const {
  if (!(currency_ == other.currency_)) return mismatch(*this, other);
  std::int64_t sum = 0;
  if (__builtin_add_overflow(minor_, other.minor_, &sum)) return overflow("sum", *this);
  return Money(sum, currency_);
}

Result<Money> Money::subtract(const Money& other) const {
  if (!(currency_ == other.currency_)) return mismatch(*this, other);
  std::int64_t diff = 0;
  if (__builtin_sub_overflow(minor_, other.minor_, &diff)) return overflow("difference", *this);
  return Money(diff, currency_);
}

Result<Money> Money::multiply(std::int64_t factor) const {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(minor_, factor, &product)) return overflow("product", *this);
  return Money(product, currency_);
}

Result<Money> Money::multiply_ratio(std::int64_t numerator, std::int64_t denominator) const {
  if (denominator == 0) return invalid_argument("denominator", "0", "ratio denominator must not be zero");
  const int128 scaled = static_cast<int128>(minor_) * numerator;
  int128 q = scaled / denominator;
  const int128 r = scaled % denominator;
  // Round half away from zero: compare twice the remainder with the divisor.
  const int128 twice_r = r < 0 ? -2 * r : 2 * r;
  const int128 abs_d = denominator < 0 ? -static_cast<int128>(denominator) : denominator;
  if (twice_r >= abs_d) q += ((scaled < 0) != (denominator < 0)) ? -1 : 1;
  if (q > INT64_MAX || q < INT64_MIN) return overflow("ratio", *this);
  return Money(static_cast<std::int64_t>(q), currency_);
}

Result<std::vector<Money>> Money::allocate(std::span<const std::int64_t> weights) const {
  int128 total = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] < 0) return invalid_argument(fmt::format("weights[{}]", i), std::to_string(weights[i]), "must be >= 0");
    total += weights[i];
  }
  if (weights.empty() || total == 0) return invalid_argument("weights", "", "need at least one positive weight");
  std::vector<Money> parts;
  std::vector<std::pair<int128, std::size_t>> remainders;
  parts.reserve(weights.size());
  std::int64_t given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const int128 share = static_cast<int128>(minor_) * weights[i];
    // Floor division keeps every remainder non-negative, also for negative amounts.
    int128 q = share / total;
    int128 r = share % total;
    if (r < 0) { r += total; q -= 1; }
    parts.emplace_back(static_cast<std::int64_t>(q), currency_);
    remainders.emplace_back(r, i);
    given += static_cast<std::int64_t>(q);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  const std::int64_t left = minor_ - given;  // 0 <= left < parts.size()
  for (std::int64_t k = 0; k < left; ++k) {
    auto& p = parts[remainders[static_cast<std::size_t>(k)].second];
    p = Money(p.minor_units() + 1, currency_);
  }
  return parts;
}

std::string Money::to_string() const {
  const int digits = currency_.minor_digits();
  if (digits == 0) return fmt::format("{} {}", minor_, currency_.code());
  const std::uint64_t magnitude = minor_ < 0 ? 0 - static_cast<std::uint64_t>(minor_) : static_cast<std::uint64_t>(minor_);
  const auto per = static_cast<std::uint64_t>(currency_.minor_per_major());
  return fmt::format("{}{}.{:0{}} {}", minor_ < 0 ? "-" : "", magnitude / per, magnitude % per, digits,
                     currency_.code());
}

}  // namespace backoffice
