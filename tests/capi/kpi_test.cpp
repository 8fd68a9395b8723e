// Contact KPI reports through the C header only. Expected values are hand
// calculations over six contacts, shown beside each check (the same six as
// tests/kpi/contact_report_test.cpp, so the C boundary must not change a
// number the engine computes).

#include <backoffice/backoffice.h>

#include <gtest/gtest.h>

#include "table_access.hpp"

#include <cmath>
#include <cstring>
#include <string>

namespace {

using capi_test::column;
using capi_test::integer;
using capi_test::last_error;
using capi_test::real;

// 2024-05-06T14:00:00Z = 10:00 EDT (Python: datetime(2024,5,6,14,tzinfo=utc).timestamp()).
constexpr int64_t kT = 1715004000000;
constexpr int64_t kS = 1000;
constexpr int64_t kMin = 60 * kS;

// Six contacts on queue 1, offered a minute apart from kT:
//  1 answered after 10 s: talk 100, hold 20, wrap 30 s; CSAT 5; resolved
//  2 answered after 30 s: talk 200, wrap 10 s; CSAT 3; transferred
//  3 abandoned after 3 s  (short abandon, within target)
//  4 abandoned after 15 s (within target)
//  5 abandoned after 40 s
//  6 answered after exactly 20 s: talk 60 s; CSAT 4; NPS 9
// With T = 20 s and S = 5 s: offered 6, answered 3, abandoned 3, short 1;
// answered within T: #1, #6 = 2; abandoned within T: #3, #4 = 2.
bo_table_t* six_contacts() {
  bo_table_t* t = nullptr;
  EXPECT_EQ(bo_table_create(&t, 6), BO_OK);
  const int64_t queue[6] = {1, 1, 1, 1, 1, 1};
  int64_t offered[6];
  for (int i = 0; i < 6; ++i) offered[i] = kT + i * kMin;
  const int64_t wait[6] = {10 * kS, 30 * kS, 3 * kS, 15 * kS, 40 * kS, 20 * kS};
  const uint8_t is_answered[6] = {1, 1, 0, 0, 0, 1};
  const int64_t talk[6] = {100 * kS, 200 * kS, 0, 0, 0, 60 * kS};
  const int64_t hold[6] = {20 * kS, 0, 0, 0, 0, 0};
  const int64_t wrap[6] = {30 * kS, 10 * kS, 0, 0, 0, 0};
  const int64_t transferred[6] = {0, 1, 0, 0, 0, 0};
  const int64_t resolved[6] = {1, 0, 0, 0, 0, 0};
  const uint8_t resolved_valid[6] = {1, 0, 0, 0, 0, 0};
  const int64_t csat[6] = {5, 3, 0, 0, 0, 4};
  const uint8_t csat_valid[6] = {1, 1, 0, 0, 0, 1};
  const int64_t nps[6] = {0, 0, 0, 0, 0, 9};
  const uint8_t nps_valid[6] = {0, 0, 0, 0, 0, 1};
  int64_t answered[6], ended[6];
  for (int i = 0; i < 6; ++i) {
    answered[i] = is_answered[i] ? offered[i] + wait[i] : BO_NULL_INT64;
    ended[i] = is_answered[i] ? answered[i] + talk[i] + hold[i] : offered[i] + wait[i];
  }
  EXPECT_EQ(bo_table_add_int64(t, "queue_id", BO_TYPE_INT64, queue, nullptr), BO_OK);
  EXPECT_EQ(bo_table_add_int64(t, "offered_at", BO_TYPE_INSTANT, offered, nullptr), BO_OK);
  EXPECT_EQ(bo_table_add_int64(t, "answered_at", BO_TYPE_INSTANT, answered, is_answered), BO_OK);
  EXPECT_EQ(bo_table_add_int64(t, "ended_at", BO_TYPE_INSTANT, ended, nullptr), BO_OK);
  EXPECT_EQ(bo_table_add_int64(t, "talk_time", BO_TYPE_DURATION, talk, nullptr), BO_OK);
  EXPECT_EQ(bo_table_add_int64(t, "hold_time", BO_TYPE_DURATION, hold, nullptr), BO_OK);
  EXPECT_EQ(bo_table_add_int64(t, "wrap_up_time", BO_TYPE_DURATION, wrap, nullptr), BO_OK);
  EXPECT_EQ(bo_table_add_int64(t, "transferred", BO_TYPE_BOOL, transferred, nullptr), BO_OK);
  EXPECT_EQ(bo_table_add_int64(t, "resolved", BO_TYPE_BOOL, resolved, resolved_valid), BO_OK);
  EXPECT_EQ(bo_table_add_int64(t, "csat", BO_TYPE_INT64, csat, csat_valid), BO_OK);
  EXPECT_EQ(bo_table_add_int64(t, "nps", BO_TYPE_INT64, nps, nps_valid), BO_OK);
  return t;
}

struct Report {
  ~Report() {
    bo_table_destroy(out);
    bo_table_destroy(in);
  }
  bo_table_t* in = six_contacts();
  bo_table_t* out = nullptr;
};

}  // namespace

TEST(CKpiOptions, InitSetsTheDocumentedDefaults) {
  bo_kpi_options_t o;
  std::memset(&o, 0xff, sizeof o);
  ASSERT_EQ(bo_kpi_options_init(&o), BO_OK);
  EXPECT_EQ(o.struct_size, sizeof o);
  EXPECT_EQ(o.service_level, BO_SERVICE_LEVEL_EXCLUDE_SHORT_ABANDONS);
  EXPECT_EQ(o.answer_target_s, 20);
  EXPECT_EQ(o.short_abandon_s, 5);
  EXPECT_EQ(o.abandon_rate_excludes_short, 1);
  EXPECT_EQ(o.fcr_window_s, 7 * 24 * 3600);
  EXPECT_EQ(o.fcr_match_reason, 0);
  EXPECT_EQ(o.csat_top_box_min, 4);
  EXPECT_EQ(o.fcr_as_of_ms, BO_NULL_INT64);
  EXPECT_EQ(bo_kpi_options_init(nullptr), BO_NULL_ARGUMENT);
}

TEST(CContactReport, CountsAndRatiosMatchAHandCalculation) {
  Report r;
  ASSERT_EQ(bo_contact_report(&r.out, r.in, nullptr, nullptr, nullptr, nullptr), BO_OK) << last_error();
  size_t rows = 0;
  ASSERT_EQ(bo_table_row_count(&rows, r.out), BO_OK);
  ASSERT_EQ(rows, 1u);
  EXPECT_EQ(integer(r.out, "offered"), 6);
  EXPECT_EQ(integer(r.out, "answered"), 3);
  EXPECT_EQ(integer(r.out, "abandoned"), 3);
  EXPECT_EQ(integer(r.out, "short_abandoned"), 1);
  // Service level = answered within T / (offered - short) = 2 / (6 - 1).
  EXPECT_EQ(integer(r.out, "service_level_num"), 2);
  EXPECT_EQ(integer(r.out, "service_level_den"), 5);
  EXPECT_DOUBLE_EQ(real(r.out, "service_level"), 0.4);
  // Abandon rate = (3 - 1) / (6 - 1).
  EXPECT_DOUBLE_EQ(real(r.out, "abandon_rate"), 0.4);
  // ASA = (10 + 30 + 20) / 3 = 20 s; numerator in ms.
  EXPECT_EQ(integer(r.out, "asa_s_num"), 60000);
  EXPECT_DOUBLE_EQ(real(r.out, "asa_s"), 20.0);
  // AHT = (150 + 210 + 60) / 3 = 140 s.
  EXPECT_DOUBLE_EQ(real(r.out, "aht_s"), 140.0);
  EXPECT_DOUBLE_EQ(real(r.out, "transfer_rate"), 1.0 / 3.0);
  // CSAT 5, 3, 4: top-2 = 2 / 3, mean = 12 / 3.
  EXPECT_DOUBLE_EQ(real(r.out, "csat_top2"), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(real(r.out, "csat_mean"), 4.0);
  // One NPS response, a promoter: 100 * (1 - 0) / 1.
  EXPECT_DOUBLE_EQ(real(r.out, "nps"), 100.0);
  // No customer ids: nobody judged for FCR, so 0 / 0 is NaN, not 0.
  EXPECT_EQ(integer(r.out, "fcr_den"), 0);
  EXPECT_TRUE(std::isnan(real(r.out, "fcr")));
  // Only contact 1 has a known resolved flag, and it is yes: 1 / 1.
  EXPECT_DOUBLE_EQ(real(r.out, "fcr_survey"), 1.0);
}

TEST(CContactReport, OptionsSelectTheServiceLevelVariantAndTargets) {
  Report r;
  bo_kpi_options_t o;
  ASSERT_EQ(bo_kpi_options_init(&o), BO_OK);
  o.service_level = BO_SERVICE_LEVEL_ABANDONS_WITHIN_TARGET_MET;
  o.abandon_rate_excludes_short = 0;
  ASSERT_EQ(bo_contact_report(&r.out, r.in, "", "none", "UTC", &o), BO_OK) << last_error();
  // (answered within T + abandoned within T) / offered = (2 + 2) / 6.
  EXPECT_EQ(integer(r.out, "service_level_num"), 4);
  EXPECT_EQ(integer(r.out, "service_level_den"), 6);
  // Abandoned / offered = 3 / 6.
  EXPECT_DOUBLE_EQ(real(r.out, "abandon_rate"), 0.5);
  const char* definition = nullptr;
  ASSERT_EQ(bo_table_metadata_value(&definition, r.out, "definition"), BO_OK);
  EXPECT_NE(std::string(definition).find("service_level=abandons_within_target_met"), std::string::npos)
      << definition;

  bo_table_t* wider = nullptr;
  o.service_level = BO_SERVICE_LEVEL_ANSWERED_ONLY;
  o.answer_target_s = 30;
  ASSERT_EQ(bo_contact_report(&wider, r.in, nullptr, nullptr, nullptr, &o), BO_OK) << last_error();
  // T = 30 s: #1 (10), #2 (30), #6 (20) answered within it, over 3 answered.
  EXPECT_DOUBLE_EQ(real(wider, "service_level"), 1.0);
  bo_table_destroy(wider);
}

TEST(CContactReport, GroupsByQueueAndQuarterHourOnTheLocalClock) {
  Report r;
  ASSERT_EQ(bo_contact_report(&r.out, r.in, "queue", "15min", "America/New_York", nullptr), BO_OK)
      << last_error();
  size_t rows = 0;
  ASSERT_EQ(bo_table_row_count(&rows, r.out), BO_OK);
  // All six are offered 14:00-14:05Z = 10:00-10:05 EDT (UTC-4): one bucket.
  ASSERT_EQ(rows, 1u);
  EXPECT_EQ(integer(r.out, "queue_id"), 1);
  const char* label = nullptr;
  ASSERT_EQ(bo_table_string(&label, nullptr, r.out, column(r.out, "interval_start"), 0), BO_OK);
  EXPECT_STREQ(label, "2024-05-06T10:00:00-04:00");
  bo_column_type type = 0;
  ASSERT_EQ(bo_table_column_type(&type, r.out, column(r.out, "interval_start_utc_ms")), BO_OK);
  EXPECT_EQ(type, BO_TYPE_INSTANT);
  EXPECT_EQ(integer(r.out, "interval_start_utc_ms"), kT);
  size_t n = 0;
  ASSERT_EQ(bo_table_metadata_count(&n, r.out), BO_OK);
  EXPECT_EQ(n, 4u);
  const char* zone = nullptr;
  ASSERT_EQ(bo_table_metadata_value(&zone, r.out, "time_zone"), BO_OK);
  EXPECT_STREQ(zone, "America/New_York");
  const char* key = nullptr;
  const char* value = nullptr;
  ASSERT_EQ(bo_table_metadata(&key, &value, r.out, 2), BO_OK);
  EXPECT_STREQ(key, "interval_attribution");
  EXPECT_STREQ(value, "offered time");
  EXPECT_EQ(bo_table_metadata(&key, &value, r.out, 4), BO_INVALID_ARGUMENT);
  EXPECT_EQ(bo_table_metadata_value(&value, r.out, "colour"), BO_NOT_FOUND);
}

TEST(CContactReport, BadArgumentsNameTheFieldAndValue) {
  Report r;
  EXPECT_EQ(bo_contact_report(&r.out, r.in, "queue,colour", nullptr, nullptr, nullptr), BO_PARSE);
  EXPECT_STREQ(bo_last_error_field(), "dimension");
  EXPECT_STREQ(bo_last_error_value(), "colour");
  EXPECT_EQ(bo_contact_report(&r.out, r.in, nullptr, "fortnight", nullptr, nullptr), BO_PARSE);
  EXPECT_STREQ(bo_last_error_field(), "time_bucket");
  EXPECT_EQ(bo_contact_report(&r.out, r.in, nullptr, "day", "Mars/Olympus", nullptr), BO_NOT_FOUND);
  bo_kpi_options_t o;
  ASSERT_EQ(bo_kpi_options_init(&o), BO_OK);
  o.service_level = 9;
  EXPECT_EQ(bo_contact_report(&r.out, r.in, nullptr, nullptr, nullptr, &o), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "options.service_level");
  ASSERT_EQ(bo_kpi_options_init(&o), BO_OK);
  o.struct_size = 8;  // a caller that never called bo_kpi_options_init
  EXPECT_EQ(bo_contact_report(&r.out, r.in, nullptr, nullptr, nullptr, &o), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "options.struct_size");
  EXPECT_EQ(r.out, nullptr);  // untouched on failure
  EXPECT_EQ(bo_contact_report(nullptr, r.in, nullptr, nullptr, nullptr, nullptr), BO_NULL_ARGUMENT);
  EXPECT_EQ(bo_contact_report(&r.out, nullptr, nullptr, nullptr, nullptr, nullptr), BO_NULL_ARGUMENT);
  EXPECT_EQ(bo_store_contact_report(&r.out, nullptr, 0, 0, nullptr, nullptr, nullptr, nullptr),
            BO_NULL_ARGUMENT);
}

TEST(CStoreContactReport, UsesEachQueuesStoredTargets) {
  Report r;
  bo_store_t* store = nullptr;
  ASSERT_EQ(bo_store_open_in_memory(&store), BO_OK);
  // Target 30 s (not the options' 20 s), short abandons under 5 s.
  ASSERT_EQ(bo_store_put_queue(store, 1, "Billing", "voice", 30, 80.0, 5, "UTC", nullptr), BO_OK);
  ASSERT_EQ(bo_store_ingest_interactions(nullptr, nullptr, store, r.in, BO_INGEST_ALL_OR_NOTHING), BO_OK)
      << last_error();
  ASSERT_EQ(bo_store_contact_report(&r.out, store, BO_NULL_INT64, BO_NULL_INT64, "queue", "day", "UTC",
                                    nullptr),
            BO_OK)
      << last_error();
  // Answered within 30 s: #1, #2, #6 = 3, over offered - short = 6 - 1.
  EXPECT_EQ(integer(r.out, "service_level_num"), 3);
  EXPECT_EQ(integer(r.out, "service_level_den"), 5);
  // A range that holds only the first two contacts: [kT, kT + 2 min).
  bo_table_t* first_two = nullptr;
  ASSERT_EQ(bo_store_contact_report(&first_two, store, kT, kT + 2 * kMin, nullptr, nullptr, nullptr, nullptr),
            BO_OK);
  EXPECT_EQ(integer(first_two, "offered"), 2);
  bo_table_destroy(first_two);
  bo_store_close(store);
}
