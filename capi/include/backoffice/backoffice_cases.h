/*
 * backoffice_cases.h: case lifecycle (allowed status transitions and a
 * status history), SLA clocks in business time and automatic escalation.
 * Conventions as in backoffice.h; definitions in docs/workflow_cases.md.
 *
 * Status names: "new", "open", "pending_customer", "pending_third_party",
 * "escalated", "resolved", "closed", "reopened". Priorities: "P1".."P4".
 */
#ifndef BACKOFFICE_BACKOFFICE_CASES_H
#define BACKOFFICE_BACKOFFICE_CASES_H

#include <backoffice/backoffice.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Case statuses as numbers (for bo_sla_policy_t.paused_statuses). */
#define BO_CASE_NEW 0
#define BO_CASE_OPEN 1
#define BO_CASE_PENDING_CUSTOMER 2
#define BO_CASE_PENDING_THIRD_PARTY 3
#define BO_CASE_ESCALATED 4
#define BO_CASE_RESOLVED 5
#define BO_CASE_CLOSED 6
#define BO_CASE_REOPENED 7
#define BO_CASE_STATUS_BIT(status) (1u << (status))

/* A case with its status history. One thread at a time. */
typedef struct bo_case bo_case_t;

/* A new case `id` with `subject` (not blank), `priority` ("P1".."P4") and
 * status "new", tier 1, created at created_unix_ms. *out is owned by the
 * caller; release with bo_case_destroy. Errors: BO_PARSE naming "priority";
 * BO_VALIDATION naming "case.subject". */
BO_API bo_status bo_case_create(bo_case_t **out, int64_t id, const char *subject,
                                const char *priority, int64_t created_unix_ms);
/* As bo_case_create, for customer customer_id on queue queue_id: the
 * parties a stored case needs (bo_store_put_case). */
BO_API bo_status bo_case_create_for(bo_case_t **out, int64_t id, const char *subject,
                                    const char *priority, int64_t created_unix_ms,
                                    int64_t customer_id, int64_t queue_id);
/* Releases a case; NULL is ignored. */
BO_API void bo_case_destroy(bo_case_t *c);

/* Stores the case and its whole history in one transaction (the stored
 * history is replaced); audited when bo_audit_record_changes is on. Errors:
 * BO_VALIDATION naming "case.customer" / "case.queue" when they are not in
 * the store, or "case_history[i].<field>"; BO_STORE. */
BO_API bo_status bo_store_put_case(bo_store_t *store, const bo_case_t *c);
/* The stored case `case_id` with its history, rebuilt and checked against
 * the transition table. *out is owned by the caller; release with
 * bo_case_destroy. Errors: BO_NOT_FOUND naming "case.id"; BO_CONFLICT or
 * BO_INVALID_ARGUMENT naming "case.history[i].<field>" when the stored
 * history is not a legal walk; BO_STORE. */
BO_API bo_status bo_store_get_case(bo_case_t **out, const bo_store_t *store, int64_t case_id);

/* Moves the case to `to_status` at at_unix_ms; actor and reason may be NULL
 * (""). Moving to "resolved" sets resolved_at; to "escalated" raises the
 * tier by one (at most 3). Errors: BO_PARSE naming "to_status";
 * BO_CONFLICT with field "case.status" and value "<from> -> <to>" when the
 * transition table forbids it; BO_INVALID_ARGUMENT naming "case.status.at"
 * when at_unix_ms is before the case's latest change. On error the case is
 * unchanged. */
BO_API bo_status bo_case_transition(bo_case_t *c, const char *to_status, int64_t at_unix_ms,
                                    const char *actor, const char *reason);
/* Records the first reply to the customer (stops the first-response clock).
 * Errors: BO_CONFLICT naming "case.first_response_at" when already recorded;
 * BO_INVALID_ARGUMENT as for transitions. */
BO_API bo_status bo_case_record_first_response(bo_case_t *c, int64_t at_unix_ms, const char *actor);
/* Raises the tier by one (at most 3) and moves the case to "escalated".
 * Errors: BO_CONFLICT when the case is resolved or closed. */
BO_API bo_status bo_case_escalate(bo_case_t *c, int64_t at_unix_ms, const char *actor,
                                  const char *reason);

/* The current status name (static string, never freed), tier (1..3) and
 * the first-response and resolution instants (BO_NULL_INT64 when absent).
 * Every out pointer but out_status may be NULL. */
BO_API bo_status bo_case_state(const char **out_status, int32_t *out_tier,
                               int64_t *out_first_response_unix_ms, int64_t *out_resolved_unix_ms,
                               const bo_case_t *c);

/* One history entry. The strings are borrowed: valid until the case is
 * changed or destroyed. */
typedef struct bo_case_change {
  int64_t at_unix_ms;
  const char *actor;
  const char *from_status;
  const char *to_status;
  const char *reason;
  const char *event; /* "transition", "escalation", "first_response" */
  int32_t tier;      /* tier after the change */
  const char *rule;  /* SLA rule that escalated, e.g. "resolution.at_risk"; "" = a person */
} bo_case_change_t;

/* The number of history entries, oldest first. */
BO_API bo_status bo_case_history_count(size_t *out, const bo_case_t *c);
/* Entry `index`. Errors: BO_INVALID_ARGUMENT naming "index" when
 * index >= count. */
BO_API bo_status bo_case_history_get(bo_case_change_t *out, const bo_case_t *c, size_t index);

/* SLA targets in business milliseconds per priority (index 0 = P1). Start
 * from bo_sla_policy_init() (struct_size and the standard policy: P1 1 h /
 * 4 h, P2 4 h / 16 h, P3 8 h / 40 h, P4 16 h / 80 h first response /
 * resolution; at risk at 0.8; paused while pending the customer). */
typedef struct bo_sla_policy {
  size_t struct_size;
  int64_t first_response_ms[4];
  int64_t resolution_ms[4];
  double at_risk_share;     /* in (0, 1] */
  uint32_t paused_statuses; /* BO_CASE_STATUS_BIT flags; never resolved/closed */
} bo_sla_policy_t;

/* Fills *policy with the standard policy. Errors: BO_NULL_ARGUMENT. */
BO_API bo_status bo_sla_policy_init(bo_sla_policy_t *policy);

/* One SLA clock at the evaluation instant (definitions in
 * docs/workflow_cases.md). */
typedef struct bo_sla_clock {
  int64_t goal_ms;      /* the target for the case's priority */
  int64_t elapsed_ms;   /* business time counted, pauses excluded */
  int64_t remaining_ms; /* goal - elapsed; negative once overrun */
  int64_t due_unix_ms;  /* breach instant (past) or projection; BO_NULL_INT64 when none */
  int64_t met_unix_ms;  /* first response / resolution; BO_NULL_INT64 when not met */
  int32_t running;      /* 1 when the clock counts at `now` */
  int32_t at_risk;
  int32_t breached;
} bo_sla_clock_t;

typedef struct bo_sla_status {
  bo_sla_clock_t first_response;
  bo_sla_clock_t resolution;
} bo_sla_status_t;

/* Evaluates both SLA clocks of `c` at now_unix_ms on `calendar` (opening
 * hours of the case's queue). policy NULL = the standard policy.
 * Errors: BO_INVALID_ARGUMENT naming an "sla." field, "policy.struct_size",
 * or "now" (before the case was created). O(history). */
BO_API bo_status bo_case_sla(bo_sla_status_t *out, const bo_case_t *c, const bo_sla_policy_t *policy,
                             const bo_business_calendar_t *calendar, int64_t now_unix_ms);

/* Applies the default escalation rules (first response breached,
 * resolution at risk, resolution breached; each raises the tier by one and
 * fires at most once per case) at now_unix_ms, recording each escalation
 * in the history with actor `actor` (NULL = "system"). *out_fired (may be
 * NULL) receives the number of escalations made. Idempotent. Errors as
 * bo_case_sla, plus BO_INVALID_ARGUMENT naming "case.escalation.at" when
 * now is before the latest change. */
BO_API bo_status bo_case_apply_escalations(int32_t *out_fired, bo_case_t *c,
                                           const bo_sla_policy_t *policy,
                                           const bo_business_calendar_t *calendar,
                                           int64_t now_unix_ms, const char *actor);

/* The due instant of a follow-up task `delay_ms` of business time after
 * from_unix_ms (a start outside hours starts at the next opening).
 * Errors: BO_INVALID_ARGUMENT naming "follow_up.delay". */
BO_API bo_status bo_follow_up_due(int64_t *out_unix_ms, const bo_business_calendar_t *calendar,
                                  int64_t from_unix_ms, int64_t delay_ms);

#ifdef __cplusplus
}
#endif

#endif
