/*
 * backoffice_kpi.h: work-item (turnaround, accuracy) and agent-time
 * (occupancy, utilisation, productivity) KPI reports. Contact KPIs are in
 * backoffice.h (bo_contact_report). Conventions as in backoffice.h; column
 * shapes and formulas in docs/capi.md and docs/kpi.md.
 */
#ifndef BACKOFFICE_BACKOFFICE_KPI_H
#define BACKOFFICE_BACKOFFICE_KPI_H

#include <backoffice/backoffice.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Turnaround (TAT = completed - received) and accuracy of `work_items`, a
 * table with columns (docs/capi.md, "Work-item columns"): queue_id (INT64)
 * and received_at (INSTANT) required; id, kind ("claim", "invoice",
 * "refund", "data_entry", "other"), assignee_id, started_at, completed_at,
 * audit_correct (BOOL, null = not audited), audited, outcome optional.
 * Grouped by
 *   dimensions: comma-separated "queue", "assignee", "kind"; NULL or "" = none;
 *   bucket / time_zone: as bo_contact_report (completed items count in the
 *     bucket of their completion, open ones in that of their receipt).
 * tat_target_ms (>= 0): an item is within target when TAT <= it.
 * calendar (may be NULL): when given, TAT is also measured in business time
 * on it (btat_* columns, same target read as business time).
 * *out is owned by the caller (release with bo_table_destroy): one row per
 * group with completed, open, tat_mean_s, tat_p50_s, tat_p90_s (exact,
 * nearest rank), tat_within_target (+ _num, _den), accuracy_rate (+ _num, _den)
 * and, with a calendar, the btat_* columns; metadata "definition".
 * Errors: BO_INVALID_ARGUMENT naming the column or "column[row]";
 * BO_PARSE naming "dimension" or "time_bucket"; BO_NOT_FOUND naming the
 * zone. O(rows log rows). */
BO_API bo_status bo_work_item_report(bo_table_t **out, const bo_table_t *work_items,
                                     const char *dimensions, const char *bucket,
                                     const char *time_zone, int64_t tat_target_ms,
                                     const bo_business_calendar_t *calendar);

/* Time in each agent state, occupancy and utilisation per agent (or team)
 * and interval from `agent_states`, a table with columns agent_id (INT64),
 * state (STRING: "available", "on_contact", "wrap_up", "break", "training",
 * "offline"), start_at and end_at (INSTANT, [start, end)). An interval that
 * crosses a bucket boundary is split between the buckets.
 * work_items (may be NULL; columns as bo_work_item_report): adds
 * productivity_per_hour = items completed by the agent in the bucket /
 * productive hours.
 * by_team: 0 groups by agent; 1 by team through the pairs
 * (team_agent_ids[i], team_ids[i]), i < team_count (agents not listed: no
 * team; the arrays may be NULL when team_count is 0).
 * bucket / time_zone: as bo_contact_report.
 * *out is owned by the caller (release with bo_table_destroy): agent_id or
 * team_id, [interval_start, interval_start_utc_ms], <state>_ms per state,
 * occupancy, utilisation (+ _num, _den in ms) and, with work items,
 * productivity_per_hour (+ _num items, _den_ms); metadata "definition".
 * Errors: as bo_work_item_report; BO_INVALID_ARGUMENT naming "team_count"
 * when the arrays are NULL. O(rows + buckets crossed). */
BO_API bo_status bo_agent_time_report(bo_table_t **out, const bo_table_t *agent_states,
                                      const bo_table_t *work_items, int32_t by_team,
                                      const int64_t *team_agent_ids, const int64_t *team_ids,
                                      size_t team_count, const char *bucket,
                                      const char *time_zone);

#ifdef __cplusplus
}
#endif

#endif /* BACKOFFICE_BACKOFFICE_KPI_H */
