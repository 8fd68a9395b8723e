#pragma once

// Loaders for the public call-centre data sets kept beside the repository in
// ../shared/data (see SOURCES.md there). They map each source's layout onto
// backoffice records; the demo, tests and benchmarks share them.

#include <backoffice/store/store.hpp>

#include <filesystem>
#include <map>
#include <string>

namespace backoffice::examples {

// The folder holding the data sets: $BACKOFFICE_DATA_DIR, else ../shared/data
// relative to the working directory. Empty when neither exists.
std::filesystem::path data_dir();

struct LoadSummary {
  IngestReport report;                     // what the store accepted and rejected
  std::map<std::string, int> skipped;      // source rows left out on purpose, by reason
  std::size_t queues = 0;
  std::size_t agents = 0;
};

// The Technion "Anonymous Bank" call log, February 1999 (TAB-separated):
// one queue per service type (PS, PE, IN, NE, NW, TT), one agent per server
// name, clock times read in Asia/Jerusalem. A call is offered when it enters
// the agent queue (or reaches an agent straight from the voice-response
// unit); HANG calls that queued are abandons. Calls that never left the
// voice-response unit and PHANTOM rows are skipped and counted.
Result<LoadSummary> load_anonymous_bank(Store& store, const std::filesystem::path& file);

// The 5,000-call PwC "Call Center" case data set (2021): one queue, one agent
// per first name, topics as reason codes, satisfaction as CSAT, answered and
// resolved flags; clock times read in Europe/Zurich.
Result<LoadSummary> load_call_center_dataset(Store& store, const std::filesystem::path& file,
                                             std::int64_t first_id);

}  // namespace backoffice::examples
