#pragma once

// KPI reports asked of the store: reads the interactions of a time range as
// columns and runs the KPI engine on them, with each queue's own targets.

#include <backoffice/kpi/agent_time_report.hpp>
#include <backoffice/kpi/contact_report.hpp>
#include <backoffice/kpi/work_item_report.hpp>
#include <backoffice/store/store.hpp>

namespace backoffice {

// Targets of every queue in the store (answer target, short-abandon
// threshold), for KpiOptions::per_queue.
Result<std::map<std::int64_t, QueueTargets>> queue_targets(const Store& store);

// Contact KPIs for the interactions matching `query` (offered time in
// [from, to)). Queues' stored targets fill options.per_queue where it has no
// entry; GroupBy::team_of_agent is filled from the agents' teams when empty.
// FCR looks only at the contacts inside the query: widen `from` by the FCR
// window to judge early contacts against repeats from before the range.
Result<ContactReport> contact_report(const Store& store, const InteractionQuery& query, GroupBy group_by,
                                     KpiOptions options = {});

// Turnaround and accuracy of the work items matching `query` (received time
// in [from, to)).
Result<WorkItemReport> work_item_report(const Store& store, const WorkItemQuery& query,
                                        const WorkItemGroupBy& group_by, const TatOptions& options = {});

// Occupancy, utilisation and (with_productivity) work items per productive
// hour, from the agent-state intervals overlapping [query.from, query.to) and
// the work items completed by the same agents in that range. Intervals are
// not clipped to the range. Teams come from the stored agents when by_team.
Result<Table> agent_time_report(const Store& store, const AgentStateQuery& query, AgentTimeGroupBy group_by,
                                bool with_productivity = true);

}  // namespace backoffice
