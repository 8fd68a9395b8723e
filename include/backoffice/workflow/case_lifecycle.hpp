#pragma once

#include <backoffice/core/instant.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/case.hpp>
#include <backoffice/domain/case_history.hpp>
#include <backoffice/domain/formatting.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace backoffice {

// ---- Transition table (docs/workflow_cases.md) ------------------------------
//
//   new                  -> open, escalated, resolved
//   open                 -> pending_customer, pending_third_party, escalated, resolved
//   pending_customer     -> open, pending_third_party, escalated, resolved
//   pending_third_party  -> open, pending_customer, escalated, resolved
//   escalated            -> open, pending_customer, pending_third_party, resolved
//   resolved             -> closed, reopened
//   closed               -> reopened
//   reopened             -> open, pending_customer, pending_third_party, escalated, resolved
//
// No status moves to itself and nothing returns to `new`. A closed case can
// only be reopened; only resolved can be closed, so every closed case has
// been resolved first.

// The statuses `from` may move to, in declaration order of CaseStatus.
// Static storage; never fails. O(1).
std::span<const CaseStatus> allowed_transitions(CaseStatus from) noexcept;
// Whether the table above allows from -> to. O(1).
bool is_allowed(CaseStatus from, CaseStatus to) noexcept;

// History entries (CaseStatusChange, CaseEvent) are domain records:
// backoffice/domain/case_history.hpp.

// A case together with its history, the unit the workflow rules act on.
// Every mutation validates first and changes nothing when it fails; each
// success appends exactly one history entry and sets updated_at to its
// instant. Instants must not go backwards: a change earlier than the
// latest of created_at, updated_at and the last entry is a kInvalidArgument
// error naming "case.<what>.at". A value type; not thread-safe for writes.
class CaseWorkflow {
 public:
  // Starts tracking `c` as it stands (its status is the state at
  // created_at; history empty). `c` must pass Case::validate().
  static Result<CaseWorkflow> start(Case c);
  // Rebuilds a workflow from a stored case and its history (oldest first).
  // The history must be a legal walk: it starts at the status the case was
  // created in (entry 0's `from`), each entry starts where the previous one
  // ended, transitions obey the table, instants never decrease and none is
  // before created_at, and the last entry ends in c.status and c.tier.
  // Errors name "case.history[i].<field>". O(H).
  static Result<CaseWorkflow> restore(Case c, std::vector<CaseStatusChange> history);

  const Case& record() const { return case_; }
  std::span<const CaseStatusChange> history() const { return history_; }
  // The status the case had at created_at (before any history entry).
  CaseStatus initial_status() const { return history_.empty() ? case_.status : history_.front().from; }

  // Moves the case to `to` at `at`. An illegal move is a kConflict error
  // with field "case.status", value "<from> -> <to>". Side effects: to
  // resolved sets resolved_at = at; to escalated raises the tier by one (at
  // most Case::kMaxTier), as escalate() does. O(1) amortised.
  Status transition(CaseStatus to, Instant at, std::string_view actor, std::string_view reason);

  // Sets first_response_at = at (the clock of the first-response SLA stops
  // there) and records a kFirstResponse entry. A second call is a kConflict
  // error naming "case.first_response_at" with the existing instant.
  Status record_first_response(Instant at, std::string_view actor);

  // Raises the tier by one (capped at Case::kMaxTier) and moves the case to
  // escalated; an already escalated case stays escalated (the entry then
  // records only the tier). A resolved or closed case cannot be escalated
  // (kConflict naming "case.status"). `rule` names the SLA rule that fired,
  // "" for a manual escalation.
  Status escalate(Instant at, std::string_view actor, std::string_view reason, std::string_view rule = "");

  // Whether an entry made by the SLA rule named `rule` exists. O(H).
  bool has_fired(std::string_view rule) const;

  friend bool operator==(const CaseWorkflow&, const CaseWorkflow&) = default;

 private:
  explicit CaseWorkflow(Case c) : case_(std::move(c)) {}
  Status check_time(Instant at, std::string_view what) const;
  void append(CaseStatusChange change);

  Case case_;
  std::vector<CaseStatusChange> history_;
};

}  // namespace backoffice


