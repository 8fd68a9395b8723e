#include <backoffice/workflow/qa_report.hpp>

#include "core/dense_index.hpp"
#include "core/ratio.hpp"
#include "workflow/qa_score_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace backoffice {
namespace {

struct Group {
  std::int64_t evaluations = 0;
  std::int64_t scored = 0;  // evaluations with possible > 0
  std::int64_t auto_failed = 0;
  std::int64_t compliance_passed = 0;
  std::int64_t compliance_applicable = 0;
  double reported_points = 0;
  double raw_points = 0;
  double possible = 0;
  double score_sum = 0;  // sum of per-evaluation reported scores (percent)
};

double percent(double num, double den) { return den == 0 ? std::nan("") : 100.0 * num / den; }

Error answer_error(const Scorecard& s, std::size_t row, std::size_t c, std::int8_t code) {
  auto st = s.check_answer(c, code, fmt::format("evaluations[{}].answers.{}", row, s.criterion(c).id));
  return st.ok() ? make_error(ErrorCode::kInternal, "evaluations.answers", "", "inconsistent scale check")
                 : st.error();
}

}  // namespace

Result<Table> qa_report(const QaEvaluationView& v, const Scorecard& s, const QaReportOptions& options) {
  const std::size_t n = v.size();
  const std::size_t k = s.criterion_count();
  if (v.evaluated_at_ms.size() != n) {
    return invalid_argument("evaluations.evaluated_at_ms", std::to_string(v.evaluated_at_ms.size()),
                            fmt::format("expected {} values, one per agent_id", n));
  }
  if (v.answers.size() != n * k) {
    return invalid_argument("evaluations.answers", std::to_string(v.answers.size()),
                            fmt::format("expected {} evaluations x {} criteria = {} answers", n, k, n * k));
  }
  const qa_detail::ScoreTable table(s, options.scoring);
  TimeBucketer bucketer(options.bucket, options.zone);
  const bool by_time = options.bucket != TimeBucket::kNone;
  const std::size_t width = (options.by_agent ? 1 : 0) + (by_time ? 1 : 0);
  detail::TupleIndex index(width);
  std::vector<Group> groups;
  const bool zero_failed = options.scoring.auto_fail_zeroes_score;

  // Evaluations come in agent order rather than time order, which defeats
  // the bucketer's one-day cache for calendar buckets (a zone lookup per
  // row). So the day, week or month starts covering [min, max] evaluated_at
  // are listed once and each row finds its bucket by binary search; more
  // than kMaxListed buckets falls back to the bucketer. Fixed-width buckets
  // need no list: the bucketer's offset-window cache already serves them.
  constexpr std::size_t kMaxListed = 1 << 16;
  const bool calendar_bucket = options.bucket == TimeBucket::kDay || options.bucket == TimeBucket::kWeek ||
                               options.bucket == TimeBucket::kMonth;
  std::vector<std::int64_t> listed;
  if (calendar_bucket && n > 0) {
    const auto [lo, hi] = std::minmax_element(v.evaluated_at_ms.begin(), v.evaluated_at_ms.end());
    listed.push_back(bucketer.bucket_start(*lo));
    for (;;) {
      const std::int64_t next = bucketer.bucket_end(listed.back());
      if (next > *hi || next <= listed.back()) break;
      listed.push_back(next);
      if (listed.size() > kMaxListed) {
        listed.clear();
        break;
      }
    }
  }
  auto bucket_of = [&](std::int64_t t) {
    if (listed.empty()) return bucketer.bucket_start(t);
    return *(std::upper_bound(listed.begin(), listed.end(), t) - 1);
  };

  for (std::size_t i = 0; i < n; ++i) {
    const std::int8_t* answers = v.answers.data() + i * k;
    qa_detail::ScoreTable::Totals t;
    for (std::size_t c = 0; c < k; ++c) {
      const std::int8_t code = answers[c];
      if (code < -1 || code > 5) [[unlikely]]
        return answer_error(s, i, c, code);
      const auto& e = table.entry(c, code);
      if (!e.valid) [[unlikely]]
        return answer_error(s, i, c, code);
      t.points += e.points;
      t.possible += e.possible;
      t.critical_failed += e.critical_fail;
      t.compliance_passed += e.compliance_pass;
      t.compliance_applicable += e.compliance_applicable;
    }
    std::int64_t key[2];
    std::size_t w = 0;
    if (options.by_agent) key[w++] = v.agent_id[i];
    if (by_time) key[w++] = bucket_of(v.evaluated_at_ms[i]);
    const auto g = static_cast<std::size_t>(index.find_or_add(key));
    if (g == groups.size()) groups.emplace_back();
    Group& grp = groups[g];
    const bool failed = t.critical_failed > 0;
    const double reported = failed && zero_failed ? 0.0 : t.points;
    grp.evaluations += 1;
    grp.auto_failed += failed;
    grp.compliance_passed += t.compliance_passed;
    grp.compliance_applicable += t.compliance_applicable;
    grp.reported_points += reported;
    grp.raw_points += t.points;
    grp.possible += t.possible;
    if (t.possible > 0) {
      grp.scored += 1;
      grp.score_sum += 100.0 * reported / t.possible;
    }
  }

  std::vector<std::size_t> order(groups.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    auto ka = index.key(a), kb = index.key(b);
    return std::lexicographical_compare(ka.begin(), ka.end(), kb.begin(), kb.end());
  });

  Table out;
  std::string group_by = options.by_agent ? "agent" : "";
  if (by_time) group_by += fmt::format("{}{}", group_by.empty() ? "" : ",", to_string(options.bucket));
  out.metadata = {{"definition", options.scoring.definition()},
                  {"scorecard", fmt::format("{} ({})", s.id().value(), s.name())},
                  {"group_by", group_by},
                  {"interval_attribution", "evaluated_at"},
                  {"time_zone", std::string(options.zone.name())}};
  std::size_t d = 0;
  if (options.by_agent) {
    std::vector<std::int64_t> ids;
    for (auto g : order) ids.push_back(index.key(g)[d]);
    out.columns.push_back({"agent_id", std::move(ids)});
    ++d;
  }
  if (by_time) {
    std::vector<std::string> labels;
    std::vector<std::int64_t> starts;
    for (auto g : order) {
      starts.push_back(index.key(g)[d]);
      labels.push_back(bucketer.label(starts.back()));
    }
    out.columns.push_back({"interval_start", std::move(labels)});
    out.columns.push_back({"interval_start_utc_ms", std::move(starts)});
  }
  auto ints = [&](const char* name, auto field) {
    std::vector<std::int64_t> col;
    for (auto g : order) col.push_back(groups[g].*field);
    out.columns.push_back({name, std::move(col)});
  };
  auto doubles = [&](const std::string& name, auto fn) {
    std::vector<double> col;
    for (auto g : order) col.push_back(fn(groups[g]));
    out.columns.push_back({name, std::move(col)});
  };
  ints("evaluations", &Group::evaluations);
  doubles("qa_score", [](const Group& g) { return percent(g.reported_points, g.possible); });
  doubles("qa_score_num", [](const Group& g) { return g.reported_points; });
  doubles("qa_score_den", [](const Group& g) { return g.possible; });
  doubles("raw_qa_score", [](const Group& g) { return percent(g.raw_points, g.possible); });
  doubles("raw_qa_score_num", [](const Group& g) { return g.raw_points; });
  doubles("raw_qa_score_den", [](const Group& g) { return g.possible; });
  doubles("mean_evaluation_score", [](const Group& g) {
    return g.scored == 0 ? std::nan("") : g.score_sum / static_cast<double>(g.scored);
  });
  auto rate = [&](const char* name, auto num, auto den) {
    doubles(name, [&](const Group& g) { return detail::ratio(g.*num, g.*den); });
    ints((std::string(name) + "_num").c_str(), num);
    ints((std::string(name) + "_den").c_str(), den);
  };
  rate("auto_fail_rate", &Group::auto_failed, &Group::evaluations);
  rate("compliance_rate", &Group::compliance_passed, &Group::compliance_applicable);
  return out;
}

QaEvaluationView view_of(const QaEvaluationColumns& c) {
  return {c.agent_id, c.evaluated_at_ms, c.answers};
}

Result<Table> qa_report(const QaEvaluationColumns& evaluations, const Scorecard& scorecard,
                        const QaReportOptions& options) {
  if (evaluations.scorecard_id != scorecard.id()) {
    return invalid_argument("evaluations.scorecard_id", std::to_string(evaluations.scorecard_id.value()),
                            fmt::format("the scorecard given is {}", scorecard.id().value()));
  }
  if (evaluations.criteria != scorecard.criterion_count()) {
    return invalid_argument("evaluations.criteria", std::to_string(evaluations.criteria),
                            fmt::format("scorecard {} has {} criteria", scorecard.id().value(),
                                        scorecard.criterion_count()));
  }
  return qa_report(view_of(evaluations), scorecard, options);
}

}  // namespace backoffice
