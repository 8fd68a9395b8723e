// Every write to the store leaves an audit entry in the same transaction:
// AuditLog::record_changes over Store::set_change_observer.
#include <backoffice/compliance/audit.hpp>
#include <backoffice/compliance/erasure.hpp>

#include "store/store_fixtures.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace backoffice {
namespace {

using testing::make_agent;
using testing::make_case;
using testing::make_customer;
using testing::make_interaction;
using testing::make_queue;

const Instant kClockTime = Instant::from_unix_ms(1717400000000);

struct Recorded {
  Store store = Store::open_in_memory().value();
  AuditLog log{store};
  Recorded() { log.record_changes("ops-bot", [] { return kClockTime; }); }
  std::vector<AuditEntry> entries() { return log.entries().value(); }
};

TEST(AuditChanges, EveryPutAndIngestAppendsOneChainedEntry) {
  Recorded r;
  ASSERT_TRUE(r.store.put_queue(make_queue(1)).ok());
  ASSERT_TRUE(r.store.put_customer(make_customer(42)).ok());
  ASSERT_TRUE(r.store.put_case(make_case(7, 42, 1)).ok());
  std::vector<Interaction> rows{make_interaction(1), make_interaction(2), make_interaction(3)};
  ASSERT_TRUE(r.store.ingest_interactions(rows).value().ok());

  auto e = r.entries();
  ASSERT_EQ(e.size(), 4u);
  EXPECT_EQ(e[0].record.record_kind, "queue");
  EXPECT_EQ(e[1].record.record_kind, "customer");
  EXPECT_EQ(e[1].record.record_id, "42");
  EXPECT_EQ(e[2].record.action, "put");
  EXPECT_EQ(e[2].record.record_kind, "case");
  EXPECT_EQ(e[2].record.record_id, "7");
  // The put's summary is a digest of the record's text, never the text.
  EXPECT_EQ(e[2].record.summary, "rows=1 sha256=" + sha256_hex(to_string(make_case(7, 42, 1))));
  EXPECT_EQ(e[1].record.summary.find(make_customer(42).name), std::string::npos);
  EXPECT_EQ(e[3].record.action, "ingest");
  EXPECT_EQ(e[3].record.record_kind, "interaction");
  EXPECT_EQ(e[3].record.record_id, "*");
  EXPECT_EQ(e[3].record.summary, "rows=3");
  for (const auto& entry : e) {
    EXPECT_EQ(entry.record.actor, "ops-bot");
    EXPECT_EQ(entry.record.time, kClockTime);
  }
  auto v = r.log.verify().value();
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.entries, 4);
}

TEST(AuditChanges, ARejectedWriteLeavesNoEntry) {
  Recorded r;
  ASSERT_TRUE(r.store.put_queue(make_queue(1)).ok());
  // Unknown customer: the write fails inside its transaction, so neither the
  // case nor an entry for it is kept.
  auto s = r.store.put_case(make_case(7, 999, 1));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "case.customer");
  EXPECT_EQ(r.entries().size(), 1u);
  EXPECT_EQ(r.store.count("cases").value(), 0);
  // An ingest that writes nothing (all-or-nothing with a bad row) is no change.
  auto bad = make_interaction(1, /*queue=*/99);
  auto report = r.store.ingest_interactions(std::span<const Interaction>(&bad, 1)).value();
  EXPECT_FALSE(report.ok());
  EXPECT_EQ(r.entries().size(), 1u);
}

TEST(AuditChanges, DeleteIsRecordedAndStopRecordingEndsIt) {
  Recorded r;
  ASSERT_TRUE(r.store.put_customer(make_customer(42)).ok());
  ASSERT_TRUE(r.store.delete_customer(CustomerId(42)).ok());
  auto e = r.entries();
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[1].record.action, "delete");
  EXPECT_EQ(e[1].record.summary, "rows=1");
  r.log.stop_recording();
  ASSERT_TRUE(r.store.put_agent(make_agent(5)).ok());
  EXPECT_EQ(r.entries().size(), 2u);
}

TEST(AuditChanges, ErasureKeepsItsOwnSingleEntry) {
  Recorded r;
  ASSERT_TRUE(r.store.put_customer(make_customer(42)).ok());
  const auto before = r.entries().size();
  ASSERT_TRUE(erase_customer(r.store, CustomerId(42), "dpo", kClockTime).ok());
  auto e = r.entries();
  ASSERT_EQ(e.size(), before + 1);
  EXPECT_EQ(e.back().record.action, "erase");
}

TEST(StoreChangeObserver, AnObserverErrorRollsTheWriteBack) {
  auto store = Store::open_in_memory().value();
  std::vector<std::string> seen;
  store.set_change_observer([&](const StoreChange& c) -> Status {
    seen.push_back(std::string(c.record_kind) + ":" + c.record_id);
    if (c.record_kind == "agent") return invalid_argument("agent", c.record_id, "refused by the observer");
    return Status::Ok();
  });
  ASSERT_TRUE(store.put_queue(make_queue(1)).ok());
  auto s = store.put_agent(make_agent(5));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "refused by the observer");
  EXPECT_EQ(store.count("agents").value(), 0);
  EXPECT_EQ(store.count("queues").value(), 1);
  EXPECT_EQ(seen, (std::vector<std::string>{"queue:1", "agent:5"}));
}

}  // namespace
}  // namespace backoffice
