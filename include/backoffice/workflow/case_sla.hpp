#pragma once

#include <backoffice/core/business_calendar.hpp>
#include <backoffice/core/duration.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/case.hpp>
#include <backoffice/workflow/case_lifecycle.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backoffice {

// The two clocks of a case's service-level agreement.
enum class SlaTarget {
  kFirstResponse,  // created_at -> first_response_at
  kResolution,     // created_at -> resolved_at
};

// "first_response", "resolution".
std::string_view to_string(SlaTarget target) noexcept;

// Business-time targets for one priority (durations of open time on the
// queue's BusinessCalendar, not wall-clock time).
struct SlaTargets {
  Milliseconds first_response{0};
  Milliseconds resolution{0};

  Milliseconds of(SlaTarget t) const { return t == SlaTarget::kFirstResponse ? first_response : resolution; }
  friend bool operator==(const SlaTargets&, const SlaTargets&) = default;
};

// An SLA: targets per priority, the at-risk share, and the statuses in
// which the clocks stand still (docs/workflow_cases.md, "SLA clock").
struct SlaPolicy {
  // Indexed by CasePriority (P1 first).
  std::array<SlaTargets, 4> targets{};
  // A target is at risk once this share of it has elapsed, in (0, 1].
  double at_risk_share = 0.8;
  // Statuses that pause both clocks. Resolved and closed always stop them.
  std::vector<CaseStatus> paused_in{CaseStatus::kPendingCustomer};

  // P1 1 h / 4 h, P2 4 h / 16 h, P3 8 h / 40 h, P4 16 h / 80 h (first
  // response / resolution, business hours), at risk at 80 %, paused while
  // pending the customer.
  static SlaPolicy standard();

  const SlaTargets& for_priority(CasePriority p) const { return targets[static_cast<std::size_t>(p)]; }
  bool pauses(CaseStatus s) const;

  // kInvalidArgument errors: "sla.targets.<P>.first_response" /
  // ".resolution" when a target is not positive, "sla.at_risk_share" when
  // outside (0, 1] or NaN, "sla.paused_in" when it lists resolved or closed
  // (they stop the clock for good, not pause it).
  Status validate() const;

  friend bool operator==(const SlaPolicy&, const SlaPolicy&) = default;
};

// Where one clock stands at the evaluation instant.
struct SlaTargetStatus {
  SlaTarget target = SlaTarget::kFirstResponse;
  Milliseconds goal{0};  // the policy's target for the case's priority
  // Business time counted so far (up to met_at when met, else up to now),
  // excluding paused and resolved spans.
  Milliseconds elapsed{0};
  Milliseconds remaining{0};  // goal - elapsed; negative once overrun
  // The instant the clock reached the goal, when elapsed >= goal (in the
  // past); else, while the clock runs, the projection now + remaining in
  // business time; else (paused, stopped or met short of the goal, or a
  // calendar that never opens again) nullopt.
  std::optional<Instant> due;
  std::optional<Instant> met_at;  // first response / latest resolution, when reached by now
  bool running = false;           // the clock counts at `now`
  // Not met, not breached and elapsed >= at_risk_share * goal.
  bool at_risk = false;
  // Met with elapsed > goal, or not met and elapsed >= goal (the due
  // instant has come; a reply exactly at the due instant is in time).
  bool breached = false;

  friend bool operator==(const SlaTargetStatus&, const SlaTargetStatus&) = default;
};

struct SlaStatus {
  SlaTargetStatus first_response;
  SlaTargetStatus resolution;

  const SlaTargetStatus& of(SlaTarget t) const {
    return t == SlaTarget::kFirstResponse ? first_response : resolution;
  }
  friend bool operator==(const SlaStatus&, const SlaStatus&) = default;
};

// Evaluates both clocks of `w` at `now` (UTC) on `calendar`.
//
// Clock rule: from created_at, the clocks count the calendar's open time
// while the case is in a status that neither pauses (policy.paused_in) nor
// stops (resolved, closed) them; the status in force over each span is
// read from the history. The first-response clock is met at
// first_response_at; the resolution clock at resolved_at while the case is
// resolved or closed (a reopened case runs again from where it stopped).
// History entries after `now` are ignored, so evaluating at an earlier
// instant replays the past.
//
// Errors: those of policy.validate(); kInvalidArgument naming "now" when
// now < created_at. Cost: O(H) calls of business_duration plus at most one
// add_business per clock.
Result<SlaStatus> evaluate_sla(const CaseWorkflow& w, const SlaPolicy& policy, const BusinessCalendar& calendar,
                               Instant now);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::SlaTarget> : backoffice::detail::ToStringFormatter<backoffice::SlaTarget> {};
