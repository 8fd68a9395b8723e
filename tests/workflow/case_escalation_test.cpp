#include <backoffice/workflow/case_escalation.hpp>

#include <gtest/gtest.h>

using namespace backoffice;
using namespace std::chrono_literals;

// Calendar Mon-Fri 09:00-17:00 UTC; 2024-06-03 is a Monday. P2 of the
// standard policy: first response 4 h, resolution 16 h, at risk at 80 %
// (12 h 48 min of resolution).

namespace {

Instant at(const char* text) { return Instant::parse(text).value(); }

BusinessCalendar office() { return BusinessCalendar::parse("Mon-Fri 09:00-17:00", TimeZone::utc()).value(); }

CaseWorkflow opened_monday() {
  Case c;
  c.id = CaseId(42);
  c.subject = "Billing portal down";
  c.priority = CasePriority::kP2;
  c.created_at = at("2024-06-03T09:00:00Z");
  c.updated_at = c.created_at;
  auto w = CaseWorkflow::start(c).value();
  EXPECT_TRUE(w.transition(CaseStatus::kOpen, at("2024-06-03T09:00:00Z"), "triage", "").ok());
  return w;
}

int apply(CaseWorkflow& w, const char* now) {
  const auto rules = default_escalation_rules();
  auto r = apply_escalations(w, rules, SlaPolicy::standard(), office(), at(now));
  EXPECT_TRUE(r.ok()) << r.error().to_string();
  return r.value_or(-1);
}

}  // namespace

TEST(Escalation, ClimbsATierForEachRuleThatFiresAndOnlyOnce) {
  auto w = opened_monday();
  EXPECT_EQ(apply(w, "2024-06-03T12:00:00Z"), 0);  // 3 h of 4 h: nothing breached yet
  EXPECT_EQ(w.record().tier, 1);

  // Mon 13:00: first response 4 h of 4 h -> breached -> tier 2.
  EXPECT_EQ(apply(w, "2024-06-03T13:00:00Z"), 1);
  EXPECT_EQ(w.record().status, CaseStatus::kEscalated);
  EXPECT_EQ(w.record().tier, 2);
  const auto& e = w.history().back();
  EXPECT_EQ(e.event, CaseEvent::kEscalation);
  EXPECT_EQ(e.actor, "system");
  EXPECT_EQ(e.rule, "first_response.breached");
  EXPECT_EQ(e.reason, "SLA first_response breached: 4:00:00 of 4:00:00 business time elapsed");
  EXPECT_EQ(e.from, CaseStatus::kOpen);

  // Idempotent: the same rule does not fire twice.
  EXPECT_EQ(apply(w, "2024-06-03T13:00:00Z"), 0);
  EXPECT_EQ(apply(w, "2024-06-04T09:30:00Z"), 0);  // 8.5 h of 16 h resolution
  EXPECT_EQ(w.history().size(), 2u);

  // Tue 14:00: 8 h + 5 h = 13 h >= 12 h 48 min -> resolution at risk -> tier 3.
  EXPECT_EQ(apply(w, "2024-06-04T14:00:00Z"), 1);
  EXPECT_EQ(w.record().tier, 3);
  EXPECT_EQ(w.history().back().rule, "resolution.at_risk");

  // Tue 17:00: 16 h -> breached; the tier stays at the top, the breach is recorded.
  EXPECT_EQ(apply(w, "2024-06-04T17:00:00Z"), 1);
  EXPECT_EQ(w.record().tier, Case::kMaxTier);
  EXPECT_EQ(w.history().back().reason, "SLA resolution breached: 16:00:00 of 16:00:00 business time elapsed");
  EXPECT_EQ(apply(w, "2024-06-05T17:00:00Z"), 0);
  EXPECT_EQ(w.history().size(), 4u);
}

TEST(Escalation, SeveralRulesFireTogetherInRuleOrder) {
  auto w = opened_monday();
  // Wed 09:00 unattended: 16 h elapsed: first response breached, resolution
  // at risk is moot (breached wins), resolution breached.
  EXPECT_EQ(apply(w, "2024-06-05T09:00:00Z"), 2);
  ASSERT_EQ(w.history().size(), 3u);
  EXPECT_EQ(w.history()[1].rule, "first_response.breached");
  EXPECT_EQ(w.history()[2].rule, "resolution.breached");
  EXPECT_EQ(w.record().tier, 3);
}

TEST(Escalation, LeavesResolvedAndRepliedCasesAlone) {
  auto w = opened_monday();
  ASSERT_TRUE(w.record_first_response(at("2024-06-03T14:00:00Z"), "a").ok());  // late: 5 h
  EXPECT_EQ(apply(w, "2024-06-03T15:00:00Z"), 0);  // a late reply is not escalated after the fact
  ASSERT_TRUE(w.transition(CaseStatus::kResolved, at("2024-06-03T16:00:00Z"), "a", "").ok());
  EXPECT_EQ(apply(w, "2024-06-10T09:00:00Z"), 0);
  EXPECT_EQ(w.record().status, CaseStatus::kResolved);
}

TEST(Escalation, EvaluatingBeforeTheLastChangeIsAnError) {
  auto w = opened_monday();
  ASSERT_TRUE(w.transition(CaseStatus::kPendingThirdParty, at("2024-06-05T09:00:00Z"), "a", "").ok());
  const auto rules = default_escalation_rules();
  // At Tue 17:00 the case had breached, but Wed 09:00 is already in its history.
  auto r = apply_escalations(w, rules, SlaPolicy::standard(), office(), at("2024-06-04T17:00:00Z"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "case.escalation.at");
}

TEST(FollowUps, DueInBusinessTimeAndListedWhenOverdue) {
  const auto cal = office();
  // Fri 2024-06-07 15:00 + 4 business hours: Fri 15-17 (2 h) + Mon 09-11 (2 h) = Mon 11:00.
  auto call_back = schedule_follow_up(1, CaseId(42), cal, at("2024-06-07T15:00:00Z"), 4h, "call back");
  ASSERT_TRUE(call_back.ok()) << call_back.error().to_string();
  EXPECT_EQ(call_back->due, at("2024-06-10T11:00:00Z"));
  // Sat 10:00 + 1 h starts at Mon 09:00: Mon 10:00.
  auto email = schedule_follow_up(2, CaseId(42), cal, at("2024-06-08T10:00:00Z"), 1h, "send summary");
  ASSERT_TRUE(email.ok());
  EXPECT_EQ(email->due, at("2024-06-10T10:00:00Z"));
  auto done = schedule_follow_up(3, CaseId(42), cal, at("2024-06-03T09:00:00Z"), 1h, "log ticket");
  ASSERT_TRUE(done.ok());
  done->done = true;

  const std::vector<FollowUp> all{*call_back, *email, *done};
  EXPECT_TRUE(overdue_follow_ups(all, at("2024-06-10T10:00:00Z")).empty());  // due == now is not overdue
  const auto late = overdue_follow_ups(all, at("2024-06-10T11:30:00Z"));
  ASSERT_EQ(late.size(), 2u);
  EXPECT_EQ(late[0].id, 2);  // earliest due first; the done one is never listed
  EXPECT_EQ(late[1].id, 1);
}

TEST(FollowUps, RejectBadInputNamingTheField) {
  const auto cal = office();
  auto r = schedule_follow_up(1, CaseId(1), cal, at("2024-06-07T15:00:00Z"), -1h, "x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "follow_up.delay");
  EXPECT_EQ(r.error().value, "-1:00:00");
  r = schedule_follow_up(1, CaseId(1), cal, at("2024-06-07T15:00:00Z"), 1h, "  ");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "follow_up.description");
}
