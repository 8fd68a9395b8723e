#include <backoffice/domain/work_item.hpp>

#include "domain/enum_text.hpp"
#include "domain/validation.hpp"

#include <cstddef>

namespace backoffice {
namespace {

constexpr std::array<detail::EnumName<WorkItemKind>, 5> kWorkItemKindNames{{
    {WorkItemKind::kClaim, "claim"},
    {WorkItemKind::kInvoice, "invoice"},
    {WorkItemKind::kRefund, "refund"},
    {WorkItemKind::kDataEntry, "data_entry"},
    {WorkItemKind::kOther, "other"},
}};

std::string optional_bool_text(const std::optional<bool>& b) {
  if (!b) return "";
  return *b ? "true" : "false";
}

}  // namespace

std::string_view to_string(WorkItemKind kind) noexcept { return detail::enum_name(kWorkItemKindNames, kind); }

Result<WorkItemKind> parse_work_item_kind(std::string_view text, std::string_view field) {
  return detail::parse_enum(kWorkItemKindNames, text, field);
}

std::optional<std::chrono::milliseconds> WorkItem::handle_time() const {
  if (!started_at || !completed_at) return std::nullopt;
  return detail::saturating_span(*completed_at, *started_at);
}

std::optional<std::chrono::milliseconds> WorkItem::turnaround() const {
  if (!completed_at) return std::nullopt;
  return detail::saturating_span(*completed_at, received_at);
}

Status WorkItem::validate() const {
  if (started_at && *started_at < received_at) {
    return detail::before_error("work_item.started_at", *started_at, "received_at", received_at);
  }
  if (completed_at) {
    if (!started_at) {
      return validation_error("work_item.started_at", "", "a completed item must have started_at");
    }
    if (*completed_at < *started_at) {
      return detail::before_error("work_item.completed_at", *completed_at, "started_at", *started_at);
    }
  }
  if (audited) {
    if (!completed_at)
      return validation_error("work_item.audited", "true", "only a completed item can be audited");
    if (!audit_correct) {
      return validation_error("work_item.audit_correct", "",
                              "an audited item must record whether it was correct");
    }
  } else if (audit_correct) {
    return validation_error("work_item.audit_correct", optional_bool_text(audit_correct),
                            "an item that was not audited has no audit result");
  }
  if (!error_fields.empty() && audit_correct != false) {
    return validation_error("work_item.error_fields", fmt::format("{} fields", error_fields.size()),
                            "fields in error are listed only when the audit found the item incorrect");
  }
  for (std::size_t i = 0; i < error_fields.size(); ++i) {
    if (detail::is_blank(error_fields[i])) {
      return detail::blank_error(fmt::format("work_item.error_fields[{}]", i), error_fields[i]);
    }
  }
  return Status::Ok();
}

std::string to_string(const WorkItem& item) {
  const char* state = item.completed() ? "completed" : item.started_at ? "in progress" : "waiting";
  return fmt::format("work item {} {} queue {} received {}, {}", item.id, item.kind, item.queue,
                     detail::instant_text(item.received_at), state);
}

}  // namespace backoffice
