#pragma once

// Everything in one include, for programs that prefer it to per-concept headers.

#include <backoffice/compliance/audit.hpp>
#include <backoffice/compliance/erasure.hpp>
#include <backoffice/compliance/pii.hpp>
#include <backoffice/compliance/retention.hpp>
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
#include <backoffice/kpi/agent_time_report.hpp>
#include <backoffice/kpi/work_item_report.hpp>
#include <backoffice/version.hpp>
#include <backoffice/wfm/backtest.hpp>
#include <backoffice/wfm/erlang.hpp>
#include <backoffice/wfm/forecast.hpp>
#include <backoffice/wfm/shift_plan.hpp>
#include <backoffice/wfm/simulate.hpp>
#include <backoffice/wfm/staffing.hpp>
