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
#include <backoffice/domain/rma.hpp>

#include <fmt/format.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace backoffice {

struct ReturnPolicy {
  // Refund the order's shipping with the refund that completes a full
  // return. Partial returns never refund shipping.
  bool refund_shipping_on_full_return = true;
};

// The RMAs of one order and the running totals that the refund rule needs.
// Transitions of an RMA and their instants are checked here; whether the
// order accepts returns at all is OrderWorkflow's business.
class OrderReturns {
 public:
  OrderReturns(const Order& order, ReturnPolicy policy);

  // Rebuilds the returns of `order` from its RMAs (as Store::rmas gives
  // them, ids 1, 2, ...) by replaying them through request / receive /
  // reject / refund, so every rule is checked again: requests at
  // requested_at, the final transition at updated_at (a refunded RMA is
  // received and refunded then), all in time order (ties: lower RMA id
  // first, a request before its own transition). A replayed refund must
  // equal the stored one. Errors: the replay's error with the field
  // prefixed "rmas[i]" (e.g. "rmas[1].lines[0].quantity"); kValidation
  // "rmas[i].id" when ids are not 1, 2, ... in request order,
  // "rmas[i].refund" when the stored refund differs from the rule's.
  // Precondition as the constructor's. O(RMAs x order lines).
  static Result<OrderReturns> restore(const Order& order, ReturnPolicy policy, std::span<const Rma> rmas);

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
