#pragma once

// Thin RAII over the SQLite C API, private to the store. Every value reaches
// SQL through a bound parameter; SQL text is always a compile-time literal.

#include <backoffice/core/result.hpp>

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace backoffice::store_detail {

Error sqlite_error(sqlite3* db, int rc, std::string_view what);

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Statement& operator=(Statement&& o) noexcept {
    if (this != &o) {
      sqlite3_finalize(stmt_);
      db_ = o.db_;
      stmt_ = o.stmt_;
      o.stmt_ = nullptr;
    }
    return *this;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  // Parameters are 1-based, as in sqlite3_bind_*.
  void bind(int i, std::int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void bind(int i, int v) { sqlite3_bind_int64(stmt_, i, v); }
  void bind(int i, bool v) { sqlite3_bind_int(stmt_, i, v ? 1 : 0); }
  void bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
  // SQLITE_TRANSIENT is avoided: callers keep the text alive until step().
  void bind(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  }
  void bind_null(int i) { sqlite3_bind_null(stmt_, i); }
  template <typename T>
  void bind(int i, const std::optional<T>& v) {
    if (v) bind(i, *v); else bind_null(i);
  }

  // SQLITE_ROW -> true, SQLITE_DONE -> false, anything else -> Error.
  Result<bool> step();
  // Steps a statement that returns no rows, then resets it.
  Status run();
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
  double real(int col) const { return sqlite3_column_double(stmt_, col); }
  std::string_view text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string_view();
  }
  std::optional<std::int64_t> opt_int64(int col) const {
    return is_null(col) ? std::nullopt : std::optional<std::int64_t>(int64(col));
  }

  sqlite3_stmt* raw() const { return stmt_; }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// An open SQLite connection.
class Database {
 public:
  Database() = default;
  explicit Database(sqlite3* db) : db_(db) {}
  Database(Database&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Database& operator=(Database&& o) noexcept {
    if (this != &o) {
      close();
      db_ = o.db_;
      o.db_ = nullptr;
    }
    return *this;
  }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database() { close(); }

  static Result<Database> open(const std::string& path, bool read_only);

  Result<Statement> prepare(std::string_view sql) const;
  // Runs SQL with no parameters (schema scripts, PRAGMAs).
  Status exec(const char* sql) const;
  Result<std::int64_t> query_int(const char* sql) const;

  sqlite3* raw() const { return db_; }
  std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

 private:
  void close() {
    if (db_) sqlite3_close_v2(db_);
    db_ = nullptr;
  }
  sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE on construction (so writers queue on the lock up front
// instead of failing half-way with SQLITE_BUSY), ROLLBACK on destruction
// unless commit() succeeded.
class Transaction {
 public:
  static Result<Transaction> begin(const Database& db);
  Transaction(Transaction&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Status commit();

 private:
  explicit Transaction(const Database* db) : db_(db) {}
  const Database* db_;
};

}  // namespace backoffice::store_detail
