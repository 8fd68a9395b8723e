// PII masking throughput over a seeded corpus of contact notes, RE2 (the
// library) beside a std::regex baseline running the same pattern and the same
// validators. The baseline has no phone matching; compare it with the
// library's phones-off run. The ratios are printed after the runs. Phones
// run twice: PhoneCheck::kFast (the default) and kValid (libphonenumber's
// Parse + IsValidNumber on every candidate).
#include <backoffice/compliance/pii.hpp>
#include <backoffice/compliance/pii_checks.hpp>

#include <benchmark/benchmark.h>

#include "ratio_reporter.hpp"
#include <fmt/format.h>

#include <array>
#include <random>
#include <regex>
#include <string>
#include <vector>

namespace {

using namespace backoffice;

constexpr std::uint64_t kSeed = 20240311;
constexpr int kNotes = 4000;

// Notes of 2-5 plain sentences; about one in three carries one or two
// pieces of PII (card, e-mail, phone, IBAN or SSN) between sentences.
std::vector<std::string> make_corpus() {
  static constexpr std::array<std::string_view, 12> kPlain{
      "Customer called about a late delivery and asked for tracking details.",
      "Agent explained the refund policy and the 14-day return window.",
      "Order 123456 was shipped on 2024-03-01 via the standard courier.",
      "Wants the delivery address changed to the new flat from next week.",
      "Escalated to tier 2, ticket 88213, awaiting the billing team.",
      "Customer unhappy with the wait; offered a 10% voucher, accepted.",
      "Checked the account, two invoices open, total 149.90 EUR.",
      "Promised a call back tomorrow between 09:00 and 11:00.",
      "Password reset done, customer confirmed access to the portal.",
      "Asked about the premium plan; sent the brochure by post.",
      "Duplicate charge on the last statement, refund raised.",
      "No further action needed, case can be closed.",
  };
  static constexpr std::array<std::string_view, 4> kCards{"4111111111111111", "5500005555555559",
                                                          "378282246310005", "4012888888881881"};
  static constexpr std::array<std::string_view, 2> kIbans{"GB82 WEST 1234 5698 7654 32",
                                                          "DE89 3704 0044 0532 0130 00"};
  static constexpr std::array<std::string_view, 6> kNames{"jane", "omar", "li", "maria", "sam", "ana"};
  std::mt19937_64 rng(kSeed);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  auto pii = [&]() -> std::string {
    switch (pick(5)) {
      case 0: {
        std::string card(kCards[pick(kCards.size())]);
        if (pick(2) == 0 && card.size() == 16) {
          card = fmt::format("{} {} {} {}", card.substr(0, 4), card.substr(4, 4), card.substr(8, 4),
                             card.substr(12));
        }
        return "Paid with card " + card + ".";
      }
      case 1:
        return fmt::format("Reply to {}.{}{}@example.com please.", kNames[pick(6)], kNames[pick(6)],
                           pick(100));
      case 2:
        return pick(2) ? fmt::format("Call back on (202) 456-{:04}.", pick(10000))
                       : fmt::format("Reachable on +44 20 7946 0{:03}.", pick(1000));
      case 3:
        return fmt::format("Refund to IBAN {}.", kIbans[pick(2)]);
      default:
        return fmt::format("SSN given: {:03}-{:02}-{:04}.", 100 + pick(500), 1 + pick(98), 1 + pick(9998));
    }
  };
  std::vector<std::string> notes;
  notes.reserve(kNotes);
  for (int i = 0; i < kNotes; ++i) {
    std::string note;
    const auto sentences = 2 + pick(4);
    const bool with_pii = pick(3) == 0;
    for (std::size_t s = 0; s < sentences; ++s) {
      if (!note.empty()) note += ' ';
      note += kPlain[pick(kPlain.size())];
      if (with_pii && pick(2) == 0) note += ' ' + pii();
    }
    if (with_pii) note += ' ' + pii();
    notes.push_back(std::move(note));
  }
  return notes;
}

const std::vector<std::string>& corpus() {
  static const auto notes = make_corpus();
  return notes;
}

std::int64_t corpus_bytes() {
  std::int64_t n = 0;
  for (const auto& s : corpus()) n += static_cast<std::int64_t>(s.size());
  return n;
}

void run_masker(benchmark::State& state, bool phones, PhoneCheck check = PhoneCheck::kFast) {
  MaskOptions options;
  options.phones = phones;
  options.phone_check = check;
  const auto masker = PiiMasker::create(options).value();
  std::string out;
  std::int64_t found = 0;
  for (auto _ : state) {
    for (const auto& note : corpus()) found += masker.mask_into(note, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(state.iterations() * corpus_bytes());
  state.counters["spans_per_pass"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}

void BM_Compliance_MaskPii_NoPhones(benchmark::State& state) { run_masker(state, false); }
void BM_Compliance_MaskPii_WithPhones(benchmark::State& state) { run_masker(state, true); }
void BM_Compliance_MaskPii_WithPhonesValid(benchmark::State& state) {
  run_masker(state, true, PhoneCheck::kValid);
}

// The baseline: the library's pattern (phones off) under std::regex, with the
// same validators and the same output building.
void BM_Compliance_MaskPii_StdRegexBaseline(benchmark::State& state) {
  const std::regex re(R"(([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}))"
                      R"(|\b([A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30})\b)"
                      R"(|\b([0-9]{3}-[0-9]{2}-[0-9]{4})\b)"
                      R"(|\b([0-9](?:[ \-]?[0-9]){12,18})\b)");
  std::string out;
  std::int64_t found = 0;
  for (auto _ : state) {
    for (const auto& note : corpus()) {
      out.clear();
      auto copied = note.begin();
      for (std::sregex_iterator it(note.begin(), note.end(), re), end; it != end; ++it) {
        const auto& m = *it;
        const auto text = std::string_view(&*m[0].first, static_cast<std::size_t>(m.length(0)));
        bool ok = false;
        const char* tag = "";
        if (m[1].matched) {
          ok = true;
          tag = "[EMAIL]";
        } else if (m[2].matched) {
          ok = iban_valid(text);
          tag = "[IBAN]";
        } else if (m[3].matched) {
          ok = ssn_valid(text);
          tag = "[SSN]";
        } else if (m[4].matched) {
          ok = luhn_valid(text);
          tag = "[CARD]";
        }
        if (!ok) continue;
        out.append(copied, m[0].first);
        out += tag;
        copied = m[0].second;
        ++found;
      }
      out.append(copied, note.end());
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus_bytes());
  state.counters["spans_per_pass"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}

BENCHMARK(BM_Compliance_MaskPii_NoPhones)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Compliance_MaskPii_WithPhones)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Compliance_MaskPii_WithPhonesValid)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Compliance_MaskPii_StdRegexBaseline)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  return backoffice::bench::run_with_ratios(
      argc, argv,
      {{"BM_Compliance_MaskPii_NoPhones", "BM_Compliance_MaskPii_StdRegexBaseline"},
       {"BM_Compliance_MaskPii_WithPhones", "BM_Compliance_MaskPii_StdRegexBaseline"}},
      [](const backoffice::bench::Rates& rates) {
        auto mb_s = [&](const char* name) {
          const auto it = rates.find(name);
          return it == rates.end() ? 0.0 : it->second / 1e6;
        };
        std::fprintf(stderr, "corpus: %zu notes, %zu bytes (seed %llu)\n", corpus().size(),
                     static_cast<std::size_t>(corpus_bytes()), static_cast<unsigned long long>(kSeed));
        std::fprintf(stderr,
                     "RE2 no phones %.1f MB/s, with phones (fast) %.1f MB/s, with phones (valid) %.1f MB/s, "
                     "std::regex %.1f MB/s\n",
                     mb_s("BM_Compliance_MaskPii_NoPhones"), mb_s("BM_Compliance_MaskPii_WithPhones"),
                     mb_s("BM_Compliance_MaskPii_WithPhonesValid"), mb_s("BM_Compliance_MaskPii_StdRegexBaseline"));
      });
}
