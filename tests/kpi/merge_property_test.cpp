#include <backoffice/kpi/contact_report.hpp>

#include "kpi/kpi_fixtures.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace backoffice;
using namespace backoffice::testing;
using namespace std::chrono_literals;

namespace {

// Random contacts over 3 days, 4 queues, 6 agents, 50 customers.
InteractionColumns random_contacts(std::uint64_t seed, int n) {
  std::mt19937_64 rng(seed);
  std::vector<ContactSpec> specs;
  auto t = at("2024-11-01T00:00:00Z");
  const char* reasons[] = {"a", "b", "c"};
  for (int i = 0; i < n; ++i) {
    t += std::chrono::seconds(rng() % 600);
    ContactSpec s{.offered = t, .wait = std::chrono::seconds(rng() % 90)};
    s.answered = rng() % 5 != 0;
    if (s.answered) {
      s.talk = std::chrono::seconds(rng() % 900);
      s.hold = std::chrono::seconds(rng() % 60);
      s.wrap = std::chrono::seconds(rng() % 120);
      s.agent = static_cast<std::int64_t>(rng() % 6) + 1;
      if (rng() % 3 == 0) s.csat = static_cast<int>(rng() % 5) + 1;
      if (rng() % 4 == 0) s.nps = static_cast<int>(rng() % 11);
      if (rng() % 2 == 0) s.resolved = rng() % 2 == 0;
      s.transferred = rng() % 10 == 0;
    }
    if (rng() % 4 != 0) s.customer = static_cast<std::int64_t>(rng() % 50) + 1;
    s.queue = static_cast<std::int64_t>(rng() % 4) + 1;
    s.reason = reasons[rng() % 3];
    specs.push_back(s);
  }
  return columns_of(specs);
}

GroupBy queue_by_hour() {
  return GroupBy{.dimensions = {Dimension::kQueue, Dimension::kReason},
                 .bucket = TimeBucket::kMinutes60,
                 .zone = TimeZone::locate("America/New_York").value()};
}

}  // namespace

TEST(ContactReportMerge, ShardsMergedEqualOnePass) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const auto cols = random_contacts(seed, 400);
    const auto view = InteractionView::of(cols);
    KpiOptions options;
    options.per_queue[2] = QueueTargets{30s, 10s};
    const auto fcr = fcr_states(view, options.fcr);  // over all rows, before sharding
    const auto whole = contact_report(view, queue_by_hour(), options, fcr).value();

    std::mt19937_64 rng(seed * 7919);
    ContactReport merged(queue_by_hour(), options);
    for (std::size_t begin = 0; begin < cols.size();) {
      const std::size_t end = std::min(cols.size(), begin + 1 + rng() % 120);
      const auto shard = contact_report(view.slice(begin, end), queue_by_hour(), options,
                                        std::span<const FcrState>(fcr).subspan(begin, end - begin))
                             .value();
      ASSERT_TRUE(merged.merge(shard).ok());
      begin = end;
    }
    EXPECT_EQ(merged.to_table().to_csv(), whole.to_table().to_csv()) << "seed " << seed;
    EXPECT_EQ(merged.total(), whole.total());
  }
}

TEST(ContactReportMerge, SerializedReportsRoundTripAndRefuseOtherOptions) {
  const auto cols = random_contacts(99, 300);
  const auto r = contact_report(InteractionView::of(cols), queue_by_hour(), {}).value();
  const auto bytes = r.serialize();
  auto back = ContactReport::deserialize(bytes, queue_by_hour(), {});
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  EXPECT_EQ(back->total(), r.total());
  EXPECT_EQ(back->group_count(), r.group_count());

  KpiOptions other;
  other.service_level = ServiceLevelDefinition::kAnsweredOnly;
  EXPECT_FALSE(ContactReport::deserialize(bytes, queue_by_hour(), other).ok());
  EXPECT_FALSE(ContactReport::deserialize(bytes.substr(0, bytes.size() - 3), queue_by_hour(), {}).ok());
  ContactReport different(GroupBy{}, {});
  EXPECT_FALSE(different.merge(r).ok());
}
