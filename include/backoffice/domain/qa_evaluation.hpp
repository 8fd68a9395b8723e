#pragma once

// QA records as plain data: a scorecard's definition (sections of weighted
// criteria) and an evaluation (one evaluator's answers about one
// interaction), with the checks that need no scoring. Scoring lives in
// workflow/qa_scorecard.hpp; the store persists these records
// (docs/workflow_qa.md, "Persistence").

#include <backoffice/core/ids.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/formatting.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace backoffice {

// The answers a criterion accepts.
enum class QaScale : std::uint8_t {
  kYesNo,        // yes = full weight, no = 0
  kYesNoNa,      // as kYesNo, or not applicable
  kOneToFive,    // rating r in 1..5 earns (r - 1) / 4 of the weight
  kOneToFiveNa,  // as kOneToFive, or not applicable
};
std::string_view to_string(QaScale s) noexcept;
// "yes_no", "yes_no_na", "one_to_five", "one_to_five_na"; else kParse naming `field`.
Result<QaScale> parse_qa_scale(std::string_view text, std::string_view field = "scale");
bool allows_na(QaScale s) noexcept;
bool is_rating(QaScale s) noexcept;

// One answer as a small code, the same in C++, the C ABI (int8 arrays), the
// store (INTEGER) and Python: kQaNa, kQaNo, kQaYes for the yes/no scales,
// 1..5 for ratings. Which reading applies is the criterion's scale.
inline constexpr std::int8_t kQaNa = -1;
inline constexpr std::int8_t kQaNo = 0;
inline constexpr std::int8_t kQaYes = 1;
// The range of every code any scale accepts.
inline constexpr std::int8_t kQaMinCode = -1;
inline constexpr std::int8_t kQaMaxCode = 5;
// "na", "no", "yes" or the rating digits.
std::string qa_answer_text(std::int8_t code, QaScale scale);
// True when a criterion on `scale` accepts `code`.
bool qa_answer_allowed(std::int8_t code, QaScale scale) noexcept;

struct QaCriterion {
  std::string id;       // unique within the scorecard, non-empty
  std::string text;     // the question the evaluator answers
  double weight = 1.0;  // > 0 and finite; relative, need not sum to 100
  QaScale scale = QaScale::kYesNo;
  // A critical criterion that earns 0 points ("no", or rating 1) fails the
  // whole evaluation (auto-fail). N/A never fails.
  bool critical = false;
  // A compliance item: counted in the compliance rate (passed = "yes").
  // Must use a yes/no scale.
  bool compliance = false;
  friend bool operator==(const QaCriterion&, const QaCriterion&) = default;
};

struct QaSection {
  std::string name;
  std::vector<QaCriterion> criteria;
  friend bool operator==(const QaSection&, const QaSection&) = default;
};

// A scorecard template as data: what the store keeps and Scorecard::create
// (workflow) indexes for scoring.
struct QaScorecardDefinition {
  ScorecardId id;
  std::string name;
  std::vector<QaSection> sections;

  // Errors (kValidation) name the field and value:
  // `scorecard.sections[1].criteria[2].weight` = "-1", a duplicate
  // `...criteria[k].id`, an empty section list or criteria list, an unknown
  // scale, a compliance item on a rating scale. O(criteria log criteria).
  Status validate() const;
  // Number of criteria over all sections (the flat order is section order).
  std::size_t criterion_count() const;

  friend bool operator==(const QaScorecardDefinition&, const QaScorecardDefinition&) = default;
};

// "scorecard 7 'Inbound calls v1': Opening [greeting 10 yes_no_na, ...]; ...".
std::string to_string(const QaScorecardDefinition& d);

// One evaluator's answers about one interaction.
struct QaEvaluation {
  EvaluationId id;
  ScorecardId scorecard_id;
  InteractionId interaction_id;
  AgentId agent_id;       // the agent evaluated
  std::string evaluator;  // who evaluated (a name or an agent id as text)
  Instant evaluated_at;   // UTC
  // (criterion id, answer code); every criterion answered exactly once.
  std::vector<std::pair<std::string, std::int8_t>> answers;

  // The checks that need no scorecard (kValidation): ids > 0
  // (`qa_evaluation.id`, `.scorecard`, `.interaction`, `.agent`), a
  // non-blank evaluator, at least one answer (`qa_evaluation.answers`),
  // criterion ids non-empty and unique (`qa_evaluation.answers[2].criterion`)
  // and codes in kQaMinCode..kQaMaxCode (`qa_evaluation.answers[2].answer`).
  // O(answers log answers).
  Status validate() const;

  friend bool operator==(const QaEvaluation&, const QaEvaluation&) = default;
};

// The checks against the scorecard it names (after validate()): the same
// scorecard id (`qa_evaluation.scorecard`), every answer's criterion on the
// scorecard (`qa_evaluation.answers[i].criterion`), every answer allowed by
// its criterion's scale (`qa_evaluation.answers[i].answer`, value e.g.
// "na"), every criterion answered (`qa_evaluation.answers`, value the
// missing criterion id). O(answers * log criteria).
Status check_against(const QaEvaluation& e, const QaScorecardDefinition& d);

// "qa evaluation 5 of interaction 3 (agent 2, scorecard 7) by Dana at
// 2024-06-03T14:00:00Z: greeting=1, verify_identity=1, ...".
std::string to_string(const QaEvaluation& e);

// Evaluations of one scorecard as columns, the form the store returns for
// the QA report (workflow/qa_report.hpp) with no per-row object. All
// per-evaluation columns have size() elements; answers are row-major,
// evaluation i's in the scorecard's flat criterion order at
// [i * criteria, (i + 1) * criteria). Instants are Unix ms (UTC).
struct QaEvaluationColumns {
  ScorecardId scorecard_id;
  std::size_t criteria = 0;
  std::vector<std::int64_t> id;
  std::vector<std::int64_t> interaction_id;
  std::vector<std::int64_t> agent_id;
  std::vector<std::int64_t> evaluated_at_ms;
  std::vector<std::int8_t> answers;
  std::size_t size() const { return id.size(); }
};

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::QaScale> : backoffice::detail::ToStringFormatter<backoffice::QaScale> {};
template <>
struct fmt::formatter<backoffice::QaScorecardDefinition>
    : backoffice::detail::ToStringFormatter<backoffice::QaScorecardDefinition> {};
template <>
struct fmt::formatter<backoffice::QaEvaluation>
    : backoffice::detail::ToStringFormatter<backoffice::QaEvaluation> {};
