// Case lifecycle, SLA clocks and escalation at the C boundary.

#include "boundary.hpp"
#include "handles.hpp"

#include <backoffice/backoffice_cases.h>
#include <backoffice/workflow/case_escalation.hpp>
#include <backoffice/workflow/case_lifecycle.hpp>
#include <backoffice/workflow/case_sla.hpp>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>
#include <utility>

struct bo_case {
  explicit bo_case(backoffice::CaseWorkflow w) : workflow(std::move(w)) {}
  backoffice::CaseWorkflow workflow;
};

using backoffice::capi::fail;
using backoffice::capi::guarded;
using backoffice::capi::status_of;

namespace {

namespace bo = backoffice;

// Every field published in the first version; later fields keep defaults.
constexpr std::size_t kSlaPolicyV1Size = offsetof(bo_sla_policy_t, paused_statuses) + sizeof(uint32_t);

// Status names are string literals, so their data() is NUL-terminated.
const char* name_of(bo::CaseStatus s) { return bo::to_string(s).data(); }
std::string_view text_or_empty(const char* s) { return s != nullptr ? std::string_view(s) : std::string_view(); }

int64_t ms_or_null(const std::optional<bo::Instant>& t) { return t ? t->unix_ms() : BO_NULL_INT64; }

bo_sla_policy_t standard_policy() {
  bo_sla_policy_t p;
  std::memset(&p, 0, sizeof p);
  p.struct_size = sizeof p;
  const auto s = bo::SlaPolicy::standard();
  for (std::size_t i = 0; i < 4; ++i) {
    p.first_response_ms[i] = s.targets[i].first_response.count();
    p.resolution_ms[i] = s.targets[i].resolution.count();
  }
  p.at_risk_share = s.at_risk_share;
  for (bo::CaseStatus st : s.paused_in) p.paused_statuses |= BO_CASE_STATUS_BIT(static_cast<unsigned>(st));
  return p;
}

bo::Result<bo::SlaPolicy> policy_of(const bo_sla_policy_t* given) {
  bo_sla_policy_t p = standard_policy();
  if (given != nullptr) {
    if (given->struct_size < kSlaPolicyV1Size) {
      return bo::invalid_argument("policy.struct_size", std::to_string(given->struct_size),
                                  "call bo_sla_policy_init() first");
    }
    std::memcpy(&p, given, std::min(given->struct_size, sizeof p));
  }
  bo::SlaPolicy out;
  for (std::size_t i = 0; i < 4; ++i) {
    out.targets[i] = {bo::Milliseconds(p.first_response_ms[i]), bo::Milliseconds(p.resolution_ms[i])};
  }
  out.at_risk_share = p.at_risk_share;
  out.paused_in.clear();
  if (p.paused_statuses >= (1u << bo::kAllCaseStatuses.size())) {
    return bo::invalid_argument("sla.paused_in", std::to_string(p.paused_statuses),
                                "only BO_CASE_STATUS_BIT flags of the eight statuses");
  }
  for (bo::CaseStatus s : bo::kAllCaseStatuses) {
    if ((p.paused_statuses & BO_CASE_STATUS_BIT(static_cast<unsigned>(s))) != 0) out.paused_in.push_back(s);
  }
  BO_RETURN_IF_ERROR(out.validate());
  return out;
}

bo_sla_clock_t clock_of(const bo::SlaTargetStatus& s) {
  bo_sla_clock_t c;
  c.goal_ms = s.goal.count();
  c.elapsed_ms = s.elapsed.count();
  c.remaining_ms = s.remaining.count();
  c.due_unix_ms = ms_or_null(s.due);
  c.met_unix_ms = ms_or_null(s.met_at);
  c.running = s.running ? 1 : 0;
  c.at_risk = s.at_risk ? 1 : 0;
  c.breached = s.breached ? 1 : 0;
  return c;
}

}  // namespace

extern "C" {

bo_status bo_case_create(bo_case_t** out, int64_t id, const char* subject, const char* priority,
                         int64_t created_unix_ms) {
  return bo_case_create_for(out, id, subject, priority, created_unix_ms, 0, 0);
}

bo_status bo_case_create_for(bo_case_t** out, int64_t id, const char* subject, const char* priority,
                             int64_t created_unix_ms, int64_t customer_id, int64_t queue_id) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(subject);
    BO_REQUIRE(priority);
    auto p = bo::parse_case_priority(priority, "priority");
    if (!p) return fail(p.error());
    bo::Case c;
    c.id = bo::CaseId(id);
    c.customer = bo::CustomerId(customer_id);
    c.queue = bo::QueueId(queue_id);
    c.subject = subject;
    c.priority = *p;
    c.created_at = bo::Instant::from_unix_ms(created_unix_ms);
    c.updated_at = c.created_at;
    auto w = bo::CaseWorkflow::start(std::move(c));
    if (!w) return fail(w.error());
    *out = new bo_case(std::move(*w));
    return BO_OK;
  });
}

void bo_case_destroy(bo_case_t* c) { delete c; }

bo_status bo_store_put_case(bo_store_t* store, const bo_case_t* c) {
  return guarded([&] {
    BO_REQUIRE(store);
    BO_REQUIRE(c);
    return backoffice::capi::status_of(store->store.put_case(c->workflow.record(), c->workflow.history()));
  });
}

bo_status bo_store_get_case(bo_case_t** out, const bo_store_t* store, int64_t case_id) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(store);
    auto c = store->store.get_case(bo::CaseId(case_id));
    if (!c) return fail(c.error());
    auto history = store->store.case_history(bo::CaseId(case_id));
    if (!history) return fail(history.error());
    auto w = bo::CaseWorkflow::restore(std::move(c).value(), std::move(history).value());
    if (!w) return fail(w.error());
    *out = new bo_case(std::move(*w));
    return BO_OK;
  });
}

bo_status bo_case_transition(bo_case_t* c, const char* to_status, int64_t at_unix_ms, const char* actor,
                             const char* reason) {
  return guarded([&] {
    BO_REQUIRE(c);
    BO_REQUIRE(to_status);
    auto to = bo::parse_case_status(to_status, "to_status");
    if (!to) return fail(to.error());
    return status_of(c->workflow.transition(*to, bo::Instant::from_unix_ms(at_unix_ms), text_or_empty(actor),
                                            text_or_empty(reason)));
  });
}

bo_status bo_case_record_first_response(bo_case_t* c, int64_t at_unix_ms, const char* actor) {
  return guarded([&] {
    BO_REQUIRE(c);
    return status_of(c->workflow.record_first_response(bo::Instant::from_unix_ms(at_unix_ms), text_or_empty(actor)));
  });
}

bo_status bo_case_escalate(bo_case_t* c, int64_t at_unix_ms, const char* actor, const char* reason) {
  return guarded([&] {
    BO_REQUIRE(c);
    return status_of(
        c->workflow.escalate(bo::Instant::from_unix_ms(at_unix_ms), text_or_empty(actor), text_or_empty(reason)));
  });
}

bo_status bo_case_state(const char** out_status, int32_t* out_tier, int64_t* out_first_response_unix_ms,
                        int64_t* out_resolved_unix_ms, const bo_case_t* c) {
  return guarded([&] {
    BO_REQUIRE(out_status);
    BO_REQUIRE(c);
    const bo::Case& r = c->workflow.record();
    *out_status = name_of(r.status);
    if (out_tier != nullptr) *out_tier = r.tier;
    if (out_first_response_unix_ms != nullptr) *out_first_response_unix_ms = ms_or_null(r.first_response_at);
    if (out_resolved_unix_ms != nullptr) *out_resolved_unix_ms = ms_or_null(r.resolved_at);
    return BO_OK;
  });
}

bo_status bo_case_history_count(size_t* out, const bo_case_t* c) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(c);
    *out = c->workflow.history().size();
    return BO_OK;
  });
}

bo_status bo_case_history_get(bo_case_change_t* out, const bo_case_t* c, size_t index) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(c);
    const auto h = c->workflow.history();
    if (index >= h.size()) {
      return fail(bo::invalid_argument("index", std::to_string(index),
                                       fmt::format("the case has {} history entries", h.size())));
    }
    const bo::CaseStatusChange& e = h[index];
    out->at_unix_ms = e.at.unix_ms();
    out->actor = e.actor.c_str();
    out->from_status = name_of(e.from);
    out->to_status = name_of(e.to);
    out->reason = e.reason.c_str();
    out->event = bo::to_string(e.event).data();
    out->tier = e.tier;
    out->rule = e.rule.c_str();
    return BO_OK;
  });
}

bo_status bo_sla_policy_init(bo_sla_policy_t* policy) {
  return guarded([&] {
    BO_REQUIRE(policy);
    *policy = standard_policy();
    return BO_OK;
  });
}

bo_status bo_case_sla(bo_sla_status_t* out, const bo_case_t* c, const bo_sla_policy_t* policy,
                      const bo_business_calendar_t* calendar, int64_t now_unix_ms) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(c);
    BO_REQUIRE(calendar);
    auto p = policy_of(policy);
    if (!p) return fail(p.error());
    auto s = bo::evaluate_sla(c->workflow, *p, calendar->calendar, bo::Instant::from_unix_ms(now_unix_ms));
    if (!s) return fail(s.error());
    out->first_response = clock_of(s->first_response);
    out->resolution = clock_of(s->resolution);
    return BO_OK;
  });
}

bo_status bo_case_apply_escalations(int32_t* out_fired, bo_case_t* c, const bo_sla_policy_t* policy,
                                    const bo_business_calendar_t* calendar, int64_t now_unix_ms,
                                    const char* actor) {
  return guarded([&] {
    BO_REQUIRE(c);
    BO_REQUIRE(calendar);
    auto p = policy_of(policy);
    if (!p) return fail(p.error());
    const auto rules = bo::default_escalation_rules();
    auto fired = bo::apply_escalations(c->workflow, rules, *p, calendar->calendar,
                                       bo::Instant::from_unix_ms(now_unix_ms),
                                       actor != nullptr ? std::string_view(actor) : std::string_view("system"));
    if (!fired) return fail(fired.error());
    if (out_fired != nullptr) *out_fired = *fired;
    return BO_OK;
  });
}

bo_status bo_follow_up_due(int64_t* out_unix_ms, const bo_business_calendar_t* calendar, int64_t from_unix_ms,
                           int64_t delay_ms) {
  return guarded([&] {
    BO_REQUIRE(out_unix_ms);
    BO_REQUIRE(calendar);
    auto f = bo::schedule_follow_up(0, bo::CaseId(0), calendar->calendar, bo::Instant::from_unix_ms(from_unix_ms),
                                    bo::Milliseconds(delay_ms), "follow-up");
    if (!f) return fail(f.error());
    *out_unix_ms = f->due.unix_ms();
    return BO_OK;
  });
}

}  // extern "C"
