/*
 * Opens an in-memory store, ingests three interactions from C arrays, reads
 * them back as a table and prints it. Build: see capi/CMakeLists.txt
 * (C99, -Wall -Wextra -pedantic -Werror); run by ctest as
 * capi.example.store_table.
 */
#include <backoffice/backoffice.h>

#include <inttypes.h>
#include <stdio.h>

/* Prints the failing call's status and message and leaves main(). */
#define CHECK(call)                                                            \
  do {                                                                         \
    bo_status st_ = (call);                                                    \
    if (st_ != BO_OK) {                                                        \
      fprintf(stderr, "%s failed: %s (%s)\n", #call, bo_status_name(st_),      \
              bo_last_error());                                                \
      goto done;                                                               \
    }                                                                          \
  } while (0)

static void print_cell(const bo_table_t *table, size_t col, size_t row) {
  bo_column_type type = 0;
  const uint8_t *valid = NULL;
  bo_table_column_type(&type, table, col);
  bo_table_validity(&valid, table, col);
  if (valid != NULL && !valid[row]) {
    printf("%-22s", "null");
  } else if (type == BO_TYPE_STRING) {
    const char *s = NULL;
    bo_table_string(&s, NULL, table, col, row);
    printf("%-22s", s);
  } else if (type == BO_TYPE_DOUBLE) {
    const double *d = NULL;
    bo_table_double_column(&d, table, col);
    printf("%-22g", d[row]);
  } else if (type == BO_TYPE_INSTANT) {
    const int64_t *v = NULL;
    char *text = NULL;
    bo_table_int64_column(&v, table, col);
    if (bo_instant_format(&text, NULL, v[row], NULL) == BO_OK) printf("%-22s", text);
    bo_free(text);
  } else {
    const int64_t *v = NULL;
    bo_table_int64_column(&v, table, col);
    printf("%-22" PRId64, v[row]);
  }
}

int main(void) {
  int rc = 1;
  bo_store_t *store = NULL;
  bo_table_t *rows = NULL;
  bo_table_t *errors = NULL;
  bo_table_t *result = NULL;
  size_t n_rows = 0, n_cols = 0, r, c;
  int64_t written = 0;

  /* Three calls to queue 1: answered after 15 s, answered after 40 s, and
   * one that abandoned after 60 s. Instants are Unix ms (UTC). */
  const int64_t queue_id[3] = {1, 1, 1};
  const int64_t offered[3] = {1709283600000, 1709283660000, 1709283720000};
  const int64_t answered[3] = {1709283615000, 1709283700000, BO_NULL_INT64};
  const uint8_t answered_valid[3] = {1, 1, 0};
  const int64_t ended[3] = {1709283915000, 1709283940000, 1709283780000};
  const int64_t talk_ms[3] = {300000, 240000, 0};
  const char *const channel[3] = {"voice", "voice", "voice"};
  const char *const reason[3] = {"billing", "outage", NULL};

  printf("backoffice C ABI %s (ABI %d)\n", bo_version(), bo_abi_version());
  CHECK(bo_store_open_in_memory(&store));
  CHECK(bo_store_put_queue(store, 1, "Billing", "voice", 20, 80.0, 5, "UTC", NULL));

  CHECK(bo_table_create(&rows, 3));
  CHECK(bo_table_add_int64(rows, "queue_id", BO_TYPE_INT64, queue_id, NULL));
  CHECK(bo_table_add_string(rows, "channel", channel));
  CHECK(bo_table_add_int64(rows, "offered_at", BO_TYPE_INSTANT, offered, NULL));
  CHECK(bo_table_add_int64(rows, "answered_at", BO_TYPE_INSTANT, answered, answered_valid));
  CHECK(bo_table_add_int64(rows, "ended_at", BO_TYPE_INSTANT, ended, NULL));
  CHECK(bo_table_add_int64(rows, "talk_time", BO_TYPE_DURATION, talk_ms, NULL));
  CHECK(bo_table_add_string(rows, "reason", reason));
  CHECK(bo_store_ingest_interactions(&errors, &written, store, rows, BO_INGEST_ALL_OR_NOTHING));
  printf("ingested %" PRId64 " interactions\n", written);

  CHECK(bo_store_query_interactions(&result, store, BO_NULL_INT64, BO_NULL_INT64, 1,
                                    BO_NULL_INT64, BO_NULL_INT64));
  CHECK(bo_table_row_count(&n_rows, result));
  CHECK(bo_table_column_count(&n_cols, result));
  printf("%zu rows, %zu columns\n", n_rows, n_cols);
  for (c = 0; c < n_cols; ++c) {
    const char *name = NULL;
    CHECK(bo_table_column_name(&name, NULL, result, c));
    printf("%-13s", name);
    for (r = 0; r < n_rows; ++r) print_cell(result, c, r);
    printf("\n");
  }
  rc = 0;

done:
  bo_table_destroy(result);
  bo_table_destroy(errors);
  bo_table_destroy(rows);
  bo_store_close(store);
  return rc;
}
