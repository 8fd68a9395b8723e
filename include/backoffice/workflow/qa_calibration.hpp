#pragma once

// QA calibration: several evaluators score the same interactions; how far
// each evaluator is from the group (or from a reference evaluator) and how
// much the evaluators agree answer by answer. Formulas: docs/workflow_qa.md.

#include <backoffice/kpi/table.hpp>
#include <backoffice/workflow/qa_scorecard.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace backoffice {

// Fleiss' kappa for N subjects each rated by the same number n >= 2 of
// raters into k categories: kappa = (P_bar - P_e) / (1 - P_e), with
// P_bar the mean per-subject agreement and P_e = sum_j p_j^2 the chance
// agreement. NaN when P_e = 1 (every rating in one category).
struct FleissKappa {
  double kappa = 0;
  double observed_agreement = 0;  // P_bar
  double expected_agreement = 0;  // P_e
  std::int64_t subjects = 0;
  std::int64_t raters = 0;  // n, per subject
};

// `counts` is row-major N x k: counts[i*k + j] = raters who put subject i
// in category j. Errors (kInvalidArgument): k == 0 or a size not a
// multiple of k (`counts`), a negative count (`counts[i]`), rows with
// different totals or fewer than 2 raters (`counts.row[i]`). O(N k).
Result<FleissKappa> fleiss_kappa(std::span<const std::int64_t> counts, std::size_t categories);

struct QaCalibrationOptions {
  QaScoringOptions scoring{};
  // Deviations from this evaluator's score on each interaction (which it
  // must have evaluated); unset = from the mean score of the interaction's
  // evaluators.
  std::optional<std::string> reference_evaluator{};
};

// One evaluation in a calibration: its reported score (QaScore::score),
// the target it is compared with and deviation = score - target
// (percentage points). NaN when the evaluation is all N/A.
struct QaCalibrationRow {
  InteractionId interaction_id;
  std::string evaluator;
  double score = 0;
  double target = 0;
  double deviation = 0;
};

// An evaluator over all calibrated interactions: mean signed deviation
// (bias; > 0 scores more generously than the group) and mean absolute
// deviation, over the evaluator's scored interactions.
struct QaEvaluatorCalibration {
  std::string evaluator;
  std::int64_t interactions = 0;
  double mean_deviation = 0;
  double mean_absolute_deviation = 0;
};

struct QaCalibration {
  std::vector<QaCalibrationRow> rows;              // by interaction, then evaluator
  std::vector<QaEvaluatorCalibration> evaluators;  // by evaluator
  double mean_absolute_deviation = 0;              // over every scored row
  // Over subjects = (interaction, criterion), categories = the answers
  // (na, no, yes, 1..5; nominal). Unset, with `agreement_note` saying why,
  // when interactions have different numbers of evaluators.
  std::optional<FleissKappa> agreement{};
  std::string agreement_note;
  std::string definition;  // scoring options and the deviation target

  // interaction_id, evaluator, score, target_score, deviation; metadata.
  Table to_table() const;
  // evaluator, interactions, mean_deviation, mean_absolute_deviation; metadata.
  Table evaluator_table() const;
};

// Calibrates evaluations of one scorecard. Every interaction needs >= 2
// evaluations by distinct evaluators. Errors: an invalid evaluation (as
// score()), one evaluator twice on an interaction (kConflict naming
// `evaluation.evaluator`), an interaction with one evaluation
// (kInvalidArgument naming `evaluations`), a reference evaluator absent
// from an interaction (kInvalidArgument naming `reference_evaluator`).
// O(E log E + E * criteria).
Result<QaCalibration> calibrate(std::span<const QaEvaluation> evaluations, const Scorecard& scorecard,
                                const QaCalibrationOptions& options = {});

}  // namespace backoffice
