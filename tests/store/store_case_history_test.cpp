// A case's history is stored beside it (schema 5): round trip, replace,
// validation, and what retention and erasure do to it.
#include <backoffice/store/store.hpp>

#include "store/store_fixtures.hpp"
#include "store/store_impl.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <vector>

namespace backoffice {
namespace {

using namespace std::chrono_literals;
using testing::make_case;
using testing::make_customer;
using testing::make_queue;

// make_case(7, 42, 1): created 2024-06-03T15:00Z, updated one hour later.
std::vector<CaseStatusChange> two_entries(const Case& c) {
  return {CaseStatusChange{c.created_at + 10min, "alice", CaseStatus::kNew, CaseStatus::kOpen, "triaged",
                           CaseEvent::kTransition, 1, ""},
          CaseStatusChange{c.created_at + 40min, "system", CaseStatus::kOpen, CaseStatus::kEscalated,
                           "SLA resolution at risk", CaseEvent::kEscalation, 2, "resolution_at_risk"}};
}

struct Fixture {
  Store store = Store::open_in_memory().value();
  Case c = make_case(7, 42, 1);
  Fixture() {
    EXPECT_TRUE(store.put_queue(make_queue(1)).ok());
    EXPECT_TRUE(store.put_customer(make_customer(42)).ok());
  }
};

TEST(StoreCaseHistory, RoundTripsInOrderAndPutCaseAloneKeepsIt) {
  Fixture f;
  const auto history = two_entries(f.c);
  ASSERT_TRUE(f.store.put_case(f.c, history).ok());
  EXPECT_EQ(f.store.case_history(f.c.id).value(), history);
  EXPECT_EQ(f.store.get_case(f.c.id).value(), f.c);
  // Updating the case record alone (an upsert) must not drop its history.
  f.c.subject = "Refund, second request";
  ASSERT_TRUE(f.store.put_case(f.c).ok());
  EXPECT_EQ(f.store.case_history(f.c.id).value(), history);
  // Putting a shorter history replaces the stored one.
  ASSERT_TRUE(f.store.put_case(f.c, std::span(history).first(1)).ok());
  EXPECT_EQ(f.store.case_history(f.c.id).value().size(), 1u);
}

TEST(StoreCaseHistory, BadEntriesAreRejectedAndNothingIsWritten) {
  Fixture f;
  auto history = two_entries(f.c);
  history[1].at = f.c.created_at + 5min;  // before entry 0
  auto s = f.store.put_case(f.c, history);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "case_history[1].at");
  history = two_entries(f.c);
  history[0].tier = 4;
  s = f.store.put_case(f.c, history);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "case_history[0].tier");
  EXPECT_EQ(s.error().value, "4");
  EXPECT_EQ(f.store.count("cases").value(), 0);
  EXPECT_EQ(f.store.case_history(CaseId(99)).error().code, ErrorCode::kNotFound);
}

TEST(StoreCaseHistory, BlankingTheSubjectBlanksTheReasonsAndDeletesCascade) {
  Fixture f;
  ASSERT_TRUE(f.store.put_case(f.c, two_entries(f.c)).ok());
  // What erasure and retention's anonymise do to a case.
  auto& db = f.store.impl().db;
  ASSERT_TRUE(db.exec("UPDATE cases SET subject = '[erased]' WHERE id = 7").ok());
  const auto erased = f.store.case_history(f.c.id).value();  // a named copy: no dangling temporary
  ASSERT_EQ(erased.size(), 2u);
  for (const auto& h : erased) EXPECT_EQ(h.reason, "[erased]");
  ASSERT_TRUE(db.exec("DELETE FROM cases WHERE id = 7").ok());
  EXPECT_EQ(db.query_int("SELECT count(*) FROM case_history").value(), 0);
}

}  // namespace
}  // namespace backoffice
