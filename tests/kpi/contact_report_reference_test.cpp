// contact_report() against a row-at-a-time reference written from the metric
// definitions (docs/kpi.md): one std::map entry per group, every count
// updated with plain ifs, the bucket found through the zone's wall clock.
// Groups here receive thousands of rows, well past the 255 rows after which
// the engine's packed 8-bit counters are flushed, and the input comes both in
// time order and shuffled.

#include <backoffice/kpi/contact_report.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <random>

using namespace backoffice;

namespace {

constexpr std::int64_t kStart = 1'710'000'000'000;  // 2024-03-09T16:00Z: spans New York's spring-forward

InteractionColumns random_contacts(std::uint64_t seed, std::size_t n, bool shuffled) {
  std::mt19937_64 rng(seed);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  if (shuffled) std::shuffle(order.begin(), order.end(), rng);
  InteractionColumns c;
  (void)c.reasons.code("billing");
  (void)c.reasons.code("technical");
  (void)c.reasons.code("sales");
  c.dispositions.code("done");
  for (std::size_t i = 0; i < n; ++i) {
    const auto t = kStart + static_cast<std::int64_t>(order[i]) * 23'000;  // ~6.4 days for 24k rows
    const bool answered = rng() % 10 >= 2;
    const auto wait = static_cast<std::int64_t>(rng() % 60'000);
    c.id.push_back(static_cast<std::int64_t>(i) + 1);
    c.channel.push_back(static_cast<std::uint8_t>(rng() % 3));
    c.direction.push_back(static_cast<std::uint8_t>(rng() % 2));
    c.queue_id.push_back(static_cast<std::int64_t>(rng() % 3) + 10);
    c.customer_id.push_back(static_cast<std::int64_t>(rng() % 2000) + 1);
    c.agent_id.push_back(answered ? static_cast<std::int64_t>(rng() % 5) + 100 : kNullInt64);
    c.offered_ms.push_back(t);
    c.answered_ms.push_back(answered ? t + wait : kNullInt64);
    c.talk_ms.push_back(answered ? static_cast<std::int64_t>(rng() % 900'000) : 0);
    c.hold_ms.push_back(answered ? static_cast<std::int64_t>(rng() % 90'000) : 0);
    c.wrap_ms.push_back(answered ? static_cast<std::int64_t>(rng() % 120'000) : 0);
    c.ended_ms.push_back(answered ? t + wait + c.talk_ms.back() + c.hold_ms.back() : t + wait);
    c.transferred.push_back(rng() % 7 == 0);
    c.resolved.push_back(static_cast<std::int8_t>(static_cast<int>(rng() % 3) - 1));
    c.csat.push_back(rng() % 3 == 0 ? static_cast<std::int8_t>(rng() % 5 + 1) : std::int8_t{0});
    c.nps.push_back(rng() % 4 == 0 ? static_cast<std::int8_t>(rng() % 11) : std::int8_t{-1});
    c.reason.push_back(static_cast<std::int32_t>(rng() % 3));
    c.disposition.push_back(0);
  }
  return c;
}

std::int64_t reference_bucket(const GroupBy& g, std::int64_t t_ms) {
  const auto local = g.zone.to_local(Instant::from_unix_ms(t_ms));
  std::int64_t width = 0;
  switch (g.bucket) {
    case TimeBucket::kNone:
      return 0;
    case TimeBucket::kMinutes15:
      width = 900'000;
      break;
    case TimeBucket::kMinutes30:
      width = 1'800'000;
      break;
    case TimeBucket::kMinutes60:
      width = 3'600'000;
      break;
    case TimeBucket::kDay:
      return g.zone.to_instant(LocalTime::at(local.date(), std::chrono::milliseconds(0))).value().unix_ms();
    default:
      ADD_FAILURE() << "bucket not covered by the reference";
      return 0;
  }
  return t_ms - local.ms_since_local_epoch() % width;
}

std::int64_t dimension_value(const InteractionColumns& c, const GroupBy& g, Dimension d, std::size_t i) {
  switch (d) {
    case Dimension::kQueue:
      return c.queue_id[i];
    case Dimension::kAgent:
      return c.agent_id[i];
    case Dimension::kChannel:
      return c.channel[i];
    case Dimension::kDirection:
      return c.direction[i];
    case Dimension::kReason:
      return c.reason[i];
    case Dimension::kTeam: {
      auto it = g.team_of_agent.find(c.agent_id[i]);
      return it == g.team_of_agent.end() ? kNullInt64 : it->second;
    }
  }
  return 0;
}

std::map<std::vector<std::int64_t>, ContactCounts> reference(const InteractionColumns& c, const GroupBy& g,
                                                             const KpiOptions& o,
                                                             std::span<const FcrState> fcr) {
  std::map<std::vector<std::int64_t>, ContactCounts> groups;
  for (std::size_t i = 0; i < c.size(); ++i) {
    std::vector<std::int64_t> key;
    for (auto d : g.dimensions) key.push_back(dimension_value(c, g, d, i));
    key.push_back(reference_bucket(g, c.offered_ms[i]));
    ContactCounts& k = groups[key];
    const auto& targets = o.targets_for(c.queue_id[i]);
    const std::int64_t target = std::chrono::milliseconds(targets.answer_target).count();
    const std::int64_t short_abandon = std::chrono::milliseconds(targets.short_abandon).count();
    ++k.offered;
    if (c.answered_ms[i] != kNullInt64) {
      const std::int64_t wait = c.answered_ms[i] - c.offered_ms[i];
      ++k.answered;
      k.wait_answered_ms += wait;
      if (wait <= target) ++k.answered_within_target;
      k.talk_ms += c.talk_ms[i];
      k.hold_ms += c.hold_ms[i];
      k.wrap_ms += c.wrap_ms[i];
      if (c.transferred[i]) ++k.transferred;
    } else {
      const std::int64_t wait = c.ended_ms[i] - c.offered_ms[i];
      ++k.abandoned;
      if (wait < short_abandon) ++k.short_abandoned;
      if (wait <= target) ++k.abandoned_within_target;
    }
    if (c.csat[i] > 0) {
      ++k.csat_responses;
      k.csat_sum += c.csat[i];
      if (c.csat[i] >= o.csat_top_box_min) ++k.csat_top_box;
    }
    if (c.nps[i] >= 0) {
      ++k.nps_responses;
      if (c.nps[i] >= 9) ++k.nps_promoters;
      if (c.nps[i] <= 6) ++k.nps_detractors;
    }
    if (c.resolved[i] >= 0) {
      ++k.survey_resolved_known;
      if (c.resolved[i] == 1) ++k.survey_resolved;
    }
    if (fcr[i] == FcrState::kResolved) ++k.fcr_resolved;
    if (fcr[i] == FcrState::kRepeat) ++k.fcr_repeat;
    if (fcr[i] == FcrState::kPending) ++k.fcr_pending;
  }
  return groups;
}

struct Case {
  const char* name;
  std::vector<Dimension> dimensions;
  TimeBucket bucket;
};

}  // namespace

TEST(ContactReportReference, EveryCountMatchesARowAtATimeReference) {
  using namespace std::chrono_literals;
  const Case cases[] = {
      {"totals", {}, TimeBucket::kNone},
      {"by day", {}, TimeBucket::kDay},
      {"queue x 15 min", {Dimension::kQueue}, TimeBucket::kMinutes15},
      {"agent", {Dimension::kAgent}, TimeBucket::kNone},
      {"reason x 60 min", {Dimension::kReason}, TimeBucket::kMinutes60},
      {"queue x reason", {Dimension::kQueue, Dimension::kReason}, TimeBucket::kNone},
      // Rows whose every key value is 0 (reason, channel and direction codes
      // start at 0, and kNone buckets are 0): a cache slot must never match
      // them before they were seen.
      {"reason", {Dimension::kReason}, TimeBucket::kNone},
      {"channel x direction", {Dimension::kChannel, Dimension::kDirection}, TimeBucket::kNone},
      {"team x channel x direction x day",
       {Dimension::kTeam, Dimension::kChannel, Dimension::kDirection},
       TimeBucket::kDay},
  };
  KpiOptions per_queue;
  per_queue.per_queue[11] = QueueTargets{30s, 10s};
  per_queue.csat_top_box_min = 5;
  for (const bool shuffled : {false, true}) {
    const auto cols = random_contacts(shuffled ? 7 : 3, 24'000, shuffled);
    const auto view = InteractionView::of(cols);
    const auto fcr = fcr_states(view, {});
    for (const KpiOptions& options : {KpiOptions{}, per_queue}) {
      for (const auto& c : cases) {
        GroupBy g{.dimensions = c.dimensions,
                  .bucket = c.bucket,
                  .zone = TimeZone::locate("America/New_York").value(),
                  .team_of_agent = {{100, 1}, {101, 1}, {102, 2}, {103, 2}}};
        const auto want = reference(cols, g, options, fcr);
        const auto got = contact_report(view, g, options, fcr);
        ASSERT_TRUE(got.ok()) << got.error().to_string();
        SCOPED_TRACE(::testing::Message() << c.name << (shuffled ? ", shuffled" : ", in time order")
                                          << (options.per_queue.empty() ? "" : ", per-queue targets"));
        ASSERT_EQ(got->group_count(), want.size());
        for (std::size_t i = 0; i < got->group_count(); ++i) {
          const auto key = got->key(i);
          auto it = want.find(std::vector<std::int64_t>(key.begin(), key.end()));
          ASSERT_NE(it, want.end()) << "group " << i << " is not in the reference";
          EXPECT_EQ(got->counts(i), it->second) << "group " << i;
        }
      }
    }
  }
}
