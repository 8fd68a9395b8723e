#include <backoffice/domain/phone.hpp>

#include <phonenumbers/phonenumberutil.h>

#include <fmt/format.h>

#include <string>

namespace backoffice {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr std::size_t kMaxE164Digits = 15;  // ITU-T E.164 section 6.1

std::string_view parse_failure_reason(PhoneNumberUtil::ErrorType error) {
  switch (error) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
      return "has no known country calling code (start it with '+' or give a default region)";
    case PhoneNumberUtil::NOT_A_NUMBER:
      return "is not a phone number";
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
      return "is too short to be a phone number";
    case PhoneNumberUtil::TOO_LONG_NSN:
      return "is too long to be a phone number";
    case PhoneNumberUtil::NO_PARSING_ERROR:
      break;
  }
  return "could not be parsed as a phone number";
}

}  // namespace

Result<std::string> normalize_phone(std::string_view raw, std::string_view default_region) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();

  // libphonenumber matches region codes in upper case only; "zz" is its
  // spelling of "no region", which makes a leading '+' mandatory.
  std::string region(default_region);
  for (char& c : region) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  if (region.empty()) region = "ZZ";
  if (region != "ZZ" && util.GetCountryCodeForRegion(region) == 0) {
    return invalid_argument(
        "default_region", default_region,
        "is not a region libphonenumber knows (use an ISO 3166-1 alpha-2 code such as 'US')");
  }

  PhoneNumber number;
  const auto error = util.Parse(std::string(raw), region, &number);
  if (error != PhoneNumberUtil::NO_PARSING_ERROR) {
    return parse_error("phone", raw, parse_failure_reason(error));
  }
  if (number.has_extension() && !number.extension().empty()) {
    return parse_error("phone", raw,
                       fmt::format("has an extension ('{}'), which E.164 cannot carry", number.extension()));
  }
  // IsValidNumber (not the looser IsPossibleNumber) so that unassigned
  // ranges such as US area code 000 are rejected at the edge.
  if (!util.IsValidNumber(number)) {
    return parse_error("phone", raw,
                       fmt::format("is not a valid number for country calling code +{} "
                                   "(wrong length or an unassigned range)",
                                   number.country_code()));
  }
  std::string e164;
  util.Format(number, PhoneNumberUtil::E164, &e164);
  // libphonenumber's metadata admits some national numbers (e.g. German
  // ones) longer than E.164's limit of 15 digits, which no E.164 consumer
  // (SMS gateways, dialers) will take.
  if (e164.size() > 1 + kMaxE164Digits) {
    return parse_error(
        "phone", raw, fmt::format("has {} digits; E.164 allows at most {}", e164.size() - 1, kMaxE164Digits));
  }
  return e164;
}

}  // namespace backoffice
