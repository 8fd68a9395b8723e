#include <backoffice/kpi/work_item_report.hpp>

#include <backoffice/domain/interaction_columns.hpp>
#include <backoffice/domain/work_item.hpp>

#include "core/ratio.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace backoffice {

using detail::ratio;
namespace {

// Nearest-rank percentile of sorted values; NaN when empty.
double percentile_s(const std::vector<std::int64_t>& sorted, double p) {
  if (sorted.empty()) return std::nan("");
  const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  return static_cast<double>(sorted[std::max<std::size_t>(rank, 1) - 1]) / 1000.0;
}

const char* dimension_name(WorkDimension d) {
  switch (d) {
    case WorkDimension::kQueue: return "queue_id";
    case WorkDimension::kAssignee: return "assignee_id";
    case WorkDimension::kKind: return "kind";
  }
  return "unknown";
}

}  // namespace

WorkItemReport::Group& WorkItemReport::group(const std::vector<std::int64_t>& key) {
  // Work-item volumes are far below contact volumes; a sorted search is enough.
  auto it = std::lower_bound(keys_.begin(), keys_.end(), key);
  const auto idx = static_cast<std::size_t>(it - keys_.begin());
  if (it == keys_.end() || *it != key) {
    keys_.insert(it, key);
    groups_.insert(groups_.begin() + static_cast<std::ptrdiff_t>(idx), Group{});
  }
  return groups_[idx];
}

Result<WorkItemReport> work_item_report(const WorkItemView& v, const WorkItemGroupBy& group_by,
                                        const TatOptions& options) {
  const std::size_t n = v.size();
  if (v.queue_id.size() != n || v.assignee_id.size() != n || v.kind.size() != n || v.completed_ms.size() != n ||
      v.audit_correct.size() != n) {
    return invalid_argument("columns", std::to_string(n), "work-item column lengths differ");
  }
  if (options.target.count() < 0) {
    return invalid_argument("target", std::to_string(options.target.count()), "must be >= 0 ms");
  }
  WorkItemReport report;
  report.group_by_ = group_by;
  report.options_ = options;
  TimeBucketer bucketer(group_by.bucket, group_by.zone);
  std::vector<std::int64_t> key(group_by.dimensions.size() + 1);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t d = 0; d < group_by.dimensions.size(); ++d) {
      switch (group_by.dimensions[d]) {
        case WorkDimension::kQueue: key[d] = v.queue_id[i]; break;
        case WorkDimension::kAssignee: key[d] = v.assignee_id[i]; break;
        case WorkDimension::kKind: key[d] = v.kind[i]; break;
      }
    }
    const bool completed = v.completed_ms[i] != kNullInt64;
    key.back() = bucketer.bucket_start(completed ? v.completed_ms[i] : v.received_ms[i]);
    auto& g = report.group(key);
    if (!completed) {
      ++g.open;
      continue;
    }
    const std::int64_t tat = v.completed_ms[i] - v.received_ms[i];
    if (tat < 0) {
      return invalid_argument(fmt::format("completed_ms[{}]", i), std::to_string(v.completed_ms[i]),
                              "completed before received");
    }
    g.tat_ms.push_back(tat);
    g.within_target += tat <= options.target.count();
    if (options.calendar) {
      const auto b = options.calendar->business_duration(Instant::from_unix_ms(v.received_ms[i]),
                                                         Instant::from_unix_ms(v.completed_ms[i]));
      g.business_tat_ms.push_back(b.count());
      g.business_within_target += b <= options.target;
    }
    if (v.audit_correct[i] >= 0) {
      ++g.audited;
      g.audited_correct += v.audit_correct[i] == 1;
    }
  }
  return report;
}

Status WorkItemReport::merge(const WorkItemReport& other) {
  if (group_by_.dimensions != other.group_by_.dimensions || group_by_.bucket != other.group_by_.bucket ||
      !(group_by_.zone == other.group_by_.zone) || options_.target != other.options_.target ||
      options_.calendar.has_value() != other.options_.calendar.has_value()) {
    return invalid_argument("report", "work items", "cannot merge reports made with different options");
  }
  for (std::size_t k = 0; k < other.keys_.size(); ++k) {
    auto& g = group(other.keys_[k]);
    const auto& o = other.groups_[k];
    g.open += o.open;
    g.audited += o.audited;
    g.audited_correct += o.audited_correct;
    g.within_target += o.within_target;
    g.business_within_target += o.business_within_target;
    g.tat_ms.insert(g.tat_ms.end(), o.tat_ms.begin(), o.tat_ms.end());
    g.business_tat_ms.insert(g.business_tat_ms.end(), o.business_tat_ms.begin(), o.business_tat_ms.end());
  }
  return Status::Ok();
}

Table WorkItemReport::to_table() const {
  Table t;
  t.metadata = {{"definition", fmt::format("tat=completed-received; target_s={}; percentiles=nearest-rank; "
                                           "business_calendar={}",
                                           options_.target.count() / 1000,
                                           options_.calendar ? options_.calendar->to_string() : "none")},
                {"interval_attribution", "completed time (open items: received time)"},
                {"time_zone", std::string(group_by_.zone.name())}};
  const std::size_t dims = group_by_.dimensions.size();
  for (std::size_t d = 0; d < dims; ++d) {
    if (group_by_.dimensions[d] == WorkDimension::kKind) {
      std::vector<std::string> labels;
      for (const auto& k : keys_) labels.emplace_back(to_string(static_cast<WorkItemKind>(k[d])));
      t.columns.push_back({"kind", std::move(labels)});
    } else {
      std::vector<std::int64_t> ids;
      for (const auto& k : keys_) ids.push_back(k[d]);
      t.columns.push_back({dimension_name(group_by_.dimensions[d]), std::move(ids)});
    }
  }
  if (group_by_.bucket != TimeBucket::kNone) {
    TimeBucketer labeller(group_by_.bucket, group_by_.zone);
    std::vector<std::string> labels;
    std::vector<std::int64_t> starts;
    for (const auto& k : keys_) {
      starts.push_back(k[dims]);
      labels.push_back(labeller.label(k[dims]));
    }
    t.columns.push_back({"interval_start", std::move(labels)});
    t.columns.push_back({"interval_start_utc_ms", std::move(starts)});
  }
  std::vector<std::int64_t> completed, open, tat_sum, within, audited, correct, btat_sum, bwithin;
  std::vector<double> tat_mean, p50, p90, within_rate, accuracy, btat_mean, bp50, bp90, bwithin_rate;
  for (const auto& g0 : groups_) {
    Group g = g0;
    std::sort(g.tat_ms.begin(), g.tat_ms.end());
    std::sort(g.business_tat_ms.begin(), g.business_tat_ms.end());
    const auto n = static_cast<std::int64_t>(g.tat_ms.size());
    completed.push_back(n);
    open.push_back(g.open);
    tat_sum.push_back(std::accumulate(g.tat_ms.begin(), g.tat_ms.end(), std::int64_t{0}));
    tat_mean.push_back(ratio(tat_sum.back(), n, 1e-3));
    p50.push_back(percentile_s(g.tat_ms, 0.5));
    p90.push_back(percentile_s(g.tat_ms, 0.9));
    within.push_back(g.within_target);
    within_rate.push_back(ratio(g.within_target, n));
    audited.push_back(g.audited);
    correct.push_back(g.audited_correct);
    accuracy.push_back(ratio(g.audited_correct, g.audited));
    btat_sum.push_back(std::accumulate(g.business_tat_ms.begin(), g.business_tat_ms.end(), std::int64_t{0}));
    btat_mean.push_back(ratio(btat_sum.back(), static_cast<std::int64_t>(g.business_tat_ms.size()), 1e-3));
    bp50.push_back(percentile_s(g.business_tat_ms, 0.5));
    bp90.push_back(percentile_s(g.business_tat_ms, 0.9));
    bwithin.push_back(g.business_within_target);
    bwithin_rate.push_back(ratio(g.business_within_target, static_cast<std::int64_t>(g.business_tat_ms.size())));
  }
  t.columns.push_back({"completed", completed});
  t.columns.push_back({"open", open});
  t.columns.push_back({"tat_mean_s", tat_mean});
  t.columns.push_back({"tat_mean_s_num", tat_sum});
  t.columns.push_back({"tat_mean_s_den", completed});
  t.columns.push_back({"tat_p50_s", p50});
  t.columns.push_back({"tat_p90_s", p90});
  t.columns.push_back({"tat_within_target", within_rate});
  t.columns.push_back({"tat_within_target_num", within});
  t.columns.push_back({"tat_within_target_den", completed});
  t.columns.push_back({"accuracy_rate", accuracy});
  t.columns.push_back({"accuracy_rate_num", correct});
  t.columns.push_back({"accuracy_rate_den", audited});
  if (options_.calendar) {
    t.columns.push_back({"btat_mean_s", btat_mean});
    t.columns.push_back({"btat_mean_s_num", btat_sum});
    t.columns.push_back({"btat_p50_s", bp50});
    t.columns.push_back({"btat_p90_s", bp90});
    t.columns.push_back({"btat_within_target", bwithin_rate});
    t.columns.push_back({"btat_within_target_num", bwithin});
  }
  return t;
}

}  // namespace backoffice
