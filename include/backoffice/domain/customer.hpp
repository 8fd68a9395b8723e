#pragma once

#include <backoffice/core/ids.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/formatting.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace backoffice {

// A postal address. All parts are free text and may be empty (an address is
// optional); only `country` has a checked shape.
struct Address {
  std::string line1;
  std::string line2;
  std::string city;
  std::string region;  // state, county or province
  std::string postal_code;
  std::string country;  // ISO 3166-1 alpha-2, upper case ("US", "GB"), or empty

  bool empty() const {
    return line1.empty() && line2.empty() && city.empty() && region.empty() && postal_code.empty() &&
           country.empty();
  }
  friend bool operator==(const Address&, const Address&) = default;
};

// What the customer has agreed to. Everything defaults to "no".
struct ConsentFlags {
  bool marketing_email = false;
  bool marketing_sms = false;
  bool call_recording = false;

  friend bool operator==(const ConsentFlags&, const ConsentFlags&) = default;
};

// A customer of the business. E-mails and phones are stored normalised
// (normalize_email, normalize_phone), so equal addresses compare equal.
struct Customer {
  CustomerId id;
  std::string name;
  std::vector<std::string> emails;  // normalised, no duplicates
  std::vector<std::string> phones;  // E.164 ("+12024561111"), no duplicates
  Address address;
  ConsentFlags consent;
  Instant created_at;  // UTC
  Instant updated_at;  // UTC, >= created_at

  // Normalises `raw` (normalize_email) and appends it unless it is already
  // present. Errors: those of normalize_email; the customer is unchanged.
  Status add_email(std::string_view raw);
  // Normalises `raw` to E.164 (normalize_phone with `default_region`) and
  // appends it unless already present. Errors: those of normalize_phone.
  Status add_phone(std::string_view raw, std::string_view default_region);

  // Checks, in this order, and reports the first failure as a kValidation
  // error with field "customer.<field>":
  //  - name is not empty or blank;
  //  - every emails[i] is a valid address in normalised form, no duplicates;
  //  - every phones[i] is a valid E.164 number in E.164 form, no duplicates;
  //  - address.country is empty or two upper-case ASCII letters;
  //  - updated_at >= created_at.
  // O(e^2 + p^2) in the number of e-mails and phones (they are few), plus
  // one libphonenumber parse per phone, which dominates.
  Status validate() const;

  friend bool operator==(const Customer&, const Customer&) = default;
};

// "customer 42 (2 e-mails, 1 phone)". Deliberately no name, address or
// contact details: printed records end up in logs, and those are PII.
std::string to_string(const Customer& customer);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::Customer> : backoffice::detail::ToStringFormatter<backoffice::Customer> {};
