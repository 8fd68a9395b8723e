#include "compliance/pii_phone.hpp"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

namespace backoffice::detail {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Bit L of kLengths[cc] is set when a national significant number of L digits
// is a possible number for calling code cc (libphonenumber's
// IsPossibleNumberWithReason == IS_POSSIBLE, i.e. not "local only"). Zero for
// calling codes that do not exist. libphonenumber decides possibility by
// length alone, from its metadata, so asking it once per (code, length) gives
// its answer for every number; the table costs ~250 x 17 calls (a few ms) on
// first use and is then read without locks.
using LengthTable = std::array<std::uint32_t, 1000>;

const LengthTable& length_table() {
  static const LengthTable table = [] {
    LengthTable t{};
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    std::string region;
    for (int cc = 1; cc < 1000; ++cc) {
      util.GetRegionCodeForCountryCode(cc, &region);
      if (region == "ZZ") continue;
      std::uint64_t national = 0;
      for (int len = 1; len <= 17; ++len) {
        national = national * 10 + 2;
        PhoneNumber number;
        number.set_country_code(cc);
        number.set_national_number(national);
        if (util.IsPossibleNumberWithReason(number) == PhoneNumberUtil::IS_POSSIBLE) t[cc] |= 1u << len;
      }
    }
    return t;
  }();
  return table;
}

bool possible(const LengthTable& t, int cc, std::string_view nsn) {
  if (nsn.empty() || nsn.size() > 17) return false;
  if ((t[static_cast<std::size_t>(cc)] >> nsn.size() & 1u) == 0) return false;
  // The North American Numbering Plan: area code and exchange both start
  // with 2-9 (NANPA), which rules out most 10-digit ids ("123-456-7890").
  if (cc == 1 && nsn.size() == 10) return nsn[0] >= '2' && nsn[3] >= '2';
  return true;
}

}  // namespace

PhoneFinder::PhoneFinder(std::string region, PhoneCheck check) : region_(std::move(region)), check_(check) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  region_cc_ = util.GetCountryCodeForRegion(region_);
  util.GetNddPrefixForRegion(region_, /*strip_non_digits=*/true, &ndd_);
  (void)length_table();  // build it here rather than inside the first mask()
}

PhoneFinder::Gate PhoneFinder::gate(std::string_view digits, bool has_plus) const {
  const auto& t = length_table();
  if (has_plus) {
    // Calling codes are prefix-free (ITU-T E.164), so the first known prefix
    // of 1-3 digits is the code.
    int cc = 0;
    for (std::size_t len = 1; len <= 3 && len < digits.size(); ++len) {
      cc = cc * 10 + (digits[len - 1] - '0');
      if (t[static_cast<std::size_t>(cc)] != 0) {
        return possible(t, cc, digits.substr(len)) ? Gate::kPossible : Gate::kReject;
      }
    }
    return Gate::kReject;
  }
  // Dialled from abroad without '+' ("011 44 ...", "00 44 ..."): the
  // international prefix is libphonenumber's business.
  if (digits.starts_with("00") || (region_cc_ == 1 && digits.starts_with("011"))) return Gate::kExactOnly;
  if (possible(t, region_cc_, digits)) return Gate::kPossible;
  if (!ndd_.empty() && digits.starts_with(ndd_) && possible(t, region_cc_, digits.substr(ndd_.size()))) {
    return Gate::kPossible;
  }
  return Gate::kReject;
}

bool PhoneFinder::exact(std::string_view span) const {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  return util.Parse(std::string(span), region_, &number) == PhoneNumberUtil::NO_PARSING_ERROR &&
         util.IsValidNumber(number);
}

bool PhoneFinder::accepts(std::string_view span, std::string_view digits, bool has_plus,
                          bool formatted) const {
  switch (gate(digits, has_plus)) {
    case Gate::kReject:
      return false;
    case Gate::kExactOnly:
      return exact(span);
    case Gate::kPossible:
      // A bare run of digits is as likely an order or account number as a
      // phone number: only libphonenumber's metadata can tell.
      return (check_ == PhoneCheck::kFast && formatted) || exact(span);
  }
  return false;
}

namespace {

// ' ' ( ) - . are 0x20, 0x28, 0x29, 0x2D, 0x2E: one range test and a mask.
bool is_separator(char c) {
  const auto d = static_cast<unsigned char>(c) - 0x20u;
  return d < 15 && ((0b110001100000001u >> d) & 1u) != 0;
}
bool is_word(char c) { return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }

// The first digit in text[i, end), or `end`. Notes are mostly letters, so
// eight bytes are tested at once: x ^ '0' maps the digits to bytes 0..9, and
// (t - 0x0A..) & ~t & 0x80.. flags bytes below 10; the lowest flag is exact
// (a borrow only runs upward from a flagged byte).
template <bool kAlsoAt>
std::size_t find_digit_impl(std::string_view text, std::size_t i, std::size_t end) {
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t kZeros = 0x3030303030303030ULL;
    constexpr std::uint64_t kAts = 0x4040404040404040ULL;
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kTens = 0x0A0A0A0A0A0A0A0AULL;
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    while (i + 8 <= end) {
      std::uint64_t x;
      std::memcpy(&x, text.data() + i, 8);
      const std::uint64_t t = x ^ kZeros;
      std::uint64_t flags = (t - kTens) & ~t & kHigh;
      if constexpr (kAlsoAt) {
        const std::uint64_t a = x ^ kAts;  // '@' becomes 0
        flags |= (a - kOnes) & ~a & kHigh;
      }
      if (flags != 0) return i + static_cast<std::size_t>(std::countr_zero(flags) >> 3);
      i += 8;
    }
  }
  while (i < end && !is_digit(text[i]) && !(kAlsoAt && text[i] == '@')) ++i;
  return i;
}

std::size_t find_digit(std::string_view text, std::size_t i, std::size_t end) {
  return find_digit_impl<false>(text, i, end);
}

// After a candidate ending at `i`: the end of its extension, or `i`.
std::size_t extension_end(std::string_view text, std::size_t i, std::size_t to) {
  std::size_t k = i;
  auto at = [&](std::size_t p) { return p < to ? text[p] : '\0'; };
  if (at(k) == ' ') ++k;
  const char c = at(k);
  if ((c == 'e' || c == 'E') && (at(k + 1) == 'x' || at(k + 1) == 'X') &&
      (at(k + 2) == 't' || at(k + 2) == 'T')) {
    k += 3;
    if (at(k) == '.') ++k;
  } else if (c == 'x' || c == 'X' || c == '#') {
    ++k;
  } else {
    return i;
  }
  if (at(k) == ' ') ++k;
  std::size_t digits = 0;
  while (is_digit(at(k + digits))) ++digits;
  // [0-9]{1,6}\b: a seventh digit or a letter right after means no extension.
  if (digits == 0 || digits > 6 || (k + digits < text.size() && is_word(text[k + digits]))) return i;
  return k + digits;
}

}  // namespace

std::size_t find_digit_or_at(std::string_view text, std::size_t from, std::size_t to) {
  return find_digit_impl<true>(text, from, to);
}

PhoneRun next_phone_run(std::string_view text, std::size_t from, std::size_t to) {
  std::size_t i = from;
  while (true) {
    const std::size_t first = find_digit(text, i, to);
    if (first == to) return {};
    std::size_t last_end = first + 1;  // one past the last digit taken
    std::size_t digits = 1;
    while (true) {
      // Digits in a row first: the common case, one test per byte.
      while (last_end < to && is_digit(text[last_end])) {
        ++last_end;
        ++digits;
      }
      std::size_t k = last_end;
      if (k < to && is_separator(text[k])) ++k;
      if (k < to && is_separator(text[k])) ++k;
      if (k == last_end || k >= to || !is_digit(text[k])) break;
      last_end = k + 1;
      ++digits;
    }
    if (digits >= 7) {
      std::size_t begin = first;
      if (begin > from && text[begin - 1] == '(') --begin;
      if (begin > from && text[begin - 1] == '+') --begin;
      return {begin, extension_end(text, last_end, to)};
    }
    // A later start inside this run has fewer digits still.
    i = last_end;
  }
}

std::size_t phone_groups(std::string_view candidate, PhoneGroup* groups, std::size_t max,
                         std::size_t* extension_at) {
  std::size_t k = 0;
  std::size_t i = 0;
  const std::size_t n = candidate.size();
  *extension_at = n;
  while (i < n) {
    const char c = candidate[i];
    if (is_digit(c)) {
      std::size_t j = i;
      while (j < n && is_digit(candidate[j])) ++j;
      if (k == max) return k;
      groups[k++] = PhoneGroup{i, j};
      i = j;
    } else if (c == ' ' || c == '(' || c == ')' || c == '.' || c == '-' || c == '+') {
      ++i;
    } else {
      // The extension ("ext. 12", "x12", "#12") closes the candidate.
      std::size_t b = i;
      while (b > 0 && candidate[b - 1] == ' ') --b;
      *extension_at = b;
      return k;
    }
  }
  return k;
}

bool parentheses_fit(std::string_view candidate, const PhoneGroup* groups, std::size_t i, std::size_t j) {
  for (std::size_t g = i + 1; g <= j; ++g) {
    const auto sep = candidate.substr(groups[g - 1].end, groups[g].begin - groups[g - 1].end);
    if (sep.find('(') == std::string_view::npos) continue;
    if (g != i + 1 || groups[i].end - groups[i].begin > 3) return false;
  }
  return true;
}

bool looks_like_date(std::string_view s) {
  auto num = [&](std::size_t at, std::size_t len) {
    int v = 0;
    for (std::size_t k = at; k < at + len; ++k) {
      if (!is_digit(s[k])) return -1;
      v = v * 10 + (s[k] - '0');
    }
    return v;
  };
  auto day_month = [](int a, int b) { return a >= 1 && a <= 31 && b >= 1 && b <= 12; };
  if (s.size() != 10) return false;
  if ((s[4] == '-' || s[4] == '.') && s[7] == s[4]) {  // YYYY-MM-DD
    const int y = num(0, 4);
    return y >= 1000 && day_month(num(8, 2), num(5, 2));
  }
  if ((s[2] == '-' || s[2] == '.') && s[5] == s[2]) {  // DD.MM.YYYY or MM-DD-YYYY
    const int a = num(0, 2);
    const int b = num(3, 2);
    return num(6, 4) >= 1000 && (day_month(a, b) || day_month(b, a));
  }
  return false;
}

}  // namespace backoffice::detail
