#pragma once

// The bulk-ingest loop behind ingest_work_items, ingest_agent_states and
// ingest_customers (ingest_interactions takes the same steps): validate every
// row, then insert the valid ones with cached statements in one transaction,
// and turn a constraint failure into a RowError that names the reference or
// id at fault.

#include <backoffice/store/store.hpp>

#include "store/store_impl.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace backoffice::store_detail {

inline bool is_constraint_failure(const Error& e) {
  return e.message.find("constraint failed") != std::string::npos;
}

// Whether `sql` ("SELECT 1 FROM <table> WHERE id = ?1") finds `id`.
inline Result<bool> row_exists(Store::Impl& impl, std::string_view sql, std::int64_t id) {
  BO_ASSIGN_OR_RETURN(auto* st, impl.statement(sql));
  st->bind(1, id);
  return st->step();
}

// The ids a one-column query returns, in its order (lists that then read
// each record whole, children included).
inline Result<std::vector<std::int64_t>> query_ids(Store::Impl& impl, std::string_view sql) {
  BO_ASSIGN_OR_RETURN(auto* st, impl.statement(sql));
  std::vector<std::int64_t> ids;
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool row, st->step());
    if (!row) return ids;
    ids.push_back(st->int64(0));
  }
}

template <typename Id>
Error not_found(std::string_view record, Id id) {
  return make_error(ErrorCode::kNotFound, fmt::format("{}.id", record), std::to_string(id.value()),
                    fmt::format("no {} with this id", record));
}

// A put_* of one record reports what an ingest would list as a row error:
// an existing id is kConflict, anything else kValidation.
inline Error put_error(const RowError& e, std::string_view id_field) {
  const auto code = e.field == id_field ? ErrorCode::kConflict : ErrorCode::kValidation;
  return make_error(code, e.field, e.value, e.reason);
}

// row_at(i) -> const Row&; insert(const Row&) -> Status writes one row and its
// children (children only fail if the parent insert did, so a row is either
// written whole or not at all); diagnose(i, row, failure) -> Result<RowError>
// explains a constraint failure, or returns `failure` when the store itself
// is at fault.
template <typename RowAt, typename Insert, typename Diagnose>
Result<IngestReport> ingest_rows(Store::Impl& impl, std::string_view record_kind, std::size_t n, IngestMode mode,
                                 RowAt&& row_at, Insert&& insert, Diagnose&& diagnose) {
  IngestReport report;
  report.rows_read = n;
  std::vector<char> valid(n, 1);
  for (std::size_t i = 0; i < n; ++i) {
    if (auto s = row_at(i).validate(); !s.ok()) {
      const auto& e = s.error();
      report.errors.push_back(RowError{i, e.field, e.value, e.message});
      valid[i] = 0;
    }
  }
  if (mode == IngestMode::kAllOrNothing && !report.ok()) return report;

  BO_ASSIGN_OR_RETURN(auto tx, Transaction::begin(impl.db));
  std::size_t written = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!valid[i]) continue;
    const auto& x = row_at(i);
    if (auto s = insert(x); !s.ok()) {
      if (!is_constraint_failure(s.error())) return std::move(s).error();
      BO_ASSIGN_OR_RETURN(auto row_error, diagnose(i, x, s.error()));
      report.errors.push_back(std::move(row_error));
      if (mode == IngestMode::kAllOrNothing) return report;  // tx rolls back
      continue;
    }
    ++written;
  }
  if (written > 0) {
    BO_RETURN_IF_ERROR(impl.notify("ingest", record_kind, "*", static_cast<std::int64_t>(written),
                                   [] { return std::string(); }));
  }
  BO_RETURN_IF_ERROR(tx.commit());
  report.rows_written = written;
  std::stable_sort(report.errors.begin(), report.errors.end(),
                   [](const RowError& a, const RowError& b) { return a.row < b.row; });
  return report;
}

// Appends " WHERE a AND b ..." for the clauses whose filter is set; the
// clauses are fixed SQL fragments and every value is bound.
class WhereBuilder {
 public:
  explicit WhereBuilder(std::string& sql) : sql_(sql) {}
  void add(bool present, std::string_view clause) {
    if (!present) return;
    sql_ += sep_;
    sql_ += clause;
    sep_ = " AND ";
  }

 private:
  std::string& sql_;
  const char* sep_ = " WHERE ";
};

}  // namespace backoffice::store_detail
