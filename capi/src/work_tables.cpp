#include "work_tables.hpp"

#include "column_readers.hpp"
#include "kpi_table.hpp"

#include <backoffice/domain/agent_state.hpp>
#include <backoffice/domain/work_item.hpp>
#include <backoffice/kpi/time_bucket.hpp>

#include <utility>

namespace backoffice::capi {

namespace {

Result<WorkDimension> parse_work_dimension(std::string_view text) {
  if (text == "queue") return WorkDimension::kQueue;
  if (text == "assignee") return WorkDimension::kAssignee;
  if (text == "kind") return WorkDimension::kKind;
  return make_error(ErrorCode::kParse, "dimension", text, "expected queue, assignee or kind");
}

}  // namespace

Result<WorkItemColumns> work_items_from_table(const Table& t) {
  BO_RETURN_IF_ERROR(check_known_columns(t,
                                         {"id", "kind", "queue_id", "assignee_id", "received_at", "started_at",
                                          "completed_at", "audited", "audit_correct", "outcome"},
                                         "a work-item column"));
  WorkItemColumns x;
  BO_RETURN_IF_ERROR(read_ints(t, "id", false, 0, x.id));
  BO_RETURN_IF_ERROR(read_enum(
      t, "kind", static_cast<std::uint8_t>(WorkItemKind::kOther),
      [](std::string_view s, const std::string& f) { return parse_work_item_kind(s, f); }, x.kind));
  BO_RETURN_IF_ERROR(read_ints(t, "queue_id", true, 0, x.queue_id));
  BO_RETURN_IF_ERROR(read_ints(t, "assignee_id", false, kNullInt64, x.assignee_id));
  BO_RETURN_IF_ERROR(read_ints(t, "received_at", true, 0, x.received_ms));
  BO_RETURN_IF_ERROR(read_ints(t, "started_at", false, kNullInt64, x.started_ms));
  BO_RETURN_IF_ERROR(read_ints(t, "completed_at", false, kNullInt64, x.completed_ms));
  BO_RETURN_IF_ERROR(read_bool(t, "audit_correct", -1, x.audit_correct));
  if (t.find("audited") != nullptr) {
    BO_RETURN_IF_ERROR(read_bool(t, "audited", 0, x.audited));
    const Column& audited = *t.find("audited");
    for (std::size_t i = 0; i < t.rows(); ++i) {
      // An audit outcome without an audit is a contradiction, not a default.
      if (x.audited[i] == 0 && x.audit_correct[i] != -1) {
        return invalid_argument(cell(audited, i), "0", "audit_correct is set but the item was not audited");
      }
    }
  } else {
    x.audited.resize(t.rows());
    for (std::size_t i = 0; i < t.rows(); ++i) x.audited[i] = x.audit_correct[i] != -1 ? 1 : 0;
  }
  BO_RETURN_IF_ERROR(read_codes(t, "outcome", x.outcomes, x.outcome));
  for (std::size_t i = 0; i < t.rows(); ++i) {
    if (x.completed_ms[i] != kNullInt64 && x.completed_ms[i] < x.received_ms[i]) {
      return invalid_argument(cell(*t.find("completed_at"), i), std::to_string(x.completed_ms[i]),
                              "completed before it was received");
    }
  }
  return x;
}

Result<AgentStateColumns> agent_states_from_table(const Table& t) {
  BO_RETURN_IF_ERROR(
      check_known_columns(t, {"agent_id", "state", "start_at", "end_at"}, "an agent-state column"));
  if (t.find("state") == nullptr) return invalid_argument("state", "", "required column is missing");
  AgentStateColumns x;
  BO_RETURN_IF_ERROR(read_ints(t, "agent_id", true, 0, x.agent_id));
  BO_RETURN_IF_ERROR(read_enum(
      t, "state", static_cast<std::uint8_t>(AgentState::kOffline),
      [](std::string_view s, const std::string& f) { return parse_agent_state(s, f); }, x.state));
  const Column& state = *t.find("state");
  for (std::size_t i = 0; i < t.rows(); ++i) {
    if (state.is_null(i)) return invalid_argument(cell(state, i), "null", "required value is missing");
  }
  BO_RETURN_IF_ERROR(read_ints(t, "start_at", true, 0, x.start_ms));
  BO_RETURN_IF_ERROR(read_ints(t, "end_at", true, 0, x.end_ms));
  for (std::size_t i = 0; i < t.rows(); ++i) {
    if (x.end_ms[i] < x.start_ms[i]) {
      return invalid_argument(cell(*t.find("end_at"), i), std::to_string(x.end_ms[i]), "ends before it starts");
    }
  }
  return x;
}

Result<WorkItemGroupBy> work_group_by_of(std::string_view dimensions, std::string_view bucket,
                                         std::string_view zone) {
  // Bucket and zone read exactly as for contact reports.
  BO_ASSIGN_OR_RETURN(GroupBy contact, group_by_of("", bucket, zone));
  WorkItemGroupBy g;
  g.bucket = contact.bucket;
  g.zone = contact.zone;
  BO_ASSIGN_OR_RETURN(g.dimensions, parse_dimension_list<WorkDimension>(dimensions, parse_work_dimension));
  return g;
}

Result<Table> work_item_report_table(const Table& items, const WorkItemGroupBy& group_by,
                                     const TatOptions& options) {
  BO_ASSIGN_OR_RETURN(auto columns, work_items_from_table(items));
  BO_ASSIGN_OR_RETURN(auto report, work_item_report(WorkItemView::of(columns), group_by, options));
  return report_table(report.to_table());
}

Result<Table> agent_time_report_table(const Table& states, const Table* work_items, bool by_team,
                                      std::map<std::int64_t, std::int64_t> team_of_agent,
                                      std::string_view bucket, std::string_view zone) {
  BO_ASSIGN_OR_RETURN(auto columns, agent_states_from_table(states));
  BO_ASSIGN_OR_RETURN(GroupBy contact, group_by_of("", bucket, zone));
  AgentTimeGroupBy g;
  g.by_team = by_team;
  g.team_of_agent = std::move(team_of_agent);
  g.bucket = contact.bucket;
  g.zone = contact.zone;
  WorkItemColumns items;
  if (work_items != nullptr) {
    BO_ASSIGN_OR_RETURN(items, work_items_from_table(*work_items));
  }
  const WorkItemView view = WorkItemView::of(items);
  BO_ASSIGN_OR_RETURN(auto table,
                      agent_time_report(AgentStateView::of(columns), g, work_items != nullptr ? &view : nullptr));
  return report_table(std::move(table));
}

}  // namespace backoffice::capi
