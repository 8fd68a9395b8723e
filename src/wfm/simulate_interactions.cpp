// The only wfm source that includes a domain header: it turns simulated
// contacts into the columns the store and the KPI engine read. It calls
// nothing but inline members of InteractionColumns (vector push_back and
// the dictionaries' size()), so a library built with BACKOFFICE_MODULES
// "core;wfm" still links; the function is meant for builds that include
// domain (all release builds do).

#include <backoffice/domain/interaction_columns.hpp>
#include <backoffice/wfm/simulate.hpp>

#include <string>

namespace backoffice {

Status append_simulated_interactions(const SimulatedContacts& c, const SimulatedInteractionOptions& o,
                                     InteractionColumns& out) {
  const std::size_t n = c.offered_ms.size();
  if (c.answered_ms.size() != n || c.ended_ms.size() != n || c.talk_ms.size() != n || c.abandoned.size() != n)
    return invalid_argument("contacts", fmt::format("{} offered_ms", n),
                            "all contact columns must have the same length");
  if (o.queue_id <= 0) return invalid_argument("queue_id", std::to_string(o.queue_id), "must be > 0");
  if (o.reason_code < 0 || static_cast<std::size_t>(o.reason_code) >= out.reasons.size())
    return invalid_argument("reason_code", std::to_string(o.reason_code),
                            "not a code in out.reasons (intern it with out.reasons.code())");
  if (o.disposition_code < 0 || static_cast<std::size_t>(o.disposition_code) >= out.dispositions.size())
    return invalid_argument("disposition_code", std::to_string(o.disposition_code),
                            "not a code in out.dispositions");

  const std::size_t total = out.id.size() + n;
  auto reserve_all = [total](auto&... column) { (column.reserve(total), ...); };
  reserve_all(out.id, out.channel, out.direction, out.queue_id, out.customer_id, out.agent_id, out.offered_ms,
              out.answered_ms, out.ended_ms, out.talk_ms, out.hold_ms, out.wrap_ms, out.transferred,
              out.resolved, out.csat, out.nps, out.reason, out.disposition);

  for (std::size_t i = 0; i < n; ++i) {
    const bool answered = c.answered_ms[i] != kNotAnswered;
    out.id.push_back(o.first_id + static_cast<std::int64_t>(i));
    out.channel.push_back(o.channel);
    out.direction.push_back(o.direction);
    out.queue_id.push_back(o.queue_id);
    out.customer_id.push_back(kNullInt64);
    out.agent_id.push_back(kNullInt64);
    out.offered_ms.push_back(o.start_unix_ms + c.offered_ms[i]);
    out.answered_ms.push_back(answered ? o.start_unix_ms + c.answered_ms[i] : kNullInt64);
    out.ended_ms.push_back(o.start_unix_ms + c.ended_ms[i]);
    out.talk_ms.push_back(answered ? c.talk_ms[i] : 0);
    out.hold_ms.push_back(0);
    out.wrap_ms.push_back(0);
    out.transferred.push_back(0);
    out.resolved.push_back(-1);
    out.csat.push_back(0);
    out.nps.push_back(-1);
    out.reason.push_back(o.reason_code);
    out.disposition.push_back(o.disposition_code);
  }
  return Status::Ok();
}

}  // namespace backoffice
