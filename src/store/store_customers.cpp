// Bulk customer ingest (put/get/delete of one customer are in store_reference.cpp).
#include <backoffice/store/store.hpp>

#include "store/store_impl.hpp"
#include "store/customer_rows.hpp"
#include "store/store_ingest.hpp"

namespace backoffice {

Status store_detail::write_customer(Store::Impl& impl, const Customer& c, bool replace) {
  static constexpr std::string_view kColumns =
      " INTO customers (id, name, address_line1, address_line2, city, region, postal_code, country, "
      "consent_email, consent_sms, consent_recording, created_ms, updated_ms) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
  static const std::string kInsert = "INSERT" + std::string(kColumns);
  static const std::string kReplace = "INSERT OR REPLACE" + std::string(kColumns);
  BO_ASSIGN_OR_RETURN(auto* st, impl.statement(replace ? kReplace : kInsert));
  if (c.id.value() != 0 || replace) st->bind(1, c.id.value()); else st->bind_null(1);
  st->bind(2, std::string_view(c.name));
  st->bind(3, std::string_view(c.address.line1));
  st->bind(4, std::string_view(c.address.line2));
  st->bind(5, std::string_view(c.address.city));
  st->bind(6, std::string_view(c.address.region));
  st->bind(7, std::string_view(c.address.postal_code));
  st->bind(8, std::string_view(c.address.country));
  st->bind(9, c.consent.marketing_email);
  st->bind(10, c.consent.marketing_sms);
  st->bind(11, c.consent.call_recording);
  st->bind(12, c.created_at.unix_ms());
  st->bind(13, c.updated_at.unix_ms());
  BO_RETURN_IF_ERROR(st->run());
  // A replaced row's old e-mails and phones went with it (ON DELETE CASCADE).
  const std::int64_t id = c.id.value() != 0 || replace ? c.id.value() : impl.db.last_insert_rowid();
  auto children = [&](std::string_view sql, const std::vector<std::string>& values) -> Status {
    BO_ASSIGN_OR_RETURN(auto* child, impl.statement(sql));
    for (std::size_t i = 0; i < values.size(); ++i) {
      child->bind(1, id);
      child->bind(2, static_cast<std::int64_t>(i));
      child->bind(3, std::string_view(values[i]));
      BO_RETURN_IF_ERROR(child->run());
    }
    return Status::Ok();
  };
  BO_RETURN_IF_ERROR(children("INSERT INTO customer_emails (customer_id, position, email) VALUES (?1, ?2, ?3)", c.emails));
  return children("INSERT INTO customer_phones (customer_id, position, e164) VALUES (?1, ?2, ?3)", c.phones);
}

Result<IngestReport> Store::ingest_customers(std::span<const Customer> rows, IngestMode mode) {
  // Plain INSERT, not OR REPLACE: re-ingesting an id is reported, as for
  // interactions, rather than silently overwriting a customer.
  auto insert = [&](const Customer& c) { return store_detail::write_customer(*impl_, c, /*replace=*/false); };
  return store_detail::ingest_rows(
      *impl_, "customer", rows.size(), mode, [&](std::size_t i) -> const Customer& { return rows[i]; }, insert,
      [&](std::size_t i, const Customer& c, const Error& failure) -> Result<RowError> {
        BO_ASSIGN_OR_RETURN(bool dup, store_detail::row_exists(*impl_, "SELECT 1 FROM customers WHERE id = ?1",
                                                               c.id.value()));
        if (dup && c.id.value() != 0) {
          return RowError{i, "customer.id", std::to_string(c.id.value()), "a customer with this id exists"};
        }
        return failure;
      });
}

}  // namespace backoffice

namespace backoffice {

Result<std::vector<Customer>> Store::customers() const {
  BO_ASSIGN_OR_RETURN(auto ids, store_detail::query_ids(*impl_, "SELECT id FROM customers ORDER BY id"));
  std::vector<Customer> out;
  out.reserve(ids.size());
  for (auto id : ids) {
    BO_ASSIGN_OR_RETURN(auto x, get_customer(CustomerId(id)));
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace backoffice
