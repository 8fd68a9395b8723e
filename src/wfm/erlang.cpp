#include <backoffice/wfm/erlang.hpp>

#include "wfm/erlang_math.hpp"

#include <cmath>

namespace backoffice {
namespace {

Status check_erlangs(double a) {
  if (!std::isfinite(a) || a < 0.0 || a > kMaxOfferedErlangs) {
    return invalid_argument("offered_erlangs", fmt::format("{}", a),
                            fmt::format("must be a finite number in [0, {}]", kMaxOfferedErlangs));
  }
  return Status::Ok();
}

Status check_agents(int agents, int lowest) {
  if (agents < lowest || agents > kMaxAgents) {
    return invalid_argument("agents", fmt::format("{}", agents),
                            fmt::format("must be in [{}, {}]", lowest, kMaxAgents));
  }
  return Status::Ok();
}

Status check_target(Milliseconds t) {
  if (t.count() < 0) {
    return invalid_argument("target_answer_time", fmt::format("{} ms", t.count()),
                            "must be >= 0");
  }
  return Status::Ok();
}

bool all_finite(std::initializer_list<double> values) {
  for (double v : values) {
    if (!std::isfinite(v)) return false;
  }
  return true;
}

Error numerical_failure(std::string_view what) {
  return make_error(ErrorCode::kInternal, "", "",
                    fmt::format("{} did not evaluate to finite values; please report the inputs",
                                what));
}

}  // namespace

Result<double> erlang_b(double offered_erlangs, int agents) {
  BO_RETURN_IF_ERROR(check_erlangs(offered_erlangs));
  BO_RETURN_IF_ERROR(check_agents(agents, 0));
  return wfm_detail::erlang_b(offered_erlangs, agents);
}

Result<double> erlang_c(double offered_erlangs, int agents) {
  BO_RETURN_IF_ERROR(check_erlangs(offered_erlangs));
  BO_RETURN_IF_ERROR(check_agents(agents, 1));
  if (static_cast<double>(agents) <= offered_erlangs) return 1.0;
  const double b = wfm_detail::erlang_b(offered_erlangs, agents);
  return wfm_detail::erlang_c_from_b(offered_erlangs, agents, b).probability_wait;
}

Result<ErlangCMetrics> erlang_c_metrics(const QueueLoad& load, int agents,
                                        Milliseconds target_answer_time) {
  BO_ASSIGN_OR_RETURN(const double a, offered_erlangs(load));
  BO_RETURN_IF_ERROR(check_agents(agents, 1));
  BO_RETURN_IF_ERROR(check_target(target_answer_time));
  if (static_cast<double>(agents) <= a) {
    return invalid_argument(
        "agents", fmt::format("{}", agents),
        fmt::format("the Erlang C queue is unstable with agents <= offered load {} Erlangs: "
                    "waits grow without bound (P(wait) = 1, service level 0, no finite ASA)",
                    a));
  }
  const double aht_s = to_seconds(load.aht);
  const double b = wfm_detail::erlang_b(a, agents);
  const auto c = wfm_detail::erlang_c_from_b(a, agents, b);
  ErlangCMetrics m;
  m.offered_erlangs = a;
  m.agents = agents;
  m.probability_wait = c.probability_wait;
  m.service_level =
      wfm_detail::erlang_c_service_level(c, a, agents, to_seconds(target_answer_time) / aht_s);
  m.asa_s = wfm_detail::erlang_c_asa_in_aht(c, a, agents) * aht_s;
  m.occupancy = a / static_cast<double>(agents);
  if (!all_finite({m.probability_wait, m.service_level, m.asa_s})) {
    return numerical_failure("erlang_c_metrics");
  }
  return m;
}

Result<ErlangAMetrics> erlang_a_metrics(const QueueLoad& load, int agents,
                                        Milliseconds target_answer_time,
                                        Milliseconds mean_patience) {
  BO_ASSIGN_OR_RETURN(const double a, offered_erlangs(load));
  BO_RETURN_IF_ERROR(check_agents(agents, 1));
  BO_RETURN_IF_ERROR(check_target(target_answer_time));
  const double aht_s = to_seconds(load.aht);
  const double patience_over_aht = to_seconds(mean_patience) / aht_s;
  if (mean_patience.count() <= 0 || patience_over_aht > 1e6) {
    return invalid_argument("mean_patience", fmt::format("{} ms", mean_patience.count()),
                            "must be positive and at most 1e6 times the AHT "
                            "(use Erlang C for callers who never abandon)");
  }
  const auto core =
      wfm_detail::erlang_a(a, agents, patience_over_aht, to_seconds(target_answer_time) / aht_s);
  ErlangAMetrics m;
  m.offered_erlangs = a;
  m.agents = agents;
  m.probability_wait = core.probability_wait;
  m.probability_abandon = core.probability_abandon;
  m.service_level = core.service_level;
  m.asa_s = core.asa_in_aht * aht_s;
  m.occupancy = a * core.probability_answered / static_cast<double>(agents);
  if (!core.converged ||
      !all_finite({m.probability_wait, m.probability_abandon, m.service_level, m.asa_s})) {
    return numerical_failure("erlang_a_metrics");
  }
  return m;
}

}  // namespace backoffice
