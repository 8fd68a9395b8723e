// Erlang formulas and staffing for backoffice.wfm.

#include "bindings.hpp"

#include <backoffice/wfm/erlang.hpp>
#include <backoffice/wfm/staffing.hpp>

#include <span>

namespace backoffice::python {

namespace {

QueueLoad load_of(double calls, std::int64_t interval_s, std::int64_t aht_ms) {
  QueueLoad load;
  load.calls_per_interval = calls;
  load.interval = Seconds(interval_s);
  load.aht = Milliseconds(aht_ms);
  return load;
}

StaffingTarget target_of(int objective, int model, double service_level, std::int64_t answer_ms,
                         std::int64_t max_asa_ms, double max_abandon_rate, double max_occupancy,
                         std::int64_t mean_patience_ms) {
  if (objective < 0 || objective > 2) {
    raise(invalid_argument("objective", std::to_string(objective), "unknown objective"));
  }
  if (model < 0 || model > 1) raise(invalid_argument("model", std::to_string(model), "unknown model"));
  StaffingTarget t;
  t.objective = static_cast<StaffingObjective>(objective);
  t.model = static_cast<QueueModel>(model);
  t.service_level = service_level;
  t.answer_time = Milliseconds(answer_ms);
  t.max_asa = Milliseconds(max_asa_ms);
  t.max_abandon_rate = max_abandon_rate;
  t.max_occupancy = max_occupancy;
  t.mean_patience = Milliseconds(mean_patience_ms);
  return t;
}

}  // namespace

void bind_wfm(py::module_& m) {
  m.def("erlang_b", [](double a, int n) { return unwrap(erlang_b(a, n)); });
  m.def("erlang_c", [](double a, int n) { return unwrap(erlang_c(a, n)); });
  m.def("erlang_c_metrics", [](double calls, std::int64_t interval_s, std::int64_t aht_ms, int agents,
                               std::int64_t answer_ms) {
    auto r = unwrap(erlang_c_metrics(load_of(calls, interval_s, aht_ms), agents, Milliseconds(answer_ms)));
    py::dict d;
    d["offered_erlangs"] = r.offered_erlangs;
    d["agents"] = r.agents;
    d["probability_wait"] = r.probability_wait;
    d["service_level"] = r.service_level;
    d["asa_s"] = r.asa_s;
    d["occupancy"] = r.occupancy;
    return d;
  });
  m.def("erlang_a_metrics", [](double calls, std::int64_t interval_s, std::int64_t aht_ms, int agents,
                               std::int64_t answer_ms, std::int64_t patience_ms) {
    auto r = unwrap(erlang_a_metrics(load_of(calls, interval_s, aht_ms), agents, Milliseconds(answer_ms),
                                     Milliseconds(patience_ms)));
    py::dict d;
    d["offered_erlangs"] = r.offered_erlangs;
    d["agents"] = r.agents;
    d["probability_wait"] = r.probability_wait;
    d["probability_abandon"] = r.probability_abandon;
    d["service_level"] = r.service_level;
    d["asa_s"] = r.asa_s;
    d["occupancy"] = r.occupancy;
    return d;
  });
  m.def("required_agents",
        [](double calls, std::int64_t interval_s, std::int64_t aht_ms, int objective, int model,
           double service_level, std::int64_t answer_ms, std::int64_t max_asa_ms, double max_abandon_rate,
           double max_occupancy, std::int64_t mean_patience_ms, double shrinkage) {
          auto t = target_of(objective, model, service_level, answer_ms, max_asa_ms, max_abandon_rate,
                             max_occupancy, mean_patience_ms);
          auto r = unwrap(required_agents(load_of(calls, interval_s, aht_ms), t, shrinkage));
          py::dict d;
          d["required_agents"] = r.required_agents;
          d["scheduled_agents"] = r.scheduled_agents;
          d["offered_erlangs"] = r.offered_erlangs;
          d["service_level"] = r.service_level;
          d["asa_s"] = r.asa_s;
          d["probability_abandon"] = r.probability_abandon;
          d["occupancy"] = r.occupancy;
          return d;
        });
  m.def("staffing_curve",
        [](const py::handle& calls_in, const py::handle& aht_s_in, std::int64_t interval_s, int objective,
           int model, double service_level, std::int64_t answer_ms, std::int64_t max_asa_ms,
           double max_abandon_rate, double max_occupancy, std::int64_t mean_patience_ms, double shrinkage) {
          auto calls = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(calls_in);
          auto aht = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(aht_s_in);
          if (!calls || !aht) throw py::error_already_set();
          if (calls.size() != aht.size()) {
            raise(invalid_argument("aht_s", std::to_string(aht.size()) + " values",
                                   "must have as many values as calls_per_interval"));
          }
          auto t = target_of(objective, model, service_level, answer_ms, max_asa_ms, max_abandon_rate,
                             max_occupancy, mean_patience_ms);
          auto n = static_cast<std::size_t>(calls.size());
          py::array_t<std::int32_t> required(calls.size());
          py::array_t<std::int32_t> scheduled(calls.size());
          std::span<const double> c(calls.data(), n);
          std::span<const double> a(aht.data(), n);
          std::span<std::int32_t> req(required.mutable_data(), n);
          std::span<std::int32_t> sch(scheduled.mutable_data(), n);
          Status st;
          {
            py::gil_scoped_release release;
            st = staffing_curve_into(c, a, Seconds(interval_s), t, shrinkage, req, sch);
          }
          check(st);
          return py::make_tuple(required, scheduled);
        });
}

}  // namespace backoffice::python
