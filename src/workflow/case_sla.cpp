#include <backoffice/workflow/case_sla.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace backoffice {
namespace {

using namespace std::chrono_literals;

unsigned bit(CaseStatus s) { return 1u << static_cast<unsigned>(s); }
bool stops(CaseStatus s) { return s == CaseStatus::kResolved || s == CaseStatus::kClosed; }

// One clock folded over the status spans of a case: it accumulates open
// time and remembers where the goal was crossed, so a breached clock's due
// instant costs one add_business inside the crossing span instead of a replay.
struct Clock {
  Milliseconds goal;
  Milliseconds elapsed{0};
  std::optional<Instant> crossed;

  // Adds a span that starts at `from` and holds `d` of open time.
  void add(const BusinessCalendar& cal, Instant from, Milliseconds d) {
    if (!crossed && elapsed < goal && elapsed + d >= goal) {
      auto at = cal.add_business(from, goal - elapsed);
      if (at.ok()) crossed = *at;
    }
    elapsed += d;
  }
};

SlaTargetStatus finish(SlaTarget target, const Clock& c, std::optional<Instant> met_at, bool running,
                       const SlaPolicy& policy, const BusinessCalendar& cal, Instant now) {
  SlaTargetStatus s;
  s.target = target;
  s.goal = c.goal;
  s.elapsed = c.elapsed;
  s.remaining = c.goal - c.elapsed;
  s.met_at = met_at;
  s.running = running && !met_at;
  s.breached = met_at ? c.elapsed > c.goal : c.elapsed >= c.goal;
  s.at_risk = !met_at && !s.breached &&
              static_cast<double>(c.elapsed.count()) >= policy.at_risk_share * static_cast<double>(c.goal.count());
  if (c.elapsed >= c.goal) {
    s.due = c.crossed;
  } else if (s.running) {
    auto due = cal.add_business(now, s.remaining);
    if (due.ok()) s.due = *due;
  }
  return s;
}

}  // namespace

std::string_view to_string(SlaTarget target) noexcept {
  switch (target) {
    case SlaTarget::kFirstResponse: return "first_response";
    case SlaTarget::kResolution: return "resolution";
  }
  return "unknown";
}

SlaPolicy SlaPolicy::standard() {
  SlaPolicy p;
  p.targets = {SlaTargets{1h, 4h}, SlaTargets{4h, 16h}, SlaTargets{8h, 40h}, SlaTargets{16h, 80h}};
  return p;
}

bool SlaPolicy::pauses(CaseStatus s) const {
  return std::find(paused_in.begin(), paused_in.end(), s) != paused_in.end();
}

Status SlaPolicy::validate() const {
  for (CasePriority p : kAllCasePriorities) {
    const auto& t = for_priority(p);
    if (t.first_response <= 0ms) {
      return invalid_argument(fmt::format("sla.targets.{}.first_response", p), format_hms(t.first_response),
                              "an SLA target must be positive");
    }
    if (t.resolution <= 0ms) {
      return invalid_argument(fmt::format("sla.targets.{}.resolution", p), format_hms(t.resolution),
                              "an SLA target must be positive");
    }
  }
  if (!(at_risk_share > 0.0 && at_risk_share <= 1.0)) {
    return invalid_argument("sla.at_risk_share", fmt::format("{}", at_risk_share), "must lie in (0, 1]");
  }
  for (CaseStatus s : paused_in) {
    if (stops(s)) {
      return invalid_argument("sla.paused_in", std::string(to_string(s)),
                              "resolved and closed stop the SLA clocks; they cannot pause them");
    }
  }
  return Status::Ok();
}

Result<SlaStatus> evaluate_sla(const CaseWorkflow& w, const SlaPolicy& policy, const BusinessCalendar& calendar,
                               Instant now) {
  BO_RETURN_IF_ERROR(policy.validate());
  const Case& c = w.record();
  if (now < c.created_at) {
    return invalid_argument("now", now.to_string(),
                            fmt::format("must not be before the case was created ({})", c.created_at));
  }
  unsigned idle = bit(CaseStatus::kResolved) | bit(CaseStatus::kClosed);
  for (CaseStatus s : policy.paused_in) idle |= bit(s);

  const SlaTargets& goals = policy.for_priority(c.priority);
  Clock response{goals.first_response, {}, {}};
  Clock resolution{goals.resolution, {}, {}};
  // The first-response clock ends at the reply, if it happened by `now`.
  const std::optional<Instant> replied =
      c.first_response_at && *c.first_response_at <= now ? c.first_response_at : std::nullopt;
  const Instant response_end = replied ? *replied : now;

  CaseStatus status = w.initial_status();
  Instant start = c.created_at;
  std::optional<Instant> resolved_at = stops(status) ? c.resolved_at : std::nullopt;
  // Both clocks share a span until the reply, so one business_duration
  // serves both; after the reply only the resolution clock needs it.
  const auto count_span = [&](Instant end) {
    if ((idle & bit(status)) != 0 || end <= start) return;
    const Milliseconds d = calendar.business_duration(start, end);
    resolution.add(calendar, start, d);
    if (response_end >= end) {
      response.add(calendar, start, d);
    } else if (response_end > start) {
      response.add(calendar, start, calendar.business_duration(start, response_end));
    }
  };
  for (const CaseStatusChange& h : w.history()) {
    if (h.at > now) break;
    if (h.to == status) continue;  // first responses and re-escalations keep the clocks as they are
    count_span(h.at);
    if (stops(h.to) && !stops(status)) resolved_at = h.at;
    status = h.to;
    start = h.at;
  }
  count_span(now);

  const bool counting = (idle & bit(status)) == 0;
  const bool resolved = stops(status);
  SlaStatus out;
  out.first_response = finish(SlaTarget::kFirstResponse, response, replied, counting, policy, calendar, now);
  out.resolution = finish(SlaTarget::kResolution, resolution, resolved ? resolved_at : std::nullopt, counting,
                          policy, calendar, now);
  return out;
}

}  // namespace backoffice
