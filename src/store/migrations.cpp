#include "store/migrations.hpp"

#include <fmt/format.h>

#include <array>
#include <string>

namespace backoffice::store_detail {
namespace {

// Version 1: the records. Instants are INTEGER Unix milliseconds (UTC);
// durations INTEGER milliseconds; money INTEGER minor units beside a
// currency code; enums are their stable text names (docs/store.md).
constexpr std::string_view kV1 = R"sql(
CREATE TABLE queues (
  id                   INTEGER PRIMARY KEY,
  name                 TEXT NOT NULL,
  channel              TEXT NOT NULL,
  sl_target_s          INTEGER NOT NULL,
  sl_target_pct        REAL NOT NULL,
  short_abandon_s      INTEGER NOT NULL,
  calendar             TEXT NOT NULL DEFAULT '',
  time_zone            TEXT NOT NULL DEFAULT 'UTC'
);
CREATE TABLE agents (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL,
  team_id   INTEGER,
  time_zone TEXT NOT NULL DEFAULT 'UTC'
);
CREATE TABLE agent_skills (
  agent_id  INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  name      TEXT NOT NULL,
  level     INTEGER,
  PRIMARY KEY (agent_id, position)
);
CREATE TABLE customers (
  id                INTEGER PRIMARY KEY,
  name              TEXT NOT NULL,
  address_line1     TEXT NOT NULL DEFAULT '',
  address_line2     TEXT NOT NULL DEFAULT '',
  city              TEXT NOT NULL DEFAULT '',
  region            TEXT NOT NULL DEFAULT '',
  postal_code       TEXT NOT NULL DEFAULT '',
  country           TEXT NOT NULL DEFAULT '',
  consent_email     INTEGER NOT NULL DEFAULT 0,
  consent_sms       INTEGER NOT NULL DEFAULT 0,
  consent_recording INTEGER NOT NULL DEFAULT 0,
  created_ms        INTEGER NOT NULL,
  updated_ms        INTEGER NOT NULL
);
CREATE TABLE customer_emails (
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  email       TEXT NOT NULL,
  PRIMARY KEY (customer_id, position)
);
CREATE TABLE customer_phones (
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  e164        TEXT NOT NULL,
  PRIMARY KEY (customer_id, position)
);
CREATE TABLE interactions (
  id           INTEGER PRIMARY KEY,
  external_id  TEXT,
  channel      TEXT NOT NULL,
  direction    TEXT NOT NULL,
  queue_id     INTEGER NOT NULL REFERENCES queues(id),
  customer_id  INTEGER REFERENCES customers(id),
  agent_id     INTEGER REFERENCES agents(id),
  offered_ms   INTEGER NOT NULL,
  answered_ms  INTEGER,
  ended_ms     INTEGER NOT NULL,
  talk_ms      INTEGER NOT NULL,
  hold_ms      INTEGER NOT NULL,
  wrap_ms      INTEGER NOT NULL,
  transferred  INTEGER NOT NULL,
  reason       TEXT NOT NULL DEFAULT '',
  disposition  TEXT NOT NULL DEFAULT '',
  resolved     INTEGER,
  csat         INTEGER,
  nps          INTEGER,
  notes        TEXT NOT NULL DEFAULT ''
);
CREATE TABLE orders (
  id              INTEGER PRIMARY KEY,
  customer_id     INTEGER REFERENCES customers(id),
  status          TEXT NOT NULL,
  currency        TEXT NOT NULL,
  shipping_minor  INTEGER NOT NULL,
  tax_minor       INTEGER NOT NULL,
  placed_ms       INTEGER NOT NULL,
  updated_ms      INTEGER NOT NULL
);
CREATE TABLE order_lines (
  order_id          INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  position          INTEGER NOT NULL,
  sku               TEXT NOT NULL,
  quantity          INTEGER NOT NULL,
  unit_price_minor  INTEGER NOT NULL,
  PRIMARY KEY (order_id, position)
);
CREATE TABLE cases (
  id                 INTEGER PRIMARY KEY,
  customer_id        INTEGER REFERENCES customers(id),
  subject            TEXT NOT NULL,
  priority           TEXT NOT NULL,
  status             TEXT NOT NULL,
  owner_id           INTEGER REFERENCES agents(id),
  tier               INTEGER NOT NULL,
  queue_id           INTEGER REFERENCES queues(id),
  created_ms         INTEGER NOT NULL,
  updated_ms         INTEGER NOT NULL,
  first_response_ms  INTEGER,
  resolved_ms        INTEGER
);
CREATE TABLE work_items (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL,
  queue_id         INTEGER REFERENCES queues(id),
  assignee_id      INTEGER REFERENCES agents(id),
  received_ms      INTEGER NOT NULL,
  started_ms       INTEGER,
  completed_ms     INTEGER,
  outcome          TEXT NOT NULL DEFAULT '',
  audited          INTEGER NOT NULL DEFAULT 0,
  audit_correct    INTEGER,
  fields_in_error  TEXT NOT NULL DEFAULT ''
);
CREATE TABLE agent_states (
  id        INTEGER PRIMARY KEY,
  agent_id  INTEGER NOT NULL REFERENCES agents(id),
  state     TEXT NOT NULL,
  start_ms  INTEGER NOT NULL,
  end_ms    INTEGER NOT NULL
);
)sql";

// Version 2: indexes for the store's range and key queries, added once the
// query patterns were known (an upgrade must build them on existing data).
constexpr std::string_view kV2 = R"sql(
CREATE INDEX interactions_by_offered ON interactions(offered_ms);
CREATE INDEX interactions_by_queue ON interactions(queue_id, offered_ms);
CREATE INDEX interactions_by_agent ON interactions(agent_id, offered_ms);
CREATE INDEX interactions_by_customer ON interactions(customer_id, offered_ms);
CREATE INDEX work_items_by_received ON work_items(received_ms);
CREATE INDEX cases_by_customer ON cases(customer_id);
CREATE INDEX orders_by_customer ON orders(customer_id);
CREATE INDEX agent_states_by_agent ON agent_states(agent_id, start_ms);
)sql";

// Version 3: a work item's fields in error as child rows (one per field, in
// order), so any text is stored exactly and a QA report can count fields with
// GROUP BY; version 1's work_items.fields_in_error column was never written
// by any release and stays ''. Plus indexes for the case, order, work item
// and agent-state queries.
constexpr std::string_view kV3 = R"sql(
CREATE TABLE work_item_error_fields (
  work_item_id  INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  field         TEXT NOT NULL,
  PRIMARY KEY (work_item_id, position)
);
CREATE INDEX work_items_by_queue ON work_items(queue_id, received_ms);
CREATE INDEX work_items_by_assignee ON work_items(assignee_id, received_ms);
CREATE INDEX cases_by_created ON cases(created_ms);
CREATE INDEX cases_by_queue ON cases(queue_id, created_ms);
CREATE INDEX cases_by_owner ON cases(owner_id, created_ms);
CREATE INDEX orders_by_placed ON orders(placed_ms);
CREATE INDEX agent_states_by_start ON agent_states(start_ms, end_ms);
)sql";

// Version 4: the compliance audit trail (docs/compliance.md). Entries are
// hash-chained by the library; the triggers make the table append-only for
// every connection, so a change needs someone who drops them on purpose.
constexpr std::string_view kV4 = R"sql(
CREATE TABLE audit_log (
  seq          INTEGER PRIMARY KEY,
  time_ms      INTEGER NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  record_kind  TEXT NOT NULL,
  record_id    TEXT NOT NULL,
  summary      TEXT NOT NULL,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)sql";

// Version 5: a case's history (docs/workflow_cases.md), one row per entry in
// order. Retention deletes go down to it; when erasure or retention blanks a
// case's subject, the trigger blanks the free-text reasons too, since they
// may quote the customer.
constexpr std::string_view kV5 = R"sql(
CREATE TABLE case_history (
  case_id      INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  at_ms        INTEGER NOT NULL,
  actor        TEXT NOT NULL,
  event        TEXT NOT NULL,
  from_status  TEXT NOT NULL,
  to_status    TEXT NOT NULL,
  tier         INTEGER NOT NULL,
  reason       TEXT NOT NULL,
  rule         TEXT NOT NULL,
  PRIMARY KEY (case_id, position)
);
CREATE TRIGGER case_history_erased AFTER UPDATE OF subject ON cases WHEN NEW.subject = '[erased]'
BEGIN UPDATE case_history SET reason = '[erased]' WHERE case_id = NEW.id AND reason <> '[erased]'; END;
)sql";

// QA (docs/workflow_qa.md): scorecard templates, one row per criterion in
// flat (section) order with its section, so an evaluation can be re-scored
// from the store alone; evaluations with their answers (codes -1 = N/A,
// 0 = no, 1 = yes, 1..5 ratings) in the order given. Evaluations go with
// their interaction (retention deletes cascade); agents and scorecards are
// never deleted by the store, so those references do not cascade. The
// interaction index serves that cascade.
constexpr std::string_view kQaRecords = R"sql(
CREATE TABLE qa_scorecards (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL
);
CREATE TABLE qa_scorecard_criteria (
  scorecard_id   INTEGER NOT NULL REFERENCES qa_scorecards(id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  section_index  INTEGER NOT NULL,
  section_name   TEXT NOT NULL,
  criterion_id   TEXT NOT NULL,
  text           TEXT NOT NULL,
  weight         REAL NOT NULL,
  scale          TEXT NOT NULL,
  critical       INTEGER NOT NULL,
  compliance     INTEGER NOT NULL,
  PRIMARY KEY (scorecard_id, position),
  UNIQUE (scorecard_id, criterion_id)
);
CREATE TABLE qa_evaluations (
  id              INTEGER PRIMARY KEY,
  scorecard_id    INTEGER NOT NULL REFERENCES qa_scorecards(id),
  interaction_id  INTEGER NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
  agent_id        INTEGER NOT NULL REFERENCES agents(id),
  evaluator       TEXT NOT NULL,
  evaluated_ms    INTEGER NOT NULL
);
CREATE TABLE qa_answers (
  evaluation_id  INTEGER NOT NULL REFERENCES qa_evaluations(id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  criterion_id   TEXT NOT NULL,
  code           INTEGER NOT NULL,
  PRIMARY KEY (evaluation_id, position)
);
CREATE INDEX qa_evaluations_by_evaluated ON qa_evaluations(evaluated_ms);
CREATE INDEX qa_evaluations_by_agent ON qa_evaluations(agent_id, evaluated_ms);
CREATE INDEX qa_evaluations_by_scorecard ON qa_evaluations(scorecard_id, evaluated_ms);
CREATE INDEX qa_evaluations_by_interaction ON qa_evaluations(interaction_id);
)sql";

// The receivables ledger (docs/workflow_orders.md, "Persistence") and order
// returns. Dates are INTEGER days since 1970-01-01 (LocalDate); money INTEGER
// minor units beside the invoice's (or payment's) currency code. Credit notes
// and payments are append-only financial records: the triggers refuse any
// change to their amounts and any delete, for every connection; only the
// free-text reason and the customer reference (erasure) may change. An
// invoice outlives its order (retention may delete orders): its order_id is
// then set NULL. RMAs are part of their order and go with it.
constexpr std::string_view kBillingRecords = R"sql(
CREATE TABLE invoices (
  id              INTEGER PRIMARY KEY,
  customer_id     INTEGER NOT NULL REFERENCES customers(id),
  order_id        INTEGER REFERENCES orders(id) ON DELETE SET NULL,
  currency        TEXT NOT NULL,
  subtotal_minor  INTEGER NOT NULL,
  shipping_minor  INTEGER NOT NULL,
  tax_minor       INTEGER NOT NULL,
  total_minor     INTEGER NOT NULL,
  issue_day       INTEGER NOT NULL,
  due_day         INTEGER NOT NULL
);
CREATE TABLE invoice_lines (
  invoice_id        INTEGER NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
  position          INTEGER NOT NULL,
  description       TEXT NOT NULL,
  quantity          INTEGER NOT NULL,
  unit_price_minor  INTEGER NOT NULL,
  amount_minor      INTEGER NOT NULL,
  PRIMARY KEY (invoice_id, position)
);
CREATE TABLE credit_notes (
  number        INTEGER PRIMARY KEY,
  invoice_id    INTEGER NOT NULL REFERENCES invoices(id),
  kind          TEXT NOT NULL,
  currency      TEXT NOT NULL,
  amount_minor  INTEGER NOT NULL,
  day           INTEGER NOT NULL,
  reason        TEXT NOT NULL
);
CREATE TABLE payments (
  number           INTEGER PRIMARY KEY,
  customer_id      INTEGER NOT NULL REFERENCES customers(id),
  currency         TEXT NOT NULL,
  amount_minor     INTEGER NOT NULL,
  received_day     INTEGER NOT NULL,
  unapplied_minor  INTEGER NOT NULL
);
CREATE TABLE payment_allocations (
  payment_number  INTEGER NOT NULL REFERENCES payments(number),
  position        INTEGER NOT NULL,
  invoice_id      INTEGER NOT NULL REFERENCES invoices(id),
  amount_minor    INTEGER NOT NULL,
  PRIMARY KEY (payment_number, position)
);
CREATE INDEX invoices_by_issue ON invoices(issue_day);
CREATE INDEX invoices_by_customer ON invoices(customer_id, issue_day);
CREATE INDEX invoices_by_order ON invoices(order_id);
CREATE INDEX credit_notes_by_invoice ON credit_notes(invoice_id);
CREATE INDEX payments_by_customer ON payments(customer_id);
CREATE INDEX payment_allocations_by_invoice ON payment_allocations(invoice_id);
CREATE TRIGGER credit_notes_no_update BEFORE UPDATE OF number, invoice_id, kind, currency, amount_minor, day
ON credit_notes BEGIN SELECT RAISE(ABORT, 'credit notes are append-only'); END;
CREATE TRIGGER credit_notes_no_delete BEFORE DELETE ON credit_notes
BEGIN SELECT RAISE(ABORT, 'credit notes are append-only'); END;
CREATE TRIGGER payments_no_update BEFORE UPDATE OF number, currency, amount_minor, received_day, unapplied_minor
ON payments BEGIN SELECT RAISE(ABORT, 'payments are append-only'); END;
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'payments are append-only'); END;
CREATE TRIGGER payment_allocations_no_update BEFORE UPDATE ON payment_allocations
BEGIN SELECT RAISE(ABORT, 'payments are append-only'); END;
CREATE TRIGGER payment_allocations_no_delete BEFORE DELETE ON payment_allocations
BEGIN SELECT RAISE(ABORT, 'payments are append-only'); END;
CREATE TABLE rmas (
  order_id               INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  number                 INTEGER NOT NULL,
  status                 TEXT NOT NULL,
  requested_ms           INTEGER NOT NULL,
  updated_ms             INTEGER NOT NULL,
  reason                 TEXT NOT NULL,
  refund_goods_minor     INTEGER,
  refund_tax_minor       INTEGER,
  refund_shipping_minor  INTEGER,
  refund_total_minor     INTEGER,
  refund_completes       INTEGER,
  PRIMARY KEY (order_id, number)
);
CREATE TABLE rma_lines (
  order_id    INTEGER NOT NULL,
  rma_number  INTEGER NOT NULL,
  position    INTEGER NOT NULL,
  line        INTEGER NOT NULL,
  quantity    INTEGER NOT NULL,
  PRIMARY KEY (order_id, rma_number, position),
  FOREIGN KEY (order_id, rma_number) REFERENCES rmas(order_id, number) ON DELETE CASCADE
);
)sql";

constexpr std::array<std::string_view, 7> kScripts = {kV1, kV2, kV3, kV4, kV5, kQaRecords, kBillingRecords};

}  // namespace

std::span<const std::string_view> migration_scripts() { return kScripts; }
int latest_schema_version() { return static_cast<int>(kScripts.size()); }

Status migrate(const Database& db, int target_version) {
  if (target_version < 0) target_version = latest_schema_version();
  BO_ASSIGN_OR_RETURN(auto current, db.query_int("PRAGMA user_version"));
  if (current > latest_schema_version()) {
    return make_error(ErrorCode::kStore, "schema_version", std::to_string(current),
                      fmt::format("the file was written by a newer backoffice (this one knows up to {})",
                                  latest_schema_version()));
  }
  for (auto v = current + 1; v <= target_version; ++v) {
    BO_ASSIGN_OR_RETURN(auto tx, Transaction::begin(db));
    const std::string script(kScripts[static_cast<std::size_t>(v - 1)]);
    BO_RETURN_IF_ERROR(db.exec(script.c_str()));
    // PRAGMA takes no bound parameters; v is an integer we produced.
    BO_RETURN_IF_ERROR(db.exec(fmt::format("PRAGMA user_version = {}", v).c_str()));
    BO_RETURN_IF_ERROR(tx.commit());
  }
  return Status::Ok();
}

}  // namespace backoffice::store_detail
