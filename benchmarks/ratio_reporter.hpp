#pragma once

// One main() for benchmarks that run a library function beside its baseline
// in the same binary. The runs are reported as usual (console, or JSON/CSV
// with --benchmark_format); afterwards a line per pair
//   ratio <library> vs <baseline>: 5.1x
// goes to stderr, so machine-readable stdout stays untouched. The ratio is
// of throughput: the run's items_per_second or bytes_per_second counter,
// else 1 / CPU time per iteration; with repetitions, of their mean.

#include <benchmark/benchmark.h>

#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace backoffice::bench {

// Benchmarks by function name ("BM_Kpi_Fcr"), without arguments or options.
struct RatioPair {
  std::string library;
  std::string baseline;
};

// Throughput per benchmark function name, for an epilogue's own summary.
using Rates = std::map<std::string, double>;

class RatioReporter : public benchmark::BenchmarkReporter {
 public:
  RatioReporter(benchmark::BenchmarkReporter& inner, std::vector<RatioPair> pairs,
                std::function<void(const Rates&)> epilogue)
      : inner_(inner), pairs_(std::move(pairs)), epilogue_(std::move(epilogue)) {}

  bool ReportContext(const Context& context) override { return inner_.ReportContext(context); }

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& r : runs) {
      if (r.run_type == Run::RT_Aggregate && r.aggregate_name != "mean") continue;
      rates_[r.run_name.function_name] = rate_of(r);
    }
    inner_.ReportRuns(runs);
  }

  void Finalize() override {
    inner_.Finalize();
    for (const auto& p : pairs_) {
      const auto lib = rates_.find(p.library);
      const auto base = rates_.find(p.baseline);
      if (lib != rates_.end() && base != rates_.end() && base->second > 0) {
        std::fprintf(stderr, "ratio %s vs %s: %.1fx\n", p.library.c_str(), p.baseline.c_str(),
                     lib->second / base->second);
      }
    }
    if (epilogue_) epilogue_(rates_);
  }

 private:
  static double rate_of(const Run& r) {
    for (const char* name : {"items_per_second", "bytes_per_second"}) {
      if (const auto it = r.counters.find(name); it != r.counters.end()) return it->second.value;
    }
    const double t = r.GetAdjustedCPUTime();
    return t > 0 ? 1.0 / t : 0.0;
  }

  benchmark::BenchmarkReporter& inner_;
  std::vector<RatioPair> pairs_;
  std::function<void(const Rates&)> epilogue_;
  Rates rates_;
};

// Initializes Google Benchmark from the command line, runs the selected
// benchmarks through a RatioReporter over the default display reporter and
// returns main()'s exit code.
inline int run_with_ratios(int argc, char** argv, std::vector<RatioPair> pairs,
                           std::function<void(const Rates&)> epilogue = {}) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  std::unique_ptr<benchmark::BenchmarkReporter> display(benchmark::CreateDefaultDisplayReporter());
  RatioReporter reporter(*display, std::move(pairs), std::move(epilogue));
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}

}  // namespace backoffice::bench
