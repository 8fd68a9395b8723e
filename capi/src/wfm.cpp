// Erlang formulas and staffing at the C boundary.

#include "boundary.hpp"

#include <backoffice/wfm/erlang.hpp>
#include <backoffice/wfm/staffing.hpp>

using backoffice::capi::fail;
using backoffice::capi::guarded;

namespace {

backoffice::QueueLoad load_of(double calls_per_interval, int64_t interval_s, int64_t aht_ms) {
  backoffice::QueueLoad load;
  load.calls_per_interval = calls_per_interval;
  load.interval = backoffice::Seconds(interval_s);
  load.aht = backoffice::Milliseconds(aht_ms);
  return load;
}

template <typename T>
void put(T* out, T value) {
  if (out != nullptr) *out = value;
}

}  // namespace

extern "C" {

bo_status bo_erlang_b(double* out, double offered_erlangs, int32_t agents) {
  return guarded([&] {
    BO_REQUIRE(out);
    auto r = backoffice::erlang_b(offered_erlangs, agents);
    if (!r) return fail(r.error());
    *out = *r;
    return BO_OK;
  });
}

bo_status bo_erlang_c(double* out, double offered_erlangs, int32_t agents) {
  return guarded([&] {
    BO_REQUIRE(out);
    auto r = backoffice::erlang_c(offered_erlangs, agents);
    if (!r) return fail(r.error());
    *out = *r;
    return BO_OK;
  });
}

bo_status bo_erlang_c_metrics(double* out_probability_wait, double* out_service_level, double* out_asa_s,
                              double* out_occupancy, double calls_per_interval, int64_t interval_s,
                              int64_t aht_ms, int32_t agents, int64_t answer_time_ms) {
  return guarded([&] {
    auto m = backoffice::erlang_c_metrics(load_of(calls_per_interval, interval_s, aht_ms), agents,
                                          backoffice::Milliseconds(answer_time_ms));
    if (!m) return fail(m.error());
    put(out_probability_wait, m->probability_wait);
    put(out_service_level, m->service_level);
    put(out_asa_s, m->asa_s);
    put(out_occupancy, m->occupancy);
    return BO_OK;
  });
}

bo_status bo_erlang_a_metrics(double* out_probability_wait, double* out_probability_abandon,
                              double* out_service_level, double* out_asa_s, double* out_occupancy,
                              double calls_per_interval, int64_t interval_s, int64_t aht_ms, int32_t agents,
                              int64_t answer_time_ms, int64_t mean_patience_ms) {
  return guarded([&] {
    auto m = backoffice::erlang_a_metrics(load_of(calls_per_interval, interval_s, aht_ms), agents,
                                          backoffice::Milliseconds(answer_time_ms),
                                          backoffice::Milliseconds(mean_patience_ms));
    if (!m) return fail(m.error());
    put(out_probability_wait, m->probability_wait);
    put(out_probability_abandon, m->probability_abandon);
    put(out_service_level, m->service_level);
    put(out_asa_s, m->asa_s);
    put(out_occupancy, m->occupancy);
    return BO_OK;
  });
}

bo_status bo_erlang_c_required_agents(int32_t* out_required, int32_t* out_scheduled,
                                      double* out_achieved_service_level, double calls_per_interval,
                                      int64_t interval_s, int64_t aht_ms, double service_level,
                                      int64_t answer_time_ms, double max_occupancy, double shrinkage) {
  return guarded([&] {
    BO_REQUIRE(out_required);
    backoffice::StaffingTarget target;
    target.objective = backoffice::StaffingObjective::kServiceLevel;
    target.model = backoffice::QueueModel::kErlangC;
    target.service_level = service_level;
    target.answer_time = backoffice::Milliseconds(answer_time_ms);
    target.max_occupancy = max_occupancy;
    auto r = backoffice::required_agents(load_of(calls_per_interval, interval_s, aht_ms), target, shrinkage);
    if (!r) return fail(r.error());
    *out_required = r->required_agents;
    put(out_scheduled, static_cast<int32_t>(r->scheduled_agents));
    put(out_achieved_service_level, r->service_level);
    return BO_OK;
  });
}

}  // extern "C"
