#include <backoffice/wfm/queue_load.hpp>

#include <cmath>

namespace backoffice {

Result<double> offered_erlangs(const QueueLoad& load) {
  if (!std::isfinite(load.calls_per_interval) || load.calls_per_interval < 0.0) {
    return invalid_argument("calls_per_interval", fmt::format("{}", load.calls_per_interval),
                            "must be a finite number >= 0");
  }
  if (load.interval.count() <= 0) {
    return invalid_argument("interval", fmt::format("{} s", load.interval.count()),
                            "must be positive");
  }
  if (load.aht.count() <= 0) {
    return invalid_argument("aht", fmt::format("{} ms", load.aht.count()), "must be positive");
  }
  const double a = load.calls_per_interval * to_seconds(load.aht) /
                   static_cast<double>(load.interval.count());
  if (!(a <= kMaxOfferedErlangs)) {
    return invalid_argument("calls_per_interval", fmt::format("{}", load.calls_per_interval),
                            fmt::format("offered load {} Erlangs exceeds the supported {}", a,
                                        kMaxOfferedErlangs));
  }
  return a;
}

}  // namespace backoffice
