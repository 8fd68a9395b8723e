#pragma once

// The receivables ledger: invoices, the credit notes that reduce them
// (refunds, disputes), and customer payments allocated to them. Every
// balance is exact integer minor units; nothing is ever rounded here.
//
// open balance(invoice) = total - credit notes - payments allocated to it.

#include <backoffice/core/civil_time.hpp>
#include <backoffice/core/ids.hpp>
#include <backoffice/core/money.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/payment.hpp>
#include <backoffice/domain/receivable_columns.hpp>
#include <backoffice/workflow/billing_ageing.hpp>
#include <backoffice/workflow/billing_invoice.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace backoffice {

class Receivables {
 public:
  // Rebuilds a ledger from its records, as Store::invoices / credit_notes /
  // payments return them (credit notes and payments each in the order
  // recorded, numbered 1, 2, ...): validates and adds every invoice, then
  // replays each credit note and payment through issue_credit_note /
  // record_payment, so every rule above is checked again. Since credit
  // notes and payments only ever lower balances, replaying them kind by
  // kind accepts exactly the histories an interleaved replay accepts and
  // ends in the same balances. Errors: the first failing rule, its field
  // prefixed with the record ("invoices[i].total", "credit_notes[i].amount",
  // "payments[i].allocations[k].invoice"); kValidation naming
  // "credit_notes[i].number" / "payments[i].number" when the numbers are not
  // 1, 2, ... and "payments[i].unapplied" when the stored unapplied amount
  // differs from the replay's. O(records x log).
  static Result<Receivables> restore(std::vector<Invoice> invoices, std::span<const CreditNote> credit_notes,
                                     std::span<const Payment> payments);

  // Errors: kConflict naming "invoice.id" when the id is already present.
  Status add_invoice(Invoice invoice);

  // nullptr when absent.
  const Invoice* invoice(InvoiceId id) const;
  // kNotFound naming "invoice.id" when absent. O(1).
  Result<Money> open_balance(InvoiceId id) const;
  const std::vector<CreditNote>& credit_notes() const { return credit_notes_; }
  const std::vector<Payment>& payments() const { return payments_; }
  // Payments not allocated to any invoice, per customer and currency (zero
  // when none).
  Money unapplied_credit(CustomerId customer, const Currency& currency) const;

  // Credits `amount` (> 0, the invoice's currency) against the invoice.
  // Errors: kNotFound ("invoice.id"); kCurrencyMismatch; kInvalidArgument
  // naming "credit_note.amount" when <= 0 or more than the open balance
  // (the message gives the balance); blank reason ("credit_note.reason").
  Result<CreditNote> issue_credit_note(InvoiceId id, CreditNoteKind kind, Money amount, LocalDate date,
                                       std::string_view reason);

  // Records a payment allocated as the caller says; whatever is not
  // allocated becomes unapplied credit. Errors: amount <= 0
  // ("payment.amount"); an allocation to an unknown invoice, another
  // customer's invoice, in another currency, <= 0 or beyond its open
  // balance ("payment.allocations[i]..."); allocations adding up to more
  // than the payment ("payment.allocations"). Nothing changes on error.
  Result<Payment> record_payment(CustomerId customer, Money amount, LocalDate received,
                                 std::span<const PaymentAllocation> allocations);
  // Records a payment allocated automatically: the customer's open invoices
  // in the payment's currency, oldest due date first (ties: lower invoice
  // id), each paid in full until the money runs out; the rest is unapplied
  // credit. O(invoices of the customer x log).
  Result<Payment> record_payment(CustomerId customer, Money amount, LocalDate received);

  // Every invoice with a non-zero open balance, in the order added.
  OpenItems open_items() const;

 private:
  Result<std::size_t> find(InvoiceId id, std::string_view field) const;

  std::vector<Invoice> invoices_;
  std::vector<std::int64_t> open_minor_;  // per invoice
  std::unordered_map<InvoiceId, std::size_t> index_;
  std::vector<CreditNote> credit_notes_;
  std::vector<Payment> payments_;
};

}  // namespace backoffice
