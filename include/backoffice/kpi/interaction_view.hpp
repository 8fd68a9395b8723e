#pragma once

#include <backoffice/domain/interaction_columns.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace backoffice {

// Read-only spans over interaction columns (the layout of
// InteractionColumns; see there for units and null markers). The KPI engine
// reads only these, so a host can point it at its own arrays without copying.
struct InteractionView {
  std::span<const std::int64_t> queue_id;
  std::span<const std::int64_t> customer_id;
  std::span<const std::int64_t> agent_id;
  std::span<const std::uint8_t> channel;
  std::span<const std::uint8_t> direction;
  std::span<const std::int64_t> offered_ms;
  std::span<const std::int64_t> answered_ms;
  std::span<const std::int64_t> ended_ms;
  std::span<const std::int64_t> talk_ms;
  std::span<const std::int64_t> hold_ms;
  std::span<const std::int64_t> wrap_ms;
  std::span<const std::uint8_t> transferred;
  std::span<const std::int8_t> resolved;
  std::span<const std::int8_t> csat;
  std::span<const std::int8_t> nps;
  std::span<const std::int32_t> reason;
  // Labels for reason codes; may be empty (codes are then printed as numbers).
  std::span<const std::string> reason_labels;

  static InteractionView of(const InteractionColumns& c) {
    return InteractionView{c.queue_id, c.customer_id, c.agent_id, c.channel, c.direction, c.offered_ms,
                           c.answered_ms, c.ended_ms, c.talk_ms, c.hold_ms, c.wrap_ms, c.transferred,
                           c.resolved, c.csat, c.nps, c.reason, c.reasons.values()};
  }
  std::size_t size() const { return offered_ms.size(); }
  // Rows [begin, end) as a view (for sharding).
  InteractionView slice(std::size_t begin, std::size_t end) const;
};

}  // namespace backoffice
