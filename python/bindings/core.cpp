// Instants, time zones and business calendars for backoffice.core.

#include "bindings.hpp"

#include <backoffice/core/business_calendar.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/time_zone.hpp>

#include <pybind11/stl.h>

#include <optional>
#include <string>

namespace backoffice::python {

namespace {

TimeZone zone_or_utc(const std::optional<std::string>& name) {
  if (!name) return TimeZone::utc();
  return unwrap(TimeZone::locate(*name));
}

py::array_t<std::int64_t> contiguous_int64(const py::handle& values) {
  return py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(values);
}

}  // namespace

void bind_core(py::module_& m) {
  m.def("parse_instant", [](const std::string& text, const std::optional<std::string>& zone) {
    if (!zone) return unwrap(Instant::parse(text)).unix_ms();
    return unwrap(Instant::parse_in(text, zone_or_utc(zone))).unix_ms();
  });
  m.def("format_instant", [](std::int64_t unix_ms, const std::optional<std::string>& zone) {
    auto t = Instant::from_unix_ms(unix_ms);
    return zone ? t.to_string_in(zone_or_utc(zone)) : t.to_string();
  });

  py::class_<TimeZone>(m, "TimeZone")
      .def_static("locate", [](const std::string& name) { return unwrap(TimeZone::locate(name)); })
      .def_property_readonly("name", [](const TimeZone& z) { return std::string(z.name()); })
      .def("offset_at", [](const TimeZone& z, std::int64_t unix_ms) {
        return z.offset_at(Instant::from_unix_ms(unix_ms)).count();
      });

  py::class_<BusinessCalendar>(m, "BusinessCalendar")
      .def_static("parse",
                  [](const std::string& spec, const std::optional<std::string>& zone) {
                    return unwrap(BusinessCalendar::parse(spec, zone_or_utc(zone)));
                  })
      .def("to_string", &BusinessCalendar::to_string)
      .def_property_readonly("zone_name",
                             [](const BusinessCalendar& c) { return std::string(c.zone().name()); })
      .def("is_open",
           [](const BusinessCalendar& c, const py::handle& instants) {
             auto in = contiguous_int64(instants);
             py::array_t<bool> out(in.size());
             const std::int64_t* src = in.data();
             bool* dst = out.mutable_data();
             auto n = in.size();
             {
               py::gil_scoped_release release;
               for (py::ssize_t i = 0; i < n; ++i) dst[i] = c.is_open(Instant::from_unix_ms(src[i]));
             }
             return out;
           })
      .def("business_duration",
           [](const BusinessCalendar& c, const py::handle& from, const py::handle& to) {
             auto a = contiguous_int64(from);
             auto b = contiguous_int64(to);
             if (a.size() != b.size()) {
               raise(invalid_argument("end", std::to_string(b.size()) + " values",
                                      "start and end must have the same length"));
             }
             py::array_t<std::int64_t> out(a.size());
             const std::int64_t* pa = a.data();
             const std::int64_t* pb = b.data();
             std::int64_t* dst = out.mutable_data();
             auto n = a.size();
             {
               py::gil_scoped_release release;
               for (py::ssize_t i = 0; i < n; ++i) {
                 dst[i] =
                     c.business_duration(Instant::from_unix_ms(pa[i]), Instant::from_unix_ms(pb[i])).count();
               }
             }
             return out;
           })
      .def("add_business",
           [](const BusinessCalendar& c, std::int64_t start_ms, std::int64_t duration_ms) {
             return unwrap(c.add_business(Instant::from_unix_ms(start_ms),
                                          std::chrono::milliseconds(duration_ms)))
                 .unix_ms();
           })
      .def("next_open", [](const BusinessCalendar& c, std::int64_t unix_ms) -> std::optional<std::int64_t> {
        auto t = c.next_open(Instant::from_unix_ms(unix_ms));
        if (!t) return std::nullopt;
        return t->unix_ms();
      });
}

}  // namespace backoffice::python
