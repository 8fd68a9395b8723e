// Work-item and agent-time KPI reports at the C boundary.

#include "boundary.hpp"
#include "handles.hpp"
#include "work_tables.hpp"

#include <chrono>
#include <map>
#include <string>

using backoffice::capi::fail;
using backoffice::capi::guarded;

namespace {

const char* or_empty(const char* s) { return s == nullptr ? "" : s; }

}  // namespace

extern "C" {

bo_status bo_work_item_report(bo_table_t** out, const bo_table_t* work_items, const char* dimensions,
                              const char* bucket, const char* time_zone, int64_t tat_target_ms,
                              const bo_business_calendar_t* calendar) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(work_items);
    if (tat_target_ms < 0) {
      return fail(backoffice::invalid_argument("tat_target_ms", std::to_string(tat_target_ms), "must be >= 0"));
    }
    auto g = backoffice::capi::work_group_by_of(or_empty(dimensions), or_empty(bucket), or_empty(time_zone));
    if (!g) return fail(g.error());
    backoffice::TatOptions options;
    options.target = std::chrono::milliseconds(tat_target_ms);
    if (calendar != nullptr) options.calendar = calendar->calendar;
    auto table = backoffice::capi::work_item_report_table(work_items->table, *g, options);
    if (!table) return fail(table.error());
    *out = new bo_table{std::move(table).value()};
    return BO_OK;
  });
}

bo_status bo_agent_time_report(bo_table_t** out, const bo_table_t* agent_states, const bo_table_t* work_items,
                               int32_t by_team, const int64_t* team_agent_ids, const int64_t* team_ids,
                               size_t team_count, const char* bucket, const char* time_zone) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(agent_states);
    if (team_count > 0 && (team_agent_ids == nullptr || team_ids == nullptr)) {
      return fail(backoffice::invalid_argument("team_count", std::to_string(team_count),
                                               "team_agent_ids and team_ids must not be NULL"));
    }
    std::map<std::int64_t, std::int64_t> teams;
    for (size_t i = 0; i < team_count; ++i) teams[team_agent_ids[i]] = team_ids[i];
    auto table = backoffice::capi::agent_time_report_table(
        agent_states->table, work_items != nullptr ? &work_items->table : nullptr, by_team != 0, std::move(teams),
        or_empty(bucket), or_empty(time_zone));
    if (!table) return fail(table.error());
    *out = new bo_table{std::move(table).value()};
    return BO_OK;
  });
}

}  // extern "C"
