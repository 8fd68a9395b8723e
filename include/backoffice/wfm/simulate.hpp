#pragma once

// Discrete-event simulation of one multi-agent first-come-first-served queue
// over an intraday curve: the check on the Erlang formulas when their
// assumptions (steady state, exponential handle times, exponential patience)
// do not hold, and a source of synthetic contacts for demos and benchmarks.
// Seeded and deterministic: no std:: distribution is used (their output is
// implementation-defined); every draw is a documented transform of 53-bit
// uniform doubles from std::mt19937_64. Definitions are in
// docs/wfm_simulation_and_shifts.md. Depends only on core.

#include <backoffice/core/duration.hpp>
#include <backoffice/core/result.hpp>

#include <fmt/format.h>

#include <cstdint>
#include <span>
#include <vector>

namespace backoffice {

enum class HandleTimeDistribution : int {
  kExponential = 0,  // mean SimulationOptions::aht (CV 1)
  kLognormal = 1,    // mean aht, coefficient of variation handle_time_cv
};

enum class PatienceDistribution : int {
  kNone = 0,         // callers wait forever (Erlang C)
  kExponential = 1,  // mean SimulationOptions::mean_patience (Erlang A)
};

struct SimulationOptions {
  Seconds interval{900};      // length of every interval of the curves, > 0
  Milliseconds aht{180'000};  // mean handle time, > 0
  HandleTimeDistribution handle_time = HandleTimeDistribution::kExponential;
  double handle_time_cv = 1.0;  // > 0, kLognormal only
  PatienceDistribution patience = PatienceDistribution::kNone;
  Milliseconds mean_patience{0};     // > 0, kExponential only
  Milliseconds answer_time{20'000};  // T of "answered within T", >= 0
  std::uint64_t seed = 1;            // std::mt19937_64 seed
  bool record_contacts = false;      // also return one row per contact

  friend bool operator==(const SimulationOptions&, const SimulationOptions&) = default;
};

// Statistics of the calls offered in one interval (attributed by arrival
// time, whenever they are answered or end). offered = answered + abandoned
// + unserved.
struct SimulatedInterval {
  std::int64_t offered = 0;
  std::int64_t answered = 0;
  std::int64_t abandoned = 0;
  // Still waiting when the simulation stopped: only possible when the last
  // interval has no agents and callers have no patience.
  std::int64_t unserved = 0;
  std::int64_t delayed = 0;           // found every agent busy (waited > 0)
  std::int64_t answered_within = 0;   // answered with wait <= answer_time
  double total_wait_s = 0.0;          // sum of waits of answered calls, seconds
  double total_abandon_wait_s = 0.0;  // sum of waits of abandoned calls, seconds

  friend bool operator==(const SimulatedInterval&, const SimulatedInterval&) = default;
};

// Every simulated contact as columns (row i is the i-th arrival). Times are
// milliseconds since the start of the first interval, rounded to the
// nearest millisecond. kNotAnswered marks answered_ms of a contact that was
// never answered; ended_ms is then the moment it abandoned (or the end of
// the simulation for an unserved one).
inline constexpr std::int64_t kNotAnswered = -1;

struct SimulatedContacts {
  std::vector<std::int64_t> offered_ms;
  std::vector<std::int64_t> answered_ms;  // kNotAnswered when not answered
  std::vector<std::int64_t> ended_ms;
  std::vector<std::int64_t> talk_ms;    // handle time; 0 when not answered
  std::vector<std::uint8_t> abandoned;  // 1 when the caller hung up waiting

  std::size_t size() const { return offered_ms.size(); }
  friend bool operator==(const SimulatedContacts&, const SimulatedContacts&) = default;
};

struct SimulationResult {
  std::vector<SimulatedInterval> intervals;  // one per input interval
  SimulatedContacts contacts;                // empty unless record_contacts
  double end_s = 0.0;                        // when the last call ended, seconds from the start

  friend bool operator==(const SimulationResult&, const SimulationResult&) = default;
};

// Simulates the queue over calls_per_interval.size() intervals of
// options.interval. Interval i receives Poisson arrivals at the constant
// rate calls_per_interval[i] / interval (a non-homogeneous Poisson process
// with a piecewise-constant rate) and has agents[i] agents on the phones.
// When staffing drops, busy agents finish their call and leave afterwards;
// when it rises, new agents take waiting calls at once. No call arrives
// after the last interval; calls in progress then run to completion with the
// last interval's staffing. Same inputs and seed give identical results with
// the same C library (log, sqrt, cos come from libm).
// Errors (kInvalidArgument, naming the field and index): empty curve;
// spans of different lengths; a negative, NaN or infinite
// calls_per_interval[i]; negative agents[i]; any option out of its range.
// O(calls * log(agents + queue length)) time; O(calls) memory.
Result<SimulationResult> simulate_queue(std::span<const double> calls_per_interval,
                                        std::span<const std::int32_t> agents,
                                        const SimulationOptions& options);

// --- Contacts as interaction records (defined in src/wfm/simulate_interactions.cpp) ---
// The one place where wfm touches the domain module: the declaration needs
// only a forward declaration, so this header stays core-only; callers
// include <backoffice/domain/interaction_columns.hpp> themselves. The
// definition compiles against domain headers and uses only inline members
// of InteractionColumns, so a build without the domain module still links.

struct InteractionColumns;

struct SimulatedInteractionOptions {
  std::int64_t start_unix_ms = 0;  // Unix ms (UTC) of the start of interval 0
  std::int64_t first_id = 1;       // id of the first appended row, then +1 per row
  std::int64_t queue_id = 1;       // > 0
  std::uint8_t channel = 0;        // static_cast<std::uint8_t>(Channel), 0 = voice
  std::uint8_t direction = 0;      // static_cast<std::uint8_t>(Direction), 0 = inbound
  // Codes already interned by the caller in out.reasons / out.dispositions
  // (e.g. out.reasons.code("simulated")), >= 0 and below the dictionary size.
  std::int32_t reason_code = 0;
  std::int32_t disposition_code = 0;
};

// Appends one interaction per simulated contact to `out`: offered/answered/
// ended instants shifted by start_unix_ms, talk_ms = simulated handle time
// (hold and wrap-up 0), agent and customer unknown (kNullInt64), answered_ms
// kNullInt64 for abandoned or unserved contacts, resolved unknown, not
// surveyed. Errors (kInvalidArgument, naming the field): queue_id <= 0;
// reason_code or disposition_code not a code of out's dictionaries; contacts
// columns of different lengths. `out` is unchanged on error. O(contacts).
Status append_simulated_interactions(const SimulatedContacts& contacts,
                                     const SimulatedInteractionOptions& options, InteractionColumns& out);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::SimulatedInterval> : fmt::formatter<std::string_view> {
  auto format(const backoffice::SimulatedInterval& s, fmt::format_context& ctx) const {
    return fmt::format_to(ctx.out(),
                          "offered={} answered={} abandoned={} unserved={} delayed={} "
                          "within_T={} wait={}s",
                          s.offered, s.answered, s.abandoned, s.unserved, s.delayed, s.answered_within,
                          s.total_wait_s);
  }
};
