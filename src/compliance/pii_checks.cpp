#include <backoffice/compliance/pii_checks.hpp>

namespace backoffice {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

bool luhn_valid(std::string_view text) {
  // Walk from the right so the doubling starts at the second-last digit
  // whatever the length.
  int sum = 0;
  int digits = 0;
  for (auto it = text.rbegin(); it != text.rend(); ++it) {
    const char c = *it;
    if (c == ' ' || c == '-') continue;
    if (!is_digit(c)) return false;
    int d = c - '0';
    if (digits % 2 == 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    ++digits;
  }
  return digits >= 13 && digits <= 19 && sum % 10 == 0;
}

bool iban_valid(std::string_view text) {
  char compact[34];
  std::size_t n = 0;
  for (char c : text) {
    if (c == ' ') continue;
    if (!is_digit(c) && !is_upper(c)) return false;
    if (n == sizeof compact) return false;
    compact[n++] = c;
  }
  if (n < 15) return false;
  if (!is_upper(compact[0]) || !is_upper(compact[1]) || !is_digit(compact[2]) || !is_digit(compact[3])) {
    return false;
  }
  // ISO 13616: move the first four characters to the end, letters become
  // 10..35, and the number mod 97 must be 1. Reducing as we go keeps the
  // remainder below 97 * 100, so no big integer is needed.
  int rem = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const char c = compact[(k + 4) % n];
    if (is_digit(c)) {
      rem = (rem * 10 + (c - '0')) % 97;
    } else {
      rem = (rem * 100 + (c - 'A' + 10)) % 97;
    }
  }
  return rem == 1;
}

bool ssn_valid(std::string_view text) {
  if (text.size() != 11 || text[3] != '-' || text[6] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 4u, 5u, 7u, 8u, 9u, 10u}) {
    if (!is_digit(text[i])) return false;
  }
  const auto area = text.substr(0, 3);
  if (area == "000" || area == "666" || area[0] == '9') return false;
  if (text.substr(4, 2) == "00") return false;
  return text.substr(7, 4) != "0000";
}

}  // namespace backoffice
