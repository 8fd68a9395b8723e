#include "qa_demo.hpp"

#include <backoffice/workflow/qa_calibration.hpp>
#include <backoffice/workflow/qa_report.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <random>
#include <vector>

namespace backoffice::examples {
namespace {

Scorecard demo_scorecard() {
  return Scorecard::create(
             ScorecardId(1), "Inbound service calls",
             {{"Opening",
               {{"greeting", "Greets and gives own name", 5, QaScale::kYesNo, false, false},
                {"verify_identity", "Verifies identity before account details", 15, QaScale::kYesNo, true,
                 true}}},
              {"Resolution",
               {{"accuracy", "Information given is accurate", 30, QaScale::kOneToFive, false, false},
                {"ownership", "Owns the problem to resolution", 20, QaScale::kOneToFive, false, false},
                {"empathy", "Acknowledges the customer's situation", 15, QaScale::kOneToFiveNa, false,
                 false}}},
              {"Closing",
               {{"disclosure", "Reads the recording disclosure", 10, QaScale::kYesNoNa, false, true},
                {"summary", "Summarises next steps", 5, QaScale::kYesNo, false, false}}}})
      .value();  // a fixed, valid template
}

void print_scorecard(const Scorecard& s) {
  fmt::print("Scorecard {} '{}'\n", s.id().value(), s.name());
  for (std::size_t i = 0; i < s.criterion_count(); ++i) {
    const auto& c = s.criterion(i);
    fmt::print("  {:<10} {:<16} weight {:>4}  {:<15}{}{}\n", s.sections()[s.section_of(i)].name, c.id,
               c.weight, to_string(c.scale), c.critical ? " critical" : "",
               c.compliance ? " compliance" : "");
  }
}

QaEvaluation evaluation(const Scorecard& s, std::int64_t call, const char* evaluator,
                        std::array<std::int8_t, 7> answers) {
  QaEvaluation e{EvaluationId(call * 10),
                 s.id(),
                 InteractionId(call),
                 AgentId(call % 3 + 1),
                 evaluator,
                 Instant::from_unix_seconds(1'714'986'000),
                 {}};
  for (std::size_t i = 0; i < answers.size(); ++i) e.answers.emplace_back(s.criterion(i).id, answers[i]);
  return e;
}

int calibration_part(const Scorecard& s) {
  constexpr std::int8_t y = kQaYes, n = kQaNo, na = kQaNa;
  // Three calls, each scored by Ana, Ben and Chloe; Ben is the lenient one.
  const std::vector<QaEvaluation> session{
      evaluation(s, 501, "Ana", {y, y, 4, 3, 3, y, y}),    evaluation(s, 501, "Ben", {y, y, 5, 4, 4, y, y}),
      evaluation(s, 501, "Chloe", {y, y, 4, 3, na, y, n}), evaluation(s, 502, "Ana", {y, n, 3, 3, 2, y, y}),
      evaluation(s, 502, "Ben", {y, y, 4, 4, 3, y, y}),    evaluation(s, 502, "Chloe", {n, n, 3, 2, 2, y, y}),
      evaluation(s, 503, "Ana", {y, y, 5, 4, 4, na, y}),   evaluation(s, 503, "Ben", {y, y, 5, 5, 4, na, y}),
      evaluation(s, 503, "Chloe", {y, y, 4, 4, 4, y, y}),
  };
  auto c = calibrate(session, s);
  if (!c) return fmt::print(stderr, "calibration: {}\n", c.error()), 1;
  fmt::print("\nCalibration: 3 evaluators on the same 3 calls ({})\n{}", c->definition,
             c->to_table().to_text());
  fmt::print("\nPer evaluator (deviation in score points from the call's mean)\n{}",
             c->evaluator_table().to_text());
  if (c->agreement) {
    fmt::print(
        "Fleiss' kappa over {} call x criterion answers by {} evaluators: {:.3f} "
        "(observed agreement {:.3f}, chance {:.3f}); mean absolute deviation {:.1f} points\n",
        c->agreement->subjects, c->agreement->raters, c->agreement->kappa, c->agreement->observed_agreement,
        c->agreement->expected_agreement, c->mean_absolute_deviation);
  }
  return 0;
}

int trend_part(const Scorecard& s) {
  // Four weeks of evaluations for three agents around the end of US daylight
  // time (2024-11-03): agent 2 improves, agent 3 misses identity checks.
  std::mt19937_64 rng(20261126);
  std::vector<std::int64_t> agent, at;
  std::vector<std::int8_t> answers;
  const std::int64_t start = 1'729'468'800'000;  // Mon 2024-10-21T00:00Z
  for (int i = 0; i < 120; ++i) {
    const std::int64_t a = i % 3 + 1;
    const std::int64_t t = start + static_cast<std::int64_t>(rng() % (28ULL * 86'400'000));
    const int week = static_cast<int>((t - start) / (7LL * 86'400'000));
    agent.push_back(a);
    at.push_back(t);
    auto rating = [&](int base) {
      return static_cast<std::int8_t>(std::clamp<int>(base + static_cast<int>(rng() % 3) - 1, 1, 5));
    };
    const int skill = a == 2 ? 2 + week : 4;
    answers.push_back(rng() % 10 ? kQaYes : kQaNo);
    answers.push_back(a == 3 && rng() % 4 == 0 ? kQaNo : kQaYes);
    answers.push_back(rating(skill));
    answers.push_back(rating(skill));
    answers.push_back(rng() % 3 == 0 ? kQaNa : rating(skill));
    answers.push_back(rng() % 5 == 0 ? kQaNo : kQaYes);
    answers.push_back(kQaYes);
  }
  QaReportOptions o;
  o.zone = TimeZone::locate("America/New_York").value();  // in the system tz database
  auto report = qa_report({agent, at, answers}, s, o);
  if (!report) return fmt::print(stderr, "report: {}\n", report.error()), 1;
  Table shown;
  for (const char* name :
       {"agent_id", "interval_start", "evaluations", "qa_score", "raw_qa_score", "mean_evaluation_score",
        "auto_fail_rate", "compliance_rate", "compliance_rate_num", "compliance_rate_den"}) {
    if (const auto* col = report->find(name)) shown.columns.push_back(*col);
  }
  fmt::print("\nAgent QA by week (Monday 00:00 America/New_York; {})\n{}", report->metadata[0].second,
             shown.to_text());
  fmt::print(
      "qa_score = 100 * points earned / points possible over the week (auto-failed "
      "evaluations count 0); compliance_rate = compliance items passed / answered.\n");
  return 0;
}

}  // namespace

int run_qa_demo() {
  fmt::print("\n== Quality assurance ==\n");
  const Scorecard s = demo_scorecard();
  print_scorecard(s);
  if (int rc = calibration_part(s)) return rc;
  return trend_part(s);
}

}  // namespace backoffice::examples
