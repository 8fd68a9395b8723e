#include "case_demo.hpp"

#include <backoffice/workflow/case_escalation.hpp>
#include <backoffice/workflow/case_lifecycle.hpp>
#include <backoffice/workflow/case_sla.hpp>

#include <fmt/format.h>

#include <string>

namespace backoffice::examples {
namespace {

using namespace std::chrono_literals;

Instant at(const char* text) { return Instant::parse(text).value(); }

std::string local(Instant t, const TimeZone& zone) {
  return t.to_string_in(zone).substr(0, 16).replace(10, 1, " ");  // "2024-11-01 16:00"
}

std::string clock_line(const SlaTargetStatus& s, const TimeZone& zone) {
  std::string flags = s.met_at ? "met" : s.running ? "running" : "paused";
  if (s.at_risk) flags += ", AT RISK";
  if (s.breached) flags += ", BREACHED";
  return fmt::format("{:<15} {:>8} of {:>7}  left {:>9}  due {:<16}  {}", to_string(s.target),
                     format_hms(s.elapsed), format_hms(s.goal), format_hms(s.remaining),
                     s.due ? local(*s.due, zone) : std::string("-"), flags);
}

}  // namespace

int run_case_demo() {
  fmt::print("\nCase management: lifecycle, SLA in business time, escalation\n");
  const TimeZone ny = TimeZone::locate("America/New_York").value();
  auto calendar = BusinessCalendar::parse("Mon-Fri 08:00-18:00; Sat 09:00-13:00", ny);
  if (!calendar) return fmt::print(stderr, "calendar: {}\n", calendar.error()), 1;
  const SlaPolicy policy = SlaPolicy::standard();  // P1: first response 1 h, resolution 4 h
  const auto rules = default_escalation_rules();
  fmt::print("calendar {} ({}); P1 targets: first response {}, resolution {} business time; at risk at {:.0f} %\n",
             *calendar, ny.name(), format_hms(policy.targets[0].first_response),
             format_hms(policy.targets[0].resolution), policy.at_risk_share * 100);

  Case c;
  c.id = CaseId(1001);
  c.customer = CustomerId(77);
  c.subject = "Payment terminals offline in store 12";
  c.priority = CasePriority::kP1;
  c.queue = QueueId(3);
  c.created_at = at("2024-11-01T16:00:00-04:00");  // Friday
  c.updated_at = c.created_at;
  auto started = CaseWorkflow::start(c);
  if (!started) return fmt::print(stderr, "case: {}\n", started.error()), 1;
  CaseWorkflow w = std::move(*started);

  const auto step = [&](Status s) {
    if (!s.ok()) fmt::print(stderr, "step failed: {}\n", s.error());
    return s.ok();
  };
  bool escalated = false;
  bool breached = false;
  // An escalation job runs every so often: each check evaluates the SLA and
  // escalates when a rule fires.
  const auto check = [&](const char* text) {
    const Instant now = at(text);
    auto fired = apply_escalations(w, rules, policy, *calendar, now);
    if (!fired) return fmt::print(stderr, "escalation: {}\n", fired.error()), false;
    auto sla = evaluate_sla(w, policy, *calendar, now);
    if (!sla) return fmt::print(stderr, "sla: {}\n", sla.error()), false;
    fmt::print("\ncheck at {} ({}): status {}, tier {}{}\n", local(now, ny), now, w.record().status, w.record().tier,
               *fired > 0 ? fmt::format(" -- {} escalation(s)", *fired) : std::string());
    fmt::print("  {}\n  {}\n", clock_line(sla->first_response, ny), clock_line(sla->resolution, ny));
    escalated = escalated || w.record().tier > 1;
    breached = breached || sla->resolution.breached;
    return true;
  };
  // Friday: triage, a first reply, then the customer is asked for logs;
  // they arrive on Saturday morning. Monday follows the 2024-11-03 fall-back.
  if (!step(w.transition(CaseStatus::kOpen, at("2024-11-01T16:20:00-04:00"), "alice", "triaged")) ||
      !step(w.record_first_response(at("2024-11-01T16:40:00-04:00"), "alice")) ||
      !step(w.transition(CaseStatus::kPendingCustomer, at("2024-11-01T16:45:00-04:00"), "alice",
                         "asked for terminal logs")) ||
      !check("2024-11-01T17:00:00-04:00") ||
      !step(w.transition(CaseStatus::kOpen, at("2024-11-02T09:30:00-04:00"), "alice", "logs received")) ||
      !check("2024-11-02T10:00:00-04:00") || !check("2024-11-02T12:00:00-04:00") ||
      !check("2024-11-02T12:50:00-04:00") || !check("2024-11-04T09:00:00-05:00")) {
    return 1;
  }
  if (!step(w.transition(CaseStatus::kResolved, at("2024-11-04T10:00:00-05:00"), "bob (tier 3)",
                         "terminal firmware rolled back")) ||
      !step(w.transition(CaseStatus::kClosed, at("2024-11-04T17:00:00-05:00"), "system", "customer confirmed"))) {
    return 1;
  }
  auto follow = schedule_follow_up(1, w.record().id, *calendar, at("2024-11-04T10:00:00-05:00"), 2h,
                                   "call the store manager to confirm");
  if (!follow) return fmt::print(stderr, "follow-up: {}\n", follow.error()), 1;
  auto final_sla = evaluate_sla(w, policy, *calendar, at("2024-11-04T17:00:00-05:00"));
  if (!final_sla) return 1;
  fmt::print("\nresolved and closed; final SLA:\n  {}\n  {}\n", clock_line(final_sla->first_response, ny),
             clock_line(final_sla->resolution, ny));
  fmt::print("follow-up #{} due {} (2 business hours after resolution): {}\n", follow->id, local(follow->due, ny),
             follow->description);

  fmt::print("\nhistory of case {}:\n", w.record().id);
  for (const auto& h : w.history()) {
    fmt::print("  {}  {:<14} {:<14} {:<20} -> {:<16} tier {}  {}\n", local(h.at, ny), h.actor, to_string(h.event),
               to_string(h.from), to_string(h.to), h.tier, h.reason);
  }
  if (!escalated || !breached) {
    fmt::print(stderr, "the demo case should have escalated and breached\n");
    return 1;
  }
  return 0;
}

}  // namespace backoffice::examples
