#include <backoffice/kpi/agent_time_report.hpp>

#include <backoffice/domain/agent_state.hpp>
#include <backoffice/domain/interaction_columns.hpp>

#include "core/ratio.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <tuple>

namespace backoffice {

using detail::ratio;
namespace {

constexpr std::size_t kStates = kAllAgentStates.size();

struct AgentTime {
  std::array<std::int64_t, kStates> ms{};
  std::int64_t items = 0;
};

std::size_t state_index(AgentState s) { return static_cast<std::size_t>(s); }

// An agent is in one state at a time; overlapping intervals would count the
// shared time twice and push occupancy or utilisation past 1.
Status check_no_overlaps(const AgentStateView& v) {
  std::vector<std::size_t> order(v.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(v.agent_id[a], v.start_ms[a]) < std::tie(v.agent_id[b], v.start_ms[b]);
  });
  for (std::size_t k = 1; k < order.size(); ++k) {
    const std::size_t prev = order[k - 1], i = order[k];
    if (v.agent_id[i] == v.agent_id[prev] && v.start_ms[i] < v.end_ms[prev]) {
      return invalid_argument(
          fmt::format("start_ms[{}]", i), Instant::from_unix_ms(v.start_ms[i]).to_string(),
          fmt::format("agent {} is already in another state until {} (row {}); intervals must not overlap",
                      v.agent_id[i], Instant::from_unix_ms(v.end_ms[prev]).to_string(), prev));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<Table> agent_time_report(const AgentStateView& v, const AgentTimeGroupBy& group_by,
                                const WorkItemView* work_items) {
  const std::size_t n = v.size();
  if (v.state.size() != n || v.start_ms.size() != n || v.end_ms.size() != n) {
    return invalid_argument("columns", std::to_string(n), "agent-state column lengths differ");
  }
  auto who = [&](std::int64_t agent) {
    if (!group_by.by_team) return agent;
    auto it = group_by.team_of_agent.find(agent);
    return it == group_by.team_of_agent.end() ? kNullInt64 : it->second;
  };
  TimeBucketer bucketer(group_by.bucket, group_by.zone);
  std::map<std::pair<std::int64_t, std::int64_t>, AgentTime> groups;
  for (std::size_t i = 0; i < n; ++i) {
    if (v.state[i] >= kStates) {
      return invalid_argument(fmt::format("state[{}]", i), std::to_string(v.state[i]), "not an AgentState");
    }
    if (v.end_ms[i] < v.start_ms[i]) {
      return invalid_argument(fmt::format("end_ms[{}]", i), std::to_string(v.end_ms[i]),
                              "ends before it starts");
    }
    // Split at bucket boundaries so each bucket gets only its own share.
    for (std::int64_t s = v.start_ms[i]; s < v.end_ms[i];) {
      const std::int64_t b = bucketer.bucket_start(s);
      const std::int64_t e = std::min(v.end_ms[i], bucketer.bucket_end(b));
      groups[{who(v.agent_id[i]), b}].ms[v.state[i]] += e - s;
      s = e;
    }
  }
  BO_RETURN_IF_ERROR(check_no_overlaps(v));
  if (work_items) {
    for (std::size_t i = 0; i < work_items->size(); ++i) {
      if (work_items->completed_ms[i] == kNullInt64 || work_items->assignee_id[i] == kNullInt64) continue;
      ++groups[{who(work_items->assignee_id[i]), bucketer.bucket_start(work_items->completed_ms[i])}].items;
    }
  }

  Table t;
  t.metadata = {{"definition",
                 "occupancy=(on_contact+wrap_up)/(available+on_contact+wrap_up); "
                 "utilisation=(on_contact+wrap_up)/logged_in (all states but offline); "
                 "productivity=completed work items/productive hours (available+on_contact+wrap_up)"},
                {"interval_attribution", "time split at interval boundaries; items at completion time"},
                {"time_zone", std::string(group_by.zone.name())}};
  std::vector<std::int64_t> ids, starts, handle, occ_den, logged, productive_ms, items;
  std::vector<std::string> labels;
  std::vector<double> occupancy, utilisation, productivity;
  std::array<std::vector<std::int64_t>, kStates> per_state;
  for (const auto& [key, g] : groups) {
    ids.push_back(key.first);
    starts.push_back(key.second);
    labels.push_back(bucketer.label(key.second));
    for (std::size_t s = 0; s < kStates; ++s) per_state[s].push_back(g.ms[s]);
    const std::int64_t h = g.ms[state_index(AgentState::kOnContact)] + g.ms[state_index(AgentState::kWrapUp)];
    const std::int64_t productive = h + g.ms[state_index(AgentState::kAvailable)];
    const std::int64_t logged_in =
        productive + g.ms[state_index(AgentState::kBreak)] + g.ms[state_index(AgentState::kTraining)];
    handle.push_back(h);
    occ_den.push_back(productive);
    logged.push_back(logged_in);
    productive_ms.push_back(productive);
    items.push_back(g.items);
    occupancy.push_back(ratio(h, productive));
    utilisation.push_back(ratio(h, logged_in));
    productivity.push_back(ratio(g.items, productive, 3'600'000.0));
  }
  t.columns.push_back({group_by.by_team ? "team_id" : "agent_id", ids});
  if (group_by.bucket != TimeBucket::kNone) {
    t.columns.push_back({"interval_start", labels});
    t.columns.push_back({"interval_start_utc_ms", starts});
  }
  for (std::size_t s = 0; s < kStates; ++s) {
    t.columns.push_back({fmt::format("{}_ms", to_string(kAllAgentStates[s])), per_state[s]});
  }
  t.columns.push_back({"occupancy", occupancy});
  t.columns.push_back({"occupancy_num", handle});
  t.columns.push_back({"occupancy_den", occ_den});
  t.columns.push_back({"utilisation", utilisation});
  t.columns.push_back({"utilisation_num", handle});
  t.columns.push_back({"utilisation_den", logged});
  if (work_items) {
    t.columns.push_back({"productivity_per_hour", productivity});
    t.columns.push_back({"productivity_per_hour_num", items});
    t.columns.push_back({"productivity_per_hour_den_ms", productive_ms});
  }
  return t;
}

}  // namespace backoffice
