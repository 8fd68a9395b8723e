#include <backoffice/domain/case.hpp>

#include "domain/support.hpp"

#include <gtest/gtest.h>

using namespace backoffice;
using backoffice::testing::at;
using backoffice::testing::fails_on;
using backoffice::testing::passes;

namespace {

Case resolved_case() {
  Case c;
  c.id = CaseId{3};
  c.customer = CustomerId{42};
  c.subject = "Refund not received";
  c.priority = CasePriority::kP2;
  c.status = CaseStatus::kResolved;
  c.owner = AgentId{7};
  c.tier = 2;
  c.queue = QueueId{5};
  c.created_at = at("2024-03-01T09:00:00Z");
  c.first_response_at = at("2024-03-01T10:15:00Z");
  c.resolved_at = at("2024-03-02T16:00:00Z");
  c.updated_at = at("2024-03-02T16:00:00Z");
  return c;
}

}  // namespace

TEST(Case, ValidCasesPass) {
  EXPECT_TRUE(passes(resolved_case().validate()));
  Case fresh;
  fresh.subject = "Password reset";
  EXPECT_TRUE(passes(fresh.validate()));  // new, unassigned, no response yet
  Case reopened = resolved_case();
  reopened.status = CaseStatus::kReopened;  // keeps the earlier resolved_at
  EXPECT_TRUE(passes(reopened.validate()));
}

TEST(Case, ASubjectMustNotBeBlank) {
  Case c = resolved_case();
  c.subject = "  ";
  EXPECT_TRUE(fails_on(c.validate(), "case.subject", "  "));
}

TEST(Case, TheTierIsOneToThree) {
  Case c = resolved_case();
  c.tier = 0;
  EXPECT_TRUE(fails_on(c.validate(), "case.tier", "0"));
  c.tier = 4;
  EXPECT_TRUE(fails_on(c.validate(), "case.tier", "4"));
  c.tier = 3;
  EXPECT_TRUE(passes(c.validate()));
}

TEST(Case, UpdatedAtMustNotPrecedeCreatedAt) {
  Case c = resolved_case();
  c.first_response_at.reset();
  c.resolved_at.reset();
  c.status = CaseStatus::kOpen;
  c.updated_at = at("2024-03-01T08:00:00Z");
  EXPECT_TRUE(fails_on(c.validate(), "case.updated_at", "2024-03-01T08:00:00Z"));
}

TEST(Case, FirstResponseAndResolutionFallBetweenCreationAndLastUpdate) {
  Case c = resolved_case();
  c.first_response_at = at("2024-03-01T08:59:00Z");
  EXPECT_TRUE(fails_on(c.validate(), "case.first_response_at", "2024-03-01T08:59:00Z"));
  c = resolved_case();
  c.first_response_at = at("2024-03-02T16:00:01Z");
  EXPECT_TRUE(fails_on(c.validate(), "case.first_response_at", "2024-03-02T16:00:01Z"));
  c = resolved_case();
  c.resolved_at = at("2024-02-29T23:00:00Z");
  EXPECT_TRUE(fails_on(c.validate(), "case.resolved_at", "2024-02-29T23:00:00Z"));
  c = resolved_case();
  c.resolved_at = at("2024-03-03T00:00:00Z");
  EXPECT_TRUE(fails_on(c.validate(), "case.resolved_at", "2024-03-03T00:00:00Z"));
}

TEST(Case, AResolvedOrClosedCaseHasAResolutionTime) {
  Case c = resolved_case();
  c.resolved_at.reset();
  EXPECT_TRUE(fails_on(c.validate(), "case.resolved_at", ""));
  c.status = CaseStatus::kClosed;
  EXPECT_TRUE(fails_on(c.validate(), "case.resolved_at", ""));
  c.status = CaseStatus::kEscalated;
  EXPECT_TRUE(passes(c.validate()));
}

TEST(Case, IsARegularPrintableValue) {
  const Case a = resolved_case();
  Case b = a;
  EXPECT_EQ(a, b);
  b.owner.reset();
  EXPECT_NE(a, b);
  EXPECT_TRUE(a.is_resolved());
  EXPECT_EQ(fmt::format("{}", a), "case 3 P2 resolved tier 2 queue 5");
}
