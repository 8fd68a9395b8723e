#include <backoffice/store/store.hpp>

#include "store/store_impl.hpp"
#include "store/store_ingest.hpp"

#include <fmt/format.h>

namespace backoffice {
namespace {

using store_detail::Statement;
using store_detail::Transaction;

constexpr std::string_view kInsert =
    "INSERT INTO interactions (id, external_id, channel, direction, queue_id, customer_id, agent_id, "
    "offered_ms, answered_ms, ended_ms, talk_ms, hold_ms, wrap_ms, transferred, reason, disposition, "
    "resolved, csat, nps, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
    "?16, ?17, ?18, ?19, ?20)";

constexpr std::string_view kColumns =
    "SELECT id, external_id, channel, direction, queue_id, customer_id, agent_id, offered_ms, answered_ms, "
    "ended_ms, talk_ms, hold_ms, wrap_ms, transferred, reason, disposition, resolved, csat, nps, notes "
    "FROM interactions";

void bind_interaction(Statement& st, const Interaction& x) {
  if (x.id.value() != 0) st.bind(1, x.id.value()); else st.bind_null(1);
  if (x.external_id) st.bind(2, std::string_view(*x.external_id)); else st.bind_null(2);
  st.bind(3, to_string(x.channel));
  st.bind(4, to_string(x.direction));
  st.bind(5, x.queue.value());
  if (x.customer) st.bind(6, x.customer->value()); else st.bind_null(6);
  if (x.agent) st.bind(7, x.agent->value()); else st.bind_null(7);
  st.bind(8, x.offered_at.unix_ms());
  if (x.answered_at) st.bind(9, x.answered_at->unix_ms()); else st.bind_null(9);
  st.bind(10, x.ended_at.unix_ms());
  st.bind(11, static_cast<std::int64_t>(x.talk_time.count()));
  st.bind(12, static_cast<std::int64_t>(x.hold_time.count()));
  st.bind(13, static_cast<std::int64_t>(x.wrap_up_time.count()));
  st.bind(14, x.transferred);
  st.bind(15, std::string_view(x.reason_code));
  st.bind(16, std::string_view(x.disposition));
  st.bind(17, x.resolved);
  st.bind(18, x.csat);
  st.bind(19, x.nps);
  st.bind(20, std::string_view(x.notes));
}

Result<Interaction> read_interaction(const Statement& s) {
  Interaction x;
  x.id = InteractionId(s.int64(0));
  if (!s.is_null(1)) x.external_id = std::string(s.text(1));
  BO_ASSIGN_OR_RETURN(x.channel, parse_channel(s.text(2), "interaction.channel"));
  BO_ASSIGN_OR_RETURN(x.direction, parse_direction(s.text(3), "interaction.direction"));
  x.queue = QueueId(s.int64(4));
  if (!s.is_null(5)) x.customer = CustomerId(s.int64(5));
  if (!s.is_null(6)) x.agent = AgentId(s.int64(6));
  x.offered_at = Instant::from_unix_ms(s.int64(7));
  if (!s.is_null(8)) x.answered_at = Instant::from_unix_ms(s.int64(8));
  x.ended_at = Instant::from_unix_ms(s.int64(9));
  x.talk_time = std::chrono::milliseconds(s.int64(10));
  x.hold_time = std::chrono::milliseconds(s.int64(11));
  x.wrap_up_time = std::chrono::milliseconds(s.int64(12));
  x.transferred = s.int64(13) != 0;
  x.reason_code = std::string(s.text(14));
  x.disposition = std::string(s.text(15));
  if (!s.is_null(16)) x.resolved = s.int64(16) != 0;
  if (!s.is_null(17)) x.csat = static_cast<int>(s.int64(17));
  if (!s.is_null(18)) x.nps = static_cast<int>(s.int64(18));
  x.notes = std::string(s.text(19));
  return x;
}

// Turns a failed insert into a row error that names the reference at fault.
// Only reached on the error path, so the extra look-ups cost nothing normally.
Result<RowError> diagnose_insert_failure(Store::Impl& impl, std::size_t row, const Interaction& x,
                                         const Error& failure) {
  auto exists = [&](std::string_view sql, std::int64_t id) { return store_detail::row_exists(impl, sql, id); };
  BO_ASSIGN_OR_RETURN(bool queue_ok, exists("SELECT 1 FROM queues WHERE id = ?1", x.queue.value()));
  if (!queue_ok) return RowError{row, "interaction.queue", std::to_string(x.queue.value()), "unknown queue"};
  if (x.agent) {
    BO_ASSIGN_OR_RETURN(bool ok, exists("SELECT 1 FROM agents WHERE id = ?1", x.agent->value()));
    if (!ok) return RowError{row, "interaction.agent", std::to_string(x.agent->value()), "unknown agent"};
  }
  if (x.customer) {
    BO_ASSIGN_OR_RETURN(bool ok, exists("SELECT 1 FROM customers WHERE id = ?1", x.customer->value()));
    if (!ok) return RowError{row, "interaction.customer", std::to_string(x.customer->value()), "unknown customer"};
  }
  if (x.id.value() != 0) {
    BO_ASSIGN_OR_RETURN(bool dup, exists("SELECT 1 FROM interactions WHERE id = ?1", x.id.value()));
    if (dup) return RowError{row, "interaction.id", std::to_string(x.id.value()), "an interaction with this id exists"};
  }
  return failure;  // not an input problem: the store itself failed
}

// Builds the WHERE clause from fixed fragments; values are always bound.
std::string query_sql(const InteractionQuery& q) {
  std::string sql(kColumns);
  store_detail::WhereBuilder where(sql);
  auto add = [&](bool present, const char* clause) { where.add(present, clause); };
  add(q.from.has_value(), "offered_ms >= ?1");
  add(q.to.has_value(), "offered_ms < ?2");
  add(q.queue.has_value(), "queue_id = ?3");
  add(q.agent.has_value(), "agent_id = ?4");
  add(q.customer.has_value(), "customer_id = ?5");
  sql += " ORDER BY offered_ms, id";
  return sql;
}

// Interactions have no children: one cached INSERT per row.
template <typename RowAt>
Result<IngestReport> ingest(Store::Impl& impl, std::size_t n, IngestMode mode, RowAt&& row_at) {
  BO_ASSIGN_OR_RETURN(auto* st, impl.statement(kInsert));
  return store_detail::ingest_rows(
      impl, "interaction", n, mode, row_at,
      [&](const Interaction& x) {
        bind_interaction(*st, x);
        return st->run();
      },
      [&](std::size_t i, const Interaction& x, const Error& failure) {
        return diagnose_insert_failure(impl, i, x, failure);
      });
}

Result<Statement*> prepare_query(Store::Impl& impl, const InteractionQuery& q) {
  BO_ASSIGN_OR_RETURN(auto* st, impl.statement(query_sql(q)));
  if (q.from) st->bind(1, q.from->unix_ms());
  if (q.to) st->bind(2, q.to->unix_ms());
  if (q.queue) st->bind(3, q.queue->value());
  if (q.agent) st->bind(4, q.agent->value());
  if (q.customer) st->bind(5, q.customer->value());
  return st;
}

}  // namespace

Result<InteractionId> Store::insert_interaction(const Interaction& x) {
  BO_ASSIGN_OR_RETURN(auto report, ingest_interactions(std::span<const Interaction>(&x, 1)));
  if (!report.ok()) return store_detail::put_error(report.errors.front(), "interaction.id");
  return x.id.value() != 0 ? x.id : InteractionId(impl_->db.last_insert_rowid());
}

Result<Interaction> Store::get_interaction(InteractionId id) const {
  static const std::string sql = fmt::format("{} WHERE id = ?1", kColumns);
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(sql));
  st->bind(1, id.value());
  BO_ASSIGN_OR_RETURN(bool row, st->step());
  if (!row) {
    return make_error(ErrorCode::kNotFound, "interaction.id", std::to_string(id.value()),
                      "no interaction with this id");
  }
  return read_interaction(*st);
}

Result<IngestReport> Store::ingest_interactions(std::span<const Interaction> rows, IngestMode mode) {
  return ingest(*impl_, rows.size(), mode, [&](std::size_t i) -> const Interaction& { return rows[i]; });
}

Result<IngestReport> Store::ingest_interactions(const InteractionColumns& columns, IngestMode mode) {
  BO_RETURN_IF_ERROR(columns.check_shape());
  // One reusable record: row_at is called for validation and again for the
  // insert, and materialising the row is cheap next to the SQLite insert.
  Interaction scratch;
  return ingest(*impl_, columns.size(), mode, [&](std::size_t i) -> const Interaction& {
    scratch = columns.row(i);
    return scratch;
  });
}

Result<std::vector<Interaction>> Store::interactions(const InteractionQuery& q) const {
  BO_ASSIGN_OR_RETURN(auto* st, prepare_query(*impl_, q));
  std::vector<Interaction> out;
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool row, st->step());
    if (!row) break;
    BO_ASSIGN_OR_RETURN(auto x, read_interaction(*st));
    out.push_back(std::move(x));
  }
  return out;
}

Result<InteractionColumns> Store::interaction_columns(const InteractionQuery& q) const {
  BO_ASSIGN_OR_RETURN(auto* st, prepare_query(*impl_, q));
  InteractionColumns c;
  auto nullable = [&](int col) { return st->is_null(col) ? kNullInt64 : st->int64(col); };
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool row, st->step());
    if (!row) break;
    BO_ASSIGN_OR_RETURN(auto channel, parse_channel(st->text(2), "interaction.channel"));
    BO_ASSIGN_OR_RETURN(auto direction, parse_direction(st->text(3), "interaction.direction"));
    c.id.push_back(st->int64(0));
    c.channel.push_back(static_cast<std::uint8_t>(channel));
    c.direction.push_back(static_cast<std::uint8_t>(direction));
    c.queue_id.push_back(st->int64(4));
    c.customer_id.push_back(nullable(5));
    c.agent_id.push_back(nullable(6));
    c.offered_ms.push_back(st->int64(7));
    c.answered_ms.push_back(nullable(8));
    c.ended_ms.push_back(st->int64(9));
    c.talk_ms.push_back(st->int64(10));
    c.hold_ms.push_back(st->int64(11));
    c.wrap_ms.push_back(st->int64(12));
    c.transferred.push_back(st->int64(13) != 0 ? 1 : 0);
    c.resolved.push_back(st->is_null(16) ? std::int8_t{-1} : static_cast<std::int8_t>(st->int64(16) != 0));
    c.csat.push_back(st->is_null(17) ? std::int8_t{0} : static_cast<std::int8_t>(st->int64(17)));
    c.nps.push_back(st->is_null(18) ? std::int8_t{-1} : static_cast<std::int8_t>(st->int64(18)));
    c.reason.push_back(c.reasons.code(st->text(14)));
    c.disposition.push_back(c.dispositions.code(st->text(15)));
  }
  return c;
}

}  // namespace backoffice
