#pragma once

#include <backoffice/core/result.hpp>
#include <backoffice/domain/agent_state.hpp>

#include <cstdint>
#include <vector>

namespace backoffice {

// Agent-state intervals as a struct of arrays, for occupancy and utilisation
// with no per-row object. All columns have size() elements. Each row is the
// half-open interval [start_ms, end_ms) in Unix milliseconds (UTC).
struct AgentStateColumns {
  std::vector<std::int64_t> agent_id;
  std::vector<std::uint8_t> state;  // static_cast<std::uint8_t>(AgentState)
  std::vector<std::int64_t> start_ms;
  std::vector<std::int64_t> end_ms;

  std::size_t size() const { return agent_id.size(); }
  void reserve(std::size_t n);
  void clear();
  void append(const AgentStateInterval& interval);
  // Row i as a record. Precondition: i < size().
  AgentStateInterval row(std::size_t i) const;
  // All columns the same length and state codes in range; kInvalidArgument
  // naming the first offending column ("state[2]") otherwise. O(size()).
  Status check_shape() const;
};

}  // namespace backoffice
