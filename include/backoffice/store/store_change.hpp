#pragma once

// A write the store is about to commit, as seen by a change observer (the
// compliance audit trail is one): what kind of record, which one, how many
// rows. The observer runs inside the write's transaction, so the change and
// whatever the observer records commit or roll back together.

#include <backoffice/core/result.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace backoffice {

struct StoreChange {
  std::string_view action;       // "put", "delete" or "ingest"
  std::string_view record_kind;  // "queue", "agent", "customer", "interaction",
                                 // "order", "case", "work_item", "agent_state",
                                 // "invoice", "credit_note", "payment", "rma",
                                 // "qa_scorecard", "qa_evaluation"
  std::string record_id;         // the id as text; "*" for an ingest batch
  std::int64_t rows = 0;         // rows written (1 for put/delete)
  // The record as text (to_string of the record) for put; empty for delete
  // and ingest. May hold personal data: an observer that keeps it must
  // digest it, never store it as is.
  std::string payload;
};

// Returns an error to refuse the change: the store rolls the write back and
// returns that error to its caller.
using StoreChangeObserver = std::function<Status(const StoreChange&)>;

}  // namespace backoffice
