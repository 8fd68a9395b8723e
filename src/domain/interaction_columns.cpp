#include <backoffice/domain/interaction_columns.hpp>

#include <fmt/format.h>

namespace backoffice {

std::int32_t StringDictionary::code(std::string_view text) {
  // Heterogeneous lookup needs C++20 transparent hashing in unordered_map,
  // which libstdc++ 12 lacks; one string per distinct lookup is the cost.
  auto [it, inserted] = index_.try_emplace(std::string(text), static_cast<std::int32_t>(values_.size()));
  if (inserted) values_.emplace_back(text);
  return it->second;
}

void InteractionColumns::reserve(std::size_t n) {
  id.reserve(n);
  channel.reserve(n);
  direction.reserve(n);
  queue_id.reserve(n);
  customer_id.reserve(n);
  agent_id.reserve(n);
  offered_ms.reserve(n);
  answered_ms.reserve(n);
  ended_ms.reserve(n);
  talk_ms.reserve(n);
  hold_ms.reserve(n);
  wrap_ms.reserve(n);
  transferred.reserve(n);
  resolved.reserve(n);
  csat.reserve(n);
  nps.reserve(n);
  reason.reserve(n);
  disposition.reserve(n);
}

void InteractionColumns::clear() { *this = InteractionColumns{}; }

void InteractionColumns::append(const Interaction& x) {
  id.push_back(x.id.value());
  channel.push_back(static_cast<std::uint8_t>(x.channel));
  direction.push_back(static_cast<std::uint8_t>(x.direction));
  queue_id.push_back(x.queue.value());
  customer_id.push_back(x.customer ? x.customer->value() : kNullInt64);
  agent_id.push_back(x.agent ? x.agent->value() : kNullInt64);
  offered_ms.push_back(x.offered_at.unix_ms());
  answered_ms.push_back(x.answered_at ? x.answered_at->unix_ms() : kNullInt64);
  ended_ms.push_back(x.ended_at.unix_ms());
  talk_ms.push_back(x.talk_time.count());
  hold_ms.push_back(x.hold_time.count());
  wrap_ms.push_back(x.wrap_up_time.count());
  transferred.push_back(x.transferred ? 1 : 0);
  resolved.push_back(x.resolved ? static_cast<std::int8_t>(*x.resolved ? 1 : 0) : std::int8_t{-1});
  csat.push_back(x.csat ? static_cast<std::int8_t>(*x.csat) : std::int8_t{0});
  nps.push_back(x.nps ? static_cast<std::int8_t>(*x.nps) : std::int8_t{-1});
  reason.push_back(reasons.code(x.reason_code));
  disposition.push_back(dispositions.code(x.disposition));
}

Interaction InteractionColumns::row(std::size_t i) const {
  Interaction x;
  x.id = InteractionId(id[i]);
  x.channel = static_cast<Channel>(channel[i]);
  x.direction = static_cast<Direction>(direction[i]);
  x.queue = QueueId(queue_id[i]);
  if (customer_id[i] != kNullInt64) x.customer = CustomerId(customer_id[i]);
  if (agent_id[i] != kNullInt64) x.agent = AgentId(agent_id[i]);
  x.offered_at = Instant::from_unix_ms(offered_ms[i]);
  if (answered_ms[i] != kNullInt64) x.answered_at = Instant::from_unix_ms(answered_ms[i]);
  x.ended_at = Instant::from_unix_ms(ended_ms[i]);
  x.talk_time = std::chrono::milliseconds(talk_ms[i]);
  x.hold_time = std::chrono::milliseconds(hold_ms[i]);
  x.wrap_up_time = std::chrono::milliseconds(wrap_ms[i]);
  x.transferred = transferred[i] != 0;
  if (resolved[i] >= 0) x.resolved = resolved[i] == 1;
  if (csat[i] != 0) x.csat = csat[i];
  if (nps[i] >= 0) x.nps = nps[i];
  x.reason_code = reasons.text(reason[i]);
  x.disposition = dispositions.text(disposition[i]);
  return x;
}

Status InteractionColumns::check_shape() const {
  const std::size_t n = id.size();
  const std::pair<const char*, std::size_t> sizes[] = {{"channel", channel.size()},
                                                       {"direction", direction.size()},
                                                       {"queue_id", queue_id.size()},
                                                       {"customer_id", customer_id.size()},
                                                       {"agent_id", agent_id.size()},
                                                       {"offered_ms", offered_ms.size()},
                                                       {"answered_ms", answered_ms.size()},
                                                       {"ended_ms", ended_ms.size()},
                                                       {"talk_ms", talk_ms.size()},
                                                       {"hold_ms", hold_ms.size()},
                                                       {"wrap_ms", wrap_ms.size()},
                                                       {"transferred", transferred.size()},
                                                       {"resolved", resolved.size()},
                                                       {"csat", csat.size()},
                                                       {"nps", nps.size()},
                                                       {"reason", reason.size()},
                                                       {"disposition", disposition.size()}};
  for (const auto& [name, size] : sizes) {
    if (size != n) {
      return invalid_argument(name, std::to_string(size),
                              fmt::format("column length differs from id's {}", n));
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (channel[i] >= kAllChannels.size())
      return invalid_argument(fmt::format("channel[{}]", i), std::to_string(channel[i]), "not a Channel");
    if (direction[i] >= kAllDirections.size())
      return invalid_argument(fmt::format("direction[{}]", i), std::to_string(direction[i]),
                              "not a Direction");
    if (reason[i] < 0 || static_cast<std::size_t>(reason[i]) >= reasons.size())
      return invalid_argument(fmt::format("reason[{}]", i), std::to_string(reason[i]),
                              "not a code in the reasons dictionary");
    if (disposition[i] < 0 || static_cast<std::size_t>(disposition[i]) >= dispositions.size())
      return invalid_argument(fmt::format("disposition[{}]", i), std::to_string(disposition[i]),
                              "not a code in the dispositions dictionary");
  }
  return Status::Ok();
}

}  // namespace backoffice
