// The engine's counts and sums against an independent SQL aggregate over the
// same rows in the store.
#include <backoffice/kpi/contact_report.hpp>
#include <backoffice/store/store.hpp>

#include "kpi/kpi_fixtures.hpp"
#include "store/sqlite.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

using namespace backoffice;
using namespace backoffice::testing;
using namespace std::chrono_literals;

TEST(KpiCrossCheck, CountsAndSumsEqualASqlAggregatePerQueue) {
  const auto path = (std::filesystem::temp_directory_path() / "bo-kpi-crosscheck.sqlite").string();
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
  auto store = Store::open(path).value();
  for (int q = 1; q <= 3; ++q) {
    Queue queue;
    queue.id = QueueId(q);
    queue.name = "q" + std::to_string(q);
    queue.service_level_target = 20s;
    queue.service_level_percent = 80;
    queue.time_zone = "UTC";
    ASSERT_TRUE(store.put_queue(queue).ok());
  }
  std::mt19937_64 rng(4242);
  std::vector<Interaction> rows;
  auto t = at("2024-02-01T00:00:00Z");
  for (int i = 1; i <= 3000; ++i) {
    t += std::chrono::seconds(rng() % 120);
    ContactSpec s{.offered = t, .wait = std::chrono::seconds(rng() % 60), .answered = rng() % 6 != 0,
                  .talk = std::chrono::seconds(rng() % 600), .hold = std::chrono::seconds(rng() % 40),
                  .wrap = std::chrono::seconds(rng() % 90)};
    if (rng() % 3 == 0) s.csat = static_cast<int>(rng() % 5) + 1;
    s.queue = static_cast<std::int64_t>(rng() % 3) + 1;
    if (!s.answered) s.csat.reset();
    rows.push_back(make_contact(s, i));
  }
  ASSERT_TRUE(store.ingest_interactions(rows).value().ok());

  const auto cols = store.interaction_columns().value();
  const auto report = contact_report(InteractionView::of(cols), GroupBy{.dimensions = {Dimension::kQueue}}, {}).value();
  ASSERT_EQ(report.group_count(), 3u);

  auto db = store_detail::Database::open(path, true).value();
  auto st = db.prepare(
                  "SELECT queue_id, count(*), count(answered_ms), sum(answered_ms IS NULL), "
                  "sum(CASE WHEN answered_ms IS NOT NULL AND answered_ms - offered_ms <= 20000 THEN 1 ELSE 0 END), "
                  "sum(CASE WHEN answered_ms IS NULL AND ended_ms - offered_ms < 5000 THEN 1 ELSE 0 END), "
                  "total(CASE WHEN answered_ms IS NOT NULL THEN answered_ms - offered_ms END), "
                  "total(talk_ms), total(hold_ms), total(wrap_ms), count(csat), total(csat) "
                  "FROM interactions GROUP BY queue_id ORDER BY queue_id")
                .value();
  for (std::size_t g = 0; g < 3; ++g) {
    ASSERT_TRUE(st.step().value());
    std::size_t group = g;
    for (std::size_t k = 0; k < report.group_count(); ++k) {
      if (report.key(k)[0] == st.int64(0)) group = k;
    }
    const auto& c = report.counts(group);
    EXPECT_EQ(c.offered, st.int64(1));
    EXPECT_EQ(c.answered, st.int64(2));
    EXPECT_EQ(c.abandoned, st.int64(3));
    EXPECT_EQ(c.answered_within_target, st.int64(4));
    EXPECT_EQ(c.short_abandoned, st.int64(5));
    EXPECT_EQ(c.wait_answered_ms, static_cast<std::int64_t>(st.real(6)));
    EXPECT_EQ(c.talk_ms, static_cast<std::int64_t>(st.real(7)));
    EXPECT_EQ(c.hold_ms, static_cast<std::int64_t>(st.real(8)));
    EXPECT_EQ(c.wrap_ms, static_cast<std::int64_t>(st.real(9)));
    EXPECT_EQ(c.csat_responses, st.int64(10));
    EXPECT_EQ(c.csat_sum, static_cast<std::int64_t>(st.real(11)));
  }
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
}
