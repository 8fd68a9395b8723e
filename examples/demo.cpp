// The demo behind `scripts/demo`: loads two real call-centre data sets into a
// SQLite store, reports what was kept and rejected, and summarises the
// contacts per queue from the store's columnar read.
#include <backoffice/backoffice.hpp>
#include <backoffice/store/store.hpp>

#include "data_sets.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <map>

using namespace backoffice;
namespace fs = std::filesystem;

namespace {

void print_load(std::string_view name, const examples::LoadSummary& s) {
  fmt::print("  {}: {} contacts stored, {} rejected, {} queues, {} agents\n", name, s.report.rows_written,
             s.report.errors.size(), s.queues, s.agents);
  for (const auto& [why, n] : s.skipped) fmt::print("    skipped {:>6}  {}\n", n, why);
  for (std::size_t i = 0; i < s.report.errors.size() && i < 3; ++i) {
    const auto& e = s.report.errors[i];
    fmt::print("    rejected row {}: {} = '{}': {}\n", e.row, e.field, e.value, e.reason);
  }
}

struct QueueTally {
  std::int64_t offered = 0, answered = 0, wait_ms = 0, talk_ms = 0;
};

int run(const fs::path& db_path) {
  const auto dir = examples::data_dir();
  if (dir.empty()) {
    fmt::print(stderr, "no data folder: set BACKOFFICE_DATA_DIR or run from the repository beside ../shared/data\n");
    return 2;
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path.string() + suffix);
  fs::create_directories(db_path.parent_path());
  auto store = Store::open(db_path.string());
  if (!store) return fmt::print(stderr, "{}\n", store.error()), 1;

  fmt::print("backoffice {} demo\n\nLoading real data from {}\n", BACKOFFICE_VERSION_STRING, dir.string());
  auto bank = examples::load_anonymous_bank(*store, dir / "data_anonymous_bank_february.txt");
  if (!bank) return fmt::print(stderr, "{}\n", bank.error()), 1;
  print_load("Anonymous Bank, February 1999", *bank);
  auto pwc = examples::load_call_center_dataset(*store, dir / "Call-Center-Dataset.csv", 10'000'000);
  if (!pwc) return fmt::print(stderr, "{}\n", pwc.error()), 1;
  print_load("PwC call-centre case, 2021", *pwc);

  fmt::print("\nStore {} (schema {}) holds:", db_path.string(), store->schema_version());
  for (const char* table : {"queues", "agents", "interactions"}) {
    fmt::print(" {} {}", store->count(table).value_or(-1), table);
  }
  fmt::print("\n\nContacts per queue (offered time; waits over answered contacts):\n");
  auto cols = store->interaction_columns();
  if (!cols) return fmt::print(stderr, "{}\n", cols.error()), 1;
  std::map<std::int64_t, QueueTally> tally;
  for (std::size_t i = 0; i < cols->size(); ++i) {
    auto& t = tally[cols->queue_id[i]];
    ++t.offered;
    if (cols->answered_ms[i] != kNullInt64) {
      ++t.answered;
      t.wait_ms += cols->answered_ms[i] - cols->offered_ms[i];
      t.talk_ms += cols->talk_ms[i];
    }
  }
  fmt::print("  {:<30} {:>8} {:>8} {:>9} {:>10} {:>10}\n", "queue", "offered", "answered", "abandon%",
             "mean wait", "mean talk");
  for (const auto& [queue_id, t] : tally) {
    const auto q = store->get_queue(QueueId(queue_id));
    const double answered = static_cast<double>(t.answered);
    fmt::print("  {:<30} {:>8} {:>8} {:>8.1f}% {:>9.1f}s {:>9.1f}s\n", q ? q->name : "?", t.offered, t.answered,
               100.0 * static_cast<double>(t.offered - t.answered) / static_cast<double>(t.offered),
               t.answered ? static_cast<double>(t.wait_ms) / 1000.0 / answered : 0.0,
               t.answered ? static_cast<double>(t.talk_ms) / 1000.0 / answered : 0.0);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path db = argc > 1 ? fs::path(argv[1]) : fs::path("build/demo/backoffice.sqlite");
  return run(db);
}
