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

}  // namespace backoffice
