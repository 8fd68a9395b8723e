// QA scorecards, scores, reports and calibration for backoffice.qa. The
// report and the calibration run without the GIL.

#include "bindings.hpp"

#include "kpi_table.hpp"
#include "table.hpp"

#include <backoffice/workflow/qa_calibration.hpp>
#include <backoffice/workflow/qa_report.hpp>

#include <pybind11/stl.h>

#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace backoffice::python {

namespace {

struct PyQaScorecard {
  std::shared_ptr<const Scorecard> card;
};

// (id, text, weight, scale, critical, compliance)
using CriterionTuple = std::tuple<std::string, std::string, double, std::string, bool, bool>;
using SectionTuple = std::pair<std::string, std::vector<CriterionTuple>>;

QaScoringOptions scoring_of(const std::string& na_policy, bool auto_fail_zeroes_score) {
  QaScoringOptions o;
  o.na_policy = unwrap(parse_qa_na_policy(na_policy));
  o.auto_fail_zeroes_score = auto_fail_zeroes_score;
  return o;
}

// The report options both QA report bindings take (week buckets by default).
QaReportOptions report_options(bool by_agent, const std::string& bucket, const std::string& zone,
                               const std::string& na_policy, bool zero) {
  QaReportOptions o;
  o.scoring = scoring_of(na_policy, zero);
  o.by_agent = by_agent;
  o.bucket = unwrap(parse_time_bucket(bucket.empty() ? "week" : bucket));
  if (!zone.empty()) o.zone = unwrap(TimeZone::locate(zone));
  return o;
}

// A C-contiguous int8 matrix of `rows` x criteria answers.
py::array_t<std::int8_t, py::array::c_style> answer_matrix(const py::object& answers, std::size_t rows,
                                                           std::size_t criteria) {
  auto a = py::array_t<std::int8_t, py::array::c_style | py::array::forcecast>::ensure(answers);
  if (!a || a.ndim() != 2 || static_cast<std::size_t>(a.shape(0)) != rows ||
      static_cast<std::size_t>(a.shape(1)) != criteria) {
    raise(invalid_argument("answers", a ? std::to_string(a.ndim()) + "-d" : "?",
                           "expected an int8 matrix of " + std::to_string(rows) + " x " +
                               std::to_string(criteria) + " answers"));
  }
  return a;
}

py::array_t<std::int64_t, py::array::c_style> int64_array(const py::object& values, const char* name,
                                                          std::size_t rows) {
  auto a = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(values);
  if (!a || a.ndim() != 1 || static_cast<std::size_t>(a.shape(0)) != rows) {
    raise(invalid_argument(name, a ? std::to_string(a.size()) : "?",
                           "expected " + std::to_string(rows) + " int64 values"));
  }
  return a;
}

py::dict fleiss_dict(const FleissKappa& k) {
  py::dict d;
  d["kappa"] = k.kappa;
  d["observed_agreement"] = k.observed_agreement;
  d["expected_agreement"] = k.expected_agreement;
  d["subjects"] = k.subjects;
  d["raters"] = k.raters;
  return d;
}

// Evaluations as numpy columns for backoffice.qa.qa_evaluations: one
// entry per evaluation, and per answer its evaluation's row, its criterion
// as an index into `criteria` (first-seen order) and its code.
py::dict evaluation_columns(const std::vector<QaEvaluation>& evaluations) {
  const std::size_t n = evaluations.size();
  std::size_t answers = 0;
  for (const auto& e : evaluations) answers += e.answers.size();
  py::array_t<std::int64_t> id(n), scorecard(n), interaction(n), agent(n), at(n);
  py::array_t<std::int64_t> row(answers), criterion(answers);
  py::array_t<std::int8_t> code(answers);
  py::list evaluator, criteria;
  std::map<std::string, std::int64_t, std::less<>> index;
  std::size_t a = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& e = evaluations[i];
    id.mutable_at(i) = e.id.value();
    scorecard.mutable_at(i) = e.scorecard_id.value();
    interaction.mutable_at(i) = e.interaction_id.value();
    agent.mutable_at(i) = e.agent_id.value();
    at.mutable_at(i) = e.evaluated_at.unix_ms();
    evaluator.append(e.evaluator);
    for (const auto& [cid, answer] : e.answers) {
      auto [it, added] = index.try_emplace(cid, static_cast<std::int64_t>(index.size()));
      if (added) criteria.append(cid);
      row.mutable_at(a) = static_cast<std::int64_t>(i);
      criterion.mutable_at(a) = it->second;
      code.mutable_at(a) = answer;
      ++a;
    }
  }
  py::dict d;
  d["evaluation_id"] = id;
  d["scorecard_id"] = scorecard;
  d["interaction_id"] = interaction;
  d["agent_id"] = agent;
  d["evaluator"] = evaluator;
  d["evaluated_at_ms"] = at;
  d["answer_row"] = row;
  d["answer_criterion"] = criterion;
  d["answer_code"] = code;
  d["criteria"] = criteria;
  return d;
}

std::optional<Instant> instant_of(std::optional<std::int64_t> ms) {
  return ms ? std::optional<Instant>(Instant::from_unix_ms(*ms)) : std::nullopt;
}

}  // namespace

void bind_workflow_qa(py::module_& m) {
  py::class_<PyQaScorecard>(m, "QaScorecard")
      .def_static("create",
                  [](std::int64_t id, std::string name, const std::vector<SectionTuple>& sections) {
                    std::vector<QaSection> out;
                    for (std::size_t i = 0; i < sections.size(); ++i) {
                      QaSection s{sections[i].first, {}};
                      for (std::size_t j = 0; j < sections[i].second.size(); ++j) {
                        const auto& [cid, text, weight, scale, critical, compliance] = sections[i].second[j];
                        auto field = "scorecard.sections[" + std::to_string(i) + "].criteria[" +
                                     std::to_string(j) + "].scale";
                        s.criteria.push_back(
                            {cid, text, weight, unwrap(parse_qa_scale(scale, field)), critical, compliance});
                      }
                      out.push_back(std::move(s));
                    }
                    auto card = unwrap(Scorecard::create(ScorecardId(id), std::move(name), std::move(out)));
                    return PyQaScorecard{std::make_shared<const Scorecard>(std::move(card))};
                  })
      .def_property_readonly("id", [](const PyQaScorecard& s) { return s.card->id().value(); })
      .def_property_readonly("name", [](const PyQaScorecard& s) { return s.card->name(); })
      .def("criteria",
           [](const PyQaScorecard& s) {
             // (id, section name, weight, scale, critical, compliance) in flat order.
             py::list out;
             for (std::size_t i = 0; i < s.card->criterion_count(); ++i) {
               const auto& c = s.card->criterion(i);
               out.append(py::make_tuple(c.id, s.card->sections()[s.card->section_of(i)].name, c.weight,
                                         std::string(to_string(c.scale)), c.critical, c.compliance));
             }
             return out;
           })
      .def("score", [](const PyQaScorecard& s, const std::vector<std::int8_t>& answers,
                       const std::string& na_policy, bool zero) {
        auto r = unwrap(score_answers(answers, *s.card, scoring_of(na_policy, zero)));
        py::dict d;
        d["score"] = r.score;
        d["raw_score"] = r.raw_score;
        d["points"] = r.points;
        d["reported_points"] = r.reported_points;
        d["possible"] = r.possible;
        d["auto_failed"] = r.auto_failed;
        d["failed_critical"] = r.failed_critical;
        d["compliance_passed"] = r.compliance_passed;
        d["compliance_applicable"] = r.compliance_applicable;
        py::list sections;
        for (const auto& sec : r.sections) {
          sections.append(py::make_tuple(sec.name, sec.points, sec.possible, sec.score()));
        }
        d["sections"] = sections;
        d["definition"] = scoring_of(na_policy, zero).definition();
        return d;
      });

  // Persistence: scorecard templates and evaluations in the store.
  m.def("qa_scorecard_save", [](py::handle store, const PyQaScorecard& card) {
    Status st;
    with_store(store, [&](Store& s) { st = s.put_qa_scorecard(card.card->definition()); });
    check(st);
  });
  m.def("qa_scorecard_load", [](py::handle store, std::int64_t id) {
    std::optional<Result<QaScorecardDefinition>> d;
    with_store(store, [&](Store& s) { d.emplace(s.get_qa_scorecard(ScorecardId(id))); });
    auto card = unwrap(Scorecard::create(unwrap(std::move(*d))));
    return PyQaScorecard{std::make_shared<const Scorecard>(std::move(card))};
  });
  m.def("qa_evaluation_save",
        [](py::handle store, std::int64_t id, std::int64_t scorecard, std::int64_t interaction,
           std::int64_t agent, std::string evaluator, std::int64_t evaluated_at_ms,
           std::vector<std::pair<std::string, std::int8_t>> answers) {
          QaEvaluation e;
          e.id = EvaluationId(id);
          e.scorecard_id = ScorecardId(scorecard);
          e.interaction_id = InteractionId(interaction);
          e.agent_id = AgentId(agent);
          e.evaluator = std::move(evaluator);
          e.evaluated_at = Instant::from_unix_ms(evaluated_at_ms);
          e.answers = std::move(answers);
          Status st;
          with_store(store, [&](Store& s) { st = s.put_qa_evaluation(e); });
          check(st);
        });
  m.def("qa_evaluation_load", [](py::handle store, std::int64_t id) {
    std::optional<Result<QaEvaluation>> e;
    with_store(store, [&](Store& s) { e.emplace(s.get_qa_evaluation(EvaluationId(id))); });
    auto v = unwrap(std::move(*e));
    return py::make_tuple(v.id.value(), v.scorecard_id.value(), v.interaction_id.value(), v.agent_id.value(),
                          v.evaluator, v.evaluated_at.unix_ms(), v.answers);
  });
  m.def("qa_evaluations_query", [](py::handle store, std::optional<std::int64_t> from_ms,
                                   std::optional<std::int64_t> to_ms, std::optional<std::int64_t> agent,
                                   std::optional<std::int64_t> scorecard) {
    QaEvaluationQuery q{instant_of(from_ms), instant_of(to_ms), std::nullopt, std::nullopt};
    if (agent) q.agent = AgentId(*agent);
    if (scorecard) q.scorecard = ScorecardId(*scorecard);
    std::optional<Result<std::vector<QaEvaluation>>> rows;
    with_store(store, [&](Store& s) { rows.emplace(s.qa_evaluations(q)); });
    return evaluation_columns(unwrap(std::move(*rows)));
  });
  // The report of the stored evaluations of one stored scorecard, read as
  // columns and scored without the GIL.
  m.def("qa_report_store", [](py::handle store, std::int64_t scorecard, std::optional<std::int64_t> from_ms,
                              std::optional<std::int64_t> to_ms, bool by_agent, const std::string& bucket,
                              const std::string& zone, const std::string& na_policy, bool zero) {
    const QaReportOptions o = report_options(by_agent, bucket, zone, na_policy, zero);
    const QaEvaluationQuery q{instant_of(from_ms), instant_of(to_ms), std::nullopt, ScorecardId(scorecard)};
    std::optional<Result<Table>> out;
    with_store(store, [&](Store& s) {
      out.emplace([&]() -> Result<Table> {
        BO_ASSIGN_OR_RETURN(auto definition, s.get_qa_scorecard(ScorecardId(scorecard)));
        BO_ASSIGN_OR_RETURN(auto card, Scorecard::create(std::move(definition)));
        BO_ASSIGN_OR_RETURN(auto columns, s.qa_evaluation_columns(q));
        return qa_report(columns, card, o);
      }());
    });
    return report_result(std::make_shared<capi::Table>(capi::report_table(unwrap(std::move(*out)))));
  });

  m.def("qa_report", [](const PyQaScorecard& s, const py::object& agent, const py::object& at,
                        const py::object& answers, bool by_agent, const std::string& bucket,
                        const std::string& zone, const std::string& na_policy, bool zero) {
    const QaReportOptions o = report_options(by_agent, bucket, zone, na_policy, zero);
    const auto agents = int64_array(agent, "agent_id", static_cast<std::size_t>(py::len(agent)));
    const std::size_t n = static_cast<std::size_t>(agents.shape(0));
    const auto instants = int64_array(at, "evaluated_at", n);
    const auto matrix = answer_matrix(answers, n, s.card->criterion_count());
    QaEvaluationView v{
        {agents.data(), n}, {instants.data(), n}, {matrix.data(), n * s.card->criterion_count()}};
    std::optional<Result<Table>> out;
    {
      py::gil_scoped_release release;
      out.emplace(qa_report(v, *s.card, o));
    }
    return report_result(std::make_shared<capi::Table>(capi::report_table(unwrap(std::move(*out)))));
  });

  m.def("qa_calibration", [](const PyQaScorecard& s, const py::object& interaction,
                             const std::vector<std::string>& evaluators, const py::object& answers,
                             std::optional<std::string> reference, const std::string& na_policy, bool zero) {
    const std::size_t n = evaluators.size();
    const auto ids = int64_array(interaction, "interaction_id", n);
    const std::size_t k = s.card->criterion_count();
    const auto matrix = answer_matrix(answers, n, k);
    QaCalibrationOptions o;
    o.scoring = scoring_of(na_policy, zero);
    o.reference_evaluator = std::move(reference);
    std::vector<QaEvaluation> evals(n);
    for (std::size_t i = 0; i < n; ++i) {
      auto& e = evals[i];
      e.id = EvaluationId(static_cast<std::int64_t>(i));
      e.scorecard_id = s.card->id();
      e.interaction_id = InteractionId(ids.data()[i]);
      e.evaluator = evaluators[i];
      for (std::size_t c = 0; c < k; ++c)
        e.answers.emplace_back(s.card->criterion(c).id, matrix.data()[i * k + c]);
    }
    std::optional<Result<QaCalibration>> out;
    {
      py::gil_scoped_release release;
      out.emplace(calibrate(evals, *s.card, o));
    }
    auto c = unwrap(std::move(*out));
    py::object agreement = c.agreement ? py::object(fleiss_dict(*c.agreement)) : py::object(py::none());
    return py::make_tuple(
        report_result(std::make_shared<capi::Table>(capi::report_table(c.to_table()))),
        report_result(std::make_shared<capi::Table>(capi::report_table(c.evaluator_table()))), agreement,
        c.agreement_note, c.mean_absolute_deviation, c.definition);
  });

  m.def("fleiss_kappa", [](const py::object& counts) {
    auto a = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(counts);
    if (!a || a.ndim() != 2)
      raise(invalid_argument("counts", "?", "expected a 2-d matrix subjects x categories"));
    const auto k = static_cast<std::size_t>(a.shape(1));
    return fleiss_dict(unwrap(fleiss_kappa({a.data(), static_cast<std::size_t>(a.size())}, k)));
  });
}

}  // namespace backoffice::python
