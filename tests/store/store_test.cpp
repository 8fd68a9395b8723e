#include <backoffice/store/store.hpp>

#include "store/migrations.hpp"
#include "store/store_fixtures.hpp"

#include <gtest/gtest.h>

#include <fstream>

using namespace backoffice;
using namespace backoffice::testing;
using namespace std::chrono_literals;

namespace {

Store open_with_queue() {
  auto store = Store::open_in_memory().value();
  EXPECT_TRUE(store.put_queue(make_queue(1)).ok());
  return store;
}

}  // namespace

TEST(StoreOpen, CreatesTheLatestSchemaInWalMode) {
  TempDb file("store-open");
  auto store = Store::open(file.path());
  ASSERT_TRUE(store.ok()) << store.error().to_string();
  EXPECT_EQ(store->schema_version(), Store::latest_schema_version());
  EXPECT_TRUE(store->integrity_ok().value());
  EXPECT_TRUE(std::filesystem::exists(file.path() + "-wal"));
}

TEST(StoreOpen, AFileThatIsNotADatabaseIsAnErrorNamingThePath) {
  TempDb file("not-a-db");
  std::ofstream(file.path()) << "this is not SQLite, just text that is long enough to be a header........";
  auto store = Store::open(file.path());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kStore);
  EXPECT_EQ(store.error().value, file.path());
}

TEST(StoreReferenceRecords, QueuesAgentsAndCustomersRoundTrip) {
  auto store = Store::open_in_memory().value();
  const auto q = make_queue(7);
  ASSERT_TRUE(store.put_queue(q).ok());
  EXPECT_EQ(store.get_queue(QueueId(7)).value(), q);

  const auto a = make_agent(11);
  ASSERT_TRUE(store.put_agent(a).ok());
  EXPECT_EQ(store.get_agent(AgentId(11)).value(), a);
  auto a2 = a;
  a2.skills = {Skill{"french", 2}};
  a2.team.reset();
  ASSERT_TRUE(store.put_agent(a2).ok());  // replaces, including the skills
  EXPECT_EQ(store.get_agent(AgentId(11)).value(), a2);
  EXPECT_EQ(store.agents().value().size(), 1u);

  Customer c;
  c.id = CustomerId(5);
  c.name = "Ada Lovelace";
  ASSERT_TRUE(c.add_email("Ada@Example.COM").ok());
  ASSERT_TRUE(c.add_phone("(202) 456-1111", "US").ok());
  c.address = Address{"1 Main St", "", "Springfield", "IL", "62701", "US"};
  c.consent.call_recording = true;
  c.created_at = Instant::parse("2024-01-02T03:04:05Z").value();
  c.updated_at = c.created_at + 1h;
  ASSERT_TRUE(store.put_customer(c).ok());
  EXPECT_EQ(store.get_customer(CustomerId(5)).value(), c);
  ASSERT_TRUE(store.delete_customer(CustomerId(5)).ok());
  EXPECT_EQ(store.get_customer(CustomerId(5)).error().code, ErrorCode::kNotFound);
}

TEST(StoreReferenceRecords, InvalidRecordsAreRejectedWithTheirField) {
  auto store = Store::open_in_memory().value();
  auto q = make_queue(1);
  q.time_zone = "Nowhere/Special";
  auto s = store.put_queue(q);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "queue.time_zone");
  EXPECT_EQ(store.count("queues").value(), 0);
  EXPECT_EQ(store.get_queue(QueueId(99)).error().field, "queue.id");
}

TEST(StoreInteractions, RoundTripEveryField) {
  auto store = open_with_queue();
  ASSERT_TRUE(store.put_agent(make_agent(2)).ok());
  auto x = make_interaction(4);
  x.agent = AgentId(2);
  x.transferred = true;
  x.nps = 9;
  x.notes = "Customer asked, \"why?\"";
  x.external_id = "ACD-0004";
  ASSERT_EQ(store.insert_interaction(x).value(), InteractionId(4));
  EXPECT_EQ(store.get_interaction(InteractionId(4)).value(), x);
  // Abandoned contacts keep their missing fields missing.
  auto abandoned = make_interaction(5);
  ASSERT_TRUE(store.insert_interaction(abandoned).ok());
  EXPECT_EQ(store.get_interaction(InteractionId(5)).value(), abandoned);
}

TEST(StoreInteractions, IdZeroIsAssignedTheNextId) {
  auto store = open_with_queue();
  ASSERT_TRUE(store.insert_interaction(make_interaction(41)).ok());
  auto x = make_interaction(1);
  x.id = InteractionId(0);
  EXPECT_EQ(store.insert_interaction(x).value(), InteractionId(42));
}

TEST(StoreIngest, AllOrNothingWritesNothingWhenOneRowIsInvalid) {
  auto store = open_with_queue();
  std::vector<Interaction> rows;
  for (int i = 1; i <= 10; ++i) rows.push_back(make_interaction(i));
  rows[6].csat = 9;  // out of 1..5
  auto report = store.ingest_interactions(rows).value();
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0], (RowError{6, "interaction.csat", "9", report.errors[0].reason}));
  EXPECT_EQ(report.rows_written, 0u);
  EXPECT_EQ(store.count("interactions").value(), 0);
}

TEST(StoreIngest, AllOrNothingRollsBackWhenAReferenceIsUnknown) {
  auto store = open_with_queue();
  std::vector<Interaction> rows;
  for (int i = 1; i <= 10; ++i) rows.push_back(make_interaction(i));
  rows[9].queue = QueueId(77);  // valid record, but no such queue: found only at insert
  auto report = store.ingest_interactions(rows).value();
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].field, "interaction.queue");
  EXPECT_EQ(report.errors[0].value, "77");
  EXPECT_EQ(store.count("interactions").value(), 0);
}

TEST(StoreIngest, AcceptValidWritesTheGoodRowsAndReportsTheRest) {
  auto store = open_with_queue();
  ASSERT_TRUE(store.insert_interaction(make_interaction(3)).ok());
  std::vector<Interaction> rows;
  for (int i = 1; i <= 8; ++i) rows.push_back(make_interaction(i));
  rows[0].ended_at = rows[0].offered_at - 1s;  // ends before it was offered
  rows[4].agent = AgentId(123);                // unknown agent
  // rows[2] has id 3, which already exists.
  auto report = store.ingest_interactions(rows, IngestMode::kAcceptValid).value();
  ASSERT_EQ(report.errors.size(), 3u);
  EXPECT_EQ(report.errors[0].row, 0u);
  EXPECT_EQ(report.errors[0].field, "interaction.ended_at");
  EXPECT_EQ(report.errors[1].row, 2u);
  EXPECT_EQ(report.errors[1].field, "interaction.id");
  EXPECT_EQ(report.errors[2].row, 4u);
  EXPECT_EQ(report.errors[2].field, "interaction.agent");
  EXPECT_EQ(report.errors[2].value, "123");
  EXPECT_EQ(report.rows_written, 5u);
  EXPECT_EQ(store.count("interactions").value(), 6);
}

TEST(StoreQuery, FiltersByRangeQueueAndAgentInOfferedOrder) {
  auto store = open_with_queue();
  ASSERT_TRUE(store.put_queue(make_queue(2)).ok());
  ASSERT_TRUE(store.put_agent(make_agent(9)).ok());
  std::vector<Interaction> rows;
  for (int i = 1; i <= 60; ++i) {
    auto x = make_interaction(i, i % 2 ? 1 : 2);
    if (i % 10 == 1) x.agent = AgentId(9);
    rows.push_back(x);
  }
  std::reverse(rows.begin(), rows.end());
  ASSERT_TRUE(store.ingest_interactions(rows).value().ok());

  InteractionQuery q;
  q.from = Instant::parse("2024-03-11T13:10:00Z").value();  // contact 10 onwards
  q.to = Instant::parse("2024-03-11T13:20:00Z").value();    // up to contact 19
  auto got = store.interactions(q).value();
  ASSERT_EQ(got.size(), 10u);
  EXPECT_EQ(got.front().id, InteractionId(10));
  EXPECT_EQ(got.back().id, InteractionId(19));
  q.queue = QueueId(1);  // odd ids: 11, 13, 15, 17, 19
  EXPECT_EQ(store.interactions(q).value().size(), 5u);
  InteractionQuery by_agent;
  by_agent.agent = AgentId(9);  // 1, 11, 21, 31, 41, 51
  EXPECT_EQ(store.interactions(by_agent).value().size(), 6u);
}

TEST(StoreColumns, ColumnsHoldTheSameRowsAsRecords) {
  auto store = open_with_queue();
  std::vector<Interaction> rows;
  for (int i = 1; i <= 25; ++i) rows.push_back(make_interaction(i));
  ASSERT_TRUE(store.ingest_interactions(rows).value().ok());
  auto cols = store.interaction_columns().value();
  ASSERT_EQ(cols.size(), 25u);
  ASSERT_TRUE(cols.check_shape().ok());
  for (std::size_t i = 0; i < cols.size(); ++i) EXPECT_EQ(cols.row(i), rows[i]) << i;
  EXPECT_EQ(cols.answered_ms[4], kNullInt64);  // contact 5 abandoned
  EXPECT_EQ(cols.reasons.size(), 2u);
}

TEST(StoreColumns, IngestFromColumnsEqualsIngestFromRecords) {
  auto a = open_with_queue();
  auto b = open_with_queue();
  InteractionColumns cols;
  std::vector<Interaction> rows;
  for (int i = 1; i <= 30; ++i) {
    rows.push_back(make_interaction(i));
    cols.append(rows.back());
  }
  ASSERT_TRUE(a.ingest_interactions(rows).value().ok());
  ASSERT_TRUE(b.ingest_interactions(cols).value().ok());
  EXPECT_EQ(a.interactions().value(), b.interactions().value());
  cols.csat.pop_back();
  auto bad = b.ingest_interactions(cols);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "csat");
}

TEST(StoreMigration, UpgradesAVersionOneFileInPlaceKeepingItsRows) {
  TempDb file("migrate");
  {
    // A file as backoffice schema version 1 wrote it, with one queue and contact.
    auto db = store_detail::Database::open(file.path(), false).value();
    ASSERT_TRUE(store_detail::migrate(db, 1).ok());
    ASSERT_TRUE(db.exec("INSERT INTO queues VALUES (1, 'Old', 'voice', 20, 80.0, 5, '', 'UTC');"
                        "INSERT INTO interactions (id, channel, direction, queue_id, offered_ms, ended_ms, "
                        "talk_ms, hold_ms, wrap_ms, transferred) VALUES (1, 'voice', 'inbound', 1, 0, 1000, 0, 0, 0, 0)")
                    .ok());
    EXPECT_EQ(db.query_int("PRAGMA user_version").value(), 1);
  }
  auto store = Store::open(file.path()).value();
  EXPECT_EQ(store.schema_version(), Store::latest_schema_version());  // every script ran
  EXPECT_EQ(store.count("interactions").value(), 1);
  EXPECT_EQ(store.get_queue(QueueId(1))->name, "Old");
  // The version 2 index, the version 3 table and index and the version 4
  // audit table exist after the upgrade.
  {
    auto db = store_detail::Database::open(file.path(), true).value();
    EXPECT_EQ(db.query_int("SELECT count(*) FROM sqlite_master WHERE name = 'interactions_by_queue'").value(), 1);
    EXPECT_EQ(db.query_int("SELECT count(*) FROM sqlite_master WHERE name = 'work_item_error_fields'").value(), 1);
    EXPECT_EQ(db.query_int("SELECT count(*) FROM sqlite_master WHERE name = 'cases_by_queue'").value(), 1);
    EXPECT_EQ(db.query_int("SELECT count(*) FROM sqlite_master WHERE name = 'audit_log'").value(), 1);
    EXPECT_EQ(db.query_int("SELECT count(*) FROM sqlite_master WHERE name = 'case_history'").value(), 1);
  }
  // The upgraded file takes the new writes: a work item with fields in error.
  auto w = make_work_item(6);
  ASSERT_TRUE(store.put_work_item(w).ok());
  EXPECT_EQ(store.get_work_item(WorkItemId(6)).value(), w);
}

TEST(StoreMigration, UpgradesAVersionTwoFileWithWorkItemsToTheLatestVersion) {
  TempDb file("migrate-v2");
  {
    // A version-2 file holding a work item written by hand (no release wrote
    // fields_in_error, so it is '').
    auto db = store_detail::Database::open(file.path(), false).value();
    ASSERT_TRUE(store_detail::migrate(db, 2).ok());
    ASSERT_TRUE(db.exec("INSERT INTO queues VALUES (1, 'Old', 'voice', 20, 80.0, 5, '', 'UTC');"
                        "INSERT INTO work_items (id, kind, queue_id, received_ms) VALUES (4, 'claim', 1, 60000)")
                    .ok());
  }
  auto store = Store::open(file.path()).value();
  EXPECT_EQ(store.schema_version(), Store::latest_schema_version());  // every script ran
  auto w = store.get_work_item(WorkItemId(4)).value();
  EXPECT_EQ(w.kind, WorkItemKind::kClaim);
  EXPECT_EQ(w.received_at, Instant::from_unix_ms(60000));
  EXPECT_TRUE(w.error_fields.empty());
  EXPECT_FALSE(w.started_at.has_value());
}

TEST(StoreMigration, AFileFromANewerLibraryIsRefused) {
  TempDb file("newer");
  {
    auto db = store_detail::Database::open(file.path(), false).value();
    ASSERT_TRUE(db.exec("PRAGMA user_version = 99").ok());
  }
  auto store = Store::open(file.path());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().field, "schema_version");
  EXPECT_EQ(store.error().value, "99");
}
