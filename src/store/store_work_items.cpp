// Work items and the fields their audit found in error.
#include <backoffice/store/store.hpp>

#include "store/store_impl.hpp"
#include "store/store_ingest.hpp"

#include <fmt/format.h>

namespace backoffice {
namespace {

using store_detail::Statement;
using store_detail::Transaction;
using store_detail::WhereBuilder;

constexpr std::string_view kInsertColumns =
    "(id, kind, queue_id, assignee_id, received_ms, started_ms, completed_ms, outcome, audited, audit_correct) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
constexpr std::string_view kColumns =
    "SELECT id, kind, queue_id, assignee_id, received_ms, started_ms, completed_ms, outcome, audited, "
    "audit_correct FROM work_items";
constexpr std::string_view kInsertErrorField =
    "INSERT INTO work_item_error_fields (work_item_id, position, field) VALUES (?1, ?2, ?3)";

void bind_work_item(Statement& st, const WorkItem& x) {
  if (x.id.value() != 0) st.bind(1, x.id.value()); else st.bind_null(1);
  st.bind(2, to_string(x.kind));
  st.bind(3, x.queue.value());
  if (x.assignee) st.bind(4, x.assignee->value()); else st.bind_null(4);
  st.bind(5, x.received_at.unix_ms());
  if (x.started_at) st.bind(6, x.started_at->unix_ms()); else st.bind_null(6);
  if (x.completed_at) st.bind(7, x.completed_at->unix_ms()); else st.bind_null(7);
  st.bind(8, std::string_view(x.outcome));
  st.bind(9, x.audited);
  st.bind(10, x.audit_correct);
}

// Runs the bound row insert, then writes the error fields under its id.
Status insert_work_item(Store::Impl& impl, Statement& st, const WorkItem& x) {
  BO_RETURN_IF_ERROR(st.run());
  if (x.error_fields.empty()) return Status::Ok();
  const std::int64_t id = x.id.value() != 0 ? x.id.value() : impl.db.last_insert_rowid();
  BO_ASSIGN_OR_RETURN(auto* field, impl.statement(kInsertErrorField));
  for (std::size_t i = 0; i < x.error_fields.size(); ++i) {
    field->bind(1, id);
    field->bind(2, static_cast<std::int64_t>(i));
    field->bind(3, std::string_view(x.error_fields[i]));
    BO_RETURN_IF_ERROR(field->run());
  }
  return Status::Ok();
}

Result<WorkItem> read_work_item(Store::Impl& impl, const Statement& s) {
  WorkItem x;
  x.id = WorkItemId(s.int64(0));
  BO_ASSIGN_OR_RETURN(x.kind, parse_work_item_kind(s.text(1), "work_item.kind"));
  x.queue = QueueId(s.is_null(2) ? 0 : s.int64(2));
  if (!s.is_null(3)) x.assignee = AgentId(s.int64(3));
  x.received_at = Instant::from_unix_ms(s.int64(4));
  if (!s.is_null(5)) x.started_at = Instant::from_unix_ms(s.int64(5));
  if (!s.is_null(6)) x.completed_at = Instant::from_unix_ms(s.int64(6));
  x.outcome = std::string(s.text(7));
  x.audited = s.int64(8) != 0;
  if (!s.is_null(9)) x.audit_correct = s.int64(9) != 0;
  // Only an incorrect audit has fields in error, so most rows skip the look-up.
  if (x.audit_correct == false) {
    BO_ASSIGN_OR_RETURN(auto* f, impl.statement(
        "SELECT field FROM work_item_error_fields WHERE work_item_id = ?1 ORDER BY position"));
    f->bind(1, x.id.value());
    for (;;) {
      BO_ASSIGN_OR_RETURN(bool more, f->step());
      if (!more) break;
      x.error_fields.emplace_back(f->text(0));
    }
  }
  return x;
}

// Names the reference or id behind a failed insert; `failure` otherwise.
Result<RowError> diagnose(Store::Impl& impl, std::size_t row, const WorkItem& x, const Error& failure,
                          bool check_id) {
  using store_detail::row_exists;
  BO_ASSIGN_OR_RETURN(bool queue, row_exists(impl, "SELECT 1 FROM queues WHERE id = ?1", x.queue.value()));
  if (!queue) return RowError{row, "work_item.queue", std::to_string(x.queue.value()), "unknown queue"};
  if (x.assignee) {
    BO_ASSIGN_OR_RETURN(bool ok, row_exists(impl, "SELECT 1 FROM agents WHERE id = ?1", x.assignee->value()));
    if (!ok) return RowError{row, "work_item.assignee", std::to_string(x.assignee->value()), "unknown agent"};
  }
  if (check_id && x.id.value() != 0) {
    BO_ASSIGN_OR_RETURN(bool dup, row_exists(impl, "SELECT 1 FROM work_items WHERE id = ?1", x.id.value()));
    if (dup) return RowError{row, "work_item.id", std::to_string(x.id.value()), "a work item with this id exists"};
  }
  return failure;
}

Result<Statement*> prepare_query(Store::Impl& impl, const WorkItemQuery& q) {
  std::string sql(kColumns);
  WhereBuilder where(sql);
  where.add(q.from.has_value(), "received_ms >= ?1");
  where.add(q.to.has_value(), "received_ms < ?2");
  where.add(q.queue.has_value(), "queue_id = ?3");
  where.add(q.assignee.has_value(), "assignee_id = ?4");
  sql += " ORDER BY received_ms, id";
  BO_ASSIGN_OR_RETURN(auto* st, impl.statement(sql));
  if (q.from) st->bind(1, q.from->unix_ms());
  if (q.to) st->bind(2, q.to->unix_ms());
  if (q.queue) st->bind(3, q.queue->value());
  if (q.assignee) st->bind(4, q.assignee->value());
  return st;
}

}  // namespace

Status Store::put_work_item(const WorkItem& x) {
  BO_RETURN_IF_ERROR(x.validate());
  BO_ASSIGN_OR_RETURN(auto tx, Transaction::begin(impl_->db));
  BO_ASSIGN_OR_RETURN(auto* del, impl_->statement("DELETE FROM work_item_error_fields WHERE work_item_id = ?1"));
  del->bind(1, x.id.value());
  BO_RETURN_IF_ERROR(del->run());
  static const std::string sql = fmt::format("INSERT OR REPLACE INTO work_items {}", kInsertColumns);
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(sql));
  bind_work_item(*st, x);
  // put_* stores the id as given, 0 included (only ingest assigns ids).
  st->bind(1, x.id.value());
  if (auto s = insert_work_item(*impl_, *st, x); !s.ok()) {
    if (!store_detail::is_constraint_failure(s.error())) return s;
    BO_ASSIGN_OR_RETURN(auto e, diagnose(*impl_, 0, x, s.error(), /*check_id=*/false));
    return store_detail::put_error(e, "work_item.id");
  }
  BO_RETURN_IF_ERROR(
      impl_->notify("put", "work_item", std::to_string(x.id.value()), 1, [&] { return to_string(x); }));
  return tx.commit();
}

Result<WorkItem> Store::get_work_item(WorkItemId id) const {
  static const std::string sql = fmt::format("{} WHERE id = ?1", kColumns);
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(sql));
  st->bind(1, id.value());
  BO_ASSIGN_OR_RETURN(bool row, st->step());
  if (!row) return store_detail::not_found("work_item", id);
  return read_work_item(*impl_, *st);
}

Result<IngestReport> Store::ingest_work_items(std::span<const WorkItem> rows, IngestMode mode) {
  static const std::string sql = fmt::format("INSERT INTO work_items {}", kInsertColumns);
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(sql));
  return store_detail::ingest_rows(
      *impl_, "work_item", rows.size(), mode, [&](std::size_t i) -> const WorkItem& { return rows[i]; },
      [&](const WorkItem& x) {
        bind_work_item(*st, x);
        return insert_work_item(*impl_, *st, x);
      },
      [&](std::size_t i, const WorkItem& x, const Error& failure) {
        return diagnose(*impl_, i, x, failure, /*check_id=*/true);
      });
}

Result<std::vector<WorkItem>> Store::work_items(const WorkItemQuery& q) const {
  BO_ASSIGN_OR_RETURN(auto* st, prepare_query(*impl_, q));
  std::vector<WorkItem> out;
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool row, st->step());
    if (!row) break;
    BO_ASSIGN_OR_RETURN(auto x, read_work_item(*impl_, *st));
    out.push_back(std::move(x));
  }
  return out;
}

Result<WorkItemColumns> Store::work_item_columns(const WorkItemQuery& q) const {
  BO_ASSIGN_OR_RETURN(auto* st, prepare_query(*impl_, q));
  WorkItemColumns c;
  auto nullable = [&](int col) { return st->is_null(col) ? kNullInt64 : st->int64(col); };
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool row, st->step());
    if (!row) break;
    BO_ASSIGN_OR_RETURN(auto kind, parse_work_item_kind(st->text(1), "work_item.kind"));
    c.id.push_back(st->int64(0));
    c.kind.push_back(static_cast<std::uint8_t>(kind));
    c.queue_id.push_back(st->is_null(2) ? 0 : st->int64(2));
    c.assignee_id.push_back(nullable(3));
    c.received_ms.push_back(st->int64(4));
    c.started_ms.push_back(nullable(5));
    c.completed_ms.push_back(nullable(6));
    c.outcome.push_back(c.outcomes.code(st->text(7)));
    c.audited.push_back(st->int64(8) != 0 ? 1 : 0);
    c.audit_correct.push_back(st->is_null(9) ? std::int8_t{-1} : static_cast<std::int8_t>(st->int64(9) != 0));
  }
  return c;
}

}  // namespace backoffice
