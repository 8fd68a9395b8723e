#pragma once

#include <backoffice/core/ids.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/agent.hpp>
#include <backoffice/domain/customer.hpp>
#include <backoffice/domain/interaction.hpp>
#include <backoffice/domain/interaction_columns.hpp>
#include <backoffice/domain/queue.hpp>
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
