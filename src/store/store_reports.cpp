#include <backoffice/store/store_reports.hpp>

namespace backoffice {

Result<std::map<std::int64_t, QueueTargets>> queue_targets(const Store& store) {
  BO_ASSIGN_OR_RETURN(auto queues, store.queues());
  std::map<std::int64_t, QueueTargets> out;
  for (const auto& q : queues) out[q.id.value()] = QueueTargets{q.service_level_target, q.short_abandon_threshold};
  return out;
}

Result<ContactReport> contact_report(const Store& store, const InteractionQuery& query, GroupBy group_by,
                                     KpiOptions options) {
  BO_ASSIGN_OR_RETURN(auto targets, queue_targets(store));
  for (const auto& [queue, t] : targets) options.per_queue.try_emplace(queue, t);
  if (group_by.team_of_agent.empty()) {
    BO_ASSIGN_OR_RETURN(auto agents, store.agents());
    for (const auto& a : agents) {
      if (a.team) group_by.team_of_agent[a.id.value()] = a.team->value();
    }
  }
  BO_ASSIGN_OR_RETURN(auto columns, store.interaction_columns(query));
  return contact_report(InteractionView::of(columns), group_by, options);
}

Result<WorkItemReport> work_item_report(const Store& store, const WorkItemQuery& query,
                                        const WorkItemGroupBy& group_by, const TatOptions& options) {
  BO_ASSIGN_OR_RETURN(auto columns, store.work_item_columns(query));
  return work_item_report(WorkItemView::of(columns), group_by, options);
}

Result<Table> agent_time_report(const Store& store, const AgentStateQuery& query, AgentTimeGroupBy group_by,
                                bool with_productivity) {
  if (group_by.by_team && group_by.team_of_agent.empty()) {
    BO_ASSIGN_OR_RETURN(auto agents, store.agents());
    for (const auto& a : agents) {
      if (a.team) group_by.team_of_agent[a.id.value()] = a.team->value();
    }
  }
  BO_ASSIGN_OR_RETURN(auto states, store.agent_state_columns(query));
  if (!with_productivity) return agent_time_report(AgentStateView::of(states), group_by);
  // Items count by completion time, so read those received up to the end of the range.
  WorkItemQuery items_query;
  items_query.to = query.to;
  items_query.assignee = query.agent;
  BO_ASSIGN_OR_RETURN(auto items, store.work_item_columns(items_query));
  WorkItemColumns completed_in_range;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto done = items.completed_ms[i];
    if (done == kNullInt64 || (query.from && done < query.from->unix_ms()) || (query.to && done >= query.to->unix_ms())) {
      continue;
    }
    completed_in_range.append(items.row(i));
  }
  const auto view = WorkItemView::of(completed_in_range);
  return agent_time_report(AgentStateView::of(states), group_by, &view);
}

}  // namespace backoffice
