/*
 * backoffice.h: the stable C ABI of the backoffice library (C99).
 *
 * Conventions (the same for every function; individual comments only add to
 * them):
 *
 *  - Every fallible function returns a bo_status: BO_OK (0) on success, an
 *    error code otherwise. Outputs come back through pointer parameters that
 *    are placed first; on failure they are left untouched unless stated.
 *    The few functions that cannot fail (bo_version, bo_abi_version,
 *    bo_last_error*, bo_free and the *_destroy/close functions) return their
 *    value directly or nothing.
 *  - After a failure, bo_last_error() describes it on the calling thread,
 *    naming the field and the value that were wrong.
 *  - Handles (bo_*_t) are opaque. Each create/open has exactly one
 *    destroy/close, which accepts NULL. A handle may be used by one thread at
 *    a time; different handles may be used on different threads.
 *  - A NULL handle or a NULL required pointer gives BO_NULL_ARGUMENT, never
 *    a crash. No C++ exception ever leaves this library: anything unexpected
 *    becomes BO_INTERNAL (or BO_OUT_OF_MEMORY).
 *  - Strings are UTF-8. Input strings are NUL-terminated and only read
 *    during the call. Strings that come back carry their length in bytes
 *    (excluding the terminating NUL that is always present as well).
 *  - Memory the library allocates for the caller (char ** outputs documented
 *    as "owned by the caller") is released with bo_free(). Borrowed pointers
 *    (documented as such) stay valid as long as the handle they came from.
 *  - Instants are Unix milliseconds, UTC (int64_t). Durations are
 *    milliseconds unless the name says otherwise (_s = seconds).
 *  - BO_NULL_INT64 (INT64_MIN) marks an absent optional integer.
 */
#ifndef BACKOFFICE_BACKOFFICE_H
#define BACKOFFICE_BACKOFFICE_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#  if defined(BO_BUILDING_LIBRARY)
#    define BO_API __declspec(dllexport)
#  else
#    define BO_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__)
#  define BO_API __attribute__((visibility("default")))
#else
#  define BO_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Versions                                                                 */
/* ------------------------------------------------------------------------ */

/* The library version this header belongs to. */
#define BO_VERSION_MAJOR 0
#define BO_VERSION_MINOR 1
#define BO_VERSION_PATCH 0
/* The ABI version: the SONAME is libbackoffice_c.so.BO_ABI_VERSION. It
 * changes only when a published function or type changes incompatibly. */
#define BO_ABI_VERSION 1

/* The version of the library actually loaded, e.g. "0.1.0". A static
 * string: never free it. Cannot fail. */
BO_API const char *bo_version(void);
/* BO_ABI_VERSION of the library actually loaded. Cannot fail. */
BO_API int bo_abi_version(void);

/* ------------------------------------------------------------------------ */
/* Status codes and errors                                                  */
/* ------------------------------------------------------------------------ */

typedef int32_t bo_status;

/* 1..99 mirror backoffice::ErrorCode one to one (new codes are appended);
 * 100 and above are failures of the C boundary itself. */
#define BO_OK 0
#define BO_INVALID_ARGUMENT 1 /* a value breaks a documented precondition */
#define BO_PARSE 2            /* text could not be parsed */
#define BO_VALIDATION 3       /* a record breaks one of its invariants */
#define BO_NOT_FOUND 4        /* an id, zone, column or file does not exist */
#define BO_CONFLICT 5         /* duplicate key, illegal state transition */
#define BO_CURRENCY_MISMATCH 6
#define BO_OVERFLOW 7
#define BO_STORE 8            /* the SQLite store failed */
#define BO_IO 9               /* the operating system failed a read or write */
#define BO_INTERNAL 10        /* a bug in backoffice, or an unexpected exception */
#define BO_NULL_ARGUMENT 100  /* a required pointer or handle was NULL */
#define BO_OUT_OF_MEMORY 101  /* an allocation failed */

/* The message of the last failure on the calling thread, e.g.
 * "parse error: text = '2024-13-01T00:00Z': month out of range", or "" when
 * no call has failed on this thread yet. Borrowed: valid until the next bo_
 * call on the same thread that fails. Never NULL. Cannot fail. */
BO_API const char *bo_last_error(void);
/* The status, field and offending value of that failure ("" when none).
 * Same lifetime as bo_last_error(). Cannot fail. */
BO_API bo_status bo_last_error_code(void);
BO_API const char *bo_last_error_field(void);
BO_API const char *bo_last_error_value(void);

/* The fixed name of a status code ("ok", "parse error", ...). Static
 * string; never NULL (unknown codes give "unknown"). Cannot fail. */
BO_API const char *bo_status_name(bo_status status);

/* Releases memory that a bo_ function allocated for the caller (documented
 * as "owned by the caller; free with bo_free"). NULL is ignored. */
BO_API void bo_free(void *ptr);

/* Absent optional integer (INT64_MIN), in arguments and in table columns'
 * values when the validity mask says "null". */
#define BO_NULL_INT64 INT64_MIN

/* ------------------------------------------------------------------------ */
/* Instants and time zones                                                  */
/* ------------------------------------------------------------------------ */

typedef struct bo_time_zone bo_time_zone_t;

/* Looks up an IANA zone ("America/New_York", "UTC") in the system tz
 * database. *out is owned by the caller; release it with
 * bo_time_zone_destroy. Errors: BO_NOT_FOUND naming the zone. */
BO_API bo_status bo_time_zone_locate(bo_time_zone_t **out, const char *iana_name);
/* Releases a zone; NULL is ignored. */
BO_API void bo_time_zone_destroy(bo_time_zone_t *zone);
/* The zone's IANA name. *out is borrowed and valid while the zone lives;
 * *out_len (may be NULL) receives its length. */
BO_API bo_status bo_time_zone_name(const char **out, size_t *out_len, const bo_time_zone_t *zone);
/* UTC offset in seconds in force at `unix_ms` (local = UTC + offset). */
BO_API bo_status bo_time_zone_offset_at(int32_t *out_seconds, const bo_time_zone_t *zone,
                                        int64_t unix_ms);

/* Parses ISO-8601 / RFC 3339 text into Unix milliseconds (UTC). Text with
 * an offset ("...Z", "+02:00") keeps it. Text without an offset is read as
 * wall-clock time in `zone`; with zone NULL such text is a BO_PARSE error.
 * A DST gap moves forward by the gap; an overlap takes the earlier instant.
 * Errors: BO_PARSE naming the text. */
BO_API bo_status bo_instant_parse(int64_t *out_unix_ms, const char *text,
                                  const bo_time_zone_t *zone);
/* Formats an instant as ISO-8601: in UTC with "Z" when zone is NULL
 * ("2024-03-10T07:00:00Z"), else as local time with its offset
 * ("2024-03-10T03:00:00-04:00"); ".fff" only when milliseconds are non-zero.
 * *out is NUL-terminated, owned by the caller; free with bo_free.
 * *out_len (may be NULL) receives its length. */
BO_API bo_status bo_instant_format(char **out, size_t *out_len, int64_t unix_ms,
                                   const bo_time_zone_t *zone);

/* ------------------------------------------------------------------------ */
/* Business calendars                                                       */
/* ------------------------------------------------------------------------ */

typedef struct bo_business_calendar bo_business_calendar_t;

/* Parses opening hours in `zone` (NULL = UTC), e.g.
 * "Mon-Fri 08:00-12:00, 13:00-17:30; Sat 10:00-14:00; 2024-12-25 closed"
 * (grammar in docs/business_calendar.md). *out is owned by the caller;
 * release with bo_business_calendar_destroy.
 * Errors: BO_PARSE / BO_VALIDATION with field "calendar". */
BO_API bo_status bo_business_calendar_parse(bo_business_calendar_t **out, const char *spec,
                                            const bo_time_zone_t *zone);
/* Releases a calendar; NULL is ignored. */
BO_API void bo_business_calendar_destroy(bo_business_calendar_t *calendar);
/* *out = 1 when the calendar is open at `unix_ms`, else 0. */
BO_API bo_status bo_business_calendar_is_open(int *out, const bo_business_calendar_t *calendar,
                                              int64_t unix_ms);
/* Milliseconds of open time in [from, to); negative when to < from. */
BO_API bo_status bo_business_calendar_duration(int64_t *out_ms,
                                               const bo_business_calendar_t *calendar,
                                               int64_t from_unix_ms, int64_t to_unix_ms);
/* The due date: the earliest instant u >= start with duration(start, u) ==
 * duration_ms. Errors: BO_INVALID_ARGUMENT naming "duration" or "start". */
BO_API bo_status bo_business_calendar_add(int64_t *out_unix_ms,
                                          const bo_business_calendar_t *calendar,
                                          int64_t start_unix_ms, int64_t duration_ms);
/* `unix_ms` itself when open, else the next opening. BO_NOT_FOUND when the
 * calendar never opens again. */
BO_API bo_status bo_business_calendar_next_open(int64_t *out_unix_ms,
                                                const bo_business_calendar_t *calendar,
                                                int64_t unix_ms);

/* ------------------------------------------------------------------------ */
/* Tables: named, typed columns                                             */
/* ------------------------------------------------------------------------ */

/* A table of `rows` rows and named, typed columns. Queries return one, and
 * bulk inputs are given as one. Values of the integer-backed types are
 * int64_t; a column may have a validity mask (1 = value present, 0 = null;
 * a null's value slot holds BO_NULL_INT64 / NaN / NULL string). */
typedef struct bo_table bo_table_t;

typedef int32_t bo_column_type;
#define BO_TYPE_INT64 1       /* int64_t */
#define BO_TYPE_DOUBLE 2      /* double */
#define BO_TYPE_STRING 3      /* UTF-8 text */
#define BO_TYPE_INSTANT 4     /* int64_t Unix milliseconds, UTC */
#define BO_TYPE_DURATION 5    /* int64_t milliseconds */
#define BO_TYPE_BOOL 6        /* int64_t, 0 or 1 */

/* An empty table that will hold `rows` rows; add columns with
 * bo_table_add_*. *out is owned by the caller; release with
 * bo_table_destroy. */
BO_API bo_status bo_table_create(bo_table_t **out, size_t rows);
/* Releases a table and every pointer borrowed from it; NULL is ignored. */
BO_API void bo_table_destroy(bo_table_t *table);

/* Appends a column of `type` BO_TYPE_INT64, _INSTANT, _DURATION or _BOOL,
 * copying rows values (and, when `valid` is not NULL, rows validity bytes:
 * non-zero = present). Errors: BO_INVALID_ARGUMENT for a wrong type or
 * duplicate name; BO_NULL_ARGUMENT when values is NULL and rows > 0. */
BO_API bo_status bo_table_add_int64(bo_table_t *table, const char *name, bo_column_type type,
                                    const int64_t *values, const uint8_t *valid);
/* Appends a BO_TYPE_DOUBLE column, copying the values (NaN is a value; use
 * `valid` for nulls). */
BO_API bo_status bo_table_add_double(bo_table_t *table, const char *name, const double *values,
                                     const uint8_t *valid);
/* Appends a BO_TYPE_STRING column, copying rows NUL-terminated strings; a
 * NULL entry is a null. */
BO_API bo_status bo_table_add_string(bo_table_t *table, const char *name,
                                     const char *const *values);

/* Shape and schema. Column indexes are 0-based, in insertion order. */
BO_API bo_status bo_table_row_count(size_t *out, const bo_table_t *table);
BO_API bo_status bo_table_column_count(size_t *out, const bo_table_t *table);
/* *out is borrowed, valid while the table lives; *out_len may be NULL. */
BO_API bo_status bo_table_column_name(const char **out, size_t *out_len, const bo_table_t *table,
                                      size_t column);
BO_API bo_status bo_table_column_type(bo_column_type *out, const bo_table_t *table,
                                      size_t column);
/* The index of the column called `name`; BO_NOT_FOUND naming it otherwise. */
BO_API bo_status bo_table_column_index(size_t *out, const bo_table_t *table, const char *name);

/* The whole column as a contiguous array of row_count values (NULL when
 * the table has no rows). Borrowed: valid while the table lives. BO_INVALID_ARGUMENT when the column's type
 * is not integer-backed (for _int64) or not BO_TYPE_DOUBLE (for _double). */
BO_API bo_status bo_table_int64_column(const int64_t **out, const bo_table_t *table,
                                       size_t column);
BO_API bo_status bo_table_double_column(const double **out, const bo_table_t *table,
                                        size_t column);
/* The validity mask (row_count bytes, 1 = present) or *out = NULL when the
 * column has no nulls. Borrowed: valid while the table lives. */
BO_API bo_status bo_table_validity(const uint8_t **out, const bo_table_t *table, size_t column);
/* One string cell: *out is NUL-terminated, borrowed, valid while the table
 * lives, or NULL for a null cell; *out_len (may be NULL) gets its length. */
BO_API bo_status bo_table_string(const char **out, size_t *out_len, const bo_table_t *table,
                                 size_t column, size_t row);

/* Metadata: key/value strings saying how a table was made (a KPI report's
 * "definition", "group_by", "interval_attribution", "time_zone"); data
 * tables have none. *out is the number of pairs. */
BO_API bo_status bo_table_metadata_count(size_t *out, const bo_table_t *table);
/* Pair `index` (0-based, < count): *out_key and *out_value are borrowed,
 * NUL-terminated, valid while the table lives; either may be NULL when not
 * wanted. BO_INVALID_ARGUMENT naming "index" when out of range. */
BO_API bo_status bo_table_metadata(const char **out_key, const char **out_value,
                                   const bo_table_t *table, size_t index);
/* The value stored under `key`, borrowed as above; BO_NOT_FOUND naming the
 * key when the table has no such entry. */
BO_API bo_status bo_table_metadata_value(const char **out, const bo_table_t *table,
                                         const char *key);

/* ------------------------------------------------------------------------ */
/* Store                                                                    */
/* ------------------------------------------------------------------------ */

typedef struct bo_store bo_store_t;

/* How a bulk ingest treats invalid rows. */
typedef int32_t bo_ingest_mode;
#define BO_INGEST_ALL_OR_NOTHING 0 /* one invalid row: nothing is written */
#define BO_INGEST_ACCEPT_VALID 1   /* valid rows are written, invalid ones reported */

/* Opens or creates the SQLite store at `path` (UTF-8) and migrates its
 * schema. *out is owned by the caller; release it with bo_store_close.
 * Errors: BO_STORE naming the path. */
BO_API bo_status bo_store_open(bo_store_t **out, const char *path);
/* A private in-memory store, gone when closed. */
BO_API bo_status bo_store_open_in_memory(bo_store_t **out);
/* Closes the store and releases the handle; NULL is ignored. */
BO_API void bo_store_close(bo_store_t *store);

/* Inserts or replaces a queue. channel: "voice", "chat", "email" or
 * "back_office". time_zone: IANA name; business_calendar: opening hours text
 * or NULL/"" for 24x7. Errors: BO_PARSE for the channel, BO_VALIDATION
 * naming the queue field. */
BO_API bo_status bo_store_put_queue(bo_store_t *store, int64_t id, const char *name,
                                    const char *channel, int32_t service_level_target_s,
                                    double service_level_percent,
                                    int32_t short_abandon_threshold_s, const char *time_zone,
                                    const char *business_calendar);
/* Inserts or replaces an agent; team_id may be BO_NULL_INT64. */
BO_API bo_status bo_store_put_agent(bo_store_t *store, int64_t id, const char *name,
                                    int64_t team_id, const char *time_zone);

/* Inserts or replaces a customer known by name only (e-mails, phones and
 * address are not reachable through the C ABI yet); created_at and
 * updated_at are set to now. Errors: BO_VALIDATION naming customer.name. */
BO_API bo_status bo_store_put_customer(bo_store_t *store, int64_t id, const char *name);

/* Row count of one table: "queues", "agents", "customers", "interactions",
 * ... Errors: BO_INVALID_ARGUMENT naming an unknown table. */
BO_API bo_status bo_store_count(int64_t *out, const bo_store_t *store, const char *table_name);

/* Ingests interactions given as columns in one transaction. Columns are
 * matched by name (any order; unknown names are an error):
 *   required: queue_id (INT64), offered_at (INSTANT), ended_at (INSTANT)
 *   optional: id (INT64, 0/null = next free id), channel (STRING, "voice"),
 *     direction (STRING, "inbound"), customer_id, agent_id (INT64, nullable),
 *     answered_at (INSTANT, null = not answered), talk_time, hold_time,
 *     wrap_up_time (DURATION, default 0), transferred (BOOL), resolved
 *     (BOOL, nullable), csat (INT64 1..5, nullable), nps (INT64 0..10,
 *     nullable), reason, disposition (STRING)
 * INT64 columns may also be given as INSTANT/DURATION/BOOL and vice versa.
 * *out_rows_written (may be NULL) gets the rows written. When out_errors is
 * not NULL, *out_errors receives a table of the rejected rows (columns row
 * INT64 0-based, field STRING, value STRING, reason STRING), owned by the
 * caller; release with bo_table_destroy.
 * Errors: BO_VALIDATION (first rejected row in bo_last_error) when any row
 * was rejected: in BO_INGEST_ALL_OR_NOTHING nothing was written, in
 * BO_INGEST_ACCEPT_VALID the valid rows were; outputs are set in both
 * cases. BO_INVALID_ARGUMENT for a malformed table, BO_STORE when the store
 * failed (nothing written, outputs untouched). */
BO_API bo_status bo_store_ingest_interactions(bo_table_t **out_errors, int64_t *out_rows_written,
                                              bo_store_t *store, const bo_table_t *rows,
                                              bo_ingest_mode mode);

/* Interactions with offered_at in [from, to), optionally of one queue,
 * agent or customer (BO_NULL_INT64 = no bound / no filter), ordered by
 * offered_at then id, as a table with the columns that
 * bo_store_ingest_interactions reads (all of them, in that order).
 * *out is owned by the caller; release with bo_table_destroy. */
BO_API bo_status bo_store_query_interactions(bo_table_t **out, const bo_store_t *store,
                                             int64_t from_unix_ms, int64_t to_unix_ms,
                                             int64_t queue_id, int64_t agent_id,
                                             int64_t customer_id);

/* Imports interactions from a CSV file (header row; columns in
 * docs/csv.md). Instants without an offset are read in `time_zone`
 * (NULL = "UTC"). Outputs and errors as bo_store_ingest_interactions, with
 * `row` being the CSV record number (header = 1); BO_NOT_FOUND for a
 * missing file or required column. */
BO_API bo_status bo_store_import_interactions_csv(bo_table_t **out_errors,
                                                  int64_t *out_rows_written, bo_store_t *store,
                                                  const char *path, const char *time_zone,
                                                  bo_ingest_mode mode);

/* ------------------------------------------------------------------------ */
/* KPIs: contact reports                                                    */
/* ------------------------------------------------------------------------ */
/* Definitions and formulas: docs/kpi.md. A contact counts in the interval of
 * its offered time; wait = answered - offered, or ended - offered for an
 * abandon; "within T" means wait <= T, a short abandon has wait < S. */

/* How abandoned contacts enter service_level (T = the queue's answer
 * target). Values are stable; new ones are appended. */
typedef int32_t bo_service_level_definition;
/* answered within T / (offered - short abandons). The default. */
#define BO_SERVICE_LEVEL_EXCLUDE_SHORT_ABANDONS 0
/* (answered within T + abandoned within T) / offered. */
#define BO_SERVICE_LEVEL_ABANDONS_WITHIN_TARGET_MET 1
/* answered within T / answered. */
#define BO_SERVICE_LEVEL_ANSWERED_ONLY 2
/* answered within T / offered. */
#define BO_SERVICE_LEVEL_ALL_OFFERED 3

/* KPI options. Always start from bo_kpi_options_init(), which sets
 * struct_size and every default; then change the fields wanted. Later
 * versions append fields: the library reads only the first struct_size
 * bytes and uses the defaults for fields beyond them, so a program built
 * against this header keeps working with newer libraries. */
typedef struct bo_kpi_options {
  size_t struct_size;             /* sizeof(bo_kpi_options_t), set by init */
  bo_service_level_definition service_level; /* default EXCLUDE_SHORT_ABANDONS */
  int32_t answer_target_s;        /* T in seconds, >= 0; default 20 */
  int32_t short_abandon_s;        /* S in seconds, >= 0; default 5 */
  int32_t abandon_rate_excludes_short; /* 1 (default): (abandoned - short) /
                                        * (offered - short); 0: abandoned / offered */
  int64_t fcr_window_s;           /* repeat-contact window in seconds, > 0;
                                   * default 604800 (7 days) */
  int32_t fcr_match_reason;       /* 1: a repeat must have the same reason; default 0 */
  int32_t csat_top_box_min;       /* csat_top2 counts scores >= this (1..5); default 4 */
  int64_t fcr_as_of_ms;           /* FCR windows still open at this instant are
                                   * pending; BO_NULL_INT64 (default) = the last
                                   * offered time in the data */
} bo_kpi_options_t;

/* Fills *options with the defaults above and struct_size. Errors:
 * BO_NULL_ARGUMENT. */
BO_API bo_status bo_kpi_options_init(bo_kpi_options_t *options);

/* Contact KPIs of `interactions` (a table with the columns that
 * bo_store_ingest_interactions reads; queue_id, offered_at, ended_at
 * required), grouped by
 *   dimensions: comma-separated "queue", "agent", "team" (no agent-team map
 *     here: every agent is "no team"), "channel", "direction", "reason"; NULL
 *     or "" for none, e.g. "queue,agent";
 *   bucket: "15min", "30min", "60min", "day", "week" (from Monday), "month"
 *     or NULL/"none" for no time bucket, cut on the wall clock of
 *   time_zone: IANA name; NULL = "UTC".
 * options: NULL = defaults (bo_kpi_options_init); its answer target and
 * short-abandon threshold apply to every queue.
 * *out is owned by the caller (release with bo_table_destroy): one row per
 * group ordered by key, with columns (docs/kpi.md): per dimension queue_id,
 * agent_id, team_id (INT64; null = no agent / no team) or channel,
 * direction, reason (STRING); when bucketed interval_start (STRING, local
 * time with offset, "2024-05-06T10:00:00-04:00") and interval_start_utc_ms
 * (INSTANT); offered, answered, abandoned, short_abandoned (INT64); then
 * service_level, abandon_rate, asa_s, aht_s, avg_talk_s, avg_hold_s,
 * avg_wrap_s, transfer_rate, csat_top2, csat_mean, nps, fcr (DOUBLE, NaN
 * when the denominator is 0), each followed by <name>_num and <name>_den
 * (INT64; durations in ms, so asa_s = asa_s_num / asa_s_den / 1000);
 * fcr_pending (INT64) and fcr_survey (+ _num, _den). Metadata
 * (bo_table_metadata*): "definition" (variant and parameters), "group_by",
 * "interval_attribution", "time_zone".
 * Errors: BO_PARSE naming "dimension" or "time_bucket"; BO_NOT_FOUND naming
 * the zone; BO_INVALID_ARGUMENT naming an options field or a malformed
 * column (as bo_store_ingest_interactions). O(rows). */
BO_API bo_status bo_contact_report(bo_table_t **out, const bo_table_t *interactions,
                                   const char *dimensions, const char *bucket,
                                   const char *time_zone, const bo_kpi_options_t *options);

/* The same report for the stored interactions with offered_at in
 * [from, to) (BO_NULL_INT64 = no bound). Each queue's stored answer target
 * and short-abandon threshold replace options' ones for that queue, and
 * "team" groups agents by their stored team. FCR judges only the contacts
 * inside the range (widen from_unix_ms by the FCR window to see earlier
 * repeats). Errors as bo_contact_report, plus BO_STORE. */
BO_API bo_status bo_store_contact_report(bo_table_t **out, const bo_store_t *store,
                                         int64_t from_unix_ms, int64_t to_unix_ms,
                                         const char *dimensions, const char *bucket,
                                         const char *time_zone,
                                         const bo_kpi_options_t *options);

/* ------------------------------------------------------------------------ */
/* Workforce management: Erlang formulas and staffing                      */
/* ------------------------------------------------------------------------ */
/* Load arguments: calls_per_interval >= 0 offered in an interval of
 * interval_s seconds (> 0), mean handle time aht_ms (> 0); the offered load
 * is A = calls_per_interval * aht / interval Erlangs. Definitions in
 * docs/wfm.md. Errors: BO_INVALID_ARGUMENT naming the field. */

/* Erlang B blocking probability for A Erlangs offered to `agents` servers. */
BO_API bo_status bo_erlang_b(double *out, double offered_erlangs, int32_t agents);
/* Erlang C probability of waiting (1.0 when agents <= A). */
BO_API bo_status bo_erlang_c(double *out, double offered_erlangs, int32_t agents);

/* Erlang C measures with `agents` agents and answer-time target
 * answer_time_ms. Every out pointer may be NULL when not wanted:
 * probability of waiting, service level P(wait <= target) in [0, 1],
 * average speed of answer in seconds, occupancy A / N.
 * Errors also when agents <= A (field "agents": unstable queue). */
BO_API bo_status bo_erlang_c_metrics(double *out_probability_wait, double *out_service_level,
                                     double *out_asa_s, double *out_occupancy,
                                     double calls_per_interval, int64_t interval_s,
                                     int64_t aht_ms, int32_t agents, int64_t answer_time_ms);

/* Erlang A (exponential patience with mean mean_patience_ms) measures; out
 * pointers may be NULL. Service level counts answered-within-target over all
 * offered calls. */
BO_API bo_status bo_erlang_a_metrics(double *out_probability_wait,
                                     double *out_probability_abandon, double *out_service_level,
                                     double *out_asa_s, double *out_occupancy,
                                     double calls_per_interval, int64_t interval_s,
                                     int64_t aht_ms, int32_t agents, int64_t answer_time_ms,
                                     int64_t mean_patience_ms);

/* The fewest agents on the phones whose Erlang C service level within
 * answer_time_ms reaches `service_level` (in (0, 1)) with occupancy <=
 * max_occupancy (in (0, 1]), and the scheduled headcount after `shrinkage`
 * (in [0, 1)): ceil(required / (1 - shrinkage)). out_scheduled and
 * out_achieved_service_level may be NULL. */
BO_API bo_status bo_erlang_c_required_agents(int32_t *out_required, int32_t *out_scheduled,
                                             double *out_achieved_service_level,
                                             double calls_per_interval, int64_t interval_s,
                                             int64_t aht_ms, double service_level,
                                             int64_t answer_time_ms, double max_occupancy,
                                             double shrinkage);

/* ------------------------------------------------------------------------ */
/* Experimental: not part of the stable ABI promise. Define                 */
/* BO_EXPERIMENTAL before including this header to see these declarations.  */
/* ------------------------------------------------------------------------ */
#ifdef BO_EXPERIMENTAL
/* Test hook: throws a C++ exception inside the library (kind 0: a
 * std::runtime_error, 1: std::bad_alloc, 2: a non-standard type) to prove
 * that it is turned into a status: returns BO_INTERNAL or BO_OUT_OF_MEMORY. */
BO_API bo_status bo_experimental_throw(int32_t kind);
#endif

#ifdef __cplusplus
} /* extern "C" */
#endif

/* ------------------------------------------------------------------------ */
/* Per-module parts of the ABI, one header each (same conventions). Each    */
/* includes this header first, so either may be included on its own.       */
/* ------------------------------------------------------------------------ */
/* BO_MODULE_HEADERS_BEGIN (one #include per line, sorted) */
#include <backoffice/backoffice_cases.h>
#include <backoffice/backoffice_compliance.h>
#include <backoffice/backoffice_kpi.h>
#include <backoffice/backoffice_orders.h>
#include <backoffice/backoffice_qa.h>
#include <backoffice/backoffice_wfm.h>
/* BO_MODULE_HEADERS_END */

#endif /* BACKOFFICE_BACKOFFICE_H */
