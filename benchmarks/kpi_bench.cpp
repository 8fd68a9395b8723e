// KPI engine throughput. BM_Kpi_QueueByQuarterHour groups 10M contacts by
// queue x 15-minute interval in America/New_York with every contact metric;
// its baseline is the straightforward version (a std::map keyed by queue and
// local bucket, the zone conversion done per row). BM_Kpi_Fcr judges 10M
// contacts from 1M customers; its baseline sorts (customer, time) pairs.
// BM_Kpi_FcrMatchReason matches on the reason (8 reasons) as well;
// BM_Kpi_FcrSparseIds has customer ids scattered over the int64 range (the
// hashed path); BM_Kpi_FcrUnordered has input out of time order (the
// sorting path). All are judged against the same sort baseline.

#include <backoffice/kpi/contact_report.hpp>

#include <benchmark/benchmark.h>

#include "bench_size.hpp"
#include "ratio_reporter.hpp"

#include <algorithm>
#include <map>
#include <random>
#include <tuple>

using namespace backoffice;

namespace {

constexpr std::uint64_t kSeed = 20261125;
// BACKOFFICE_KPI_BENCH_ROWS overrides the row count (e.g. for a quick run under callgrind).
const std::size_t kRows = bench::size_from_env("BACKOFFICE_KPI_BENCH_ROWS", 10'000'000);

// Time-ordered contacts over 60 days, 12 queues, 500 agents, 1M customers.
const InteractionColumns& contacts() {
  static const InteractionColumns cols = [] {
    InteractionColumns c;
    std::mt19937_64 rng(kSeed);
    c.id.resize(kRows);
    c.channel.assign(kRows, 0);
    c.direction.assign(kRows, 0);
    c.queue_id.resize(kRows);
    c.customer_id.resize(kRows);
    c.agent_id.resize(kRows);
    c.offered_ms.resize(kRows);
    c.answered_ms.resize(kRows);
    c.ended_ms.resize(kRows);
    c.talk_ms.resize(kRows);
    c.hold_ms.resize(kRows);
    c.wrap_ms.resize(kRows);
    c.transferred.resize(kRows);
    c.resolved.resize(kRows);
    c.csat.resize(kRows);
    c.nps.resize(kRows);
    c.reason.resize(kRows);
    c.disposition.assign(kRows, 0);
    for (const char* r : {"billing", "technical", "sales", "moving", "complaint", "fraud", "account", "other"}) {
      (void)c.reasons.code(r);
    }
    std::mt19937_64 reason_rng(kSeed + 1);  // its own stream, so the other columns stay as they were
    (void)c.dispositions.code("done");
    std::int64_t t = 1'709'251'200'000;  // 2024-03-01T00:00Z; spans the March DST change
    for (std::size_t i = 0; i < kRows; ++i) {
      t += static_cast<std::int64_t>(rng() % 1037);
      const std::int64_t wait = static_cast<std::int64_t>(rng() % 90'000);
      const bool answered = rng() % 100 >= 8;
      c.id[i] = static_cast<std::int64_t>(i) + 1;
      c.queue_id[i] = static_cast<std::int64_t>(rng() % 12) + 1;
      c.customer_id[i] = static_cast<std::int64_t>(rng() % 1'000'000) + 1;
      c.agent_id[i] = answered ? static_cast<std::int64_t>(rng() % 500) + 1 : kNullInt64;
      c.offered_ms[i] = t;
      c.answered_ms[i] = answered ? t + wait : kNullInt64;
      c.talk_ms[i] = answered ? static_cast<std::int64_t>(rng() % 600'000) : 0;
      c.hold_ms[i] = answered ? static_cast<std::int64_t>(rng() % 30'000) : 0;
      c.wrap_ms[i] = answered ? static_cast<std::int64_t>(rng() % 60'000) : 0;
      c.ended_ms[i] = answered ? t + wait + c.talk_ms[i] + c.hold_ms[i] : t + wait;
      c.transferred[i] = rng() % 20 == 0;
      c.resolved[i] = static_cast<std::int8_t>(static_cast<int>(rng() % 3) - 1);
      c.csat[i] = rng() % 4 == 0 ? static_cast<std::int8_t>(rng() % 5 + 1) : std::int8_t{0};
      c.nps[i] = rng() % 8 == 0 ? static_cast<std::int8_t>(rng() % 11) : std::int8_t{-1};
      c.reason[i] = static_cast<std::int32_t>(reason_rng() % 8);
    }
    return c;
  }();
  return cols;
}

GroupBy queue_by_quarter_hour() {
  return GroupBy{.dimensions = {Dimension::kQueue},
                 .bucket = TimeBucket::kMinutes15,
                 .zone = TimeZone::locate("America/New_York").value()};
}

void BM_Kpi_QueueByQuarterHourNaiveBaseline(benchmark::State& state) {
  const auto& c = contacts();
  const auto zone = TimeZone::locate("America/New_York").value();
  std::size_t groups = 0;
  for (auto _ : state) {
    std::map<std::tuple<std::int64_t, std::int64_t>, ContactCounts> acc;
    for (std::size_t i = 0; i < c.size(); ++i) {
      const auto local = zone.to_local(Instant::from_unix_ms(c.offered_ms[i])).ms_since_local_epoch();
      const std::int64_t start = c.offered_ms[i] - (local % 900'000);
      auto& g = acc[{c.queue_id[i], start}];
      ++g.offered;
      if (c.answered_ms[i] != kNullInt64) {
        ++g.answered;
        const std::int64_t wait = c.answered_ms[i] - c.offered_ms[i];
        g.wait_answered_ms += wait;
        g.answered_within_target += wait <= 20'000;
        g.talk_ms += c.talk_ms[i];
        g.hold_ms += c.hold_ms[i];
        g.wrap_ms += c.wrap_ms[i];
      } else {
        ++g.abandoned;
      }
      if (c.csat[i] > 0) {
        ++g.csat_responses;
        g.csat_sum += c.csat[i];
      }
    }
    groups = acc.size();
    benchmark::DoNotOptimize(acc);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.size()));
  state.counters["groups"] = static_cast<double>(groups);
}

void BM_Kpi_QueueByQuarterHour(benchmark::State& state) {
  const auto& c = contacts();
  const auto view = InteractionView::of(c);
  // FCR states are an input here (their cost is BM_Kpi_Fcr's), as when a
  // host reports several groupings of one data set.
  static const auto fcr = fcr_states(view, {});
  std::size_t groups = 0;
  for (auto _ : state) {
    auto report = contact_report(view, queue_by_quarter_hour(), {}, fcr);
    if (!report.ok()) state.SkipWithError("report failed");
    groups = report->group_count();
    benchmark::DoNotOptimize(report);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.size()));
  state.counters["groups"] = static_cast<double>(groups);
  state.counters["rows_per_s"] = benchmark::Counter(static_cast<double>(c.size()), benchmark::Counter::kIsIterationInvariantRate);
}

// The grouped report as a table (69k groups): what a caller reads, with
// every ratio, its numerator and denominator, and the interval labels.
void BM_Kpi_ToTable(benchmark::State& state) {
  const auto& c = contacts();
  const auto view = InteractionView::of(c);
  static const auto fcr = fcr_states(view, {});
  static const auto report = contact_report(view, queue_by_quarter_hour(), {}, fcr).value();
  for (auto _ : state) {
    auto table = report.to_table();
    benchmark::DoNotOptimize(table);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * report.group_count()));
  state.counters["groups"] = static_cast<double>(report.group_count());
}

// The same metrics with no grouping: the floor the grouping cost adds to.
void BM_Kpi_Totals(benchmark::State& state) {
  const auto& c = contacts();
  const auto view = InteractionView::of(c);
  static const auto fcr = fcr_states(view, {});
  for (auto _ : state) {
    auto report = contact_report(view, GroupBy{}, {}, fcr);
    benchmark::DoNotOptimize(report);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.size()));
}

void BM_Kpi_FcrNaiveSortBaseline(benchmark::State& state) {
  const auto& c = contacts();
  std::size_t resolved = 0;
  for (auto _ : state) {
    std::vector<std::pair<std::int64_t, std::int64_t>> keyed(c.size());
    for (std::size_t i = 0; i < c.size(); ++i) keyed[i] = {c.customer_id[i], c.offered_ms[i]};
    std::sort(keyed.begin(), keyed.end());
    resolved = 0;
    for (std::size_t i = 0; i + 1 < keyed.size(); ++i) {
      resolved += keyed[i + 1].first != keyed[i].first || keyed[i + 1].second - keyed[i].second > 604'800'000;
    }
    benchmark::DoNotOptimize(resolved);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.size()));
}

// Times fcr_states over `view` (the contacts, perhaps with a column swapped).
void time_fcr(benchmark::State& state, const InteractionView& view, const FcrOptions& options) {
  for (auto _ : state) {
    auto states = fcr_states(view, options);
    benchmark::DoNotOptimize(states);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * view.size()));
}

void BM_Kpi_Fcr(benchmark::State& state) { time_fcr(state, InteractionView::of(contacts()), {}); }

void BM_Kpi_FcrMatchReason(benchmark::State& state) {
  time_fcr(state, InteractionView::of(contacts()), FcrOptions{.match_reason = true});
}

// Customer ids from a hash of the dense ones: as when ids are phone numbers
// or come from another system.
void BM_Kpi_FcrSparseIds(benchmark::State& state) {
  const auto& c = contacts();
  static const std::vector<std::int64_t> sparse = [&] {
    std::vector<std::int64_t> ids(c.customer_id);
    for (auto& id : ids) id = static_cast<std::int64_t>((static_cast<std::uint64_t>(id) * 0x9e3779b97f4a7c15ULL) >> 1);
    return ids;
  }();
  auto view = InteractionView::of(c);
  view.customer_id = sparse;
  time_fcr(state, view, {});
}

// Every 1000th contact swapped with its successor: out of time order, so the
// counting sort by customer runs.
void BM_Kpi_FcrUnordered(benchmark::State& state) {
  const auto& c = contacts();
  static const std::vector<std::int64_t> offered = [&] {
    std::vector<std::int64_t> t(c.offered_ms);
    for (std::size_t i = 0; i + 1 < t.size(); i += 1000) std::swap(t[i], t[i + 1]);
    return t;
  }();
  auto view = InteractionView::of(c);
  view.offered_ms = offered;
  time_fcr(state, view, {});
}

}  // namespace

BENCHMARK(BM_Kpi_QueueByQuarterHourNaiveBaseline)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Kpi_QueueByQuarterHour)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Kpi_ToTable)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Kpi_Totals)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Kpi_FcrNaiveSortBaseline)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Kpi_Fcr)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Kpi_FcrMatchReason)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Kpi_FcrSparseIds)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Kpi_FcrUnordered)->Unit(benchmark::kMillisecond)->MinTime(2.0);

int main(int argc, char** argv) {
  return backoffice::bench::run_with_ratios(
      argc, argv,
      {{"BM_Kpi_QueueByQuarterHour", "BM_Kpi_QueueByQuarterHourNaiveBaseline"},
       {"BM_Kpi_Fcr", "BM_Kpi_FcrNaiveSortBaseline"},
       {"BM_Kpi_FcrMatchReason", "BM_Kpi_FcrNaiveSortBaseline"},
       {"BM_Kpi_FcrSparseIds", "BM_Kpi_FcrNaiveSortBaseline"},
       {"BM_Kpi_FcrUnordered", "BM_Kpi_FcrNaiveSortBaseline"}});
}
