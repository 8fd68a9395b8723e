#pragma once

// Retention: records older than a period per kind are deleted, or stripped
// of personal data, in one transaction.

#include <backoffice/core/instant.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/store/store.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace backoffice {

enum class RetentionAction {
  kDelete,     // remove the rows
  kAnonymise,  // keep the rows for KPIs, drop personal data (see below)
};

// Records whose age reaches `max_age` (> 0) are acted on.
struct RetentionRule {
  std::chrono::milliseconds max_age{0};
  RetentionAction action = RetentionAction::kDelete;
};

// One optional rule per kind; an absent rule leaves the kind alone. A record
// is "older" when its reference instant is before now - max_age:
//   interactions  offered_at; anonymise = notes '', external id and
//                 customer cleared (FCR no longer judges them);
//   cases         updated_at, resolved or closed cases only; anonymise =
//                 subject "[erased]";
//   orders        updated_at, delivered, cancelled or returned only;
//   work_items    received_at;
//   agent_states  end.
// Orders, work items and agent states hold no free text: delete only.
struct RetentionPolicy {
  std::optional<RetentionRule> interactions;
  std::optional<RetentionRule> cases;
  std::optional<RetentionRule> orders;
  std::optional<RetentionRule> work_items;
  std::optional<RetentionRule> agent_states;
  std::string actor = "retention";
};

// Rows deleted or anonymised per kind, and the audit entries written.
struct RetentionReport {
  std::int64_t interactions = 0;
  std::int64_t cases = 0;
  std::int64_t orders = 0;
  std::int64_t work_items = 0;
  std::int64_t agent_states = 0;
  std::int64_t first_audit_seq = 0;  // 0 when the policy had no rule
  std::int64_t last_audit_seq = 0;
  friend bool operator==(const RetentionReport&, const RetentionReport&) = default;
};

// Applies `policy` as of `now` (UTC) in one transaction, appending one audit
// entry per rule (action "retention.delete" or "retention.anonymise", record
// id "*", the cut-off and the row count). Anonymising skips rows already
// anonymised, so a rerun reports 0. O(rows acted on) plus the index scans.
// Errors: kInvalidArgument "retention.<kind>.max_age" when <= 0,
// "retention.<kind>.action" for kAnonymise on a kind without free text
// (nothing changes); kStore when the store fails (nothing changes).
Result<RetentionReport> apply_retention(Store& store, const RetentionPolicy& policy, Instant now);

}  // namespace backoffice
