// Domain benchmarks: normalising contact details and validating records.
// Each library benchmark has its baseline beside it:
//  - e-mail: the same grammar checked with std::regex;
//  - phone: the bare libphonenumber calls (parse, validate, format) that
//    normalize_phone wraps, to show the wrapper's overhead;
//  - interaction validation: the same comparisons written inline with no
//    Status/Error machinery.
// Data are generated deterministically from fixed seeds.

#include <backoffice/domain/email.hpp>
#include <backoffice/domain/interaction.hpp>
#include <backoffice/domain/phone.hpp>

#include <benchmark/benchmark.h>
#include <phonenumbers/phonenumberutil.h>

#include <random>
#include <regex>
#include <string>
#include <vector>

using namespace backoffice;

namespace {

constexpr std::size_t kRows = 4096;

std::vector<std::string> make_emails() {
  std::mt19937_64 rng(1);
  static const char* const first[] = {"ada",      "Bob",     "carol.k",     "d'arcy",
                                      "eve+news", "frank_o", "Grace.Hopper"};
  static const char* const domains[] = {"Example.COM", "mail.example.co.uk", "corp.example.org",
                                        "xn--bcher-kva.example"};
  std::vector<std::string> out;
  out.reserve(kRows);
  for (std::size_t i = 0; i < kRows; ++i) {
    std::string e = std::string(first[rng() % 7]) + std::to_string(rng() % 1000) + "@" + domains[rng() % 4];
    if (i % 10 == 0) e.insert(e.find('@'), "..");  // one in ten is invalid
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<std::string> make_us_phones() {
  std::mt19937_64 rng(2);
  std::vector<std::string> out;
  out.reserve(kRows);
  for (std::size_t i = 0; i < kRows; ++i) {
    // NANP: area code and exchange start with 2-9.
    const int area = 200 + static_cast<int>(rng() % 800);
    const int exchange = 200 + static_cast<int>(rng() % 800);
    const int line = static_cast<int>(rng() % 10000);
    char buf[32];
    std::snprintf(buf, sizeof buf, "(%03d) %03d-%04d", area, exchange, line);
    out.emplace_back(buf);
  }
  return out;
}

std::vector<Interaction> make_interactions() {
  std::mt19937_64 rng(3);
  std::vector<Interaction> out;
  out.reserve(kRows);
  for (std::size_t i = 0; i < kRows; ++i) {
    Interaction x;
    x.id = InteractionId{static_cast<std::int64_t>(i)};
    x.queue = QueueId{1};
    x.offered_at = Instant::from_unix_seconds(1'700'000'000 + static_cast<std::int64_t>(i) * 30);
    const auto wait = std::chrono::seconds(rng() % 120);
    if (rng() % 10 != 0) {
      x.answered_at = x.offered_at + wait;
      x.talk_time = std::chrono::seconds(30 + rng() % 600);
      x.hold_time = std::chrono::seconds(rng() % 60);
      x.ended_at = *x.answered_at + x.talk_time + x.hold_time;
      x.wrap_up_time = std::chrono::seconds(rng() % 90);
      x.csat = 1 + static_cast<int>(rng() % 5);
    } else {
      x.ended_at = x.offered_at + wait;
    }
    out.push_back(x);
  }
  return out;
}

void BM_Domain_NormalizeEmail(benchmark::State& state) {
  const auto emails = make_emails();
  std::size_t ok = 0, bytes = 0;
  for (auto _ : state) {
    for (const auto& e : emails) {
      auto r = normalize_email(e);
      ok += r.ok();
      bytes += e.size();
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * emails.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["accepted"] = static_cast<double>(ok) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_Domain_NormalizeEmail);

// Baseline: the documented grammar as a std::regex (match only, then the
// same lower-casing), lengths not checked: it does strictly less work.
void BM_Domain_NormalizeEmail_StdRegexBaseline(benchmark::State& state) {
  const auto emails = make_emails();
  const std::regex grammar(
      R"(([A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)@)"
      R"(((([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)\.)+([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)))");
  std::size_t ok = 0, bytes = 0;
  for (auto _ : state) {
    for (const auto& e : emails) {
      std::string out;
      if (std::regex_match(e, grammar)) {
        out = e;
        for (auto i = out.find('@'); i < out.size(); ++i) {
          if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] - 'A' + 'a');
        }
        ++ok;
      }
      bytes += e.size();
      benchmark::DoNotOptimize(out);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * emails.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["accepted"] = static_cast<double>(ok) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_Domain_NormalizeEmail_StdRegexBaseline);

void BM_Domain_NormalizePhone(benchmark::State& state) {
  const auto phones = make_us_phones();
  std::size_t ok = 0;
  for (auto _ : state) {
    for (const auto& p : phones) {
      auto r = normalize_phone(p, "US");
      ok += r.ok();
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * phones.size()));
  state.counters["accepted"] = static_cast<double>(ok) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_Domain_NormalizePhone);

void BM_Domain_NormalizePhone_RawLibphonenumberBaseline(benchmark::State& state) {
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
  const auto phones = make_us_phones();
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  std::size_t ok = 0;
  for (auto _ : state) {
    for (const auto& p : phones) {
      PhoneNumber n;
      std::string out;
      if (util.Parse(p, "US", &n) == PhoneNumberUtil::NO_PARSING_ERROR && util.IsValidNumber(n)) {
        util.Format(n, PhoneNumberUtil::E164, &out);
        ++ok;
      }
      benchmark::DoNotOptimize(out);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * phones.size()));
  state.counters["accepted"] = static_cast<double>(ok) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_Domain_NormalizePhone_RawLibphonenumberBaseline);

void BM_Domain_ValidateInteraction(benchmark::State& state) {
  const auto rows = make_interactions();
  std::size_t ok = 0;
  for (auto _ : state) {
    for (const auto& x : rows) ok += x.validate().ok();
    benchmark::DoNotOptimize(ok);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * rows.size()));
}
BENCHMARK(BM_Domain_ValidateInteraction);

// Baseline: the same invariants as bare comparisons returning bool.
void BM_Domain_ValidateInteraction_InlineChecksBaseline(benchmark::State& state) {
  const auto rows = make_interactions();
  std::size_t ok = 0;
  for (auto _ : state) {
    for (const auto& x : rows) {
      const auto zero = std::chrono::milliseconds::zero();
      bool good = x.talk_time >= zero && x.hold_time >= zero && x.wrap_up_time >= zero;
      if (x.answered_at) {
        good = good && *x.answered_at >= x.offered_at && x.ended_at >= *x.answered_at &&
               x.talk_time + x.hold_time <= x.ended_at - *x.answered_at;
      } else {
        good = good && x.ended_at >= x.offered_at && x.talk_time == zero && x.hold_time == zero;
      }
      good = good && (!x.csat || (*x.csat >= 1 && *x.csat <= 5)) && (!x.nps || (*x.nps >= 0 && *x.nps <= 10));
      good = good && (!x.external_id || !x.external_id->empty());
      ok += good;
    }
    benchmark::DoNotOptimize(ok);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * rows.size()));
}
BENCHMARK(BM_Domain_ValidateInteraction_InlineChecksBaseline);

}  // namespace

BENCHMARK_MAIN();
