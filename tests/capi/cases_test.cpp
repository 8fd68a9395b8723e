// Case lifecycle, SLA clocks and escalation through the C header only.
// Calendar Mon-Fri 09:00-17:00 UTC; 2024-06-03 is a Monday; P2 of the
// standard policy: first response 4 h, resolution 16 h.

#include <backoffice/backoffice.h>

#include <gtest/gtest.h>

#include <string>

namespace {

int64_t ms(const char* text) {
  int64_t out = 0;
  EXPECT_EQ(bo_instant_parse(&out, text, nullptr), BO_OK) << text;
  return out;
}

constexpr int64_t kHour = 3'600'000;

struct Fixture {
  bo_business_calendar_t* calendar = nullptr;
  bo_case_t* c = nullptr;
  Fixture() {
    EXPECT_EQ(bo_business_calendar_parse(&calendar, "Mon-Fri 09:00-17:00", nullptr), BO_OK);
    EXPECT_EQ(bo_case_create(&c, 42, "Portal down", "P2", ms("2024-06-03T09:00:00Z")), BO_OK);
  }
  ~Fixture() {
    bo_case_destroy(c);
    bo_business_calendar_destroy(calendar);
  }
};

}  // namespace

TEST(CCases, TransitionsAreRecordedAndIllegalOnesNameBothStates) {
  Fixture f;
  ASSERT_EQ(bo_case_transition(f.c, "open", ms("2024-06-03T09:05:00Z"), "alice", "triaged"), BO_OK);
  EXPECT_EQ(bo_case_transition(f.c, "closed", ms("2024-06-03T09:06:00Z"), "alice", nullptr), BO_CONFLICT);
  EXPECT_STREQ(bo_last_error_field(), "case.status");
  EXPECT_STREQ(bo_last_error_value(), "open -> closed");
  EXPECT_EQ(bo_case_transition(f.c, "opened", ms("2024-06-03T09:06:00Z"), "alice", nullptr), BO_PARSE);
  EXPECT_STREQ(bo_last_error_field(), "to_status");
  EXPECT_EQ(bo_case_transition(f.c, "resolved", ms("2024-06-03T09:00:00Z"), "alice", nullptr),
            BO_INVALID_ARGUMENT);  // before the last change
  ASSERT_EQ(bo_case_record_first_response(f.c, ms("2024-06-03T09:30:00Z"), "alice"), BO_OK);
  ASSERT_EQ(bo_case_transition(f.c, "resolved", ms("2024-06-03T11:00:00Z"), "bob", "fixed"), BO_OK);

  const char* status = nullptr;
  int32_t tier = 0;
  int64_t first = 0, resolved = 0;
  ASSERT_EQ(bo_case_state(&status, &tier, &first, &resolved, f.c), BO_OK);
  EXPECT_STREQ(status, "resolved");
  EXPECT_EQ(tier, 1);
  EXPECT_EQ(first, ms("2024-06-03T09:30:00Z"));
  EXPECT_EQ(resolved, ms("2024-06-03T11:00:00Z"));

  size_t n = 0;
  ASSERT_EQ(bo_case_history_count(&n, f.c), BO_OK);
  ASSERT_EQ(n, 3u);
  bo_case_change_t e;
  ASSERT_EQ(bo_case_history_get(&e, f.c, 0), BO_OK);
  EXPECT_EQ(e.at_unix_ms, ms("2024-06-03T09:05:00Z"));
  EXPECT_STREQ(e.actor, "alice");
  EXPECT_STREQ(e.from_status, "new");
  EXPECT_STREQ(e.to_status, "open");
  EXPECT_STREQ(e.reason, "triaged");
  EXPECT_STREQ(e.event, "transition");
  ASSERT_EQ(bo_case_history_get(&e, f.c, 1), BO_OK);
  EXPECT_STREQ(e.event, "first_response");
  EXPECT_EQ(bo_case_history_get(&e, f.c, 3), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "index");
}

TEST(CCases, SlaClocksInBusinessTime) {
  Fixture f;
  ASSERT_EQ(bo_case_transition(f.c, "open", ms("2024-06-03T09:00:00Z"), "a", nullptr), BO_OK);
  bo_sla_status_t s;
  // Mon 16:00: 7 h elapsed: first response (4 h) breached at 13:00; resolution
  // 7 of 16 h, 9 h left -> Mon 16-17 (1 h) + Tue 09:00 + 8 h = Tue 17:00.
  ASSERT_EQ(bo_case_sla(&s, f.c, nullptr, f.calendar, ms("2024-06-03T16:00:00Z")), BO_OK);
  EXPECT_EQ(s.first_response.goal_ms, 4 * kHour);
  EXPECT_EQ(s.first_response.elapsed_ms, 7 * kHour);
  EXPECT_EQ(s.first_response.remaining_ms, -3 * kHour);
  EXPECT_EQ(s.first_response.breached, 1);
  EXPECT_EQ(s.first_response.due_unix_ms, ms("2024-06-03T13:00:00Z"));
  EXPECT_EQ(s.first_response.met_unix_ms, BO_NULL_INT64);
  EXPECT_EQ(s.resolution.elapsed_ms, 7 * kHour);
  EXPECT_EQ(s.resolution.due_unix_ms, ms("2024-06-04T17:00:00Z"));
  EXPECT_EQ(s.resolution.running, 1);
  EXPECT_EQ(s.resolution.at_risk, 0);

  // A policy that pauses nothing but is at risk from 40 %: 7/16 = 43.75 %.
  bo_sla_policy_t p;
  ASSERT_EQ(bo_sla_policy_init(&p), BO_OK);
  EXPECT_EQ(p.resolution_ms[1], 16 * kHour);
  EXPECT_EQ(p.paused_statuses, BO_CASE_STATUS_BIT(BO_CASE_PENDING_CUSTOMER));
  p.at_risk_share = 0.4;
  ASSERT_EQ(bo_case_sla(&s, f.c, &p, f.calendar, ms("2024-06-03T16:00:00Z")), BO_OK);
  EXPECT_EQ(s.resolution.at_risk, 1);
  p.at_risk_share = 0.0;
  EXPECT_EQ(bo_case_sla(&s, f.c, &p, f.calendar, ms("2024-06-03T16:00:00Z")), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "sla.at_risk_share");
  EXPECT_EQ(bo_case_sla(&s, f.c, nullptr, nullptr, 0), BO_NULL_ARGUMENT);
}

TEST(CCases, EscalatesWhenBreachedAndOnlyOnce) {
  Fixture f;
  ASSERT_EQ(bo_case_transition(f.c, "open", ms("2024-06-03T09:00:00Z"), "a", nullptr), BO_OK);
  int32_t fired = -1;
  // Mon 13:00: first response 4 h of 4 h -> breached -> tier 2.
  ASSERT_EQ(bo_case_apply_escalations(&fired, f.c, nullptr, f.calendar, ms("2024-06-03T13:00:00Z"), nullptr), BO_OK);
  EXPECT_EQ(fired, 1);
  ASSERT_EQ(bo_case_apply_escalations(&fired, f.c, nullptr, f.calendar, ms("2024-06-03T13:30:00Z"), nullptr), BO_OK);
  EXPECT_EQ(fired, 0);
  const char* status = nullptr;
  int32_t tier = 0;
  ASSERT_EQ(bo_case_state(&status, &tier, nullptr, nullptr, f.c), BO_OK);
  EXPECT_STREQ(status, "escalated");
  EXPECT_EQ(tier, 2);
  bo_case_change_t e;
  ASSERT_EQ(bo_case_history_get(&e, f.c, 1), BO_OK);
  EXPECT_STREQ(e.actor, "system");
  EXPECT_STREQ(e.rule, "first_response.breached");
  EXPECT_STREQ(e.event, "escalation");
  EXPECT_EQ(e.tier, 2);
}

TEST(CCases, FollowUpDueInBusinessTime) {
  Fixture f;
  int64_t due = 0;
  // Fri 15:00 + 4 business hours = Fri 15-17 (2 h) + Mon 09-11 = Mon 11:00.
  ASSERT_EQ(bo_follow_up_due(&due, f.calendar, ms("2024-06-07T15:00:00Z"), 4 * kHour), BO_OK);
  EXPECT_EQ(due, ms("2024-06-10T11:00:00Z"));
  EXPECT_EQ(bo_follow_up_due(&due, f.calendar, ms("2024-06-07T15:00:00Z"), -1), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "follow_up.delay");
}

TEST(CCases, CreateRejectsBadInput) {
  bo_case_t* c = nullptr;
  EXPECT_EQ(bo_case_create(&c, 1, "x", "P9", 0), BO_PARSE);
  EXPECT_STREQ(bo_last_error_field(), "priority");
  EXPECT_EQ(bo_case_create(&c, 1, "  ", "P1", 0), BO_VALIDATION);
  EXPECT_STREQ(bo_last_error_field(), "case.subject");
  EXPECT_EQ(c, nullptr);
  bo_case_destroy(nullptr);
}

TEST(CCases, ACaseAndItsHistoryRoundTripThroughTheStore) {
  bo_store_t* store = nullptr;
  ASSERT_EQ(bo_store_open_in_memory(&store), BO_OK);
  ASSERT_EQ(bo_store_put_queue(store, 1, "Support", "voice", 20, 80.0, 0, "UTC", nullptr), BO_OK);
  ASSERT_EQ(bo_store_put_customer(store, 5, "Ada Lovelace"), BO_OK) << bo_last_error();
  // 2024-06-03T09:00:00Z, then open at +5 min and escalated at +60 min.
  const int64_t t0 = 1717405200000;
  bo_case_t* c = nullptr;
  ASSERT_EQ(bo_case_create_for(&c, 7, "Router drops calls", "P2", t0, 5, 1), BO_OK) << bo_last_error();
  ASSERT_EQ(bo_case_transition(c, "open", t0 + 300000, "alice", "triaged"), BO_OK);
  ASSERT_EQ(bo_case_transition(c, "escalated", t0 + 3600000, "alice", "tier 2"), BO_OK);
  ASSERT_EQ(bo_store_put_case(store, c), BO_OK) << bo_last_error();
  bo_case_t* back = nullptr;
  ASSERT_EQ(bo_store_get_case(&back, store, 7), BO_OK) << bo_last_error();
  size_t n = 0;
  ASSERT_EQ(bo_case_history_count(&n, back), BO_OK);
  EXPECT_EQ(n, 2u);
  const char* status = nullptr;
  int32_t tier = 0;
  ASSERT_EQ(bo_case_state(&status, &tier, nullptr, nullptr, back), BO_OK) << bo_last_error();
  EXPECT_STREQ(status, "escalated");
  EXPECT_EQ(tier, 2);
  bo_case_t* none = nullptr;
  EXPECT_EQ(bo_store_get_case(&none, store, 8), BO_NOT_FOUND);
  EXPECT_STREQ(bo_last_error_field(), "case.id");
  EXPECT_EQ(none, nullptr);
  // A case whose customer is not in the store is refused, naming the field.
  bo_case_t* orphan = nullptr;
  ASSERT_EQ(bo_case_create_for(&orphan, 9, "Lost", "P3", t0, 99, 1), BO_OK);
  EXPECT_EQ(bo_store_put_case(store, orphan), BO_VALIDATION);
  EXPECT_STREQ(bo_last_error_field(), "case.customer");
  bo_case_destroy(orphan);
  bo_case_destroy(back);
  bo_case_destroy(c);
  bo_store_close(store);
}
