// SLA evaluation throughput. BM_Workflow_CaseSla evaluates both SLA clocks
// (elapsed, remaining, due instant, at risk, breached) of 100k cases with
// 2-6 history entries each on a New York calendar with weekends, a Saturday
// morning and holidays, at one `now`. Its baseline is the obvious version:
// walk each case's life minute by minute, asking the calendar whether it is
// open and the history which status is in force (it computes only the
// elapsed times, so it does strictly less work). The ratio printed at the
// end compares cases per second.

#include <backoffice/workflow/case_sla.hpp>

#include <benchmark/benchmark.h>

#include "bench_size.hpp"
#include "ratio_reporter.hpp"

#include <cstdio>
#include <random>
#include <vector>

using namespace backoffice;
using namespace std::chrono_literals;

namespace {

constexpr std::uint64_t kSeed = 20261126;
const std::size_t kCases = bench::size_from_env("BACKOFFICE_CASES_BENCH_CASES", 100'000);
// The minute walk is ~1000x slower; a smaller sample keeps its run short.
constexpr std::size_t kNaiveCases = 200;

const Instant kNow = Instant::parse("2024-11-08T17:00:00Z").value();  // spans the 2024-11-03 fall-back

const BusinessCalendar& calendar() {
  static const BusinessCalendar cal =
      BusinessCalendar::parse("Mon-Fri 08:00-18:00; Sat 09:00-13:00; 2024-11-05 closed; 2024-11-11 closed",
                              TimeZone::locate("America/New_York").value())
          .value();
  return cal;
}

// Cases created in the 7 days before kNow; each is opened, may wait on the
// customer or a third party, may be escalated, and about half are resolved.
const std::vector<CaseWorkflow>& cases() {
  static const std::vector<CaseWorkflow> all = [] {
    std::mt19937_64 rng(kSeed);
    std::vector<CaseWorkflow> out;
    out.reserve(kCases);
    constexpr std::int64_t kWeekMs = 7LL * 24 * 3600 * 1000;
    for (std::size_t i = 0; i < kCases; ++i) {
      Case c;
      c.id = CaseId(static_cast<std::int64_t>(i) + 1);
      c.subject = "case";
      c.priority = kAllCasePriorities[rng() % 4];
      c.created_at = kNow - std::chrono::milliseconds(static_cast<std::int64_t>(rng() % kWeekMs));
      c.updated_at = c.created_at;
      auto w = CaseWorkflow::start(c).value();
      Instant t = c.created_at;
      const auto step = [&] {
        t += std::chrono::minutes(static_cast<std::int64_t>(rng() % 600));
        return t < kNow;
      };
      if (step()) (void)w.transition(CaseStatus::kOpen, t, "agent", "");
      if (step()) (void)w.record_first_response(t, "agent");
      if (rng() % 2 == 0 && step()) {
        (void)w.transition(rng() % 2 ? CaseStatus::kPendingCustomer : CaseStatus::kPendingThirdParty, t, "agent", "");
        if (step()) (void)w.transition(CaseStatus::kOpen, t, "agent", "");
      }
      if (rng() % 4 == 0 && step()) (void)w.escalate(t, "system", "");
      if (rng() % 2 == 0 && step()) (void)w.transition(CaseStatus::kResolved, t, "agent", "");
      out.push_back(std::move(w));
    }
    return out;
  }();
  return all;
}

void BM_Workflow_CaseSla(benchmark::State& state) {
  const auto& all = cases();
  const auto policy = SlaPolicy::standard();
  std::size_t breached = 0;
  for (auto _ : state) {
    breached = 0;
    for (const auto& w : all) {
      auto s = evaluate_sla(w, policy, calendar(), kNow);
      breached += s->resolution.breached ? 1 : 0;
      benchmark::DoNotOptimize(s);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * all.size()));
  state.counters["cases"] = static_cast<double>(all.size());
  state.counters["breached"] = static_cast<double>(breached);
  state.counters["cases_per_s"] =
      benchmark::Counter(static_cast<double>(all.size()), benchmark::Counter::kIsIterationInvariantRate);
}

// Elapsed business minutes of one clock, one calendar lookup per minute.
Milliseconds naive_elapsed(const CaseWorkflow& w, const SlaPolicy& policy, std::optional<Instant> stop) {
  const auto history = w.history();
  std::size_t next = 0;
  CaseStatus status = w.initial_status();
  const Instant end = stop && *stop < kNow ? *stop : kNow;
  Milliseconds elapsed{0};
  for (Instant t = w.record().created_at; t < end; t += 1min) {
    while (next < history.size() && history[next].at <= t) status = history[next++].to;
    const bool counts = !policy.pauses(status) && status != CaseStatus::kResolved && status != CaseStatus::kClosed;
    if (counts && calendar().is_open(t)) elapsed += 1min;
  }
  return elapsed;
}

void BM_Workflow_CaseSlaMinuteWalkBaseline(benchmark::State& state) {
  const auto& all = cases();
  const auto policy = SlaPolicy::standard();
  const std::size_t n = std::min(kNaiveCases, all.size());
  for (auto _ : state) {
    for (std::size_t i = 0; i < n; ++i) {
      const auto& w = all[i];
      const auto goals = policy.for_priority(w.record().priority);
      const Milliseconds response = naive_elapsed(w, policy, w.record().first_response_at);
      const Milliseconds resolution = naive_elapsed(w, policy, std::nullopt);
      const bool breached = resolution >= goals.resolution || response >= goals.first_response;
      benchmark::DoNotOptimize(breached);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
  state.counters["cases"] = static_cast<double>(n);
  state.counters["cases_per_s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate);
}

}  // namespace

BENCHMARK(BM_Workflow_CaseSlaMinuteWalkBaseline)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Workflow_CaseSla)->Unit(benchmark::kMillisecond)->MinTime(1.0);

int main(int argc, char** argv) {
  return backoffice::bench::run_with_ratios(argc, argv,
                                            {{"BM_Workflow_CaseSla", "BM_Workflow_CaseSlaMinuteWalkBaseline"}});
}
