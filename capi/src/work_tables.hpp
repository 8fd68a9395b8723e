#pragma once

// Work items and agent-state intervals as Tables, and their KPI reports: the
// shapes shared by the C ABI and Python (docs/capi.md, "Work-item columns"
// and "Agent-state columns").

#include "table.hpp"

#include <backoffice/core/result.hpp>
#include <backoffice/domain/agent_state_columns.hpp>
#include <backoffice/domain/work_item_columns.hpp>
#include <backoffice/kpi/agent_time_report.hpp>
#include <backoffice/kpi/work_item_report.hpp>

#include <cstdint>
#include <map>
#include <string_view>

namespace backoffice::capi {

// Columns: id (INT64, optional), kind (STRING claim/invoice/refund/
// data_entry/other; default other), queue_id (INT64, required),
// assignee_id (INT64, null = unassigned), received_at (INSTANT, required),
// started_at, completed_at (INSTANT, null = not yet), audit_correct (BOOL,
// null = not audited), audited (BOOL; default: audit_correct is present),
// outcome (STRING). Errors name the column or "column[row]". O(rows).
Result<WorkItemColumns> work_items_from_table(const Table& table);

// Columns: agent_id (INT64), state (STRING available/on_contact/wrap_up/
// break/training/offline), start_at, end_at (INSTANT, end >= start); all
// required. Errors name the column or "column[row]". O(rows).
Result<AgentStateColumns> agent_states_from_table(const Table& table);

// A WorkItemGroupBy from text: `dimensions` comma-separated queue, assignee,
// kind ("" = none); bucket and zone as group_by_of in kpi_table.hpp.
Result<WorkItemGroupBy> work_group_by_of(std::string_view dimensions, std::string_view bucket,
                                         std::string_view zone);

// WorkItemReport::to_table() of the items in `items`, as a report table.
Result<Table> work_item_report_table(const Table& items, const WorkItemGroupBy& group_by,
                                     const TatOptions& options);

// agent_time_report() of the intervals in `states` (and of `work_items` for
// productivity, when not null), as a report table. by_team groups agents
// through team_of_agent (unlisted agents: no team).
Result<Table> agent_time_report_table(const Table& states, const Table* work_items, bool by_team,
                                      std::map<std::int64_t, std::int64_t> team_of_agent,
                                      std::string_view bucket, std::string_view zone);

}  // namespace backoffice::capi
