#pragma once

// Unchecked numerical kernels behind erlang.hpp and staffing.hpp. Inputs are
// validated by the callers; these never allocate, throw or overflow.

namespace backoffice::wfm_detail {

// Erlang B blocking probability for A >= 0 Erlangs and n >= 0 agents.
double erlang_b(double a, int n);

// B(n + 1) from B(n): the classic stable forward recursion, O(1).
inline double erlang_b_next(double a, double b, int n) {
  const double ab = a * b;
  return ab / (static_cast<double>(n + 1) + ab);
}

// Erlang C for n > a, given b = B(a, n).
struct ErlangCCore {
  double probability_wait;      // C
  double probability_no_wait;   // 1 - C, computed without cancellation
};
ErlangCCore erlang_c_from_b(double a, int n, double b);

// P(W <= t) for Erlang C; t_over_aht = T / AHT.
double erlang_c_service_level(const ErlangCCore& c, double a, int n, double t_over_aht);

// ASA in units of AHT.
inline double erlang_c_asa_in_aht(const ErlangCCore& c, double a, int n) {
  return c.probability_wait / (static_cast<double>(n) - a);
}

// Erlang A measures; all times in units of AHT (patience_over_aht > 0,
// t_over_aht >= 0). `converged` is false only if a series ran past its
// iteration cap, which the input limits make unreachable.
struct ErlangACore {
  double probability_wait;
  double probability_abandon;
  double probability_answered;
  double service_level;
  double asa_in_aht;
  bool converged;
};
ErlangACore erlang_a(double a, int n, double patience_over_aht, double t_over_aht);

}  // namespace backoffice::wfm_detail
