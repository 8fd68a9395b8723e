// Ingest of interactions into a file-backed store, against the baseline the
// issue names: the same rows inserted through the raw SQLite C API with one
// prepared statement in one transaction, into the same schema (same indexes
// and foreign keys) with the same pragmas. The library's run adds per-row
// validation and error reporting; the ratio shows what that costs.

#include <backoffice/store/store.hpp>

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <random>

using namespace backoffice;

namespace {

constexpr std::uint64_t kSeed = 20260101;
double g_baseline_rows_per_s = 0;

Queue bench_queue(std::int64_t id) {
  Queue q;
  q.id = QueueId(id);
  q.name = "queue " + std::to_string(id);
  q.service_level_target = std::chrono::seconds(20);
  q.service_level_percent = 80;
  q.time_zone = "UTC";
  return q;
}

// n contacts over 8 queues and 200 agents, about 8% abandoned, generated from kSeed.
const InteractionColumns& contacts(std::size_t n) {
  static InteractionColumns cols;
  if (cols.size() == n) return cols;
  cols.clear();
  cols.reserve(n);
  std::mt19937_64 rng(kSeed);
  std::exponential_distribution<double> wait(1.0 / 30'000), talk(1.0 / 240'000);
  const char* reasons[] = {"billing", "address change", "card lost", "loan", "complaint"};
  std::int64_t t = 1'709'251'200'000;  // 2024-03-01T00:00Z
  for (std::size_t i = 0; i < n; ++i) {
    Interaction x;
    x.id = InteractionId(static_cast<std::int64_t>(i) + 1);
    x.queue = QueueId(static_cast<std::int64_t>(rng() % 8) + 1);
    t += static_cast<std::int64_t>(rng() % 2000);
    x.offered_at = Instant::from_unix_ms(t);
    const auto w = std::chrono::milliseconds(static_cast<std::int64_t>(wait(rng)));
    if (rng() % 100 < 8) {
      x.ended_at = x.offered_at + w;
    } else {
      x.agent = AgentId(static_cast<std::int64_t>(rng() % 200) + 1);
      x.answered_at = x.offered_at + w;
      x.talk_time = std::chrono::milliseconds(static_cast<std::int64_t>(talk(rng)));
      x.hold_time = std::chrono::milliseconds(static_cast<std::int64_t>(rng() % 30'000));
      x.wrap_up_time = std::chrono::milliseconds(static_cast<std::int64_t>(rng() % 60'000));
      x.ended_at = *x.answered_at + x.talk_time + x.hold_time;
      if (rng() % 4 == 0) x.csat = static_cast<int>(rng() % 5) + 1;
      x.resolved = rng() % 10 < 7;
    }
    x.reason_code = reasons[rng() % 5];
    x.disposition = x.answered_at ? "served" : "abandoned";
    cols.append(x);
  }
  return cols;
}

// A fresh store file with the queues and agents the contacts refer to.
std::string fresh_store(const char* name) {
  const auto path = (std::filesystem::temp_directory_path() / name).string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  auto store = Store::open(path).value();
  for (int q = 1; q <= 8; ++q) (void)store.put_queue(bench_queue(q));
  for (int a = 1; a <= 200; ++a) {
    Agent agent;
    agent.id = AgentId(a);
    agent.name = "agent " + std::to_string(a);
    agent.time_zone = "UTC";
    (void)store.put_agent(agent);
  }
  return path;
}

void BM_Store_IngestRawSqliteBaseline(benchmark::State& state) {
  const auto& cols = contacts(static_cast<std::size_t>(state.range(0)));
  double elapsed_s = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const auto path = fresh_store("bo-bench-raw.sqlite");
    state.ResumeTiming();
    const auto start = std::chrono::steady_clock::now();
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; BEGIN", nullptr,
                 nullptr, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO interactions (id, external_id, channel, direction, queue_id, customer_id, "
                       "agent_id, offered_ms, answered_ms, ended_ms, talk_ms, hold_ms, wrap_ms, transferred, "
                       "reason, disposition, resolved, csat, nps, notes) VALUES (?1, NULL, 'voice', 'inbound', ?2, "
                       "NULL, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, NULL, '')",
                       -1, &st, nullptr);
    for (std::size_t i = 0; i < cols.size(); ++i) {
      sqlite3_bind_int64(st, 1, cols.id[i]);
      sqlite3_bind_int64(st, 2, cols.queue_id[i]);
      if (cols.agent_id[i] == kNullInt64) sqlite3_bind_null(st, 3); else sqlite3_bind_int64(st, 3, cols.agent_id[i]);
      sqlite3_bind_int64(st, 4, cols.offered_ms[i]);
      if (cols.answered_ms[i] == kNullInt64) sqlite3_bind_null(st, 5); else sqlite3_bind_int64(st, 5, cols.answered_ms[i]);
      sqlite3_bind_int64(st, 6, cols.ended_ms[i]);
      sqlite3_bind_int64(st, 7, cols.talk_ms[i]);
      sqlite3_bind_int64(st, 8, cols.hold_ms[i]);
      sqlite3_bind_int64(st, 9, cols.wrap_ms[i]);
      sqlite3_bind_int(st, 10, cols.transferred[i]);
      const auto& reason = cols.reasons.text(cols.reason[i]);
      const auto& disposition = cols.dispositions.text(cols.disposition[i]);
      sqlite3_bind_text(st, 11, reason.data(), static_cast<int>(reason.size()), SQLITE_STATIC);
      sqlite3_bind_text(st, 12, disposition.data(), static_cast<int>(disposition.size()), SQLITE_STATIC);
      if (cols.resolved[i] < 0) sqlite3_bind_null(st, 13); else sqlite3_bind_int(st, 13, cols.resolved[i]);
      if (cols.csat[i] == 0) sqlite3_bind_null(st, 14); else sqlite3_bind_int(st, 14, cols.csat[i]);
      if (sqlite3_step(st) != SQLITE_DONE) state.SkipWithError("raw insert failed");
      sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    elapsed_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  g_baseline_rows_per_s = static_cast<double>(state.iterations() * state.range(0)) / elapsed_s;
  state.counters["rows_per_s"] = g_baseline_rows_per_s;
}

void BM_Store_Ingest(benchmark::State& state) {
  const auto& cols = contacts(static_cast<std::size_t>(state.range(0)));
  double elapsed_s = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const auto path = fresh_store("bo-bench-lib.sqlite");
    state.ResumeTiming();
    const auto start = std::chrono::steady_clock::now();
    auto store = Store::open(path).value();
    auto report = store.ingest_interactions(cols);
    if (!report.ok() || report->rows_written != cols.size()) state.SkipWithError("ingest failed");
    elapsed_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  const double rows_per_s = static_cast<double>(state.iterations() * state.range(0)) / elapsed_s;
  state.counters["rows_per_s"] = rows_per_s;
  // Library throughput over the raw-SQLite baseline that ran just before (target >= 0.8).
  if (g_baseline_rows_per_s > 0) state.counters["ratio_vs_raw_sqlite"] = rows_per_s / g_baseline_rows_per_s;
}

}  // namespace

BENCHMARK(BM_Store_IngestRawSqliteBaseline)->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Store_Ingest)->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
