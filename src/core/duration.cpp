#include <backoffice/core/duration.hpp>

#include "core/text_scan.hpp"

#include <fmt/format.h>

namespace backoffice {

Result<Milliseconds> parse_hms(std::string_view text) {
  auto fail = [&](std::string_view why) -> Error { return parse_error("duration", text, why); };
  detail::TextScan in(text);
  std::int64_t parts[3] = {0, 0, 0};
  int n = 0;
  for (; n < 3; ++n) {
    int count = 0;
    if (!in.digits_up_to(9, parts[n], count)) return fail("expected H:MM:SS or MM:SS");
    if (!in.accept(':')) { ++n; break; }
  }
  if (n < 2) return fail("expected H:MM:SS or MM:SS");
  int ms = 0;
  if (in.accept('.') && !in.fraction_ms(ms)) return fail("expected digits after the decimal point");
  if (!in.done()) return fail("unexpected trailing text");
  const std::int64_t h = n == 3 ? parts[0] : 0;
  const std::int64_t m = n == 3 ? parts[1] : parts[0];
  const std::int64_t s = n == 3 ? parts[2] : parts[1];
  if ((n == 3 && m > 59) || s > 59) return fail("minutes and seconds must be 0..59");
  return Milliseconds(((h * 60 + m) * 60 + s) * 1000 + ms);
}

std::string format_hms(Milliseconds d) {
  const bool negative = d.count() < 0;
  const std::int64_t ms = negative ? -d.count() : d.count();
  std::string s = fmt::format("{}{}:{:02}:{:02}", negative ? "-" : "", ms / 3'600'000, ms / 60'000 % 60, ms / 1000 % 60);
  if (ms % 1000 != 0) s += fmt::format(".{:03}", ms % 1000);
  return s;
}

}  // namespace backoffice
