// Ingest of back-office work items into a file-backed store, beside the raw
// SQLite C API inserting the same rows into the same schema in one transaction,
// and the columnar read the KPI engine uses for TAT and accuracy.
#include <backoffice/store/store.hpp>
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <filesystem>
#include <random>
using namespace backoffice;
namespace {
constexpr std::uint64_t kSeed = 20260101;
const std::vector<WorkItem>& items(std::size_t n) {
  static std::vector<WorkItem> v;
  if (v.size() == n) return v;
  v.clear();
  std::mt19937_64 rng(kSeed);
  std::int64_t t = 1'709'251'200'000;
  for (std::size_t i = 0; i < n; ++i) {
    WorkItem w;
    w.id = WorkItemId(static_cast<std::int64_t>(i) + 1);
    w.kind = static_cast<WorkItemKind>(rng() % 5);
    w.queue = QueueId(static_cast<std::int64_t>(rng() % 8) + 1);
    w.assignee = AgentId(static_cast<std::int64_t>(rng() % 200) + 1);
    t += static_cast<std::int64_t>(rng() % 2000);
    w.received_at = Instant::from_unix_ms(t);
    w.started_at = w.received_at + std::chrono::milliseconds(rng() % 3'600'000);
    w.completed_at = *w.started_at + std::chrono::milliseconds(rng() % 1'800'000);
    w.outcome = rng() % 3 ? "approved" : "rejected";
    if (rng() % 10 == 0) { w.audited = true; w.audit_correct = rng() % 5 != 0; if (!*w.audit_correct) w.error_fields = {"amount"}; }
    v.push_back(std::move(w));
  }
  return v;
}
std::string fresh(const char* name) {
  auto p = (std::filesystem::temp_directory_path() / name).string();
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(p + s);
  return p;
}
Store prepared(const std::string& path) {
  auto s = Store::open(path).value();
  for (int q = 1; q <= 8; ++q) { Queue x; x.id = QueueId(q); x.name = "q"; x.time_zone = "UTC"; x.service_level_target = std::chrono::seconds(20); x.service_level_percent = 80; (void)s.put_queue(x); }
  for (int a = 1; a <= 200; ++a) { Agent x; x.id = AgentId(a); x.name = "a"; x.time_zone = "UTC"; (void)s.put_agent(x); }
  return s;
}
void BM_Store_IngestWorkItemsRawSqlite(benchmark::State& state) {
  const auto& rows = items(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    state.PauseTiming();
    auto path = fresh("wi-raw.sqlite");
    { auto s = prepared(path); }
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr);
    state.ResumeTiming();
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_stmt* st = nullptr; sqlite3_stmt* f = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO work_items (id, kind, queue_id, assignee_id, received_ms, started_ms, completed_ms, outcome, audited, audit_correct) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)", -1, &st, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO work_item_error_fields (work_item_id, position, field) VALUES (?1,?2,?3)", -1, &f, nullptr);
    for (const auto& w : rows) {
      sqlite3_bind_int64(st, 1, w.id.value());
      auto k = to_string(w.kind); sqlite3_bind_text(st, 2, k.data(), static_cast<int>(k.size()), SQLITE_STATIC);
      sqlite3_bind_int64(st, 3, w.queue.value());
      sqlite3_bind_int64(st, 4, w.assignee->value());
      sqlite3_bind_int64(st, 5, w.received_at.unix_ms());
      sqlite3_bind_int64(st, 6, w.started_at->unix_ms());
      sqlite3_bind_int64(st, 7, w.completed_at->unix_ms());
      sqlite3_bind_text(st, 8, w.outcome.data(), static_cast<int>(w.outcome.size()), SQLITE_STATIC);
      sqlite3_bind_int(st, 9, w.audited);
      if (w.audit_correct) sqlite3_bind_int(st, 10, *w.audit_correct); else sqlite3_bind_null(st, 10);
      sqlite3_step(st); sqlite3_reset(st);
      for (std::size_t i = 0; i < w.error_fields.size(); ++i) {
        sqlite3_bind_int64(f, 1, w.id.value()); sqlite3_bind_int64(f, 2, static_cast<std::int64_t>(i));
        sqlite3_bind_text(f, 3, w.error_fields[i].data(), static_cast<int>(w.error_fields[i].size()), SQLITE_STATIC);
        sqlite3_step(f); sqlite3_reset(f);
      }
    }
    sqlite3_finalize(st); sqlite3_finalize(f);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    state.PauseTiming();
    sqlite3_close(db);
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
void BM_Store_IngestWorkItems(benchmark::State& state) {
  const auto& rows = items(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    state.PauseTiming();
    auto path = fresh("wi-lib.sqlite");
    auto s = prepared(path);
    state.ResumeTiming();
    auto r = s.ingest_work_items(rows).value();
    if (r.rows_written != rows.size()) state.SkipWithError("not all written");
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
void BM_Store_WorkItemColumns(benchmark::State& state) {
  const auto& rows = items(static_cast<std::size_t>(state.range(0)));
  auto path = fresh("wi-read.sqlite");
  auto s = prepared(path);
  (void)s.ingest_work_items(rows);
  for (auto _ : state) benchmark::DoNotOptimize(s.work_item_columns().value().size());
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
}  // namespace
BENCHMARK(BM_Store_IngestWorkItemsRawSqlite)->Arg(200000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Store_IngestWorkItems)->Arg(200000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Store_WorkItemColumns)->Arg(200000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_MAIN();
