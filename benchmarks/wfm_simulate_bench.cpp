// Simulation and shift planning speed.
//
// BM_Wfm_Simulate: the library's simulator (single "next" times for
// arrivals and staffing changes, a heap of completion times, a lazily
// popped heap of abandonment deadlines) against the textbook event-list
// design: every event (arrival, completion, abandonment, staffing change)
// is an object in one std::priority_queue, ordered by time. Both consume
// the random stream identically (ArrivalStream and per-call draws in
// arrival order), so they produce the same totals, checked before timing.
//
// BM_Wfm_ShiftPlanWeek: CBC's optimal plan against a greedy heuristic
// (repeatedly add the pattern that covers the most still-uncovered
// agent-quarters per paid quarter). The greedy run reports paid hours,
// the gap to the optimum and the time ratio CBC / greedy.

#include <backoffice/wfm/shift_plan.hpp>
#include <backoffice/wfm/simulate.hpp>

#include "wfm/simulate_random.hpp"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <deque>
#include <queue>
#include <vector>

using namespace backoffice;
using namespace std::chrono_literals;

namespace {

// ---------------------------------------------------------------- simulation

// One day of 15-minute intervals for a mid-sized queue: ~45,000 calls, peaks
// of ~5,000 calls/h, AHT 240 s, mean patience 90 s, staffed 10% above the
// offered load plus one, so queues form at every peak. Deterministic.
struct Day {
  std::vector<double> calls;
  std::vector<std::int32_t> agents;
};

const Day& day() {
  static const Day d = [] {
    Day out;
    for (int q = 0; q < 96; ++q) {
      const double h = q / 4.0;
      const double per_hour = 300.0 + 4'700.0 * std::exp(-std::pow((h - 11.0) / 3.0, 2)) +
                              3'000.0 * std::exp(-std::pow((h - 16.0) / 2.5, 2));
      out.calls.push_back(per_hour / 4.0);
      const double erlangs = per_hour / 3600.0 * 240.0;
      out.agents.push_back(static_cast<std::int32_t>(std::ceil(erlangs * 1.1)) + 1);
    }
    return out;
  }();
  return d;
}

SimulationOptions day_options() {
  SimulationOptions o;
  o.aht = 240s;
  o.patience = PatienceDistribution::kExponential;
  o.mean_patience = 90s;
  o.seed = 2024;
  return o;
}

struct NaiveTotals {
  std::int64_t offered = 0, answered = 0, abandoned = 0;
  friend bool operator==(const NaiveTotals&, const NaiveTotals&) = default;
};

// The textbook event-list simulator: one priority queue of event objects.
NaiveTotals naive_simulate(const Day& d, const SimulationOptions& o) {
  enum Kind : int { kDone = 0, kStaff = 1, kAbandon = 2, kArrive = 3 };
  struct Event {
    double t;
    int kind;
    std::size_t call;
    bool operator>(const Event& e) const { return t != e.t ? t > e.t : kind > e.kind; }
  };
  const double interval_s = static_cast<double>(o.interval.count());
  const double aht_s = to_seconds(o.aht);
  const double patience_s = to_seconds(o.mean_patience);
  wfm_detail::SimRandom rng(o.seed);
  wfm_detail::ArrivalStream arrivals(d.calls.data(), d.calls.size(), interval_s);
  std::priority_queue<Event, std::vector<Event>, std::greater<>> events;
  for (std::size_t i = 1; i < d.calls.size(); ++i)
    events.push({static_cast<double>(i) * interval_s, kStaff, i});
  events.push({arrivals.next(rng), kArrive, 0});
  std::vector<std::uint8_t> waiting_flag;
  std::vector<double> handle;
  std::deque<std::size_t> queue;
  std::int64_t seats = d.agents[0], busy = 0;
  NaiveTotals t;
  auto serve = [&](double now) {
    while (busy < seats && !queue.empty()) {
      const std::size_t c = queue.front();
      queue.pop_front();
      if (!waiting_flag[c]) continue;
      waiting_flag[c] = 0;
      ++busy;
      ++t.answered;
      events.push({now + handle[c], kDone, c});
    }
  };
  while (!events.empty()) {
    const Event e = events.top();
    events.pop();
    if (e.t == HUGE_VAL) break;
    switch (e.kind) {
      case kDone:
        --busy;
        serve(e.t);
        break;
      case kStaff:
        seats = d.agents[e.call];
        serve(e.t);
        break;
      case kAbandon:
        if (waiting_flag[e.call]) {
          waiting_flag[e.call] = 0;
          ++t.abandoned;
        }
        break;
      case kArrive: {
        const std::size_t c = handle.size();
        handle.push_back(rng.exponential(aht_s));
        const double p = rng.exponential(patience_s);
        waiting_flag.push_back(1);
        ++t.offered;
        queue.push_back(c);
        serve(e.t);
        if (waiting_flag[c]) events.push({e.t + p, kAbandon, c});
        events.push({arrivals.next(rng), kArrive, 0});
        break;
      }
    }
  }
  return t;
}

NaiveTotals library_totals(const SimulationResult& r) {
  NaiveTotals t;
  for (const SimulatedInterval& s : r.intervals) {
    t.offered += s.offered;
    t.answered += s.answered;
    t.abandoned += s.abandoned;
  }
  return t;
}

void BM_Wfm_Simulate(benchmark::State& state) {
  const Day& d = day();
  const SimulationOptions o = day_options();
  std::int64_t calls = 0;
  for (auto _ : state) {
    auto r = simulate_queue(d.calls, d.agents, o);
    if (!r.ok()) {
      state.SkipWithError(r.error().to_string().c_str());
      return;
    }
    calls = library_totals(*r).offered;
    benchmark::DoNotOptimize(r->intervals.data());
  }
  state.SetItemsProcessed(state.iterations() * calls);
  state.counters["calls"] = static_cast<double>(calls);
}
BENCHMARK(BM_Wfm_Simulate)->Unit(benchmark::kMillisecond);

void BM_Wfm_SimulateNaiveEventList(benchmark::State& state) {
  const Day& d = day();
  const SimulationOptions o = day_options();
  auto lib = simulate_queue(d.calls, d.agents, o);
  const NaiveTotals expect = lib.ok() ? library_totals(*lib) : NaiveTotals{};
  if (!(naive_simulate(d, o) == expect)) {
    state.SkipWithError("naive and library simulations disagree");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(naive_simulate(d, o));
  state.SetItemsProcessed(state.iterations() * expect.offered);
  state.counters["calls"] = static_cast<double>(expect.offered);
}
BENCHMARK(BM_Wfm_SimulateNaiveEventList)->Unit(benchmark::kMillisecond);

void BM_Wfm_SimulateRecordingContacts(benchmark::State& state) {
  const Day& d = day();
  SimulationOptions o = day_options();
  o.record_contacts = true;
  std::int64_t calls = 0;
  for (auto _ : state) {
    auto r = simulate_queue(d.calls, d.agents, o);
    calls = static_cast<std::int64_t>(r->contacts.size());
    benchmark::DoNotOptimize(r->contacts.offered_ms.data());
  }
  state.SetItemsProcessed(state.iterations() * calls);
}
BENCHMARK(BM_Wfm_SimulateRecordingContacts)->Unit(benchmark::kMillisecond);

// ------------------------------------------------------------ shift planning

// A week of quarter hours from Monday 00:00: a centre open 07:00-22:00 with
// a late-morning and an afternoon peak (up to ~60 agents), weekends at 60%.
std::vector<std::int32_t> week_requirement() {
  std::vector<std::int32_t> req(672, 0);
  for (int day_index = 0; day_index < 7; ++day_index) {
    const double scale = day_index >= 5 ? 0.6 : 1.0;
    for (int q = 28; q < 88; ++q) {
      const double h = q / 4.0;
      const double shape = 6.0 + 35.0 * std::exp(-std::pow((h - 11.0) / 2.0, 2)) +
                           25.0 * std::exp(-std::pow((h - 15.5) / 2.5, 2));
      req[static_cast<std::size_t>(day_index * 96 + q)] =
          static_cast<std::int32_t>(std::lround(scale * shape));
    }
  }
  return req;
}

std::vector<ShiftType> week_shift_types() {
  auto starts = [](int first_q, int last_q, int step) {
    std::vector<std::int32_t> s;
    for (int day_index = 0; day_index < 7; ++day_index)
      for (int q = first_q; q <= last_q; q += step) s.push_back(day_index * 96 + q);
    return s;
  };
  return {
      ShiftType{"8h", starts(26, 56, 2), 34, 2, 12, 20, false},  // 8 h paid + 30 min break
      ShiftType{"6h", starts(28, 64, 2), 25, 1, 8, 14, false},   // 6 h paid + 15 min break
      ShiftType{"4h", starts(28, 72, 4), 16, 0, 0, 0, false},    // 4 h, no break
  };
}

ShiftPlanOptions week_options() {
  ShiftPlanOptions o;
  o.interval = 900s;
  o.time_limit = 120s;
  return o;
}

void BM_Wfm_ShiftPlanWeek(benchmark::State& state) {
  const auto req = week_requirement();
  const auto types = week_shift_types();
  const ShiftPlanOptions o = week_options();
  double paid = 0.0;
  std::int64_t patterns = 0;
  for (auto _ : state) {
    auto p = plan_shifts(req, types, o);
    if (!p.ok()) {
      state.SkipWithError(p.error().to_string().c_str());
      return;
    }
    paid = p->paid_hours;
    patterns = p->patterns;
    if (p->status != ShiftPlanStatus::kOptimal) state.counters["time_limit_hit"] = 1;
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(req.size()));
  state.counters["paid_hours"] = paid;
  state.counters["patterns"] = static_cast<double>(patterns);
}
BENCHMARK(BM_Wfm_ShiftPlanWeek)->Unit(benchmark::kMillisecond)->Iterations(3);

// Greedy baseline: add one agent to the pattern with the most still-
// uncovered agent-quarters per paid quarter until everything is covered.
double greedy_paid_hours(std::span<const std::int32_t> req, const std::vector<ShiftPattern>& pats,
                         double hours_per_interval) {
  std::vector<std::int32_t> left(req.begin(), req.end());
  std::int64_t paid = 0;
  for (;;) {
    double best = 0.0;
    std::size_t pick = pats.size();
    for (std::size_t j = 0; j < pats.size(); ++j) {
      std::int32_t gain = 0;
      for (std::int32_t i : pats[j].covered) gain += left[static_cast<std::size_t>(i)] > 0 ? 1 : 0;
      const double score = static_cast<double>(gain) / pats[j].paid_intervals;
      if (score > best) best = score, pick = j;
    }
    if (pick == pats.size()) break;
    for (std::int32_t i : pats[pick].covered) --left[static_cast<std::size_t>(i)];
    paid += pats[pick].paid_intervals;
  }
  return static_cast<double>(paid) * hours_per_interval;
}

void BM_Wfm_ShiftPlanWeekGreedy(benchmark::State& state) {
  const auto req = week_requirement();
  const auto types = week_shift_types();
  const ShiftPlanOptions o = week_options();
  auto pats = expand_shift_patterns(types, static_cast<std::int32_t>(req.size()), o);
  const auto t0 = std::chrono::steady_clock::now();
  auto optimal = plan_shifts(req, types, o);
  const double cbc_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!pats.ok() || !optimal.ok()) {
    state.SkipWithError("setup failed");
    return;
  }
  double paid = 0.0;
  for (auto _ : state) paid = greedy_paid_hours(req, *pats, 0.25);
  const auto t1 = std::chrono::steady_clock::now();
  const int reps = 5;
  for (int k = 0; k < reps; ++k) benchmark::DoNotOptimize(greedy_paid_hours(req, *pats, 0.25));
  const double greedy_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count() / reps;
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(req.size()));
  state.counters["paid_hours"] = paid;
  state.counters["optimal_paid_hours"] = optimal->paid_hours;
  state.counters["gap_pct"] = 100.0 * (paid - optimal->paid_hours) / optimal->paid_hours;
  state.counters["time_ratio_cbc_over_greedy"] = cbc_s / greedy_s;
}
BENCHMARK(BM_Wfm_ShiftPlanWeekGreedy)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
