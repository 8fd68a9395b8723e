// PII masking, audit trail, erasure and retention for backoffice.compliance.
// Masking of many texts and every store call run without the GIL.

#include "bindings.hpp"

#include <backoffice/compliance/audit.hpp>
#include <backoffice/compliance/erasure.hpp>
#include <backoffice/compliance/pii.hpp>
#include <backoffice/compliance/retention.hpp>

#include <pybind11/stl.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace backoffice::python {

namespace {

PhoneCheck phone_check_of(const std::string& name) {
  if (name == "fast") return PhoneCheck::kFast;
  if (name == "valid") return PhoneCheck::kValid;
  raise(invalid_argument("phone_check", name, "expected 'fast' or 'valid'"));
}

std::optional<RetentionRule> rule_of(std::optional<std::int64_t> max_age_ms, const std::string& action,
                                     const std::string& kind) {
  if (!max_age_ms) return std::nullopt;
  RetentionRule rule;
  rule.max_age = std::chrono::milliseconds(*max_age_ms);
  if (action == "delete") {
    rule.action = RetentionAction::kDelete;
  } else if (action == "anonymise") {
    rule.action = RetentionAction::kAnonymise;
  } else {
    raise(invalid_argument("retention." + kind + ".action", action, "expected 'delete' or 'anonymise'"));
  }
  return rule;
}

py::dict counts_of(const MaskResult& r) {
  py::dict d;
  for (auto kind : kAllPiiKinds) d[py::str(std::string(to_string(kind)))] = r.count(kind);
  return d;
}

}  // namespace

void bind_compliance(py::module_& m) {
  py::class_<PiiMasker>(m, "PiiMasker")
      .def(py::init([](bool cards, bool emails, bool phones, bool ibans, bool ssns,
                       std::string default_region, const std::string& phone_check) {
        MaskOptions o;
        o.cards = cards;
        o.emails = emails;
        o.phones = phones;
        o.ibans = ibans;
        o.ssns = ssns;
        o.default_region = std::move(default_region);
        o.phone_check = phone_check_of(phone_check);
        return unwrap(PiiMasker::create(o));
      }))
      // (masked text, {kind: count}, [(kind, begin, end), ...]) for one text.
      .def("mask",
           [](const PiiMasker& masker, const std::string& text) {
             MaskResult r;
             {
               py::gil_scoped_release release;
               r = masker.mask(text);
             }
             py::list spans;
             for (const auto& s : r.spans) {
               spans.append(py::make_tuple(std::string(to_string(s.kind)), s.begin, s.end));
             }
             return py::make_tuple(r.text, counts_of(r), spans);
           })
      // Masks a list of str or None (None stays None); the texts are copied
      // in, masked without the GIL, and returned as a new list with the
      // number of spans masked per text.
      .def("mask_many", [](const PiiMasker& masker, const py::list& texts) {
        const auto n = texts.size();
        std::vector<std::optional<std::string>> in(n);
        for (std::size_t i = 0; i < n; ++i) {
          if (!texts[i].is_none()) in[i] = texts[i].cast<std::string>();
        }
        std::vector<std::int64_t> found(n, 0);
        {
          py::gil_scoped_release release;
          std::string out;
          for (std::size_t i = 0; i < n; ++i) {
            if (!in[i]) continue;
            found[i] = masker.mask_into(*in[i], out);
            if (found[i] > 0) in[i]->swap(out);
          }
        }
        py::list masked(n);
        for (std::size_t i = 0; i < n; ++i) {
          masked[i] = in[i] ? py::object(py::str(*in[i])) : py::none();
        }
        return py::make_tuple(masked, found);
      });

  m.def("erase_customer",
        [](py::handle store, std::int64_t customer_id, const std::string& actor, std::int64_t now_ms) {
          std::optional<Result<ErasureReport>> r;
          with_store(store, [&](Store& s) {
            r = erase_customer(s, CustomerId(customer_id), actor, Instant::from_unix_ms(now_ms));
          });
          const auto report = unwrap(std::move(*r));
          py::dict d;
          d["customer_id"] = report.customer.value();
          d["interactions"] = report.interactions;
          d["cases"] = report.cases;
          d["orders"] = report.orders;
          d["invoices"] = report.invoices;
          d["payments"] = report.payments;
          d["credit_notes"] = report.credit_notes;
          d["rmas"] = report.rmas;
          d["emails"] = report.emails;
          d["phones"] = report.phones;
          d["audit_seq"] = report.audit_seq;
          return d;
        });

  m.def("audit_append", [](py::handle store, std::int64_t time_ms, std::string actor, std::string action,
                           std::string record_kind, std::string record_id, std::string summary) {
    const AuditRecord record{Instant::from_unix_ms(time_ms), std::move(actor),     std::move(action),
                             std::move(record_kind),         std::move(record_id), std::move(summary)};
    std::optional<Result<AuditEntry>> r;
    with_store(store, [&](Store& s) { r = AuditLog(s).append(record); });
    return unwrap(std::move(*r)).seq;
  });

  m.def("audit_record_changes", [](py::handle store, std::string actor) {
    with_store(store, [&](Store& s) { AuditLog(s).record_changes(std::move(actor)); });
  });
  m.def("audit_stop_recording", [](py::handle store) {
    with_store(store, [&](Store& s) { AuditLog(s).stop_recording(); });
  });

  // (ok, entries, first_bad_seq or None, reason, head_hash).
  m.def("audit_verify", [](py::handle store) {
    std::optional<Result<AuditVerification>> r;
    with_store(store, [&](Store& s) { r = AuditLog(s).verify(); });
    const auto v = unwrap(std::move(*r));
    return py::make_tuple(v.ok, v.entries, v.first_bad_seq, v.reason, v.head_hash);
  });

  // Columns of the log from `from_seq`: seq, time_ms, actor, action,
  // record_kind, record_id, summary, prev_hash, hash (lists of equal length).
  m.def("audit_entries", [](py::handle store, std::int64_t from_seq) {
    std::optional<Result<std::vector<AuditEntry>>> r;
    with_store(store, [&](Store& s) { r = AuditLog(s).entries(from_seq); });
    const auto entries = unwrap(std::move(*r));
    py::list seq, time_ms, actor, action, kind, id, summary, prev_hash, hash;
    for (const auto& e : entries) {
      seq.append(e.seq);
      time_ms.append(e.record.time.unix_ms());
      actor.append(e.record.actor);
      action.append(e.record.action);
      kind.append(e.record.record_kind);
      id.append(e.record.record_id);
      summary.append(e.record.summary);
      prev_hash.append(e.prev_hash);
      hash.append(e.hash);
    }
    py::dict d;
    d["seq"] = seq;
    d["time_ms"] = time_ms;
    d["actor"] = actor;
    d["action"] = action;
    d["record_kind"] = kind;
    d["record_id"] = id;
    d["summary"] = summary;
    d["prev_hash"] = prev_hash;
    d["hash"] = hash;
    return d;
  });

  // Each rule is (max_age_ms or None, "delete" | "anonymise").
  m.def("apply_retention",
        [](py::handle store, std::optional<std::int64_t> interactions_ms,
           const std::string& interactions_action, std::optional<std::int64_t> cases_ms,
           const std::string& cases_action, std::optional<std::int64_t> orders_ms,
           std::optional<std::int64_t> work_items_ms, std::optional<std::int64_t> agent_states_ms,
           std::string actor, std::int64_t now_ms) {
          RetentionPolicy p;
          p.interactions = rule_of(interactions_ms, interactions_action, "interactions");
          p.cases = rule_of(cases_ms, cases_action, "cases");
          p.orders = rule_of(orders_ms, "delete", "orders");
          p.work_items = rule_of(work_items_ms, "delete", "work_items");
          p.agent_states = rule_of(agent_states_ms, "delete", "agent_states");
          p.actor = std::move(actor);
          std::optional<Result<RetentionReport>> r;
          with_store(store, [&](Store& s) { r = apply_retention(s, p, Instant::from_unix_ms(now_ms)); });
          const auto report = unwrap(std::move(*r));
          py::dict d;
          d["interactions"] = report.interactions;
          d["cases"] = report.cases;
          d["orders"] = report.orders;
          d["work_items"] = report.work_items;
          d["agent_states"] = report.agent_states;
          d["qa_evaluations"] = report.qa_evaluations;
          d["first_audit_seq"] = report.first_audit_seq;
          d["last_audit_seq"] = report.last_audit_seq;
          return d;
        });
}

}  // namespace backoffice::python
