// evaluate_sla against an independent brute force: walk each case's life
// minute by minute, asking the calendar whether it is open and the history
// which status is in force. With every instant and opening boundary on a
// whole minute the walk is exact, so the two must agree to the millisecond.

#include <backoffice/workflow/case_sla.hpp>

#include <gtest/gtest.h>

#include <random>

using namespace backoffice;
using namespace std::chrono_literals;

namespace {

bool counts(const SlaPolicy& p, CaseStatus s) {
  return !p.pauses(s) && s != CaseStatus::kResolved && s != CaseStatus::kClosed;
}

Milliseconds walk(const CaseWorkflow& w, const SlaPolicy& p, const BusinessCalendar& cal, Instant now,
                  std::optional<Instant> stop) {
  const Instant end = stop && *stop < now ? *stop : now;
  const auto h = w.history();
  std::size_t next = 0;
  CaseStatus status = w.initial_status();
  Milliseconds elapsed{0};
  for (Instant t = w.record().created_at; t < end; t += 1min) {
    while (next < h.size() && h[next].at <= t) status = h[next++].to;
    if (counts(p, status) && cal.is_open(t)) elapsed += 1min;
  }
  return elapsed;
}

}  // namespace

TEST(SlaClockProperty, ElapsedMatchesAMinuteByMinuteWalkAcrossDst) {
  // Spans the 2024-03-10 spring-forward; Saturday hours and a holiday too.
  const auto cal = BusinessCalendar::parse("Mon-Fri 08:00-18:00; Sat 09:00-13:00; Sun 00:00-04:00; 2024-03-12 closed",
                                           TimeZone::locate("America/New_York").value())
                       .value();
  SlaPolicy policy = SlaPolicy::standard();
  policy.paused_in = {CaseStatus::kPendingCustomer, CaseStatus::kPendingThirdParty};
  std::mt19937_64 rng(7);
  const Instant base = Instant::parse("2024-03-07T00:00:00Z").value();
  for (int i = 0; i < 100; ++i) {
    Case c;
    c.id = CaseId(i + 1);
    c.subject = "x";
    c.priority = kAllCasePriorities[rng() % 4];
    c.created_at = base + std::chrono::minutes(static_cast<std::int64_t>(rng() % (5 * 1440)));
    c.updated_at = c.created_at;
    auto w = CaseWorkflow::start(c).value();
    Instant t = c.created_at;
    for (int k = 0; k < 6; ++k) {
      t += std::chrono::minutes(static_cast<std::int64_t>(rng() % 900));
      const auto options = allowed_transitions(w.record().status);
      const CaseStatus to = options[rng() % options.size()];
      ASSERT_TRUE(w.transition(to, t, "a", "").ok());
      if (k == 1) {
        ASSERT_TRUE(w.record_first_response(t, "a").ok());
      }
    }
    const Instant now = t + std::chrono::minutes(static_cast<std::int64_t>(rng() % 1440));
    auto s = evaluate_sla(w, policy, cal, now);
    ASSERT_TRUE(s.ok()) << s.error().to_string();
    EXPECT_EQ(s->resolution.elapsed, walk(w, policy, cal, now, std::nullopt)) << "case " << i;
    EXPECT_EQ(s->first_response.elapsed, walk(w, policy, cal, now, w.record().first_response_at)) << "case " << i;
    // A projected due instant is exactly `remaining` of open time after now.
    for (const SlaTargetStatus* clock : {&s->first_response, &s->resolution}) {
      if (clock->running && !clock->breached) {
        ASSERT_TRUE(clock->due.has_value());
        EXPECT_EQ(cal.business_duration(now, *clock->due), clock->remaining) << "case " << i;
      }
      if (clock->breached && clock->due) {
        // The breach instant: the goal of open time after creation, pauses excluded.
        EXPECT_LE(*clock->due, clock->met_at.value_or(now));
      }
    }
  }
}
