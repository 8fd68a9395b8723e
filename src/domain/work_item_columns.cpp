#include <backoffice/domain/work_item_columns.hpp>

#include <fmt/format.h>

#include <utility>

namespace backoffice {

void WorkItemColumns::reserve(std::size_t n) {
  id.reserve(n);
  kind.reserve(n);
  queue_id.reserve(n);
  assignee_id.reserve(n);
  received_ms.reserve(n);
  started_ms.reserve(n);
  completed_ms.reserve(n);
  audited.reserve(n);
  audit_correct.reserve(n);
  outcome.reserve(n);
}

void WorkItemColumns::clear() { *this = WorkItemColumns{}; }

void WorkItemColumns::append(const WorkItem& x) {
  id.push_back(x.id.value());
  kind.push_back(static_cast<std::uint8_t>(x.kind));
  queue_id.push_back(x.queue.value());
  assignee_id.push_back(x.assignee ? x.assignee->value() : kNullInt64);
  received_ms.push_back(x.received_at.unix_ms());
  started_ms.push_back(x.started_at ? x.started_at->unix_ms() : kNullInt64);
  completed_ms.push_back(x.completed_at ? x.completed_at->unix_ms() : kNullInt64);
  audited.push_back(x.audited ? 1 : 0);
  audit_correct.push_back(x.audit_correct ? static_cast<std::int8_t>(*x.audit_correct ? 1 : 0)
                                          : std::int8_t{-1});
  outcome.push_back(outcomes.code(x.outcome));
}

WorkItem WorkItemColumns::row(std::size_t i) const {
  WorkItem x;
  x.id = WorkItemId(id[i]);
  x.kind = static_cast<WorkItemKind>(kind[i]);
  x.queue = QueueId(queue_id[i]);
  if (assignee_id[i] != kNullInt64) x.assignee = AgentId(assignee_id[i]);
  x.received_at = Instant::from_unix_ms(received_ms[i]);
  if (started_ms[i] != kNullInt64) x.started_at = Instant::from_unix_ms(started_ms[i]);
  if (completed_ms[i] != kNullInt64) x.completed_at = Instant::from_unix_ms(completed_ms[i]);
  x.audited = audited[i] != 0;
  if (audit_correct[i] >= 0) x.audit_correct = audit_correct[i] == 1;
  x.outcome = outcomes.text(outcome[i]);
  return x;
}

Status WorkItemColumns::check_shape() const {
  const std::size_t n = id.size();
  const std::pair<const char*, std::size_t> sizes[] = {
      {"kind", kind.size()},           {"queue_id", queue_id.size()},
      {"assignee_id", assignee_id.size()}, {"received_ms", received_ms.size()},
      {"started_ms", started_ms.size()},   {"completed_ms", completed_ms.size()},
      {"audited", audited.size()},         {"audit_correct", audit_correct.size()},
      {"outcome", outcome.size()}};
  for (const auto& [name, size] : sizes) {
    if (size != n) {
      return invalid_argument(name, std::to_string(size), fmt::format("column length differs from id's {}", n));
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (kind[i] >= kAllWorkItemKinds.size())
      return invalid_argument(fmt::format("kind[{}]", i), std::to_string(kind[i]), "not a WorkItemKind");
    if (audited[i] > 1)
      return invalid_argument(fmt::format("audited[{}]", i), std::to_string(audited[i]), "must be 0 or 1");
    if (audit_correct[i] < -1 || audit_correct[i] > 1)
      return invalid_argument(fmt::format("audit_correct[{}]", i), std::to_string(audit_correct[i]),
                              "must be -1 (not audited), 0 or 1");
    if (outcome[i] < 0 || static_cast<std::size_t>(outcome[i]) >= outcomes.size())
      return invalid_argument(fmt::format("outcome[{}]", i), std::to_string(outcome[i]),
                              "not a code in the outcomes dictionary");
  }
  return Status::Ok();
}

}  // namespace backoffice
