#include <backoffice/core/instant.hpp>

#include <backoffice/core/civil_time.hpp>
#include <backoffice/core/time_zone.hpp>

#include "core/iso8601.hpp"
#include "core/offset_text.hpp"


namespace backoffice {

Instant Instant::now() {
  return Instant(std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now()));
}

Result<Instant> Instant::parse(std::string_view text) {
  BO_ASSIGN_OR_RETURN(auto parsed, detail::parse_iso8601(text, "instant", /*allow_date_only=*/false));
  if (!parsed.offset_s) {
    return parse_error("instant", text,
                       "no UTC offset (append Z or +HH:MM, or parse it in a time zone)");
  }
  return from_unix_ms(parsed.local_ms - static_cast<std::int64_t>(*parsed.offset_s) * 1000);
}

Result<Instant> Instant::parse_in(std::string_view text, const TimeZone& zone) {
  BO_ASSIGN_OR_RETURN(auto parsed, detail::parse_iso8601(text, "instant", /*allow_date_only=*/false));
  if (parsed.offset_s) {
    return from_unix_ms(parsed.local_ms - static_cast<std::int64_t>(*parsed.offset_s) * 1000);
  }
  return zone.to_instant(LocalTime(parsed.local_ms));
}

std::string Instant::to_string() const { return LocalTime(unix_ms()).to_string() + "Z"; }

std::string Instant::to_string_in(const TimeZone& zone) const {
  std::string text = zone.to_local(*this).to_string();
  detail::append_utc_offset(text, zone.offset_at(*this).count());
  return text;
}

}  // namespace backoffice
