#pragma once

#include <backoffice/core/ids.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/formatting.hpp>

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backoffice {

// What a back-office work item is.
enum class WorkItemKind { kClaim, kInvoice, kRefund, kDataEntry, kOther };

inline constexpr std::array kAllWorkItemKinds{WorkItemKind::kClaim, WorkItemKind::kInvoice,
                                              WorkItemKind::kRefund, WorkItemKind::kDataEntry,
                                              WorkItemKind::kOther};

// "claim", "invoice", "refund", "data_entry", "other": stable names (SQLite,
// CSV); "unknown" otherwise.
std::string_view to_string(WorkItemKind kind) noexcept;
// Reads to_string's names, ignoring ASCII case; unknown text is a kParse
// error naming `field` and the text.
Result<WorkItemKind> parse_work_item_kind(std::string_view text, std::string_view field = "work_item_kind");

// One piece of back-office work (a claim to assess, an invoice to key in),
// from receipt to completion, and its quality audit if one was done.
struct WorkItem {
  WorkItemId id;
  WorkItemKind kind = WorkItemKind::kOther;
  QueueId queue;
  std::optional<AgentId> assignee;      // absent: not yet assigned
  Instant received_at;                  // UTC
  std::optional<Instant> started_at;    // absent: not started
  std::optional<Instant> completed_at;  // absent: not completed
  std::string outcome;                  // free code, e.g. "approved"
  bool audited = false;
  std::optional<bool> audit_correct;      // present exactly when audited
  std::vector<std::string> error_fields;  // fields the audit found wrong

  bool completed() const { return completed_at.has_value(); }
  // completed_at - started_at: time spent working, when both are known.
  // (Both helpers saturate at the int64 range rather than overflow.)
  std::optional<std::chrono::milliseconds> handle_time() const;
  // completed_at - received_at: end-to-end turnaround, when completed.
  std::optional<std::chrono::milliseconds> turnaround() const;

  // Checks, in this order, and reports the first failure as a kValidation
  // error with field "work_item.<field>":
  //  - started_at >= received_at;
  //  - a completed item has started_at, and completed_at >= started_at;
  //  - audited items are completed and have audit_correct; items not
  //    audited have no audit_correct;
  //  - error_fields is empty unless audit_correct is false, and no entry is
  //    blank ("work_item.error_fields[i]").
  Status validate() const;

  friend bool operator==(const WorkItem&, const WorkItem&) = default;
};

// "work item 4 claim queue 5 received 2024-03-01T09:00:00Z, completed".
std::string to_string(const WorkItem& item);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::WorkItemKind>
    : backoffice::detail::ToStringFormatter<backoffice::WorkItemKind> {};
template <>
struct fmt::formatter<backoffice::WorkItem> : backoffice::detail::ToStringFormatter<backoffice::WorkItem> {};
