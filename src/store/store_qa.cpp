// QA scorecards and evaluations.
#include <backoffice/store/store.hpp>

#include <backoffice/domain/qa_evaluation.hpp>

#include "store/store_impl.hpp"
#include "store/store_ingest.hpp"

#include <fmt/format.h>

#include <limits>
#include <tuple>

namespace backoffice {
namespace {

using store_detail::Statement;
using store_detail::WhereBuilder;

constexpr std::string_view kReadScorecard =
    "SELECT s.name, c.section_index, c.section_name, c.criterion_id, c.text, c.weight, c.scale, c.critical, "
    "c.compliance FROM qa_scorecards s LEFT JOIN qa_scorecard_criteria c ON c.scorecard_id = s.id "
    "WHERE s.id = ?1 ORDER BY c.position";

// The stored definition, or nullopt when there is no scorecard `id`.
Result<std::optional<QaScorecardDefinition>> read_scorecard(Store::Impl& impl, ScorecardId id) {
  BO_ASSIGN_OR_RETURN(auto* st, impl.statement(kReadScorecard));
  st->bind(1, id.value());
  std::optional<QaScorecardDefinition> out;
  std::int64_t section = -1;
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool row, st->step());
    if (!row) break;
    if (!out) out.emplace(QaScorecardDefinition{id, std::string(st->text(0)), {}});
    if (st->is_null(1)) continue;  // a scorecard row without criteria: never written by put
    if (st->int64(1) != section) {
      section = st->int64(1);
      out->sections.push_back({std::string(st->text(2)), {}});
    }
    QaCriterion c;
    c.id = std::string(st->text(3));
    c.text = std::string(st->text(4));
    c.weight = st->real(5);
    BO_ASSIGN_OR_RETURN(c.scale, parse_qa_scale(st->text(6), "qa_scorecard.scale"));
    c.critical = st->int64(7) != 0;
    c.compliance = st->int64(8) != 0;
    out->sections.back().criteria.push_back(std::move(c));
  }
  return out;
}

// What scoring reads from a template: which section each criterion is in,
// its id, weight, scale and flags, in flat order. Names and texts are not in it.
auto scoring_shape(const QaScorecardDefinition& d) {
  std::vector<std::tuple<std::size_t, std::string_view, double, QaScale, bool, bool>> out;
  for (std::size_t i = 0; i < d.sections.size(); ++i) {
    for (const auto& c : d.sections[i].criteria)
      out.emplace_back(i, c.id, c.weight, c.scale, c.critical, c.compliance);
  }
  return out;
}

Status write_scorecard(Store::Impl& impl, const QaScorecardDefinition& d) {
  BO_ASSIGN_OR_RETURN(auto* put, impl.statement("INSERT INTO qa_scorecards (id, name) VALUES (?1, ?2) "
                                                "ON CONFLICT (id) DO UPDATE SET name = excluded.name"));
  put->bind(1, d.id.value());
  put->bind(2, std::string_view(d.name));
  BO_RETURN_IF_ERROR(put->run());
  BO_ASSIGN_OR_RETURN(auto* del, impl.statement("DELETE FROM qa_scorecard_criteria WHERE scorecard_id = ?1"));
  del->bind(1, d.id.value());
  BO_RETURN_IF_ERROR(del->run());
  BO_ASSIGN_OR_RETURN(
      auto* ins,
      impl.statement(
          "INSERT INTO qa_scorecard_criteria (scorecard_id, position, section_index, section_name, "
          "criterion_id, text, weight, scale, critical, compliance) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
  std::int64_t position = 0;
  for (std::size_t i = 0; i < d.sections.size(); ++i) {
    for (const auto& c : d.sections[i].criteria) {
      ins->bind(1, d.id.value());
      ins->bind(2, position++);
      ins->bind(3, static_cast<std::int64_t>(i));
      ins->bind(4, std::string_view(d.sections[i].name));
      ins->bind(5, std::string_view(c.id));
      ins->bind(6, std::string_view(c.text));
      ins->bind(7, c.weight);
      ins->bind(8, to_string(c.scale));
      ins->bind(9, c.critical);
      ins->bind(10, c.compliance);
      BO_RETURN_IF_ERROR(ins->run());
    }
  }
  return Status::Ok();
}

// An upsert, not INSERT OR REPLACE: REPLACE deletes the old row first, and
// the delete would cascade to the evaluation's answers mid-statement.
constexpr std::string_view kPutEvaluation =
    "INSERT INTO qa_evaluations (id, scorecard_id, interaction_id, agent_id, evaluator, evaluated_ms) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
    "ON CONFLICT (id) DO UPDATE SET scorecard_id = excluded.scorecard_id, "
    "interaction_id = excluded.interaction_id, agent_id = excluded.agent_id, evaluator = excluded.evaluator, "
    "evaluated_ms = excluded.evaluated_ms";

// The error for a failed insert: the reference it named, or `failure` when
// all exist (the store itself failed).
Status diagnose(Store::Impl& impl, const QaEvaluation& e, const Error& failure) {
  using store_detail::row_exists;
  BO_ASSIGN_OR_RETURN(bool interaction,
                      row_exists(impl, "SELECT 1 FROM interactions WHERE id = ?1", e.interaction_id.value()));
  if (!interaction) {
    return validation_error("qa_evaluation.interaction", std::to_string(e.interaction_id.value()),
                            "unknown interaction");
  }
  BO_ASSIGN_OR_RETURN(bool agent, row_exists(impl, "SELECT 1 FROM agents WHERE id = ?1", e.agent_id.value()));
  if (!agent)
    return validation_error("qa_evaluation.agent", std::to_string(e.agent_id.value()), "unknown agent");
  return failure;
}

Status write_evaluation(Store::Impl& impl, const QaEvaluation& e) {
  BO_ASSIGN_OR_RETURN(auto* st, impl.statement(kPutEvaluation));
  st->bind(1, e.id.value());
  st->bind(2, e.scorecard_id.value());
  st->bind(3, e.interaction_id.value());
  st->bind(4, e.agent_id.value());
  st->bind(5, std::string_view(e.evaluator));
  st->bind(6, e.evaluated_at.unix_ms());
  if (auto s = st->run(); !s.ok()) {
    if (!store_detail::is_constraint_failure(s.error())) return s;
    return diagnose(impl, e, s.error());
  }
  BO_ASSIGN_OR_RETURN(auto* del, impl.statement("DELETE FROM qa_answers WHERE evaluation_id = ?1"));
  del->bind(1, e.id.value());
  BO_RETURN_IF_ERROR(del->run());
  BO_ASSIGN_OR_RETURN(
      auto* ins,
      impl.statement(
          "INSERT INTO qa_answers (evaluation_id, position, criterion_id, code) VALUES (?1, ?2, ?3, ?4)"));
  for (std::size_t i = 0; i < e.answers.size(); ++i) {
    ins->bind(1, e.id.value());
    ins->bind(2, static_cast<std::int64_t>(i));
    ins->bind(3, std::string_view(e.answers[i].first));
    ins->bind(4, static_cast<std::int64_t>(e.answers[i].second));
    BO_RETURN_IF_ERROR(ins->run());
  }
  return Status::Ok();
}

constexpr std::string_view kEvaluationColumns =
    "SELECT e.id, e.scorecard_id, e.interaction_id, e.agent_id, e.evaluator, e.evaluated_ms, a.criterion_id, "
    "a.code FROM qa_evaluations e LEFT JOIN qa_answers a ON a.evaluation_id = e.id";
constexpr std::string_view kEvaluationOrder = " ORDER BY e.evaluated_ms, e.id, a.position";

// Evaluations from kEvaluationColumns rows, one row per answer, grouped by
// evaluation (the ORDER BY keeps an evaluation's rows together).
Result<std::vector<QaEvaluation>> read_evaluations(Statement& st) {
  std::vector<QaEvaluation> out;
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    const EvaluationId id(st.int64(0));
    if (out.empty() || out.back().id != id) {
      QaEvaluation e;
      e.id = id;
      e.scorecard_id = ScorecardId(st.int64(1));
      e.interaction_id = InteractionId(st.int64(2));
      e.agent_id = AgentId(st.int64(3));
      e.evaluator = std::string(st.text(4));
      e.evaluated_at = Instant::from_unix_ms(st.int64(5));
      out.push_back(std::move(e));
    }
    if (!st.is_null(6)) {
      out.back().answers.emplace_back(std::string(st.text(6)), static_cast<std::int8_t>(st.int64(7)));
    }
  }
  return out;
}

}  // namespace

Status Store::put_qa_scorecard(const QaScorecardDefinition& d) {
  BO_RETURN_IF_ERROR(d.validate());
  BO_ASSIGN_OR_RETURN(auto tx, store_detail::Transaction::begin(impl_->db));
  BO_ASSIGN_OR_RETURN(
      bool used, store_detail::row_exists(
                     *impl_, "SELECT 1 FROM qa_evaluations WHERE scorecard_id = ?1 LIMIT 1", d.id.value()));
  if (used) {
    BO_ASSIGN_OR_RETURN(auto stored, read_scorecard(*impl_, d.id));
    if (stored && scoring_shape(*stored) != scoring_shape(d)) {
      return make_error(ErrorCode::kConflict, "scorecard.sections", std::to_string(d.id.value()),
                        "evaluations refer to this scorecard: only names and texts may change; store a new "
                        "version under a new id");
    }
  }
  BO_RETURN_IF_ERROR(write_scorecard(*impl_, d));
  BO_RETURN_IF_ERROR(
      impl_->notify("put", "qa_scorecard", std::to_string(d.id.value()), 1, [&] { return to_string(d); }));
  return tx.commit();
}

Result<QaScorecardDefinition> Store::get_qa_scorecard(ScorecardId id) const {
  BO_ASSIGN_OR_RETURN(auto d, read_scorecard(*impl_, id));
  if (!d) return store_detail::not_found("qa_scorecard", id);
  return std::move(*d);
}

Status Store::put_qa_evaluation(const QaEvaluation& e) {
  BO_RETURN_IF_ERROR(e.validate());
  // The scorecard is read inside the write transaction, so the answers are
  // checked against the template the evaluation is stored beside.
  BO_ASSIGN_OR_RETURN(auto tx, store_detail::Transaction::begin(impl_->db));
  BO_ASSIGN_OR_RETURN(auto card, read_scorecard(*impl_, e.scorecard_id));
  if (!card) {
    return validation_error("qa_evaluation.scorecard", std::to_string(e.scorecard_id.value()),
                            "unknown scorecard: put_qa_scorecard first");
  }
  BO_RETURN_IF_ERROR(check_against(e, *card));
  BO_RETURN_IF_ERROR(write_evaluation(*impl_, e));
  BO_RETURN_IF_ERROR(
      impl_->notify("put", "qa_evaluation", std::to_string(e.id.value()), 1, [&] { return to_string(e); }));
  return tx.commit();
}

Result<QaEvaluation> Store::get_qa_evaluation(EvaluationId id) const {
  static const std::string sql = fmt::format("{} WHERE e.id = ?1 ORDER BY a.position", kEvaluationColumns);
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(sql));
  st->bind(1, id.value());
  BO_ASSIGN_OR_RETURN(auto rows, read_evaluations(*st));
  if (rows.empty()) return store_detail::not_found("qa_evaluation", id);
  return std::move(rows.front());
}

Result<std::vector<QaEvaluation>> Store::qa_evaluations(const QaEvaluationQuery& q) const {
  std::string sql(kEvaluationColumns);
  WhereBuilder where(sql);
  where.add(q.from.has_value(), "e.evaluated_ms >= ?1");
  where.add(q.to.has_value(), "e.evaluated_ms < ?2");
  where.add(q.agent.has_value(), "e.agent_id = ?3");
  where.add(q.scorecard.has_value(), "e.scorecard_id = ?4");
  sql += kEvaluationOrder;
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(sql));
  if (q.from) st->bind(1, q.from->unix_ms());
  if (q.to) st->bind(2, q.to->unix_ms());
  if (q.agent) st->bind(3, q.agent->value());
  if (q.scorecard) st->bind(4, q.scorecard->value());
  return read_evaluations(*st);
}

Result<QaEvaluationColumns> Store::qa_evaluation_columns(const QaEvaluationQuery& q) const {
  if (!q.scorecard) {
    return invalid_argument("query.scorecard", "",
                            "the columns are in one scorecard's criterion order: name it");
  }
  QaEvaluationColumns out;
  out.scorecard_id = *q.scorecard;
  BO_ASSIGN_OR_RETURN(auto* count, impl_->statement("SELECT count(c.position) FROM qa_scorecards s LEFT JOIN "
                                                    "qa_scorecard_criteria c ON c.scorecard_id = s.id "
                                                    "WHERE s.id = ?1 GROUP BY s.id"));
  count->bind(1, q.scorecard->value());
  BO_ASSIGN_OR_RETURN(bool found, count->step());
  if (!found) return store_detail::not_found("qa_scorecard", *q.scorecard);
  out.criteria = static_cast<std::size_t>(count->int64(0));
  const std::size_t k = out.criteria;

  // Each answer finds its flat position through the scorecard's criterion
  // ids, so the columns need no per-evaluation object.
  std::string sql(
      "SELECT e.id, e.interaction_id, e.agent_id, e.evaluated_ms, c.position, a.code FROM qa_evaluations e "
      "JOIN qa_answers a ON a.evaluation_id = e.id "
      "JOIN qa_scorecard_criteria c ON c.scorecard_id = e.scorecard_id AND c.criterion_id = a.criterion_id");
  WhereBuilder where(sql);
  where.add(true, "e.scorecard_id = ?4");
  where.add(q.from.has_value(), "e.evaluated_ms >= ?1");
  where.add(q.to.has_value(), "e.evaluated_ms < ?2");
  where.add(q.agent.has_value(), "e.agent_id = ?3");
  sql += " ORDER BY e.evaluated_ms, e.id";
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(sql));
  if (q.from) st->bind(1, q.from->unix_ms());
  if (q.to) st->bind(2, q.to->unix_ms());
  if (q.agent) st->bind(3, q.agent->value());
  st->bind(4, q.scorecard->value());
  constexpr std::int8_t kUnset = std::numeric_limits<std::int8_t>::min();
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool row, st->step());
    if (!row) break;
    const std::int64_t id = st->int64(0);
    if (out.id.empty() || out.id.back() != id) {
      out.id.push_back(id);
      out.interaction_id.push_back(st->int64(1));
      out.agent_id.push_back(st->int64(2));
      out.evaluated_at_ms.push_back(st->int64(3));
      out.answers.resize(out.answers.size() + k, kUnset);
    }
    const auto position = static_cast<std::size_t>(st->int64(4));
    if (position < k)
      out.answers[(out.id.size() - 1) * k + position] = static_cast<std::int8_t>(st->int64(5));
  }
  // put_qa_evaluation and put_qa_scorecard keep every stored evaluation
  // answering each criterion once; a gap means the file was edited by hand.
  for (std::size_t i = 0; i < out.answers.size(); ++i) {
    if (out.answers[i] == kUnset) {
      return make_error(ErrorCode::kStore, "qa_evaluation.answers", std::to_string(out.id[i / k]),
                        "a stored evaluation does not answer every criterion of its scorecard");
    }
  }
  return out;
}

}  // namespace backoffice
