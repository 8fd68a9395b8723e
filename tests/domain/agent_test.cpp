#include <backoffice/domain/agent.hpp>

#include "domain/support.hpp"

#include <gtest/gtest.h>

using namespace backoffice;
using backoffice::testing::fails_on;
using backoffice::testing::passes;

namespace {

Agent valid_agent() {
  Agent a;
  a.id = AgentId{7};
  a.name = "Dana Scully";
  a.team = TeamId{3};
  a.skills = {Skill{"billing", 3}, Skill{"spanish", std::nullopt}};
  a.time_zone = "America/Chicago";
  return a;
}

}  // namespace

TEST(Agent, AValidAgentPasses) {
  EXPECT_TRUE(passes(valid_agent().validate()));
  Agent no_team = valid_agent();
  no_team.team.reset();
  no_team.skills.clear();
  EXPECT_TRUE(passes(no_team.validate()));
}

TEST(Agent, FindsASkillByName) {
  const Agent a = valid_agent();
  ASSERT_NE(a.find_skill("billing"), nullptr);
  EXPECT_EQ(a.find_skill("billing")->level, 3);
  EXPECT_EQ(a.find_skill("Billing"), nullptr);
}

TEST(Agent, ANameMustNotBeBlank) {
  Agent a = valid_agent();
  a.name = "";
  EXPECT_TRUE(fails_on(a.validate(), "agent.name", ""));
}

TEST(Agent, SkillNamesAreNonBlankAndUnique) {
  Agent a = valid_agent();
  a.skills[1].name = " ";
  EXPECT_TRUE(fails_on(a.validate(), "agent.skills[1].name", " "));
  a.skills[1].name = "billing";
  EXPECT_TRUE(fails_on(a.validate(), "agent.skills[1].name", "billing"));
}

TEST(Agent, SkillLevelsAreWithin0To100) {
  Agent a = valid_agent();
  a.skills[0].level = 0;
  EXPECT_TRUE(passes(a.validate()));
  a.skills[0].level = 100;
  EXPECT_TRUE(passes(a.validate()));
  a.skills[0].level = -1;
  EXPECT_TRUE(fails_on(a.validate(), "agent.skills[0].level", "-1"));
  a.skills[0].level = 101;
  EXPECT_TRUE(fails_on(a.validate(), "agent.skills[0].level", "101"));
}

TEST(Agent, TheTimeZoneMustBeAnIanaName) {
  Agent a = valid_agent();
  a.time_zone = "America/Gotham";
  EXPECT_TRUE(fails_on(a.validate(), "agent.time_zone", "America/Gotham"));
  a.time_zone = "";
  EXPECT_TRUE(fails_on(a.validate(), "agent.time_zone", ""));
}

TEST(Agent, IsARegularPrintableValue) {
  const Agent a = valid_agent();
  Agent b = a;
  EXPECT_EQ(a, b);
  b.skills[0].level = 4;
  EXPECT_NE(a, b);
  EXPECT_EQ(fmt::format("{}", a.skills[0]), "billing:3");
  EXPECT_EQ(fmt::format("{}", a.skills[1]), "spanish");
  EXPECT_EQ(fmt::format("{}", a), "agent 7 'Dana Scully' team 3 (2 skills, America/Chicago)");
}
