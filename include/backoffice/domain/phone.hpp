#pragma once

#include <backoffice/core/result.hpp>

#include <string>
#include <string_view>

namespace backoffice {

// Validates a telephone number with Google's libphonenumber and returns it in
// E.164 form ("+12024561111"): '+', the country calling code and the
// national significant number, digits only.
//
// `raw` is what a person typed: spaces, dots, dashes, brackets, a national
// trunk prefix ("020 ..." in GB) and vanity letters ("1-800-FLOWERS") are
// accepted. Text that starts with '+' (or an international dialling prefix
// of `default_region`, such as "011" in the US or "00" in GB) carries its own
// country; otherwise the number is read as a national number of
// `default_region`, an ISO 3166-1 alpha-2 code such as "US" or "GB" (ASCII
// case ignored). An empty region or "ZZ" means "none": the text must then
// carry its country.
//
// Errors:
//  - kInvalidArgument, field "default_region": the region is not one
//    libphonenumber knows;
//  - kParse, field "phone", value `raw`: not a number, too short or too long,
//    an unknown country calling code, a number that is not valid in its
//    country (wrong length or an unassigned range, per the metadata of the
//    installed libphonenumber), more than the 15 digits E.164 allows, or an
//    extension ("ext. 12"), which E.164 cannot carry.
// Thread-safe. Cost: one libphonenumber parse, some tens of microseconds
// (BM_Domain_NormalizePhone).
Result<std::string> normalize_phone(std::string_view raw, std::string_view default_region);

}  // namespace backoffice
