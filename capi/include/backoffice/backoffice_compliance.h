/*
 * backoffice_compliance.h: PII masking of free text, the store's hash-chained
 * audit trail, erasure of a customer (right to be forgotten) and retention.
 * Conventions as in backoffice.h; definitions in docs/compliance.md.
 */
#ifndef BACKOFFICE_BACKOFFICE_COMPLIANCE_H
#define BACKOFFICE_BACKOFFICE_COMPLIANCE_H

#include <backoffice/backoffice.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* PII masking                                                              */
/* ------------------------------------------------------------------------ */

/* Kinds of personal data, as bit flags for bo_mask_options_t.kinds. */
#define BO_PII_CARD 0x01u  /* 13-19 digits, Luhn-valid: "**** **** **** 1111" */
#define BO_PII_EMAIL 0x02u /* "[EMAIL]" */
#define BO_PII_PHONE 0x04u /* "[PHONE]" */
#define BO_PII_IBAN 0x08u  /* mod-97 valid: "[IBAN]" */
#define BO_PII_SSN 0x10u   /* AAA-GG-SSSS, issuable ranges: "[SSN]" */
#define BO_PII_ALL 0x1Fu

/* How phone candidates are confirmed (docs/compliance.md, "Phone numbers"). */
typedef int32_t bo_phone_check;
#define BO_PHONE_CHECK_FAST 0  /* formatted: possible length; bare digits: valid (default) */
#define BO_PHONE_CHECK_VALID 1 /* every candidate: libphonenumber IsValidNumber (slower) */

/* Start from bo_mask_options_init() (struct_size and defaults), then change
 * fields; later versions append fields. */
typedef struct bo_mask_options {
  size_t struct_size;
  uint32_t kinds;             /* BO_PII_* flags; default BO_PII_ALL */
  const char *default_region; /* ISO 3166-1 alpha-2 for numbers without '+';
                                 default "US"; read only during create */
  bo_phone_check phone_check; /* default BO_PHONE_CHECK_FAST */
} bo_mask_options_t;

/* Fills *options with the defaults above. Errors: BO_NULL_ARGUMENT. */
BO_API bo_status bo_mask_options_init(bo_mask_options_t *options);

/* A compiled masker: create once, then mask any number of texts. Unlike
 * other handles it may be used by many threads at once (masking keeps no
 * state in it). */
typedef struct bo_pii_masker bo_pii_masker_t;

/* options NULL = defaults. *out is owned by the caller; release it with
 * bo_pii_masker_destroy. Errors: BO_INVALID_ARGUMENT naming "options"
 * (no kind selected, unknown phone_check, struct_size too small) or
 * "default_region" (a region libphonenumber does not know). */
BO_API bo_status bo_pii_masker_create(bo_pii_masker_t **out, const bo_mask_options_t *options);
/* Releases a masker; NULL is ignored. */
BO_API void bo_pii_masker_destroy(bo_pii_masker_t *masker);

/* Masks `text` (NUL-terminated UTF-8). *out is the masked text,
 * NUL-terminated, owned by the caller; free with bo_free. *out_len and
 * *out_found (number of pieces masked) may be NULL. masker NULL = a
 * process-wide masker with the default options. O(length). */
BO_API bo_status bo_mask_pii(char **out, size_t *out_len, int64_t *out_found,
                             const bo_pii_masker_t *masker, const char *text);

/* Masks `count` texts. out_texts is the caller's array of `count` slots;
 * each receives a masked copy owned by the caller (free each with bo_free).
 * A NULL entry of `texts` gives a NULL slot. *out_found (may be NULL) is
 * the total masked. On failure every slot is NULL. */
BO_API bo_status bo_mask_pii_batch(char **out_texts, int64_t *out_found,
                                   const bo_pii_masker_t *masker, const char *const *texts,
                                   size_t count);

/* ------------------------------------------------------------------------ */
/* Audit trail                                                              */
/* ------------------------------------------------------------------------ */

/* Appends one entry to the store's audit log (never personal data: ids,
 * counts or digests). time_unix_ms is when the change was made. *out_seq
 * (may be NULL) receives its sequence number (1, 2, ...).
 * Errors: BO_NULL_ARGUMENT, BO_STORE. */
BO_API bo_status bo_audit_append(int64_t *out_seq, bo_store_t *store, int64_t time_unix_ms,
                                 const char *actor, const char *action, const char *record_kind,
                                 const char *record_id, const char *summary);

/* Checks the whole hash chain. *out_ok = 1 when intact, else 0 with
 * *out_first_bad_seq the first bad entry (BO_NULL_INT64 when ok). The other
 * outputs may be NULL: *out_entries rows read; *out_reason why the entry is
 * bad ("" when ok) and *out_head_hash the last good entry's SHA-256 in hex
 * (keep it outside the file to detect a truncated or rewritten log), both
 * NUL-terminated, owned by the caller, freed with bo_free. A bad log is not
 * an error: the call returns BO_OK. Errors: BO_STORE. O(entries). */
BO_API bo_status bo_audit_verify(int *out_ok, int64_t *out_first_bad_seq, int64_t *out_entries,
                                 char **out_reason, char **out_head_hash, bo_store_t *store);

/* From now on every write through `store` (bo_store_put_*, ingests, CSV
 * imports) appends an audit entry in the write's own transaction, with
 * `actor` (copied), the current UTC time, action "put"/"delete"/"ingest",
 * the record kind and id ("*" for a batch) and a summary of the row count
 * and, for a put, a SHA-256 digest of the record (never the record). Lasts
 * until bo_audit_stop_recording or bo_store_close.
 * Errors: BO_NULL_ARGUMENT. */
BO_API bo_status bo_audit_record_changes(bo_store_t *store, const char *actor);
/* Stops what bo_audit_record_changes started. Errors: BO_NULL_ARGUMENT. */
BO_API bo_status bo_audit_stop_recording(bo_store_t *store);

/* ------------------------------------------------------------------------ */
/* Erasure and retention                                                    */
/* ------------------------------------------------------------------------ */

/* What an erasure changed. */
typedef struct bo_erasure_report {
  int64_t interactions; /* moved to the new pseudonym, notes emptied */
  int64_t cases;        /* moved, subject "[erased]" */
  int64_t orders;       /* moved */
  int64_t emails;       /* deleted */
  int64_t phones;       /* deleted */
  int64_t audit_seq;    /* the audit entry recording the erasure */
} bo_erasure_report_t;

/* Erases customer `customer_id` in one transaction (docs/compliance.md):
 * personal data deleted, records moved to a fresh pseudonymous customer so
 * KPIs are unchanged, one audit entry by `actor` at now_unix_ms.
 * out (may be NULL) receives the counts. Errors: BO_NOT_FOUND naming
 * "customer" (nothing changes), BO_STORE. */
BO_API bo_status bo_erase_customer(bo_erasure_report_t *out, bo_store_t *store, int64_t customer_id,
                                   const char *actor, int64_t now_unix_ms);

/* One retention rule: records older than max_age_ms are acted on. */
typedef int32_t bo_retention_action;
#define BO_RETENTION_NONE 0      /* no rule for this kind */
#define BO_RETENTION_DELETE 1    /* remove the rows */
#define BO_RETENTION_ANONYMISE 2 /* keep rows, drop free text (interactions, cases) */

typedef struct bo_retention_rule {
  bo_retention_action action;
  int64_t max_age_ms; /* > 0 when action is not BO_RETENTION_NONE */
} bo_retention_rule_t;

typedef struct bo_retention_policy {
  bo_retention_rule_t interactions; /* age from offered_at */
  bo_retention_rule_t cases;        /* updated_at; resolved or closed only */
  bo_retention_rule_t orders;       /* updated_at; finished orders only; delete only */
  bo_retention_rule_t work_items;   /* received_at; delete only */
  bo_retention_rule_t agent_states; /* end; delete only */
  const char *actor;                /* audit actor; NULL = "retention" */
} bo_retention_policy_t;

/* Rows acted on per kind, and the audit entries written (0 when none). */
typedef struct bo_retention_report {
  int64_t interactions;
  int64_t cases;
  int64_t orders;
  int64_t work_items;
  int64_t agent_states;
  int64_t first_audit_seq;
  int64_t last_audit_seq;
} bo_retention_report_t;

/* Applies `policy` as of now_unix_ms in one transaction, one audit entry per
 * rule. out may be NULL. Errors: BO_INVALID_ARGUMENT naming
 * "retention.<kind>.max_age" or "retention.<kind>.action" (nothing
 * changes), BO_STORE. */
BO_API bo_status bo_apply_retention(bo_retention_report_t *out, bo_store_t *store,
                                    const bo_retention_policy_t *policy, int64_t now_unix_ms);

#ifdef __cplusplus
}
#endif

#endif /* BACKOFFICE_BACKOFFICE_COMPLIANCE_H */
