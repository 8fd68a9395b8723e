#pragma once

// The KPI variants a report can be asked for, with their documented defaults
// (docs/kpi.md gives each formula). A report stores the options it used.

#include <backoffice/core/instant.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace backoffice {

// How abandoned contacts enter the service level. T is the queue's answer
// target; "within T" means wait <= T.
enum class ServiceLevelDefinition {
  // answered within T / (offered - short abandons). The default.
  kExcludeShortAbandons,
  // (answered within T + abandoned within T) / offered.
  kAbandonsWithinTargetMet,
  // answered within T / answered.
  kAnsweredOnly,
  // answered within T / offered (every abandon counts against).
  kAllOffered,
};
std::string_view to_string(ServiceLevelDefinition d) noexcept;

// A queue's service-level target and short-abandon threshold. A short
// abandon is an abandon with wait < short_abandon (callers who hung up
// before an agent could have answered).
struct QueueTargets {
  std::chrono::seconds answer_target{20};
  std::chrono::seconds short_abandon{5};
  friend bool operator==(const QueueTargets&, const QueueTargets&) = default;
};

// Repeat-contact first-contact resolution: an answered contact from a known
// customer is resolved on first contact when the same customer (and, with
// match_reason, the same reason code) does not contact again, answered or
// not, within `window` after it was offered. When no repeat came and the
// window reaches past `as_of` (default: the last offered time in the data),
// the contact is pending: counted apart, neither resolved nor unresolved.
struct FcrOptions {
  std::chrono::milliseconds window = std::chrono::hours(24 * 7);
  bool match_reason = false;
  std::optional<Instant> as_of{};
  friend bool operator==(const FcrOptions&, const FcrOptions&) = default;
};

struct KpiOptions {
  ServiceLevelDefinition service_level = ServiceLevelDefinition::kExcludeShortAbandons;
  // Targets for queues without an entry in per_queue.
  QueueTargets default_targets;
  std::map<std::int64_t, QueueTargets> per_queue;
  // abandon_rate = (abandoned - short) / (offered - short) when true (default),
  // abandoned / offered when false.
  bool abandon_rate_excludes_short = true;
  FcrOptions fcr;
  // CSAT top-box: responses >= this score (default 4 of 5: "top-2-box").
  int csat_top_box_min = 4;

  const QueueTargets& targets_for(std::int64_t queue_id) const {
    auto it = per_queue.find(queue_id);
    return it == per_queue.end() ? default_targets : it->second;
  }
  friend bool operator==(const KpiOptions&, const KpiOptions&) = default;
};

// "service_level=exclude_short_abandons; answer_target_s=20; ..." : the
// definition used, stored in report metadata.
std::string describe(const KpiOptions& options);

}  // namespace backoffice
