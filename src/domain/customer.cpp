#include <backoffice/domain/customer.hpp>

#include <backoffice/domain/email.hpp>
#include <backoffice/domain/phone.hpp>

#include "domain/validation.hpp"

#include <algorithm>
#include <cstddef>

namespace backoffice {
namespace {

void append_unique(std::vector<std::string>& list, std::string value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

// A stored contact detail must already be in the form `normalized` gives,
// and must not repeat an earlier entry.
template <typename Normalize>
Status check_contact_list(std::string_view list_name, const std::vector<std::string>& list,
                          Normalize normalize) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto field = [&] { return fmt::format("customer.{}[{}]", list_name, i); };
    auto normalized = normalize(list[i]);
    if (!normalized.ok()) return validation_error(field(), list[i], normalized.error().message);
    if (*normalized != list[i]) {
      return validation_error(field(), list[i],
                              fmt::format("must be stored normalised, as '{}'", *normalized));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (list[j] == list[i]) {
        return validation_error(field(), list[i], fmt::format("duplicates customer.{}[{}]", list_name, j));
      }
    }
  }
  return Status::Ok();
}

bool is_country_code(std::string_view s) {
  return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

}  // namespace

Status Customer::add_email(std::string_view raw) {
  BO_ASSIGN_OR_RETURN(auto email, normalize_email(raw));
  append_unique(emails, std::move(email));
  return Status::Ok();
}

Status Customer::add_phone(std::string_view raw, std::string_view default_region) {
  BO_ASSIGN_OR_RETURN(auto phone, normalize_phone(raw, default_region));
  append_unique(phones, std::move(phone));
  return Status::Ok();
}

Status Customer::validate() const {
  if (detail::is_blank(name)) return detail::blank_error("customer.name", name);
  BO_RETURN_IF_ERROR(
      check_contact_list("emails", emails, [](const std::string& e) { return normalize_email(e); }));
  // Stored phones carry their country, so no default region is given.
  BO_RETURN_IF_ERROR(
      check_contact_list("phones", phones, [](const std::string& p) { return normalize_phone(p, ""); }));
  if (!address.country.empty() && !is_country_code(address.country)) {
    return validation_error("customer.address.country", address.country,
                            "must be an ISO 3166-1 alpha-2 code in upper case, e.g. 'US'");
  }
  if (updated_at < created_at)
    return detail::before_error("customer.updated_at", updated_at, "created_at", created_at);
  return Status::Ok();
}

std::string to_string(const Customer& customer) {
  return fmt::format("customer {} ({} e-mail{}, {} phone{})", customer.id, customer.emails.size(),
                     customer.emails.size() == 1 ? "" : "s", customer.phones.size(),
                     customer.phones.size() == 1 ? "" : "s");
}

}  // namespace backoffice
