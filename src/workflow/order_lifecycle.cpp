#include <backoffice/workflow/order_lifecycle.hpp>

#include <algorithm>

namespace backoffice {
namespace {

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos; }

Error illegal(OrderStatus from, OrderStatus to) {
  return make_error(ErrorCode::kConflict, "order.status", to_string(from),
                    fmt::format("an order cannot go from {} to {}", from, to));
}

}  // namespace

std::string_view to_string(VerificationCheck check) noexcept {
  switch (check) {
    case VerificationCheck::kAddressPresent:
      return "address_present";
    case VerificationCheck::kPaymentAuthorised:
      return "payment_authorised";
    case VerificationCheck::kStockAvailable:
      return "stock_available";
  }
  return "unknown";
}

std::string VerificationFailure::to_string() const {
  switch (check) {
    case VerificationCheck::kAddressPresent:
      return "address missing";
    case VerificationCheck::kPaymentAuthorised:
      return "payment not authorised";
    case VerificationCheck::kStockAvailable:
      return fmt::format("out of stock: {}", sku);
  }
  return "unknown";
}

OrderWorkflow::OrderWorkflow(Order order, ReturnPolicy policy)
    : order_(std::move(order)), returns_(order_, policy) {}

Result<OrderWorkflow> OrderWorkflow::place(Order order, std::string_view actor, ReturnPolicy policy) {
  BO_RETURN_IF_ERROR(order.validate());
  if (order.status != OrderStatus::kPlaced) {
    return make_error(ErrorCode::kConflict, "order.status", to_string(order.status),
                      "a workflow starts from an order that is placed");
  }
  OrderWorkflow wf(std::move(order), policy);
  wf.order_.updated_at = wf.order_.placed_at;
  wf.history_.push_back(OrderEvent{wf.order_.placed_at, std::string(actor), OrderStatus::kPlaced,
                                   OrderStatus::kPlaced, "placed"});
  return wf;
}

Status OrderWorkflow::check_time(Instant at) const {
  if (at < order_.updated_at) {
    return invalid_argument("at", at.to_string(),
                            fmt::format("is before the order's last change at {}", order_.updated_at));
  }
  return Status::Ok();
}

Status OrderWorkflow::transition(OrderStatus from, OrderStatus to, Instant at, std::string_view actor,
                                 std::string reason) {
  if (order_.status != from) return illegal(order_.status, to);
  BO_RETURN_IF_ERROR(check_time(at));
  order_.status = to;
  order_.updated_at = at;
  history_.push_back(OrderEvent{at, std::string(actor), from, to, std::move(reason)});
  return Status::Ok();
}

Result<VerificationOutcome> OrderWorkflow::verify(const VerificationChecks& checks, Instant at,
                                                  std::string_view actor) {
  if (order_.status != OrderStatus::kPlaced) return illegal(order_.status, OrderStatus::kVerified);
  BO_RETURN_IF_ERROR(check_time(at));
  VerificationOutcome outcome;
  if (!checks.address_present) outcome.failures.push_back({VerificationCheck::kAddressPresent, ""});
  if (!checks.payment_authorised) outcome.failures.push_back({VerificationCheck::kPaymentAuthorised, ""});
  for (const std::string& sku : checks.out_of_stock_skus) {
    const bool on_order = std::any_of(order_.lines.begin(), order_.lines.end(),
                                      [&](const OrderLine& line) { return line.sku == sku; });
    if (!on_order) return invalid_argument("out_of_stock_skus", sku, "is not a SKU of the order");
    outcome.failures.push_back({VerificationCheck::kStockAvailable, sku});
  }
  if (outcome.passed()) {
    BO_RETURN_IF_ERROR(transition(OrderStatus::kPlaced, OrderStatus::kVerified, at, actor, "verified"));
    return outcome;
  }
  std::string why = "verification failed: ";
  for (std::size_t i = 0; i < outcome.failures.size(); ++i) {
    if (i > 0) why += "; ";
    why += outcome.failures[i].to_string();
  }
  order_.updated_at = at;
  history_.push_back(OrderEvent{at, std::string(actor), OrderStatus::kPlaced, OrderStatus::kPlaced, why});
  return outcome;
}

Status OrderWorkflow::start_fulfilment(Instant at, std::string_view actor) {
  return transition(OrderStatus::kVerified, OrderStatus::kFulfilling, at, actor, "fulfilment started");
}

Status OrderWorkflow::ship(std::string_view carrier, std::string_view tracking, Instant at,
                           std::string_view actor) {
  if (order_.status != OrderStatus::kFulfilling) return illegal(order_.status, OrderStatus::kShipped);
  if (is_blank(carrier)) return invalid_argument("carrier", carrier, "must not be empty or blank");
  if (is_blank(tracking)) return invalid_argument("tracking", tracking, "must not be empty or blank");
  BO_RETURN_IF_ERROR(transition(OrderStatus::kFulfilling, OrderStatus::kShipped, at, actor,
                                fmt::format("shipped with {}, tracking {}", carrier, tracking)));
  shipment_ = Shipment{std::string(carrier), std::string(tracking), at};
  return Status::Ok();
}

Status OrderWorkflow::deliver(Instant at, std::string_view actor) {
  BO_RETURN_IF_ERROR(transition(OrderStatus::kShipped, OrderStatus::kDelivered, at, actor, "delivered"));
  delivered_at_ = at;
  return Status::Ok();
}

Status OrderWorkflow::cancel(Instant at, std::string_view reason, std::string_view actor) {
  const OrderStatus from = order_.status;
  if (from != OrderStatus::kPlaced && from != OrderStatus::kVerified && from != OrderStatus::kFulfilling) {
    return make_error(ErrorCode::kConflict, "order.status", to_string(from),
                      fmt::format("an order cannot go from {} to cancelled: only placed, verified or "
                                  "fulfilling orders can be cancelled",
                                  from));
  }
  if (is_blank(reason)) return invalid_argument("reason", reason, "a cancellation needs a reason");
  return transition(from, OrderStatus::kCancelled, at, actor, std::string(reason));
}

Result<RmaId> OrderWorkflow::request_return(std::vector<ReturnLine> lines, Instant at,
                                            std::string_view reason, std::string_view actor) {
  if (order_.status != OrderStatus::kDelivered) {
    return make_error(ErrorCode::kConflict, "order.status", to_string(order_.status),
                      fmt::format("only a delivered order accepts returns; this one is {}", order_.status));
  }
  BO_RETURN_IF_ERROR(check_time(at));
  BO_ASSIGN_OR_RETURN(RmaId id, returns_.request(std::move(lines), at, std::string(reason)));
  order_.updated_at = at;
  history_.push_back(OrderEvent{at, std::string(actor), order_.status, order_.status,
                                fmt::format("return {} requested: {}", id, reason)});
  return id;
}

Status OrderWorkflow::receive_return(RmaId rma, Instant at, std::string_view actor) {
  BO_RETURN_IF_ERROR(check_time(at));
  BO_RETURN_IF_ERROR(returns_.receive(rma, at));
  order_.updated_at = at;
  history_.push_back(OrderEvent{at, std::string(actor), order_.status, order_.status,
                                fmt::format("return {} received", rma)});
  return Status::Ok();
}

Status OrderWorkflow::reject_return(RmaId rma, Instant at, std::string_view reason, std::string_view actor) {
  BO_RETURN_IF_ERROR(check_time(at));
  BO_RETURN_IF_ERROR(returns_.reject(rma, at, std::string(reason)));
  order_.updated_at = at;
  history_.push_back(OrderEvent{at, std::string(actor), order_.status, order_.status,
                                fmt::format("return {} rejected: {}", rma, reason)});
  return Status::Ok();
}

Result<Refund> OrderWorkflow::refund_return(RmaId rma, Instant at, std::string_view actor) {
  BO_RETURN_IF_ERROR(check_time(at));
  BO_ASSIGN_OR_RETURN(Refund refund, returns_.refund(rma, at));
  const OrderStatus to = refund.completes_order ? OrderStatus::kReturned : order_.status;
  history_.push_back(OrderEvent{at, std::string(actor), order_.status, to,
                                fmt::format("return {} refunded {}", rma, refund.total)});
  order_.status = to;
  order_.updated_at = at;
  return refund;
}

}  // namespace backoffice
