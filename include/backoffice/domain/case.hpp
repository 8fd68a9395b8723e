#pragma once

#include <backoffice/core/ids.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/formatting.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace backoffice {

// Urgency of a case; P1 is the most urgent.
enum class CasePriority { kP1, kP2, kP3, kP4 };

inline constexpr std::array kAllCasePriorities{CasePriority::kP1, CasePriority::kP2, CasePriority::kP3,
                                               CasePriority::kP4};

// Where a case is in its life. (The allowed transitions belong to
// workflow/, not to the record.)
enum class CaseStatus {
  kNew,
  kOpen,
  kPendingCustomer,
  kPendingThirdParty,
  kEscalated,
  kResolved,
  kClosed,
  kReopened,
};

inline constexpr std::array kAllCaseStatuses{CaseStatus::kNew,
                                             CaseStatus::kOpen,
                                             CaseStatus::kPendingCustomer,
                                             CaseStatus::kPendingThirdParty,
                                             CaseStatus::kEscalated,
                                             CaseStatus::kResolved,
                                             CaseStatus::kClosed,
                                             CaseStatus::kReopened};

// "P1", "P2", "P3", "P4": stable names (SQLite, CSV); "unknown" otherwise.
std::string_view to_string(CasePriority priority) noexcept;
// Reads to_string's names, ignoring ASCII case ("p1" reads as P1); unknown
// text is a kParse error naming `field` and the text.
Result<CasePriority> parse_case_priority(std::string_view text, std::string_view field = "case_priority");

// "new", "open", "pending_customer", "pending_third_party", "escalated",
// "resolved", "closed", "reopened": stable names; "unknown" otherwise.
std::string_view to_string(CaseStatus status) noexcept;
// Reads to_string's names, ignoring ASCII case; unknown text is a kParse
// error naming `field` and the text.
Result<CaseStatus> parse_case_status(std::string_view text, std::string_view field = "case_status");

// A customer's problem or request, tracked until it is resolved.
struct Case {
  static constexpr int kMinTier = 1;
  static constexpr int kMaxTier = 3;

  CaseId id;
  CustomerId customer;
  std::string subject;
  CasePriority priority = CasePriority::kP3;
  CaseStatus status = CaseStatus::kNew;
  std::optional<AgentId> owner;  // absent: unassigned
  int tier = 1;                  // support tier, 1..3
  QueueId queue;
  Instant created_at;                        // UTC
  Instant updated_at;                        // UTC, last change
  std::optional<Instant> first_response_at;  // first reply to the customer
  std::optional<Instant> resolved_at;        // latest resolution

  // True for the statuses in which the case is finished (resolved, closed).
  bool is_resolved() const { return status == CaseStatus::kResolved || status == CaseStatus::kClosed; }

  // Checks, in this order, and reports the first failure as a kValidation
  // error with field "case.<field>":
  //  - subject is not empty or blank;
  //  - tier in 1..3;
  //  - updated_at >= created_at;
  //  - first_response_at, when present, is in [created_at, updated_at];
  //  - resolved_at, when present, is in [created_at, updated_at];
  //  - a resolved or closed case has resolved_at.
  // (A reopened or open case may keep the resolved_at of an earlier
  // resolution.)
  Status validate() const;

  friend bool operator==(const Case&, const Case&) = default;
};

// "case 3 P2 open tier 1 queue 5".
std::string to_string(const Case& c);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::CasePriority>
    : backoffice::detail::ToStringFormatter<backoffice::CasePriority> {};
template <>
struct fmt::formatter<backoffice::CaseStatus>
    : backoffice::detail::ToStringFormatter<backoffice::CaseStatus> {};
template <>
struct fmt::formatter<backoffice::Case> : backoffice::detail::ToStringFormatter<backoffice::Case> {};
