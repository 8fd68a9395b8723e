// Versions, instants, time zones and business calendars at the C boundary.

#include "boundary.hpp"
#include "handles.hpp"

#include <backoffice/core/instant.hpp>
#include <backoffice/version.hpp>

#include <chrono>
#include <memory>
#include <stdexcept>

using backoffice::capi::copy_out;
using backoffice::capi::fail;
using backoffice::capi::guarded;

extern "C" {

const char* bo_version(void) { return BACKOFFICE_VERSION_STRING; }

int bo_abi_version(void) { return BO_ABI_VERSION; }

bo_status bo_time_zone_locate(bo_time_zone_t** out, const char* iana_name) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(iana_name);
    auto zone = backoffice::TimeZone::locate(iana_name);
    if (!zone) return fail(zone.error());
    *out = new bo_time_zone{*zone};
    return BO_OK;
  });
}

void bo_time_zone_destroy(bo_time_zone_t* zone) { delete zone; }

bo_status bo_time_zone_name(const char** out, size_t* out_len, const bo_time_zone_t* zone) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(zone);
    // Names are views of the process-wide tz database's strings (or the
    // literal "UTC"), which are NUL-terminated and live until exit.
    auto name = zone->zone.name();
    *out = name.data();
    if (out_len != nullptr) *out_len = name.size();
    return BO_OK;
  });
}

bo_status bo_time_zone_offset_at(int32_t* out_seconds, const bo_time_zone_t* zone, int64_t unix_ms) {
  return guarded([&] {
    BO_REQUIRE(out_seconds);
    BO_REQUIRE(zone);
    auto offset = zone->zone.offset_at(backoffice::Instant::from_unix_ms(unix_ms));
    *out_seconds = static_cast<int32_t>(offset.count());
    return BO_OK;
  });
}

bo_status bo_instant_parse(int64_t* out_unix_ms, const char* text, const bo_time_zone_t* zone) {
  return guarded([&] {
    BO_REQUIRE(out_unix_ms);
    BO_REQUIRE(text);
    auto t =
        zone == nullptr ? backoffice::Instant::parse(text) : backoffice::Instant::parse_in(text, zone->zone);
    if (!t) return fail(t.error());
    *out_unix_ms = t->unix_ms();
    return BO_OK;
  });
}

bo_status bo_instant_format(char** out, size_t* out_len, int64_t unix_ms, const bo_time_zone_t* zone) {
  return guarded([&] {
    BO_REQUIRE(out);
    auto t = backoffice::Instant::from_unix_ms(unix_ms);
    return copy_out(out, out_len, zone == nullptr ? t.to_string() : t.to_string_in(zone->zone));
  });
}

bo_status bo_business_calendar_parse(bo_business_calendar_t** out, const char* spec,
                                     const bo_time_zone_t* zone) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(spec);
    auto cal =
        backoffice::BusinessCalendar::parse(spec, zone == nullptr ? backoffice::TimeZone::utc() : zone->zone);
    if (!cal) return fail(cal.error());
    *out = new bo_business_calendar{std::move(cal).value()};
    return BO_OK;
  });
}

void bo_business_calendar_destroy(bo_business_calendar_t* calendar) { delete calendar; }

bo_status bo_business_calendar_is_open(int* out, const bo_business_calendar_t* calendar, int64_t unix_ms) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(calendar);
    *out = calendar->calendar.is_open(backoffice::Instant::from_unix_ms(unix_ms)) ? 1 : 0;
    return BO_OK;
  });
}

bo_status bo_business_calendar_duration(int64_t* out_ms, const bo_business_calendar_t* calendar,
                                        int64_t from_unix_ms, int64_t to_unix_ms) {
  return guarded([&] {
    BO_REQUIRE(out_ms);
    BO_REQUIRE(calendar);
    *out_ms = calendar->calendar
                  .business_duration(backoffice::Instant::from_unix_ms(from_unix_ms),
                                     backoffice::Instant::from_unix_ms(to_unix_ms))
                  .count();
    return BO_OK;
  });
}

bo_status bo_business_calendar_add(int64_t* out_unix_ms, const bo_business_calendar_t* calendar,
                                   int64_t start_unix_ms, int64_t duration_ms) {
  return guarded([&] {
    BO_REQUIRE(out_unix_ms);
    BO_REQUIRE(calendar);
    auto due = calendar->calendar.add_business(backoffice::Instant::from_unix_ms(start_unix_ms),
                                               std::chrono::milliseconds(duration_ms));
    if (!due) return fail(due.error());
    *out_unix_ms = due->unix_ms();
    return BO_OK;
  });
}

bo_status bo_business_calendar_next_open(int64_t* out_unix_ms, const bo_business_calendar_t* calendar,
                                         int64_t unix_ms) {
  return guarded([&] {
    BO_REQUIRE(out_unix_ms);
    BO_REQUIRE(calendar);
    auto t = backoffice::Instant::from_unix_ms(unix_ms);
    auto next = calendar->calendar.next_open(t);
    if (!next) {
      return fail(backoffice::make_error(backoffice::ErrorCode::kNotFound, "unix_ms", t.to_string(),
                                         "the calendar never opens at or after this instant"));
    }
    *out_unix_ms = next->unix_ms();
    return BO_OK;
  });
}

bo_status bo_experimental_throw(int32_t kind) {
  return guarded([&]() -> bo_status {
    switch (kind) {
      case 0:
        throw std::runtime_error("test hook: std::runtime_error from C++");
      case 1:
        throw std::bad_alloc();
      default:
        throw 42;  // not derived from std::exception
    }
  });
}

}  // extern "C"
