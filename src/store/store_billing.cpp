// The receivables ledger: invoices with their lines, credit notes, payments
// with their allocations. Invoices are upserted while nothing refers to
// them; credit notes and payments are only ever appended.
#include <backoffice/store/store.hpp>

#include "store/store_impl.hpp"
#include "store/store_ingest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace backoffice {
namespace {

using store_detail::Statement;
using store_detail::Transaction;
using store_detail::WhereBuilder;

// The statement for a ledger list: `select` filtered by a LedgerQuery, with
// the dates in `day_column` ([from, to) as days since 1970) and the customer
// by `customer_clause` (which reads ?3), then `order_by`.
Result<Statement*> ledger_statement(Store::Impl& impl, std::string_view select, const LedgerQuery& q,
                                    std::string_view day_column, std::string_view customer_clause,
                                    std::string_view order_by) {
  std::string sql(select);
  WhereBuilder where(sql);
  where.add(q.from.has_value(), fmt::format("{} >= ?1", day_column));
  where.add(q.to.has_value(), fmt::format("{} < ?2", day_column));
  where.add(q.customer.has_value(), customer_clause);
  sql += order_by;
  BO_ASSIGN_OR_RETURN(auto* st, impl.statement(sql));
  if (q.from) st->bind(1, q.from->days_since_epoch());
  if (q.to) st->bind(2, q.to->days_since_epoch());
  if (q.customer) st->bind(3, q.customer->value());
  return st;
}

// An upsert, not INSERT OR REPLACE: REPLACE deletes the old row first, and
// the delete would cascade to the invoice's lines.
constexpr std::string_view kPutInvoice =
    "INSERT INTO invoices (id, customer_id, order_id, currency, subtotal_minor, shipping_minor, tax_minor, "
    "total_minor, issue_day, due_day) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
    "ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, order_id = excluded.order_id, "
    "currency = excluded.currency, subtotal_minor = excluded.subtotal_minor, "
    "shipping_minor = excluded.shipping_minor, tax_minor = excluded.tax_minor, "
    "total_minor = excluded.total_minor, issue_day = excluded.issue_day, due_day = excluded.due_day";
constexpr std::string_view kPutLine =
    "INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit_price_minor, amount_minor) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

// Lines joined in so a range read is one statement.
constexpr std::string_view kInvoiceColumns =
    "SELECT i.id, i.customer_id, i.order_id, i.currency, i.subtotal_minor, i.shipping_minor, i.tax_minor, "
    "i.total_minor, i.issue_day, i.due_day, l.description, l.quantity, l.unit_price_minor, l.amount_minor "
    "FROM invoices i LEFT JOIN invoice_lines l ON l.invoice_id = i.id";
constexpr std::string_view kInvoiceOrder = " ORDER BY i.issue_day, i.id, l.position";

// open = total - credit notes - allocated payments, per invoice.
constexpr std::string_view kOpenMinor =
    "i.total_minor - coalesce((SELECT sum(c.amount_minor) FROM credit_notes c WHERE c.invoice_id = i.id), 0) "
    "- coalesce((SELECT sum(a.amount_minor) FROM payment_allocations a WHERE a.invoice_id = i.id), 0)";

constexpr std::string_view kCreditNoteColumns =
    "SELECT c.number, c.invoice_id, c.kind, c.currency, c.amount_minor, c.day, c.reason FROM credit_notes c";
constexpr std::string_view kPaymentColumns =
    "SELECT p.number, p.customer_id, p.currency, p.amount_minor, p.received_day, p.unapplied_minor, "
    "a.invoice_id, a.amount_minor FROM payments p "
    "LEFT JOIN payment_allocations a ON a.payment_number = p.number";

// Currencies are few; rows repeat the previous row's most of the time.
class CurrencyCache {
 public:
  Result<Currency> get(std::string_view code) {
    if (!last_ || last_->code() != code) {
      BO_ASSIGN_OR_RETURN(last_, Currency::of(code));
    }
    return *last_;
  }

 private:
  std::optional<Currency> last_;
};

Result<std::vector<Invoice>> read_invoices(Statement& st) {
  std::vector<Invoice> out;
  CurrencyCache currencies;
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    const InvoiceId id(st.int64(0));
    BO_ASSIGN_OR_RETURN(Currency cur, currencies.get(st.text(3)));
    if (out.empty() || out.back().id != id) {
      Invoice inv{.id = id,
                  .customer = CustomerId(st.int64(1)),
                  .order = std::nullopt,
                  .lines = {},
                  .subtotal = Money(st.int64(4), cur),
                  .shipping = Money(st.int64(5), cur),
                  .tax = Money(st.int64(6), cur),
                  .total = Money(st.int64(7), cur),
                  .issue_date = LocalDate(static_cast<std::int32_t>(st.int64(8))),
                  .due_date = LocalDate(static_cast<std::int32_t>(st.int64(9)))};
      if (!st.is_null(2)) inv.order = OrderId(st.int64(2));
      out.push_back(std::move(inv));
    }
    if (!st.is_null(10)) {
      out.back().lines.push_back(InvoiceLine{std::string(st.text(10)), st.int64(11), Money(st.int64(12), cur),
                                             Money(st.int64(13), cur)});
    }
  }
  return out;
}

// What add_credit_note and add_payment check an entry against.
struct InvoiceState {
  CustomerId customer;
  Currency currency;
  std::int64_t open_minor = 0;
};

Result<std::optional<InvoiceState>> invoice_state(Store::Impl& impl, InvoiceId id) {
  static const std::string sql =
      fmt::format("SELECT i.customer_id, i.currency, {} FROM invoices i WHERE i.id = ?1", kOpenMinor);
  BO_ASSIGN_OR_RETURN(auto* st, impl.statement(sql));
  st->bind(1, id.value());
  BO_ASSIGN_OR_RETURN(bool row, st->step());
  if (!row) return std::optional<InvoiceState>();
  BO_ASSIGN_OR_RETURN(Currency cur, Currency::of(st->text(1)));
  return std::optional<InvoiceState>(InvoiceState{CustomerId(st->int64(0)), cur, st->int64(2)});
}

// The number a new entry gets (1 + the last), or kConflict when the record
// already carries another one.
Result<std::int64_t> next_number(Store::Impl& impl, std::string_view sql, std::int64_t given,
                                 std::string_view field) {
  BO_ASSIGN_OR_RETURN(auto* st, impl.statement(sql));
  BO_ASSIGN_OR_RETURN(bool row, st->step());
  const std::int64_t next = (row ? st->int64(0) : 0) + 1;
  if (given != 0 && given != next) {
    return make_error(ErrorCode::kConflict, field, std::to_string(given),
                      fmt::format("the ledger's next number is {} (0 assigns it)", next));
  }
  return next;
}

Error not_open(std::string_view field, const Money& amount, InvoiceId id, std::int64_t open_minor) {
  return validation_error(
      field, amount.to_string(),
      fmt::format("must be at most invoice {}'s open balance {}", id, Money(open_minor, amount.currency())));
}

Status check_invoice_references(Store::Impl& impl, const Invoice& inv) {
  BO_ASSIGN_OR_RETURN(auto* refs,
                      impl.statement("SELECT (SELECT count(*) FROM credit_notes WHERE invoice_id = ?1) "
                                     "+ (SELECT count(*) FROM payment_allocations WHERE invoice_id = ?1)"));
  refs->bind(1, inv.id.value());
  BO_ASSIGN_OR_RETURN(bool row, refs->step());
  if (row && refs->int64(0) > 0) {
    return make_error(ErrorCode::kConflict, "invoice.id", std::to_string(inv.id.value()),
                      fmt::format("{} credit note(s) or payment(s) refer to this invoice, so it is closed; "
                                  "correct it with a credit note",
                                  refs->int64(0)));
  }
  BO_ASSIGN_OR_RETURN(bool customer, store_detail::row_exists(impl, "SELECT 1 FROM customers WHERE id = ?1",
                                                              inv.customer.value()));
  if (!customer) {
    return validation_error("invoice.customer", std::to_string(inv.customer.value()), "unknown customer");
  }
  if (!inv.order) return Status::Ok();
  BO_ASSIGN_OR_RETURN(auto* order, impl.statement("SELECT customer_id, currency FROM orders WHERE id = ?1"));
  order->bind(1, inv.order->value());
  BO_ASSIGN_OR_RETURN(bool found, order->step());
  const std::string id = std::to_string(inv.order->value());
  if (!found) return validation_error("invoice.order", id, "unknown order");
  if (order->is_null(0) || order->int64(0) != inv.customer.value()) {
    return validation_error("invoice.order", id,
                            fmt::format("the order is not customer {}'s", inv.customer.value()));
  }
  if (order->text(1) != inv.currency().code()) {
    return validation_error(
        "invoice.order", id,
        fmt::format("the order is in {}, the invoice in {}", order->text(1), inv.currency().code()));
  }
  return Status::Ok();
}

}  // namespace

Status Store::put_invoice(const Invoice& inv) {
  BO_RETURN_IF_ERROR(inv.validate());
  BO_ASSIGN_OR_RETURN(auto tx, Transaction::begin(impl_->db));
  BO_RETURN_IF_ERROR(check_invoice_references(*impl_, inv));
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(kPutInvoice));
  st->bind(1, inv.id.value());
  st->bind(2, inv.customer.value());
  if (inv.order)
    st->bind(3, inv.order->value());
  else
    st->bind_null(3);
  st->bind(4, inv.currency().code());
  st->bind(5, inv.subtotal.minor_units());
  st->bind(6, inv.shipping.minor_units());
  st->bind(7, inv.tax.minor_units());
  st->bind(8, inv.total.minor_units());
  st->bind(9, inv.issue_date.days_since_epoch());
  st->bind(10, inv.due_date.days_since_epoch());
  BO_RETURN_IF_ERROR(st->run());
  BO_ASSIGN_OR_RETURN(auto* del, impl_->statement("DELETE FROM invoice_lines WHERE invoice_id = ?1"));
  del->bind(1, inv.id.value());
  BO_RETURN_IF_ERROR(del->run());
  BO_ASSIGN_OR_RETURN(auto* line, impl_->statement(kPutLine));
  for (std::size_t i = 0; i < inv.lines.size(); ++i) {
    const InvoiceLine& l = inv.lines[i];
    line->bind(1, inv.id.value());
    line->bind(2, static_cast<std::int64_t>(i));
    line->bind(3, std::string_view(l.description));
    line->bind(4, l.quantity);
    line->bind(5, l.unit_price.minor_units());
    line->bind(6, l.amount.minor_units());
    BO_RETURN_IF_ERROR(line->run());
  }
  BO_RETURN_IF_ERROR(
      impl_->notify("put", "invoice", std::to_string(inv.id.value()), 1, [&] { return to_string(inv); }));
  return tx.commit();
}

Result<Invoice> Store::get_invoice(InvoiceId id) const {
  static const std::string sql = fmt::format("{} WHERE i.id = ?1{}", kInvoiceColumns, kInvoiceOrder);
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(sql));
  st->bind(1, id.value());
  BO_ASSIGN_OR_RETURN(auto found, read_invoices(*st));
  if (found.empty()) return store_detail::not_found("invoice", id);
  return std::move(found.front());
}

Result<std::vector<Invoice>> Store::invoices(const InvoiceQuery& q) const {
  BO_ASSIGN_OR_RETURN(auto* st, ledger_statement(*impl_, kInvoiceColumns, q, "i.issue_day",
                                                 "i.customer_id = ?3", kInvoiceOrder));
  return read_invoices(*st);
}

Result<CreditNote> Store::add_credit_note(const CreditNote& note) {
  BO_RETURN_IF_ERROR(note.validate());
  BO_ASSIGN_OR_RETURN(auto tx, Transaction::begin(impl_->db));
  BO_ASSIGN_OR_RETURN(auto inv, invoice_state(*impl_, note.invoice));
  if (!inv)
    return validation_error("credit_note.invoice", std::to_string(note.invoice.value()), "unknown invoice");
  if (note.amount.currency() != inv->currency) {
    return validation_error("credit_note.amount", note.amount.to_string(),
                            fmt::format("invoice {} is in {}", note.invoice, inv->currency.code()));
  }
  if (note.amount.minor_units() > inv->open_minor) {
    return not_open("credit_note.amount", note.amount, note.invoice, inv->open_minor);
  }
  CreditNote stored = note;
  BO_ASSIGN_OR_RETURN(stored.number, next_number(*impl_, "SELECT coalesce(max(number), 0) FROM credit_notes",
                                                 note.number, "credit_note.number"));
  BO_ASSIGN_OR_RETURN(auto* st,
                      impl_->statement("INSERT INTO credit_notes (number, invoice_id, kind, currency, "
                                       "amount_minor, day, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  st->bind(1, stored.number);
  st->bind(2, stored.invoice.value());
  st->bind(3, to_string(stored.kind));
  st->bind(4, stored.amount.currency().code());
  st->bind(5, stored.amount.minor_units());
  st->bind(6, stored.date.days_since_epoch());
  st->bind(7, std::string_view(stored.reason));
  BO_RETURN_IF_ERROR(st->run());
  BO_RETURN_IF_ERROR(impl_->notify("put", "credit_note", std::to_string(stored.number), 1,
                                   [&] { return to_string(stored); }));
  BO_RETURN_IF_ERROR(tx.commit());
  return stored;
}

Result<Payment> Store::add_payment(const Payment& payment) {
  BO_RETURN_IF_ERROR(payment.validate());
  BO_ASSIGN_OR_RETURN(auto tx, Transaction::begin(impl_->db));
  BO_ASSIGN_OR_RETURN(bool customer, store_detail::row_exists(*impl_, "SELECT 1 FROM customers WHERE id = ?1",
                                                              payment.customer.value()));
  if (!customer) {
    return validation_error("payment.customer", std::to_string(payment.customer.value()), "unknown customer");
  }
  std::unordered_map<InvoiceId, std::int64_t> taken;  // allocated to the invoice by this payment so far
  for (std::size_t i = 0; i < payment.allocations.size(); ++i) {
    const PaymentAllocation& a = payment.allocations[i];
    const std::string field = fmt::format("payment.allocations[{}]", i);
    BO_ASSIGN_OR_RETURN(auto inv, invoice_state(*impl_, a.invoice));
    if (!inv)
      return validation_error(field + ".invoice", std::to_string(a.invoice.value()), "unknown invoice");
    if (inv->customer != payment.customer) {
      return validation_error(field + ".invoice", std::to_string(a.invoice.value()),
                              fmt::format("belongs to customer {}, not {}", inv->customer, payment.customer));
    }
    if (inv->currency != payment.amount.currency()) {
      return validation_error(field + ".amount", a.amount.to_string(),
                              fmt::format("invoice {} is in {}", a.invoice, inv->currency.code()));
    }
    std::int64_t& already = taken[a.invoice];
    if (a.amount.minor_units() > inv->open_minor - already) {
      return not_open(field + ".amount", a.amount, a.invoice, inv->open_minor - already);
    }
    already += a.amount.minor_units();
  }
  Payment stored = payment;
  BO_ASSIGN_OR_RETURN(stored.number, next_number(*impl_, "SELECT coalesce(max(number), 0) FROM payments",
                                                 payment.number, "payment.number"));
  BO_ASSIGN_OR_RETURN(auto* st,
                      impl_->statement("INSERT INTO payments (number, customer_id, currency, amount_minor, "
                                       "received_day, unapplied_minor) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  st->bind(1, stored.number);
  st->bind(2, stored.customer.value());
  st->bind(3, stored.amount.currency().code());
  st->bind(4, stored.amount.minor_units());
  st->bind(5, stored.received.days_since_epoch());
  st->bind(6, stored.unapplied.minor_units());
  BO_RETURN_IF_ERROR(st->run());
  BO_ASSIGN_OR_RETURN(auto* alloc,
                      impl_->statement("INSERT INTO payment_allocations (payment_number, position, "
                                       "invoice_id, amount_minor) VALUES (?1, ?2, ?3, ?4)"));
  for (std::size_t i = 0; i < stored.allocations.size(); ++i) {
    alloc->bind(1, stored.number);
    alloc->bind(2, static_cast<std::int64_t>(i));
    alloc->bind(3, stored.allocations[i].invoice.value());
    alloc->bind(4, stored.allocations[i].amount.minor_units());
    BO_RETURN_IF_ERROR(alloc->run());
  }
  BO_RETURN_IF_ERROR(
      impl_->notify("put", "payment", std::to_string(stored.number), 1, [&] { return to_string(stored); }));
  BO_RETURN_IF_ERROR(tx.commit());
  return stored;
}

Result<std::vector<CreditNote>> Store::credit_notes(const LedgerQuery& q) const {
  BO_ASSIGN_OR_RETURN(auto* st, ledger_statement(*impl_, kCreditNoteColumns, q, "c.day",
                                                 "c.invoice_id IN (SELECT id FROM invoices WHERE customer_id = ?3)",
                                                 " ORDER BY c.number"));
  std::vector<CreditNote> out;
  CurrencyCache currencies;
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool row, st->step());
    if (!row) break;
    BO_ASSIGN_OR_RETURN(Currency cur, currencies.get(st->text(3)));
    CreditNote n{.number = st->int64(0),
                 .invoice = InvoiceId(st->int64(1)),
                 .kind = CreditNoteKind::kRefund,
                 .amount = Money(st->int64(4), cur),
                 .date = LocalDate(static_cast<std::int32_t>(st->int64(5))),
                 .reason = std::string(st->text(6))};
    BO_ASSIGN_OR_RETURN(n.kind, parse_credit_note_kind(st->text(2), "credit_note.kind"));
    out.push_back(std::move(n));
  }
  return out;
}

Result<std::vector<Payment>> Store::payments(const LedgerQuery& q) const {
  BO_ASSIGN_OR_RETURN(auto* st, ledger_statement(*impl_, kPaymentColumns, q, "p.received_day",
                                                 "p.customer_id = ?3", " ORDER BY p.number, a.position"));
  std::vector<Payment> out;
  CurrencyCache currencies;
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool row, st->step());
    if (!row) break;
    BO_ASSIGN_OR_RETURN(Currency cur, currencies.get(st->text(2)));
    const std::int64_t number = st->int64(0);
    if (out.empty() || out.back().number != number) {
      out.push_back(Payment{.number = number,
                            .customer = CustomerId(st->int64(1)),
                            .amount = Money(st->int64(3), cur),
                            .received = LocalDate(static_cast<std::int32_t>(st->int64(4))),
                            .allocations = {},
                            .unapplied = Money(st->int64(5), cur)});
    }
    if (!st->is_null(6)) {
      out.back().allocations.push_back(PaymentAllocation{InvoiceId(st->int64(6)), Money(st->int64(7), cur)});
    }
  }
  return out;
}

Result<Money> Store::open_balance(InvoiceId id) const {
  BO_ASSIGN_OR_RETURN(auto inv, invoice_state(*impl_, id));
  if (!inv) return store_detail::not_found("invoice", id);
  return Money(inv->open_minor, inv->currency);
}

Result<OpenItems> Store::open_items(std::optional<CustomerId> customer) const {
  static const std::string all = fmt::format(
      "SELECT id, customer_id, due_day, currency, open_minor FROM (SELECT i.id, i.customer_id, i.due_day, "
      "i.currency, i.issue_day, {} AS open_minor FROM invoices i) WHERE open_minor <> 0 ORDER BY issue_day, "
      "id",
      kOpenMinor);
  static const std::string one = fmt::format(
      "SELECT id, customer_id, due_day, currency, open_minor FROM (SELECT i.id, i.customer_id, i.due_day, "
      "i.currency, i.issue_day, {} AS open_minor FROM invoices i WHERE i.customer_id = ?1) WHERE open_minor "
      "<> 0 "
      "ORDER BY issue_day, id",
      kOpenMinor);
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(customer ? one : all));
  if (customer) st->bind(1, customer->value());
  OpenItems items;
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool row, st->step());
    if (!row) break;
    const std::string_view code = st->text(3);
    auto it = std::find_if(items.currencies.begin(), items.currencies.end(),
                           [&](const Currency& c) { return c.code() == code; });
    if (it == items.currencies.end()) {
      BO_ASSIGN_OR_RETURN(Currency cur, Currency::of(code));
      it = items.currencies.insert(items.currencies.end(), cur);
    }
    items.invoice.push_back(st->int64(0));
    items.customer.push_back(st->int64(1));
    items.due_day.push_back(static_cast<std::int32_t>(st->int64(2)));
    items.open_minor.push_back(st->int64(4));
    items.currency.push_back(static_cast<std::int32_t>(it - items.currencies.begin()));
  }
  return items;
}

}  // namespace backoffice
