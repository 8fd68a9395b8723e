/*
 * backoffice_wfm.h: workforce planning beyond the Erlang formulas of
 * backoffice.h: interval forecasts and their backtest, the queue simulator
 * and shift planning. Conventions as in backoffice.h; models and formulas in
 * docs/wfm_forecast.md and docs/wfm_simulation_and_shifts.md.
 */
#ifndef BACKOFFICE_BACKOFFICE_WFM_H
#define BACKOFFICE_BACKOFFICE_WFM_H

#include <backoffice/backoffice.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Forecasting                                                              */
/* ------------------------------------------------------------------------ */

typedef int32_t bo_forecast_model;
#define BO_FORECAST_SEASONAL_NAIVE_WEEK 0 /* the value one week earlier (baseline) */
#define BO_FORECAST_SEASONAL_NAIVE_DAY 1  /* the value one day earlier */
#define BO_FORECAST_HOLT_WINTERS 2        /* double-seasonal multiplicative Holt-Winters */
#define BO_FORECAST_FOURIER_REGRESSION 3  /* log(y+1) on trend + Fourier terms; default */

/* The series layout and the model. Start from bo_forecast_options_init()
 * (struct_size and defaults), then change fields; later versions append
 * fields, as for bo_kpi_options_t. */
typedef struct bo_forecast_options {
  size_t struct_size;
  int64_t interval_s;          /* interval length, 60..86400 s; default 900 */
  int32_t intervals_per_day;   /* >= 1, * interval_s <= 1 day; default 96 */
  int32_t days_per_week;       /* 1..7 (5 = weekdays only); default 7 */
  bo_forecast_model model;     /* default BO_FORECAST_FOURIER_REGRESSION */
  const int32_t *special_days; /* day indexes (0 = first history day) that are */
  size_t special_day_count;    /* holidays; may be NULL when the count is 0 */
  double special_day_multiplier; /* forecast factor on special days in the
                                  * horizon (0 = closed); default 0 */
  int32_t intraday_harmonics;  /* Fourier: daily harmonics; default 10 */
  int32_t weekly_harmonics;    /* Fourier: weekly harmonics, -1 = all; default -1 */
  int32_t trend;               /* 1 (default): fit a linear trend */
} bo_forecast_options_t;

/* Fills *options with the defaults above. Errors: BO_NULL_ARGUMENT. */
BO_API bo_status bo_forecast_options_init(bo_forecast_options_t *options);

/* Forecasts the horizon_days whole days after `history` (history_len values,
 * one per interval, a whole number of days; NaN = missing) into the
 * caller's buffer `out`, which must hold horizon_days * intervals_per_day
 * values (out_capacity). options NULL = defaults. NaN comes out where the
 * model has nothing to go on. Errors: BO_INVALID_ARGUMENT naming
 * "out_capacity", "horizon_days", "history.size" (too short for the model),
 * or an options field. */
BO_API bo_status bo_forecast(double *out, size_t out_capacity, const double *history,
                             size_t history_len, int32_t horizon_days,
                             const bo_forecast_options_t *options);

/* Forecasts AHT per interval (seconds by convention) from `aht` and the
 * matching `volume` (both history_len values); intervals with no volume
 * have no AHT. Output and errors as bo_forecast. */
BO_API bo_status bo_forecast_aht(double *out, size_t out_capacity, const double *aht,
                                 const double *volume, size_t history_len, int32_t horizon_days,
                                 const bo_forecast_options_t *options);

/* Rolling-origin backtest of `model_count` models (models[i] each a
 * bo_forecast_options_t with the same layout) on `history`: origins at
 * first_origin_day, then every origin_step_days, each forecasting
 * horizon_days. *out is owned by the caller (release with
 * bo_table_destroy): one row per model with model (STRING), mase, smape
 * (percent, 0..200), mae (DOUBLE), origins, points (INT64). Errors:
 * BO_INVALID_ARGUMENT naming "models" (empty, or layouts differ:
 * "models[i]"), "first_origin_day", "origin_step_days", "horizon_days". */
BO_API bo_status bo_backtest(bo_table_t **out, const double *history, size_t history_len,
                             const bo_forecast_options_t *const *models, size_t model_count,
                             int32_t first_origin_day, int32_t origin_step_days,
                             int32_t horizon_days);

/* ------------------------------------------------------------------------ */
/* Simulation                                                               */
/* ------------------------------------------------------------------------ */

#define BO_HANDLE_TIME_EXPONENTIAL 0
#define BO_HANDLE_TIME_LOGNORMAL 1
#define BO_PATIENCE_NONE 0        /* callers wait forever (Erlang C) */
#define BO_PATIENCE_EXPONENTIAL 1 /* mean mean_patience_ms (Erlang A) */

/* Start from bo_simulation_options_init(). */
typedef struct bo_simulation_options {
  size_t struct_size;
  int64_t interval_s;       /* length of each interval of the curves; default 900 */
  int64_t aht_ms;           /* mean handle time; default 180000 */
  int32_t handle_time;      /* BO_HANDLE_TIME_*; default exponential */
  double handle_time_cv;    /* lognormal coefficient of variation; default 1 */
  int32_t patience;         /* BO_PATIENCE_*; default none */
  int64_t mean_patience_ms; /* > 0 with exponential patience; default 0 */
  int64_t answer_time_ms;   /* T of "answered within T"; default 20000 */
  uint64_t seed;            /* default 1: same inputs + seed = same output */
  int64_t start_unix_ms;    /* instant of the start of interval 0 (for the
                             * interactions and interval_start); default 0 */
  int64_t queue_id;         /* queue of the simulated interactions; default 1 */
} bo_simulation_options_t;

/* Fills *options with the defaults above. Errors: BO_NULL_ARGUMENT. */
BO_API bo_status bo_simulation_options_init(bo_simulation_options_t *options);

/* Simulates one FCFS multi-agent queue over `intervals` intervals:
 * Poisson arrivals at calls_per_interval[i] per interval, agents[i] agents.
 * *out_intervals (owned by the caller; bo_table_destroy) has one row per
 * interval: interval_start (INSTANT), offered, answered, abandoned,
 * unserved, delayed, answered_within (INT64), total_wait_s,
 * total_abandon_wait_s (DOUBLE); calls count in the interval of their
 * arrival. out_interactions may be NULL; otherwise *out_interactions (owned
 * by the caller) holds one interaction per simulated contact in the shape of
 * bo_store_ingest_interactions / bo_contact_report (ids from 1).
 * Errors: BO_INVALID_ARGUMENT naming the field and index (a negative rate
 * "calls_per_interval[3]", "agents[0]", an options field). */
BO_API bo_status bo_simulate_queue(bo_table_t **out_intervals, bo_table_t **out_interactions,
                                   const double *calls_per_interval, const int32_t *agents,
                                   size_t intervals, const bo_simulation_options_t *options);

/* ------------------------------------------------------------------------ */
/* Shift planning (integer program solved with COIN-OR CBC)                 */
/* ------------------------------------------------------------------------ */

/* One kind of shift, counted in intervals from the start of the horizon. A
 * shift starts at any of start_intervals[0..start_count), lasts
 * length_intervals including a break of break_intervals that starts
 * between break_earliest and break_latest intervals after the shift start
 * (the planner chooses). Paid time excludes the break unless paid_break.
 * Strings and arrays are only read during the call. */
typedef struct bo_shift_type {
  const char *name;
  const int32_t *start_intervals;
  size_t start_count;
  int32_t length_intervals;
  int32_t break_intervals;
  int32_t break_earliest;
  int32_t break_latest;
  int32_t paid_break; /* 0 or 1 */
} bo_shift_type_t;

/* Start from bo_shift_plan_options_init(). */
typedef struct bo_shift_plan_options {
  size_t struct_size;
  int64_t interval_s;               /* interval length, for paid hours; default 900 */
  int32_t cyclic;                   /* 1 (default): shifts past the end wrap to the start */
  int64_t time_limit_s;             /* solver time limit, 0 = none (default) */
  double under_staffing_cost_hours; /* 0 (default): coverage is a hard constraint;
                                     * > 0: cost of one missing agent-interval */
} bo_shift_plan_options_t;

/* Fills *options with the defaults above. Errors: BO_NULL_ARGUMENT. */
BO_API bo_status bo_shift_plan_options_init(bo_shift_plan_options_t *options);

/* The plan with the fewest paid hours covering required[0..intervals).
 * Each output may be NULL. *out_assignments (owned by the caller;
 * bo_table_destroy): shift (STRING name), shift_index, start, break_offset
 * (INT64, null without a break), agents (INT64). *out_coverage: interval,
 * required, scheduled, under, over (INT64). *out_paid_hours: paid hours of
 * the plan; *out_optimal: 1 when proven optimal, 0 when the time limit
 * stopped the solver. Errors: BO_INVALID_ARGUMENT naming the field (e.g.
 * "shift_types[1].length_intervals", "required[5]" when infeasible);
 * BO_INTERNAL when CBC fails. */
BO_API bo_status bo_plan_shifts(bo_table_t **out_assignments, bo_table_t **out_coverage,
                                double *out_paid_hours, int32_t *out_optimal,
                                const int32_t *required, size_t intervals,
                                const bo_shift_type_t *shift_types, size_t shift_type_count,
                                const bo_shift_plan_options_t *options);

#ifdef __cplusplus
}
#endif

#endif /* BACKOFFICE_BACKOFFICE_WFM_H */
