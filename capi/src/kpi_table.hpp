#pragma once

// Contact KPI reports as a Table, the shape shared by the C ABI and Python:
// the columns and metadata of ContactReport::to_table() (docs/kpi.md).

#include "table.hpp"

#include <backoffice/core/result.hpp>
#include <backoffice/kpi/contact_report.hpp>

#include <string_view>

namespace backoffice::capi {

// A GroupBy from text: `dimensions` a comma-separated list of queue, agent,
// team, channel, direction, reason ("" = none; spaces ignored), `bucket`
// none, 15min, 30min, 60min, day, week or month ("" = none), `zone` an IANA
// name ("" = UTC). Errors: kParse naming "dimension" or "time_bucket",
// kNotFound naming the zone, kInvalidArgument for a repeated dimension.
Result<GroupBy> group_by_of(std::string_view dimensions, std::string_view bucket, std::string_view zone);

// The report as a table: dimension ids INT64 (null for "no agent/team"),
// labels STRING, interval_start STRING (local time with offset),
// interval_start_utc_ms INSTANT, counts INT64, ratios DOUBLE (NaN when the
// denominator is 0) with their _num and _den INT64; metadata copied.
// Moves the report table's buffers. O(groups * columns).
Table report_table(backoffice::Table&& report);

// Reads an interaction table and computes its contact report, returned as
// report_table(). The wide optional int64 columns (customer_id, agent_id,
// answered_at, talk/hold/wrap_up_time) are read in place when they have no
// validity mask (INT64_MIN = null; for the durations only when none is
// null); the others are converted and checked as for an ingest. The table's
// buffers must stay valid during the call. O(rows).
Result<Table> contact_report_table(const Table& interactions, const GroupBy& group_by,
                                   const KpiOptions& options);

}  // namespace backoffice::capi
