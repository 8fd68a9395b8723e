#pragma once

// Returns of a delivered order (RMAs: return merchandise authorisations),
// partial by line, and the refund each one pays.
//
// Refund rule (docs/workflow_orders.md, "Refunds and rounding"):
//  - goods: the returned quantity x unit price of each line, exact;
//  - tax: pro rata, order.tax x goods / order subtotal, rounded to the
//    minor unit half away from zero, and capped at the tax not yet refunded;
//    the refund that completes the return of every unit pays exactly the
//    tax not yet refunded, so the tax refunded never exceeds and finally
//    equals the order's tax (10.00 tax, three returns of a third each:
//    3.33, 3.33, 3.34);
//  - shipping: only with the refund that completes a full return, and only
//    when ReturnPolicy::refund_shipping_on_full_return (the default).

#include <backoffice/core/ids.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/money.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/order.hpp>

#include <fmt/format.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backoffice {

struct RmaIdTag {};
// Numbers the RMAs of one order: 1, 2, 3, ... in the order they were requested.
using RmaId = StrongId<RmaIdTag>;

// requested -> received -> refunded, or requested | received -> rejected.
enum class RmaStatus { kRequested, kReceived, kRefunded, kRejected };

// "requested", "received", "refunded", "rejected"; "unknown" otherwise.
std::string_view to_string(RmaStatus status) noexcept;

// `quantity` units of order.lines[line].
struct ReturnLine {
  std::size_t line = 0;
  std::int64_t quantity = 0;
  friend bool operator==(const ReturnLine&, const ReturnLine&) = default;
};

struct ReturnPolicy {
  // Refund the order's shipping with the refund that completes a full
  // return. Partial returns never refund shipping.
  bool refund_shipping_on_full_return = true;
};

// What one RMA pays back, in the order's currency; total = goods + tax + shipping.
struct Refund {
  Money goods;
  Money tax;
  Money shipping;
  Money total;
  bool completes_order = false;  // every unit of every line is now refunded
  friend bool operator==(const Refund&, const Refund&) = default;
};

struct Rma {
  RmaId id;
  std::vector<ReturnLine> lines;
  RmaStatus status = RmaStatus::kRequested;
  Instant requested_at;
  Instant updated_at;
  std::string reason;
  std::optional<Refund> refund;  // set once refunded
};

// The RMAs of one order and the running totals that the refund rule needs.
// Transitions of an RMA and their instants are checked here; whether the
// order accepts returns at all is OrderWorkflow's business.
class OrderReturns {
 public:
  OrderReturns(const Order& order, ReturnPolicy policy);

  const std::vector<Rma>& rmas() const { return rmas_; }
  // nullptr when the order has no such RMA.
  const Rma* find(RmaId id) const;
  const ReturnPolicy& policy() const { return policy_; }

  // Units of order.lines[line] in RMAs that are not rejected (requested,
  // received or refunded). Precondition: line < number of order lines.
  std::int64_t claimed(std::size_t line) const { return claimed_[line]; }
  // Sums over refunded RMAs.
  const Money& refunded_total() const { return refunded_total_; }
  const Money& refunded_tax() const { return refunded_tax_; }
  // Every unit of every line refunded.
  bool fully_refunded() const;

  // Opens an RMA. Errors (kInvalidArgument): no lines ("rma.lines"); a line
  // index past the order ("rma.lines[i].line"), twice in one RMA, or a
  // quantity <= 0 or more than delivered minus already claimed
  // ("rma.lines[i].quantity", message naming the line, SKU and quantities).
  // O(lines).
  Result<RmaId> request(std::vector<ReturnLine> lines, Instant at, std::string reason);
  // requested -> received.
  Status receive(RmaId id, Instant at);
  // requested | received -> rejected; frees the RMA's quantities.
  Status reject(RmaId id, Instant at, std::string reason);
  // What refund(id) would pay now (an RMA in any status but rejected or
  // refunded). Does not change anything.
  Result<Refund> quote(RmaId id) const;
  // received -> refunded; pays quote(id).
  Result<Refund> refund(RmaId id, Instant at);

 private:
  Result<Rma*> find_mutable(RmaId id, std::string_view field);
  Result<Rma*> advance(RmaId id, RmaStatus to, Instant at);

  std::vector<OrderLine> lines_;
  Money subtotal_;
  Money tax_;
  Money shipping_;
  ReturnPolicy policy_;
  std::vector<Rma> rmas_;
  std::vector<std::int64_t> claimed_;   // per line, requested + received + refunded
  std::vector<std::int64_t> refunded_;  // per line, refunded only
  Money refunded_total_;
  Money refunded_tax_;
};

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::RmaStatus> : fmt::formatter<std::string_view> {
  auto format(backoffice::RmaStatus s, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(backoffice::to_string(s), ctx);
  }
};
