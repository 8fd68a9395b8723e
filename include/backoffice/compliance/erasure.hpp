#pragma once

// Right to erasure (GDPR art. 17): remove a customer's personal data while
// the business records (contacts, cases, orders) and the KPIs computed from
// them stay as they were.

#include <backoffice/core/ids.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/store/store.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace backoffice {

struct ErasureReport {
  CustomerId customer;            // the erased id (no longer in the store)
  std::int64_t interactions = 0;  // pseudonymised
  std::int64_t cases = 0;         // pseudonymised, subject replaced
  std::int64_t orders = 0;        // pseudonymised
  std::int64_t invoices = 0;      // pseudonymised (financial records, kept)
  std::int64_t payments = 0;      // pseudonymised (financial records, kept)
  std::int64_t credit_notes = 0;  // of the customer's invoices, reason replaced
  std::int64_t rmas = 0;          // of the customer's orders, reason replaced
  std::int64_t emails = 0;        // deleted
  std::int64_t phones = 0;        // deleted
  std::int64_t audit_seq = 0;     // the audit entry that records the erasure
  friend bool operator==(const ErasureReport&, const ErasureReport&) = default;
};

// Erases customer `id` in one transaction:
//  - the customer row, its e-mails and phones are deleted;
//  - its interactions, cases, orders, invoices and payments are moved to a
//    new pseudonymous customer (a fresh id, name "erased customer", no
//    contact details, created at `now`), one per erasure, so repeat-contact
//    matching (FCR) and every other KPI come out the same afterwards;
//    interaction notes are emptied, external ids cleared, case subjects
//    become "[erased]", and so do the reasons of the credit notes on its
//    invoices and of the RMAs of its orders. Invoices, credit notes and
//    payments are financial records kept for legal retention: every amount
//    and date stays, tied to the anonymised customer row;
//  - one audit entry (action "erase", kind "customer", the erased id, the
//    counts) is appended by `actor`. The pseudonym's id is recorded nowhere.
// SQLite's secure_delete is on for the transaction, so freed pages are
// zeroed, and the WAL is checkpointed afterwards (best effort: a reader
// holding an old snapshot can delay it).
// Errors: kNotFound "customer" naming the id when absent (nothing changes);
// kStore when the store fails (nothing changes), e.g. when a table added by
// a later module still references the customer.
Result<ErasureReport> erase_customer(Store& store, CustomerId id, std::string_view actor = "system",
                                     Instant now = Instant::now());

}  // namespace backoffice
