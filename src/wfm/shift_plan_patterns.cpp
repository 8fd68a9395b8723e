#include <backoffice/wfm/shift_plan.hpp>

#include <algorithm>
#include <string>

namespace backoffice {
namespace {

constexpr std::size_t kMaxPatterns = 1'000'000;

std::string field(std::size_t type, std::string_view name) {
  return fmt::format("shift_types[{}].{}", type, name);
}

}  // namespace

Result<std::vector<ShiftPattern>> expand_shift_patterns(std::span<const ShiftType> shift_types,
                                                        std::int32_t horizon,
                                                        const ShiftPlanOptions& options) {
  if (horizon <= 0) return invalid_argument("horizon_intervals", std::to_string(horizon), "must be > 0");
  if (shift_types.empty()) return invalid_argument("shift_types", "[]", "at least one shift type");
  if (options.interval.count() <= 0)
    return invalid_argument("interval", std::to_string(options.interval.count()) + " s", "must be > 0");

  std::vector<ShiftPattern> patterns;
  for (std::size_t t = 0; t < shift_types.size(); ++t) {
    const ShiftType& s = shift_types[t];
    if (s.start_intervals.empty())
      return invalid_argument(field(t, "start_intervals"), "[]", "at least one start");
    if (s.length_intervals < 1 || s.length_intervals > horizon)
      return invalid_argument(field(t, "length_intervals"), std::to_string(s.length_intervals),
                              fmt::format("must be in 1..{} (the horizon)", horizon));
    if (s.break_intervals < 0 || s.break_intervals >= s.length_intervals)
      return invalid_argument(field(t, "break_intervals"), std::to_string(s.break_intervals),
                              "must be >= 0 and shorter than the shift");
    if (s.break_intervals > 0) {
      if (s.break_earliest < 0 || s.break_latest < s.break_earliest)
        return invalid_argument(field(t, "break_latest"),
                                fmt::format("{}..{}", s.break_earliest, s.break_latest),
                                "break window must satisfy 0 <= earliest <= latest");
      if (s.break_latest + s.break_intervals > s.length_intervals)
        return invalid_argument(field(t, "break_latest"), std::to_string(s.break_latest),
                                "the break must end within the shift");
    }
    const std::int32_t paid = s.length_intervals - (s.paid_break ? 0 : s.break_intervals);
    for (std::size_t k = 0; k < s.start_intervals.size(); ++k) {
      const std::int32_t start = s.start_intervals[k];
      if (start < 0 || start >= horizon)
        return invalid_argument(fmt::format("shift_types[{}].start_intervals[{}]", t, k),
                                std::to_string(start), fmt::format("must be in [0, {})", horizon));
      if (!options.cyclic && start + s.length_intervals > horizon)
        return invalid_argument(fmt::format("shift_types[{}].start_intervals[{}]", t, k),
                                std::to_string(start), "the shift runs past the end of a non-cyclic horizon");
      const std::int32_t first_break = s.break_intervals > 0 ? s.break_earliest : -1;
      const std::int32_t last_break = s.break_intervals > 0 ? s.break_latest : -1;
      for (std::int32_t b = first_break; b <= last_break; ++b) {
        if (patterns.size() >= kMaxPatterns)
          return invalid_argument("shift_types", fmt::format("more than {} patterns", kMaxPatterns),
                                  "too many (type, start, break) combinations");
        ShiftPattern p;
        p.shift_type = static_cast<std::int32_t>(t);
        p.start = start;
        p.break_offset = b;
        p.paid_intervals = paid;
        p.covered.reserve(static_cast<std::size_t>(s.length_intervals));
        for (std::int32_t o = 0; o < s.length_intervals; ++o) {
          if (b >= 0 && o >= b && o < b + s.break_intervals) continue;
          p.covered.push_back((start + o) % horizon);
        }
        std::sort(p.covered.begin(), p.covered.end());
        patterns.push_back(std::move(p));
      }
    }
  }
  return patterns;
}

}  // namespace backoffice
