#include <backoffice/wfm/simulate.hpp>

#include "wfm/simulate_random.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <functional>
#include <numeric>
#include <queue>
#include <string>
#include <utility>

namespace backoffice {
namespace {

// Guards memory: every call costs about 20 bytes of state (more when
// contacts are recorded), so 1e8 expected calls is ~2 GB.
constexpr double kMaxExpectedCalls = 1e8;

enum class CallState : std::uint8_t { kWaiting, kAnswered, kAbandoned };

Status validate(std::span<const double> calls, std::span<const std::int32_t> agents,
                const SimulationOptions& o) {
  if (calls.empty()) return invalid_argument("calls_per_interval", "[]", "at least one interval");
  if (agents.size() != calls.size())
    return invalid_argument(
        "agents", fmt::format("{} intervals", agents.size()),
        fmt::format("must have as many intervals as calls_per_interval ({})", calls.size()));
  double total = 0.0;
  for (std::size_t i = 0; i < calls.size(); ++i) {
    if (!std::isfinite(calls[i]) || calls[i] < 0.0)
      return invalid_argument(fmt::format("calls_per_interval[{}]", i), fmt::format("{}", calls[i]),
                              "must be finite and >= 0");
    if (agents[i] < 0)
      return invalid_argument(fmt::format("agents[{}]", i), std::to_string(agents[i]), "must be >= 0");
    total += calls[i];
  }
  if (total > kMaxExpectedCalls)
    return invalid_argument("calls_per_interval", fmt::format("{} calls in total", total),
                            "at most 1e8 expected calls per simulation");
  if (o.interval.count() <= 0)
    return invalid_argument("interval", std::to_string(o.interval.count()) + " s", "must be > 0");
  if (o.aht.count() <= 0)
    return invalid_argument("aht", std::to_string(o.aht.count()) + " ms", "must be > 0");
  switch (o.handle_time) {
    case HandleTimeDistribution::kExponential:
      break;
    case HandleTimeDistribution::kLognormal:
      if (!std::isfinite(o.handle_time_cv) || o.handle_time_cv <= 0.0 || o.handle_time_cv > 100.0)
        return invalid_argument("handle_time_cv", fmt::format("{}", o.handle_time_cv), "must be in (0, 100]");
      break;
    default:
      return invalid_argument("handle_time", std::to_string(static_cast<int>(o.handle_time)),
                              "not a HandleTimeDistribution");
  }
  switch (o.patience) {
    case PatienceDistribution::kNone:
      break;
    case PatienceDistribution::kExponential:
      if (o.mean_patience.count() <= 0)
        return invalid_argument("mean_patience", std::to_string(o.mean_patience.count()) + " ms",
                                "must be > 0 with exponential patience");
      break;
    default:
      return invalid_argument("patience", std::to_string(static_cast<int>(o.patience)),
                              "not a PatienceDistribution");
  }
  if (o.answer_time.count() < 0)
    return invalid_argument("answer_time", std::to_string(o.answer_time.count()) + " ms", "must be >= 0");
  return Status::Ok();
}

std::int64_t to_ms(double seconds) { return std::llround(seconds * 1000.0); }

}  // namespace

Result<SimulationResult> simulate_queue(std::span<const double> calls_per_interval,
                                        std::span<const std::int32_t> agents,
                                        const SimulationOptions& options) {
  BO_RETURN_IF_ERROR(validate(calls_per_interval, agents, options));

  const std::size_t n = calls_per_interval.size();
  const double interval_s = static_cast<double>(options.interval.count());
  const double aht_s = to_seconds(options.aht);
  const double answer_time_s = to_seconds(options.answer_time);
  const bool lognormal = options.handle_time == HandleTimeDistribution::kLognormal;
  const double sigma2 = std::log1p(options.handle_time_cv * options.handle_time_cv);
  const double log_sigma = std::sqrt(sigma2);
  const double log_mu = std::log(aht_s) - sigma2 / 2.0;  // so that E[handle] = aht
  const bool patient = options.patience == PatienceDistribution::kNone;
  const double patience_s = to_seconds(options.mean_patience);

  SimulationResult result;
  result.intervals.resize(n);
  SimulatedContacts& rec = result.contacts;
  const bool record = options.record_contacts;

  wfm_detail::SimRandom rng(options.seed);
  wfm_detail::ArrivalStream arrivals(calls_per_interval.data(), n, interval_s);

  // Per-call state, indexed by arrival number. Kept for every call (not
  // only waiting ones) because a recorded contact is finished after it
  // leaves the queue, and the index doubles as the FCFS order.
  std::vector<double> arrival_at;
  std::vector<double> handle;
  std::vector<CallState> state;
  const double expected = std::reduce(calls_per_interval.begin(), calls_per_interval.end());
  const auto reserve = static_cast<std::size_t>(expected * 1.01 + 16.0);
  arrival_at.reserve(reserve);
  handle.reserve(reserve);
  state.reserve(reserve);

  // The three kinds of pending events each get the cheapest structure that
  // orders them: arrivals and staffing changes are single "next" times,
  // completions a binary heap of end times (agents are interchangeable, so
  // no agent id is needed), abandonments a heap popped lazily (a caller
  // answered before its deadline is skipped when the deadline surfaces).
  std::priority_queue<double, std::vector<double>, std::greater<>> completions;
  using Deadline = std::pair<double, std::size_t>;
  std::priority_queue<Deadline, std::vector<Deadline>, std::greater<>> deadlines;
  std::deque<std::size_t> waiting;

  std::size_t staff_index = 0;
  std::int64_t seats = agents[0];
  std::int64_t busy = 0;
  double next_staffing = n > 1 ? interval_s : HUGE_VAL;
  double next_arrival = arrivals.next(rng);
  double now = 0.0;

  auto interval_of = [&](std::size_t call) {
    return std::min(static_cast<std::size_t>(arrival_at[call] / interval_s), n - 1);
  };
  auto answer = [&](std::size_t call, double at) {
    state[call] = CallState::kAnswered;
    const double wait = at - arrival_at[call];
    SimulatedInterval& s = result.intervals[interval_of(call)];
    ++s.answered;
    s.total_wait_s += wait;
    if (wait <= answer_time_s) ++s.answered_within;
    ++busy;
    completions.push(at + handle[call]);
    if (record) {
      rec.answered_ms[call] = to_ms(at);
      rec.talk_ms[call] = to_ms(handle[call]);
      rec.ended_ms[call] = rec.answered_ms[call] + rec.talk_ms[call];
    }
  };
  auto serve_waiting = [&](double at) {
    while (busy < seats && !waiting.empty()) {
      const std::size_t call = waiting.front();
      waiting.pop_front();
      if (state[call] == CallState::kWaiting) answer(call, at);
    }
  };

  for (;;) {
    const double t_done = completions.empty() ? HUGE_VAL : completions.top();
    const double t_abandon = deadlines.empty() ? HUGE_VAL : deadlines.top().first;
    // Ties resolve completion, staffing change, abandonment, arrival: a
    // freed agent takes a caller whose patience ends at that same instant.
    if (t_done <= next_staffing && t_done <= t_abandon && t_done <= next_arrival) {
      if (t_done == HUGE_VAL) break;
      now = t_done;
      completions.pop();
      --busy;
      serve_waiting(now);
    } else if (next_staffing <= t_abandon && next_staffing <= next_arrival) {
      now = next_staffing;
      ++staff_index;
      seats = agents[staff_index];
      next_staffing = staff_index + 1 < n ? static_cast<double>(staff_index + 1) * interval_s : HUGE_VAL;
      serve_waiting(now);
    } else if (t_abandon <= next_arrival) {
      now = t_abandon;
      const std::size_t call = deadlines.top().second;
      deadlines.pop();
      if (state[call] != CallState::kWaiting) continue;
      state[call] = CallState::kAbandoned;
      SimulatedInterval& s = result.intervals[interval_of(call)];
      ++s.abandoned;
      s.total_abandon_wait_s += now - arrival_at[call];
      if (record) {
        rec.ended_ms[call] = to_ms(now);
        rec.abandoned[call] = 1;
      }
    } else {
      now = next_arrival;
      const std::size_t call = arrival_at.size();
      // Draw order per call (handle time, then patience) is fixed so that
      // the stream does not depend on the event order.
      const double h = lognormal ? rng.lognormal(log_mu, log_sigma) : rng.exponential(aht_s);
      const double p = patient ? HUGE_VAL : rng.exponential(patience_s);
      arrival_at.push_back(now);
      handle.push_back(h);
      state.push_back(CallState::kWaiting);
      if (record) {
        rec.offered_ms.push_back(to_ms(now));
        rec.answered_ms.push_back(kNotAnswered);
        rec.ended_ms.push_back(0);
        rec.talk_ms.push_back(0);
        rec.abandoned.push_back(0);
      }
      SimulatedInterval& s = result.intervals[interval_of(call)];
      ++s.offered;
      if (busy < seats) {
        answer(call, now);
      } else {
        ++s.delayed;
        waiting.push_back(call);
        if (!patient) deadlines.emplace(now + p, call);
      }
      next_arrival = arrivals.next(rng);
    }
  }

  result.end_s = now;
  for (std::size_t call : waiting) {
    if (state[call] != CallState::kWaiting) continue;
    ++result.intervals[interval_of(call)].unserved;
    if (record) rec.ended_ms[call] = to_ms(now);
  }
  return result;
}

}  // namespace backoffice
