#include <backoffice/domain/case_history.hpp>

#include "domain/enum_text.hpp"

#include <fmt/format.h>

#include <array>

namespace backoffice {
namespace {

constexpr std::array<detail::EnumName<CaseEvent>, 3> kCaseEventNames{{
    {CaseEvent::kTransition, "transition"},
    {CaseEvent::kEscalation, "escalation"},
    {CaseEvent::kFirstResponse, "first_response"},
}};

}  // namespace

std::string_view to_string(CaseEvent event) noexcept { return detail::enum_name(kCaseEventNames, event); }

Result<CaseEvent> parse_case_event(std::string_view text, std::string_view field) {
  return detail::parse_enum(kCaseEventNames, text, field);
}

std::string to_string(const CaseStatusChange& c) {
  std::string out = c.event == CaseEvent::kFirstResponse
                        ? fmt::format("{} {} first response", c.at, c.actor)
                        : fmt::format("{} {} {} -> {} (tier {})", c.at, c.actor, to_string(c.from),
                                      to_string(c.to), c.tier);
  if (!c.reason.empty()) out += fmt::format(": {}", c.reason);
  return out;
}

}  // namespace backoffice
