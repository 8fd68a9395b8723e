// Cases.
#include <backoffice/store/store.hpp>

#include "store/store_impl.hpp"
#include "store/store_ingest.hpp"

#include <fmt/format.h>

namespace backoffice {
namespace {

using store_detail::Statement;
using store_detail::WhereBuilder;

constexpr std::string_view kPutCase =
    "INSERT OR REPLACE INTO cases (id, customer_id, subject, priority, status, owner_id, tier, queue_id, "
    "created_ms, updated_ms, first_response_ms, resolved_ms) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
constexpr std::string_view kColumns =
    "SELECT id, customer_id, subject, priority, status, owner_id, tier, queue_id, created_ms, updated_ms, "
    "first_response_ms, resolved_ms FROM cases";

Result<Case> read_case(const Statement& s) {
  Case c;
  c.id = CaseId(s.int64(0));
  c.customer = CustomerId(s.is_null(1) ? 0 : s.int64(1));
  c.subject = std::string(s.text(2));
  BO_ASSIGN_OR_RETURN(c.priority, parse_case_priority(s.text(3), "case.priority"));
  BO_ASSIGN_OR_RETURN(c.status, parse_case_status(s.text(4), "case.status"));
  if (!s.is_null(5)) c.owner = AgentId(s.int64(5));
  c.tier = static_cast<int>(s.int64(6));
  c.queue = QueueId(s.is_null(7) ? 0 : s.int64(7));
  c.created_at = Instant::from_unix_ms(s.int64(8));
  c.updated_at = Instant::from_unix_ms(s.int64(9));
  if (!s.is_null(10)) c.first_response_at = Instant::from_unix_ms(s.int64(10));
  if (!s.is_null(11)) c.resolved_at = Instant::from_unix_ms(s.int64(11));
  return c;
}

// The error for a failed insert: the reference it named, or `failure` when
// all exist (the store itself failed).
Status diagnose(Store::Impl& impl, const Case& c, const Error& failure) {
  using store_detail::row_exists;
  BO_ASSIGN_OR_RETURN(bool customer, row_exists(impl, "SELECT 1 FROM customers WHERE id = ?1", c.customer.value()));
  if (!customer) return validation_error("case.customer", std::to_string(c.customer.value()), "unknown customer");
  BO_ASSIGN_OR_RETURN(bool queue, row_exists(impl, "SELECT 1 FROM queues WHERE id = ?1", c.queue.value()));
  if (!queue) return validation_error("case.queue", std::to_string(c.queue.value()), "unknown queue");
  if (c.owner) {
    BO_ASSIGN_OR_RETURN(bool owner, row_exists(impl, "SELECT 1 FROM agents WHERE id = ?1", c.owner->value()));
    if (!owner) return validation_error("case.owner", std::to_string(c.owner->value()), "unknown agent");
  }
  return failure;
}

}  // namespace

Status Store::put_case(const Case& c) {
  BO_RETURN_IF_ERROR(c.validate());
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(kPutCase));
  st->bind(1, c.id.value());
  st->bind(2, c.customer.value());
  st->bind(3, std::string_view(c.subject));
  st->bind(4, to_string(c.priority));
  st->bind(5, to_string(c.status));
  if (c.owner) st->bind(6, c.owner->value()); else st->bind_null(6);
  st->bind(7, c.tier);
  st->bind(8, c.queue.value());
  st->bind(9, c.created_at.unix_ms());
  st->bind(10, c.updated_at.unix_ms());
  if (c.first_response_at) st->bind(11, c.first_response_at->unix_ms()); else st->bind_null(11);
  if (c.resolved_at) st->bind(12, c.resolved_at->unix_ms()); else st->bind_null(12);
  // A failed insert rolls back and leaves the old case.
  BO_ASSIGN_OR_RETURN(auto tx, store_detail::Transaction::begin(impl_->db));
  if (auto s = st->run(); !s.ok()) {
    if (!store_detail::is_constraint_failure(s.error())) return s;
    return diagnose(*impl_, c, s.error());
  }
  BO_RETURN_IF_ERROR(impl_->notify("put", "case", std::to_string(c.id.value()), 1, [&] { return to_string(c); }));
  return tx.commit();
}

Result<Case> Store::get_case(CaseId id) const {
  static const std::string sql = fmt::format("{} WHERE id = ?1", kColumns);
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(sql));
  st->bind(1, id.value());
  BO_ASSIGN_OR_RETURN(bool row, st->step());
  if (!row) return store_detail::not_found("case", id);
  return read_case(*st);
}

Result<std::vector<Case>> Store::cases(const CaseQuery& q) const {
  std::string sql(kColumns);
  WhereBuilder where(sql);
  where.add(q.from.has_value(), "created_ms >= ?1");
  where.add(q.to.has_value(), "created_ms < ?2");
  where.add(q.customer.has_value(), "customer_id = ?3");
  where.add(q.queue.has_value(), "queue_id = ?4");
  where.add(q.owner.has_value(), "owner_id = ?5");
  sql += " ORDER BY created_ms, id";
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(sql));
  if (q.from) st->bind(1, q.from->unix_ms());
  if (q.to) st->bind(2, q.to->unix_ms());
  if (q.customer) st->bind(3, q.customer->value());
  if (q.queue) st->bind(4, q.queue->value());
  if (q.owner) st->bind(5, q.owner->value());
  std::vector<Case> out;
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool row, st->step());
    if (!row) break;
    BO_ASSIGN_OR_RETURN(auto c, read_case(*st));
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace backoffice
