#pragma once

#include <backoffice/core/result.hpp>
#include <backoffice/domain/agent_state_columns.hpp>
#include <backoffice/kpi/table.hpp>
#include <backoffice/kpi/time_bucket.hpp>
#include <backoffice/kpi/work_item_report.hpp>

#include <cstdint>
#include <map>
#include <span>
#include <vector>

namespace backoffice {

// Read-only spans over agent-state intervals (AgentStateColumns' layout:
// state is static_cast<std::uint8_t>(AgentState), [start_ms, end_ms) UTC).
struct AgentStateView {
  std::span<const std::int64_t> agent_id;
  std::span<const std::uint8_t> state;
  std::span<const std::int64_t> start_ms;
  std::span<const std::int64_t> end_ms;
  std::size_t size() const { return agent_id.size(); }
  static AgentStateView of(const AgentStateColumns& c) { return {c.agent_id, c.state, c.start_ms, c.end_ms}; }
};

struct AgentTimeGroupBy {
  // Group by team (through team_of_agent; unlisted agents: kNullInt64)
  // instead of by agent.
  bool by_team = false;
  std::map<std::int64_t, std::int64_t> team_of_agent{};
  TimeBucket bucket = TimeBucket::kNone;
  TimeZone zone{};
};

// Time in each agent state per agent (or team) and interval; an interval that
// crosses a bucket boundary is split, so each bucket gets exactly the time
// inside it. Ratios (docs/kpi.md):
//   occupancy   = (on_contact + wrap_up) / (available + on_contact + wrap_up)
//   utilisation = (on_contact + wrap_up) / logged-in time (every state but offline)
//   productivity = completed work items / productive hours (available +
//                  on_contact + wrap_up), when work items are given: items count
//                  for their assignee in the bucket of their completion time.
// An agent's intervals must not overlap (kInvalidArgument naming the later
// one's start_ms[row]); touching ones ([09:00, 09:10) then [09:10, ...)) are fine.
// O(n log n).
Result<Table> agent_time_report(const AgentStateView& states, const AgentTimeGroupBy& group_by,
                                const WorkItemView* work_items = nullptr);

}  // namespace backoffice
