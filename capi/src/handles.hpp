#pragma once

// The C++ objects behind the opaque C handles.

#include "table.hpp"

#include <backoffice/core/business_calendar.hpp>
#include <backoffice/core/time_zone.hpp>
#include <backoffice/store/store.hpp>

#include <utility>

struct bo_time_zone {
  backoffice::TimeZone zone;
};

struct bo_business_calendar {
  backoffice::BusinessCalendar calendar;
};

struct bo_table {
  backoffice::capi::Table table;
};

struct bo_store {
  explicit bo_store(backoffice::Store s) : store(std::move(s)) {}
  backoffice::Store store;
};
