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

}  // namespace backoffice
