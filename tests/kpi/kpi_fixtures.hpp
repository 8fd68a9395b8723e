#pragma once

// Builders for hand-computed KPI cases: contacts described by their wait and
// handling, in one queue unless said otherwise.

#include <backoffice/domain/interaction_columns.hpp>

#include <chrono>
#include <optional>

namespace backoffice::testing {

inline Instant at(const char* iso) { return Instant::parse(iso).value(); }

struct ContactSpec {
  Instant offered;
  std::chrono::seconds wait;
  bool answered = true;
  std::chrono::seconds talk{0}, hold{0}, wrap{0};
  std::optional<int> csat{};
  std::optional<int> nps{};
  std::optional<bool> resolved{};
  bool transferred = false;
  std::optional<std::int64_t> customer{};
  std::string reason = "general";
  std::int64_t queue = 1;
  std::optional<std::int64_t> agent{};
};

inline Interaction make_contact(const ContactSpec& s, std::int64_t id) {
  Interaction x;
  x.id = InteractionId(id);
  x.queue = QueueId(s.queue);
  x.offered_at = s.offered;
  if (s.answered) {
    x.answered_at = s.offered + s.wait;
    x.ended_at = *x.answered_at + s.talk + s.hold;
    x.talk_time = s.talk;
    x.hold_time = s.hold;
    x.wrap_up_time = s.wrap;
    if (s.agent) x.agent = AgentId(*s.agent);
  } else {
    x.ended_at = s.offered + s.wait;
  }
  x.csat = s.csat;
  x.nps = s.nps;
  x.resolved = s.resolved;
  x.transferred = s.transferred;
  if (s.customer) x.customer = CustomerId(*s.customer);
  x.reason_code = s.reason;
  return x;
}

inline InteractionColumns columns_of(const std::vector<ContactSpec>& specs) {
  InteractionColumns c;
  std::int64_t id = 1;
  for (const auto& s : specs) c.append(make_contact(s, id++));
  return c;
}

}  // namespace backoffice::testing
