#include <backoffice/store/store.hpp>

#include "store/migrations.hpp"
#include "store/store_impl.hpp"

#include <fmt/format.h>

#include <array>

namespace backoffice {

using store_detail::Database;
using store_detail::Statement;

Result<Statement*> Store::Impl::statement(std::string_view sql) {
  auto it = cache.find(sql);
  if (it == cache.end()) {
    BO_ASSIGN_OR_RETURN(auto stmt, db.prepare(sql));
    it = cache.emplace(std::string(sql), std::move(stmt)).first;
  } else {
    it->second.reset();
  }
  return &it->second;
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

void Store::set_change_observer(StoreChangeObserver observer) { impl_->observer = std::move(observer); }

namespace {

Result<std::unique_ptr<Store::Impl>> open_impl(const std::string& path, const StoreOptions& options,
                                               bool in_memory) {
  auto impl = std::make_unique<Store::Impl>();
  impl->path = path;
  BO_ASSIGN_OR_RETURN(impl->db, Database::open(path, options.read_only));
  const auto& db = impl->db;
  sqlite3_busy_timeout(db.raw(), static_cast<int>(options.busy_timeout.count()));
  // Fail early with the path in the message when the file is not a database.
  if (auto probe = db.query_int("PRAGMA schema_version"); !probe.ok()) {
    return make_error(ErrorCode::kStore, "path", path, probe.error().message);
  }
  BO_RETURN_IF_ERROR(db.exec("PRAGMA foreign_keys = ON"));
  if (!options.read_only) {
    if (!in_memory) {
      BO_ASSIGN_OR_RETURN(auto mode, db.prepare("PRAGMA journal_mode = WAL"));
      BO_RETURN_IF_ERROR(mode.step());
    }
    BO_RETURN_IF_ERROR(db.exec(options.durable_commits ? "PRAGMA synchronous = FULL"
                                                       : "PRAGMA synchronous = NORMAL"));
    BO_RETURN_IF_ERROR(store_detail::migrate(db));
  }
  BO_ASSIGN_OR_RETURN(auto version, db.query_int("PRAGMA user_version"));
  impl->schema_version = static_cast<int>(version);
  if (options.read_only && impl->schema_version != store_detail::latest_schema_version()) {
    return make_error(ErrorCode::kStore, "schema_version", std::to_string(version),
                      fmt::format("a read-only store cannot be upgraded to schema {}",
                                  store_detail::latest_schema_version()));
  }
  return impl;
}

}  // namespace

Result<Store> Store::open(const std::string& path, const StoreOptions& options) {
  BO_ASSIGN_OR_RETURN(auto impl, open_impl(path, options, /*in_memory=*/path == ":memory:"));
  return Store(std::move(impl));
}

Result<Store> Store::open_in_memory() {
  BO_ASSIGN_OR_RETURN(auto impl, open_impl(":memory:", StoreOptions{}, /*in_memory=*/true));
  return Store(std::move(impl));
}

int Store::schema_version() const { return impl_->schema_version; }
int Store::latest_schema_version() { return store_detail::latest_schema_version(); }

Result<bool> Store::integrity_ok() const {
  BO_ASSIGN_OR_RETURN(auto stmt, impl_->db.prepare("PRAGMA integrity_check"));
  BO_ASSIGN_OR_RETURN(bool row, stmt.step());
  return row && stmt.text(0) == "ok";
}

Result<std::int64_t> Store::count(std::string_view table) const {
  // Table names cannot be bound as parameters, so only known names get here.
  static constexpr std::array<std::pair<std::string_view, const char*>, 8> kCounts{{
      {"queues", "SELECT count(*) FROM queues"},
      {"agents", "SELECT count(*) FROM agents"},
      {"customers", "SELECT count(*) FROM customers"},
      {"interactions", "SELECT count(*) FROM interactions"},
      {"orders", "SELECT count(*) FROM orders"},
      {"cases", "SELECT count(*) FROM cases"},
      {"work_items", "SELECT count(*) FROM work_items"},
      {"agent_states", "SELECT count(*) FROM agent_states"},
  }};
  for (const auto& [name, sql] : kCounts) {
    if (name == table) return impl_->db.query_int(sql);
  }
  return invalid_argument("table", table, "not a record table of the store");
}

}  // namespace backoffice
