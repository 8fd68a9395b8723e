#include <backoffice/workflow/qa_calibration.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace backoffice {
namespace {

// Answer categories for the agreement statistic: na, no, yes, 1..5. A
// yes/no code and a rating code never meet on one criterion, so one
// category list serves every scale.
constexpr std::size_t kCategories = 8;
std::size_t category_of(std::int8_t code, QaScale scale) {
  if (code == kQaNa) return 0;
  if (!is_rating(scale)) return code == kQaNo ? 1 : 2;
  return static_cast<std::size_t>(2 + code);
}

double nan() { return std::nan(""); }

void add_metadata(Table& t, const QaCalibration& c) {
  t.metadata = {{"definition", c.definition},
                {"mean_absolute_deviation", fmt::format("{}", c.mean_absolute_deviation)}};
  if (c.agreement) {
    t.metadata.emplace_back("fleiss_kappa", fmt::format("{}", c.agreement->kappa));
    t.metadata.emplace_back("observed_agreement", fmt::format("{}", c.agreement->observed_agreement));
    t.metadata.emplace_back("expected_agreement", fmt::format("{}", c.agreement->expected_agreement));
  } else {
    t.metadata.emplace_back("fleiss_kappa", "");
    t.metadata.emplace_back("agreement_note", c.agreement_note);
  }
}

}  // namespace

Result<FleissKappa> fleiss_kappa(std::span<const std::int64_t> counts, std::size_t categories) {
  if (categories == 0 || counts.size() % categories != 0) {
    return invalid_argument("counts", std::to_string(counts.size()),
                            fmt::format("expected a multiple of the {} categories", categories));
  }
  const std::size_t subjects = counts.size() / categories;
  if (subjects == 0) return invalid_argument("counts", "0", "needs at least one subject");
  FleissKappa out;
  out.subjects = static_cast<std::int64_t>(subjects);
  std::vector<double> column_totals(categories, 0.0);
  double sum_p_i = 0;
  for (std::size_t i = 0; i < subjects; ++i) {
    std::int64_t n = 0;
    double squares = 0;
    for (std::size_t j = 0; j < categories; ++j) {
      const std::int64_t c = counts[i * categories + j];
      if (c < 0) {
        return invalid_argument(fmt::format("counts[{}]", i * categories + j), std::to_string(c),
                                "must be >= 0");
      }
      n += c;
      squares += static_cast<double>(c) * static_cast<double>(c);
      column_totals[j] += static_cast<double>(c);
    }
    if (i == 0) out.raters = n;
    if (n != out.raters || n < 2) {
      return invalid_argument(
          fmt::format("counts.row[{}]", i), std::to_string(n),
          fmt::format("every subject needs the same number (>= 2) of raters; row 0 has {}", out.raters));
    }
    const double nd = static_cast<double>(n);
    sum_p_i += (squares - nd) / (nd * (nd - 1));
  }
  const double total = static_cast<double>(subjects) * static_cast<double>(out.raters);
  double p_e = 0;
  for (double t : column_totals) p_e += (t / total) * (t / total);
  out.observed_agreement = sum_p_i / static_cast<double>(subjects);
  out.expected_agreement = p_e;
  out.kappa = p_e >= 1.0 ? nan() : (out.observed_agreement - p_e) / (1.0 - p_e);
  return out;
}

Result<QaCalibration> calibrate(std::span<const QaEvaluation> evaluations, const Scorecard& scorecard,
                                const QaCalibrationOptions& options) {
  struct Scored {
    const QaEvaluation* e;
    double score;
    std::vector<std::int8_t> answers;
  };
  // Interactions in id order, each with its evaluations in evaluator order.
  std::map<InteractionId, std::vector<Scored>> by_interaction;
  for (const auto& e : evaluations) {
    BO_ASSIGN_OR_RETURN(auto answers, answers_in_order(e, scorecard));
    BO_ASSIGN_OR_RETURN(auto s, score_answers(answers, scorecard, options.scoring));
    by_interaction[e.interaction_id].push_back({&e, s.score, std::move(answers)});
  }
  QaCalibration out;
  out.definition =
      fmt::format("{}; deviation = score - {}", options.scoring.definition(),
                  options.reference_evaluator
                      ? fmt::format("score of reference evaluator '{}'", *options.reference_evaluator)
                      : std::string("mean score of the interaction's evaluators"));
  std::map<std::string, QaEvaluatorCalibration> per_evaluator;
  std::vector<std::int64_t> counts;
  std::size_t raters = 0;
  bool same_raters = true;
  double abs_sum = 0;
  std::int64_t abs_n = 0;
  for (auto& [interaction, group] : by_interaction) {
    std::sort(group.begin(), group.end(),
              [](const Scored& a, const Scored& b) { return a.e->evaluator < b.e->evaluator; });
    for (std::size_t i = 1; i < group.size(); ++i) {
      if (group[i].e->evaluator == group[i - 1].e->evaluator) {
        return make_error(ErrorCode::kConflict, "evaluation.evaluator", group[i].e->evaluator,
                          fmt::format("evaluated interaction {} twice", interaction.value()));
      }
    }
    if (group.size() < 2) {
      return invalid_argument("evaluations", fmt::format("interaction {}", interaction.value()),
                              "calibration needs at least 2 evaluations per interaction, this has 1");
    }
    double target = nan();
    if (options.reference_evaluator) {
      auto ref = std::find_if(group.begin(), group.end(), [&](const Scored& s) {
        return s.e->evaluator == *options.reference_evaluator;
      });
      if (ref == group.end()) {
        return invalid_argument("reference_evaluator", *options.reference_evaluator,
                                fmt::format("did not evaluate interaction {}", interaction.value()));
      }
      target = ref->score;
    } else {
      double sum = 0;
      std::int64_t n = 0;
      for (const auto& s : group) {
        if (!std::isnan(s.score)) sum += s.score, ++n;
      }
      if (n > 0) target = sum / static_cast<double>(n);
    }
    for (const auto& s : group) {
      const double deviation = s.score - target;
      out.rows.push_back({interaction, s.e->evaluator, s.score, target, deviation});
      auto& ev = per_evaluator[s.e->evaluator];
      ev.evaluator = s.e->evaluator;
      if (!std::isnan(deviation)) {
        ev.interactions += 1;
        ev.mean_deviation += deviation;  // sums until divided below
        ev.mean_absolute_deviation += std::abs(deviation);
        abs_sum += std::abs(deviation);
        abs_n += 1;
      }
    }
    // Agreement: one subject per criterion of this interaction.
    if (raters == 0) raters = group.size();
    if (group.size() != raters) same_raters = false;
    for (std::size_t c = 0; c < scorecard.criterion_count() && same_raters; ++c) {
      const std::size_t base = counts.size();
      counts.resize(base + kCategories, 0);
      for (const auto& s : group) counts[base + category_of(s.answers[c], scorecard.criterion(c).scale)] += 1;
    }
  }
  for (auto& [name, ev] : per_evaluator) {
    const double n = static_cast<double>(ev.interactions);
    ev.mean_deviation = ev.interactions ? ev.mean_deviation / n : nan();
    ev.mean_absolute_deviation = ev.interactions ? ev.mean_absolute_deviation / n : nan();
    out.evaluators.push_back(ev);
  }
  out.mean_absolute_deviation = abs_n ? abs_sum / static_cast<double>(abs_n) : nan();
  if (by_interaction.empty()) {
    out.agreement_note = "no evaluations";
  } else if (!same_raters) {
    out.agreement_note = "Fleiss' kappa needs the same number of evaluators on every interaction";
  } else {
    BO_ASSIGN_OR_RETURN(auto kappa, fleiss_kappa(counts, kCategories));
    out.agreement = kappa;
  }
  return out;
}

Table QaCalibration::to_table() const {
  Table t;
  std::vector<std::int64_t> ids;
  std::vector<std::string> names;
  std::vector<double> scores, targets, deviations;
  for (const auto& r : rows) {
    ids.push_back(r.interaction_id.value());
    names.push_back(r.evaluator);
    scores.push_back(r.score);
    targets.push_back(r.target);
    deviations.push_back(r.deviation);
  }
  t.columns = {{"interaction_id", std::move(ids)},
               {"evaluator", std::move(names)},
               {"score", std::move(scores)},
               {"target_score", std::move(targets)},
               {"deviation", std::move(deviations)}};
  add_metadata(t, *this);
  return t;
}

Table QaCalibration::evaluator_table() const {
  Table t;
  std::vector<std::string> names;
  std::vector<std::int64_t> counts;
  std::vector<double> bias, mad;
  for (const auto& e : evaluators) {
    names.push_back(e.evaluator);
    counts.push_back(e.interactions);
    bias.push_back(e.mean_deviation);
    mad.push_back(e.mean_absolute_deviation);
  }
  t.columns = {{"evaluator", std::move(names)},
               {"interactions", std::move(counts)},
               {"mean_deviation", std::move(bias)},
               {"mean_absolute_deviation", std::move(mad)}};
  add_metadata(t, *this);
  return t;
}

}  // namespace backoffice
