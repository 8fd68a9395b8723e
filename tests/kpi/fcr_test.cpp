#include <backoffice/kpi/contact_report.hpp>
#include <backoffice/kpi/fcr.hpp>

#include "kpi/kpi_fixtures.hpp"

#include <gtest/gtest.h>

using namespace backoffice;
using namespace backoffice::testing;
using namespace std::chrono_literals;

namespace {
const auto kT0 = Instant::parse("2024-05-01T09:00:00Z").value();
std::vector<FcrState> states(const std::vector<ContactSpec>& specs, FcrOptions o = {}) {
  const auto cols = columns_of(specs);
  return fcr_states(InteractionView::of(cols), o);
}
}  // namespace

TEST(Fcr, ARepeatExactlyAtTheWindowEdgeCounts) {
  // Customer 1 calls at t0 and again exactly 7 days later: the first is a repeat.
  // The data ends 8 days after t0, so the second's window is still open.
  auto s = states({{.offered = kT0, .wait = 5s, .customer = 1},
                   {.offered = kT0 + 7 * 24h, .wait = 5s, .customer = 1},
                   {.offered = kT0 + 8 * 24h, .wait = 5s, .customer = 2}});
  EXPECT_EQ(s[0], FcrState::kRepeat);
  EXPECT_EQ(s[1], FcrState::kPending);
  EXPECT_EQ(s[2], FcrState::kPending);
}

TEST(Fcr, ARepeatJustAfterTheWindowDoesNotCount) {
  auto s = states({{.offered = kT0, .wait = 5s, .customer = 1},
                   {.offered = kT0 + 7 * 24h + 1s, .wait = 5s, .customer = 1}});
  EXPECT_EQ(s[0], FcrState::kResolved);
}

TEST(Fcr, UnansweredAndAnonymousContactsAreNotJudgedButAnAbandonIsARepeat) {
  auto s = states({{.offered = kT0, .wait = 5s, .customer = 1},
                   {.offered = kT0 + 1h, .wait = 9s, .answered = false, .customer = 1},
                   {.offered = kT0 + 2h, .wait = 5s},
                   {.offered = kT0 + 30 * 24h, .wait = 5s, .customer = 3}});
  EXPECT_EQ(s[0], FcrState::kRepeat);
  EXPECT_EQ(s[1], FcrState::kNotJudged);
  EXPECT_EQ(s[2], FcrState::kNotJudged);
}

TEST(Fcr, MatchingOnReasonIgnoresRepeatsAboutSomethingElse) {
  const std::vector<ContactSpec> specs = {{.offered = kT0, .wait = 5s, .customer = 1, .reason = "billing"},
                                          {.offered = kT0 + 1h, .wait = 5s, .customer = 1, .reason = "moving"},
                                          {.offered = kT0 + 20 * 24h, .wait = 5s, .customer = 9}};
  EXPECT_EQ(states(specs)[0], FcrState::kRepeat);
  EXPECT_EQ(states(specs, FcrOptions{.match_reason = true})[0], FcrState::kResolved);
}

TEST(Fcr, UnorderedInputGivesTheSameStates) {
  auto s = states({{.offered = kT0 + 2h, .wait = 5s, .customer = 1},
                   {.offered = kT0, .wait = 5s, .customer = 1},
                   {.offered = kT0 + 30 * 24h, .wait = 5s, .customer = 2}});
  EXPECT_EQ(s[1], FcrState::kRepeat);    // t0, repeated at t0 + 2h
  EXPECT_EQ(s[0], FcrState::kResolved);  // t0 + 2h, nothing after
}

TEST(Fcr, TheReportCountsResolvedOverJudgedAndPendingApart) {
  // Resolved: contact 0. Repeat: none. Pending: contact 1 (as_of = its own time).
  const auto cols = columns_of({{.offered = kT0, .wait = 5s, .customer = 1},
                                {.offered = kT0 + 10 * 24h, .wait = 5s, .customer = 2}});
  auto r = contact_report(InteractionView::of(cols), {}, {}).value();
  EXPECT_EQ(r.total().fcr_resolved, 1);
  EXPECT_EQ(r.total().fcr_pending, 1);
  const auto t = r.to_table();
  EXPECT_DOUBLE_EQ(std::get<std::vector<double>>(t.find("fcr")->values)[0], 1.0);
  EXPECT_EQ(std::get<std::vector<std::int64_t>>(t.find("fcr_den")->values)[0], 1);
}

TEST(Fcr, AContactWithoutAnOfferedTimeIsNeitherJudgedNorARepeat) {
  auto cols = columns_of({{.offered = kT0, .wait = 5s, .customer = 1},
                          {.offered = kT0 + 1h, .wait = 5s, .customer = 1},
                          {.offered = kT0 + 30 * 24h, .wait = 5s, .customer = 2}});
  cols.offered_ms[1] = kNullInt64;
  const auto s = fcr_states(InteractionView::of(cols), {});
  EXPECT_EQ(s[0], FcrState::kResolved);
  EXPECT_EQ(s[1], FcrState::kNotJudged);
  // The report refuses such a contact, naming it.
  auto r = contact_report(InteractionView::of(cols), {}, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "offered_ms[1]");
}

TEST(Fcr, InstantsAtTheEdgeOfTheRangeDoNotOverflowTheWindow) {
  // Offered 10 ms before the largest instant: t + 7 days would overflow; the
  // window is still open at as_of = t, so the contact is pending.
  auto cols = columns_of({{.offered = kT0, .wait = 0s, .customer = 1}});
  cols.offered_ms[0] = INT64_MAX - 10;
  cols.answered_ms[0] = INT64_MAX - 10;
  cols.ended_ms[0] = INT64_MAX - 10;
  EXPECT_EQ(fcr_states(InteractionView::of(cols), {})[0], FcrState::kPending);
}

TEST(Fcr, ANegativeWindowIsRejectedByTheReport) {
  const auto cols = columns_of({{.offered = kT0, .wait = 5s, .customer = 1}});
  KpiOptions o;
  o.fcr.window = -1h;
  auto r = contact_report(InteractionView::of(cols), {}, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "fcr.window");
}
