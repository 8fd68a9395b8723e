#pragma once

#include <backoffice/core/business_calendar.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/work_item_columns.hpp>
#include <backoffice/kpi/table.hpp>
#include <backoffice/kpi/time_bucket.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace backoffice {

// Read-only spans over work-item columns (WorkItemColumns' layout: instants
// in Unix ms, kNullInt64 when absent; audit_correct -1 not audited, 0, 1).
struct WorkItemView {
  std::span<const std::int64_t> queue_id;
  std::span<const std::int64_t> assignee_id;
  std::span<const std::uint8_t> kind;
  std::span<const std::int64_t> received_ms;
  std::span<const std::int64_t> completed_ms;
  std::span<const std::int8_t> audit_correct;
  std::size_t size() const { return received_ms.size(); }
  static WorkItemView of(const WorkItemColumns& c) {
    return {c.queue_id, c.assignee_id, c.kind, c.received_ms, c.completed_ms, c.audit_correct};
  }
};

enum class WorkDimension : std::uint8_t { kQueue, kAssignee, kKind };

struct WorkItemGroupBy {
  std::vector<WorkDimension> dimensions{};
  TimeBucket bucket = TimeBucket::kNone;
  TimeZone zone{};
};

struct TatOptions {
  // An item is within target when its turnaround is <= target.
  std::chrono::milliseconds target = std::chrono::hours(24);
  // When set, turnaround is also measured in business time on this calendar
  // (the btat_* columns), with the same target read as business time.
  std::optional<BusinessCalendar> calendar{};
};

// Turnaround (TAT = completed - received) and accuracy per group. A completed
// item counts in the bucket of its completion time; an open item (not
// completed) counts only in `open`, in the bucket of its received time.
// Percentiles are exact, nearest-rank: the p-th percentile of n sorted values
// is the value at rank ceil(p * n). accuracy_rate = audited correct / audited,
// over completed items. O(n log n) for the percentiles.
class WorkItemReport {
 public:
  std::size_t group_count() const { return keys_.size(); }
  // Adds another report made with the same grouping and options (exact: the
  // turnaround values are kept, so merged percentiles equal one pass).
  Status merge(const WorkItemReport& other);
  Table to_table() const;

 private:
  friend Result<WorkItemReport> work_item_report(const WorkItemView&, const WorkItemGroupBy&, const TatOptions&);
  struct Group {
    std::int64_t open = 0;
    std::int64_t audited = 0;
    std::int64_t audited_correct = 0;
    std::int64_t within_target = 0;
    std::int64_t business_within_target = 0;
    std::vector<std::int64_t> tat_ms;           // one per completed item
    std::vector<std::int64_t> business_tat_ms;  // when a calendar is set
  };
  Group& group(const std::vector<std::int64_t>& key);
  WorkItemGroupBy group_by_;
  TatOptions options_;
  std::vector<std::vector<std::int64_t>> keys_;
  std::vector<Group> groups_;
};

Result<WorkItemReport> work_item_report(const WorkItemView& v, const WorkItemGroupBy& group_by,
                                        const TatOptions& options = {});

}  // namespace backoffice
