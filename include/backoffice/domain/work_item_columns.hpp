#pragma once

#include <backoffice/core/result.hpp>
#include <backoffice/domain/interaction_columns.hpp>
#include <backoffice/domain/work_item.hpp>

#include <cstdint>
#include <vector>

namespace backoffice {

// Work items as a struct of arrays, for turnaround (TAT) and accuracy KPIs
// with no per-row object. All columns have size() elements. Instants are Unix
// milliseconds (UTC). The audit's fields in error are not carried (the store's
// work_items() returns them).
struct WorkItemColumns {
  std::vector<std::int64_t> id;
  std::vector<std::uint8_t> kind;  // static_cast<std::uint8_t>(WorkItemKind)
  std::vector<std::int64_t> queue_id;
  std::vector<std::int64_t> assignee_id;   // kNullInt64 when unassigned
  std::vector<std::int64_t> received_ms;
  std::vector<std::int64_t> started_ms;    // kNullInt64 when not started
  std::vector<std::int64_t> completed_ms;  // kNullInt64 when not completed
  std::vector<std::uint8_t> audited;       // 0 or 1
  std::vector<std::int8_t> audit_correct;  // -1 not audited, 0 incorrect, 1 correct
  std::vector<std::int32_t> outcome;       // code in `outcomes`
  StringDictionary outcomes;

  std::size_t size() const { return id.size(); }
  void reserve(std::size_t n);
  void clear();
  // O(1) amortised (one dictionary look-up for the outcome).
  void append(const WorkItem& item);
  // Row i as a record (error_fields empty). Precondition: i < size().
  WorkItem row(std::size_t i) const;
  // All columns the same length, kind and audit_correct in range, outcome
  // codes in the dictionary; kInvalidArgument naming the first offending
  // column ("audit_correct[3]") otherwise. O(size()).
  Status check_shape() const;
};

}  // namespace backoffice
