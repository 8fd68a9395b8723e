// QA scorecards, scores, reports and calibration at the C boundary.

#include "boundary.hpp"
#include "column_readers.hpp"
#include "handles.hpp"
#include "kpi_table.hpp"

#include <backoffice/workflow/qa_calibration.hpp>
#include <backoffice/workflow/qa_report.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

// The template as added so far, and the validated Scorecard built from it
// on first use (rebuilt after any change), so errors in weights or ids are
// reported with their place in the template.
struct bo_qa_scorecard {
  backoffice::ScorecardId id;
  std::string name;
  std::vector<backoffice::QaSection> sections;
  std::optional<backoffice::Scorecard> built;
};

using backoffice::capi::fail;
using backoffice::capi::guarded;

namespace {

constexpr std::size_t kQaOptionsV1Size = offsetof(bo_qa_options_t, auto_fail_zeroes_score) + sizeof(int32_t);

backoffice::Result<backoffice::QaScoringOptions> options_of(const bo_qa_options_t* given) {
  using backoffice::invalid_argument;
  bo_qa_options_t o;
  bo_qa_options_init(&o);
  if (given != nullptr) {
    if (given->struct_size < kQaOptionsV1Size) {
      return invalid_argument("options.struct_size", std::to_string(given->struct_size),
                              "call bo_qa_options_init() first");
    }
    std::memcpy(&o, given, std::min(given->struct_size, sizeof o));
  }
  backoffice::QaScoringOptions out;
  if (o.na_policy == BO_QA_NA_EXCLUDE) {
    out.na_policy = backoffice::QaNaPolicy::kExclude;
  } else if (o.na_policy == BO_QA_NA_FULL_MARKS) {
    out.na_policy = backoffice::QaNaPolicy::kFullMarks;
  } else {
    return invalid_argument("options.na_policy", std::to_string(o.na_policy),
                            "expected BO_QA_NA_EXCLUDE or BO_QA_NA_FULL_MARKS");
  }
  out.auto_fail_zeroes_score = o.auto_fail_zeroes_score != 0;
  return out;
}

backoffice::Result<const backoffice::Scorecard*> built(bo_qa_scorecard* s) {
  if (!s->built) {
    BO_ASSIGN_OR_RETURN(auto card, backoffice::Scorecard::create(s->id, s->name, s->sections));
    s->built.emplace(std::move(card));
  }
  return &*s->built;
}

std::string or_empty(const char* s) { return s == nullptr ? std::string() : std::string(s); }

backoffice::Result<backoffice::QaReportOptions> report_options(int32_t by_agent, const char* bucket,
                                                              const char* time_zone,
                                                              const bo_qa_options_t* options) {
  backoffice::QaReportOptions ro;
  BO_ASSIGN_OR_RETURN(ro.scoring, options_of(options));
  ro.by_agent = by_agent != 0;
  if (bucket != nullptr && *bucket != '\0') {
    BO_ASSIGN_OR_RETURN(ro.bucket, backoffice::parse_time_bucket(bucket));
  }
  if (time_zone != nullptr && *time_zone != '\0') {
    BO_ASSIGN_OR_RETURN(ro.zone, backoffice::TimeZone::locate(time_zone));
  }
  return ro;
}

// Evaluations in long form, one row per answer (bo_store_qa_evaluations).
backoffice::capi::Table evaluations_table(const std::vector<backoffice::QaEvaluation>& evaluations) {
  using backoffice::capi::ColumnType;
  std::size_t rows = 0;
  for (const auto& e : evaluations) rows += e.answers.size();
  std::vector<std::int64_t> id, scorecard, interaction, agent, at, code;
  backoffice::capi::StringColumnBuilder evaluator, criterion;
  for (const auto& e : evaluations) {
    for (const auto& [criterion_id, answer] : e.answers) {
      id.push_back(e.id.value());
      scorecard.push_back(e.scorecard_id.value());
      interaction.push_back(e.interaction_id.value());
      agent.push_back(e.agent_id.value());
      evaluator.append(e.evaluator);
      at.push_back(e.evaluated_at.unix_ms());
      criterion.append(criterion_id);
      code.push_back(answer);
    }
  }
  backoffice::capi::Table t(rows);
  using backoffice::capi::int64_column;
  using backoffice::capi::must_add;
  must_add(t, int64_column("evaluation_id", ColumnType::kInt64, std::move(id)));
  must_add(t, int64_column("scorecard_id", ColumnType::kInt64, std::move(scorecard)));
  must_add(t, int64_column("interaction_id", ColumnType::kInt64, std::move(interaction)));
  must_add(t, int64_column("agent_id", ColumnType::kInt64, std::move(agent)));
  must_add(t, std::move(evaluator).finish("evaluator"));
  must_add(t, int64_column("evaluated_at", ColumnType::kInstant, std::move(at)));
  must_add(t, std::move(criterion).finish("criterion_id"));
  must_add(t, int64_column("answer", ColumnType::kInt64, std::move(code)));
  return t;
}

std::optional<std::int64_t> optional_value(int64_t v) {
  if (v == BO_NULL_INT64) return std::nullopt;
  return v;
}

}  // namespace

extern "C" {

bo_status bo_qa_options_init(bo_qa_options_t* options) {
  if (options == nullptr) return backoffice::capi::null_argument("options");
  std::memset(options, 0, sizeof *options);
  options->struct_size = sizeof *options;
  options->na_policy = BO_QA_NA_EXCLUDE;
  options->auto_fail_zeroes_score = 1;
  return BO_OK;
}

bo_status bo_qa_scorecard_create(bo_qa_scorecard_t** out, int64_t id, const char* name) {
  return guarded([&] {
    BO_REQUIRE(out);
    *out = new bo_qa_scorecard{backoffice::ScorecardId(id), or_empty(name), {}, std::nullopt};
    return BO_OK;
  });
}

void bo_qa_scorecard_destroy(bo_qa_scorecard_t* scorecard) { delete scorecard; }

bo_status bo_qa_scorecard_add_section(bo_qa_scorecard_t* scorecard, const char* name) {
  return guarded([&] {
    BO_REQUIRE(scorecard);
    scorecard->sections.push_back({or_empty(name), {}});
    scorecard->built.reset();
    return BO_OK;
  });
}

bo_status bo_qa_scorecard_add_criterion(bo_qa_scorecard_t* scorecard, const char* id, const char* text,
                                        double weight, bo_qa_scale scale, uint32_t flags) {
  return guarded([&] {
    BO_REQUIRE(scorecard);
    BO_REQUIRE(id);
    using backoffice::invalid_argument;
    if (scorecard->sections.empty()) {
      return fail(invalid_argument("section", id, "add a section before its criteria"));
    }
    if (scale < BO_QA_SCALE_YES_NO || scale > BO_QA_SCALE_ONE_TO_FIVE_NA) {
      return fail(invalid_argument("scale", std::to_string(scale), "expected a BO_QA_SCALE_* value"));
    }
    if ((flags & ~(BO_QA_CRITICAL | BO_QA_COMPLIANCE)) != 0) {
      return fail(
          invalid_argument("flags", std::to_string(flags), "expected BO_QA_CRITICAL | BO_QA_COMPLIANCE"));
    }
    scorecard->sections.back().criteria.push_back(
        {id, or_empty(text), weight, static_cast<backoffice::QaScale>(scale), (flags & BO_QA_CRITICAL) != 0,
         (flags & BO_QA_COMPLIANCE) != 0});
    scorecard->built.reset();
    return BO_OK;
  });
}

bo_status bo_qa_scorecard_criterion_count(size_t* out, bo_qa_scorecard_t* scorecard) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(scorecard);
    auto s = built(scorecard);
    if (!s) return fail(s.error());
    *out = (*s)->criterion_count();
    return BO_OK;
  });
}

bo_status bo_qa_score_evaluation(bo_qa_score_t* out, bo_qa_scorecard_t* scorecard, const int8_t* answers, size_t count,
                      const bo_qa_options_t* options) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(scorecard);
    if (count > 0) BO_REQUIRE(answers);
    auto s = built(scorecard);
    if (!s) return fail(s.error());
    auto o = options_of(options);
    if (!o) return fail(o.error());
    auto r = backoffice::score_answers({answers, count}, **s, *o);
    if (!r) return fail(r.error());
    out->score = r->score;
    out->raw_score = r->raw_score;
    out->points = r->points;
    out->reported_points = r->reported_points;
    out->possible = r->possible;
    out->auto_failed = r->auto_failed ? 1 : 0;
    out->compliance_passed = r->compliance_passed;
    out->compliance_applicable = r->compliance_applicable;
    return BO_OK;
  });
}

bo_status bo_qa_report(bo_table_t** out, bo_qa_scorecard_t* scorecard, const int64_t* agent_id,
                       const int64_t* evaluated_at_ms, const int8_t* answers, size_t evaluations,
                       int32_t by_agent, const char* bucket, const char* time_zone,
                       const bo_qa_options_t* options) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(scorecard);
    auto s = built(scorecard);
    if (!s) return fail(s.error());
    const std::size_t k = (*s)->criterion_count();
    if (evaluations > 0) {
      BO_REQUIRE(agent_id);
      BO_REQUIRE(evaluated_at_ms);
      BO_REQUIRE(answers);
    }
    auto ro = report_options(by_agent, bucket, time_zone, options);
    if (!ro) return fail(ro.error());
    backoffice::QaEvaluationView v{
        {agent_id, evaluations}, {evaluated_at_ms, evaluations}, {answers, evaluations * k}};
    auto t = backoffice::qa_report(v, **s, *ro);
    if (!t) return fail(t.error());
    *out = new bo_table{backoffice::capi::report_table(std::move(t).value())};
    return BO_OK;
  });
}

bo_status bo_qa_calibration(bo_table_t** out_rows, bo_table_t** out_evaluators, double* out_kappa,
                            bo_qa_scorecard_t* scorecard, const int64_t* interaction_id,
                            const char* const* evaluator, const int8_t* answers, size_t evaluations,
                            const char* reference_evaluator, const bo_qa_options_t* options) {
  return guarded([&] {
    BO_REQUIRE(scorecard);
    if (evaluations > 0) {
      BO_REQUIRE(interaction_id);
      BO_REQUIRE(evaluator);
      BO_REQUIRE(answers);
    }
    auto s = built(scorecard);
    if (!s) return fail(s.error());
    const backoffice::Scorecard& card = **s;
    backoffice::QaCalibrationOptions co;
    auto o = options_of(options);
    if (!o) return fail(o.error());
    co.scoring = *o;
    if (reference_evaluator != nullptr) co.reference_evaluator = reference_evaluator;
    const std::size_t k = card.criterion_count();
    std::vector<backoffice::QaEvaluation> evals(evaluations);
    for (std::size_t i = 0; i < evaluations; ++i) {
      if (evaluator[i] == nullptr) return backoffice::capi::null_argument("evaluator[i]");
      auto& e = evals[i];
      e.id = backoffice::EvaluationId(static_cast<std::int64_t>(i));
      e.scorecard_id = card.id();
      e.interaction_id = backoffice::InteractionId(interaction_id[i]);
      e.evaluator = evaluator[i];
      e.answers.reserve(k);
      for (std::size_t c = 0; c < k; ++c) e.answers.emplace_back(card.criterion(c).id, answers[i * k + c]);
    }
    auto r = backoffice::calibrate(evals, card, co);
    if (!r) return fail(r.error());
    // Build both before handing either out, so a failure leaks nothing.
    std::optional<bo_table> rows, per_evaluator;
    if (out_rows != nullptr) rows.emplace(bo_table{backoffice::capi::report_table(r->to_table())});
    if (out_evaluators != nullptr) {
      per_evaluator.emplace(bo_table{backoffice::capi::report_table(r->evaluator_table())});
    }
    if (out_kappa != nullptr) *out_kappa = r->agreement ? r->agreement->kappa : std::nan("");
    if (rows) *out_rows = new bo_table{std::move(*rows)};
    if (per_evaluator) *out_evaluators = new bo_table{std::move(*per_evaluator)};
    return BO_OK;
  });
}

bo_status bo_store_put_qa_scorecard(bo_store_t* store, const bo_qa_scorecard_t* scorecard) {
  return guarded([&] {
    BO_REQUIRE(store);
    BO_REQUIRE(scorecard);
    auto st = store->store.put_qa_scorecard({scorecard->id, scorecard->name, scorecard->sections});
    if (!st.ok()) return fail(st.error());
    return BO_OK;
  });
}

bo_status bo_store_get_qa_scorecard(bo_qa_scorecard_t** out, const bo_store_t* store, int64_t scorecard_id) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(store);
    auto d = store->store.get_qa_scorecard(backoffice::ScorecardId(scorecard_id));
    if (!d) return fail(d.error());
    *out = new bo_qa_scorecard{d->id, std::move(d->name), std::move(d->sections), std::nullopt};
    return BO_OK;
  });
}

bo_status bo_store_put_qa_evaluation(bo_store_t* store, const bo_qa_evaluation_t* evaluation) {
  return guarded([&] {
    BO_REQUIRE(store);
    BO_REQUIRE(evaluation);
    BO_REQUIRE(evaluation->evaluator);
    if (evaluation->answer_count > 0) {
      BO_REQUIRE(evaluation->criterion_ids);
      BO_REQUIRE(evaluation->answers);
    }
    backoffice::QaEvaluation e;
    e.id = backoffice::EvaluationId(evaluation->id);
    e.scorecard_id = backoffice::ScorecardId(evaluation->scorecard_id);
    e.interaction_id = backoffice::InteractionId(evaluation->interaction_id);
    e.agent_id = backoffice::AgentId(evaluation->agent_id);
    e.evaluator = evaluation->evaluator;
    e.evaluated_at = backoffice::Instant::from_unix_ms(evaluation->evaluated_at_ms);
    e.answers.reserve(evaluation->answer_count);
    for (std::size_t i = 0; i < evaluation->answer_count; ++i) {
      if (evaluation->criterion_ids[i] == nullptr) return backoffice::capi::null_argument("criterion_ids[i]");
      e.answers.emplace_back(evaluation->criterion_ids[i], evaluation->answers[i]);
    }
    auto st = store->store.put_qa_evaluation(e);
    if (!st.ok()) return fail(st.error());
    return BO_OK;
  });
}

bo_status bo_store_qa_evaluations(bo_table_t** out, const bo_store_t* store, int64_t from_unix_ms,
                                  int64_t to_unix_ms, int64_t agent_id, int64_t scorecard_id) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(store);
    backoffice::QaEvaluationQuery q;
    if (auto v = optional_value(from_unix_ms)) q.from = backoffice::Instant::from_unix_ms(*v);
    if (auto v = optional_value(to_unix_ms)) q.to = backoffice::Instant::from_unix_ms(*v);
    if (auto v = optional_value(agent_id)) q.agent = backoffice::AgentId(*v);
    if (auto v = optional_value(scorecard_id)) q.scorecard = backoffice::ScorecardId(*v);
    auto rows = store->store.qa_evaluations(q);
    if (!rows) return fail(rows.error());
    *out = new bo_table{evaluations_table(*rows)};
    return BO_OK;
  });
}

bo_status bo_store_get_qa_evaluation(bo_table_t** out, const bo_store_t* store, int64_t evaluation_id) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(store);
    auto e = store->store.get_qa_evaluation(backoffice::EvaluationId(evaluation_id));
    if (!e) return fail(e.error());
    *out = new bo_table{evaluations_table({*e})};
    return BO_OK;
  });
}

bo_status bo_store_qa_report(bo_table_t** out, const bo_store_t* store, int64_t scorecard_id,
                             int64_t from_unix_ms, int64_t to_unix_ms, int32_t by_agent, const char* bucket,
                             const char* time_zone, const bo_qa_options_t* options) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(store);
    auto ro = report_options(by_agent, bucket, time_zone, options);
    if (!ro) return fail(ro.error());
    auto definition = store->store.get_qa_scorecard(backoffice::ScorecardId(scorecard_id));
    if (!definition) return fail(definition.error());
    auto card = backoffice::Scorecard::create(std::move(definition).value());
    if (!card) return fail(card.error());
    backoffice::QaEvaluationQuery q;
    q.scorecard = card->id();
    if (auto v = optional_value(from_unix_ms)) q.from = backoffice::Instant::from_unix_ms(*v);
    if (auto v = optional_value(to_unix_ms)) q.to = backoffice::Instant::from_unix_ms(*v);
    auto columns = store->store.qa_evaluation_columns(q);
    if (!columns) return fail(columns.error());
    auto t = backoffice::qa_report(*columns, *card, *ro);
    if (!t) return fail(t.error());
    *out = new bo_table{backoffice::capi::report_table(std::move(t).value())};
    return BO_OK;
  });
}

}  // extern "C"
