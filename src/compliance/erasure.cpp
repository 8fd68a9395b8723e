#include <backoffice/compliance/erasure.hpp>

#include "compliance/audit_append.hpp"
#include "compliance/sql_helpers.hpp"
#include "store/sqlite.hpp"
#include "store/store_impl.hpp"

#include <fmt/format.h>

namespace backoffice {
namespace {

using compliance_detail::changes;
using compliance_detail::scalar;

// Turns PRAGMA secure_delete on for the erasure and restores the caller's
// setting afterwards, so erased text does not linger in freed pages.
class SecureDelete {
 public:
  static Result<SecureDelete> enable(const store_detail::Database& db) {
    BO_ASSIGN_OR_RETURN(auto before, db.query_int("PRAGMA secure_delete"));
    BO_RETURN_IF_ERROR(db.exec("PRAGMA secure_delete = ON"));
    return SecureDelete(&db, before);
  }
  SecureDelete(SecureDelete&& o) noexcept : db_(o.db_), before_(o.before_) { o.db_ = nullptr; }
  SecureDelete(const SecureDelete&) = delete;
  SecureDelete& operator=(const SecureDelete&) = delete;
  SecureDelete& operator=(SecureDelete&&) = delete;
  ~SecureDelete() {
    if (db_ && before_ == 0) (void)db_->exec("PRAGMA secure_delete = OFF");
  }

 private:
  SecureDelete(const store_detail::Database* db, std::int64_t before) : db_(db), before_(before) {}
  const store_detail::Database* db_;
  std::int64_t before_;
};

}  // namespace

Result<ErasureReport> erase_customer(Store& store, CustomerId id, std::string_view actor, Instant now) {
  auto& impl = store.impl();
  ErasureReport report;
  report.customer = id;
  BO_ASSIGN_OR_RETURN(auto secure, SecureDelete::enable(impl.db));
  {
    BO_ASSIGN_OR_RETURN(auto tx, store_detail::Transaction::begin(impl.db));
    BO_ASSIGN_OR_RETURN(auto exists,
                        scalar(impl, "SELECT count(*) FROM customers WHERE id = ?1", {id.value()}));
    if (exists == 0) {
      return make_error(ErrorCode::kNotFound, "customer", std::to_string(id.value()), "no such customer");
    }
    BO_ASSIGN_OR_RETURN(
        report.emails,
        scalar(impl, "SELECT count(*) FROM customer_emails WHERE customer_id = ?1", {id.value()}));
    BO_ASSIGN_OR_RETURN(
        report.phones,
        scalar(impl, "SELECT count(*) FROM customer_phones WHERE customer_id = ?1", {id.value()}));
    BO_ASSIGN_OR_RETURN(auto referenced,
                        scalar(impl,
                               "SELECT (SELECT count(*) FROM interactions WHERE customer_id = ?1) + "
                               "(SELECT count(*) FROM cases WHERE customer_id = ?1) + "
                               "(SELECT count(*) FROM orders WHERE customer_id = ?1) + "
                               "(SELECT count(*) FROM invoices WHERE customer_id = ?1) + "
                               "(SELECT count(*) FROM payments WHERE customer_id = ?1)",
                               {id.value()}));
    if (referenced > 0) {
      // A fresh pseudonym per erasure: FCR needs "same customer" to stay
      // true among this customer's contacts and false against everyone else,
      // and NULL would make the contacts unjudged instead.
      BO_ASSIGN_OR_RETURN(auto pseudonym, scalar(impl, "SELECT coalesce(max(id), 0) + 1 FROM customers", {}));
      BO_ASSIGN_OR_RETURN(auto* insert, impl.statement("INSERT INTO customers (id, name, created_ms, "
                                                       "updated_ms) VALUES (?1, 'erased customer', ?2, ?2)"));
      insert->bind(1, pseudonym);
      insert->bind(2, now.unix_ms());
      BO_RETURN_IF_ERROR(insert->run());
      BO_ASSIGN_OR_RETURN(report.interactions,
                          changes(impl,
                                  "UPDATE interactions SET customer_id = ?1, notes = '', external_id = NULL "
                                  "WHERE customer_id = ?2",
                                  {pseudonym, id.value()}));
      BO_ASSIGN_OR_RETURN(report.cases, changes(impl,
                                                "UPDATE cases SET customer_id = ?1, subject = '[erased]' "
                                                "WHERE customer_id = ?2",
                                                {pseudonym, id.value()}));
      // Free text on returns and credit notes may quote the customer; the
      // amounts are financial records and stay (docs/workflow_orders.md).
      BO_ASSIGN_OR_RETURN(report.rmas,
                          changes(impl,
                                  "UPDATE rmas SET reason = '[erased]' WHERE order_id IN "
                                  "(SELECT id FROM orders WHERE customer_id = ?1) AND reason <> '[erased]'",
                                  {id.value()}));
      BO_ASSIGN_OR_RETURN(report.credit_notes,
                          changes(impl,
                                  "UPDATE credit_notes SET reason = '[erased]' WHERE invoice_id IN "
                                  "(SELECT id FROM invoices WHERE customer_id = ?1) AND reason <> '[erased]'",
                                  {id.value()}));
      BO_ASSIGN_OR_RETURN(report.orders,
                          changes(impl, "UPDATE orders SET customer_id = ?1 WHERE customer_id = ?2",
                                  {pseudonym, id.value()}));
      BO_ASSIGN_OR_RETURN(report.invoices,
                          changes(impl, "UPDATE invoices SET customer_id = ?1 WHERE customer_id = ?2",
                                  {pseudonym, id.value()}));
      BO_ASSIGN_OR_RETURN(report.payments,
                          changes(impl, "UPDATE payments SET customer_id = ?1 WHERE customer_id = ?2",
                                  {pseudonym, id.value()}));
    }
    BO_ASSIGN_OR_RETURN(auto deleted, changes(impl, "DELETE FROM customers WHERE id = ?1", {id.value()}));
    if (deleted != 1) {
      return make_error(ErrorCode::kInternal, "customer", std::to_string(id.value()),
                        "the delete removed no row");
    }
    const AuditRecord record{
        .time = now,
        .actor = std::string(actor),
        .action = "erase",
        .record_kind = "customer",
        .record_id = std::to_string(id.value()),
        .summary =
            fmt::format("deleted customer, {} e-mails, {} phones; pseudonymised {} interactions, "
                        "{} cases, {} orders, {} invoices, {} payments; erased the reasons of {} RMAs, "
                        "{} credit notes",
                        report.emails, report.phones, report.interactions, report.cases, report.orders,
                        report.invoices, report.payments, report.rmas, report.credit_notes)};
    BO_ASSIGN_OR_RETURN(auto entry, compliance_detail::append_audit(impl, record));
    report.audit_seq = entry.seq;
    BO_RETURN_IF_ERROR(tx.commit());
  }
  // Copies of the erased pages stay in the WAL until a checkpoint; TRUNCATE
  // also empties the file. A busy reader only delays this, so its result is
  // not an erasure failure.
  if (auto ck = impl.db.prepare("PRAGMA wal_checkpoint(TRUNCATE)"); ck.ok()) (void)ck->step();
  return report;
}

}  // namespace backoffice
