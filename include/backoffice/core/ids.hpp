#pragma once

#include <fmt/format.h>

#include <compare>
#include <cstdint>
#include <functional>

namespace backoffice {

// A typed integer id. Two ids of different kinds are different types, so a
// CustomerId cannot be passed where an AgentId is expected; conversions to
// and from the integer are explicit.
template <typename Tag, typename Rep = std::int64_t>
class StrongId {
 public:
  using rep_type = Rep;
  constexpr StrongId() = default;
  constexpr explicit StrongId(Rep v) : value_(v) {}
  constexpr Rep value() const { return value_; }
  friend constexpr auto operator<=>(StrongId, StrongId) = default;

 private:
  Rep value_{};
};

struct CustomerIdTag {};
struct AgentIdTag {};
struct TeamIdTag {};
struct QueueIdTag {};
struct InteractionIdTag {};
struct OrderIdTag {};
struct CaseIdTag {};
struct WorkItemIdTag {};
struct InvoiceIdTag {};
struct ScorecardIdTag {};
struct EvaluationIdTag {};

using CustomerId = StrongId<CustomerIdTag>;
using AgentId = StrongId<AgentIdTag>;
using TeamId = StrongId<TeamIdTag>;
using QueueId = StrongId<QueueIdTag>;
using InteractionId = StrongId<InteractionIdTag>;
using OrderId = StrongId<OrderIdTag>;
using CaseId = StrongId<CaseIdTag>;
using WorkItemId = StrongId<WorkItemIdTag>;
using InvoiceId = StrongId<InvoiceIdTag>;
using ScorecardId = StrongId<ScorecardIdTag>;
using EvaluationId = StrongId<EvaluationIdTag>;

}  // namespace backoffice

template <typename Tag, typename Rep>
struct std::hash<backoffice::StrongId<Tag, Rep>> {
  std::size_t operator()(backoffice::StrongId<Tag, Rep> id) const noexcept {
    return std::hash<Rep>{}(id.value());
  }
};

template <typename Tag, typename Rep>
struct fmt::formatter<backoffice::StrongId<Tag, Rep>> : fmt::formatter<Rep> {
  auto format(backoffice::StrongId<Tag, Rep> id, fmt::format_context& ctx) const {
    return fmt::formatter<Rep>::format(id.value(), ctx);
  }
};
