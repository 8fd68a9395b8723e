#include <backoffice/workflow/case_lifecycle.hpp>

#include <gtest/gtest.h>

#include <set>
#include <utility>

using namespace backoffice;
using namespace std::chrono_literals;

namespace {

Instant at(const char* text) { return Instant::parse(text).value(); }

Case new_case() {
  Case c;
  c.id = CaseId(7);
  c.customer = CustomerId(1);
  c.subject = "Router drops calls";
  c.priority = CasePriority::kP2;
  c.created_at = at("2024-06-03T09:00:00Z");
  c.updated_at = c.created_at;
  return c;
}

CaseWorkflow started() { return CaseWorkflow::start(new_case()).value(); }

}  // namespace

TEST(CaseTransitions, TableHasTheDocumentedTwentySevenMoves) {
  // Row sizes from the table in case_lifecycle.hpp: 3 + 4 + 4 + 4 + 4 + 2 + 1 + 5 = 27.
  int allowed = 0;
  for (CaseStatus from : kAllCaseStatuses) {
    const auto row = allowed_transitions(from);
    const std::set<CaseStatus> targets(row.begin(), row.end());
    for (CaseStatus to : kAllCaseStatuses) {
      EXPECT_EQ(is_allowed(from, to), targets.count(to) == 1) << to_string(from) << " -> " << to_string(to);
      allowed += is_allowed(from, to) ? 1 : 0;
    }
    EXPECT_FALSE(is_allowed(from, from)) << "no self moves: " << to_string(from);
    EXPECT_FALSE(is_allowed(from, CaseStatus::kNew)) << "nothing returns to new";
  }
  EXPECT_EQ(allowed, 27);
  EXPECT_TRUE(is_allowed(CaseStatus::kResolved, CaseStatus::kClosed));
  EXPECT_FALSE(is_allowed(CaseStatus::kOpen, CaseStatus::kClosed));  // close only after resolving
  EXPECT_EQ(allowed_transitions(CaseStatus::kClosed).size(), 1u);
  EXPECT_EQ(allowed_transitions(CaseStatus::kClosed)[0], CaseStatus::kReopened);
}

TEST(CaseWorkflow, IllegalTransitionNamesBothStatesAndChangesNothing) {
  auto w = started();
  const Status s = w.transition(CaseStatus::kClosed, at("2024-06-03T10:00:00Z"), "alice", "done");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
  EXPECT_EQ(s.error().field, "case.status");
  EXPECT_EQ(s.error().value, "new -> closed");
  EXPECT_NE(s.error().message.find("open, escalated, resolved"), std::string::npos) << s.error().message;
  EXPECT_EQ(w.record().status, CaseStatus::kNew);
  EXPECT_TRUE(w.history().empty());
}

TEST(CaseWorkflow, EveryChangeIsRecordedWithWhoWhenFromToAndWhy) {
  auto w = started();
  ASSERT_TRUE(w.transition(CaseStatus::kOpen, at("2024-06-03T09:05:00Z"), "alice", "triaged").ok());
  ASSERT_TRUE(w.record_first_response(at("2024-06-03T09:10:00Z"), "alice").ok());
  ASSERT_TRUE(w.transition(CaseStatus::kPendingCustomer, at("2024-06-03T09:20:00Z"), "alice", "asked for logs").ok());
  ASSERT_TRUE(w.transition(CaseStatus::kOpen, at("2024-06-04T08:00:00Z"), "bob", "logs arrived").ok());
  ASSERT_TRUE(w.transition(CaseStatus::kResolved, at("2024-06-04T11:00:00Z"), "bob", "firmware fix").ok());

  const auto h = w.history();
  ASSERT_EQ(h.size(), 5u);
  EXPECT_EQ(h[0], (CaseStatusChange{at("2024-06-03T09:05:00Z"), "alice", CaseStatus::kNew, CaseStatus::kOpen,
                                    "triaged", CaseEvent::kTransition, 1, ""}));
  EXPECT_EQ(h[1].event, CaseEvent::kFirstResponse);
  EXPECT_EQ(h[1].from, CaseStatus::kOpen);
  EXPECT_EQ(h[1].to, CaseStatus::kOpen);
  EXPECT_EQ(h[3].actor, "bob");
  EXPECT_EQ(h[3].reason, "logs arrived");
  EXPECT_EQ(to_string(h[4]), "2024-06-04T11:00:00Z bob open -> resolved (tier 1): firmware fix");

  const Case& c = w.record();
  EXPECT_EQ(c.status, CaseStatus::kResolved);
  EXPECT_EQ(c.first_response_at, at("2024-06-03T09:10:00Z"));
  EXPECT_EQ(c.resolved_at, at("2024-06-04T11:00:00Z"));
  EXPECT_EQ(c.updated_at, at("2024-06-04T11:00:00Z"));
  EXPECT_TRUE(c.validate().ok());
  EXPECT_EQ(w.initial_status(), CaseStatus::kNew);
}

TEST(CaseWorkflow, TimeGoingBackwardsIsAnError) {
  auto w = started();
  ASSERT_TRUE(w.transition(CaseStatus::kOpen, at("2024-06-03T10:00:00Z"), "alice", "").ok());
  const Status s = w.transition(CaseStatus::kResolved, at("2024-06-03T09:59:59Z"), "alice", "");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.error().field, "case.status.at");
  EXPECT_EQ(s.error().value, "2024-06-03T09:59:59Z");
  // Before created_at is just as wrong, for a first response too.
  auto fresh = started();
  EXPECT_EQ(fresh.record_first_response(at("2024-06-03T08:00:00Z"), "x").error().field,
            "case.first_response.at");
  // The same instant as the last change is fine (two clicks in one millisecond).
  EXPECT_TRUE(w.transition(CaseStatus::kResolved, at("2024-06-03T10:00:00Z"), "alice", "").ok());
}

TEST(CaseWorkflow, EscalationRaisesTheTierUpToThree) {
  auto w = started();
  ASSERT_TRUE(w.transition(CaseStatus::kEscalated, at("2024-06-03T10:00:00Z"), "alice", "VIP").ok());
  EXPECT_EQ(w.record().tier, 2);
  EXPECT_EQ(w.history().back().event, CaseEvent::kEscalation);
  ASSERT_TRUE(w.escalate(at("2024-06-03T11:00:00Z"), "lead", "still down").ok());
  EXPECT_EQ(w.record().tier, 3);
  EXPECT_EQ(w.history().back().from, CaseStatus::kEscalated);
  ASSERT_TRUE(w.escalate(at("2024-06-03T12:00:00Z"), "lead", "again").ok());
  EXPECT_EQ(w.record().tier, Case::kMaxTier);  // capped
  // De-escalating the status keeps the tier the case reached.
  ASSERT_TRUE(w.transition(CaseStatus::kOpen, at("2024-06-03T13:00:00Z"), "t3", "taking it").ok());
  EXPECT_EQ(w.record().tier, 3);
  ASSERT_TRUE(w.transition(CaseStatus::kResolved, at("2024-06-03T14:00:00Z"), "t3", "").ok());
  const Status s = w.escalate(at("2024-06-03T15:00:00Z"), "lead", "");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().value, "resolved -> escalated");
}

TEST(CaseWorkflow, FirstResponseIsRecordedOnce) {
  auto w = started();
  ASSERT_TRUE(w.record_first_response(at("2024-06-03T09:30:00Z"), "alice").ok());
  const Status s = w.record_first_response(at("2024-06-03T09:40:00Z"), "bob");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
  EXPECT_EQ(s.error().field, "case.first_response_at");
  EXPECT_EQ(s.error().value, "2024-06-03T09:30:00Z");
}

TEST(CaseWorkflow, ReopeningAfterCloseRunsTheCycleAgain) {
  auto w = started();
  ASSERT_TRUE(w.transition(CaseStatus::kResolved, at("2024-06-03T10:00:00Z"), "a", "").ok());
  ASSERT_TRUE(w.transition(CaseStatus::kClosed, at("2024-06-05T10:00:00Z"), "system", "auto-close").ok());
  ASSERT_TRUE(w.transition(CaseStatus::kReopened, at("2024-06-06T10:00:00Z"), "c", "came back").ok());
  ASSERT_TRUE(w.transition(CaseStatus::kResolved, at("2024-06-06T12:00:00Z"), "a", "").ok());
  EXPECT_EQ(w.record().resolved_at, at("2024-06-06T12:00:00Z"));  // the latest resolution
}

TEST(CaseWorkflow, RestoreRebuildsTheSameWorkflow) {
  auto w = started();
  ASSERT_TRUE(w.transition(CaseStatus::kOpen, at("2024-06-03T09:05:00Z"), "alice", "").ok());
  ASSERT_TRUE(w.escalate(at("2024-06-03T10:00:00Z"), "system", "SLA", "resolution.at_risk").ok());
  ASSERT_TRUE(w.record_first_response(at("2024-06-03T10:30:00Z"), "t2").ok());
  ASSERT_TRUE(w.transition(CaseStatus::kPendingCustomer, at("2024-06-03T11:00:00Z"), "t2", "").ok());
  const std::vector<CaseStatusChange> history(w.history().begin(), w.history().end());
  auto back = CaseWorkflow::restore(w.record(), history);
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  EXPECT_EQ(*back, w);
  EXPECT_TRUE(back->has_fired("resolution.at_risk"));
  EXPECT_FALSE(back->has_fired("resolution.breached"));
  EXPECT_FALSE(back->has_fired(""));
}

TEST(CaseWorkflow, RestoreRejectsABrokenHistoryNamingTheEntry) {
  auto w = started();
  ASSERT_TRUE(w.transition(CaseStatus::kOpen, at("2024-06-03T09:05:00Z"), "a", "").ok());
  ASSERT_TRUE(w.transition(CaseStatus::kResolved, at("2024-06-03T09:10:00Z"), "a", "").ok());
  std::vector<CaseStatusChange> h(w.history().begin(), w.history().end());

  auto skipped = h;
  skipped[1].from = CaseStatus::kPendingCustomer;  // entry 0 left the case open
  auto r = CaseWorkflow::restore(w.record(), skipped);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "case.history[1].from");

  auto illegal = h;
  illegal[1].to = CaseStatus::kClosed;  // open -> closed is not in the table
  r = CaseWorkflow::restore(w.record(), illegal);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "case.history[1].to");
  EXPECT_EQ(r.error().value, "open -> closed");

  auto backwards = h;
  backwards[1].at = at("2024-06-03T09:00:00Z");
  r = CaseWorkflow::restore(w.record(), backwards);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "case.history[1].at");

  Case other = w.record();
  other.status = CaseStatus::kClosed;
  r = CaseWorkflow::restore(other, h);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "case.status");
}

TEST(CaseWorkflow, StartValidatesTheCase) {
  Case c = new_case();
  c.subject = " ";
  auto r = CaseWorkflow::start(c);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "case.subject");
}
