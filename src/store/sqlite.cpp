#include "store/sqlite.hpp"

#include <fmt/format.h>

namespace backoffice::store_detail {

Error sqlite_error(sqlite3* db, int rc, std::string_view what) {
  const char* msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  return make_error(ErrorCode::kStore, "sqlite", what, fmt::format("{} (code {})", msg, rc));
}

Result<bool> Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqlite_error(db_, rc, sqlite3_sql(stmt_));
}

Status Statement::run() {
  auto r = step();
  reset();
  if (!r.ok()) return std::move(r).error();
  return Status::Ok();
}

Result<Database> Database::open(const std::string& path, bool read_only) {
  sqlite3* raw = nullptr;
  const int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Database db(raw);
  if (rc != SQLITE_OK) {
    return make_error(ErrorCode::kStore, "path", path,
                      fmt::format("cannot open SQLite database: {}", raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  sqlite3_extended_result_codes(raw, 1);
  return db;
}

Result<Statement> Database::prepare(std::string_view sql) const {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                    &stmt, nullptr);
  if (rc != SQLITE_OK) return sqlite_error(db_, rc, sql);
  return Statement(db_, stmt);
}

Status Database::exec(const char* sql) const {
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return make_error(ErrorCode::kStore, "sqlite", std::string_view(sql).substr(0, 80), msg);
  }
  return Status::Ok();
}

Result<std::int64_t> Database::query_int(const char* sql) const {
  BO_ASSIGN_OR_RETURN(auto stmt, prepare(sql));
  BO_ASSIGN_OR_RETURN(bool row, stmt.step());
  if (!row) return make_error(ErrorCode::kStore, "sqlite", sql, "query returned no row");
  return stmt.int64(0);
}

Result<Transaction> Transaction::begin(const Database& db) {
  BO_RETURN_IF_ERROR(db.exec("BEGIN IMMEDIATE"));
  return Transaction(&db);
}

Transaction::~Transaction() {
  if (db_) (void)db_->exec("ROLLBACK");
}

Status Transaction::commit() {
  auto s = db_->exec("COMMIT");
  if (s.ok()) db_ = nullptr;
  return s;
}

}  // namespace backoffice::store_detail
