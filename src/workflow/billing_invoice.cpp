#include <backoffice/workflow/billing_invoice.hpp>

namespace backoffice {

Result<Invoice> invoice_for_order(InvoiceId id, const Order& order, LocalDate issue_date, int terms_days) {
  BO_RETURN_IF_ERROR(order.validate());
  if (order.status == OrderStatus::kCancelled) {
    return make_error(ErrorCode::kConflict, "order.status", to_string(order.status),
                      "a cancelled order is not invoiced");
  }
  if (terms_days < 0 || terms_days > kMaxTermsDays) {
    return invalid_argument("terms_days", std::to_string(terms_days),
                            fmt::format("must be between 0 and {}", kMaxTermsDays));
  }
  std::vector<InvoiceLine> lines;
  lines.reserve(order.lines.size());
  for (const OrderLine& line : order.lines) {
    BO_ASSIGN_OR_RETURN(Money amount, line.amount());
    lines.push_back(InvoiceLine{line.sku, line.quantity, line.unit_price, amount});
  }
  // validate() has checked that the total fits, so these cannot fail.
  const Money subtotal = order.subtotal().value();
  const Money total = order.total().value();
  return Invoice{id,         order.customer,
                 order.id,   std::move(lines),
                 subtotal,   order.shipping,
                 order.tax,  total,
                 issue_date, issue_date.plus_days(terms_days)};
}

}  // namespace backoffice
