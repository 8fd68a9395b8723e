// bo_store_t: the SQLite store at the C boundary.

#include "boundary.hpp"
#include "handles.hpp"
#include "interaction_table.hpp"

#include <backoffice/domain/agent.hpp>
#include <backoffice/domain/channel.hpp>
#include <backoffice/domain/customer.hpp>
#include <backoffice/domain/queue.hpp>
#include <backoffice/store/csv_import.hpp>
#include <backoffice/store/store.hpp>

#include <fmt/format.h>

#include <chrono>

using backoffice::capi::fail;
using backoffice::capi::guarded;
using backoffice::capi::status_of;

namespace {

backoffice::Result<backoffice::IngestMode> ingest_mode(bo_ingest_mode mode) {
  switch (mode) {
    case BO_INGEST_ALL_OR_NOTHING:
      return backoffice::IngestMode::kAllOrNothing;
    case BO_INGEST_ACCEPT_VALID:
      return backoffice::IngestMode::kAcceptValid;
    default:
      return backoffice::invalid_argument("mode", std::to_string(mode),
                                          "expected BO_INGEST_ALL_OR_NOTHING or BO_INGEST_ACCEPT_VALID");
  }
}

// Hands the report to the caller; rejected rows make the call fail with the
// first of them, so a C caller that only checks the status never misses them.
bo_status report_out(bo_table_t** out_errors, int64_t* out_rows_written,
                     const backoffice::IngestReport& report) {
  if (out_errors != nullptr) {
    *out_errors = new bo_table{backoffice::capi::ingest_errors_table(report.errors)};
  }
  if (out_rows_written != nullptr) *out_rows_written = static_cast<int64_t>(report.rows_written);
  if (report.ok()) return BO_OK;
  const auto& first = report.errors.front();
  return backoffice::capi::set_last_error(
      BO_VALIDATION, first.field, first.value,
      fmt::format("validation error: {} of {} rows rejected, {} written; first: row {}: {} = '{}': {}",
                  report.errors.size(), report.rows_read, report.rows_written, first.row, first.field,
                  first.value, first.reason));
}

std::optional<std::int64_t> optional_id(int64_t v) {
  if (v == BO_NULL_INT64) return std::nullopt;
  return v;
}

}  // namespace

extern "C" {

bo_status bo_store_open(bo_store_t** out, const char* path) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(path);
    auto store = backoffice::Store::open(path);
    if (!store) return fail(store.error());
    *out = new bo_store(std::move(store).value());
    return BO_OK;
  });
}

bo_status bo_store_open_in_memory(bo_store_t** out) {
  return guarded([&] {
    BO_REQUIRE(out);
    auto store = backoffice::Store::open_in_memory();
    if (!store) return fail(store.error());
    *out = new bo_store(std::move(store).value());
    return BO_OK;
  });
}

void bo_store_close(bo_store_t* store) { delete store; }

bo_status bo_store_put_queue(bo_store_t* store, int64_t id, const char* name, const char* channel,
                             int32_t service_level_target_s, double service_level_percent,
                             int32_t short_abandon_threshold_s, const char* time_zone,
                             const char* business_calendar) {
  return guarded([&] {
    BO_REQUIRE(store);
    BO_REQUIRE(name);
    BO_REQUIRE(channel);
    BO_REQUIRE(time_zone);
    auto ch = backoffice::parse_channel(channel, "queue.channel");
    if (!ch) return fail(ch.error());
    backoffice::Queue q;
    q.id = backoffice::QueueId(id);
    q.name = name;
    q.channel = *ch;
    q.service_level_target = std::chrono::seconds(service_level_target_s);
    q.service_level_percent = service_level_percent;
    q.short_abandon_threshold = std::chrono::seconds(short_abandon_threshold_s);
    q.time_zone = time_zone;
    q.business_calendar = business_calendar == nullptr ? "" : business_calendar;
    return status_of(store->store.put_queue(q));
  });
}

bo_status bo_store_put_agent(bo_store_t* store, int64_t id, const char* name, int64_t team_id,
                             const char* time_zone) {
  return guarded([&] {
    BO_REQUIRE(store);
    BO_REQUIRE(name);
    BO_REQUIRE(time_zone);
    backoffice::Agent a;
    a.id = backoffice::AgentId(id);
    a.name = name;
    if (team_id != BO_NULL_INT64) a.team = backoffice::TeamId(team_id);
    a.time_zone = time_zone;
    return status_of(store->store.put_agent(a));
  });
}

bo_status bo_store_put_customer(bo_store_t* store, int64_t id, const char* name) {
  return guarded([&] {
    BO_REQUIRE(store);
    BO_REQUIRE(name);
    backoffice::Customer c;
    c.id = backoffice::CustomerId(id);
    c.name = name;
    c.created_at = backoffice::Instant::now();
    c.updated_at = c.created_at;
    return status_of(store->store.put_customer(c));
  });
}

bo_status bo_store_count(int64_t* out, const bo_store_t* store, const char* table_name) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(store);
    BO_REQUIRE(table_name);
    auto n = store->store.count(table_name);
    if (!n) return fail(n.error());
    *out = *n;
    return BO_OK;
  });
}

bo_status bo_store_ingest_interactions(bo_table_t** out_errors, int64_t* out_rows_written, bo_store_t* store,
                                       const bo_table_t* rows, bo_ingest_mode mode) {
  return guarded([&] {
    BO_REQUIRE(store);
    BO_REQUIRE(rows);
    auto m = ingest_mode(mode);
    if (!m) return fail(m.error());
    auto columns = backoffice::capi::interactions_from_table(rows->table);
    if (!columns) return fail(columns.error());
    auto report = store->store.ingest_interactions(*columns, *m);
    if (!report) return fail(report.error());
    return report_out(out_errors, out_rows_written, *report);
  });
}

bo_status bo_store_query_interactions(bo_table_t** out, const bo_store_t* store, int64_t from_unix_ms,
                                      int64_t to_unix_ms, int64_t queue_id, int64_t agent_id,
                                      int64_t customer_id) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(store);
    backoffice::InteractionQuery q;
    if (from_unix_ms != BO_NULL_INT64) q.from = backoffice::Instant::from_unix_ms(from_unix_ms);
    if (to_unix_ms != BO_NULL_INT64) q.to = backoffice::Instant::from_unix_ms(to_unix_ms);
    if (auto v = optional_id(queue_id)) q.queue = backoffice::QueueId(*v);
    if (auto v = optional_id(agent_id)) q.agent = backoffice::AgentId(*v);
    if (auto v = optional_id(customer_id)) q.customer = backoffice::CustomerId(*v);
    auto columns = store->store.interaction_columns(q);
    if (!columns) return fail(columns.error());
    *out = new bo_table{backoffice::capi::interactions_to_table(std::move(columns).value())};
    return BO_OK;
  });
}

bo_status bo_store_import_interactions_csv(bo_table_t** out_errors, int64_t* out_rows_written,
                                           bo_store_t* store, const char* path, const char* time_zone,
                                           bo_ingest_mode mode) {
  return guarded([&] {
    BO_REQUIRE(store);
    BO_REQUIRE(path);
    auto m = ingest_mode(mode);
    if (!m) return fail(m.error());
    backoffice::CsvImportOptions options;
    options.mode = *m;
    if (time_zone != nullptr) options.time_zone = time_zone;
    auto report = backoffice::import_interactions_csv(store->store, path, options);
    if (!report) return fail(report.error());
    return report_out(out_errors, out_rows_written, *report);
  });
}

}  // extern "C"
