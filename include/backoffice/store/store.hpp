#pragma once

#include <backoffice/core/ids.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/agent.hpp>
#include <backoffice/domain/agent_state.hpp>
#include <backoffice/domain/agent_state_columns.hpp>
#include <backoffice/domain/case.hpp>
#include <backoffice/domain/case_history.hpp>
#include <backoffice/domain/customer.hpp>
#include <backoffice/domain/interaction.hpp>
#include <backoffice/domain/interaction_columns.hpp>
#include <backoffice/domain/invoice.hpp>
#include <backoffice/domain/order.hpp>
#include <backoffice/domain/payment.hpp>
#include <backoffice/domain/qa_evaluation.hpp>
#include <backoffice/store/store_change.hpp>
#include <backoffice/domain/queue.hpp>
#include <backoffice/domain/receivable_columns.hpp>
#include <backoffice/domain/rma.hpp>
#include <backoffice/domain/work_item.hpp>
#include <backoffice/domain/work_item_columns.hpp>
#include <backoffice/store/store_options.hpp>

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace backoffice {

// Which interactions a query returns: offered_at in [from, to) and, when
// set, one queue, agent or customer. Results are ordered by offered_at, id.
struct InteractionQuery {
  std::optional<Instant> from;
  std::optional<Instant> to;
  std::optional<QueueId> queue;
  std::optional<AgentId> agent;
  std::optional<CustomerId> customer;
};

// Which orders a query returns: placed_at in [from, to) and, when set, one
// customer. Results are ordered by placed_at, id.
struct OrderQuery {
  std::optional<Instant> from;
  std::optional<Instant> to;
  std::optional<CustomerId> customer;
};

// Which receivables records a query returns: dated in [from, to) (calendar
// dates: invoices by issue_date, credit notes by date, payments by
// received) and, when set, of one customer (a credit note's customer is its
// invoice's). Invoices are ordered by issue_date, id; credit notes and
// payments by number, i.e. in the order they were recorded.
struct LedgerQuery {
  std::optional<LocalDate> from;
  std::optional<LocalDate> to;
  std::optional<CustomerId> customer;
};
using InvoiceQuery = LedgerQuery;

// Which cases a query returns: created_at in [from, to) and, when set, one
// customer, queue or owner. Results are ordered by created_at, id.
struct CaseQuery {
  std::optional<Instant> from;
  std::optional<Instant> to;
  std::optional<CustomerId> customer;
  std::optional<QueueId> queue;
  std::optional<AgentId> owner;
};

// Which work items a query returns: received_at in [from, to) and, when set,
// one queue or assignee. Results are ordered by received_at, id.
struct WorkItemQuery {
  std::optional<Instant> from;
  std::optional<Instant> to;
  std::optional<QueueId> queue;
  std::optional<AgentId> assignee;
};

// Which agent-state intervals a query returns: those that overlap [from, to)
// (start < to and end > from; an unset bound is open) and, when set, belong
// to one agent. Intervals are returned whole, not clipped to [from, to).
// Results are ordered by agent, start.
struct AgentStateQuery {
  std::optional<Instant> from;
  std::optional<Instant> to;
  std::optional<AgentId> agent;
};

// Which QA evaluations a query returns: evaluated_at in [from, to) and, when
// set, one agent (the agent evaluated) or scorecard. Results are ordered by
// evaluated_at, id.
struct QaEvaluationQuery {
  // Default initializers, so designated initializers may name any subset.
  std::optional<Instant> from{};
  std::optional<Instant> to{};
  std::optional<AgentId> agent{};
  std::optional<ScorecardId> scorecard{};
};

// The embedded default store: one SQLite file (or memory) holding every
// record. Opening runs the schema migrations (PRAGMA user_version), turns on
// WAL and foreign keys. Every write is a transaction: a call either writes
// all it was given or nothing.
//
// Threads: a Store is one SQLite connection and must be used by one thread at
// a time. For concurrency, open one Store per thread on the same file: any
// number of readers proceed while one writer writes (WAL); a second writer
// waits up to StoreOptions::busy_timeout.
class Store {
 public:
  // Opens or creates the file at `path` and upgrades its schema in place.
  // Errors: kStore naming the path (cannot open, not a database, newer schema).
  static Result<Store> open(const std::string& path, const StoreOptions& options = {});
  // A private in-memory database, gone when the Store is destroyed.
  static Result<Store> open_in_memory();

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  int schema_version() const;
  // The schema version this library writes (files are upgraded to it).
  static int latest_schema_version();
  // SQLite's own consistency check: true when PRAGMA integrity_check says "ok".
  Result<bool> integrity_ok() const;

  // Reference records. put_* inserts or replaces by id after validate();
  // get_* is kNotFound naming the id when absent. Lists are ordered by id.
  Status put_queue(const Queue& queue);
  Result<Queue> get_queue(QueueId id) const;
  Result<std::vector<Queue>> queues() const;

  Status put_agent(const Agent& agent);
  Result<Agent> get_agent(AgentId id) const;
  Result<std::vector<Agent>> agents() const;

  Status put_customer(const Customer& customer);
  Result<Customer> get_customer(CustomerId id) const;
  // Deletes the customer and its e-mails and phones. kNotFound when absent.
  Status delete_customer(CustomerId id);
  // Every customer with e-mails and phones, ordered by id.
  Result<std::vector<Customer>> customers() const;
  // Bulk insert with the same report and modes as ingest_interactions: a row
  // fails on validate() or on an id that exists (field "customer.id"); id 0
  // is given the next free id. Use put_customer to replace a customer.
  Result<IngestReport> ingest_customers(std::span<const Customer> rows,
                                        IngestMode mode = IngestMode::kAllOrNothing);

  // Interactions. An interaction whose id is 0 is given the next free id.
  // Inserting validates the record; a queue, agent or customer it names must
  // exist (kValidation naming the field otherwise); a duplicate id is kConflict.
  Result<InteractionId> insert_interaction(const Interaction& interaction);
  Result<Interaction> get_interaction(InteractionId id) const;
  // Bulk ingest in one transaction. Invalid rows (validation, unknown queue,
  // agent or customer, duplicate id) are listed in the report; with
  // kAllOrNothing any such row means nothing is written. A Result error
  // means the store itself failed, and nothing was written either.
  Result<IngestReport> ingest_interactions(std::span<const Interaction> rows,
                                           IngestMode mode = IngestMode::kAllOrNothing);
  Result<IngestReport> ingest_interactions(const InteractionColumns& columns,
                                           IngestMode mode = IngestMode::kAllOrNothing);
  Result<std::vector<Interaction>> interactions(const InteractionQuery& query = {}) const;
  // The same rows as columns, for the KPI engine: no per-row object.
  Result<InteractionColumns> interaction_columns(const InteractionQuery& query = {}) const;

  // Orders, with their lines, in one transaction. put_order validates, then
  // inserts or replaces by id (the lines are replaced with the order); the
  // customer must exist (kValidation "order.customer" naming the id).
  // Money is stored as minor units beside the order's currency code.
  Status put_order(const Order& order);
  Result<Order> get_order(OrderId id) const;
  // O(matching orders + their lines): one statement, lines joined in.
  Result<std::vector<Order>> orders(const OrderQuery& query = {}) const;

  // The receivables ledger (docs/workflow_orders.md, "Persistence").
  // put_invoice validates (Invoice::validate), then inserts or updates by id
  // with its lines replaced; the customer and, when set, the order must exist
  // and the order be the customer's, in the invoice's currency (kValidation
  // "invoice.customer" / "invoice.order"). Once a credit note or payment
  // refers to an invoice it is a closed financial record: putting it again
  // is kConflict "invoice.id" (correct it with a credit note). O(lines).
  Status put_invoice(const Invoice& invoice);
  // kNotFound "invoice.id" when absent.
  Result<Invoice> get_invoice(InvoiceId id) const;
  // O(matching invoices + their lines): one statement, lines joined in.
  Result<std::vector<Invoice>> invoices(const InvoiceQuery& query = {}) const;
  // Credit notes and payments are append-only: recorded once, never updated
  // or deleted (SQLite triggers refuse it). add_* validates the record, then
  // checks against the stored ledger: the invoice exists, is in the same
  // currency, and the amount is at most its open balance (kValidation
  // "credit_note.invoice" / "credit_note.amount"); for a payment the
  // customer exists ("payment.customer") and each allocation's invoice
  // exists, is the payer's, in the payment's currency, with at most that
  // much still open ("payment.allocations[i].invoice" / ".amount").
  // number 0 is given the next number (1, 2, ...); any other number must be
  // exactly that (kConflict "credit_note.number" / "payment.number"), so a
  // ledger kept in memory and the store agree. Returns the record as stored.
  Result<CreditNote> add_credit_note(const CreditNote& note);
  Result<Payment> add_payment(const Payment& payment);
  // In the order recorded (by number); Receivables::restore replays them.
  Result<std::vector<CreditNote>> credit_notes(const LedgerQuery& query = {}) const;
  Result<std::vector<Payment>> payments(const LedgerQuery& query = {}) const;
  // total - credit notes - allocated payments. kNotFound "invoice.id".
  Result<Money> open_balance(InvoiceId id) const;
  // Every invoice with a non-zero open balance (of one customer when set),
  // computed in SQL and ordered by issue_date, id: what
  // Receivables::open_items gives for the restored ledger, ready for
  // age_receivables (OpenItems::columns()). O(invoices + entries).
  Result<OpenItems> open_items(std::optional<CustomerId> customer = {}) const;

  // Returns (RMAs) of an order. put_rma validates (Rma::validate), then
  // inserts or updates the order's RMA rma.id with its lines replaced; the
  // order must exist (kValidation "rma.order"), each line index be one of
  // its lines ("rma.lines[i].line") and a refund be in its currency
  // ("rma.refund"). Whether the RMAs together are legal (quantities, refund
  // amounts) is for OrderReturns::restore to judge when read back. O(lines).
  Status put_rma(OrderId order, const Rma& rma);
  // kNotFound "rma.id" when the order has no such RMA.
  Result<Rma> get_rma(OrderId order, RmaId id) const;
  // The order's RMAs by id (empty when none); kNotFound "order.id" when the
  // order is absent.
  Result<std::vector<Rma>> rmas(OrderId order) const;

  // Cases. put_case validates, then inserts or replaces by id; the customer,
  // queue and owner it names must exist (kValidation naming the field).
  Status put_case(const Case& c);
  // The case and its whole history (oldest first) in one transaction: the
  // stored history is replaced by `history`. Entries must be in time order,
  // within created_at..updated_at, tiers 1..3 (kValidation naming
  // "case_history[i].<field>"); whether the walk is legal is for
  // CaseWorkflow::restore to judge when it is read back. put_case(c) alone
  // keeps the stored history. O(history).
  Status put_case(const Case& c, std::span<const CaseStatusChange> history);
  Result<Case> get_case(CaseId id) const;
  // The stored history of a case, oldest first (empty when none was put).
  // kNotFound ("case.id") when the case is absent.
  Result<std::vector<CaseStatusChange>> case_history(CaseId id) const;
  Result<std::vector<Case>> cases(const CaseQuery& query = {}) const;

  // Work items. put_work_item validates, then inserts or replaces by id (its
  // fields in error are replaced with it); the queue and assignee must exist
  // (kValidation "work_item.queue" / "work_item.assignee"). The id is stored
  // as given, 0 included: only ingest_work_items assigns ids.
  Status put_work_item(const WorkItem& item);
  Result<WorkItem> get_work_item(WorkItemId id) const;
  // Bulk insert with the same report and modes as ingest_interactions: rows
  // fail on validate(), an unknown queue or assignee, or an existing id
  // ("work_item.id"); id 0 is given the next free id.
  Result<IngestReport> ingest_work_items(std::span<const WorkItem> rows,
                                         IngestMode mode = IngestMode::kAllOrNothing);
  Result<std::vector<WorkItem>> work_items(const WorkItemQuery& query = {}) const;
  // The same rows as columns (no fields in error), for TAT and accuracy KPIs.
  Result<WorkItemColumns> work_item_columns(const WorkItemQuery& query = {}) const;

  // Agent-state intervals. Bulk insert with the same report and modes as
  // ingest_interactions: rows fail on validate() or an unknown agent
  // ("agent_state_interval.agent"). Overlapping intervals of one agent are
  // not detected here.
  Result<IngestReport> ingest_agent_states(std::span<const AgentStateInterval> rows,
                                           IngestMode mode = IngestMode::kAllOrNothing);
  Result<std::vector<AgentStateInterval>> agent_states(const AgentStateQuery& query = {}) const;
  // The same rows as columns, for occupancy and utilisation.
  Result<AgentStateColumns> agent_state_columns(const AgentStateQuery& query = {}) const;

  // QA scorecards and evaluations (docs/workflow_qa.md, "Persistence").
  // put_qa_scorecard validates (QaScorecardDefinition::validate), then
  // inserts or replaces by id with its criteria. Once evaluations refer to a
  // scorecard only its names and question texts may change: other changes
  // are kConflict naming "scorecard.sections" (give a new version a new id),
  // so a stored evaluation always re-scores the same. O(criteria).
  Status put_qa_scorecard(const QaScorecardDefinition& scorecard);
  // kNotFound "qa_scorecard.id" when absent.
  Result<QaScorecardDefinition> get_qa_scorecard(ScorecardId id) const;
  // put_qa_evaluation validates (QaEvaluation::validate), checks the
  // referenced rows (kValidation "qa_evaluation.scorecard", ".interaction",
  // ".agent" naming the id) and the answers against the stored scorecard
  // (check_against), then inserts or replaces by id, its answers replaced
  // in the order given. O(answers + criteria).
  Status put_qa_evaluation(const QaEvaluation& evaluation);
  // kNotFound "qa_evaluation.id" when absent.
  Result<QaEvaluation> get_qa_evaluation(EvaluationId id) const;
  // O(matching evaluations + their answers): one statement, answers joined in.
  Result<std::vector<QaEvaluation>> qa_evaluations(const QaEvaluationQuery& query = {}) const;
  // The same evaluations of one scorecard as columns (answers in the
  // scorecard's flat criterion order), exactly what qa_report consumes.
  // query.scorecard is required (kInvalidArgument "query.scorecard"); an
  // unknown scorecard is kNotFound "qa_scorecard.id".
  Result<QaEvaluationColumns> qa_evaluation_columns(const QaEvaluationQuery& query) const;

  // Calls `observer` for every write (put_*, delete_customer, ingest_*,
  // insert_interaction and the CSV imports, which ingest) inside the write's
  // transaction, after the rows are written and before the commit; an error
  // from it rolls the write back and is returned. An empty function removes
  // the observer. One observer at a time; see AuditLog::record_changes.
  void set_change_observer(StoreChangeObserver observer);

  // Row counts, for reports and tests: "queues", "agents", "customers",
  // "interactions", "orders", "cases", "work_items", "agent_states".
  Result<std::int64_t> count(std::string_view table) const;

  struct Impl;
  // For the store's own translation units.
  Impl& impl() { return *impl_; }
  const Impl& impl() const { return *impl_; }

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace backoffice
