#include <backoffice/domain/qa_evaluation.hpp>

#include "domain/validation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <tuple>

namespace backoffice {
namespace {

// Stored in SQLite and used by the C ABI and Python: names never change.
constexpr std::array<std::pair<QaScale, std::string_view>, 4> kScaleNames{{
    {QaScale::kYesNo, "yes_no"},
    {QaScale::kYesNoNa, "yes_no_na"},
    {QaScale::kOneToFive, "one_to_five"},
    {QaScale::kOneToFiveNa, "one_to_five_na"},
}};

Error id_error(std::string_view field, std::int64_t value) {
  return validation_error(field, std::to_string(value), "must be a positive id");
}

}  // namespace

std::string_view to_string(QaScale s) noexcept {
  for (const auto& [scale, name] : kScaleNames) {
    if (scale == s) return name;
  }
  return "unknown";
}

Result<QaScale> parse_qa_scale(std::string_view text, std::string_view field) {
  for (const auto& [scale, name] : kScaleNames) {
    if (name == text) return scale;
  }
  return parse_error(field, text, "expected yes_no, yes_no_na, one_to_five or one_to_five_na");
}

bool allows_na(QaScale s) noexcept { return s == QaScale::kYesNoNa || s == QaScale::kOneToFiveNa; }
bool is_rating(QaScale s) noexcept { return s == QaScale::kOneToFive || s == QaScale::kOneToFiveNa; }

std::string qa_answer_text(std::int8_t code, QaScale scale) {
  if (code == kQaNa) return "na";
  if (!is_rating(scale) && code == kQaNo) return "no";
  if (!is_rating(scale) && code == kQaYes) return "yes";
  return std::to_string(code);
}

bool qa_answer_allowed(std::int8_t code, QaScale scale) noexcept {
  if (code == kQaNa) return allows_na(scale);
  return is_rating(scale) ? (code >= 1 && code <= 5) : (code == kQaNo || code == kQaYes);
}

std::size_t QaScorecardDefinition::criterion_count() const {
  std::size_t n = 0;
  for (const auto& s : sections) n += s.criteria.size();
  return n;
}

Status QaScorecardDefinition::validate() const {
  if (sections.empty()) {
    return validation_error("scorecard.sections", "[]", "a scorecard needs at least one section");
  }
  // (criterion id, (section, criterion)) sorted by id, to find duplicates.
  std::vector<std::pair<std::string_view, std::pair<std::size_t, std::size_t>>> ids;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    const auto& section = sections[i];
    if (section.criteria.empty()) {
      return validation_error(fmt::format("scorecard.sections[{}].criteria", i), "[]",
                              "a section needs at least one criterion");
    }
    for (std::size_t j = 0; j < section.criteria.size(); ++j) {
      const auto& c = section.criteria[j];
      const auto field = [&](std::string_view what) {
        return fmt::format("scorecard.sections[{}].criteria[{}].{}", i, j, what);
      };
      if (c.id.empty()) return validation_error(field("id"), "", "a criterion needs an id");
      if (!(c.weight > 0) || !std::isfinite(c.weight)) {
        return validation_error(field("weight"), fmt::format("{}", c.weight), "must be finite and > 0");
      }
      if (static_cast<std::uint8_t>(c.scale) > static_cast<std::uint8_t>(QaScale::kOneToFiveNa)) {
        return validation_error(field("scale"), std::to_string(static_cast<int>(c.scale)), "unknown scale");
      }
      if (c.compliance && is_rating(c.scale)) {
        return validation_error(field("scale"), to_string(c.scale),
                                "a compliance item is passed or not: use yes_no or yes_no_na");
      }
      ids.emplace_back(c.id, std::pair{i, j});
    }
  }
  std::sort(ids.begin(), ids.end());
  for (std::size_t k = 1; k < ids.size(); ++k) {
    if (ids[k].first == ids[k - 1].first) {
      const auto [i, j] = ids[k].second;
      return validation_error(fmt::format("scorecard.sections[{}].criteria[{}].id", i, j), ids[k].first,
                              "criterion ids must be unique within a scorecard");
    }
  }
  return Status::Ok();
}

std::string to_string(const QaScorecardDefinition& d) {
  std::string out = fmt::format("scorecard {} '{}':", d.id, d.name);
  for (std::size_t i = 0; i < d.sections.size(); ++i) {
    out += fmt::format("{} {} [", i == 0 ? "" : ";", d.sections[i].name);
    bool first = true;
    for (const auto& c : d.sections[i].criteria) {
      out += fmt::format("{}{} {} {}{}{}", first ? "" : ", ", c.id, c.weight, to_string(c.scale),
                         c.critical ? " critical" : "", c.compliance ? " compliance" : "");
      first = false;
    }
    out += "]";
  }
  return out;
}

Status QaEvaluation::validate() const {
  if (id.value() <= 0) return id_error("qa_evaluation.id", id.value());
  if (scorecard_id.value() <= 0) return id_error("qa_evaluation.scorecard", scorecard_id.value());
  if (interaction_id.value() <= 0) return id_error("qa_evaluation.interaction", interaction_id.value());
  if (agent_id.value() <= 0) return id_error("qa_evaluation.agent", agent_id.value());
  if (detail::is_blank(evaluator)) return detail::blank_error("qa_evaluation.evaluator", evaluator);
  if (answers.empty()) return validation_error("qa_evaluation.answers", "[]", "an evaluation needs answers");
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const auto& [criterion, code] = answers[i];
    if (criterion.empty()) {
      return validation_error(fmt::format("qa_evaluation.answers[{}].criterion", i), "", "must not be empty");
    }
    if (code < kQaMinCode || code > kQaMaxCode) {
      return validation_error(fmt::format("qa_evaluation.answers[{}].answer", i), std::to_string(code),
                              "expected -1 (na), 0 (no), 1 (yes) or a rating 1..5");
    }
  }
  // Evaluations have a handful of answers; sorting indices keeps the
  // reported position the later of the two duplicates, as a reader expects.
  std::vector<std::size_t> order(answers.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(answers[a].first, a) < std::tie(answers[b].first, b);
  });
  for (std::size_t k = 1; k < order.size(); ++k) {
    if (answers[order[k]].first == answers[order[k - 1]].first) {
      return validation_error(fmt::format("qa_evaluation.answers[{}].criterion", order[k]),
                              answers[order[k]].first, "answered twice");
    }
  }
  return Status::Ok();
}

Status check_against(const QaEvaluation& e, const QaScorecardDefinition& d) {
  if (e.scorecard_id != d.id) {
    return validation_error("qa_evaluation.scorecard", std::to_string(e.scorecard_id.value()),
                            fmt::format("the scorecard given is {}", d.id.value()));
  }
  // (criterion id, criterion) sorted by id; `answered` marks each one seen.
  std::vector<std::pair<std::string_view, const QaCriterion*>> by_id;
  for (const auto& s : d.sections) {
    for (const auto& c : s.criteria) by_id.emplace_back(c.id, &c);
  }
  std::sort(by_id.begin(), by_id.end());
  std::vector<bool> answered(by_id.size(), false);
  for (std::size_t i = 0; i < e.answers.size(); ++i) {
    const auto& [criterion, code] = e.answers[i];
    auto it = std::lower_bound(by_id.begin(), by_id.end(), std::string_view(criterion),
                               [](const auto& entry, std::string_view key) { return entry.first < key; });
    if (it == by_id.end() || it->first != criterion) {
      return validation_error(fmt::format("qa_evaluation.answers[{}].criterion", i), criterion,
                              fmt::format("no such criterion on scorecard {}", d.id.value()));
    }
    const QaCriterion& c = *it->second;
    if (!qa_answer_allowed(code, c.scale)) {
      return validation_error(fmt::format("qa_evaluation.answers[{}].answer", i),
                              qa_answer_text(code, c.scale),
                              fmt::format("criterion '{}' uses scale {}", c.id, to_string(c.scale)));
    }
    answered[static_cast<std::size_t>(it - by_id.begin())] = true;
  }
  // Report the first missing criterion in scorecard order, not id order.
  for (const auto& s : d.sections) {
    for (const auto& c : s.criteria) {
      auto it = std::lower_bound(by_id.begin(), by_id.end(), std::string_view(c.id),
                                 [](const auto& entry, std::string_view key) { return entry.first < key; });
      if (!answered[static_cast<std::size_t>(it - by_id.begin())]) {
        return validation_error("qa_evaluation.answers", c.id, "missing answer");
      }
    }
  }
  return Status::Ok();
}

std::string to_string(const QaEvaluation& e) {
  std::string out =
      fmt::format("qa evaluation {} of interaction {} (agent {}, scorecard {}) by {} at {}:", e.id,
                  e.interaction_id, e.agent_id, e.scorecard_id, e.evaluator, e.evaluated_at);
  for (std::size_t i = 0; i < e.answers.size(); ++i) {
    out += fmt::format("{} {}={}", i == 0 ? "" : ",", e.answers[i].first, e.answers[i].second);
  }
  return out;
}

}  // namespace backoffice
