#include <backoffice/workflow/case_sla.hpp>

#include <gtest/gtest.h>

using namespace backoffice;
using namespace std::chrono_literals;

// Expected values are hand calculations in the comments. Weekdays were read
// off a printed 2024 calendar (2024-06-03 and 2024-06-10 are Mondays,
// 2024-07-04 a Thursday, 2024-03-10 and 2024-11-03 Sundays). New York:
// 2024-03-10 02:00 EST -> 03:00 EDT (07:00Z); 2024-11-03 02:00 EDT -> 01:00
// EST (06:00Z) (zdump -v America/New_York).

namespace {

Instant at(const char* text) { return Instant::parse(text).value(); }

BusinessCalendar calendar(const char* text, const char* zone = "UTC") {
  return BusinessCalendar::parse(text, TimeZone::locate(zone).value()).value();
}

// P2 of the standard policy: first response 4 h, resolution 16 h.
SlaPolicy policy() { return SlaPolicy::standard(); }

CaseWorkflow make_case(Instant created, CasePriority priority = CasePriority::kP2) {
  Case c;
  c.id = CaseId(1);
  c.subject = "No dial tone";
  c.priority = priority;
  c.created_at = created;
  c.updated_at = created;
  return CaseWorkflow::start(c).value();
}

SlaStatus sla(const CaseWorkflow& w, const BusinessCalendar& cal, Instant now, const SlaPolicy& p = policy()) {
  auto r = evaluate_sla(w, p, cal, now);
  EXPECT_TRUE(r.ok()) << r.error().to_string();
  return r.value();
}

}  // namespace

TEST(SlaClock, CountsOnlyOpenTimeAcrossAWeekend) {
  const auto cal = calendar("Mon-Fri 09:00-17:00", "America/New_York");
  const auto w = make_case(at("2024-06-07T15:00:00-04:00"));  // Friday
  // Mon 10:00: Fri 15-17 (2 h) + Mon 09-10 (1 h) = 3 h of 4 h; 75 % < 80 %.
  auto s = sla(w, cal, at("2024-06-10T10:00:00-04:00"));
  EXPECT_EQ(s.first_response.elapsed, 3h);
  EXPECT_EQ(s.first_response.remaining, 1h);
  EXPECT_EQ(s.first_response.due, at("2024-06-10T11:00:00-04:00"));
  EXPECT_TRUE(s.first_response.running);
  EXPECT_FALSE(s.first_response.at_risk);
  EXPECT_FALSE(s.first_response.breached);
  // Resolution: 13 h left from Mon 10:00 = Mon 10-17 (7 h) + Tue 09:00 + 6 h = Tue 15:00.
  EXPECT_EQ(s.resolution.remaining, 13h);
  EXPECT_EQ(s.resolution.due, at("2024-06-11T15:00:00-04:00"));

  // Mon 10:30: 3.5 h of 4 h = 87.5 % >= 80 %: at risk.
  s = sla(w, cal, at("2024-06-10T10:30:00-04:00"));
  EXPECT_TRUE(s.first_response.at_risk);
  EXPECT_FALSE(s.first_response.breached);
  // Mon 11:00: 4 h of 4 h, the due instant has come: breached, due in the past.
  s = sla(w, cal, at("2024-06-10T11:00:00-04:00"));
  EXPECT_TRUE(s.first_response.breached);
  EXPECT_FALSE(s.first_response.at_risk);
  EXPECT_EQ(s.first_response.due, at("2024-06-10T11:00:00-04:00"));
  // Mon 13:00: overrun by 2 h; due still names the breach instant.
  s = sla(w, cal, at("2024-06-10T13:00:00-04:00"));
  EXPECT_EQ(s.first_response.remaining, -2h);
  EXPECT_EQ(s.first_response.due, at("2024-06-10T11:00:00-04:00"));
}

TEST(SlaClock, SkipsAHoliday) {
  const auto cal = calendar("Mon-Fri 09:00-17:00; 2024-07-04 closed", "America/New_York");
  const auto w = make_case(at("2024-07-03T16:00:00-04:00"), CasePriority::kP3);  // Wed; P3: 8 h / 40 h
  // Fri 12:00: Wed 16-17 (1 h) + Thu closed + Fri 09-12 (3 h) = 4 h; 4 h left -> Fri 16:00.
  const auto s = sla(w, cal, at("2024-07-05T12:00:00-04:00"));
  EXPECT_EQ(s.first_response.elapsed, 4h);
  EXPECT_EQ(s.first_response.due, at("2024-07-05T16:00:00-04:00"));
  EXPECT_FALSE(s.first_response.at_risk);  // 50 %
}

TEST(SlaClock, SpringForwardNightCountsRealTime) {
  // Sunday hours 00:00-04:00 wall clock on 2024-03-10 are 00:00 EST (05:00Z)
  // to 04:00 EDT (08:00Z): 3 h of real time.
  const auto cal = calendar("Mon-Fri 09:00-17:00; Sun 00:00-04:00", "America/New_York");
  const auto w = make_case(at("2024-03-10T00:00:00-05:00"), CasePriority::kP1);  // P1: 1 h / 4 h
  // First response 1 h -> 06:00Z (01:00 EST).
  auto s = sla(w, cal, at("2024-03-10T00:10:00-05:00"));
  EXPECT_EQ(s.first_response.due, at("2024-03-10T06:00:00Z"));
  // Resolution 4 h: Sunday gives 3 h, Mon 2024-03-11 09:00 EDT (13:00Z) + 1 h = 14:00Z.
  EXPECT_EQ(s.resolution.due, at("2024-03-11T14:00:00Z"));
  // Mon 09:30 EDT: 3 h + 0.5 h = 3.5 h of 4 h = 87.5 %: at risk, 30 min left.
  s = sla(w, cal, at("2024-03-11T09:30:00-04:00"));
  EXPECT_EQ(s.resolution.elapsed, 3h + 30min);
  EXPECT_TRUE(s.resolution.at_risk);
  EXPECT_EQ(s.resolution.due, at("2024-03-11T14:00:00Z"));
}

TEST(SlaClock, FallBackNightCountsTheRepeatedHour) {
  // Sunday 00:00-04:00 on 2024-11-03 is 00:00 EDT (04:00Z) to 04:00 EST (09:00Z): 5 h.
  const auto cal = calendar("Mon-Fri 09:00-17:00; Sun 00:00-04:00", "America/New_York");
  const auto w = make_case(at("2024-11-03T00:00:00-04:00"), CasePriority::kP1);
  // Resolution 4 h -> 08:00Z = 03:00 EST (a wall-clock count would say 04:00).
  const auto s = sla(w, cal, at("2024-11-03T03:30:00-05:00"));  // 08:30Z: 4.5 h elapsed
  EXPECT_EQ(s.resolution.elapsed, 4h + 30min);
  EXPECT_TRUE(s.resolution.breached);
  EXPECT_EQ(s.resolution.due, at("2024-11-03T08:00:00Z"));
  // First response 1 h -> 05:00Z, the first of the two 01:00s (01:00 EDT).
  EXPECT_EQ(s.first_response.due, at("2024-11-03T01:00:00-04:00"));
}

TEST(SlaClock, PendingCustomerPausesOvernight) {
  const auto cal = calendar("Mon-Fri 09:00-17:00");  // UTC
  auto w = make_case(at("2024-06-03T09:00:00Z"));
  ASSERT_TRUE(w.transition(CaseStatus::kOpen, at("2024-06-03T09:30:00Z"), "a", "").ok());
  ASSERT_TRUE(w.record_first_response(at("2024-06-03T09:30:00Z"), "a").ok());
  ASSERT_TRUE(w.transition(CaseStatus::kPendingCustomer, at("2024-06-03T16:00:00Z"), "a", "").ok());
  ASSERT_TRUE(w.transition(CaseStatus::kOpen, at("2024-06-04T10:00:00Z"), "a", "").ok());

  // While paused (Tue 09:30): Mon 09-16 = 7 h, no due instant.
  auto s = sla(w, cal, at("2024-06-04T09:30:00Z"));
  EXPECT_EQ(s.resolution.elapsed, 7h);
  EXPECT_FALSE(s.resolution.running);
  EXPECT_FALSE(s.resolution.due.has_value());
  EXPECT_EQ(s.resolution.remaining, 9h);

  // Tue 12:00: Mon 09-16 (7 h) + Tue 10-12 (2 h) = 9 h (Mon 16-17 and Tue 09-10 paused).
  // 7 h left: Tue 12-17 (5 h) + Wed 09:00 + 2 h = Wed 11:00.
  s = sla(w, cal, at("2024-06-04T12:00:00Z"));
  EXPECT_EQ(s.resolution.elapsed, 9h);
  EXPECT_EQ(s.resolution.due, at("2024-06-05T11:00:00Z"));
  // The first response came after 30 min: met in time, no due instant.
  EXPECT_EQ(s.first_response.met_at, at("2024-06-03T09:30:00Z"));
  EXPECT_EQ(s.first_response.elapsed, 30min);
  EXPECT_FALSE(s.first_response.breached);
  EXPECT_FALSE(s.first_response.running);
  EXPECT_FALSE(s.first_response.due.has_value());

  // Without pausing, the same case has 11 h on the clock.
  SlaPolicy never_pause = policy();
  never_pause.paused_in.clear();
  EXPECT_EQ(sla(w, cal, at("2024-06-04T12:00:00Z"), never_pause).resolution.elapsed, 11h);
}

TEST(SlaClock, ResolutionStopsAndAReopenedCaseRunsOn) {
  const auto cal = calendar("Mon-Fri 09:00-17:00");
  auto w = make_case(at("2024-06-03T09:00:00Z"));
  ASSERT_TRUE(w.transition(CaseStatus::kResolved, at("2024-06-03T12:00:00Z"), "a", "").ok());
  // Wed 10:00, resolved since Mon 12:00: 3 h, met.
  auto s = sla(w, cal, at("2024-06-05T10:00:00Z"));
  EXPECT_EQ(s.resolution.elapsed, 3h);
  EXPECT_EQ(s.resolution.met_at, at("2024-06-03T12:00:00Z"));
  EXPECT_FALSE(s.resolution.breached);
  ASSERT_TRUE(w.transition(CaseStatus::kReopened, at("2024-06-05T10:00:00Z"), "c", "").ok());
  // Wed 11:00: 3 h + 1 h since the reopen = 4 h, running again, not met.
  s = sla(w, cal, at("2024-06-05T11:00:00Z"));
  EXPECT_EQ(s.resolution.elapsed, 4h);
  EXPECT_FALSE(s.resolution.met_at.has_value());
  EXPECT_TRUE(s.resolution.running);
  // Replaying the past: at Mon 11:00 the resolution had not happened yet.
  s = sla(w, cal, at("2024-06-03T11:00:00Z"));
  EXPECT_EQ(s.resolution.elapsed, 2h);
  EXPECT_FALSE(s.resolution.met_at.has_value());
}

TEST(SlaClock, ALateFirstResponseIsMetButBreached) {
  const auto cal = calendar("Mon-Fri 09:00-17:00");
  auto w = make_case(at("2024-06-03T09:00:00Z"));
  ASSERT_TRUE(w.record_first_response(at("2024-06-03T14:00:00Z"), "a").ok());  // 5 h > 4 h
  const auto s = sla(w, cal, at("2024-06-04T09:00:00Z"));
  EXPECT_EQ(s.first_response.met_at, at("2024-06-03T14:00:00Z"));
  EXPECT_EQ(s.first_response.elapsed, 5h);
  EXPECT_TRUE(s.first_response.breached);
  EXPECT_FALSE(s.first_response.at_risk);
  EXPECT_EQ(s.first_response.due, at("2024-06-03T13:00:00Z"));
  // A reply exactly at the due instant is in time.
  auto on_time = make_case(at("2024-06-03T09:00:00Z"));
  ASSERT_TRUE(on_time.record_first_response(at("2024-06-03T13:00:00Z"), "a").ok());
  EXPECT_FALSE(sla(on_time, cal, at("2024-06-04T09:00:00Z")).first_response.breached);
}

TEST(SlaClock, AtRiskShareIsConfigurable) {
  const auto cal = calendar("Mon-Fri 09:00-17:00");
  const auto w = make_case(at("2024-06-03T09:00:00Z"));
  SlaPolicy p = policy();
  p.at_risk_share = 0.5;
  // 2 h of 4 h = 50 %: at risk at share 0.5, not at 0.8.
  EXPECT_TRUE(sla(w, cal, at("2024-06-03T11:00:00Z"), p).first_response.at_risk);
  EXPECT_FALSE(sla(w, cal, at("2024-06-03T11:00:00Z")).first_response.at_risk);
}

TEST(SlaPolicy, RejectsBadSettingsNamingTheField) {
  SlaPolicy p = SlaPolicy::standard();
  p.targets[2].resolution = 0ms;
  EXPECT_EQ(p.validate().error().field, "sla.targets.P3.resolution");
  p = SlaPolicy::standard();
  p.at_risk_share = 1.5;
  EXPECT_EQ(p.validate().error().field, "sla.at_risk_share");
  EXPECT_EQ(p.validate().error().value, "1.5");
  p = SlaPolicy::standard();
  p.paused_in.push_back(CaseStatus::kClosed);
  EXPECT_EQ(p.validate().error().field, "sla.paused_in");
  EXPECT_EQ(p.validate().error().value, "closed");
}

TEST(SlaClock, NowBeforeCreationIsAnError) {
  const auto cal = calendar("Mon-Fri 09:00-17:00");
  const auto w = make_case(at("2024-06-03T09:00:00Z"));
  auto r = evaluate_sla(w, policy(), cal, at("2024-06-03T08:00:00Z"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "now");
}

TEST(SlaClock, AClosedCalendarHasNoDueInstant) {
  const BusinessCalendar never_open;
  const auto w = make_case(at("2024-06-03T09:00:00Z"));
  const auto s = sla(w, never_open, at("2024-06-04T09:00:00Z"));
  EXPECT_EQ(s.resolution.elapsed, 0ms);
  EXPECT_FALSE(s.resolution.due.has_value());
}
