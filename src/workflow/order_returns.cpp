#include <backoffice/workflow/order_returns.hpp>

#include <algorithm>

namespace backoffice {
namespace {

bool allowed(RmaStatus from, RmaStatus to) {
  switch (to) {
    case RmaStatus::kReceived:
      return from == RmaStatus::kRequested;
    case RmaStatus::kRefunded:
      return from == RmaStatus::kReceived;
    case RmaStatus::kRejected:
      return from == RmaStatus::kRequested || from == RmaStatus::kReceived;
    case RmaStatus::kRequested:
      return false;
  }
  return false;
}

// The replay's error for RMA i: "rma.lines[0].quantity" -> "rmas[i].lines[0].quantity".
Error in_rma(Error e, std::size_t i) {
  std::string_view field = e.field;
  if (field.starts_with("rma"))
    field.remove_prefix(3);
  else if (field == "at")
    field = ".updated_at";
  e.field = fmt::format("rmas[{}]{}{}", i, field.starts_with('.') ? "" : ".", field);
  return e;
}

}  // namespace

Result<OrderReturns> OrderReturns::restore(const Order& order, ReturnPolicy policy,
                                           std::span<const Rma> rmas) {
  // One event per request and one per final transition, replayed in time
  // order; a refund depends on what was refunded before it.
  struct Event {
    Instant at;
    std::size_t rma;
    bool request;
  };
  std::vector<Event> events;
  events.reserve(rmas.size() * 2);
  for (std::size_t i = 0; i < rmas.size(); ++i) {
    if (auto s = rmas[i].validate(); !s.ok()) return in_rma(std::move(s).error(), i);
    events.push_back({rmas[i].requested_at, i, true});
    if (rmas[i].status != RmaStatus::kRequested) events.push_back({rmas[i].updated_at, i, false});
  }
  std::stable_sort(events.begin(), events.end(), [&](const Event& a, const Event& b) {
    if (a.at != b.at) return a.at < b.at;
    if (a.rma != b.rma) return rmas[a.rma].id < rmas[b.rma].id;
    return a.request && !b.request;
  });
  OrderReturns out(order, policy);
  for (const Event& ev : events) {
    const Rma& r = rmas[ev.rma];
    if (ev.request) {
      auto id = out.request(r.lines, r.requested_at, r.reason);
      if (!id.ok()) return in_rma(std::move(id).error(), ev.rma);
      if (*id != r.id) {
        return validation_error(
            fmt::format("rmas[{}].id", ev.rma), std::to_string(r.id.value()),
            fmt::format("RMAs are numbered 1, 2, ... in request order; expected {}", id->value()));
      }
      continue;
    }
    Status s = Status::Ok();
    switch (r.status) {
      case RmaStatus::kReceived:
        s = out.receive(r.id, r.updated_at);
        break;
      case RmaStatus::kRejected:
        s = out.reject(r.id, r.updated_at, r.reason);
        break;
      case RmaStatus::kRefunded: {
        s = out.receive(r.id, r.updated_at);
        if (!s.ok()) break;
        auto paid = out.refund(r.id, r.updated_at);
        if (!paid.ok()) return in_rma(std::move(paid).error(), ev.rma);
        if (*paid != *r.refund) {
          return validation_error(fmt::format("rmas[{}].refund", ev.rma), r.refund->total.to_string(),
                                  fmt::format("the refund rule pays {} (goods {}, tax {}, shipping {})",
                                              paid->total, paid->goods, paid->tax, paid->shipping));
        }
        break;
      }
      case RmaStatus::kRequested:
        break;
    }
    if (!s.ok()) return in_rma(std::move(s).error(), ev.rma);
  }
  return out;
}

// Precondition (documented by OrderWorkflow, which validates first): the
// order is valid, so its subtotal exists.
OrderReturns::OrderReturns(const Order& order, ReturnPolicy policy)
    : lines_(order.lines),
      subtotal_(order.subtotal().value()),
      tax_(order.tax),
      shipping_(order.shipping),
      policy_(policy),
      claimed_(order.lines.size(), 0),
      refunded_(order.lines.size(), 0),
      refunded_total_(0, order.currency()),
      refunded_tax_(0, order.currency()) {}

const Rma* OrderReturns::find(RmaId id) const {
  const auto index = id.value() - 1;
  if (index < 0 || index >= static_cast<std::int64_t>(rmas_.size())) return nullptr;
  return &rmas_[static_cast<std::size_t>(index)];
}

Result<Rma*> OrderReturns::find_mutable(RmaId id, std::string_view field) {
  if (const Rma* rma = find(id)) return const_cast<Rma*>(rma);
  return make_error(ErrorCode::kNotFound, field, std::to_string(id.value()),
                    fmt::format("the order has {} RMA(s)", rmas_.size()));
}

bool OrderReturns::fully_refunded() const {
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    if (refunded_[i] != lines_[i].quantity) return false;
  }
  return true;
}

Result<RmaId> OrderReturns::request(std::vector<ReturnLine> lines, Instant at, std::string reason) {
  if (lines.empty()) return invalid_argument("rma.lines", "0 lines", "a return needs at least one line");
  std::vector<bool> seen(lines_.size(), false);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const ReturnLine& r = lines[i];
    if (r.line >= lines_.size()) {
      return invalid_argument(fmt::format("rma.lines[{}].line", i), std::to_string(r.line),
                              fmt::format("the order has {} line(s)", lines_.size()));
    }
    if (seen[r.line]) {
      return invalid_argument(fmt::format("rma.lines[{}].line", i), std::to_string(r.line),
                              "appears twice in one return");
    }
    seen[r.line] = true;
    const OrderLine& line = lines_[r.line];
    const std::int64_t open = line.quantity - claimed_[r.line];
    if (r.quantity <= 0 || r.quantity > open) {
      return invalid_argument(
          fmt::format("rma.lines[{}].quantity", i), std::to_string(r.quantity),
          fmt::format("line {} ({}): {} delivered, {} already returned or pending, so 1..{} can be returned",
                      r.line, line.sku, line.quantity, claimed_[r.line], open));
    }
  }
  for (const ReturnLine& r : lines) claimed_[r.line] += r.quantity;
  const RmaId id{static_cast<std::int64_t>(rmas_.size()) + 1};
  rmas_.push_back(Rma{id, std::move(lines), RmaStatus::kRequested, at, at, std::move(reason), std::nullopt});
  return id;
}

Result<Rma*> OrderReturns::advance(RmaId id, RmaStatus to, Instant at) {
  BO_ASSIGN_OR_RETURN(Rma * rma, find_mutable(id, "rma.id"));
  if (!allowed(rma->status, to)) {
    return make_error(ErrorCode::kConflict, "rma.status", to_string(rma->status),
                      fmt::format("RMA {} cannot go from {} to {}", id.value(), rma->status, to));
  }
  if (at < rma->updated_at) {
    return invalid_argument("at", at.to_string(),
                            fmt::format("is before the RMA's last change at {}", rma->updated_at));
  }
  return rma;
}

Status OrderReturns::receive(RmaId id, Instant at) {
  BO_ASSIGN_OR_RETURN(Rma * rma, advance(id, RmaStatus::kReceived, at));
  rma->status = RmaStatus::kReceived;
  rma->updated_at = at;
  return Status::Ok();
}

Status OrderReturns::reject(RmaId id, Instant at, std::string reason) {
  BO_ASSIGN_OR_RETURN(Rma * rma, advance(id, RmaStatus::kRejected, at));
  for (const ReturnLine& r : rma->lines) claimed_[r.line] -= r.quantity;
  rma->status = RmaStatus::kRejected;
  rma->updated_at = at;
  rma->reason = std::move(reason);
  return Status::Ok();
}

Result<Refund> OrderReturns::quote(RmaId id) const {
  const Rma* rma = find(id);
  if (rma == nullptr) {
    return make_error(ErrorCode::kNotFound, "rma.id", std::to_string(id.value()),
                      fmt::format("the order has {} RMA(s)", rmas_.size()));
  }
  if (rma->status == RmaStatus::kRefunded || rma->status == RmaStatus::kRejected) {
    return make_error(ErrorCode::kConflict, "rma.status", to_string(rma->status),
                      fmt::format("RMA {} is already {}", id.value(), rma->status));
  }
  Money goods(0, subtotal_.currency());
  bool completes = true;
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    std::int64_t now_refunded = refunded_[i];
    for (const ReturnLine& r : rma->lines) {
      if (r.line == i) now_refunded += r.quantity;
    }
    if (now_refunded != lines_[i].quantity) completes = false;
  }
  for (const ReturnLine& r : rma->lines) {
    BO_ASSIGN_OR_RETURN(Money amount, lines_[r.line].unit_price.multiply(r.quantity));
    BO_ASSIGN_OR_RETURN(goods, goods.add(amount));
  }
  const Money tax_left = tax_ - refunded_tax_;
  Money tax(0, tax_.currency());
  if (completes) {
    // The last refund settles the rounding of the earlier ones exactly.
    tax = tax_left;
  } else if (!subtotal_.is_zero()) {
    BO_ASSIGN_OR_RETURN(tax, tax_.multiply_ratio(goods.minor_units(), subtotal_.minor_units()));
    // Earlier roundings up could otherwise refund more tax than was charged.
    if (tax.minor_units() > tax_left.minor_units()) tax = tax_left;
  }
  Money shipping(0, shipping_.currency());
  if (completes && policy_.refund_shipping_on_full_return) shipping = shipping_;
  BO_ASSIGN_OR_RETURN(Money total, goods.add(tax));
  BO_ASSIGN_OR_RETURN(total, total.add(shipping));
  return Refund{goods, tax, shipping, total, completes};
}

Result<Refund> OrderReturns::refund(RmaId id, Instant at) {
  BO_ASSIGN_OR_RETURN(Rma * rma, advance(id, RmaStatus::kRefunded, at));
  BO_ASSIGN_OR_RETURN(Refund paid, quote(id));
  BO_ASSIGN_OR_RETURN(Money total, refunded_total_.add(paid.total));
  refunded_total_ = total;
  refunded_tax_ = refunded_tax_ + paid.tax;
  for (const ReturnLine& r : rma->lines) refunded_[r.line] += r.quantity;
  rma->status = RmaStatus::kRefunded;
  rma->updated_at = at;
  rma->refund = paid;
  return paid;
}

}  // namespace backoffice
