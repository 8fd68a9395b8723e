#pragma once

// Queueing formulas for one interval of one queue: Erlang B (M/M/N/N, lost
// calls), Erlang C (M/M/N, infinite patience) and Erlang A (M/M/N+M, callers
// abandon after an exponentially distributed patience). All assume Poisson
// arrivals, exponential handle times, first-come first-served and a steady
// state within the interval. Definitions, formulas and the accuracy statement
// are in docs/wfm.md; every function is accurate to 1e-9 relative against
// 60-digit references up to 10,000 agents and 10,000 Erlangs and for tiny
// loads (values below the double range underflow to 0). None of them
// throws, and none allocates unless it returns an Error.

#include <backoffice/core/duration.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/wfm/queue_load.hpp>

#include <fmt/format.h>

namespace backoffice {

// Erlang B: probability that a call offered to `agents` servers with no
// queue finds them all busy and is lost. offered_erlangs >= 0 (finite, at
// most kMaxOfferedErlangs), 0 <= agents <= kMaxAgents; B(A, 0) = 1 and
// B(0, N >= 1) = 0. Errors name `offered_erlangs` or `agents`.
// O(sqrt(A)) near N ~ A, O(1) far from it.
Result<double> erlang_b(double offered_erlangs, int agents);

// Erlang C: probability that a call waits (finds all agents busy) in an
// M/M/N queue with infinite patience. When agents <= offered_erlangs the
// queue is unstable and the documented limit value 1.0 is returned (every
// call waits, eventually forever). Same input limits and errors as erlang_b,
// with agents >= 1. O(sqrt(A)).
Result<double> erlang_c(double offered_erlangs, int agents);

// Erlang C measures for one interval.
struct ErlangCMetrics {
  double offered_erlangs = 0.0;   // A = lambda * aht
  int agents = 0;                 // N, agents on the phones
  double probability_wait = 0.0;  // P(W > 0), the Erlang C formula
  // P(W <= T): fraction of offered calls answered within the target answer
  // time T. With infinite patience every offered call is answered.
  double service_level = 0.0;
  // Average speed of answer in seconds: the mean wait over all answered
  // calls (those answered at once count with wait 0). Not the target T.
  double asa_s = 0.0;
  double occupancy = 0.0;  // A / N, fraction of agent time busy

  friend bool operator==(const ErlangCMetrics&, const ErlangCMetrics&) = default;
};

// Erlang C measures of `load` handled by `agents` agents, with target answer
// time `target_answer_time` (>= 0; 0 gives 1 - P(W > 0)).
// Errors (kInvalidArgument): any offered_erlangs() error; agents < 1 or
// above kMaxAgents; target_answer_time < 0; agents <= A (field `agents`:
// the queue is unstable, the wait grows without bound, so no finite ASA or
// non-zero service level exists). O(sqrt(A)).
Result<ErlangCMetrics> erlang_c_metrics(const QueueLoad& load, int agents,
                                        Milliseconds target_answer_time);

// Erlang A (M/M/N+M) measures for one interval. A caller's patience is
// exponential with mean `mean_patience`; a caller whose patience runs out
// before an agent takes the call abandons and never comes back.
struct ErlangAMetrics {
  double offered_erlangs = 0.0;  // A = lambda * aht
  int agents = 0;                // N
  // P(W > 0): probability an arriving call finds all agents busy and
  // queues (whether it is later answered or abandons).
  double probability_wait = 0.0;
  // Fraction of offered calls that abandon (at any wait; there is no
  // short-abandon exclusion in the model).
  double probability_abandon = 0.0;
  // Answered within T over offered: (calls answered with wait <= T) /
  // (all offered calls). Every abandoned call counts in the denominator and
  // never in the numerator, including those that abandon before T.
  double service_level = 0.0;
  // Mean wait of answered calls in seconds (those answered at once count
  // with wait 0); abandoned calls are excluded. Not the target T.
  double asa_s = 0.0;
  // Carried load over agents: A * (1 - probability_abandon) / N.
  double occupancy = 0.0;

  friend bool operator==(const ErlangAMetrics&, const ErlangAMetrics&) = default;
};

// Erlang A measures of `load` handled by `agents` agents (>= 1; any N,
// also N <= A, is stable because callers abandon), with target answer time
// `target_answer_time` (>= 0) and mean patience `mean_patience` (> 0).
// Errors (kInvalidArgument, naming the field): any offered_erlangs() error;
// agents < 1 or above kMaxAgents; target_answer_time < 0;
// mean_patience <= 0 or above 1e6 * aht (use Erlang C for such patience).
// O(sqrt(N * patience / aht) + sqrt(A * patience / aht)).
Result<ErlangAMetrics> erlang_a_metrics(const QueueLoad& load, int agents,
                                        Milliseconds target_answer_time,
                                        Milliseconds mean_patience);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::ErlangCMetrics> : fmt::formatter<std::string_view> {
  auto format(const backoffice::ErlangCMetrics& m, fmt::format_context& ctx) const {
    return fmt::format_to(ctx.out(),
                          "Erlang C: A={} N={} P(wait)={} SL={} ASA={}s occupancy={}",
                          m.offered_erlangs, m.agents, m.probability_wait, m.service_level,
                          m.asa_s, m.occupancy);
  }
};

template <>
struct fmt::formatter<backoffice::ErlangAMetrics> : fmt::formatter<std::string_view> {
  auto format(const backoffice::ErlangAMetrics& m, fmt::format_context& ctx) const {
    return fmt::format_to(ctx.out(),
                          "Erlang A: A={} N={} P(wait)={} P(abandon)={} SL={} ASA={}s occupancy={}",
                          m.offered_erlangs, m.agents, m.probability_wait, m.probability_abandon,
                          m.service_level, m.asa_s, m.occupancy);
  }
};
