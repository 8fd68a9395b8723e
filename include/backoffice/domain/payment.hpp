#pragma once

// The entries of the receivables ledger besides invoices: credit notes that
// reduce an invoice (refunds, disputes) and customer payments allocated to
// invoices. Records and their validation; the ledger's rules (balances,
// allocation) are in workflow/billing_ledger.hpp. Both are financial
// records: once recorded they are never changed, only added to.

#include <backoffice/core/civil_time.hpp>
#include <backoffice/core/ids.hpp>
#include <backoffice/core/money.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/formatting.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace backoffice {

enum class CreditNoteKind { kRefund, kDispute };
// "refund", "dispute" (stable names, stored in SQLite); "unknown" otherwise.
std::string_view to_string(CreditNoteKind kind) noexcept;
// Reads to_string's names, ignoring ASCII case; unknown text is a kParse
// error naming `field`.
Result<CreditNoteKind> parse_credit_note_kind(std::string_view text,
                                              std::string_view field = "credit_note.kind");

struct CreditNote {
  std::int64_t number = 0;  // 1, 2, ... in the order issued; 0 = not yet numbered
  InvoiceId invoice;
  CreditNoteKind kind = CreditNoteKind::kRefund;
  Money amount;  // > 0, in the invoice's currency
  LocalDate date;
  std::string reason;  // free text; may quote the customer (erasure blanks it)

  // kValidation naming "credit_note.<field>": number >= 0, invoice > 0,
  // amount > 0, date set (is_set_date), reason not blank. The invoice's
  // currency and open balance are checked where the invoice is known
  // (Receivables, Store::add_credit_note). O(1).
  Status validate() const;

  friend bool operator==(const CreditNote&, const CreditNote&) = default;
};

struct PaymentAllocation {
  InvoiceId invoice;
  Money amount;  // > 0, in the payment's currency
  friend bool operator==(const PaymentAllocation&, const PaymentAllocation&) = default;
};

struct Payment {
  std::int64_t number = 0;  // 1, 2, ... in the order recorded; 0 = not yet numbered
  CustomerId customer;
  Money amount;  // > 0
  LocalDate received;
  std::vector<PaymentAllocation> allocations;
  Money unapplied;  // amount - allocations: kept as the customer's credit

  // kValidation naming "payment.<field>": number >= 0, customer > 0,
  // amount > 0, received set (is_set_date); each allocations[i]: invoice > 0,
  // amount > 0 in the payment's currency ("payment.allocations[i].<field>");
  // the allocations add up to at most amount ("payment.allocations");
  // unapplied == amount - allocations ("payment.unapplied"). Whether each
  // invoice exists, is the customer's and has that much open is checked
  // where invoices are known. O(allocations).
  Status validate() const;

  friend bool operator==(const Payment&, const Payment&) = default;
};

// "credit note 3 (refund) 10.00 EUR on invoice 1, 2024-03-10: damaged".
std::string to_string(const CreditNote& note);
// "payment 2 customer 42 50.00 EUR received 2024-03-12, 1 allocation, 0.00 EUR unapplied".
std::string to_string(const Payment& payment);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::CreditNoteKind>
    : backoffice::detail::ToStringFormatter<backoffice::CreditNoteKind> {};
template <>
struct fmt::formatter<backoffice::CreditNote>
    : backoffice::detail::ToStringFormatter<backoffice::CreditNote> {};
template <>
struct fmt::formatter<backoffice::Payment> : backoffice::detail::ToStringFormatter<backoffice::Payment> {};
