#include <backoffice/domain/agent_state_columns.hpp>

#include <fmt/format.h>

#include <utility>

namespace backoffice {

void AgentStateColumns::reserve(std::size_t n) {
  agent_id.reserve(n);
  state.reserve(n);
  start_ms.reserve(n);
  end_ms.reserve(n);
}

void AgentStateColumns::clear() { *this = AgentStateColumns{}; }

void AgentStateColumns::append(const AgentStateInterval& x) {
  agent_id.push_back(x.agent.value());
  state.push_back(static_cast<std::uint8_t>(x.state));
  start_ms.push_back(x.start.unix_ms());
  end_ms.push_back(x.end.unix_ms());
}

AgentStateInterval AgentStateColumns::row(std::size_t i) const {
  AgentStateInterval x;
  x.agent = AgentId(agent_id[i]);
  x.state = static_cast<AgentState>(state[i]);
  x.start = Instant::from_unix_ms(start_ms[i]);
  x.end = Instant::from_unix_ms(end_ms[i]);
  return x;
}

Status AgentStateColumns::check_shape() const {
  const std::size_t n = agent_id.size();
  const std::pair<const char*, std::size_t> sizes[] = {
      {"state", state.size()}, {"start_ms", start_ms.size()}, {"end_ms", end_ms.size()}};
  for (const auto& [name, size] : sizes) {
    if (size != n) {
      return invalid_argument(name, std::to_string(size),
                              fmt::format("column length differs from agent_id's {}", n));
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (state[i] >= kAllAgentStates.size())
      return invalid_argument(fmt::format("state[{}]", i), std::to_string(state[i]), "not an AgentState");
  }
  return Status::Ok();
}

}  // namespace backoffice
