#pragma once

#include <backoffice/core/ids.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/formatting.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backoffice {

// A routing skill ("billing", "spanish") with an optional proficiency level.
// Levels are ordinal, higher = more proficient; 0..100 covers the scales of
// common ACDs (0-5 stars, 1-10, 1-16) without rescaling.
struct Skill {
  static constexpr int kMinLevel = 0;
  static constexpr int kMaxLevel = 100;

  std::string name;
  std::optional<int> level;

  friend bool operator==(const Skill&, const Skill&) = default;
};

// A person who handles contacts or back-office work.
struct Agent {
  AgentId id;
  std::string name;
  std::optional<TeamId> team;  // absent: not on a team
  std::vector<Skill> skills;   // names unique
  std::string time_zone;       // IANA name of the agent's home zone, e.g. "America/Chicago"

  // The skill named `skill_name` (exact match), or nullptr. O(skills).
  const Skill* find_skill(std::string_view skill_name) const;

  // Checks, in this order, and reports the first failure as a kValidation
  // error with field "agent.<field>":
  //  - name is not empty or blank;
  //  - every skills[i].name is not blank and not repeated;
  //  - every skills[i].level, when present, is in [Skill::kMinLevel, kMaxLevel];
  //  - time_zone names a zone in the tz database (TimeZone::locate).
  // O(skills^2) plus one zone lookup.
  Status validate() const;

  friend bool operator==(const Agent&, const Agent&) = default;
};

// "billing" or "billing:3".
std::string to_string(const Skill& skill);
// "agent 7 'Dana Scully' team 3 (2 skills, America/Chicago)".
std::string to_string(const Agent& agent);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::Skill> : backoffice::detail::ToStringFormatter<backoffice::Skill> {};
template <>
struct fmt::formatter<backoffice::Agent> : backoffice::detail::ToStringFormatter<backoffice::Agent> {};
