#include <backoffice/workflow/case_escalation.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <utility>

namespace backoffice {

std::string_view to_string(SlaCondition condition) noexcept {
  switch (condition) {
    case SlaCondition::kAtRisk: return "at_risk";
    case SlaCondition::kBreached: return "breached";
  }
  return "unknown";
}

std::string EscalationRule::name() const { return fmt::format("{}.{}", target, condition); }

std::vector<EscalationRule> default_escalation_rules() {
  return {{SlaTarget::kFirstResponse, SlaCondition::kBreached},
          {SlaTarget::kResolution, SlaCondition::kAtRisk},
          {SlaTarget::kResolution, SlaCondition::kBreached}};
}

Result<int> apply_escalations(CaseWorkflow& w, std::span<const EscalationRule> rules, const SlaPolicy& policy,
                              const BusinessCalendar& calendar, Instant now, std::string_view actor) {
  if (w.record().is_resolved()) return 0;
  BO_ASSIGN_OR_RETURN(const SlaStatus sla, evaluate_sla(w, policy, calendar, now));
  int fired = 0;
  for (const EscalationRule& rule : rules) {
    const SlaTargetStatus& t = sla.of(rule.target);
    const bool holds = rule.condition == SlaCondition::kAtRisk ? t.at_risk : t.breached;
    // A met clock that was breached (a late reply) is history, not a reason to escalate now.
    if (!holds || t.met_at) continue;
    const std::string name = rule.name();
    if (w.has_fired(name)) continue;
    const std::string reason =
        fmt::format("SLA {} {}: {} of {} business time elapsed", rule.target,
                    rule.condition == SlaCondition::kAtRisk ? "at risk" : "breached", format_hms(t.elapsed),
                    format_hms(t.goal));
    BO_RETURN_IF_ERROR(w.escalate(now, actor, reason, name));
    ++fired;
  }
  return fired;
}

Result<FollowUp> schedule_follow_up(std::int64_t id, CaseId case_id, const BusinessCalendar& calendar,
                                    Instant from, Milliseconds business_delay, std::string description) {
  if (description.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    return invalid_argument("follow_up.description", description, "must not be empty or blank");
  }
  auto due = calendar.add_business(from, business_delay);
  if (!due.ok()) {
    return invalid_argument("follow_up.delay", format_hms(business_delay), due.error().message);
  }
  return FollowUp{id, case_id, *due, std::move(description), false};
}

std::vector<FollowUp> overdue_follow_ups(std::span<const FollowUp> follow_ups, Instant now) {
  std::vector<FollowUp> out;
  for (const FollowUp& f : follow_ups) {
    if (!f.done && f.due < now) out.push_back(f);
  }
  std::sort(out.begin(), out.end(),
            [](const FollowUp& a, const FollowUp& b) { return std::tie(a.due, a.id) < std::tie(b.due, b.id); });
  return out;
}

}  // namespace backoffice
