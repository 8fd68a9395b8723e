#include <backoffice/domain/agent.hpp>

#include "domain/validation.hpp"

#include <cstddef>

namespace backoffice {

const Skill* Agent::find_skill(std::string_view skill_name) const {
  for (const auto& skill : skills) {
    if (skill.name == skill_name) return &skill;
  }
  return nullptr;
}

Status Agent::validate() const {
  if (detail::is_blank(name)) return detail::blank_error("agent.name", name);
  for (std::size_t i = 0; i < skills.size(); ++i) {
    const Skill& skill = skills[i];
    if (detail::is_blank(skill.name))
      return detail::blank_error(fmt::format("agent.skills[{}].name", i), skill.name);
    for (std::size_t j = 0; j < i; ++j) {
      if (skills[j].name == skill.name) {
        return validation_error(fmt::format("agent.skills[{}].name", i), skill.name,
                                fmt::format("duplicates agent.skills[{}].name", j));
      }
    }
    if (skill.level && (*skill.level < Skill::kMinLevel || *skill.level > Skill::kMaxLevel)) {
      return detail::range_error(fmt::format("agent.skills[{}].level", i), *skill.level, Skill::kMinLevel,
                                 Skill::kMaxLevel);
    }
  }
  return detail::check_time_zone("agent.time_zone", time_zone);
}

std::string to_string(const Skill& skill) {
  if (!skill.level) return skill.name;
  return fmt::format("{}:{}", skill.name, *skill.level);
}

std::string to_string(const Agent& agent) {
  std::string team = agent.team ? fmt::format(" team {}", *agent.team) : std::string(" no team");
  return fmt::format("agent {} '{}'{} ({} skill{}, {})", agent.id, agent.name, team, agent.skills.size(),
                     agent.skills.size() == 1 ? "" : "s", agent.time_zone);
}

}  // namespace backoffice
