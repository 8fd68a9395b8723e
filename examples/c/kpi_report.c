/*
 * Contact KPIs from C: four calls on two queues, reported per queue and
 * per hour on the New York wall clock, with service level and its
 * numerator and denominator, and the definition used. Build: see
 * capi/CMakeLists.txt (C99, -Wall -Wextra -pedantic -Werror); run by ctest
 * as capi.example.kpi_report.
 */
#include <backoffice/backoffice.h>

#include <inttypes.h>
#include <stdio.h>

#define CHECK(call)                                                            \
  do {                                                                         \
    bo_status st_ = (call);                                                    \
    if (st_ != BO_OK) {                                                        \
      fprintf(stderr, "%s failed: %s (%s)\n", #call, bo_status_name(st_),      \
              bo_last_error());                                                \
      goto done;                                                               \
    }                                                                          \
  } while (0)

/* The column called `name` (0 when missing; the report always has them). */
static size_t col(const bo_table_t *t, const char *name) {
  size_t i = 0;
  bo_table_column_index(&i, t, name);
  return i;
}

int main(void) {
  /* 2024-05-06T14:00:00Z = 10:00 in New York (EDT). */
  const int64_t t0 = 1715004000000;
  const int64_t queue[4] = {1, 1, 1, 2};
  const int64_t offered[4] = {t0, t0 + 60000, t0 + 120000, t0 + 180000};
  /* Waits: 10 s, 30 s, abandoned after 40 s, 5 s. */
  const int64_t answered[4] = {t0 + 10000, t0 + 90000, BO_NULL_INT64, t0 + 185000};
  const uint8_t answered_valid[4] = {1, 1, 0, 1};
  const int64_t ended[4] = {t0 + 190000, t0 + 300000, t0 + 160000, t0 + 245000};
  const int64_t talk[4] = {180000, 210000, 0, 60000};
  bo_table_t *calls = NULL, *report = NULL;
  bo_kpi_options_t options;
  size_t rows = 0, r = 0, meta = 0, m = 0;
  const int64_t *queue_id = NULL, *num = NULL, *den = NULL;
  const double *sl = NULL, *aht = NULL;
  int ok = 0;

  CHECK(bo_table_create(&calls, 4));
  CHECK(bo_table_add_int64(calls, "queue_id", BO_TYPE_INT64, queue, NULL));
  CHECK(bo_table_add_int64(calls, "offered_at", BO_TYPE_INSTANT, offered, NULL));
  CHECK(bo_table_add_int64(calls, "answered_at", BO_TYPE_INSTANT, answered, answered_valid));
  CHECK(bo_table_add_int64(calls, "ended_at", BO_TYPE_INSTANT, ended, NULL));
  CHECK(bo_table_add_int64(calls, "talk_time", BO_TYPE_DURATION, talk, NULL));

  CHECK(bo_kpi_options_init(&options));
  options.answer_target_s = 20; /* the default, stated for the reader */
  CHECK(bo_contact_report(&report, calls, "queue", "60min", "America/New_York", &options));

  CHECK(bo_table_row_count(&rows, report));
  CHECK(bo_table_int64_column(&queue_id, report, col(report, "queue_id")));
  CHECK(bo_table_double_column(&sl, report, col(report, "service_level")));
  CHECK(bo_table_int64_column(&num, report, col(report, "service_level_num")));
  CHECK(bo_table_int64_column(&den, report, col(report, "service_level_den")));
  CHECK(bo_table_double_column(&aht, report, col(report, "aht_s")));
  printf("%-8s %-26s %-16s %s\n", "queue", "interval_start", "service_level", "aht_s");
  for (r = 0; r < rows; ++r) {
    const char *start = NULL;
    CHECK(bo_table_string(&start, NULL, report, col(report, "interval_start"), r));
    printf("%-8" PRId64 " %-26s %.3f (%" PRId64 "/%" PRId64 ")    %.1f\n", queue_id[r], start, sl[r],
           num[r], den[r], aht[r]);
  }
  CHECK(bo_table_metadata_count(&meta, report));
  for (m = 0; m < meta; ++m) {
    const char *key = NULL, *value = NULL;
    CHECK(bo_table_metadata(&key, &value, report, m));
    printf("%s: %s\n", key, value);
  }
  ok = rows == 2;

done:
  bo_table_destroy(report);
  bo_table_destroy(calls);
  return ok ? 0 : 1;
}
