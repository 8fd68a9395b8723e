#pragma once

// Contact KPI reports as a Table, the shape shared by the C ABI and Python:
// the columns and metadata of ContactReport::to_table() (docs/kpi.md).

#include "table.hpp"

#include <backoffice/core/result.hpp>
#include <backoffice/kpi/contact_report.hpp>

#include <string_view>
#include <vector>

namespace backoffice::capi {

// " a ,b" -> "a", "b" through parse(item) -> Result<Dimension>; an empty
// list is none; a repeated item is kInvalidArgument naming "dimension".
template <typename Dimension, typename Parse>
Result<std::vector<Dimension>> parse_dimension_list(std::string_view text, Parse parse) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
  };
  std::vector<Dimension> out;
  std::string_view rest = text;
  while (!trim(rest).empty()) {
    const auto comma = rest.find(',');
    const auto item = trim(rest.substr(0, comma));
    BO_ASSIGN_OR_RETURN(Dimension dim, parse(item));
    for (const auto& d : out) {
      if (d == dim) return invalid_argument("dimension", item, "given twice");
    }
    out.push_back(dim);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return out;
}

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
