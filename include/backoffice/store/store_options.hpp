#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace backoffice {

struct StoreOptions {
  // Open an existing file for reading only (no migration is attempted).
  bool read_only = false;
  // How long a connection waits for another connection's write lock before
  // a write fails with kStore "database is locked".
  std::chrono::milliseconds busy_timeout{5000};
  // WAL with synchronous=NORMAL (default) keeps every committed transaction
  // across a process crash; after a power loss the last commits may be lost.
  // Set true for synchronous=FULL (durable across power loss, slower commits).
  bool durable_commits = false;
};

// How a bulk ingest treats invalid rows.
enum class IngestMode {
  // One invalid row rejects the whole batch; nothing is written (default).
  kAllOrNothing,
  // Valid rows are written in one transaction; invalid rows are reported.
  kAcceptValid,
};

// One rejected input row: `row` is 0-based in the batch (1-based data row
// numbers for CSV imports, header excluded), `field` names the column or
// record field, `value` the offending text.
struct RowError {
  std::size_t row = 0;
  std::string field;
  std::string value;
  std::string reason;
  friend bool operator==(const RowError&, const RowError&) = default;
};

struct IngestReport {
  std::size_t rows_read = 0;
  std::size_t rows_written = 0;
  std::vector<RowError> errors;
  bool ok() const { return errors.empty(); }
};

}  // namespace backoffice
