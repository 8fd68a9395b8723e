// fcr_states() against the definition applied by brute force (every pair of
// rows), over each of its paths: time-ordered or shuffled input, dense or
// sparse customer ids, with and without reason matching, with ties in offered
// time (the later row in the input is the later contact).

#include <backoffice/kpi/fcr.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

using namespace backoffice;

namespace {

constexpr std::int64_t kHourMs = 3'600'000;

struct Config {
  bool shuffled;
  bool sparse_ids;
  bool match_reason;
  std::int64_t window_ms;
  bool negative_reasons = false;  // a caller's own coding: takes the reason-keyed hash table
};

InteractionColumns random_contacts(std::uint64_t seed, const Config& config, std::size_t n) {
  std::mt19937_64 rng(seed);
  std::vector<std::int64_t> offered(n);
  std::int64_t t = 1'700'000'000'000;
  for (auto& o : offered) {
    t += rng() % 3 == 0 ? 0
                        : static_cast<std::int64_t>(rng() % (2 * kHourMs));  // a third tie with the previous
    o = t;
  }
  if (config.shuffled) std::shuffle(offered.begin(), offered.end(), rng);
  InteractionColumns c;
  for (const char* r : {"a", "b", "c", "d"}) (void)c.reasons.code(r);
  for (std::size_t i = 0; i < n; ++i) {
    const bool answered = rng() % 5 != 0;
    const auto customer = static_cast<std::int64_t>(rng() % 60);
    c.id.push_back(static_cast<std::int64_t>(i));
    c.channel.push_back(0);
    c.direction.push_back(0);
    c.queue_id.push_back(1);
    // Sparse: ids far apart and negative ones among them.
    c.customer_id.push_back(rng() % 10 == 0     ? kNullInt64
                            : config.sparse_ids ? (customer - 30) * 1'000'000'000'007
                                                : customer + 1);
    c.agent_id.push_back(kNullInt64);
    c.offered_ms.push_back(offered[i]);
    c.answered_ms.push_back(answered ? offered[i] + 1000 : kNullInt64);
    c.ended_ms.push_back(offered[i] + 2000);
    c.talk_ms.push_back(0);
    c.hold_ms.push_back(0);
    c.wrap_ms.push_back(0);
    c.transferred.push_back(0);
    c.resolved.push_back(-1);
    c.csat.push_back(0);
    c.nps.push_back(-1);
    c.reason.push_back(static_cast<std::int32_t>(rng() % 4) - (config.negative_reasons ? 2 : 0));
    c.disposition.push_back(0);
  }
  return c;
}

std::vector<FcrState> brute_force(const InteractionColumns& c, const FcrOptions& o) {
  const std::size_t n = c.size();
  const std::int64_t as_of =
      o.as_of ? o.as_of->unix_ms() : *std::max_element(c.offered_ms.begin(), c.offered_ms.end());
  const std::int64_t window = o.window.count();
  std::vector<FcrState> out(n, FcrState::kNotJudged);
  for (std::size_t i = 0; i < n; ++i) {
    if (c.answered_ms[i] == kNullInt64 || c.customer_id[i] == kNullInt64) continue;
    bool repeat = false;
    for (std::size_t j = 0; j < n && !repeat; ++j) {
      const bool later = c.offered_ms[j] > c.offered_ms[i] || (c.offered_ms[j] == c.offered_ms[i] && j > i);
      repeat = later && c.customer_id[j] == c.customer_id[i] && c.offered_ms[j] - c.offered_ms[i] <= window &&
               (!o.match_reason || c.reason[j] == c.reason[i]);
    }
    out[i] = repeat ? FcrState::kRepeat
                    : (c.offered_ms[i] + window > as_of ? FcrState::kPending : FcrState::kResolved);
  }
  return out;
}

}  // namespace

TEST(FcrReference, EveryPathAgreesWithTheDefinitionByBruteForce) {
  std::vector<Config> configs;
  for (const bool shuffled : {false, true}) {
    for (const bool sparse : {false, true}) {
      for (const bool match_reason : {false, true}) {
        for (const std::int64_t window : {12 * kHourMs, 7 * 24 * kHourMs}) {
          configs.push_back({shuffled, sparse, match_reason, window});
        }
      }
    }
  }
  for (const bool sparse : {false, true}) configs.push_back({false, sparse, true, 12 * kHourMs, true});
  std::uint64_t seed = 1;
  for (const Config& config : configs) {
    const auto cols = random_contacts(seed++, config, 1500);
    FcrOptions options{.window = std::chrono::milliseconds(config.window_ms), .match_reason = config.match_reason};
    if (config.window_ms > 12 * kHourMs) options.as_of = Instant::from_unix_ms(cols.offered_ms[700] + 100 * kHourMs);
    const auto want = brute_force(cols, options);
    const auto got = fcr_states(InteractionView::of(cols), options);
    const auto judged =
        std::count_if(want.begin(), want.end(), [](FcrState s) { return s != FcrState::kNotJudged; });
    const auto repeats = std::count(want.begin(), want.end(), FcrState::kRepeat);
    ASSERT_GT(repeats, 50);
    ASSERT_GT(judged - repeats, 50);
    for (std::size_t i = 0; i < cols.size(); ++i) {
      ASSERT_EQ(static_cast<int>(got[i]), static_cast<int>(want[i]))
          << "row " << i << (config.shuffled ? ", shuffled" : ", time-ordered")
          << (config.sparse_ids ? ", sparse ids" : ", dense ids") << (config.match_reason ? ", matching reasons" : "")
          << (config.negative_reasons ? " (negative codes)" : "") << ", window " << config.window_ms << " ms";
    }
  }
}

// More distinct sparse customers than the hash table is presized for, so it
// grows while judging: the states must equal those of the same customers
// under dense ids (renaming customers one-to-one cannot change FCR).
TEST(FcrReference, AGrowingHashTableGivesTheStatesOfTheDenseArray) {
  constexpr std::size_t kRows = 1'300'000;
  std::mt19937_64 rng(42);
  InteractionColumns c;
  c.offered_ms.resize(kRows);
  c.answered_ms.resize(kRows);
  c.customer_id.resize(kRows);
  c.reason.assign(kRows, 0);
  std::int64_t t = 1'700'000'000'000;
  for (std::size_t i = 0; i < kRows; ++i) {
    t += static_cast<std::int64_t>(rng() % 2000);
    c.offered_ms[i] = t;
    c.answered_ms[i] = rng() % 10 == 0 ? kNullInt64 : t + 5000;
    c.customer_id[i] = static_cast<std::int64_t>(rng() % 1'200'000) + 1;
  }
  const auto view = InteractionView::of(c);
  const FcrOptions options{.window = std::chrono::hours(1)};
  const auto dense = fcr_states(view, options);
  std::vector<std::int64_t> sparse(c.customer_id);
  for (auto& id : sparse) id = static_cast<std::int64_t>(static_cast<std::uint64_t>(id) * 0x9e3779b97f4a7c15ULL >> 2);
  auto sparse_view = view;
  sparse_view.customer_id = sparse;
  const auto hashed = fcr_states(sparse_view, options);
  ASSERT_EQ(hashed.size(), dense.size());
  EXPECT_GT(std::count(dense.begin(), dense.end(), FcrState::kRepeat), 1000);
  EXPECT_TRUE(hashed == dense);
}
