#include <backoffice/domain/agent_state.hpp>

#include "domain/enum_text.hpp"
#include "domain/validation.hpp"

namespace backoffice {
namespace {

constexpr std::array<detail::EnumName<AgentState>, 6> kAgentStateNames{{
    {AgentState::kAvailable, "available"},
    {AgentState::kOnContact, "on_contact"},
    {AgentState::kWrapUp, "wrap_up"},
    {AgentState::kBreak, "break"},
    {AgentState::kTraining, "training"},
    {AgentState::kOffline, "offline"},
}};

}  // namespace

std::string_view to_string(AgentState state) noexcept { return detail::enum_name(kAgentStateNames, state); }

Result<AgentState> parse_agent_state(std::string_view text, std::string_view field) {
  return detail::parse_enum(kAgentStateNames, text, field);
}

Status AgentStateInterval::validate() const {
  // Zero-length intervals are rejected too: they carry no time and would
  // only make adherence joins ambiguous.
  if (end <= start) {
    return validation_error("agent_state_interval.end", detail::instant_text(end),
                            fmt::format("must be after start ({})", detail::instant_text(start)));
  }
  return Status::Ok();
}

std::string to_string(const AgentStateInterval& interval) {
  return fmt::format("agent {} {} [{}, {})", interval.agent, interval.state,
                     detail::instant_text(interval.start), detail::instant_text(interval.end));
}

}  // namespace backoffice
