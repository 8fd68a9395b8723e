// The C ABI driven through its public header only, as a C program would.
// Expected values come from hand calculations stated beside them, Python's
// datetime/zoneinfo (independent of Howard Hinnant's date library) for
// instants, and closed-form Erlang values for small N.

#define BO_EXPERIMENTAL 1
#include <backoffice/backoffice.h>

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

std::string last_error() { return bo_last_error(); }

// 2024-03-01T09:00:00Z (Python: datetime(2024,3,1,9,tzinfo=utc).timestamp()).
constexpr int64_t kMar1At9 = 1709283600000;

struct StoreFixture : ::testing::Test {
  void SetUp() override {
    ASSERT_EQ(bo_store_open_in_memory(&store), BO_OK) << last_error();
    ASSERT_EQ(bo_store_put_queue(store, 1, "Billing", "voice", 20, 80.0, 5, "UTC", nullptr), BO_OK)
        << last_error();
  }
  void TearDown() override { bo_store_close(store); }

  // Two answered calls and one abandon on queue 1.
  bo_table_t* three_rows() {
    bo_table_t* t = nullptr;
    EXPECT_EQ(bo_table_create(&t, 3), BO_OK);
    const int64_t queue[3] = {1, 1, 1};
    const int64_t offered[3] = {kMar1At9, kMar1At9 + 60000, kMar1At9 + 120000};
    const int64_t answered[3] = {kMar1At9 + 15000, kMar1At9 + 100000, BO_NULL_INT64};
    const uint8_t answered_valid[3] = {1, 1, 0};
    const int64_t ended[3] = {kMar1At9 + 315000, kMar1At9 + 340000, kMar1At9 + 180000};
    const int64_t talk[3] = {300000, 240000, 0};
    const int64_t csat[3] = {5, 0, 0};
    const uint8_t csat_valid[3] = {1, 0, 0};
    const char* const reason[3] = {"billing", "outage", nullptr};
    EXPECT_EQ(bo_table_add_int64(t, "queue_id", BO_TYPE_INT64, queue, nullptr), BO_OK);
    EXPECT_EQ(bo_table_add_int64(t, "offered_at", BO_TYPE_INSTANT, offered, nullptr), BO_OK);
    EXPECT_EQ(bo_table_add_int64(t, "answered_at", BO_TYPE_INSTANT, answered, answered_valid), BO_OK);
    EXPECT_EQ(bo_table_add_int64(t, "ended_at", BO_TYPE_INSTANT, ended, nullptr), BO_OK);
    EXPECT_EQ(bo_table_add_int64(t, "talk_time", BO_TYPE_DURATION, talk, nullptr), BO_OK);
    EXPECT_EQ(bo_table_add_int64(t, "csat", BO_TYPE_INT64, csat, csat_valid), BO_OK);
    EXPECT_EQ(bo_table_add_string(t, "reason", reason), BO_OK);
    return t;
  }

  bo_store_t* store = nullptr;
};

size_t column(const bo_table_t* t, const char* name) {
  size_t i = 0;
  EXPECT_EQ(bo_table_column_index(&i, t, name), BO_OK) << name << ": " << last_error();
  return i;
}

}  // namespace

TEST(CVersion, MatchesTheHeaderMacros) {
  std::string expected = std::to_string(BO_VERSION_MAJOR) + "." + std::to_string(BO_VERSION_MINOR) + "." +
                         std::to_string(BO_VERSION_PATCH);
  EXPECT_EQ(std::string(bo_version()), expected);
  EXPECT_EQ(bo_abi_version(), BO_ABI_VERSION);
}

TEST(CErrors, StatusCodesMirrorTheCoreErrorCodes) {
  // Names from backoffice::to_string(ErrorCode), the table in core/error.hpp.
  EXPECT_STREQ(bo_status_name(BO_OK), "ok");
  EXPECT_STREQ(bo_status_name(BO_PARSE), "parse error");
  EXPECT_STREQ(bo_status_name(BO_STORE), "store error");
  EXPECT_STREQ(bo_status_name(BO_INTERNAL), "internal error");
  EXPECT_STREQ(bo_status_name(BO_NULL_ARGUMENT), "null argument");
  EXPECT_STREQ(bo_status_name(12345), "unknown");
}

TEST(CErrors, AParseFailureNamesTheTextInTheLastError) {
  int64_t t = 7;
  EXPECT_EQ(bo_instant_parse(&t, "2024-13-01T00:00Z", nullptr), BO_PARSE);
  EXPECT_EQ(t, 7) << "outputs stay untouched on failure";
  EXPECT_EQ(bo_last_error_code(), BO_PARSE);
  EXPECT_NE(last_error().find("2024-13-01T00:00Z"), std::string::npos) << last_error();
  EXPECT_STREQ(bo_last_error_value(), "2024-13-01T00:00Z");
}

TEST(CErrors, NullPointersGiveAStatusNotACrash) {
  int64_t ms = 0;
  EXPECT_EQ(bo_instant_parse(nullptr, "2024-03-01T00:00Z", nullptr), BO_NULL_ARGUMENT);
  EXPECT_EQ(bo_instant_parse(&ms, nullptr, nullptr), BO_NULL_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "text");
  EXPECT_EQ(bo_store_open(nullptr, "x.db"), BO_NULL_ARGUMENT);
  EXPECT_EQ(bo_store_count(&ms, nullptr, "interactions"), BO_NULL_ARGUMENT);
  EXPECT_EQ(bo_store_ingest_interactions(nullptr, nullptr, nullptr, nullptr, 0), BO_NULL_ARGUMENT);
  EXPECT_EQ(bo_store_query_interactions(nullptr, nullptr, 0, 0, 0, 0, 0), BO_NULL_ARGUMENT);
  size_t n = 0;
  EXPECT_EQ(bo_table_row_count(&n, nullptr), BO_NULL_ARGUMENT);
  EXPECT_EQ(bo_time_zone_name(nullptr, nullptr, nullptr), BO_NULL_ARGUMENT);
  EXPECT_EQ(bo_business_calendar_is_open(nullptr, nullptr, 0), BO_NULL_ARGUMENT);
  EXPECT_EQ(bo_erlang_c(nullptr, 1.0, 2), BO_NULL_ARGUMENT);
  // Every destroy accepts NULL.
  bo_store_close(nullptr);
  bo_table_destroy(nullptr);
  bo_time_zone_destroy(nullptr);
  bo_business_calendar_destroy(nullptr);
  bo_free(nullptr);
}

TEST(CErrors, ExceptionsInsideTheLibraryBecomeStatusCodes) {
  EXPECT_EQ(bo_experimental_throw(0), BO_INTERNAL);
  EXPECT_NE(last_error().find("std::runtime_error from C++"), std::string::npos) << last_error();
  EXPECT_EQ(bo_experimental_throw(1), BO_OUT_OF_MEMORY);
  EXPECT_EQ(bo_experimental_throw(2), BO_INTERNAL);
  EXPECT_NE(last_error().find("unknown exception"), std::string::npos) << last_error();
}

TEST(CErrors, TheLastErrorBelongsToTheThreadThatFailed) {
  int64_t t = 0;
  ASSERT_EQ(bo_instant_parse(&t, "not a time", nullptr), BO_PARSE);
  std::string other;
  std::thread([&] {
    bo_time_zone_t* z = nullptr;
    EXPECT_EQ(bo_time_zone_locate(&z, "Mars/Olympus_Mons"), BO_NOT_FOUND);
    other = bo_last_error();
  }).join();
  EXPECT_NE(other.find("Mars/Olympus_Mons"), std::string::npos) << other;
  EXPECT_NE(last_error().find("not a time"), std::string::npos) << last_error();
}

TEST(CInstant, ParsesAndFormatsInUtcAndInAZone) {
  int64_t t = 0;
  // Python: datetime(2024,3,10,7,tzinfo=utc).timestamp() * 1000.
  ASSERT_EQ(bo_instant_parse(&t, "2024-03-10T07:00:00Z", nullptr), BO_OK) << last_error();
  EXPECT_EQ(t, 1710054000000);
  bo_time_zone_t* ny = nullptr;
  ASSERT_EQ(bo_time_zone_locate(&ny, "America/New_York"), BO_OK);
  // Python zoneinfo: 2024-03-10 03:00 in New York is EDT (UTC-4), 07:00Z.
  int64_t local = 0;
  ASSERT_EQ(bo_instant_parse(&local, "2024-03-10 03:00", ny), BO_OK) << last_error();
  EXPECT_EQ(local, 1710054000000);
  int32_t offset = 0;
  ASSERT_EQ(bo_time_zone_offset_at(&offset, ny, t), BO_OK);
  EXPECT_EQ(offset, -4 * 3600);
  char* text = nullptr;
  size_t len = 0;
  ASSERT_EQ(bo_instant_format(&text, &len, t, ny), BO_OK);
  EXPECT_STREQ(text, "2024-03-10T03:00:00-04:00");
  EXPECT_EQ(len, std::strlen(text));
  bo_free(text);
  ASSERT_EQ(bo_instant_format(&text, nullptr, t + 5, nullptr), BO_OK);
  EXPECT_STREQ(text, "2024-03-10T07:00:00.005Z");
  bo_free(text);
  const char* name = nullptr;
  ASSERT_EQ(bo_time_zone_name(&name, &len, ny), BO_OK);
  EXPECT_STREQ(name, "America/New_York");
  EXPECT_EQ(len, 16u);
  bo_time_zone_destroy(ny);
}

TEST(CBusinessCalendar, CountsOnlyOpeningHours) {
  bo_business_calendar_t* cal = nullptr;
  ASSERT_EQ(bo_business_calendar_parse(&cal, "Mon-Fri 09:00-17:00", nullptr), BO_OK) << last_error();
  // Mon 2024-03-04 08:00Z to Tue 2024-03-05 10:00Z: Monday 09-17 (8 h) and
  // Tuesday 09-10 (1 h) = 9 h by hand.
  int64_t ms = 0;
  ASSERT_EQ(bo_business_calendar_duration(&ms, cal, 1709539200000, 1709632800000), BO_OK);
  EXPECT_EQ(ms, 9 * 3600 * 1000);
  int open = -1;
  ASSERT_EQ(bo_business_calendar_is_open(&open, cal, 1709539200000), BO_OK);
  EXPECT_EQ(open, 0);  // 08:00 Monday
  int64_t due = 0;
  // 8 h of work from Monday 08:00 ends at Monday 17:00 (1709571600000).
  ASSERT_EQ(bo_business_calendar_add(&due, cal, 1709539200000, 8 * 3600 * 1000), BO_OK);
  EXPECT_EQ(due, 1709571600000);
  int64_t next = 0;
  ASSERT_EQ(bo_business_calendar_next_open(&next, cal, 1709539200000), BO_OK);
  EXPECT_EQ(next, 1709539200000 + 3600 * 1000);
  bo_business_calendar_destroy(cal);

  EXPECT_EQ(bo_business_calendar_parse(&cal, "Mon-Fri 17:00-09:00", nullptr), BO_VALIDATION);
  EXPECT_STREQ(bo_last_error_field(), "calendar");
}

TEST(CTable, HoldsTypedColumnsWithNulls) {
  bo_table_t* t = nullptr;
  ASSERT_EQ(bo_table_create(&t, 2), BO_OK);
  const int64_t ints[2] = {4, BO_NULL_INT64};
  const uint8_t valid[2] = {1, 0};
  const double doubles[2] = {0.5, 2.25};
  const char* const strings[2] = {"a\xc3\xa9", nullptr};
  ASSERT_EQ(bo_table_add_int64(t, "n", BO_TYPE_INT64, ints, valid), BO_OK);
  ASSERT_EQ(bo_table_add_double(t, "x", doubles, nullptr), BO_OK);
  ASSERT_EQ(bo_table_add_string(t, "s", strings), BO_OK);
  EXPECT_EQ(bo_table_add_double(t, "x", doubles, nullptr), BO_INVALID_ARGUMENT);
  EXPECT_EQ(bo_table_add_int64(t, "y", BO_TYPE_STRING, ints, nullptr), BO_INVALID_ARGUMENT);
  size_t n = 0;
  ASSERT_EQ(bo_table_column_count(&n, t), BO_OK);
  EXPECT_EQ(n, 3u);
  bo_column_type type = 0;
  ASSERT_EQ(bo_table_column_type(&type, t, 1), BO_OK);
  EXPECT_EQ(type, BO_TYPE_DOUBLE);
  const int64_t* iv = nullptr;
  const uint8_t* vv = nullptr;
  ASSERT_EQ(bo_table_int64_column(&iv, t, 0), BO_OK);
  ASSERT_EQ(bo_table_validity(&vv, t, 0), BO_OK);
  EXPECT_EQ(iv[0], 4);
  EXPECT_EQ(vv[1], 0);
  ASSERT_EQ(bo_table_validity(&vv, t, 1), BO_OK);
  EXPECT_EQ(vv, nullptr);
  const double* dv = nullptr;
  EXPECT_EQ(bo_table_double_column(&dv, t, 0), BO_INVALID_ARGUMENT);
  ASSERT_EQ(bo_table_double_column(&dv, t, 1), BO_OK);
  EXPECT_EQ(dv[1], 2.25);
  const char* s = nullptr;
  size_t len = 0;
  ASSERT_EQ(bo_table_string(&s, &len, t, 2, 0), BO_OK);
  EXPECT_STREQ(s, "a\xc3\xa9");
  EXPECT_EQ(len, 3u);  // UTF-8 bytes
  ASSERT_EQ(bo_table_string(&s, &len, t, 2, 1), BO_OK);
  EXPECT_EQ(s, nullptr);
  EXPECT_EQ(bo_table_string(&s, &len, t, 2, 2), BO_INVALID_ARGUMENT);
  EXPECT_EQ(bo_table_column_type(&type, t, 3), BO_INVALID_ARGUMENT);
  size_t index = 0;
  EXPECT_EQ(bo_table_column_index(&index, t, "nope"), BO_NOT_FOUND);
  EXPECT_STREQ(bo_last_error_value(), "nope");
  bo_table_destroy(t);
}

TEST_F(StoreFixture, IngestedColumnsComeBackFromAQuery) {
  bo_table_t* rows = three_rows();
  bo_table_t* errors = nullptr;
  int64_t written = -1;
  ASSERT_EQ(bo_store_ingest_interactions(&errors, &written, store, rows, BO_INGEST_ALL_OR_NOTHING), BO_OK)
      << last_error();
  EXPECT_EQ(written, 3);
  size_t n = 99;
  ASSERT_EQ(bo_table_row_count(&n, errors), BO_OK);
  EXPECT_EQ(n, 0u);
  int64_t count = 0;
  ASSERT_EQ(bo_store_count(&count, store, "interactions"), BO_OK);
  EXPECT_EQ(count, 3);

  bo_table_t* out = nullptr;
  ASSERT_EQ(
      bo_store_query_interactions(&out, store, kMar1At9 + 1, BO_NULL_INT64, 1, BO_NULL_INT64, BO_NULL_INT64),
      BO_OK)
      << last_error();
  ASSERT_EQ(bo_table_row_count(&n, out), BO_OK);
  EXPECT_EQ(n, 2u) << "from is inclusive: the 09:00 call is left out";
  const int64_t* answered = nullptr;
  const uint8_t* valid = nullptr;
  size_t answered_col = column(out, "answered_at");
  ASSERT_EQ(bo_table_int64_column(&answered, out, answered_col), BO_OK);
  ASSERT_EQ(bo_table_validity(&valid, out, answered_col), BO_OK);
  EXPECT_EQ(answered[0], kMar1At9 + 100000);
  ASSERT_NE(valid, nullptr);
  EXPECT_EQ(valid[1], 0) << "the abandon has no answered_at";
  bo_column_type type = 0;
  ASSERT_EQ(bo_table_column_type(&type, out, answered_col), BO_OK);
  EXPECT_EQ(type, BO_TYPE_INSTANT);
  const char* reason = nullptr;
  ASSERT_EQ(bo_table_string(&reason, nullptr, out, column(out, "reason"), 0), BO_OK);
  EXPECT_STREQ(reason, "outage");
  const char* channel = nullptr;
  ASSERT_EQ(bo_table_string(&channel, nullptr, out, column(out, "channel"), 1), BO_OK);
  EXPECT_STREQ(channel, "voice");
  bo_table_destroy(out);
  bo_table_destroy(errors);
  bo_table_destroy(rows);
}

TEST_F(StoreFixture, ACustomerIdMustNameAStoredCustomer) {
  bo_table_t* rows = three_rows();
  const int64_t customer[3] = {7, BO_NULL_INT64, BO_NULL_INT64};
  const uint8_t valid[3] = {1, 0, 0};
  ASSERT_EQ(bo_table_add_int64(rows, "customer_id", BO_TYPE_INT64, customer, valid), BO_OK);
  EXPECT_EQ(bo_store_ingest_interactions(nullptr, nullptr, store, rows, BO_INGEST_ALL_OR_NOTHING),
            BO_VALIDATION);
  EXPECT_STREQ(bo_last_error_value(), "7");
  ASSERT_EQ(bo_store_put_customer(store, 7, "Ada Lovelace"), BO_OK) << last_error();
  EXPECT_EQ(bo_store_put_customer(store, 8, " "), BO_VALIDATION);
  ASSERT_EQ(bo_store_ingest_interactions(nullptr, nullptr, store, rows, BO_INGEST_ALL_OR_NOTHING), BO_OK)
      << last_error();
  bo_table_t* out = nullptr;
  ASSERT_EQ(
      bo_store_query_interactions(&out, store, BO_NULL_INT64, BO_NULL_INT64, BO_NULL_INT64, BO_NULL_INT64, 7),
      BO_OK);
  size_t n = 0;
  ASSERT_EQ(bo_table_row_count(&n, out), BO_OK);
  EXPECT_EQ(n, 1u);
  bo_table_destroy(out);
  bo_table_destroy(rows);
}

TEST_F(StoreFixture, ARejectedRowFailsTheCallAndIsReported) {
  bo_table_t* rows = nullptr;
  ASSERT_EQ(bo_table_create(&rows, 2), BO_OK);
  const int64_t queue[2] = {1, 1};
  const int64_t offered[2] = {kMar1At9, kMar1At9};
  // Row 1 ends a minute before it was offered.
  const int64_t ended[2] = {kMar1At9 + 60000, kMar1At9 - 60000};
  ASSERT_EQ(bo_table_add_int64(rows, "queue_id", BO_TYPE_INT64, queue, nullptr), BO_OK);
  ASSERT_EQ(bo_table_add_int64(rows, "offered_at", BO_TYPE_INSTANT, offered, nullptr), BO_OK);
  ASSERT_EQ(bo_table_add_int64(rows, "ended_at", BO_TYPE_INSTANT, ended, nullptr), BO_OK);

  bo_table_t* errors = nullptr;
  int64_t written = -1;
  EXPECT_EQ(bo_store_ingest_interactions(&errors, &written, store, rows, BO_INGEST_ALL_OR_NOTHING),
            BO_VALIDATION);
  EXPECT_EQ(written, 0);
  EXPECT_NE(last_error().find("interaction.ended_at"), std::string::npos) << last_error();
  size_t n = 0;
  ASSERT_EQ(bo_table_row_count(&n, errors), BO_OK);
  ASSERT_EQ(n, 1u);
  const int64_t* row = nullptr;
  ASSERT_EQ(bo_table_int64_column(&row, errors, column(errors, "row")), BO_OK);
  EXPECT_EQ(row[0], 1);
  bo_table_destroy(errors);

  EXPECT_EQ(bo_store_ingest_interactions(nullptr, &written, store, rows, BO_INGEST_ACCEPT_VALID),
            BO_VALIDATION);
  EXPECT_EQ(written, 1);
  int64_t count = 0;
  ASSERT_EQ(bo_store_count(&count, store, "interactions"), BO_OK);
  EXPECT_EQ(count, 1);
  bo_table_destroy(rows);
}

TEST_F(StoreFixture, AMalformedTableNamesTheColumn) {
  bo_table_t* rows = nullptr;
  ASSERT_EQ(bo_table_create(&rows, 1), BO_OK);
  const int64_t one[1] = {1};
  const char* const bad_channel[1] = {"pigeon"};
  ASSERT_EQ(bo_table_add_int64(rows, "queue_id", BO_TYPE_INT64, one, nullptr), BO_OK);
  ASSERT_EQ(bo_table_add_int64(rows, "offered_at", BO_TYPE_INSTANT, one, nullptr), BO_OK);
  EXPECT_EQ(bo_store_ingest_interactions(nullptr, nullptr, store, rows, 0), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "ended_at");
  ASSERT_EQ(bo_table_add_int64(rows, "ended_at", BO_TYPE_INSTANT, one, nullptr), BO_OK);
  ASSERT_EQ(bo_table_add_string(rows, "channel", bad_channel), BO_OK);
  EXPECT_EQ(bo_store_ingest_interactions(nullptr, nullptr, store, rows, 0), BO_PARSE);
  EXPECT_STREQ(bo_last_error_field(), "channel[0]");
  EXPECT_STREQ(bo_last_error_value(), "pigeon");
  EXPECT_EQ(bo_store_ingest_interactions(nullptr, nullptr, store, rows, 7), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "mode");
  bo_table_destroy(rows);
}

TEST_F(StoreFixture, ImportsCsvAndReportsBadRowsByRecordNumber) {
  bo_table_t* errors = nullptr;
  int64_t written = 0;
  // The file's third data row (record 4) is answered before it was offered.
  EXPECT_EQ(
      bo_store_import_interactions_csv(&errors, &written, store, BACKOFFICE_TEST_DATA_DIR "/interactions.csv",
                                       "UTC", BO_INGEST_ACCEPT_VALID),
      BO_VALIDATION);
  EXPECT_EQ(written, 2);
  const int64_t* row = nullptr;
  ASSERT_EQ(bo_table_int64_column(&row, errors, 0), BO_OK);
  EXPECT_EQ(row[0], 4);
  bo_table_destroy(errors);
  EXPECT_EQ(bo_store_import_interactions_csv(nullptr, nullptr, store, "/nonexistent/x.csv", nullptr,
                                             BO_INGEST_ALL_OR_NOTHING),
            BO_NOT_FOUND);
}

TEST(CStore, AnUnopenablePathIsAStoreError) {
  bo_store_t* s = nullptr;
  EXPECT_EQ(bo_store_open(&s, "/nonexistent-dir/sub/x.db"), BO_STORE);
  EXPECT_EQ(s, nullptr);
  EXPECT_NE(last_error().find("/nonexistent-dir/sub/x.db"), std::string::npos) << last_error();
}

TEST(CErlang, MatchesClosedFormValuesForTwoErlangs) {
  // A = 2, N = 3 by hand: B = (8/6) / (1 + 2 + 2 + 8/6) = 4/19;
  // C = B / (1 - (A/N)(1 - B)) = (4/19) / (9/19) = 4/9.
  double b = 0, c = 0;
  ASSERT_EQ(bo_erlang_b(&b, 2.0, 3), BO_OK);
  ASSERT_EQ(bo_erlang_c(&c, 2.0, 3), BO_OK);
  EXPECT_NEAR(b, 4.0 / 19.0, 1e-12);
  EXPECT_NEAR(c, 4.0 / 9.0, 1e-12);
  // 10 calls per 900 s with AHT 180 s is A = 2. SL(20 s) = 1 - C e^{-(N-A) T/AHT}
  // = 1 - (4/9) e^{-1/9}; ASA = C * AHT / (N - A) = 80 s; occupancy 2/3.
  double pw = 0, sl = 0, asa = 0, occ = 0;
  ASSERT_EQ(bo_erlang_c_metrics(&pw, &sl, &asa, &occ, 10.0, 900, 180000, 3, 20000), BO_OK);
  EXPECT_NEAR(pw, 4.0 / 9.0, 1e-12);
  EXPECT_NEAR(sl, 1.0 - 4.0 / 9.0 * std::exp(-1.0 / 9.0), 1e-12);
  EXPECT_NEAR(asa, 80.0, 1e-9);
  EXPECT_NEAR(occ, 2.0 / 3.0, 1e-12);
  EXPECT_EQ(bo_erlang_c_metrics(nullptr, nullptr, nullptr, nullptr, 10.0, 900, 180000, 2, 20000),
            BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "agents");
}

TEST(CErlang, RequiredAgentsIsTheFirstNMeetingTheTarget) {
  // A = 2: N = 3 gives SL 0.602 (above); N = 4: C = 4/23, SL = 1 - (4/23) e^{-2/9}
  // = 0.861 >= 0.8, so 4 agents; with 30% shrinkage ceil(4 / 0.7) = 6.
  int32_t required = 0, scheduled = 0;
  double sl = 0;
  ASSERT_EQ(bo_erlang_c_required_agents(&required, &scheduled, &sl, 10.0, 900, 180000, 0.8, 20000, 1.0, 0.3),
            BO_OK)
      << last_error();
  EXPECT_EQ(required, 4);
  EXPECT_EQ(scheduled, 6);
  EXPECT_NEAR(sl, 1.0 - 4.0 / 23.0 * std::exp(-2.0 / 9.0), 1e-12);
  EXPECT_EQ(bo_erlang_c_required_agents(&required, nullptr, nullptr, -1.0, 900, 180000, 0.8, 20000, 1.0, 0.0),
            BO_INVALID_ARGUMENT);
}
