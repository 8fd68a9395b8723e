#pragma once

// Agent QA averages and trends: scores, auto-fail rate and compliance rate
// per agent and reporting interval, from evaluations held as columns.

#include <backoffice/core/result.hpp>
#include <backoffice/core/time_zone.hpp>
#include <backoffice/kpi/table.hpp>
#include <backoffice/kpi/time_bucket.hpp>
#include <backoffice/workflow/qa_scorecard.hpp>

#include <cstdint>
#include <span>

namespace backoffice {

// Evaluations of one scorecard as columns: agent ids, evaluation instants
// (Unix ms, UTC) and the answers row-major, evaluation i's in flat
// criterion order at [i * criteria, (i + 1) * criteria).
struct QaEvaluationView {
  std::span<const std::int64_t> agent_id;
  std::span<const std::int64_t> evaluated_at_ms;
  std::span<const std::int8_t> answers;
  std::size_t size() const { return agent_id.size(); }
};

// A view over columns read from the store (Store::qa_evaluation_columns):
// it borrows them, so they must outlive the view.
QaEvaluationView view_of(const QaEvaluationColumns& columns);

struct QaReportOptions {
  bool by_agent = true;
  // kWeek = weeks starting Monday 00:00 on the wall clock of `zone`.
  TimeBucket bucket = TimeBucket::kWeek;
  TimeZone zone{};
  QaScoringOptions scoring{};
};

// One row per (agent, interval), sorted. An evaluation counts in the
// interval of its evaluated_at. Columns:
//   agent_id, interval_start (local, with offset), interval_start_utc_ms
//   evaluations                 count
//   qa_score (_num, _den)       100 * sum of reported points / sum of possible
//                               points: a weighted total, auto-failed
//                               evaluations contributing 0 points when the
//                               options zero them; all-N/A evaluations add 0/0
//   raw_qa_score (_num, _den)   the same before auto-fail zeroing
//   mean_evaluation_score       mean of the per-evaluation scores (each
//                               evaluation weighs 1, all-N/A ones left out)
//   auto_fail_rate (_num, _den) auto-failed evaluations / evaluations
//   compliance_rate (_num, _den) compliance items passed / compliance items
//                               answered (N/A excluded)
// Ratios are NaN when their denominator is 0. Metadata: definition (scoring
// options), scorecard, group_by, time_zone. Errors: columns of different
// lengths (kInvalidArgument naming `evaluations.answers` or
// `evaluations.evaluated_at_ms`), an answer outside its criterion's scale
// (kValidation naming `evaluations[i].answers.<criterion id>`). O(E * criteria).
Result<Table> qa_report(const QaEvaluationView& evaluations, const Scorecard& scorecard,
                        const QaReportOptions& options = {});

// The report over evaluations read from the store, e.g.
//   auto card = Scorecard::create(store.get_qa_scorecard(id).value());
//   auto cols = store.qa_evaluation_columns({.from = f, .to = t, .scorecard = id});
//   auto weekly = qa_report(*cols, *card, options);
// Errors: as above, and kInvalidArgument naming `evaluations.scorecard_id`
// when the columns were read for another scorecard or
// `evaluations.criteria` when their width is not the scorecard's.
Result<Table> qa_report(const QaEvaluationColumns& evaluations, const Scorecard& scorecard,
                        const QaReportOptions& options = {});

}  // namespace backoffice
