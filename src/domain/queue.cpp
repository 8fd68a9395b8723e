#include <backoffice/domain/queue.hpp>

#include "domain/validation.hpp"

namespace backoffice {

Status Queue::validate() const {
  if (detail::is_blank(name)) return detail::blank_error("queue.name", name);
  if (service_level_target.count() <= 0) {
    return validation_error("queue.service_level_target", fmt::format("{}s", service_level_target.count()),
                            "must be more than 0 seconds");
  }
  // Written so that NaN fails too.
  if (!(service_level_percent > 0.0 && service_level_percent <= 100.0)) {
    return validation_error("queue.service_level_percent", fmt::format("{}", service_level_percent),
                            "must be a percentage in (0, 100]");
  }
  if (short_abandon_threshold.count() < 0) {
    return validation_error("queue.short_abandon_threshold",
                            fmt::format("{}s", short_abandon_threshold.count()), "must not be negative");
  }
  return detail::check_time_zone("queue.time_zone", time_zone);
}

std::string to_string(const Queue& queue) {
  return fmt::format("queue {} '{}' {} ({}% in {}s)", queue.id, queue.name, queue.channel,
                     queue.service_level_percent, queue.service_level_target.count());
}

}  // namespace backoffice
