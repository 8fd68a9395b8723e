// Accounts-receivable ageing over 1M open invoices: age_receivables against
// the same ageing written as one SQL GROUP BY over an in-memory SQLite table
// (raw sqlite3 API, data loaded once, outside the timing), and the ratio of
// the two measured back to back in one benchmark.

#include <backoffice/workflow/billing_ageing.hpp>

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <vector>

namespace {

using backoffice::Currency;

constexpr std::size_t kInvoices = 1'000'000;
constexpr std::int64_t kCustomers = 50'000;
constexpr std::int32_t kAsOfDay = 19'844;  // 2024-05-01

struct Data {
  std::vector<std::int64_t> customer;
  std::vector<std::int32_t> due_day;
  std::vector<std::int64_t> open_minor;
  std::vector<std::int32_t> currency;
  std::vector<Currency> currencies;
  sqlite3* db = nullptr;

  backoffice::ReceivableColumns columns() const {
    return {customer, due_day, open_minor, currency, currencies};
  }
};

void exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "sqlite3_exec failed";
    sqlite3_free(message);
    throw std::runtime_error(text);
  }
}

// Deterministic (seed 7): customers uniform, due dates over the 200 days
// before and 30 after as_of, balances 1.00..2000.00, 1 in 3 rows in a
// second currency and 1 in 10 in a third.
const Data& data() {
  static const Data d = [] {
    Data out;
    out.currencies = {Currency::of("USD").value(), Currency::of("EUR").value(), Currency::of("GBP").value()};
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<std::int64_t> customer(1, kCustomers);
    std::uniform_int_distribution<std::int32_t> due(kAsOfDay - 200, kAsOfDay + 30);
    std::uniform_int_distribution<std::int64_t> amount(100, 200'000);
    std::uniform_int_distribution<int> pick(0, 29);
    for (std::size_t i = 0; i < kInvoices; ++i) {
      out.customer.push_back(customer(rng));
      out.due_day.push_back(due(rng));
      out.open_minor.push_back(amount(rng));
      const int p = pick(rng);
      out.currency.push_back(p < 3 ? 2 : (p < 13 ? 1 : 0));
    }
    sqlite3_open(":memory:", &out.db);
    exec(out.db,
         "CREATE TABLE receivables(customer INTEGER, currency INTEGER, due_day INTEGER, open_minor INTEGER)");
    exec(out.db, "BEGIN");
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(out.db, "INSERT INTO receivables VALUES(?,?,?,?)", -1, &insert, nullptr);
    for (std::size_t i = 0; i < kInvoices; ++i) {
      sqlite3_bind_int64(insert, 1, out.customer[i]);
      sqlite3_bind_int(insert, 2, out.currency[i]);
      sqlite3_bind_int(insert, 3, out.due_day[i]);
      sqlite3_bind_int64(insert, 4, out.open_minor[i]);
      sqlite3_step(insert);
      sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    exec(out.db, "COMMIT");
    return out;
  }();
  return d;
}

constexpr const char* kAgeingSql = R"(
SELECT currency, customer,
  SUM(CASE WHEN ?1 - due_day <= 0 THEN open_minor ELSE 0 END),
  SUM(CASE WHEN ?1 - due_day BETWEEN 1 AND 30 THEN open_minor ELSE 0 END),
  SUM(CASE WHEN ?1 - due_day BETWEEN 31 AND 60 THEN open_minor ELSE 0 END),
  SUM(CASE WHEN ?1 - due_day BETWEEN 61 AND 90 THEN open_minor ELSE 0 END),
  SUM(CASE WHEN ?1 - due_day > 90 THEN open_minor ELSE 0 END),
  SUM(open_minor), COUNT(*)
FROM receivables WHERE open_minor <> 0
GROUP BY currency, customer ORDER BY currency, customer)";

// Runs the GROUP BY and reads every row; returns the grand total as a check.
std::int64_t sqlite_ageing(sqlite3* db, std::size_t& groups) {
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, kAgeingSql, -1, &stmt, nullptr);
  sqlite3_bind_int(stmt, 1, kAsOfDay);
  std::int64_t total = 0;
  groups = 0;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    total += sqlite3_column_int64(stmt, 7);
    ++groups;
  }
  sqlite3_finalize(stmt);
  return total;
}

std::int64_t library_ageing(const Data& d, std::size_t& groups) {
  auto report = backoffice::age_receivables(d.columns(), backoffice::LocalDate(kAsOfDay));
  if (!report.ok()) throw std::runtime_error(report.error().to_string());
  groups = report->customers.size();
  std::int64_t total = 0;
  for (const auto& t : report->totals) total += t.total_minor;
  return total;
}

void items(benchmark::State& state, std::size_t groups) {
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kInvoices));
  state.counters["invoices"] = static_cast<double>(kInvoices);
  state.counters["groups"] = static_cast<double>(groups);
}

void BM_Workflow_ArAgeing(benchmark::State& state) {
  const Data& d = data();
  std::size_t groups = 0;
  for (auto _ : state) benchmark::DoNotOptimize(library_ageing(d, groups));
  items(state, groups);
}
BENCHMARK(BM_Workflow_ArAgeing)->Unit(benchmark::kMillisecond);

// The same rows ordered by customer, as an export from a billing system
// usually is: consecutive rows share a group and skip the hash table.
void BM_Workflow_ArAgeingSortedByCustomer(benchmark::State& state) {
  static const Data sorted = [] {
    const Data& d = data();
    std::vector<std::size_t> order(d.customer.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return d.customer[a] < d.customer[b]; });
    Data out;
    out.currencies = d.currencies;
    for (std::size_t i : order) {
      out.customer.push_back(d.customer[i]);
      out.due_day.push_back(d.due_day[i]);
      out.open_minor.push_back(d.open_minor[i]);
      out.currency.push_back(d.currency[i]);
    }
    return out;
  }();
  std::size_t groups = 0;
  for (auto _ : state) benchmark::DoNotOptimize(library_ageing(sorted, groups));
  items(state, groups);
}
BENCHMARK(BM_Workflow_ArAgeingSortedByCustomer)->Unit(benchmark::kMillisecond);

void BM_Workflow_ArAgeingSqliteGroupByBaseline(benchmark::State& state) {
  const Data& d = data();
  std::size_t groups = 0;
  for (auto _ : state) benchmark::DoNotOptimize(sqlite_ageing(d.db, groups));
  items(state, groups);
}
BENCHMARK(BM_Workflow_ArAgeingSqliteGroupByBaseline)->Unit(benchmark::kMillisecond);

// Both back to back per iteration; `speedup_vs_sqlite` = SQLite time /
// library time over all passes. Fails when the two grand totals differ.
void BM_Workflow_ArAgeingSpeedupVsSqlite(benchmark::State& state) {
  const Data& d = data();
  using Clock = std::chrono::steady_clock;
  Clock::duration sqlite{};
  Clock::duration ours{};
  std::size_t groups = 0;
  std::size_t sql_groups = 0;
  for (auto _ : state) {
    const auto t0 = Clock::now();
    const std::int64_t a = sqlite_ageing(d.db, sql_groups);
    const auto t1 = Clock::now();
    const std::int64_t b = library_ageing(d, groups);
    const auto t2 = Clock::now();
    if (a != b || groups != sql_groups) {
      state.SkipWithError("library and SQLite ageing disagree");
      break;
    }
    sqlite += t1 - t0;
    ours += t2 - t1;
  }
  items(state, groups);
  state.counters["speedup_vs_sqlite"] =
      ours.count() > 0 ? static_cast<double>(sqlite.count()) / static_cast<double>(ours.count()) : 0.0;
}
BENCHMARK(BM_Workflow_ArAgeingSpeedupVsSqlite)->Unit(benchmark::kMillisecond)->Iterations(5);

// Due dates held as instants: converting 1M of them to local dates in a
// zone with DST (one tz lookup per offset change).
void BM_Workflow_LocalDaysNewYork(benchmark::State& state) {
  const Data& d = data();
  std::vector<std::int64_t> ms(d.due_day.size());
  for (std::size_t i = 0; i < ms.size(); ++i)
    ms[i] = std::int64_t{d.due_day[i]} * 86'400'000 + 15 * 3'600'000;
  std::vector<std::int32_t> out(ms.size());
  const auto zone = backoffice::TimeZone::locate("America/New_York").value();
  for (auto _ : state) {
    if (!backoffice::local_days(ms, zone, out).ok()) state.SkipWithError("local_days failed");
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * ms.size()));
}
BENCHMARK(BM_Workflow_LocalDaysNewYork)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
