/*
 * backoffice_qa.h: QA scorecards, evaluation scores, agent QA reports and
 * calibration. Conventions as in backoffice.h; definitions and formulas in
 * docs/workflow_qa.md.
 */
#ifndef BACKOFFICE_BACKOFFICE_QA_H
#define BACKOFFICE_BACKOFFICE_QA_H

#include <backoffice/backoffice.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A scorecard template under construction: sections of weighted criteria. */
typedef struct bo_qa_scorecard bo_qa_scorecard_t;

/* Answer codes (int8_t arrays): yes/no scales use BO_QA_NO / BO_QA_YES,
 * rating scales 1..5; BO_QA_NA where the scale allows N/A. */
#define BO_QA_NA (-1)
#define BO_QA_NO 0
#define BO_QA_YES 1

/* The answers a criterion accepts. Values are stable. */
typedef int32_t bo_qa_scale;
#define BO_QA_SCALE_YES_NO 0          /* yes = full weight, no = 0 */
#define BO_QA_SCALE_YES_NO_NA 1       /* or N/A */
#define BO_QA_SCALE_ONE_TO_FIVE 2     /* rating r earns (r - 1) / 4 of the weight */
#define BO_QA_SCALE_ONE_TO_FIVE_NA 3  /* or N/A */

/* Criterion flags, OR-ed. */
#define BO_QA_CRITICAL 1u    /* 0 points ("no" or rating 1) fails the evaluation */
#define BO_QA_COMPLIANCE 2u  /* counted in the compliance rate; yes/no scales only */

/* How N/A answers count. */
#define BO_QA_NA_EXCLUDE 0     /* removed, weights renormalised (default) */
#define BO_QA_NA_FULL_MARKS 1  /* earn the full weight */

/* Scoring options. Start from bo_qa_options_init() (sets struct_size and
 * the defaults); later versions append fields. */
typedef struct bo_qa_options {
  size_t struct_size;              /* sizeof(bo_qa_options_t), set by init */
  int32_t na_policy;               /* BO_QA_NA_EXCLUDE (default) or _FULL_MARKS */
  int32_t auto_fail_zeroes_score;  /* 1 (default): an auto-failed evaluation scores 0 */
} bo_qa_options_t;

/* Fills *options with the defaults. Errors: BO_NULL_ARGUMENT. */
BO_API bo_status bo_qa_options_init(bo_qa_options_t *options);

/* An empty scorecard; add sections and criteria, then use it. *out is owned
 * by the caller; release with bo_qa_scorecard_destroy. name may be NULL. */
BO_API bo_status bo_qa_scorecard_create(bo_qa_scorecard_t **out, int64_t id, const char *name);
BO_API void bo_qa_scorecard_destroy(bo_qa_scorecard_t *scorecard);

/* Appends a section; criteria added next go into it. name may be NULL. */
BO_API bo_status bo_qa_scorecard_add_section(bo_qa_scorecard_t *scorecard, const char *name);

/* Appends a criterion to the last section. id: unique, non-empty; text may
 * be NULL; weight > 0; flags: BO_QA_CRITICAL | BO_QA_COMPLIANCE. Errors:
 * BO_INVALID_ARGUMENT naming "section" when no section was added or
 * "scale" / "flags" for unknown values. Weights and duplicate ids are
 * checked when the scorecard is first used (BO_VALIDATION naming e.g.
 * "scorecard.sections[1].criteria[2].weight"). */
BO_API bo_status bo_qa_scorecard_add_criterion(bo_qa_scorecard_t *scorecard, const char *id,
                                               const char *text, double weight, bo_qa_scale scale,
                                               uint32_t flags);

/* Validates the scorecard and gives its number of criteria: the length of
 * an answer array, in the order the criteria were added. */
BO_API bo_status bo_qa_scorecard_criterion_count(size_t *out, bo_qa_scorecard_t *scorecard);

/* The score of one evaluation. */
typedef struct bo_qa_score {
  double score;            /* reported, percent: 0 when auto-failed and zeroed */
  double raw_score;        /* 100 * points / possible; NaN when all N/A */
  double points;           /* weighted points earned (after the N/A policy) */
  double reported_points;  /* numerator of score: 0 when zeroed by auto-fail */
  double possible;         /* denominator of score and raw_score */
  int32_t auto_failed;     /* 1 when a critical criterion earned 0 */
  int64_t compliance_passed;
  int64_t compliance_applicable;  /* compliance items not answered N/A */
} bo_qa_score_t;

/* Scores `count` answers in criterion order (count must equal the
 * criterion count). options may be NULL (defaults). Errors: BO_VALIDATION
 * naming "evaluation.answers.<criterion id>" and the answer, or
 * "evaluation.answers" for a wrong count. O(criteria). */
BO_API bo_status bo_qa_score_evaluation(bo_qa_score_t *out, bo_qa_scorecard_t *scorecard, const int8_t *answers,
                             size_t count, const bo_qa_options_t *options);

/* Agent QA report over `evaluations` evaluations given as arrays:
 * agent_id[i], evaluated_at_ms[i] (Unix ms) and answers row-major
 * (evaluation i's criterion_count answers at answers[i * criterion_count]).
 * by_agent: 1 = one row per agent (and bucket), 0 = all agents together.
 * bucket: "week" (Monday 00:00 local; the default for NULL), "day",
 * "month", "none", ...; time_zone: IANA name, NULL = "UTC".
 * *out is owned by the caller (release with bo_table_destroy): agent_id,
 * interval_start, interval_start_utc_ms, evaluations, qa_score (+ _num,
 * _den: weighted points over possible points), raw_qa_score (+ _num, _den),
 * mean_evaluation_score, auto_fail_rate (+ _num, _den), compliance_rate
 * (+ _num, _den: items passed / items answered, N/A excluded); metadata
 * "definition" (N/A policy, auto-fail rule), "scorecard", "group_by",
 * "time_zone". Errors: BO_VALIDATION naming
 * "evaluations[i].answers.<criterion id>"; BO_PARSE naming "time_bucket";
 * BO_NOT_FOUND naming the zone. O(evaluations * criteria). */
BO_API bo_status bo_qa_report(bo_table_t **out, bo_qa_scorecard_t *scorecard, const int64_t *agent_id,
                              const int64_t *evaluated_at_ms, const int8_t *answers, size_t evaluations,
                              int32_t by_agent, const char *bucket, const char *time_zone,
                              const bo_qa_options_t *options);

/* Calibration of `evaluations` evaluations: interaction_id[i],
 * evaluator[i] (NUL-terminated names) and answers row-major as in
 * bo_qa_report. Every interaction needs >= 2 distinct evaluators.
 * reference_evaluator: NULL = deviations from the mean score of each
 * interaction's evaluators, else from that evaluator's score.
 * *out_rows (interaction_id, evaluator, score, target_score, deviation) and
 * *out_evaluators (evaluator, interactions, mean_deviation,
 * mean_absolute_deviation) are owned by the caller (bo_table_destroy);
 * either pointer may be NULL when not wanted. Both carry metadata
 * "definition", "mean_absolute_deviation" and "fleiss_kappa" (empty, with
 * "agreement_note", when interactions have different evaluator counts).
 * *out_kappa (may be NULL): Fleiss' kappa over (interaction, criterion)
 * answers, NaN when not defined. Errors: as bo_qa_score_evaluation; BO_CONFLICT
 * naming "evaluation.evaluator"; BO_INVALID_ARGUMENT naming "evaluations"
 * or "reference_evaluator". O(E log E + E * criteria). */
BO_API bo_status bo_qa_calibration(bo_table_t **out_rows, bo_table_t **out_evaluators, double *out_kappa,
                                   bo_qa_scorecard_t *scorecard, const int64_t *interaction_id,
                                   const char *const *evaluator, const int8_t *answers, size_t evaluations,
                                   const char *reference_evaluator, const bo_qa_options_t *options);

/* ------------------------------------------------------------------------ */
/* Persistence (docs/workflow_qa.md, "Persistence")                         */
/* ------------------------------------------------------------------------ */

/* Stores the scorecard's template (sections, criteria in the order added)
 * in one transaction, replacing a stored scorecard with the same id.
 * Errors: BO_VALIDATION naming e.g. "scorecard.sections[1].criteria[2].weight";
 * BO_CONFLICT naming "scorecard.sections" when stored evaluations refer to
 * the scorecard and the change is more than names and question texts
 * (store a new version under a new id); BO_STORE. */
BO_API bo_status bo_store_put_qa_scorecard(bo_store_t *store, const bo_qa_scorecard_t *scorecard);

/* The stored scorecard `scorecard_id` as a new template. *out is owned by
 * the caller; release with bo_qa_scorecard_destroy. Errors: BO_NOT_FOUND
 * naming "qa_scorecard.id". */
BO_API bo_status bo_store_get_qa_scorecard(bo_qa_scorecard_t **out, const bo_store_t *store,
                                           int64_t scorecard_id);

/* One evaluation to store. Every pointer is the caller's and is only read
 * during the call. answers[i] answers criterion criterion_ids[i]. */
typedef struct bo_qa_evaluation {
  int64_t id;              /* > 0 */
  int64_t scorecard_id;    /* a stored scorecard */
  int64_t interaction_id;  /* a stored interaction */
  int64_t agent_id;        /* the agent evaluated; a stored agent */
  const char *evaluator;   /* who evaluated, non-blank */
  int64_t evaluated_at_ms; /* Unix ms, UTC */
  const char *const *criterion_ids;
  const int8_t *answers;   /* BO_QA_NA, BO_QA_NO, BO_QA_YES or 1..5 */
  size_t answer_count;     /* every criterion of the scorecard exactly once */
} bo_qa_evaluation_t;

/* Stores the evaluation and its answers in one transaction, replacing an
 * evaluation with the same id and all its answers. Errors: BO_VALIDATION
 * naming "qa_evaluation.<field>" ("evaluator", "answers[i].criterion",
 * "answers[i].answer", "answers" for a criterion left unanswered) or the
 * missing reference ("qa_evaluation.scorecard", ".interaction", ".agent");
 * nothing is written then. BO_STORE. O(answers + criteria). */
BO_API bo_status bo_store_put_qa_evaluation(bo_store_t *store, const bo_qa_evaluation_t *evaluation);

/* Stored evaluations in long form, one row per answer, ordered by
 * evaluated_at, evaluation id, then the answers' order: evaluation_id,
 * scorecard_id, interaction_id, agent_id (INT64), evaluator (STRING),
 * evaluated_at (INSTANT), criterion_id (STRING), answer (INT64 code).
 * Evaluations with evaluated_at in [from, to), optionally of one agent or
 * scorecard (BO_NULL_INT64 = no bound / no filter). *out is owned by the
 * caller; release with bo_table_destroy. */
BO_API bo_status bo_store_qa_evaluations(bo_table_t **out, const bo_store_t *store, int64_t from_unix_ms,
                                         int64_t to_unix_ms, int64_t agent_id, int64_t scorecard_id);

/* The stored evaluation `evaluation_id` in the long form above. Errors:
 * BO_NOT_FOUND naming "qa_evaluation.id". */
BO_API bo_status bo_store_get_qa_evaluation(bo_table_t **out, const bo_store_t *store, int64_t evaluation_id);

/* bo_qa_report over the stored evaluations of stored scorecard
 * `scorecard_id` with evaluated_at in [from, to) (BO_NULL_INT64 = no
 * bound), scored with the stored template. Arguments after `to_unix_ms`
 * and the table as in bo_qa_report. Errors: BO_NOT_FOUND naming
 * "qa_scorecard.id"; as bo_qa_report. */
BO_API bo_status bo_store_qa_report(bo_table_t **out, const bo_store_t *store, int64_t scorecard_id,
                                    int64_t from_unix_ms, int64_t to_unix_ms, int32_t by_agent,
                                    const char *bucket, const char *time_zone,
                                    const bo_qa_options_t *options);

#ifdef __cplusplus
}
#endif

#endif /* BACKOFFICE_BACKOFFICE_QA_H */
