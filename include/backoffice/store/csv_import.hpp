#pragma once

#include <backoffice/core/result.hpp>
#include <backoffice/store/store.hpp>
#include <backoffice/store/store_options.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace backoffice {

struct CsvImportOptions {
  IngestMode mode = IngestMode::kAllOrNothing;
  // Instants without an offset ("2024-03-10 09:00:00") are read in this IANA
  // zone; text with Z or +hh:mm keeps its own offset.
  std::string time_zone = "UTC";
  char delimiter = ',';
};

// Imports interactions from CSV (RFC 4180, header row required). Columns are
// matched by header name, in any order; unknown columns are ignored:
//   required: queue_id, offered_at, ended_at
//   optional: id, external_id, channel (voice), direction (inbound),
//             customer_id, agent_id, answered_at (empty = not answered),
//             talk_s, hold_s, wrap_s (seconds, up to 3 decimals; default 0),
//             transferred, resolved (1/0, true/false, Y/N; resolved may be empty),
//             reason, disposition, csat (1-5), nps (0-10), notes
// Every problem (malformed CSV, unparsable value, invalid record, unknown
// queue/agent/customer) becomes a RowError whose row is the CSV record number
// as a spreadsheet shows it (header = 1, first data row = 2) and whose field is
// the CSV column name. With
// kAllOrNothing nothing is written when any row has an error.
// Errors: kNotFound for a missing file or required column, kStore.
Result<IngestReport> import_interactions_csv(Store& store, const std::filesystem::path& path,
                                             const CsvImportOptions& options = {});
Result<IngestReport> import_interactions_csv_text(Store& store, std::string_view csv_text,
                                                  const CsvImportOptions& options = {});

// Writes the interactions matching `query` as CSV with the columns above
// (instants as UTC ISO-8601 with Z), so export followed by import is a round trip.
Result<std::string> export_interactions_csv(const Store& store, const InteractionQuery& query = {});
Status export_interactions_csv(const Store& store, const std::filesystem::path& path,
                               const InteractionQuery& query = {});

// Customer import: the CsvImportOptions plus the region national phone
// numbers are read in.
struct CustomerCsvImportOptions : CsvImportOptions {
  // ISO 3166-1 alpha-2 ("US", "GB") for numbers without a country code; empty:
  // every number must carry its country ("+44 ..."). See normalize_phone.
  std::string default_region;
};

// Imports customers from CSV, with the same header mapping, row numbers,
// report and modes as import_interactions_csv:
//   required: name, created_at
//   optional: id (empty or 0 = next free id), emails, phones (lists separated
//             by ';'), address_line1, address_line2, city, region,
//             postal_code, country, consent_email, consent_sms,
//             consent_recording (1/0, true/false, Y/N; default 0),
//             updated_at (default created_at)
// E-mails are normalised (normalize_email) and phones turned into E.164 with
// options.default_region (normalize_phone); a bad entry is a row error naming
// the column ("phones") and the entry. An existing id is a row error ("id").
// Errors: kInvalidArgument for an unknown default_region; otherwise as
// import_interactions_csv.
Result<IngestReport> import_customers_csv(Store& store, const std::filesystem::path& path,
                                          const CustomerCsvImportOptions& options = {});
Result<IngestReport> import_customers_csv_text(Store& store, std::string_view csv_text,
                                               const CustomerCsvImportOptions& options = {});

// Writes every customer, ordered by id, with the columns above (UTC instants
// with Z, phones in E.164), so export followed by import is a round trip.
Result<std::string> export_customers_csv(const Store& store);
Status export_customers_csv(const Store& store, const std::filesystem::path& path);

// Imports work items from CSV, with the same header mapping, row numbers,
// report and modes as import_interactions_csv:
//   required: queue_id, received_at
//   optional: id (empty or 0 = next free id), kind (claim, invoice, refund,
//             data_entry, other; default other), assignee_id, started_at,
//             completed_at (empty = not yet), outcome, audited (1/0,
//             true/false, Y/N; default 0), audit_correct (the same, or empty
//             when not audited), fields_in_error (';'-separated list; a
//             backslash escapes a ';' or a backslash inside a name)
// An unknown queue or assignee is a row error naming queue_id / assignee_id.
Result<IngestReport> import_work_items_csv(Store& store, const std::filesystem::path& path,
                                           const CsvImportOptions& options = {});
Result<IngestReport> import_work_items_csv_text(Store& store, std::string_view csv_text,
                                                const CsvImportOptions& options = {});

// Writes the work items matching `query` with the columns above (UTC
// instants with Z), so export followed by import is a round trip.
Result<std::string> export_work_items_csv(const Store& store, const WorkItemQuery& query = {});
Status export_work_items_csv(const Store& store, const std::filesystem::path& path,
                             const WorkItemQuery& query = {});

}  // namespace backoffice
