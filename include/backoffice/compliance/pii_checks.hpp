#pragma once

// Check-digit and range rules that tell real identifiers from look-alikes.
// Each takes the text as it appears (separators allowed where stated) and
// never fails: invalid or malformed text is simply `false`.

#include <string_view>

namespace backoffice {

// Luhn (ISO/IEC 7812-1 annex B) over the digits of `text`; spaces and dashes
// are skipped, any other character makes it false. Payment card lengths
// only: 13..19 digits. O(n).
bool luhn_valid(std::string_view text);

// ISO 13616 IBAN: two letters, two check digits, 11..30 alphanumerics (15..34
// in all), and the mod-97 check (ISO 7064 MOD 97-10) equal to 1. Spaces are
// skipped; letters must be upper case. The per-country length table is not
// checked. O(n).
bool iban_valid(std::string_view text);

// US Social Security number written AAA-GG-SSSS, excluding what the SSA
// never issues: area 000, 666 and 900-999, group 00, serial 0000.
bool ssn_valid(std::string_view text);

}  // namespace backoffice
