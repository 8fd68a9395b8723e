#pragma once

#include <backoffice/core/result.hpp>
#include <backoffice/core/time_zone.hpp>
#include <backoffice/kpi/definitions.hpp>
#include <backoffice/kpi/fcr.hpp>
#include <backoffice/kpi/interaction_view.hpp>
#include <backoffice/kpi/table.hpp>
#include <backoffice/kpi/time_bucket.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace backoffice {

// What a contact report groups by, besides the time bucket.
enum class Dimension : std::uint8_t { kQueue, kAgent, kTeam, kChannel, kDirection, kReason };
std::string_view to_string(Dimension d) noexcept;
Result<Dimension> parse_dimension(std::string_view text);

struct GroupBy {
  std::vector<Dimension> dimensions{};
  TimeBucket bucket = TimeBucket::kNone;
  // Buckets are cut on this zone's wall clock.
  TimeZone zone{};
  // Agent id -> team id, for Dimension::kTeam (unlisted agents: no team).
  std::map<std::int64_t, std::int64_t> team_of_agent{};
};

// The additive state of one group: every KPI of a contact report is a ratio
// or mean of these, so groups, shards and machines merge by adding them.
// Durations are milliseconds. Contacts count in the bucket of their offered
// time.
#define BO_CONTACT_COUNTS(X)                                                                      \
  X(offered)                  /* contacts offered to the queue */                                  \
  X(answered)                 /* reached an agent (handled) */                                     \
  X(abandoned)                /* left before an answer */                                          \
  X(short_abandoned)          /* abandoned with wait < the queue's short-abandon threshold */      \
  X(answered_within_target)   /* answered with wait <= the queue's answer target */               \
  X(abandoned_within_target)  /* abandoned with wait <= the answer target */                       \
  X(wait_answered_ms)         /* total wait of answered contacts (ASA numerator) */                \
  X(talk_ms)                  /* total talk of answered contacts */                                \
  X(hold_ms)                  /* total hold of answered contacts */                                \
  X(wrap_ms)                  /* total wrap-up of answered contacts */                             \
  X(transferred)              /* answered contacts that were transferred */                        \
  X(csat_responses)           /* contacts with a CSAT score */                                     \
  X(csat_top_box)             /* CSAT >= KpiOptions::csat_top_box_min */                           \
  X(csat_sum)                 /* sum of CSAT scores */                                             \
  X(nps_responses)            /* contacts with an NPS score */                                     \
  X(nps_promoters)            /* NPS 9-10 */                                                       \
  X(nps_detractors)           /* NPS 0-6 */                                                        \
  X(survey_resolved_known)    /* contacts whose resolved flag is known */                          \
  X(survey_resolved)          /* ... and was yes */                                                \
  X(fcr_resolved)             /* FcrState::kResolved */                                            \
  X(fcr_repeat)               /* FcrState::kRepeat */                                              \
  X(fcr_pending)              /* FcrState::kPending */

struct ContactCounts {
#define BO_DECLARE_FIELD(name) std::int64_t name = 0;
  BO_CONTACT_COUNTS(BO_DECLARE_FIELD)
#undef BO_DECLARE_FIELD

  void merge(const ContactCounts& o);
  friend bool operator==(const ContactCounts&, const ContactCounts&) = default;
};

// Contact KPIs per group: the result of contact_report(). Keys are the
// dimension values in GroupBy order followed by the bucket's UTC start (ms).
class ContactReport {
 public:
  ContactReport(GroupBy group_by, KpiOptions options);
  ContactReport(const ContactReport& other);
  ContactReport& operator=(const ContactReport& other);
  ContactReport(ContactReport&&) noexcept;
  ContactReport& operator=(ContactReport&&) noexcept;
  ~ContactReport();

  const GroupBy& group_by() const { return group_by_; }
  const KpiOptions& options() const { return options_; }
  std::size_t group_count() const { return counts_.size(); }
  std::span<const std::int64_t> key(std::size_t group) const;
  const ContactCounts& counts(std::size_t group) const { return counts_[group]; }
  ContactCounts total() const;

  // Adds another report's groups into this one. Both must have been made with
  // the same GroupBy and KpiOptions (kInvalidArgument otherwise).
  Status merge(const ContactReport& other);

  // The groups and counts as bytes (little-endian int64s after a header that
  // fingerprints the GroupBy and options), for shipping partial reports.
  std::string serialize() const;
  // Reads serialize()'s bytes; group_by and options must match the writer's.
  static Result<ContactReport> deserialize(std::string_view bytes, GroupBy group_by, KpiOptions options);

  // One row per group, ordered by key: the dimension columns, interval_start
  // (local time with offset) and interval_start_utc_ms when bucketed, the
  // counts, and each KPI with its _num and _den (docs/kpi.md).
  Table to_table() const;

  // Used by contact_report(): the group holding `key` (created when new).
  ContactCounts& group(const std::int64_t* key);

 private:
  std::string fingerprint() const;
  GroupBy group_by_;
  KpiOptions options_;
  std::vector<ContactCounts> counts_;
  struct Index;
  std::unique_ptr<Index> index_;
  // Reason labels seen while reporting (code -> text), for to_table().
  std::vector<std::string> reason_labels_;
  friend Result<ContactReport> contact_report(const InteractionView&, const GroupBy&, const KpiOptions&,
                                              std::span<const FcrState>);
};

// Computes the contact KPIs of `v` grouped by `group_by`. `fcr` holds one
// state per row from fcr_states(); when empty it is computed from `v` (pass
// it explicitly when reporting shards of a larger set). Contacts are
// attributed to the bucket of their offered time, which every row must have
// (kInvalidArgument naming offered_ms[row] otherwise). O(n) with no
// data-dependent branch per row; time-ordered input probes the group hash
// index about once per group (a direct-mapped cache remembers each
// dimension tuple's group in its current bucket); no allocation per row.
Result<ContactReport> contact_report(const InteractionView& v, const GroupBy& group_by,
                                     const KpiOptions& options = {}, std::span<const FcrState> fcr = {});

}  // namespace backoffice
