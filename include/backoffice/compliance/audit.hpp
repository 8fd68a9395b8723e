#pragma once

// An append-only, hash-chained audit trail kept in the store's own file
// (table audit_log, schema version 4).

#include <backoffice/core/instant.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/store/store.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backoffice {

// What happened, as the caller reports it. Never put personal data in any
// field: the log outlives erasure. Describe a change by a summary or a digest
// of its payload (sha256_hex).
struct AuditRecord {
  Instant time;             // UTC, when the change was made
  std::string actor;        // who made it: a user, service or job name
  std::string action;       // "erase", "retention.delete", "update", ...
  std::string record_kind;  // "customer", "interaction", ...
  std::string record_id;    // the record's id as text, or "*" for a batch
  std::string summary;      // counts, or a payload digest
  friend bool operator==(const AuditRecord&, const AuditRecord&) = default;
};

// A stored entry: the record plus its place in the chain. Hashes are 64
// lower-case hex digits of SHA-256:
//   hash = SHA256(prev_hash as 32 bytes || canonical(entry))
// where canonical(entry) is seq and time (Unix ms) as 8-byte big-endian
// integers, then actor, action, record_kind, record_id, summary, each as an
// 8-byte big-endian length and its bytes. The first entry's prev_hash is 32
// zero bytes.
struct AuditEntry {
  std::int64_t seq = 0;  // 1, 2, 3, ... without gaps
  AuditRecord record;
  std::string prev_hash;
  std::string hash;
  friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

// The outcome of AuditLog::verify().
struct AuditVerification {
  bool ok = true;
  std::int64_t entries = 0;                   // rows read
  std::optional<std::int64_t> first_bad_seq;  // set when !ok
  std::string reason;                         // why that entry is bad; empty when ok
  // The last good entry's hash (64 zeros for an empty log). Keep it outside
  // the file (and compare later) to detect a truncated tail or a chain
  // rewritten from scratch, which no check inside the file can catch.
  std::string head_hash;
};

// SHA-256 of `bytes` as 64 lower-case hex digits (OpenSSL EVP). Throws
// std::runtime_error only when OpenSSL cannot provide SHA-256 at all (a
// broken installation), never for any input.
std::string sha256_hex(std::string_view bytes);

// The hash of an entry with these contents, by the formula above.
// Errors: kInvalidArgument "prev_hash" when it is not 64 hex digits.
Result<std::string> audit_entry_hash(std::string_view prev_hash, std::int64_t seq, const AuditRecord& record);

// The audit log of one Store. Holds a reference: the store must outlive it.
// Uses the store's connection, so the same one-thread-at-a-time rule applies.
//
// The table refuses UPDATE and DELETE through triggers; verify() catches
// what someone with write access to the file does anyway (dropping the
// triggers first).
class AuditLog {
 public:
  explicit AuditLog(Store& store) : store_(&store) {}

  // Appends one entry in its own transaction (BEGIN IMMEDIATE, so two
  // connections cannot both take the same seq). Returns the stored entry.
  // Errors: kStore when the store fails.
  Result<AuditEntry> append(const AuditRecord& record);

  // Every entry with seq >= from_seq, in seq order. O(entries).
  Result<std::vector<AuditEntry>> entries(std::int64_t from_seq = 1) const;

  // Reads the whole log in seq order and checks that seqs run 1, 2, 3, ...
  // (a removed entry), that each prev_hash is the previous entry's hash (a
  // removed or reordered entry) and that each hash matches the contents (an
  // altered entry). Reports the first bad seq. O(entries), one SHA-256 each.
  // Errors: kStore when the store fails (not when the log is bad).
  Result<AuditVerification> verify() const;

  // From now on every write to the store (put_*, delete_customer, ingest_*,
  // CSV imports) appends an entry in the write's own transaction: both
  // commit or neither does. The entry has action "put", "delete" or
  // "ingest", the record kind and id ("*" for a batch), `actor`, the time
  // from `clock` (default: now, UTC) and as summary "rows=N" plus, for a put,
  // "sha256=<digest of the record's text>" (a digest, never the record, so
  // no personal data enters the log). Replaces any other change observer of
  // the store. The observer lives in the store (it does not refer to this
  // AuditLog), so recording lasts until stop_recording() or the store closes.
  void record_changes(std::string actor, std::function<Instant()> clock = {});
  // Removes the store's change observer.
  void stop_recording();

 private:
  Store* store_;
};

}  // namespace backoffice
