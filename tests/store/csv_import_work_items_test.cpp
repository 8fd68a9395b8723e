#include <backoffice/store/csv_import.hpp>

#include "store/store_fixtures.hpp"

#include <gtest/gtest.h>

using namespace backoffice;
using namespace backoffice::testing;

namespace {

Store store_with_references() {
  auto store = Store::open_in_memory().value();
  EXPECT_TRUE(store.put_queue(make_queue(1)).ok());
  EXPECT_TRUE(store.put_agent(make_agent(7)).ok());
  return store;
}

constexpr std::string_view kHeader =
    "id,kind,queue_id,assignee_id,received_at,started_at,completed_at,outcome,audited,audit_correct,"
    "fields_in_error\n";

}  // namespace

TEST(CsvImportWorkItems, ReadsColumnsByNameWithZonesFlagsAndEscapedLists) {
  auto store = store_with_references();
  const std::string csv = std::string(kHeader) +
      // Offset-less times are London local: 09:00 BST on 2024-04-08 is 08:00Z.
      "1,Claim,1,7,2024-04-08 09:00:00,2024-04-08 09:10:00,2024-04-08T08:35:30Z,approved,Y,N,"
      "\"amount; payee\\;name ; a\\\\b\"\n"
      "2,,1,,2024-04-08T08:01:00Z,,,,,,\n";
  CsvImportOptions options;
  options.time_zone = "Europe/London";
  auto report = import_work_items_csv_text(store, csv, options).value();
  ASSERT_TRUE(report.ok()) << report.errors[0].field << ": " << report.errors[0].reason;
  EXPECT_EQ(report.rows_written, 2u);

  auto w = store.get_work_item(WorkItemId(1)).value();
  EXPECT_EQ(w.kind, WorkItemKind::kClaim);  // kind names ignore ASCII case
  EXPECT_EQ(w.assignee, AgentId(7));
  EXPECT_EQ(w.received_at, Instant::parse("2024-04-08T08:00:00Z").value());
  EXPECT_EQ(w.started_at, Instant::parse("2024-04-08T08:10:00Z").value());
  // TAT by hand: 08:00:00 -> 08:35:30 is 35.5 min = 2,130,000 ms.
  EXPECT_EQ(w.turnaround(), std::chrono::milliseconds(2'130'000));
  EXPECT_TRUE(w.audited);
  EXPECT_EQ(w.audit_correct, false);
  // "payee\;name" keeps its ';', "a\\b" is one backslash.
  EXPECT_EQ(w.error_fields, (std::vector<std::string>{"amount", "payee;name", "a\\b"}));

  auto waiting = store.get_work_item(WorkItemId(2)).value();
  EXPECT_EQ(waiting.kind, WorkItemKind::kOther);
  EXPECT_FALSE(waiting.started_at.has_value());
  EXPECT_FALSE(waiting.audit_correct.has_value());
  EXPECT_TRUE(waiting.error_fields.empty());
}

TEST(CsvImportWorkItems, EveryBadRowIsReportedWithItsRowColumnAndValue) {
  auto store = store_with_references();
  const std::string t = "2024-04-08T09:00:00Z";
  const std::string csv = std::string(kHeader) +
      "1,claim,1,7," + t + "," + t + "," + t + ",ok,1,1,\n" +     // row 2: fine
      "2,claim,1,7,2024-02-30T09:00:00Z,,,,,,\n" +                // row 3: no 30 February
      "3,claim,9,7," + t + ",,,,,,\n" +                           // row 4: unknown queue
      "4,claim,1,8," + t + ",,,,,,\n" +                           // row 5: unknown assignee
      "5,claim,1,7," + t + "\n" +                                 // row 6: 5 columns of 11
      "6,parcel,1,7," + t + ",,,,,,\n" +                          // row 7: unknown kind
      "7,claim,1,7," + t + ",,,,1,1,\n" +                         // row 8: audited, not completed
      "8,claim,1,7," + t + "," + t + "," + t + ",,1,maybe,\n" +   // row 9: audit_correct?
      "9,claim,1,7," + t + "," + t + "," + t + ",,1,0,amount\\\n" +  // row 10: dangling backslash
      "10,claim,1,7," + t + "," + t + "," + t + ",,1,1,amount\n" +   // row 11: correct, yet fields
      "x,claim,1,7," + t + ",,,,,,\n";                            // row 12: id not a number
  auto all_or_nothing = import_work_items_csv_text(store, csv).value();
  EXPECT_EQ(all_or_nothing.rows_written, 0u);
  EXPECT_EQ(store.count("work_items").value(), 0);

  CsvImportOptions lenient;
  lenient.mode = IngestMode::kAcceptValid;
  auto report = import_work_items_csv_text(store, csv, lenient).value();
  const std::vector<std::tuple<std::size_t, std::string, std::string>> expected = {
      {3, "received_at", "2024-02-30T09:00:00Z"},
      {4, "queue_id", "9"},
      {5, "assignee_id", "8"},
      {6, "started_at", ""},  // docs/csv.md: a short record names its first missing column
      {7, "kind", "parcel"},
      {8, "audited", "true"},
      {9, "audit_correct", "maybe"},
      {10, "fields_in_error", "amount\\"},
      {11, "fields_in_error", "1 fields"},
      {12, "id", "x"},
  };
  ASSERT_EQ(report.errors.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto& [row, field, value] = expected[i];
    EXPECT_EQ(report.errors[i].row, row) << i;
    EXPECT_EQ(report.errors[i].field, field) << i;
    if (row != 6) {  // the reader's value for a short record is its own text
      EXPECT_EQ(report.errors[i].value, value) << i;
    }
  }
  EXPECT_EQ(report.rows_written, 1u);
  EXPECT_EQ(store.count("work_items").value(), 1);
}

TEST(CsvImportWorkItems, AMissingRequiredColumnIsAnErrorNamingIt) {
  auto store = store_with_references();
  auto r = import_work_items_csv_text(store, "id,queue_id\n1,1\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(r.error().value, "received_at");
  EXPECT_FALSE(import_work_items_csv(store, "/nonexistent/work.csv").ok());
}

TEST(CsvImportWorkItems, ExportThenImportIsARoundTrip) {
  auto a = store_with_references();
  std::vector<WorkItem> rows;
  for (int i = 1; i <= 30; ++i) {
    auto w = make_work_item(i);
    if (i % 4 == 0) w.assignee = AgentId(7);
    if (i % 6 == 0) w.error_fields = {"amount", "payee; name", "back\\slash", " padded ", "\"quoted\", too"};
    if (i % 7 == 0) {  // waiting
      w.started_at.reset();
      w.completed_at.reset();
      w.audited = false;
      w.audit_correct.reset();
      w.error_fields.clear();
    }
    if (i % 5 == 0 && w.completed_at) *w.completed_at += std::chrono::milliseconds(i);  // sub-second
    rows.push_back(w);
  }
  ASSERT_TRUE(a.ingest_work_items(rows).value().ok());
  auto csv = export_work_items_csv(a).value();
  auto b = store_with_references();
  auto report = import_work_items_csv_text(b, csv).value();
  ASSERT_TRUE(report.ok()) << report.errors[0].field << ": " << report.errors[0].reason;
  EXPECT_EQ(b.work_items().value(), rows);
  // A filtered export holds only the matching rows: assignee 7 has 4, 8, ..., 28 (7 items).
  WorkItemQuery mine;
  mine.assignee = AgentId(7);
  auto filtered = b.work_items(mine).value();
  EXPECT_EQ(filtered.size(), 7u);
}
