// QA report throughput: score 1M evaluations of a 10-criterion scorecard and
// aggregate them by agent x local week in America/New_York.
// BM_Workflow_QaReport is the library (scorecard compiled to lookup tables,
// flat hash grouping, cached zone offsets); its baseline is the
// straightforward version on the same columns: the scale switched on per
// answer, the local week computed per row through the zone, and groups in a
// std::map. After the run the binary prints baseline time / library time.

#include <backoffice/workflow/qa_report.hpp>

#include <benchmark/benchmark.h>

#include "bench_size.hpp"
#include "ratio_reporter.hpp"

#include <map>
#include <random>
#include <string>

using namespace backoffice;

namespace {

constexpr std::uint64_t kSeed = 20261126;
const std::size_t kRows = bench::size_from_env("BACKOFFICE_QA_BENCH_ROWS", 1'000'000);

const Scorecard& scorecard() {
  static const Scorecard s = [] {
    std::vector<QaSection> sections(3);
    const QaScale scales[] = {QaScale::kYesNo, QaScale::kYesNoNa, QaScale::kOneToFive, QaScale::kOneToFiveNa};
    for (int c = 0; c < 10; ++c) {
      QaCriterion k{"c" + std::to_string(c), "", 5.0 + c, scales[c % 4], c == 0, c == 0 || c == 5};
      sections[static_cast<std::size_t>(c % 3)].name = "s" + std::to_string(c % 3);
      sections[static_cast<std::size_t>(c % 3)].criteria.push_back(k);
    }
    return Scorecard::create(ScorecardId(1), "bench", sections).value();
  }();
  return s;
}

struct Data {
  std::vector<std::int64_t> agent, at;
  std::vector<std::int8_t> answers;
};

// 500 agents over 26 weeks from 2024-01-01 (crossing the March DST change).
const Data& data() {
  static const Data d = [] {
    Data out;
    const Scorecard& s = scorecard();
    std::mt19937_64 rng(kSeed);
    out.agent.resize(kRows);
    out.at.resize(kRows);
    out.answers.resize(kRows * s.criterion_count());
    for (std::size_t i = 0; i < kRows; ++i) {
      out.agent[i] = static_cast<std::int64_t>(rng() % 500) + 1;
      out.at[i] = 1'704'067'200'000 + static_cast<std::int64_t>(rng() % (26ULL * 7 * 86'400'000));
      for (std::size_t c = 0; c < s.criterion_count(); ++c) {
        const QaScale scale = s.criterion(c).scale;
        std::int8_t a = is_rating(scale) ? static_cast<std::int8_t>(1 + rng() % 5)
                                         : static_cast<std::int8_t>(rng() % 20 != 0);
        if (allows_na(scale) && rng() % 10 == 0) a = kQaNa;
        out.answers[i * s.criterion_count() + c] = a;
      }
    }
    return out;
  }();
  return d;
}

const TimeZone& new_york() {
  static const TimeZone z = TimeZone::locate("America/New_York").value();
  return z;
}

void BM_Workflow_QaReport(benchmark::State& state) {
  const Data& d = data();
  QaReportOptions o;
  o.zone = new_york();
  std::size_t groups = 0;
  for (auto _ : state) {
    auto t = qa_report({d.agent, d.at, d.answers}, scorecard(), o);
    groups = t->row_count();
    benchmark::DoNotOptimize(t);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kRows));
  state.counters["groups"] = static_cast<double>(groups);
}

void BM_Workflow_QaReportNaiveBaseline(benchmark::State& state) {
  const Data& d = data();
  const Scorecard& s = scorecard();
  const std::size_t k = s.criterion_count();
  struct Group {
    std::int64_t n = 0, failed = 0, passed = 0, applicable = 0;
    double points = 0, reported = 0, possible = 0;
  };
  std::size_t groups = 0;
  for (auto _ : state) {
    std::map<std::pair<std::int64_t, std::int64_t>, Group> by;
    for (std::size_t i = 0; i < kRows; ++i) {
      double points = 0, possible = 0;
      bool failed = false;
      std::int64_t passed = 0, applicable = 0;
      for (std::size_t c = 0; c < k; ++c) {
        const QaCriterion& q = s.criterion(c);
        const std::int8_t a = d.answers[i * k + c];
        if (a == kQaNa) continue;
        const double fraction = is_rating(q.scale) ? (a - 1) / 4.0 : (a == kQaYes ? 1.0 : 0.0);
        points += q.weight * fraction;
        possible += q.weight;
        failed = failed || (q.critical && fraction == 0.0);
        if (q.compliance) passed += fraction == 1.0, applicable += 1;
      }
      const LocalDate day = new_york().to_local(Instant::from_unix_ms(d.at[i])).date();
      const LocalDate monday = day.plus_days(1 - day.iso_weekday());
      Group& g = by[{d.agent[i], monday.days_since_epoch()}];
      g.n += 1;
      g.failed += failed;
      g.passed += passed;
      g.applicable += applicable;
      g.points += points;
      g.reported += failed ? 0.0 : points;
      g.possible += possible;
    }
    groups = by.size();
    benchmark::DoNotOptimize(by);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kRows));
  state.counters["groups"] = static_cast<double>(groups);
}

BENCHMARK(BM_Workflow_QaReportNaiveBaseline)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Workflow_QaReport)->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace

int main(int argc, char** argv) {
  return backoffice::bench::run_with_ratios(argc, argv,
                                            {{"BM_Workflow_QaReport", "BM_Workflow_QaReportNaiveBaseline"}});
}
