// Core benchmarks: business-time arithmetic against a minute-by-minute
// baseline, and ISO-8601 parsing against date::parse through an istream.
// All inputs come from fixed seeds, so runs are comparable.

#include <backoffice/core/business_calendar.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/time_zone.hpp>

#include <benchmark/benchmark.h>
// date::parse's seconds field trips a false -Wmaybe-uninitialized at -O3
// once inlined here; the warning belongs to the third-party header.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <date/date.h>
#pragma GCC diagnostic pop
#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

using backoffice::BusinessCalendar;
using backoffice::Instant;
using backoffice::Milliseconds;
using namespace std::chrono_literals;

constexpr std::uint64_t kSeed = 20240310;
constexpr std::size_t kSpans = 256;

const BusinessCalendar& office() {
  static const BusinessCalendar cal =
      BusinessCalendar::parse(
          "Mon-Fri 08:00-12:00, 13:00-17:30; Sat 10:00-14:00; 2024-01-01, 2024-05-27, 2024-07-04, "
          "2024-09-02, 2024-11-28, 2024-12-25 closed; 2024-12-24 09:00-13:00",
          backoffice::TimeZone::locate("America/New_York").value())
          .value();
  return cal;
}

struct Span {
  Instant from;
  Instant to;
};

// Minute-aligned starts in 2024 and lengths up to 30 days, so the minute
// stepping baseline measures the same quantity exactly.
const std::vector<Span>& spans() {
  static const std::vector<Span> data = [] {
    std::mt19937_64 rng(kSeed);
    const std::int64_t year_start = Instant::parse("2024-01-01T00:00:00Z")->unix_ms() / 60'000;
    std::uniform_int_distribution<std::int64_t> start(year_start, year_start + 335 * 24 * 60);
    std::uniform_int_distribution<std::int64_t> length(0, 30 * 24 * 60);
    std::vector<Span> out;
    for (std::size_t i = 0; i < kSpans; ++i) {
      const Instant from = Instant::from_unix_ms(start(rng) * 60'000);
      out.push_back({from, from + std::chrono::minutes(length(rng))});
    }
    return out;
  }();
  return data;
}

// Business minutes to add: up to 30 days' worth of office time (~ 6 weeks).
const std::vector<Milliseconds>& amounts() {
  static const std::vector<Milliseconds> data = [] {
    std::mt19937_64 rng(kSeed + 1);
    std::uniform_int_distribution<std::int64_t> minutes(1, 30 * 8 * 60);
    std::vector<Milliseconds> out;
    for (std::size_t i = 0; i < kSpans; ++i) out.push_back(std::chrono::minutes(minutes(rng)));
    return out;
  }();
  return data;
}

Milliseconds naive_duration(const BusinessCalendar& cal, Instant from, Instant to) {
  Milliseconds total{0};
  for (Instant t = from; t < to; t += 1min) {
    if (cal.is_open(t)) total += 1min;
  }
  return total;
}

Instant naive_add(const BusinessCalendar& cal, Instant start, Milliseconds d) {
  Instant t = start;
  while (d > 0ms) {
    if (cal.is_open(t)) d -= 1min;
    t += 1min;
  }
  return t;
}

// Both implementations must agree before either is timed.
void check_agreement() {
  static const bool checked = [] {
    const auto& cal = office();
    for (std::size_t i = 0; i < 8; ++i) {
      const auto& s = spans()[i];
      if (cal.business_duration(s.from, s.to) != naive_duration(cal, s.from, s.to) ||
          cal.add_business(s.from, amounts()[i]).value() != naive_add(cal, s.from, amounts()[i])) {
        fmt::print(stderr, "business calendar and baseline disagree on span {}\n", i);
        std::abort();
      }
    }
    return true;
  }();
  (void)checked;
}

void BM_Core_BusinessDuration(benchmark::State& state) {
  check_agreement();
  const auto& cal = office();
  const auto& data = spans();
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& s = data[i++ % data.size()];
    benchmark::DoNotOptimize(cal.business_duration(s.from, s.to));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Core_BusinessDuration);

void BM_Core_BusinessDurationNaiveMinuteStep(benchmark::State& state) {
  const auto& cal = office();
  const auto& data = spans();
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& s = data[i++ % data.size()];
    benchmark::DoNotOptimize(naive_duration(cal, s.from, s.to));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Core_BusinessDurationNaiveMinuteStep)->Unit(benchmark::kMicrosecond);

void BM_Core_AddBusiness(benchmark::State& state) {
  check_agreement();
  const auto& cal = office();
  const auto& data = spans();
  const auto& d = amounts();
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i++ % data.size();
    benchmark::DoNotOptimize(cal.add_business(data[k].from, d[k]));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Core_AddBusiness);

void BM_Core_AddBusinessNaiveMinuteStep(benchmark::State& state) {
  const auto& cal = office();
  const auto& data = spans();
  const auto& d = amounts();
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i++ % data.size();
    benchmark::DoNotOptimize(naive_add(cal, data[k].from, d[k]));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Core_AddBusinessNaiveMinuteStep)->Unit(benchmark::kMicrosecond);

// ISO-8601 timestamps with assorted offsets and fractions.
const std::vector<std::string>& timestamps() {
  static const std::vector<std::string> data = [] {
    std::mt19937_64 rng(kSeed + 2);
    std::uniform_int_distribution<std::int64_t> second(1'577'836'800, 1'893'456'000);  // 2020..2030
    std::uniform_int_distribution<int> ms(0, 999);
    std::uniform_int_distribution<int> offset_quarters(-12 * 4, 14 * 4);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < 1024; ++i) {
      const int off_min = offset_quarters(rng) * 15;
      const auto utc = date::sys_seconds(std::chrono::seconds(second(rng)));
      const auto local = utc + std::chrono::minutes(off_min);
      const int abs_min = off_min < 0 ? -off_min : off_min;
      out.push_back(date::format("%Y-%m-%dT%H:%M:%S", local) + fmt::format(".{:03}", ms(rng)) +
                    fmt::format("{}{:02}:{:02}", off_min < 0 ? '-' : '+', abs_min / 60, abs_min % 60));
    }
    return out;
  }();
  return data;
}

date::sys_time<std::chrono::milliseconds> parse_with_istream(const std::string& s) {
  std::istringstream in(s);
  date::sys_time<std::chrono::milliseconds> tp{};
  in >> date::parse("%FT%T%Ez", tp);
  return in.fail() ? date::sys_time<std::chrono::milliseconds>{} : tp;
}

// The two parsers must read every timestamp to the same instant.
void check_parsers_agree() {
  static const bool checked = [] {
    for (const std::string& s : timestamps()) {
      if (Instant::parse(s)->time_point() != parse_with_istream(s)) {
        fmt::print(stderr, "Instant::parse and date::parse disagree on {}\n", s);
        std::abort();
      }
    }
    return true;
  }();
  (void)checked;
}

void BM_Core_InstantParse(benchmark::State& state) {
  check_parsers_agree();
  const auto& data = timestamps();
  std::size_t i = 0;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    const std::string& s = data[i++ % data.size()];
    benchmark::DoNotOptimize(Instant::parse(s));
    bytes += static_cast<std::int64_t>(s.size());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_Core_InstantParse);

void BM_Core_InstantParseDateIstream(benchmark::State& state) {
  check_parsers_agree();
  const auto& data = timestamps();
  std::size_t i = 0;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    const std::string& s = data[i++ % data.size()];
    benchmark::DoNotOptimize(parse_with_istream(s));
    bytes += static_cast<std::int64_t>(s.size());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_Core_InstantParseDateIstream);

}  // namespace

BENCHMARK_MAIN();
