// The demo behind `scripts/demo`: loads two real call-centre data sets into a
// SQLite store, reports what was kept and rejected, and summarises the
// contacts per queue from the store's columnar read; then workforce planning
// (forecast, staffing, shifts), a case that escalates and breaches its SLA,
// an order returned and refunded, a QA calibration, and masked notes with an
// audit-trail check (one *_demo.cpp each).
#include <backoffice/backoffice.hpp>
#include <backoffice/store/store.hpp>
#include <backoffice/store/store_reports.hpp>

#include "case_demo.hpp"
#include "compliance_demo.hpp"
#include "data_sets.hpp"
#include "order_demo.hpp"
#include "qa_demo.hpp"
#include "wfm_demo.hpp"

#include <fmt/format.h>

#include <string_view>
#include <system_error>

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

// Prints the named columns of a report table, right-aligned.
void print_columns(const Table& t, std::initializer_list<const char*> names) {
  Table shown;
  for (const char* name : names) {
    if (const auto* c = t.find(name)) shown.columns.push_back(*c);
  }
  fmt::print("{}", shown.to_text(60));
}

int run(const fs::path& db_path) {
  const auto dir = examples::data_dir();
  if (dir.empty()) {
    fmt::print(stderr, "no data folder: set BACKOFFICE_DATA_DIR or run from the repository beside ../shared/data\n");
    return 2;
  }
  // Error codes, not exceptions: a bad path is a message, not a crash.
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path.string() + suffix, ec);
  if (db_path.has_parent_path()) fs::create_directories(db_path.parent_path(), ec);
  if (ec) return fmt::print(stderr, "cannot prepare {}: {}\n", db_path.string(), ec.message()), 1;
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
  fmt::print("\n\nContact KPIs per queue (each queue's own answer target; contacts count at their offered time):\n");
  auto by_queue = contact_report(*store, InteractionQuery{}, GroupBy{.dimensions = {Dimension::kQueue}});
  if (!by_queue) return fmt::print(stderr, "{}\n", by_queue.error()), 1;
  print_columns(by_queue->to_table(), {"queue_id", "offered", "answered", "service_level", "abandon_rate", "asa_s",
                                      "aht_s", "csat_top2", "fcr", "fcr_survey"});

  fmt::print("\nPwC case, weekly in Europe/Zurich (weeks start Monday):\n");
  InteractionQuery pwc_query;
  pwc_query.queue = QueueId(100);
  auto weekly = contact_report(*store, pwc_query,
                               GroupBy{.bucket = TimeBucket::kWeek, .zone = TimeZone::locate("Europe/Zurich").value()});
  if (!weekly) return fmt::print(stderr, "{}\n", weekly.error()), 1;
  print_columns(weekly->to_table(),
                {"interval_start", "offered", "answered", "service_level", "asa_s", "aht_s", "csat_mean", "fcr_survey"});
  for (const auto& [key, value] : weekly->to_table().metadata) {
    if (key == "definition") fmt::print("  definition: {}\n", value);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && (std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h")) {
    fmt::print("usage: {} [DATABASE]  (default build/demo/backoffice.sqlite; the file is replaced)\n", argv[0]);
    return 0;
  }
  const fs::path db = argc > 1 ? fs::path(argv[1]) : fs::path("build/demo/backoffice.sqlite");
  if (const int rc = run(db); rc != 0) return rc;
  namespace ex = backoffice::examples;
  // Each part prints its own heading and returns non-zero on failure.
  for (auto part : {ex::run_wfm_demo, ex::run_case_demo, ex::run_order_demo, ex::run_qa_demo,
                    ex::run_compliance_demo}) {
    if (const int rc = part(); rc != 0) return rc;
  }
  return 0;
}
