#include <backoffice/store/store.hpp>

#include "store/store_fixtures.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <csignal>
#include <map>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace backoffice;
using namespace backoffice::testing;

namespace {

constexpr int kBatchRows = 500;

// Batch k holds contacts k*kBatchRows+1 .. (k+1)*kBatchRows, all tagged with
// reason "batch-k", so a reader can tell whole batches from partial ones.
std::vector<Interaction> make_batch(int k) {
  std::vector<Interaction> rows;
  rows.reserve(kBatchRows);
  for (int i = 1; i <= kBatchRows; ++i) {
    auto x = make_interaction(static_cast<std::int64_t>(k) * kBatchRows + i);
    x.reason_code = "batch-" + std::to_string(k);
    rows.push_back(std::move(x));
  }
  return rows;
}

// Rows per batch tag, read through the columnar path.
std::map<std::string, int> rows_per_batch(const Store& store) {
  std::map<std::string, int> counts;
  auto cols = store.interaction_columns().value();
  for (std::size_t i = 0; i < cols.size(); ++i) ++counts[cols.reasons.text(cols.reason[i])];
  return counts;
}

}  // namespace

TEST(StoreConcurrency, ReadersSeeOnlyWholeBatchesWhileOneWriterIngests) {
  TempDb file("concurrent");
  {
    auto setup = Store::open(file.path()).value();
    ASSERT_TRUE(setup.put_queue(make_queue(1)).ok());
  }
  std::atomic<bool> done{false};
  std::atomic<int> partial_seen{0}, reads{0};
  std::thread writer([&] {
    auto store = Store::open(file.path()).value();
    for (int k = 0; k < 20; ++k) {
      auto report = store.ingest_interactions(make_batch(k));
      EXPECT_TRUE(report.ok() && report->ok());
    }
    done = true;
  });
  std::vector<std::thread> readers;
  for (int r = 0; r < 2; ++r) {
    readers.emplace_back([&] {
      auto store = Store::open(file.path()).value();
      while (!done) {
        for (const auto& [tag, n] : rows_per_batch(store)) {
          if (n != kBatchRows) ++partial_seen;
        }
        ++reads;
      }
    });
  }
  writer.join();
  for (auto& t : readers) t.join();
  EXPECT_EQ(partial_seen.load(), 0);
  EXPECT_GT(reads.load(), 0);
  auto store = Store::open(file.path()).value();
  EXPECT_EQ(store.count("interactions").value(), 20 * kBatchRows);
}

TEST(StoreCrash, AKilledWriterLeavesOnlyWholeCommittedBatches) {
  TempDb file("killed");
  {
    auto setup = Store::open(file.path()).value();
    ASSERT_TRUE(setup.put_queue(make_queue(1)).ok());
  }
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // The child ingests batches until it is killed; _exit skips gtest's teardown.
    auto store = Store::open(file.path());
    if (!store.ok()) _exit(2);
    for (int k = 0;; ++k) {
      if (!store->ingest_interactions(make_batch(k)).ok()) _exit(3);
    }
  }
  // Wait until some batches are committed, then kill mid-stream.
  for (int tries = 0; tries < 400; ++tries) {
    usleep(10'000);
    auto probe = Store::open(file.path(), StoreOptions{.read_only = true});
    if (probe.ok() && probe->count("interactions").value_or(0) >= 3 * kBatchRows) break;
  }
  usleep(7'000);  // land somewhere inside a later batch
  ASSERT_EQ(kill(child, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the writer stopped on its own with status " << status;

  auto store = Store::open(file.path()).value();
  EXPECT_TRUE(store.integrity_ok().value());
  const auto counts = rows_per_batch(store);
  ASSERT_GE(counts.size(), 3u);
  for (const auto& [tag, n] : counts) EXPECT_EQ(n, kBatchRows) << tag << " is partial";
  // Batches commit in order: the tags present are batch-0 .. batch-(n-1).
  for (std::size_t k = 0; k < counts.size(); ++k) EXPECT_TRUE(counts.count("batch-" + std::to_string(k))) << k;
}
