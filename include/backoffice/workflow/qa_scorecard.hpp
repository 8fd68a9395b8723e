#pragma once

// QA scorecards: a template of weighted criteria in sections, evaluations
// that answer them for one interaction, and the score of an evaluation.
// Definitions, formulas and defaults: docs/workflow_qa.md. The plain records
// (QaCriterion, QaSection, QaScorecardDefinition, QaEvaluation, answer
// codes) are in domain/qa_evaluation.hpp, so the store can keep them.

#include <backoffice/core/ids.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/qa_evaluation.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace backoffice {

// A validated scorecard template. Criteria are also numbered flat, in
// section order: the columnar APIs take answers in that order.
class Scorecard {
 public:
  // Validates and indexes. Errors (kValidation) name the field and value:
  // `scorecard.sections[1].criteria[2].weight` = "-1", a duplicate
  // `...criteria[k].id`, an empty section list or criteria list, a
  // compliance item on a rating scale. O(criteria log criteria).
  static Result<Scorecard> create(ScorecardId id, std::string name, std::vector<QaSection> sections);
  // The same from a definition (e.g. one read back from the store).
  static Result<Scorecard> create(QaScorecardDefinition definition);
  // The template as plain data, for the store: create(definition()) == *this.
  QaScorecardDefinition definition() const { return {id_, name_, sections_}; }

  ScorecardId id() const { return id_; }
  const std::string& name() const { return name_; }
  const std::vector<QaSection>& sections() const { return sections_; }

  std::size_t criterion_count() const { return flat_.size(); }
  // Precondition: i < criterion_count().
  const QaCriterion& criterion(std::size_t i) const;
  std::size_t section_of(std::size_t i) const { return flat_[i].first; }
  // Flat index of the criterion called `id`; nullopt when there is none. O(log n).
  std::optional<std::size_t> find(std::string_view criterion_id) const;

  // OK when `code` is an answer the criterion's scale accepts; else
  // kValidation naming `field` with the code as value.
  Status check_answer(std::size_t i, std::int8_t code, std::string_view field) const;

  friend bool operator==(const Scorecard& a, const Scorecard& b) {
    return a.id_ == b.id_ && a.name_ == b.name_ && a.sections_ == b.sections_;
  }

 private:
  ScorecardId id_;
  std::string name_;
  std::vector<QaSection> sections_;
  std::vector<std::pair<std::size_t, std::size_t>> flat_;   // (section, criterion)
  std::vector<std::pair<std::string, std::size_t>> by_id_;  // sorted by id
};

// How N/A answers count. The default removes them: the remaining weights
// are renormalised, so N/A neither helps nor hurts.
enum class QaNaPolicy : std::uint8_t {
  kExclude,    // N/A removed from points and possible (default)
  kFullMarks,  // N/A earns the full weight
};
std::string_view to_string(QaNaPolicy p) noexcept;
// "exclude" or "full_marks"; else kParse naming `qa_na_policy`.
Result<QaNaPolicy> parse_qa_na_policy(std::string_view text);

struct QaScoringOptions {
  QaNaPolicy na_policy = QaNaPolicy::kExclude;
  // An auto-failed evaluation reports score 0 (its raw score is kept).
  bool auto_fail_zeroes_score = true;
  // "na_policy=exclude; auto_fail_zeroes_score=true", stored with results.
  std::string definition() const;
};

struct QaSectionScore {
  std::string name;
  double points = 0;
  double possible = 0;
  double score() const;  // 100 * points / possible; NaN when possible is 0
};

// The score of one evaluation. `points` / `possible` are the raw weighted
// totals (after the N/A policy); `score` is what is reported: 0 when
// auto-failed and the options say so, else raw_score.
struct QaScore {
  double points = 0;
  double possible = 0;
  double raw_score = 0;  // 100 * points / possible; NaN when every answer is N/A
  double score = 0;
  // The numerator of `score` over `possible` (0 when zeroed by auto-fail).
  double reported_points = 0;
  bool auto_failed = false;
  std::vector<std::string> failed_critical;  // criterion ids, in scorecard order
  std::vector<QaSectionScore> sections;
  std::int64_t compliance_passed = 0;
  std::int64_t compliance_applicable = 0;  // compliance items not answered N/A
};

// Answers in flat criterion order (answers.size() == criterion_count()),
// validated against the scale. Errors name `evaluation.answers.<id>`.
// O(criteria).
Result<std::vector<std::int8_t>> answers_in_order(const QaEvaluation& e, const Scorecard& s);

// Scores an evaluation. Errors (kValidation): a scorecard id other than
// the scorecard's (`evaluation.scorecard_id`), an unknown, repeated or
// missing criterion, or an answer outside its scale, each naming
// `evaluation.answers.<criterion id>` and the value. O(criteria).
Result<QaScore> score(const QaEvaluation& e, const Scorecard& s, const QaScoringOptions& options = {});

// Scores answers already in flat order; same errors as above.
Result<QaScore> score_answers(std::span<const std::int8_t> answers, const Scorecard& s,
                              const QaScoringOptions& options = {});

}  // namespace backoffice
