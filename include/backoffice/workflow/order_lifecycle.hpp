#pragma once

// The order lifecycle: which status changes are allowed, what each one
// needs, and the history of who changed what, when and why. The record
// itself (Order, OrderStatus) lives in domain/order.hpp.
//
//   placed --verify--> verified --start_fulfilment--> fulfilling --ship--> shipped
//   shipped --deliver--> delivered --(every unit returned and refunded)--> returned
//   placed | verified | fulfilling --cancel--> cancelled
//
// Returns (RMAs) are kept by OrderWorkflow through order_returns.hpp.

#include <backoffice/core/instant.hpp>
#include <backoffice/core/money.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/order.hpp>
#include <backoffice/workflow/order_returns.hpp>

#include <fmt/format.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backoffice {

// One status change (or a failed verification, which keeps the status):
// who made it, when (UTC), from and to which status, and why.
struct OrderEvent {
  Instant at;
  std::string actor;
  OrderStatus from;
  OrderStatus to;
  std::string reason;

  friend bool operator==(const OrderEvent&, const OrderEvent&) = default;
};

// The facts verification checks, gathered by the caller from the address
// book, the payment gateway and the warehouse.
struct VerificationChecks {
  bool address_present = false;
  bool payment_authorised = false;
  std::vector<std::string> out_of_stock_skus;  // SKUs of the order with too little stock
};

enum class VerificationCheck { kAddressPresent, kPaymentAuthorised, kStockAvailable };

// Why verification failed: the check and, for stock, the SKU.
struct VerificationFailure {
  VerificationCheck check;
  std::string sku;  // kStockAvailable only

  // "address missing", "payment not authorised", "out of stock: SKU-1".
  std::string to_string() const;
  friend bool operator==(const VerificationFailure&, const VerificationFailure&) = default;
};

// Every failed check, in the order address, payment, stock (SKUs in the
// order given); empty when the order was verified.
struct VerificationOutcome {
  std::vector<VerificationFailure> failures;
  bool passed() const { return failures.empty(); }
};

struct Shipment {
  std::string carrier;
  std::string tracking;
  Instant shipped_at;
};

// An order moving through its lifecycle. Every transition takes the instant
// it happened (UTC, not before the previous event: kInvalidArgument naming
// field "at") and the actor. An illegal transition is a kConflict error with
// field "order.status", the current status as value, and a message naming
// both states ("cannot go from shipped to cancelled").
class OrderWorkflow {
 public:
  // Starts the workflow of a validated order in status placed; records the
  // "placed" event at order.placed_at. Errors: the order's validate() error;
  // kConflict when order.status is not placed.
  static Result<OrderWorkflow> place(Order order, std::string_view actor = "system",
                                     ReturnPolicy policy = {});

  const Order& order() const { return order_; }
  OrderStatus status() const { return order_.status; }
  const std::vector<OrderEvent>& history() const { return history_; }
  const std::optional<Shipment>& shipment() const { return shipment_; }
  std::optional<Instant> delivered_at() const { return delivered_at_; }
  const OrderReturns& returns() const { return returns_; }

  // placed -> verified when every check passes. Otherwise the order stays
  // placed, an event placed -> placed records the reasons, and the outcome
  // lists every failure (not only the first). Errors: kConflict unless
  // placed; kInvalidArgument (field "out_of_stock_skus") for a SKU that is
  // not on the order.
  Result<VerificationOutcome> verify(const VerificationChecks& checks, Instant at,
                                     std::string_view actor = "system");
  // verified -> fulfilling.
  Status start_fulfilment(Instant at, std::string_view actor = "system");
  // fulfilling -> shipped. carrier and tracking must not be blank
  // (kInvalidArgument naming "carrier" / "tracking").
  Status ship(std::string_view carrier, std::string_view tracking, Instant at,
              std::string_view actor = "system");
  // shipped -> delivered.
  Status deliver(Instant at, std::string_view actor = "system");
  // placed, verified or fulfilling -> cancelled; reason must not be blank.
  // Once shipped an order cannot be cancelled (kConflict naming the status):
  // it is returned instead.
  Status cancel(Instant at, std::string_view reason, std::string_view actor = "system");

  // Returns (see order_returns.hpp for quantities and refund amounts). Only
  // a delivered order accepts a return request (kConflict otherwise). The
  // refund that leaves every unit returned moves the order to returned.
  Result<RmaId> request_return(std::vector<ReturnLine> lines, Instant at, std::string_view reason,
                               std::string_view actor = "system");
  Status receive_return(RmaId rma, Instant at, std::string_view actor = "system");
  Status reject_return(RmaId rma, Instant at, std::string_view reason, std::string_view actor = "system");
  Result<Refund> refund_return(RmaId rma, Instant at, std::string_view actor = "system");

 private:
  OrderWorkflow(Order order, ReturnPolicy policy);
  Status check_time(Instant at) const;
  Status transition(OrderStatus from, OrderStatus to, Instant at, std::string_view actor, std::string reason);

  Order order_;
  std::vector<OrderEvent> history_;
  std::optional<Shipment> shipment_;
  std::optional<Instant> delivered_at_;
  OrderReturns returns_;
};

// "address_present", "payment_authorised", "stock_available".
std::string_view to_string(VerificationCheck check) noexcept;

}  // namespace backoffice
