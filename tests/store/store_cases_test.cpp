#include <backoffice/store/store.hpp>

#include "store/store_fixtures.hpp"

#include <gtest/gtest.h>

using namespace backoffice;
using namespace backoffice::testing;
using namespace std::chrono_literals;

namespace {

// Customers 1 and 2, queues 1 and 2, agent 5.
Store store_with_references() {
  auto store = Store::open_in_memory().value();
  for (int id : {1, 2}) {
    EXPECT_TRUE(store.put_customer(make_customer(id)).ok());
    EXPECT_TRUE(store.put_queue(make_queue(id)).ok());
  }
  EXPECT_TRUE(store.put_agent(make_agent(5)).ok());
  return store;
}

}  // namespace

// Expected values: the records written are the reference; reading back must
// give them field for field.
TEST(StoreCases, ACaseRoundTripsWithAndWithoutItsOptionalFields) {
  auto store = store_with_references();
  auto resolved = make_case(1, 1, 1);
  resolved.owner = AgentId(5);
  resolved.status = CaseStatus::kResolved;
  resolved.priority = CasePriority::kP1;
  resolved.tier = 3;
  resolved.resolved_at = resolved.updated_at;
  ASSERT_TRUE(store.put_case(resolved).ok());
  EXPECT_EQ(store.get_case(CaseId(1)).value(), resolved);

  auto fresh = make_case(2, 2, 2);
  fresh.status = CaseStatus::kNew;
  fresh.first_response_at.reset();
  ASSERT_TRUE(store.put_case(fresh).ok());
  EXPECT_EQ(store.get_case(CaseId(2)).value(), fresh);
}

TEST(StoreCases, PutReplacesByIdAndAMissingCaseIsNotFound) {
  auto store = store_with_references();
  ASSERT_TRUE(store.put_case(make_case(1, 1, 1)).ok());
  auto escalated = make_case(1, 1, 1);
  escalated.status = CaseStatus::kEscalated;
  escalated.tier = 2;
  ASSERT_TRUE(store.put_case(escalated).ok());
  EXPECT_EQ(store.get_case(CaseId(1)).value(), escalated);
  EXPECT_EQ(store.count("cases").value(), 1);
  auto missing = store.get_case(CaseId(9));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().field, "case.id");
}

TEST(StoreCases, InvalidCasesAndUnknownReferencesNameTheirField) {
  auto store = store_with_references();
  auto closed_unresolved = make_case(1, 1, 1);
  closed_unresolved.status = CaseStatus::kClosed;  // closed without resolved_at
  EXPECT_EQ(store.put_case(closed_unresolved).error().field, "case.resolved_at");

  const std::vector<std::pair<Case, std::pair<std::string, std::string>>> unknown = {
      {make_case(1, 42, 1), {"case.customer", "42"}},
      {make_case(1, 1, 43), {"case.queue", "43"}},
      {[] { auto c = make_case(1, 1, 1); c.owner = AgentId(44); return c; }(), {"case.owner", "44"}},
  };
  for (const auto& [c, expected] : unknown) {
    auto s = store.put_case(c);
    ASSERT_FALSE(s.ok()) << expected.first;
    EXPECT_EQ(s.error().code, ErrorCode::kValidation);
    EXPECT_EQ(s.error().field, expected.first);
    EXPECT_EQ(s.error().value, expected.second);
  }
  EXPECT_EQ(store.count("cases").value(), 0);
}

TEST(StoreCases, QueriesFilterByCustomerQueueOwnerAndCreatedRange) {
  auto store = store_with_references();
  // Case i is created i hours after 2024-06-03T08:00Z; customer 1 and queue 1
  // for odd i; agent 5 owns every third case.
  for (int i = 1; i <= 12; ++i) {
    auto c = make_case(i, i % 2 ? 1 : 2, i % 2 ? 1 : 2);
    if (i % 3 == 0) c.owner = AgentId(5);
    ASSERT_TRUE(store.put_case(c).ok());
  }
  auto ids = [&](const CaseQuery& q) {
    std::vector<std::int64_t> out;
    const auto found = store.cases(q).value();  // named: the Result temporary would die before the loop body
    for (const auto& c : found) out.push_back(c.id.value());
    return out;
  };
  EXPECT_EQ(ids({}).size(), 12u);
  CaseQuery range;
  range.from = Instant::parse("2024-06-03T10:00:00Z").value();  // case 2 onwards
  range.to = Instant::parse("2024-06-03T14:00:00Z").value();    // case 6 excluded
  EXPECT_EQ(ids(range), (std::vector<std::int64_t>{2, 3, 4, 5}));
  CaseQuery by_customer;
  by_customer.customer = CustomerId(2);
  EXPECT_EQ(ids(by_customer), (std::vector<std::int64_t>{2, 4, 6, 8, 10, 12}));
  CaseQuery by_queue;
  by_queue.queue = QueueId(1);
  EXPECT_EQ(ids(by_queue), (std::vector<std::int64_t>{1, 3, 5, 7, 9, 11}));
  CaseQuery by_owner;
  by_owner.owner = AgentId(5);
  EXPECT_EQ(ids(by_owner), (std::vector<std::int64_t>{3, 6, 9, 12}));
  by_owner.queue = QueueId(2);  // owned by 5 and even: 6, 12
  EXPECT_EQ(ids(by_owner), (std::vector<std::int64_t>{6, 12}));
}
