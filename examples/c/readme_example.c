#include <backoffice/backoffice.h>
#include <stdio.h>

int main(void) {
  bo_store_t *store = NULL;
  bo_table_t *rows = NULL, *out = NULL;
  const int64_t queue[2] = {1, 1}, offered[2] = {1709283600000, 1709283660000},
                ended[2] = {1709283900000, 1709283720000};
  int64_t written = 0, n = 0;
  double sl = 0.0;
  if (bo_store_open_in_memory(&store) != BO_OK ||
      bo_store_put_queue(store, 1, "Billing", "voice", 20, 80.0, 0, "UTC", NULL) != BO_OK ||
      bo_table_create(&rows, 2) != BO_OK ||
      bo_table_add_int64(rows, "queue_id", BO_TYPE_INT64, queue, NULL) != BO_OK ||
      bo_table_add_int64(rows, "offered_at", BO_TYPE_INSTANT, offered, NULL) != BO_OK ||
      bo_table_add_int64(rows, "ended_at", BO_TYPE_INSTANT, ended, NULL) != BO_OK ||
      bo_store_ingest_interactions(NULL, &written, store, rows, BO_INGEST_ALL_OR_NOTHING) != BO_OK ||
      bo_store_query_interactions(&out, store, BO_NULL_INT64, BO_NULL_INT64, 1, BO_NULL_INT64,
                                  BO_NULL_INT64) != BO_OK ||
      bo_store_count(&n, store, "interactions") != BO_OK ||
      bo_erlang_c_metrics(NULL, &sl, NULL, NULL, 100.0, 900, 180000, 25, 20000) != BO_OK) {
    fprintf(stderr, "backoffice: %s\n", bo_last_error());
  } else {
    printf("%lld stored; Erlang C service level with 25 agents: %.3f\n", (long long)n, sl);
  }
  bo_table_destroy(out);
  bo_table_destroy(rows);
  bo_store_close(store);
  return n == 2 ? 0 : 1;
}
