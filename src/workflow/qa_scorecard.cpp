#include <backoffice/workflow/qa_scorecard.hpp>

#include "workflow/qa_score_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace backoffice {
namespace {

double percent(double num, double den) {
  return den == 0 ? std::numeric_limits<double>::quiet_NaN() : 100.0 * num / den;
}

}  // namespace

std::string_view to_string(QaNaPolicy p) noexcept {
  return p == QaNaPolicy::kExclude ? "exclude" : "full_marks";
}

Result<QaNaPolicy> parse_qa_na_policy(std::string_view text) {
  if (text == "exclude") return QaNaPolicy::kExclude;
  if (text == "full_marks") return QaNaPolicy::kFullMarks;
  return parse_error("qa_na_policy", text, "expected exclude or full_marks");
}

std::string QaScoringOptions::definition() const {
  return fmt::format("na_policy={}; auto_fail_zeroes_score={}", to_string(na_policy),
                     auto_fail_zeroes_score ? "true" : "false");
}

double QaSectionScore::score() const { return percent(points, possible); }

Result<Scorecard> Scorecard::create(ScorecardId id, std::string name, std::vector<QaSection> sections) {
  return create(QaScorecardDefinition{id, std::move(name), std::move(sections)});
}

Result<Scorecard> Scorecard::create(QaScorecardDefinition definition) {
  // The rules are the domain's, so the store accepts exactly the templates
  // that can be scored; here only the indexes are built.
  BO_RETURN_IF_ERROR(definition.validate());
  Scorecard s;
  s.id_ = definition.id;
  s.name_ = std::move(definition.name);
  s.sections_ = std::move(definition.sections);
  for (std::size_t i = 0; i < s.sections_.size(); ++i) {
    for (std::size_t j = 0; j < s.sections_[i].criteria.size(); ++j) {
      s.flat_.emplace_back(i, j);
      s.by_id_.emplace_back(s.sections_[i].criteria[j].id, s.flat_.size() - 1);
    }
  }
  std::sort(s.by_id_.begin(), s.by_id_.end());
  return s;
}

const QaCriterion& Scorecard::criterion(std::size_t i) const {
  return sections_[flat_[i].first].criteria[flat_[i].second];
}

std::optional<std::size_t> Scorecard::find(std::string_view criterion_id) const {
  auto it = std::lower_bound(by_id_.begin(), by_id_.end(), criterion_id,
                             [](const auto& entry, std::string_view key) { return entry.first < key; });
  if (it == by_id_.end() || it->first != criterion_id) return std::nullopt;
  return it->second;
}

Status Scorecard::check_answer(std::size_t i, std::int8_t code, std::string_view field) const {
  const QaCriterion& c = criterion(i);
  if (qa_answer_allowed(code, c.scale)) return Status::Ok();
  const std::string expected = is_rating(c.scale) ? "1..5" : "yes or no";
  return validation_error(field, qa_answer_text(code, c.scale),
                          fmt::format("criterion '{}' uses scale {}: expected {}{}", c.id, to_string(c.scale),
                                      expected, allows_na(c.scale) ? " or na" : ""));
}

Result<std::vector<std::int8_t>> answers_in_order(const QaEvaluation& e, const Scorecard& s) {
  if (e.scorecard_id != s.id()) {
    return validation_error("evaluation.scorecard_id", std::to_string(e.scorecard_id.value()),
                            fmt::format("the scorecard given is {}", s.id().value()));
  }
  constexpr std::int8_t kUnset = std::numeric_limits<std::int8_t>::min();
  std::vector<std::int8_t> out(s.criterion_count(), kUnset);
  for (const auto& [id, code] : e.answers) {
    const auto field = fmt::format("evaluation.answers.{}", id);
    auto i = s.find(id);
    if (!i)
      return validation_error(field, id, fmt::format("no such criterion on scorecard {}", s.id().value()));
    if (out[*i] != kUnset) return validation_error(field, id, "answered twice");
    BO_RETURN_IF_ERROR(s.check_answer(*i, code, field));
    out[*i] = code;
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == kUnset) {
      const auto& id = s.criterion(i).id;
      return validation_error(fmt::format("evaluation.answers.{}", id), "", "missing answer");
    }
  }
  return out;
}

Result<QaScore> score_answers(std::span<const std::int8_t> answers, const Scorecard& s,
                              const QaScoringOptions& options) {
  if (answers.size() != s.criterion_count()) {
    return validation_error("evaluation.answers", std::to_string(answers.size()),
                            fmt::format("expected {} answers, one per criterion", s.criterion_count()));
  }
  for (std::size_t i = 0; i < answers.size(); ++i) {
    BO_RETURN_IF_ERROR(
        s.check_answer(i, answers[i], fmt::format("evaluation.answers.{}", s.criterion(i).id)));
  }
  const qa_detail::ScoreTable table(s, options);
  QaScore out;
  out.sections.resize(s.sections().size());
  for (std::size_t k = 0; k < s.sections().size(); ++k) out.sections[k].name = s.sections()[k].name;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const auto& e = table.entry(i, answers[i]);
    auto& section = out.sections[s.section_of(i)];
    section.points += e.points;
    section.possible += e.possible;
    out.points += e.points;
    out.possible += e.possible;
    out.compliance_passed += e.compliance_pass;
    out.compliance_applicable += e.compliance_applicable;
    if (e.critical_fail) out.failed_critical.push_back(s.criterion(i).id);
  }
  out.auto_failed = !out.failed_critical.empty();
  out.raw_score = percent(out.points, out.possible);
  const bool zeroed = out.auto_failed && options.auto_fail_zeroes_score;
  out.reported_points = zeroed ? 0.0 : out.points;
  out.score = zeroed ? 0.0 : out.raw_score;
  return out;
}

Result<QaScore> score(const QaEvaluation& e, const Scorecard& s, const QaScoringOptions& options) {
  BO_ASSIGN_OR_RETURN(auto answers, answers_in_order(e, s));
  return score_answers(answers, s, options);
}

}  // namespace backoffice
