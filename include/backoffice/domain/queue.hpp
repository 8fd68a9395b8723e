#pragma once

#include <backoffice/core/ids.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/channel.hpp>
#include <backoffice/domain/formatting.hpp>

#include <chrono>
#include <string>

namespace backoffice {

// A routing queue and the service-level objective it is run against
// ("80% of contacts answered within 20 seconds").
struct Queue {
  QueueId id;
  std::string name;
  Channel channel = Channel::kVoice;
  // Contacts answered within this wait count toward the service level. > 0.
  std::chrono::seconds service_level_target{0};
  // The share of contacts that should meet the target, percent in (0, 100].
  double service_level_percent = 0.0;
  // Abandons with a wait under this are "short abandons" (KPI definitions
  // may leave them out of the denominator). >= 0; 0 means none are short.
  std::chrono::seconds short_abandon_threshold{0};
  // Opening hours as a BusinessCalendar text spec (parsed by core's
  // BusinessCalendar, not checked here); empty means open 24x7.
  std::string business_calendar;
  // IANA name of the zone the calendar and daily reports are read in.
  std::string time_zone;

  // Checks, in this order, and reports the first failure as a kValidation
  // error with field "queue.<field>":
  //  - name is not empty or blank;
  //  - service_level_target > 0 s;
  //  - service_level_percent is a number in (0, 100];
  //  - short_abandon_threshold >= 0 s;
  //  - time_zone names a zone in the tz database.
  Status validate() const;

  friend bool operator==(const Queue&, const Queue&) = default;
};

// "queue 5 'Billing' voice (80% in 20s)".
std::string to_string(const Queue& queue);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::Queue> : backoffice::detail::ToStringFormatter<backoffice::Queue> {};
