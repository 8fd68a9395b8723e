#include <backoffice/domain/invoice.hpp>  // is_set_date
#include <backoffice/domain/payment.hpp>

#include "domain/enum_text.hpp"
#include "domain/validation.hpp"

#include <fmt/format.h>

#include <array>

namespace backoffice {
namespace {

constexpr std::array<detail::EnumName<CreditNoteKind>, 2> kCreditNoteKindNames{{
    {CreditNoteKind::kRefund, "refund"},
    {CreditNoteKind::kDispute, "dispute"},
}};

Error date_error(std::string_view field, LocalDate date) {
  return validation_error(field, date.to_string(), "must be set (after 1970-01-01 and before 10000-01-01)");
}

}  // namespace

std::string_view to_string(CreditNoteKind kind) noexcept {
  return detail::enum_name(kCreditNoteKindNames, kind);
}

Result<CreditNoteKind> parse_credit_note_kind(std::string_view text, std::string_view field) {
  return detail::parse_enum(kCreditNoteKindNames, text, field);
}

Status CreditNote::validate() const {
  if (number < 0)
    return validation_error("credit_note.number", std::to_string(number), "must not be negative");
  if (invoice.value() <= 0) {
    return validation_error("credit_note.invoice", std::to_string(invoice.value()), "must be more than 0");
  }
  if (amount.minor_units() <= 0) {
    return validation_error("credit_note.amount", amount.to_string(), "must be more than 0");
  }
  if (!is_set_date(date)) return date_error("credit_note.date", date);
  if (detail::is_blank(reason)) return detail::blank_error("credit_note.reason", reason);
  return Status::Ok();
}

Status Payment::validate() const {
  if (number < 0) return validation_error("payment.number", std::to_string(number), "must not be negative");
  if (customer.value() <= 0) {
    return validation_error("payment.customer", std::to_string(customer.value()), "must be more than 0");
  }
  if (amount.minor_units() <= 0)
    return validation_error("payment.amount", amount.to_string(), "must be more than 0");
  if (!is_set_date(received)) return date_error("payment.received", received);
  std::int64_t allocated = 0;
  for (std::size_t i = 0; i < allocations.size(); ++i) {
    const PaymentAllocation& a = allocations[i];
    if (a.invoice.value() <= 0) {
      return validation_error(fmt::format("payment.allocations[{}].invoice", i),
                              std::to_string(a.invoice.value()), "must be more than 0");
    }
    if (a.amount.currency() != amount.currency()) {
      return validation_error(fmt::format("payment.allocations[{}].amount", i), a.amount.to_string(),
                              fmt::format("must be in the payment's currency {}", amount.currency().code()));
    }
    if (a.amount.minor_units() <= 0) {
      return validation_error(fmt::format("payment.allocations[{}].amount", i), a.amount.to_string(),
                              "must be more than 0");
    }
    if (__builtin_add_overflow(allocated, a.amount.minor_units(), &allocated) ||
        allocated > amount.minor_units()) {
      return validation_error("payment.allocations", Money(allocated, amount.currency()).to_string(),
                              fmt::format("allocations add up to more than the payment {}", amount));
    }
  }
  const Money expected(amount.minor_units() - allocated, amount.currency());
  if (unapplied != expected) {
    return validation_error("payment.unapplied", unapplied.to_string(),
                            fmt::format("must be amount - allocations = {}", expected));
  }
  return Status::Ok();
}

std::string to_string(const CreditNote& n) {
  return fmt::format("credit note {} ({}) {} on invoice {}, {}: {}", n.number, n.kind, n.amount, n.invoice,
                     n.date, n.reason);
}

std::string to_string(const Payment& p) {
  return fmt::format("payment {} customer {} {} received {}, {} allocation{}, {} unapplied", p.number,
                     p.customer, p.amount, p.received, p.allocations.size(),
                     p.allocations.size() == 1 ? "" : "s", p.unapplied);
}

}  // namespace backoffice
