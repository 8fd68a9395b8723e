#include "core/iso8601.hpp"

#include "core/text_scan.hpp"

#include <date/date.h>

namespace backoffice::detail {

std::optional<std::int32_t> days_from_ymd(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return static_cast<std::int32_t>(date::sys_days(ymd).time_since_epoch().count());
}

Result<ParsedDateTime> parse_iso8601(std::string_view text, std::string_view field,
                                     bool allow_date_only) {
  auto fail = [&](std::string_view why) -> Error { return parse_error(field, text, why); };
  TextScan in(text);
  int year = 0, month = 0, day = 0;
  if (!in.digits(4, year) || !in.accept('-') || !in.digits(2, month) || !in.accept('-') ||
      !in.digits(2, day)) {
    return fail("expected an ISO-8601 date YYYY-MM-DD");
  }
  if (month < 1 || month > 12) return fail("month out of range 01..12");
  auto days = days_from_ymd(year, month, day);
  if (!days) return fail("day does not exist in that month");

  ParsedDateTime out;
  std::int64_t ms_of_day = 0;
  if (in.done()) {
    if (!allow_date_only) return fail("expected a time after the date (THH:MM[:SS])");
  } else {
    if (!(in.accept('T') || in.accept('t') || in.accept(' '))) {
      return fail("expected 'T' or a space between date and time");
    }
    int hour = 0, minute = 0, second = 0, ms = 0;
    if (!in.digits(2, hour) || !in.accept(':') || !in.digits(2, minute)) {
      return fail("expected a time HH:MM[:SS[.fff]]");
    }
    if (in.accept(':')) {
      if (!in.digits(2, second)) return fail("expected two-digit seconds");
      if (in.accept('.') || in.accept(',')) {
        if (!in.fraction_ms(ms)) return fail("expected digits after the decimal point");
      }
    }
    if (hour > 23) return fail("hour out of range 00..23");
    if (minute > 59) return fail("minute out of range 00..59");
    if (second > 59) return fail("second out of range 00..59 (leap seconds are not represented)");
    ms_of_day = ((hour * 60LL + minute) * 60LL + second) * 1000LL + ms;

    if (!in.done()) {
      if (in.accept('Z') || in.accept('z')) {
        out.offset_s = 0;
      } else {
        int sign = 0;
        if (in.accept('+')) sign = 1;
        else if (in.accept('-')) sign = -1;
        else return fail("unexpected text after the time; expected Z or an offset +HH:MM");
        int oh = 0, om = 0;
        if (!in.digits(2, oh)) return fail("expected a two-digit offset hour");
        if (in.accept(':')) {
          if (!in.digits(2, om)) return fail("expected two-digit offset minutes");
        } else if (!in.done() && !in.digits(2, om)) {
          return fail("expected offset minutes");
        }
        if (oh > 23 || om > 59) return fail("offset out of range");
        out.offset_s = sign * (oh * 3600 + om * 60);
      }
    }
  }
  if (!in.done()) return fail("unexpected trailing text");
  out.local_ms = static_cast<std::int64_t>(*days) * 86'400'000LL + ms_of_day;
  return out;
}

}  // namespace backoffice::detail
