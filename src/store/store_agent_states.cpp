// Agent-state intervals: what each agent was doing, and when.
#include <backoffice/store/store.hpp>

#include "store/store_impl.hpp"
#include "store/store_ingest.hpp"

namespace backoffice {
namespace {

using store_detail::Statement;
using store_detail::WhereBuilder;

Result<Statement*> prepare_query(Store::Impl& impl, const AgentStateQuery& q) {
  std::string sql("SELECT agent_id, state, start_ms, end_ms FROM agent_states");
  WhereBuilder where(sql);
  // Overlap with [from, to): the interval ends after `from` and starts before `to`.
  where.add(q.from.has_value(), "end_ms > ?1");
  where.add(q.to.has_value(), "start_ms < ?2");
  where.add(q.agent.has_value(), "agent_id = ?3");
  sql += " ORDER BY agent_id, start_ms, id";
  BO_ASSIGN_OR_RETURN(auto* st, impl.statement(sql));
  if (q.from) st->bind(1, q.from->unix_ms());
  if (q.to) st->bind(2, q.to->unix_ms());
  if (q.agent) st->bind(3, q.agent->value());
  return st;
}

}  // namespace

Result<IngestReport> Store::ingest_agent_states(std::span<const AgentStateInterval> rows, IngestMode mode) {
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(
      "INSERT INTO agent_states (agent_id, state, start_ms, end_ms) VALUES (?1, ?2, ?3, ?4)"));
  return store_detail::ingest_rows(
      *impl_, "agent_state", rows.size(), mode, [&](std::size_t i) -> const AgentStateInterval& { return rows[i]; },
      [&](const AgentStateInterval& x) {
        st->bind(1, x.agent.value());
        st->bind(2, to_string(x.state));
        st->bind(3, x.start.unix_ms());
        st->bind(4, x.end.unix_ms());
        return st->run();
      },
      [&](std::size_t i, const AgentStateInterval& x, const Error& failure) -> Result<RowError> {
        BO_ASSIGN_OR_RETURN(bool known, store_detail::row_exists(*impl_, "SELECT 1 FROM agents WHERE id = ?1",
                                                                 x.agent.value()));
        if (!known) {
          return RowError{i, "agent_state_interval.agent", std::to_string(x.agent.value()), "unknown agent"};
        }
        return failure;
      });
}

Result<std::vector<AgentStateInterval>> Store::agent_states(const AgentStateQuery& q) const {
  BO_ASSIGN_OR_RETURN(auto* st, prepare_query(*impl_, q));
  std::vector<AgentStateInterval> out;
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool row, st->step());
    if (!row) break;
    AgentStateInterval x;
    x.agent = AgentId(st->int64(0));
    BO_ASSIGN_OR_RETURN(x.state, parse_agent_state(st->text(1), "agent_state_interval.state"));
    x.start = Instant::from_unix_ms(st->int64(2));
    x.end = Instant::from_unix_ms(st->int64(3));
    out.push_back(x);
  }
  return out;
}

Result<AgentStateColumns> Store::agent_state_columns(const AgentStateQuery& q) const {
  BO_ASSIGN_OR_RETURN(auto* st, prepare_query(*impl_, q));
  AgentStateColumns c;
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool row, st->step());
    if (!row) break;
    BO_ASSIGN_OR_RETURN(auto state, parse_agent_state(st->text(1), "agent_state_interval.state"));
    c.agent_id.push_back(st->int64(0));
    c.state.push_back(static_cast<std::uint8_t>(state));
    c.start_ms.push_back(st->int64(2));
    c.end_ms.push_back(st->int64(3));
  }
  return c;
}

}  // namespace backoffice
