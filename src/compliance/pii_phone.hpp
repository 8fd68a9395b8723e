#pragma once

// Phone-number confirmation for the PII masker (internal). The RE2 pass hands
// over a candidate (digits with separators, optional '+', parentheses and an
// extension); this decides which parts of it are phone numbers.
//
// Why not libphonenumber's PhoneNumberMatcher or Parse + IsValidNumber on
// every candidate: the Debian build runs them on ICU regular expressions, at
// 20-40 us for Parse and as much again for IsValidNumber (70 us per candidate
// for the matcher), against about 1 us per candidate that 200 MB/s on contact
// notes allows. So the common case (a formatted number) is decided by a length
// table that libphonenumber itself fills once per process, and libphonenumber's
// exact check runs only where the shape alone is ambiguous (docs/compliance.md).

#include <backoffice/compliance/pii.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace backoffice::detail {

class PhoneFinder {
 public:
  // `region` must be one libphonenumber knows (PiiMasker::create checks).
  PhoneFinder(std::string region, PhoneCheck check);

  // Calls on_span(begin, end) for each phone number inside text[begin, end),
  // left to right, disjoint. O(groups^2) cheap checks in the worst case
  // (groups are few: a candidate is one stretch of digits), plus
  // libphonenumber's Parse + IsValidNumber for the spans PhoneCheck sends it.
  template <typename OnSpan>
  void find(std::string_view text, std::size_t begin, std::size_t end, OnSpan&& on_span) const;

  // Whether `span` (one number as written, extension included) is a phone
  // number; `digits` are its digits without the extension.
  bool accepts(std::string_view span, std::string_view digits, bool has_plus, bool formatted) const;

 private:
  enum class Gate { kReject, kPossible, kExactOnly };
  Gate gate(std::string_view digits, bool has_plus) const;
  bool exact(std::string_view span) const;

  std::string region_;
  PhoneCheck check_;
  int region_cc_ = 0;
  std::string ndd_;  // national (trunk) prefix of the region, digits only
};

// [begin, end) of a phone candidate in a text; empty when there is none.
struct PhoneRun {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The first phone candidate inside text[from, to): 7+ digits with at most two
// of " ().-" between consecutive digits, an optional '+' and '(' before the
// first digit, and an optional extension (" ext. 12", "x12", "#12": up to 6
// digits, then a non-word character). The same language as the regular
// expression
//   \+?\(?[0-9](?:[ ().\-]{0,2}[0-9]){6,}(?: ?(?:[Ee][Xx][Tt]\.?|[Xx]|#) ?[0-9]{1,6}\b)?
// found leftmost-first, greedy. Skips non-digits eight bytes at a time. O(to - from).
PhoneRun next_phone_run(std::string_view text, std::size_t from, std::size_t to);

// The first digit or '@' in text[from, to), or `to`; eight bytes per step
// (the lowest flagged byte is exact, so the answer is the first one). O(to - from).
std::size_t find_digit_or_at(std::string_view text, std::size_t from, std::size_t to);

// A digit group of a candidate: [begin, end) are offsets into the candidate.
struct PhoneGroup {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Splits a candidate into digit groups (at most `max` of them; returns how
// many were written) and the offset where an extension starts (or the
// candidate's size). Pure, O(n).
std::size_t phone_groups(std::string_view candidate, PhoneGroup* groups, std::size_t max,
                         std::size_t* extension_at);

// An area code in parentheses comes first, or after a country code or
// trunk prefix of at most three digits ("1 (202) 456-1111", "+44 (20) ..."):
// "12345 (202) 456" is an order number before a phone number, not a number.
bool parentheses_fit(std::string_view candidate, const PhoneGroup* groups, std::size_t i, std::size_t j);

// YYYY-MM-DD, YYYY.MM.DD, DD.MM.YYYY, DD-MM-YYYY and MM-DD-YYYY with the same
// separator twice and a plausible month and day: a date, never a phone.
bool looks_like_date(std::string_view span);

template <typename OnSpan>
void PhoneFinder::find(std::string_view text, std::size_t begin, std::size_t end, OnSpan&& on_span) const {
  constexpr std::size_t kMaxGroups = 32;
  const auto candidate = text.substr(begin, end - begin);
  // The commonest candidate in notes; none of its parts has 7 digits.
  if (looks_like_date(candidate)) return;
  PhoneGroup groups[kMaxGroups];
  std::size_t extension_at = candidate.size();
  const std::size_t k = phone_groups(candidate, groups, kMaxGroups, &extension_at);
  const bool any_parenthesis = candidate.find_first_of("()") != std::string_view::npos;
  // Leftmost, then longest: the whole candidate is tried first, which is the
  // answer for almost every real number; a failed candidate is searched for a
  // number inside it ("order 12345 (202) 456-1111", two numbers in a row).
  std::size_t i = 0;
  while (i < k) {
    bool found = false;
    for (std::size_t j = k; j-- > i;) {
      std::size_t count = 0;
      for (std::size_t g = i; g <= j; ++g) count += groups[g].end - groups[g].begin;
      if (count < 7) break;  // shorter spans only lose digits
      if (count > 18 || (any_parenthesis && !parentheses_fit(candidate, groups, i, j))) continue;
      char digits[18];
      std::size_t n = 0;
      for (std::size_t g = i; g <= j; ++g) {
        for (std::size_t c = groups[g].begin; c < groups[g].end; ++c) digits[n++] = candidate[c];
      }
      std::size_t b = groups[i].begin;
      // The opening '(' or '+' directly before the first group belongs to it.
      if (b > 0 && candidate[b - 1] == '(') --b;
      const bool has_plus = b > 0 && candidate[b - 1] == '+';
      if (has_plus) --b;
      std::size_t e = groups[j].end;
      if (j + 1 == k && extension_at < candidate.size()) e = candidate.size();
      auto span = candidate.substr(b, e - b);
      // An unmatched '(' (as in "(202-456-1111)" cut by the scan) is not part
      // of the number.
      if (any_parenthesis && !has_plus && span.front() == '(' &&
          std::count(span.begin(), span.end(), '(') > std::count(span.begin(), span.end(), ')')) {
        span.remove_prefix(1);
        ++b;
      }
      if (looks_like_date(span)) continue;
      const bool formatted = has_plus || i != j || span.front() == '(';
      if (accepts(span, std::string_view(digits, n), has_plus, formatted)) {
        on_span(begin + b, begin + e);
        i = j + 1;
        found = true;
        break;
      }
    }
    if (!found) ++i;
  }
}

}  // namespace backoffice::detail
