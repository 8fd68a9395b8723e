#pragma once

#include <backoffice/core/business_calendar.hpp>
#include <backoffice/core/duration.hpp>
#include <backoffice/core/ids.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/workflow/case_lifecycle.hpp>
#include <backoffice/workflow/case_sla.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace backoffice {

// When an escalation rule fires.
enum class SlaCondition {
  kAtRisk,    // SlaTargetStatus::at_risk
  kBreached,  // SlaTargetStatus::breached (and not yet resolved)
};

// "at_risk", "breached".
std::string_view to_string(SlaCondition condition) noexcept;

// "When <target> is <condition>, raise the tier by one and mark the case
// escalated." Each rule fires at most once per case; its name identifies
// it in the history (CaseStatusChange::rule).
struct EscalationRule {
  SlaTarget target = SlaTarget::kResolution;
  SlaCondition condition = SlaCondition::kBreached;

  // "<target>.<condition>", e.g. "resolution.at_risk".
  std::string name() const;
  friend bool operator==(const EscalationRule&, const EscalationRule&) = default;
};

// The default ladder: first response breached, resolution at risk,
// resolution breached. A case that slips all the way goes from tier 1 to
// tier 3 (each fire adds one tier, capped at Case::kMaxTier).
std::vector<EscalationRule> default_escalation_rules();

// Evaluates the SLA at `now` and, for every rule whose condition holds and
// that has not fired on this case yet, escalates the case at `now` (one
// history entry per rule, in `rules` order, actor `actor`, reason e.g.
// "SLA resolution at risk: 6:30:00 of 8:00:00 business time elapsed",
// rule = EscalationRule::name()). Resolved and closed cases are left alone.
// Idempotent: a second call at the same or a later instant adds only
// entries for rules that newly hold. Returns the number of entries added.
// Errors: those of evaluate_sla and CaseWorkflow::escalate (e.g. `now`
// before the latest history entry); the case is unchanged when
// evaluate_sla fails, and keeps the escalations made before an escalate
// error.
Result<int> apply_escalations(CaseWorkflow& w, std::span<const EscalationRule> rules, const SlaPolicy& policy,
                              const BusinessCalendar& calendar, Instant now, std::string_view actor = "system");

// A task to do on a case by a due instant ("call the customer back within
// 4 business hours").
struct FollowUp {
  std::int64_t id = 0;
  CaseId case_id;
  Instant due;  // UTC
  std::string description;
  bool done = false;

  friend bool operator==(const FollowUp&, const FollowUp&) = default;
};

// A follow-up due `business_delay` of open time after `from` on `calendar`
// (BusinessCalendar::add_business: a start outside hours starts at the next
// opening). Errors: kInvalidArgument naming "follow_up.delay" when the delay
// is negative or the calendar does not open for it; "follow_up.description"
// when blank.
Result<FollowUp> schedule_follow_up(std::int64_t id, CaseId case_id, const BusinessCalendar& calendar,
                                    Instant from, Milliseconds business_delay, std::string description);

// The follow-ups not done whose due instant is before `now`, ordered by
// due instant then id. O(n log n).
std::vector<FollowUp> overdue_follow_ups(std::span<const FollowUp> follow_ups, Instant now);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::SlaCondition>
    : backoffice::detail::ToStringFormatter<backoffice::SlaCondition> {};
