#include <backoffice/workflow/billing_ledger.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace backoffice {
namespace {

// The replay's error with the record it came from in the field:
// "credit_note.amount" -> "credit_notes[2].amount", and the unknown invoice
// of a credit note ("invoice.id") -> "credit_notes[2].invoice".
Error in_record(Error e, std::string_view prefix, std::string_view record, std::size_t i) {
  std::string_view field = e.field;
  if (field == "invoice.id") {
    field = ".invoice";
  } else if (field.starts_with(prefix)) {
    field.remove_prefix(prefix.size());
  }
  e.field = fmt::format("{}[{}]{}{}", record, i, field.starts_with('.') ? "" : ".", field);
  return e;
}

}  // namespace

Result<Receivables> Receivables::restore(std::vector<Invoice> invoices,
                                         std::span<const CreditNote> credit_notes,
                                         std::span<const Payment> payments) {
  Receivables ledger;
  for (std::size_t i = 0; i < invoices.size(); ++i) {
    if (auto s = invoices[i].validate(); !s.ok())
      return in_record(std::move(s).error(), "invoice", "invoices", i);
    if (auto s = ledger.add_invoice(std::move(invoices[i])); !s.ok()) {
      Error e = std::move(s).error();
      e.field = fmt::format("invoices[{}].id", i);
      return e;
    }
  }
  for (std::size_t i = 0; i < credit_notes.size(); ++i) {
    const CreditNote& n = credit_notes[i];
    auto issued = ledger.issue_credit_note(n.invoice, n.kind, n.amount, n.date, n.reason);
    if (!issued.ok()) return in_record(std::move(issued).error(), "credit_note", "credit_notes", i);
    if (issued->number != n.number) {
      return validation_error(fmt::format("credit_notes[{}].number", i), std::to_string(n.number),
                              fmt::format("credit notes must be numbered 1, 2, ... in the order issued; "
                                          "expected {}",
                                          issued->number));
    }
  }
  for (std::size_t i = 0; i < payments.size(); ++i) {
    const Payment& p = payments[i];
    auto recorded = ledger.record_payment(p.customer, p.amount, p.received, p.allocations);
    if (!recorded.ok()) return in_record(std::move(recorded).error(), "payment", "payments", i);
    if (recorded->number != p.number) {
      return validation_error(fmt::format("payments[{}].number", i), std::to_string(p.number),
                              fmt::format("payments must be numbered 1, 2, ... in the order recorded; "
                                          "expected {}",
                                          recorded->number));
    }
    if (recorded->unapplied != p.unapplied) {
      return validation_error(fmt::format("payments[{}].unapplied", i), p.unapplied.to_string(),
                              fmt::format("the allocations leave {} unapplied", recorded->unapplied));
    }
  }
  return ledger;
}

Status Receivables::add_invoice(Invoice invoice) {
  if (index_.contains(invoice.id)) {
    return make_error(ErrorCode::kConflict, "invoice.id", std::to_string(invoice.id.value()),
                      "an invoice with this id is already in the ledger");
  }
  index_.emplace(invoice.id, invoices_.size());
  open_minor_.push_back(invoice.total.minor_units());
  invoices_.push_back(std::move(invoice));
  return Status::Ok();
}

Result<std::size_t> Receivables::find(InvoiceId id, std::string_view field) const {
  auto it = index_.find(id);
  if (it == index_.end()) {
    return make_error(ErrorCode::kNotFound, field, std::to_string(id.value()),
                      "no such invoice in the ledger");
  }
  return it->second;
}

const Invoice* Receivables::invoice(InvoiceId id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &invoices_[it->second];
}

Result<Money> Receivables::open_balance(InvoiceId id) const {
  BO_ASSIGN_OR_RETURN(std::size_t i, find(id, "invoice.id"));
  return Money(open_minor_[i], invoices_[i].currency());
}

Money Receivables::unapplied_credit(CustomerId customer, const Currency& currency) const {
  Money sum(0, currency);
  for (const Payment& p : payments_) {
    if (p.customer == customer && p.unapplied.currency() == currency) sum = sum + p.unapplied;
  }
  return sum;
}

Result<CreditNote> Receivables::issue_credit_note(InvoiceId id, CreditNoteKind kind, Money amount,
                                                  LocalDate date, std::string_view reason) {
  BO_ASSIGN_OR_RETURN(std::size_t i, find(id, "invoice.id"));
  const Invoice& inv = invoices_[i];
  if (amount.currency() != inv.currency()) {
    return make_error(ErrorCode::kCurrencyMismatch, "credit_note.amount", amount.to_string(),
                      fmt::format("invoice {} is in {}", id, inv.currency().code()));
  }
  if (amount.minor_units() <= 0 || amount.minor_units() > open_minor_[i]) {
    return invalid_argument("credit_note.amount", amount.to_string(),
                            fmt::format("must be more than 0 and at most invoice {}'s open balance {}", id,
                                        Money(open_minor_[i], inv.currency())));
  }
  if (reason.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return invalid_argument("credit_note.reason", reason, "a credit note needs a reason");
  }
  open_minor_[i] -= amount.minor_units();
  credit_notes_.push_back(CreditNote{static_cast<std::int64_t>(credit_notes_.size()) + 1, id, kind, amount,
                                     date, std::string(reason)});
  return credit_notes_.back();
}

Result<Payment> Receivables::record_payment(CustomerId customer, Money amount, LocalDate received,
                                            std::span<const PaymentAllocation> allocations) {
  if (amount.minor_units() <= 0) {
    return invalid_argument("payment.amount", amount.to_string(), "must be more than 0");
  }
  // Validate everything first, so a bad allocation leaves the ledger as it was.
  std::unordered_map<std::size_t, std::int64_t> taken;  // invoice index -> allocated in this payment
  std::int64_t allocated = 0;
  for (std::size_t k = 0; k < allocations.size(); ++k) {
    const PaymentAllocation& a = allocations[k];
    const std::string field = fmt::format("payment.allocations[{}]", k);
    BO_ASSIGN_OR_RETURN(std::size_t i, find(a.invoice, field + ".invoice"));
    const Invoice& inv = invoices_[i];
    if (inv.customer != customer) {
      return invalid_argument(field + ".invoice", std::to_string(a.invoice.value()),
                              fmt::format("belongs to customer {}, not {}", inv.customer, customer));
    }
    if (a.amount.currency() != amount.currency() || inv.currency() != amount.currency()) {
      return make_error(ErrorCode::kCurrencyMismatch, field + ".amount", a.amount.to_string(),
                        fmt::format("payment is in {}, invoice {} in {}", amount.currency().code(), a.invoice,
                                    inv.currency().code()));
    }
    std::int64_t& already = taken[i];
    if (a.amount.minor_units() <= 0 || a.amount.minor_units() > open_minor_[i] - already) {
      return invalid_argument(field + ".amount", a.amount.to_string(),
                              fmt::format("must be more than 0 and at most invoice {}'s open balance {}",
                                          a.invoice, Money(open_minor_[i] - already, inv.currency())));
    }
    already += a.amount.minor_units();
    if (__builtin_add_overflow(allocated, a.amount.minor_units(), &allocated) ||
        allocated > amount.minor_units()) {
      return invalid_argument("payment.allocations", Money(allocated, amount.currency()).to_string(),
                              fmt::format("allocations add up to more than the payment {}", amount));
    }
  }
  for (const PaymentAllocation& a : allocations) open_minor_[index_.at(a.invoice)] -= a.amount.minor_units();
  payments_.push_back(Payment{static_cast<std::int64_t>(payments_.size()) + 1,
                              customer,
                              amount,
                              received,
                              {allocations.begin(), allocations.end()},
                              Money(amount.minor_units() - allocated, amount.currency())});
  return payments_.back();
}

Result<Payment> Receivables::record_payment(CustomerId customer, Money amount, LocalDate received) {
  if (amount.minor_units() <= 0) {
    return invalid_argument("payment.amount", amount.to_string(), "must be more than 0");
  }
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < invoices_.size(); ++i) {
    if (invoices_[i].customer == customer && invoices_[i].currency() == amount.currency() &&
        open_minor_[i] > 0) {
      open.push_back(i);
    }
  }
  std::sort(open.begin(), open.end(), [&](std::size_t a, std::size_t b) {
    if (invoices_[a].due_date != invoices_[b].due_date) return invoices_[a].due_date < invoices_[b].due_date;
    return invoices_[a].id < invoices_[b].id;
  });
  std::vector<PaymentAllocation> allocations;
  std::int64_t left = amount.minor_units();
  for (std::size_t i : open) {
    if (left == 0) break;
    const std::int64_t pay = std::min(left, open_minor_[i]);
    allocations.push_back(PaymentAllocation{invoices_[i].id, Money(pay, amount.currency())});
    left -= pay;
  }
  return record_payment(customer, amount, received, allocations);
}

OpenItems Receivables::open_items() const {
  OpenItems items;
  for (std::size_t i = 0; i < invoices_.size(); ++i) {
    if (open_minor_[i] == 0) continue;
    const Invoice& inv = invoices_[i];
    auto it = std::find(items.currencies.begin(), items.currencies.end(), inv.currency());
    if (it == items.currencies.end()) it = items.currencies.insert(items.currencies.end(), inv.currency());
    items.invoice.push_back(inv.id.value());
    items.customer.push_back(inv.customer.value());
    items.due_day.push_back(inv.due_date.days_since_epoch());
    items.open_minor.push_back(open_minor_[i]);
    items.currency.push_back(static_cast<std::int32_t>(it - items.currencies.begin()));
  }
  return items;
}

}  // namespace backoffice
