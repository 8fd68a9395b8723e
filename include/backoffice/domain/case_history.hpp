#pragma once

// A case's history entries: the record the workflow appends on every change
// and the store keeps beside the case (docs/workflow_cases.md).

#include <backoffice/core/instant.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/case.hpp>
#include <backoffice/domain/formatting.hpp>

#include <string>
#include <string_view>

namespace backoffice {

// What a history entry records.
enum class CaseEvent {
  kTransition,     // a status change through CaseWorkflow::transition
  kEscalation,     // a tier raise (status becomes escalated), manual or by an SLA rule
  kFirstResponse,  // the first reply to the customer; status unchanged
};

// "transition", "escalation", "first_response"; "unknown" otherwise.
std::string_view to_string(CaseEvent event) noexcept;
// Reads to_string's names; unknown text is a kParse error naming `field`.
Result<CaseEvent> parse_case_event(std::string_view text, std::string_view field = "case_event");

// One entry of a case's history: who changed what, when and why.
struct CaseStatusChange {
  Instant at;  // UTC
  std::string actor;
  CaseStatus from = CaseStatus::kNew;
  CaseStatus to = CaseStatus::kNew;
  std::string reason;
  CaseEvent event = CaseEvent::kTransition;
  int tier = Case::kMinTier;  // tier after the change
  // The SLA escalation rule that made this entry ("" when a person did);
  // apply_escalations fires each rule at most once per case by reading it.
  std::string rule;

  friend bool operator==(const CaseStatusChange&, const CaseStatusChange&) = default;
};

// "2024-06-03T13:00:00Z alice open -> escalated (tier 2): customer unhappy".
std::string to_string(const CaseStatusChange& change);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::CaseEvent> : backoffice::detail::ToStringFormatter<backoffice::CaseEvent> {};
template <>
struct fmt::formatter<backoffice::CaseStatusChange>
    : backoffice::detail::ToStringFormatter<backoffice::CaseStatusChange> {};
