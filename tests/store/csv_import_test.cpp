#include <backoffice/store/csv_import.hpp>

#include "store/store_fixtures.hpp"

#include <gtest/gtest.h>

using namespace backoffice;
using namespace backoffice::testing;

namespace {

Store store_with_reference_data() {
  auto store = Store::open_in_memory().value();
  EXPECT_TRUE(store.put_queue(make_queue(1)).ok());
  EXPECT_TRUE(store.put_agent(make_agent(7)).ok());
  return store;
}

constexpr std::string_view kHeader =
    "id,queue_id,agent_id,offered_at,answered_at,ended_at,talk_s,hold_s,wrap_s,resolved,csat,reason,notes\n";

}  // namespace

TEST(CsvImport, ReadsColumnsByNameWithZonesAndQuotedNotes) {
  auto store = store_with_reference_data();
  const std::string csv = std::string(kHeader) +
      // Offset-less times are New York local: 09:00 EDT on 2024-07-04 is 13:00Z.
      "1,1,7,2024-07-04 09:00:00,2024-07-04 09:00:20,2024-07-04 09:05:20,280.5,10,30,1,5,billing,\"said \"\"thanks\"\", left\nhappy\"\n"
      "2,1,,2024-07-04T13:01:00Z,,2024-07-04T13:01:40Z,,,,,,billing,\n";
  CsvImportOptions options;
  options.time_zone = "America/New_York";
  auto report = import_interactions_csv_text(store, csv, options).value();
  ASSERT_TRUE(report.ok()) << report.errors[0].field << " " << report.errors[0].reason;
  EXPECT_EQ(report.rows_written, 2u);
  auto x = store.get_interaction(InteractionId(1)).value();
  EXPECT_EQ(x.offered_at, Instant::parse("2024-07-04T13:00:00Z").value());
  EXPECT_EQ(x.talk_time, std::chrono::milliseconds(280'500));
  EXPECT_EQ(x.agent, AgentId(7));
  EXPECT_EQ(x.resolved, true);
  EXPECT_EQ(x.notes, "said \"thanks\", left\nhappy");
  auto y = store.get_interaction(InteractionId(2)).value();
  EXPECT_TRUE(y.abandoned());
  EXPECT_FALSE(y.agent.has_value());
}

TEST(CsvImport, ExportThenImportIsARoundTrip) {
  auto a = store_with_reference_data();
  std::vector<Interaction> rows;
  for (int i = 1; i <= 40; ++i) {
    auto x = make_interaction(i);
    if (i % 4 == 0) x.agent = AgentId(7);
    x.notes = i % 3 ? "plain" : "with, comma and \"quotes\"\r\nand a line break";
    x.talk_time -= std::chrono::milliseconds(i);  // sub-second precision survives
    if (x.abandoned()) x.talk_time = {};
    rows.push_back(x);
  }
  ASSERT_TRUE(a.ingest_interactions(rows).value().ok());
  auto csv = export_interactions_csv(a).value();
  auto b = store_with_reference_data();
  auto report = import_interactions_csv_text(b, csv).value();
  ASSERT_TRUE(report.ok()) << report.errors[0].field << ": " << report.errors[0].reason;
  EXPECT_EQ(b.interactions().value(), a.interactions().value());
}

TEST(CsvImport, EveryBadRowIsReportedWithItsRowAndColumn) {
  auto store = store_with_reference_data();
  const std::string csv = std::string(kHeader) +
      "1,1,7,2024-07-04T09:00:00Z,2024-07-04T09:00:20Z,2024-07-04T09:05:20Z,200,0,0,1,4,a,\n"   // row 2: fine
      "2,1,7,2024-02-30T09:00:00Z,,2024-07-04T09:05:20Z,,,,,,a,\n"                                // row 3: no Feb 30
      "3,9,7,2024-07-04T09:00:00Z,,2024-07-04T09:05:20Z,,,,,,a,\n"                                // row 4: unknown queue
      "4,1,7,2024-07-04T09:00:00Z,2024-07-04T09:00:20Z,2024-07-04T09:05:20Z,200,0,0,1,6,a,\n"   // row 5: csat 6
      "5,1,7,2024-07-04T09:00:00Z\n"                                                              // row 6: too few columns
      "6,1,7,2024-07-04T09:00:00Z,,2024-07-04T09:05:20Z,,,,maybe,,a,\n"                           // row 7: resolved?
      "7,1,7,2024-07-04T09:00:00Z,,2024-07-04T09:05:20Z,,,,,,a,\"unterminated\n";                // row 8: open quote
  auto all_or_nothing = import_interactions_csv_text(store, csv).value();
  EXPECT_EQ(all_or_nothing.rows_written, 0u);
  EXPECT_EQ(store.count("interactions").value(), 0);

  CsvImportOptions lenient;
  lenient.mode = IngestMode::kAcceptValid;
  auto report = import_interactions_csv_text(store, csv, lenient).value();
  ASSERT_EQ(report.errors.size(), 6u);
  const std::vector<std::pair<std::size_t, std::string>> expected = {
      {3, "offered_at"}, {4, "queue_id"}, {5, "csat"}, {6, "csv"}, {7, "resolved"}, {8, "csv"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(report.errors[i].row, expected[i].first) << i;
    if (expected[i].second != "csv") {
      EXPECT_EQ(report.errors[i].field, expected[i].second) << i;
    }
  }
  EXPECT_EQ(report.errors[1].value, "9");
  EXPECT_EQ(report.errors[2].value, "6");
  EXPECT_EQ(report.rows_written, 1u);
  EXPECT_EQ(store.count("interactions").value(), 1);
}

TEST(CsvImport, AMissingRequiredColumnIsAnErrorNamingIt) {
  auto store = store_with_reference_data();
  auto r = import_interactions_csv_text(store, "id,queue_id,offered_at\n1,1,2024-07-04T09:00:00Z\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().value, "ended_at");
  auto missing = import_interactions_csv(store, "/nonexistent/calls.csv");
  ASSERT_FALSE(missing.ok());
}
