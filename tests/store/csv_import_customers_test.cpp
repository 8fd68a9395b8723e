#include <backoffice/store/csv_import.hpp>

#include "store/store_fixtures.hpp"

#include <gtest/gtest.h>

using namespace backoffice;
using namespace backoffice::testing;

namespace {

constexpr std::string_view kHeader = "name,id,emails,phones,country,consent_sms,created_at,updated_at\n";

CustomerCsvImportOptions in_region(std::string region) {
  CustomerCsvImportOptions options;
  options.default_region = std::move(region);
  return options;
}

}  // namespace

TEST(CsvImportCustomers, ReadsListsNormalisesContactsAndReadsLocalTimesInTheZone) {
  auto store = Store::open_in_memory().value();
  const std::string csv = std::string(kHeader) +
      // Columns in another order than the export's; spaces around list entries.
      "\"Lovelace, Ada\",1,\"Ada@Example.COM ; ada@work.example.org\",\"+1 202-456-1111; +44 20 7946 0018\","
      "GB,Y,2024-07-04 09:00:00,\n"
      "Babbage,2,,(020) 7946-0018,,,2024-07-04T13:00:00Z,2024-07-05T00:00:00+02:00\n";
  auto options = in_region("GB");
  options.time_zone = "America/New_York";
  auto report = import_customers_csv_text(store, csv, options).value();
  ASSERT_TRUE(report.ok()) << report.errors[0].field << ": " << report.errors[0].reason;
  EXPECT_EQ(report.rows_written, 2u);

  auto ada = store.get_customer(CustomerId(1)).value();
  EXPECT_EQ(ada.name, "Lovelace, Ada");
  // normalize_email lower-cases the domain only (RFC 5321 local parts may be case-sensitive).
  EXPECT_EQ(ada.emails, (std::vector<std::string>{"Ada@example.com", "ada@work.example.org"}));
  // E.164 by hand: country code 1 + NSN 2024561111; country code 44 + NSN 2079460018.
  EXPECT_EQ(ada.phones, (std::vector<std::string>{"+12024561111", "+442079460018"}));
  EXPECT_EQ(ada.address.country, "GB");
  EXPECT_TRUE(ada.consent.marketing_sms);
  EXPECT_FALSE(ada.consent.marketing_email);
  // 09:00 in New York on 4 July is EDT (UTC-4): 13:00Z. updated_at defaults to created_at.
  EXPECT_EQ(ada.created_at, Instant::parse("2024-07-04T13:00:00Z").value());
  EXPECT_EQ(ada.updated_at, ada.created_at);

  auto babbage = store.get_customer(CustomerId(2)).value();
  // A national GB number read with default region GB: trunk 0 dropped, +44 added.
  EXPECT_EQ(babbage.phones, (std::vector<std::string>{"+442079460018"}));
  // 00:00 at +02:00 is 22:00Z the day before.
  EXPECT_EQ(babbage.updated_at, Instant::parse("2024-07-04T22:00:00Z").value());
}

TEST(CsvImportCustomers, EveryBadRowIsReportedWithItsRowColumnAndValue) {
  auto store = Store::open_in_memory().value();
  ASSERT_TRUE(store.put_customer(make_customer(7)).ok());
  const std::string csv = std::string(kHeader) +
      "Good,1,a@example.com,+12024561111,US,0,2024-07-04T09:00:00Z,\n"  // row 2: fine
      "Phone,2,,+1 202 456 111,,,2024-07-04T09:00:00Z,\n"              // row 3: too short
      "Mail,3,not-an-address,,,,2024-07-04T09:00:00Z,\n"               // row 4: bad e-mail
      "Date,4,,,,,2024-02-30T09:00:00Z,\n"                             // row 5: no 30 February
      "Short,5,,,\n"                                                   // row 6: 5 columns of 8
      "Country,6,,,usa,,2024-07-04T09:00:00Z,\n"                       // row 7: not alpha-2
      "Dup,7,,,,,2024-07-04T09:00:00Z,\n"                              // row 8: id 7 exists
      "Flag,8,,,,perhaps,2024-07-04T09:00:00Z,\n"                      // row 9: consent?
      " ,9,,,,,2024-07-04T09:00:00Z,\n"                                // row 10: blank name
      "Ext,10,,+1 202 456 1111 ext. 12,,,2024-07-04T09:00:00Z,\n";     // row 11: extension
  auto all_or_nothing = import_customers_csv_text(store, csv, in_region("US")).value();
  EXPECT_EQ(all_or_nothing.rows_written, 0u);
  EXPECT_EQ(store.count("customers").value(), 1);

  auto options = in_region("US");
  options.mode = IngestMode::kAcceptValid;
  auto report = import_customers_csv_text(store, csv, options).value();
  const std::vector<std::tuple<std::size_t, std::string, std::string>> expected = {
      {3, "phones", "+1 202 456 111"},
      {4, "emails", "not-an-address"},
      {5, "created_at", "2024-02-30T09:00:00Z"},
      {6, "consent_sms", ""},  // docs/csv.md: a short record names its first missing column
      {7, "country", "usa"},
      {8, "id", "7"},
      {9, "consent_sms", "perhaps"},
      {10, "name", " "},
      {11, "phones", "+1 202 456 1111 ext. 12"},
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
  EXPECT_EQ(report.rows_read, 10u);
  EXPECT_EQ(report.rows_written, 1u);
  EXPECT_EQ(store.count("customers").value(), 2);
}

TEST(CsvImportCustomers, AnUnknownRegionOrMissingColumnFailsTheWholeImport) {
  auto store = Store::open_in_memory().value();
  const std::string csv = std::string(kHeader) + "Good,1,,,,,2024-07-04T09:00:00Z,\n";
  auto bad_region = import_customers_csv_text(store, csv, in_region("XX"));
  ASSERT_FALSE(bad_region.ok());
  EXPECT_EQ(bad_region.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad_region.error().field, "default_region");
  auto no_created = import_customers_csv_text(store, "id,name\n1,Ada\n");
  ASSERT_FALSE(no_created.ok());
  EXPECT_EQ(no_created.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(no_created.error().value, "created_at");
  EXPECT_EQ(store.count("customers").value(), 0);
}

TEST(CsvImportCustomers, ExportThenImportIsARoundTrip) {
  auto a = Store::open_in_memory().value();
  std::vector<Customer> rows;
  for (int i = 1; i <= 12; ++i) {
    auto c = make_customer(i);
    if (i % 3 == 0) c.name = "O'Brien, \"Pat\"\nsecond line";
    if (i % 4 == 0) c.emails.push_back("x+tag@sub.example.co.uk");
    if (i % 5 == 0) c.phones.push_back("+442079460018");
    if (i % 2) c.emails.clear();
    c.consent.call_recording = i % 3 == 1;
    c.updated_at = c.created_at + std::chrono::milliseconds(i * 1001);  // sub-second survives
    rows.push_back(c);
  }
  ASSERT_TRUE(a.ingest_customers(rows).value().ok());
  auto csv = export_customers_csv(a).value();
  auto b = Store::open_in_memory().value();
  auto report = import_customers_csv_text(b, csv).value();  // phones are E.164: no region needed
  ASSERT_TRUE(report.ok()) << report.errors[0].field << ": " << report.errors[0].reason;
  EXPECT_EQ(b.customers().value(), rows);
}
