// Cases.
#include <backoffice/store/store.hpp>

#include <backoffice/domain/case_history.hpp>

#include "store/store_impl.hpp"
#include "store/store_ingest.hpp"

#include <fmt/format.h>

namespace backoffice {
namespace {

using store_detail::Statement;
using store_detail::WhereBuilder;

// An upsert, not INSERT OR REPLACE: REPLACE deletes the old row first, and
// the delete would cascade to the case's history.
constexpr std::string_view kPutCase =
    "INSERT INTO cases (id, customer_id, subject, priority, status, owner_id, tier, queue_id, "
    "created_ms, updated_ms, first_response_ms, resolved_ms) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
    "ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, subject = excluded.subject, "
    "priority = excluded.priority, status = excluded.status, owner_id = excluded.owner_id, tier = excluded.tier, "
    "queue_id = excluded.queue_id, created_ms = excluded.created_ms, updated_ms = excluded.updated_ms, "
    "first_response_ms = excluded.first_response_ms, resolved_ms = excluded.resolved_ms";
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

namespace {

// Precondition: a write transaction is open and c is valid.
Status write_case(Store::Impl& impl, const Case& c) {
  BO_ASSIGN_OR_RETURN(auto* st, impl.statement(kPutCase));
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
  if (auto s = st->run(); !s.ok()) {
    if (!store_detail::is_constraint_failure(s.error())) return s;
    return diagnose(impl, c, s.error());
  }
  return Status::Ok();
}

// Entries in time order, each within the case's life, tiers in range; the
// full legality of the walk is CaseWorkflow::restore's to judge.
Status check_history(const Case& c, std::span<const CaseStatusChange> history) {
  for (std::size_t i = 0; i < history.size(); ++i) {
    const auto& h = history[i];
    const std::string field = fmt::format("case_history[{}]", i);
    if (h.at < c.created_at || h.at > c.updated_at) {
      return validation_error(field + ".at", fmt::format("{}", h.at), "outside the case's created_at..updated_at");
    }
    if (i > 0 && h.at < history[i - 1].at) {
      return validation_error(field + ".at", fmt::format("{}", h.at), "earlier than the entry before it");
    }
    if (h.tier < Case::kMinTier || h.tier > Case::kMaxTier) {
      return validation_error(field + ".tier", std::to_string(h.tier), "must be in 1..3");
    }
  }
  return Status::Ok();
}

Status write_history(Store::Impl& impl, CaseId id, std::span<const CaseStatusChange> history) {
  BO_ASSIGN_OR_RETURN(auto* del, impl.statement("DELETE FROM case_history WHERE case_id = ?1"));
  del->bind(1, id.value());
  BO_RETURN_IF_ERROR(del->run());
  BO_ASSIGN_OR_RETURN(auto* ins, impl.statement(
      "INSERT INTO case_history (case_id, position, at_ms, actor, event, from_status, to_status, tier, reason, "
      "rule) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
  for (std::size_t i = 0; i < history.size(); ++i) {
    const auto& h = history[i];
    ins->bind(1, id.value());
    ins->bind(2, static_cast<std::int64_t>(i));
    ins->bind(3, h.at.unix_ms());
    ins->bind(4, std::string_view(h.actor));
    ins->bind(5, to_string(h.event));
    ins->bind(6, to_string(h.from));
    ins->bind(7, to_string(h.to));
    ins->bind(8, h.tier);
    ins->bind(9, std::string_view(h.reason));
    ins->bind(10, std::string_view(h.rule));
    BO_RETURN_IF_ERROR(ins->run());
  }
  return Status::Ok();
}

}  // namespace

Status Store::put_case(const Case& c) {
  BO_RETURN_IF_ERROR(c.validate());
  // A failed write rolls back and leaves the old case.
  BO_ASSIGN_OR_RETURN(auto tx, store_detail::Transaction::begin(impl_->db));
  BO_RETURN_IF_ERROR(write_case(*impl_, c));
  BO_RETURN_IF_ERROR(impl_->notify("put", "case", std::to_string(c.id.value()), 1, [&] { return to_string(c); }));
  return tx.commit();
}

Status Store::put_case(const Case& c, std::span<const CaseStatusChange> history) {
  BO_RETURN_IF_ERROR(c.validate());
  BO_RETURN_IF_ERROR(check_history(c, history));
  BO_ASSIGN_OR_RETURN(auto tx, store_detail::Transaction::begin(impl_->db));
  BO_RETURN_IF_ERROR(write_case(*impl_, c));
  BO_RETURN_IF_ERROR(write_history(*impl_, c.id, history));
  BO_RETURN_IF_ERROR(impl_->notify("put", "case", std::to_string(c.id.value()), 1, [&] {
    std::string text = to_string(c);
    for (const auto& h : history) text += "\n" + to_string(h);
    return text;
  }));
  return tx.commit();
}

Result<std::vector<CaseStatusChange>> Store::case_history(CaseId id) const {
  BO_ASSIGN_OR_RETURN(auto* exists, impl_->statement("SELECT 1 FROM cases WHERE id = ?1"));
  exists->bind(1, id.value());
  BO_ASSIGN_OR_RETURN(bool found, exists->step());
  if (!found) return store_detail::not_found("case", id);
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(
      "SELECT at_ms, actor, event, from_status, to_status, tier, reason, rule FROM case_history "
      "WHERE case_id = ?1 ORDER BY position"));
  st->bind(1, id.value());
  std::vector<CaseStatusChange> out;
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool row, st->step());
    if (!row) break;
    CaseStatusChange h;
    h.at = Instant::from_unix_ms(st->int64(0));
    h.actor = std::string(st->text(1));
    BO_ASSIGN_OR_RETURN(h.event, parse_case_event(st->text(2), "case_history.event"));
    BO_ASSIGN_OR_RETURN(h.from, parse_case_status(st->text(3), "case_history.from_status"));
    BO_ASSIGN_OR_RETURN(h.to, parse_case_status(st->text(4), "case_history.to_status"));
    h.tier = static_cast<int>(st->int64(5));
    h.reason = std::string(st->text(6));
    h.rule = std::string(st->text(7));
    out.push_back(std::move(h));
  }
  return out;
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
