#include <backoffice/wfm/staffing.hpp>

#include "wfm/erlang_math.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <utility>

namespace backoffice {
namespace {

Status check_target(const StaffingTarget& t) {
  if (t.model != QueueModel::kErlangC && t.model != QueueModel::kErlangA) {
    return invalid_argument("target.model", fmt::format("{}", static_cast<int>(t.model)),
                            "must be kErlangC (0) or kErlangA (1)");
  }
  if (!(t.max_occupancy > 0.0 && t.max_occupancy <= 1.0)) {
    return invalid_argument("target.max_occupancy", fmt::format("{}", t.max_occupancy),
                            "must be in (0, 1]");
  }
  if (t.model == QueueModel::kErlangA && t.mean_patience.count() <= 0) {
    return invalid_argument("target.mean_patience", fmt::format("{} ms", t.mean_patience.count()),
                            "must be positive for kErlangA");
  }
  switch (t.objective) {
    case StaffingObjective::kServiceLevel:
      if (!(t.service_level > 0.0 && t.service_level < 1.0)) {
        return invalid_argument("target.service_level", fmt::format("{}", t.service_level),
                                "must be in (0, 1)");
      }
      if (t.answer_time.count() < 0) {
        return invalid_argument("target.answer_time", fmt::format("{} ms", t.answer_time.count()),
                                "must be >= 0");
      }
      return Status::Ok();
    case StaffingObjective::kAverageSpeedOfAnswer:
      if (t.max_asa.count() <= 0) {
        return invalid_argument("target.max_asa", fmt::format("{} ms", t.max_asa.count()),
                                "must be positive");
      }
      return Status::Ok();
    case StaffingObjective::kAbandonRate:
      if (t.model != QueueModel::kErlangA) {
        return invalid_argument("target.model", "kErlangC",
                                "an abandonment target needs kErlangA: with infinite patience "
                                "nobody abandons");
      }
      if (!(t.max_abandon_rate > 0.0 && t.max_abandon_rate < 1.0)) {
        return invalid_argument("target.max_abandon_rate", fmt::format("{}", t.max_abandon_rate),
                                "must be in (0, 1)");
      }
      return Status::Ok();
  }
  return invalid_argument("target.objective", fmt::format("{}", static_cast<int>(t.objective)),
                          "must be kServiceLevel (0), kAverageSpeedOfAnswer (1) or "
                          "kAbandonRate (2)");
}

Error unreachable(double a) {
  return invalid_argument("target", fmt::format("{} Erlangs", a),
                          fmt::format("not reachable with at most {} agents", kMaxAgents));
}

// Smallest n >= lowest with a / n <= cap, evaluated exactly as the check is.
int occupancy_floor(double a, double cap) {
  double guess = std::ceil(a / cap);
  int n = static_cast<int>(std::clamp(guess, 1.0, static_cast<double>(kMaxAgents)));
  while (n > 1 && a / static_cast<double>(n - 1) <= cap) --n;
  while (n < kMaxAgents && a / static_cast<double>(n) > cap) ++n;
  return n;
}

// Erlang C: the measures improve monotonically with n, so stepping up from a
// lower bound with the O(1) Erlang B recursion finds the exact minimum; the
// only O(sqrt(A)) work is the first B.
Result<StaffingResult> solve_erlang_c(double a, double aht_s, const StaffingTarget& t) {
  const double t_over_aht = to_seconds(t.answer_time) / aht_s;
  const double max_asa_in_aht = to_seconds(t.max_asa) / aht_s;
  int n = std::max(static_cast<int>(std::floor(a)) + 1, occupancy_floor(a, t.max_occupancy));
  if (n > kMaxAgents) return unreachable(a);
  double b = wfm_detail::erlang_b(a, n);
  for (;;) {
    const auto c = wfm_detail::erlang_c_from_b(a, n, b);
    const double sl = wfm_detail::erlang_c_service_level(c, a, n, t_over_aht);
    const double asa = wfm_detail::erlang_c_asa_in_aht(c, a, n);
    const bool met = t.objective == StaffingObjective::kServiceLevel
                         ? sl >= t.service_level
                         : asa <= max_asa_in_aht;
    if (met) {
      StaffingResult r;
      r.required_agents = n;
      r.offered_erlangs = a;
      r.service_level = sl;
      r.asa_s = asa * aht_s;
      r.occupancy = a / static_cast<double>(n);
      return r;
    }
    if (n >= kMaxAgents) return unreachable(a);
    b = wfm_detail::erlang_b_next(a, b, n);
    ++n;
  }
}

// Erlang A: each evaluation costs a fresh series, so the search gallops from
// a guess (the Erlang C answer, usually within a few agents) and bisects.
Result<StaffingResult> solve_erlang_a(double a, double aht_s, const StaffingTarget& t) {
  const double p = to_seconds(t.mean_patience) / aht_s;
  if (!(p <= 1e6)) {
    return invalid_argument("target.mean_patience", fmt::format("{} ms", t.mean_patience.count()),
                            "must be at most 1e6 times the AHT");
  }
  const double t_over_aht = to_seconds(t.answer_time) / aht_s;
  const double max_asa_in_aht = to_seconds(t.max_asa) / aht_s;
  bool numerical_failure = false;
  wfm_detail::ErlangACore last{};
  auto met = [&](int n) {
    last = wfm_detail::erlang_a(a, n, p, t_over_aht);
    if (!last.converged || !std::isfinite(last.service_level) ||
        !std::isfinite(last.asa_in_aht) || !std::isfinite(last.probability_abandon)) {
      numerical_failure = true;
      return true;  // stops the search; reported below
    }
    if (a * last.probability_answered / static_cast<double>(n) > t.max_occupancy) return false;
    switch (t.objective) {
      case StaffingObjective::kServiceLevel: return last.service_level >= t.service_level;
      case StaffingObjective::kAverageSpeedOfAnswer: return last.asa_in_aht <= max_asa_in_aht;
      case StaffingObjective::kAbandonRate:
        return last.probability_abandon <= t.max_abandon_rate;
    }
    return false;
  };

  // Lower bounds: an agent carries at most one Erlang, so the answered
  // fraction (which bounds the service level) is at most n / A, and the
  // abandoned fraction is at least 1 - n / A.
  double bound = 1.0;
  if (t.objective == StaffingObjective::kServiceLevel) bound = a * t.service_level;
  if (t.objective == StaffingObjective::kAbandonRate) bound = a * (1.0 - t.max_abandon_rate);
  const int lowest = static_cast<int>(std::clamp(std::floor(bound), 1.0,
                                                 static_cast<double>(kMaxAgents)));
  int guess = lowest;
  if (t.objective != StaffingObjective::kAbandonRate) {
    StaffingTarget c_target = t;
    c_target.model = QueueModel::kErlangC;
    c_target.max_occupancy = 1.0;
    auto c = solve_erlang_c(a, aht_s, c_target);
    if (c.ok()) guess = std::max(lowest, c->required_agents);
  } else {
    guess = std::max(lowest, static_cast<int>(std::min(std::ceil(a), 1.0 * kMaxAgents)));
  }

  int fail = lowest - 1;  // largest n known to fail (lowest - 1 is never checked)
  int pass = -1;          // smallest n known to pass
  if (met(guess)) {
    pass = guess;
    for (int step = 1; pass > lowest;) {
      const int cand = std::max(lowest, pass - step);
      if (met(cand)) {
        pass = cand;
        step *= 2;
      } else {
        fail = cand;
        break;
      }
    }
  } else {
    fail = guess;
    for (int step = 1;; step *= 2) {
      if (fail >= kMaxAgents) return unreachable(a);
      const int cand = static_cast<int>(std::min<long>(static_cast<long>(fail) + step, kMaxAgents));
      if (met(cand)) {
        pass = cand;
        break;
      }
      fail = cand;
    }
  }
  while (pass - fail > 1) {
    const int mid = fail + (pass - fail) / 2;
    if (met(mid)) pass = mid; else fail = mid;
  }
  met(pass);
  if (numerical_failure) {
    return make_error(ErrorCode::kInternal, "", "",
                      fmt::format("Erlang A staffing did not evaluate to finite values at {} "
                                  "Erlangs; please report the inputs", a));
  }
  StaffingResult r;
  r.required_agents = pass;
  r.offered_erlangs = a;
  r.service_level = last.service_level;
  r.asa_s = last.asa_in_aht * aht_s;
  r.probability_abandon = last.probability_abandon;
  r.occupancy = a * last.probability_answered / static_cast<double>(pass);
  return r;
}

// Target already validated.
Result<StaffingResult> solve(double a, double aht_s, const StaffingTarget& t, double shrinkage) {
  Result<StaffingResult> r = StaffingResult{};
  if (a == 0.0) {
    StaffingResult zero;
    zero.service_level = 1.0;
    r = zero;
  } else if (t.model == QueueModel::kErlangC) {
    r = solve_erlang_c(a, aht_s, t);
  } else {
    r = solve_erlang_a(a, aht_s, t);
  }
  if (!r.ok()) return r;
  BO_ASSIGN_OR_RETURN(r->scheduled_agents, scheduled_headcount(r->required_agents, shrinkage));
  return r;
}

Status check_shrinkage(double shrinkage) {
  if (!(shrinkage >= 0.0 && shrinkage < 1.0)) {
    return invalid_argument("shrinkage", fmt::format("{}", shrinkage), "must be in [0, 1)");
  }
  return Status::Ok();
}

}  // namespace

Result<int> scheduled_headcount(int required_agents, double shrinkage) {
  if (required_agents < 0) {
    return invalid_argument("required_agents", fmt::format("{}", required_agents),
                            "must be >= 0");
  }
  BO_RETURN_IF_ERROR(check_shrinkage(shrinkage));
  const double gross = static_cast<double>(required_agents) / (1.0 - shrinkage);
  const double rounded = std::ceil(gross * (1.0 - 1e-9));
  if (rounded > static_cast<double>(INT_MAX)) {
    return make_error(ErrorCode::kOverflow, "shrinkage", fmt::format("{}", shrinkage),
                      fmt::format("{} agents grossed up exceed the int range", required_agents));
  }
  return static_cast<int>(rounded);
}

Result<StaffingResult> required_agents(const QueueLoad& load, const StaffingTarget& target,
                                       double shrinkage) {
  BO_RETURN_IF_ERROR(check_target(target));
  BO_RETURN_IF_ERROR(check_shrinkage(shrinkage));
  BO_ASSIGN_OR_RETURN(const double a, offered_erlangs(load));
  return solve(a, to_seconds(load.aht), target, shrinkage);
}

Status staffing_curve_into(std::span<const double> calls_per_interval,
                           std::span<const double> aht_s, Seconds interval,
                           const StaffingTarget& target, double shrinkage,
                           std::span<std::int32_t> required_out,
                           std::span<std::int32_t> scheduled_out) {
  BO_RETURN_IF_ERROR(check_target(target));
  BO_RETURN_IF_ERROR(check_shrinkage(shrinkage));
  const std::size_t count = calls_per_interval.size();
  const std::pair<const char*, std::size_t> sizes[] = {
      {"aht_s", aht_s.size()},
      {"required_out", required_out.size()},
      {"scheduled_out", scheduled_out.size()}};
  for (const auto& [name, size] : sizes) {
    if (size != count) {
      return invalid_argument(name, fmt::format("{} entries", size),
                              fmt::format("must have as many entries as calls_per_interval ({})",
                                          count));
    }
  }
  if (interval.count() <= 0) {
    return invalid_argument("interval", fmt::format("{} s", interval.count()), "must be positive");
  }
  const double interval_s = static_cast<double>(interval.count());
  for (std::size_t i = 0; i < count; ++i) {
    const double calls = calls_per_interval[i];
    if (!std::isfinite(calls) || calls < 0.0) {
      return invalid_argument(fmt::format("calls_per_interval[{}]", i), fmt::format("{}", calls),
                              "must be a finite number >= 0");
    }
    if (calls == 0.0) {
      required_out[i] = 0;
      scheduled_out[i] = 0;
      continue;
    }
    const double aht = aht_s[i];
    if (!std::isfinite(aht) || aht <= 0.0) {
      return invalid_argument(fmt::format("aht_s[{}]", i), fmt::format("{}", aht),
                              "must be a finite number > 0");
    }
    const double a = calls * aht / interval_s;
    if (!(a <= kMaxOfferedErlangs)) {
      return invalid_argument(fmt::format("calls_per_interval[{}]", i), fmt::format("{}", calls),
                              fmt::format("offered load {} Erlangs exceeds the supported {}", a,
                                          kMaxOfferedErlangs));
    }
    auto r = solve(a, aht, target, shrinkage);
    if (!r.ok()) {
      Error e = std::move(r).error();
      e.message = fmt::format("interval {}: {}", i, e.message);
      return e;
    }
    required_out[i] = r->required_agents;
    scheduled_out[i] = r->scheduled_agents;
  }
  return Status::Ok();
}

Result<StaffingCurve> staffing_curve(std::span<const double> calls_per_interval,
                                     std::span<const double> aht_s, Seconds interval,
                                     const StaffingTarget& target, double shrinkage) {
  StaffingCurve curve;
  curve.required.resize(calls_per_interval.size());
  curve.scheduled.resize(calls_per_interval.size());
  BO_RETURN_IF_ERROR(staffing_curve_into(calls_per_interval, aht_s, interval, target, shrinkage,
                                         curve.required, curve.scheduled));
  return curve;
}

}  // namespace backoffice
