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
//                 customer cleared (FCR no longer judges them); delete also
//                 deletes their QA evaluations with the answers (counted in
//                 RetentionReport::qa_evaluations); anonymise leaves
//                 evaluations alone (they hold nothing about the customer);
//   cases         updated_at, resolved or closed cases only; anonymise =
//                 subject "[erased]";
//   orders        updated_at, delivered, cancelled or returned only; an
//                 order's RMAs go with it (they are part of the order), its
//                 invoices stay (their order reference becomes unset);
//   work_items    received_at;
//   agent_states  end.
// Orders, work items and agent states hold no free text: delete only.
// Invoices, credit notes and payments are financial records under their own
// legal retention period: no rule here deletes or anonymises them (their
// personal free text goes with erase_customer), so this contact-data
// retention never changes a balance.
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
  // QA evaluations deleted with their interactions (no audit entry of their
  // own: the interactions' entry names the count).
  std::int64_t qa_evaluations = 0;
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
