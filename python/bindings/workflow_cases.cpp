// Case lifecycle, SLA clocks and escalation for backoffice.cases.

#include "bindings.hpp"

#include <backoffice/core/business_calendar.hpp>
#include <backoffice/workflow/case_escalation.hpp>
#include <backoffice/workflow/case_lifecycle.hpp>
#include <backoffice/workflow/case_sla.hpp>

#include <pybind11/stl.h>

#include <array>
#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace backoffice::python {

namespace {

std::optional<std::int64_t> ms_of(const std::optional<Instant>& t) {
  return t ? std::optional<std::int64_t>(t->unix_ms()) : std::nullopt;
}

// The policy from its Python pieces: targets in ms for P1..P4, pausing
// statuses by name (field "paused_in" when one is unknown).
SlaPolicy policy_of(const std::vector<std::int64_t>& first_response_ms, const std::vector<std::int64_t>& resolution_ms,
                    double at_risk_share, const std::vector<std::string>& paused_in) {
  if (first_response_ms.size() != 4 || resolution_ms.size() != 4) {
    raise(invalid_argument("sla.targets", std::to_string(first_response_ms.size()),
                           "give one target per priority P1..P4"));
  }
  SlaPolicy p;
  for (std::size_t i = 0; i < 4; ++i) {
    p.targets[i] = {Milliseconds(first_response_ms[i]), Milliseconds(resolution_ms[i])};
  }
  p.at_risk_share = at_risk_share;
  p.paused_in.clear();
  for (const auto& name : paused_in) p.paused_in.push_back(unwrap(parse_case_status(name, "sla.paused_in")));
  check(p.validate());
  return p;
}

py::dict clock_dict(const SlaTargetStatus& s) {
  py::dict d;
  d["goal_ms"] = s.goal.count();
  d["elapsed_ms"] = s.elapsed.count();
  d["remaining_ms"] = s.remaining.count();
  d["due_ms"] = ms_of(s.due);
  d["met_ms"] = ms_of(s.met_at);
  d["running"] = s.running;
  d["at_risk"] = s.at_risk;
  d["breached"] = s.breached;
  return d;
}

std::vector<EscalationRule> rules_of(const std::vector<std::pair<std::string, std::string>>& given) {
  std::vector<EscalationRule> rules;
  for (const auto& [target, condition] : given) {
    EscalationRule r;
    if (target == "first_response") {
      r.target = SlaTarget::kFirstResponse;
    } else if (target == "resolution") {
      r.target = SlaTarget::kResolution;
    } else {
      raise(invalid_argument("rules.target", target, "expected 'first_response' or 'resolution'"));
    }
    if (condition == "at_risk") {
      r.condition = SlaCondition::kAtRisk;
    } else if (condition == "breached") {
      r.condition = SlaCondition::kBreached;
    } else {
      raise(invalid_argument("rules.condition", condition, "expected 'at_risk' or 'breached'"));
    }
    rules.push_back(r);
  }
  return rules;
}

// A stored case and its history, rebuilt and checked by restore().
Result<CaseWorkflow> load_stored_case(const Store& s, CaseId id) {
  BO_ASSIGN_OR_RETURN(auto c, s.get_case(id));
  BO_ASSIGN_OR_RETURN(auto history, s.case_history(id));
  return CaseWorkflow::restore(std::move(c), std::move(history));
}

}  // namespace

void bind_workflow_cases(py::module_& m) {
  // Persistence: the case record and its whole history, one transaction.
  m.def("case_save", [](py::handle store, const CaseWorkflow& w) {
    Status st;
    with_store(store, [&](Store& s) { st = s.put_case(w.record(), w.history()); });
    check(st);
  });
  m.def("case_load", [](py::handle store, std::int64_t id) {
    std::optional<Result<CaseWorkflow>> out;
    with_store(store, [&](Store& s) { out.emplace(load_stored_case(s, CaseId(id))); });
    return unwrap(std::move(*out));
  });
  m.def("case_allowed_transitions", [](const std::string& from) {
    std::vector<std::string> out;
    for (CaseStatus s : allowed_transitions(unwrap(parse_case_status(from, "status")))) {
      out.emplace_back(to_string(s));
    }
    return out;
  });
  m.def("case_follow_up_due",
        [](const BusinessCalendar& calendar, std::int64_t from_ms, std::int64_t delay_ms) {
          return unwrap(schedule_follow_up(0, CaseId(0), calendar, Instant::from_unix_ms(from_ms),
                                           Milliseconds(delay_ms), "follow-up"))
              .due.unix_ms();
        });
  m.def("default_escalation_rules", [] {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& r : default_escalation_rules()) {
      out.emplace_back(std::string(to_string(r.target)), std::string(to_string(r.condition)));
    }
    return out;
  });

  // Both clocks of many cases in one call, without the GIL: columns of
  // int64 (ms; INT64_MIN = none) and bool, prefixed "first_response_" and
  // "resolution_". Holds the GIL only to read the list and build the arrays.
  m.def("case_sla_many", [](const std::vector<const CaseWorkflow*>& cases,
                            const std::vector<std::int64_t>& first_response_ms,
                            const std::vector<std::int64_t>& resolution_ms, double at_risk_share,
                            const std::vector<std::string>& paused_in, const BusinessCalendar& calendar,
                            std::int64_t now_ms) {
    const SlaPolicy p = policy_of(first_response_ms, resolution_ms, at_risk_share, paused_in);
    const std::size_t n = cases.size();
    constexpr std::int64_t kNone = INT64_MIN;
    struct Columns {
      std::vector<std::int64_t> goal, elapsed, remaining, due, met;
      std::vector<std::uint8_t> running, at_risk, breached;
    };
    std::array<Columns, 2> cols;
    for (auto& c : cols) {
      for (auto* v : {&c.goal, &c.elapsed, &c.remaining, &c.due, &c.met}) v->resize(n);
      for (auto* v : {&c.running, &c.at_risk, &c.breached}) v->resize(n);
    }
    std::optional<Error> failure;
    {
      py::gil_scoped_release release;
      const Instant now = Instant::from_unix_ms(now_ms);
      for (std::size_t i = 0; i < n && !failure; ++i) {
        if (cases[i] == nullptr) {
          failure = invalid_argument("cases", std::to_string(i), "None in the list of cases");
          break;
        }
        auto s = evaluate_sla(*cases[i], p, calendar, now);
        if (!s.ok()) {
          failure = s.error();
          break;
        }
        for (std::size_t k = 0; k < 2; ++k) {
          const SlaTargetStatus& t = k == 0 ? s->first_response : s->resolution;
          Columns& c = cols[k];
          c.goal[i] = t.goal.count();
          c.elapsed[i] = t.elapsed.count();
          c.remaining[i] = t.remaining.count();
          c.due[i] = t.due ? t.due->unix_ms() : kNone;
          c.met[i] = t.met_at ? t.met_at->unix_ms() : kNone;
          c.running[i] = t.running;
          c.at_risk[i] = t.at_risk;
          c.breached[i] = t.breached;
        }
      }
    }
    if (failure) raise(std::move(*failure));
    py::dict out;
    const char* prefixes[] = {"first_response_", "resolution_"};
    const auto ints = [](const std::vector<std::int64_t>& v) { return py::array_t<std::int64_t>(v.size(), v.data()); };
    const auto bools = [](const std::vector<std::uint8_t>& v) {
      py::array_t<bool> a(v.size());
      std::copy(v.begin(), v.end(), a.mutable_data());
      return a;
    };
    for (std::size_t k = 0; k < 2; ++k) {
      const std::string pre = prefixes[k];
      out[py::str(pre + "goal_ms")] = ints(cols[k].goal);
      out[py::str(pre + "elapsed_ms")] = ints(cols[k].elapsed);
      out[py::str(pre + "remaining_ms")] = ints(cols[k].remaining);
      out[py::str(pre + "due_ms")] = ints(cols[k].due);
      out[py::str(pre + "met_ms")] = ints(cols[k].met);
      out[py::str(pre + "running")] = bools(cols[k].running);
      out[py::str(pre + "at_risk")] = bools(cols[k].at_risk);
      out[py::str(pre + "breached")] = bools(cols[k].breached);
    }
    return out;
  });

  py::class_<CaseWorkflow>(m, "CaseWorkflow")
      .def(py::init([](std::int64_t id, const std::string& subject, const std::string& priority,
                       std::int64_t created_ms, std::int64_t customer_id, std::int64_t queue_id) {
        Case c;
        c.id = CaseId(id);
        c.customer = CustomerId(customer_id);
        c.queue = QueueId(queue_id);
        c.subject = subject;
        c.priority = unwrap(parse_case_priority(priority, "priority"));
        c.created_at = Instant::from_unix_ms(created_ms);
        c.updated_at = c.created_at;
        return unwrap(CaseWorkflow::start(std::move(c)));
      }))
      .def_property_readonly("id", [](const CaseWorkflow& w) { return w.record().id.value(); })
      .def_property_readonly("subject", [](const CaseWorkflow& w) { return w.record().subject; })
      .def_property_readonly("priority", [](const CaseWorkflow& w) { return std::string(to_string(w.record().priority)); })
      .def_property_readonly("status", [](const CaseWorkflow& w) { return std::string(to_string(w.record().status)); })
      .def_property_readonly("tier", [](const CaseWorkflow& w) { return w.record().tier; })
      .def_property_readonly("created_ms", [](const CaseWorkflow& w) { return w.record().created_at.unix_ms(); })
      .def_property_readonly("updated_ms", [](const CaseWorkflow& w) { return w.record().updated_at.unix_ms(); })
      .def_property_readonly("first_response_ms", [](const CaseWorkflow& w) { return ms_of(w.record().first_response_at); })
      .def_property_readonly("resolved_ms", [](const CaseWorkflow& w) { return ms_of(w.record().resolved_at); })
      .def("transition",
           [](CaseWorkflow& w, const std::string& to, std::int64_t at_ms, const std::string& actor,
              const std::string& reason) {
             check(w.transition(unwrap(parse_case_status(to, "to")), Instant::from_unix_ms(at_ms), actor, reason));
           })
      .def("record_first_response",
           [](CaseWorkflow& w, std::int64_t at_ms, const std::string& actor) {
             check(w.record_first_response(Instant::from_unix_ms(at_ms), actor));
           })
      .def("escalate",
           [](CaseWorkflow& w, std::int64_t at_ms, const std::string& actor, const std::string& reason) {
             check(w.escalate(Instant::from_unix_ms(at_ms), actor, reason));
           })
      .def("history",
           [](const CaseWorkflow& w) {
             py::list at, actor, from, to, event, tier, reason, rule;
             for (const auto& h : w.history()) {
               at.append(h.at.unix_ms());
               actor.append(h.actor);
               from.append(std::string(to_string(h.from)));
               to.append(std::string(to_string(h.to)));
               event.append(std::string(to_string(h.event)));
               tier.append(h.tier);
               reason.append(h.reason);
               rule.append(h.rule);
             }
             py::dict d;
             d["at_ms"] = at;
             d["actor"] = actor;
             d["from_status"] = from;
             d["to_status"] = to;
             d["event"] = event;
             d["tier"] = tier;
             d["reason"] = reason;
             d["rule"] = rule;
             return d;
           })
      .def("sla",
           [](const CaseWorkflow& w, const std::vector<std::int64_t>& first_response_ms,
              const std::vector<std::int64_t>& resolution_ms, double at_risk_share,
              const std::vector<std::string>& paused_in, const BusinessCalendar& calendar, std::int64_t now_ms) {
             const SlaPolicy p = policy_of(first_response_ms, resolution_ms, at_risk_share, paused_in);
             const SlaStatus s = unwrap(evaluate_sla(w, p, calendar, Instant::from_unix_ms(now_ms)));
             py::dict d;
             d["first_response"] = clock_dict(s.first_response);
             d["resolution"] = clock_dict(s.resolution);
             return d;
           })
      .def("apply_escalations",
           [](CaseWorkflow& w, const std::vector<std::int64_t>& first_response_ms,
              const std::vector<std::int64_t>& resolution_ms, double at_risk_share,
              const std::vector<std::string>& paused_in, const BusinessCalendar& calendar, std::int64_t now_ms,
              const std::string& actor, const std::vector<std::pair<std::string, std::string>>& rules) {
             const SlaPolicy p = policy_of(first_response_ms, resolution_ms, at_risk_share, paused_in);
             const auto r = rules_of(rules);
             return unwrap(apply_escalations(w, r, p, calendar, Instant::from_unix_ms(now_ms), actor));
           });
}

}  // namespace backoffice::python
