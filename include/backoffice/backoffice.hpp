#pragma once

// Everything in one include, for programs that prefer it to per-concept headers.

#include <backoffice/core/business_calendar.hpp>
#include <backoffice/core/civil_time.hpp>
#include <backoffice/core/duration.hpp>
#include <backoffice/core/error.hpp>
#include <backoffice/core/ids.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/money.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/core/time_zone.hpp>
#include <backoffice/domain/interaction_columns.hpp>
#include <backoffice/domain/records.hpp>
#include <backoffice/store/csv_import.hpp>
#include <backoffice/store/store.hpp>
#include <backoffice/store/store_reports.hpp>
#include <backoffice/kpi/contact_report.hpp>
#include <backoffice/version.hpp>
