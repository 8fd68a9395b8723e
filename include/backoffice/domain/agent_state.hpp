#pragma once

#include <backoffice/core/ids.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/formatting.hpp>

#include <array>
#include <chrono>
#include <string>
#include <string_view>

namespace backoffice {

// What an agent is doing. Adherence and occupancy are computed from these.
enum class AgentState {
  kAvailable,  // logged in, waiting for work
  kOnContact,  // handling a contact (talk or hold)
  kWrapUp,     // after-contact work
  kBreak,      // break or lunch
  kTraining,   // training, coaching, meetings
  kOffline,    // logged out
};

inline constexpr std::array kAllAgentStates{AgentState::kAvailable, AgentState::kOnContact,
                                            AgentState::kWrapUp,    AgentState::kBreak,
                                            AgentState::kTraining,  AgentState::kOffline};

// "available", "on_contact", "wrap_up", "break", "training", "offline":
// stable names (SQLite, CSV); "unknown" otherwise.
std::string_view to_string(AgentState state) noexcept;
// Reads to_string's names, ignoring ASCII case; unknown text is a kParse
// error naming `field` and the text.
Result<AgentState> parse_agent_state(std::string_view text, std::string_view field = "agent_state");

// An agent in one state over the half-open interval [start, end), UTC.
struct AgentStateInterval {
  AgentId agent;
  AgentState state = AgentState::kOffline;
  Instant start;
  Instant end;  // exclusive, > start

  std::chrono::milliseconds duration() const { return end - start; }

  // end > start, else a kValidation error with field
  // "agent_state_interval.end" and the end instant as value.
  Status validate() const;

  friend bool operator==(const AgentStateInterval&, const AgentStateInterval&) = default;
};

// "agent 7 on_contact [2024-03-01T09:00:00Z, 2024-03-01T09:05:00Z)".
std::string to_string(const AgentStateInterval& interval);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::AgentState>
    : backoffice::detail::ToStringFormatter<backoffice::AgentState> {};
template <>
struct fmt::formatter<backoffice::AgentStateInterval>
    : backoffice::detail::ToStringFormatter<backoffice::AgentStateInterval> {};
