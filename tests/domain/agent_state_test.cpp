#include <backoffice/domain/agent_state.hpp>

#include "domain/support.hpp"

#include <gtest/gtest.h>

using namespace backoffice;
using backoffice::testing::at;
using backoffice::testing::fails_on;
using backoffice::testing::passes;
using namespace std::chrono_literals;

namespace {

AgentStateInterval on_contact() {
  return AgentStateInterval{AgentId{7}, AgentState::kOnContact, at("2024-03-01T09:00:00Z"),
                            at("2024-03-01T09:05:00Z")};
}

}  // namespace

TEST(AgentStateInterval, AnIntervalThatEndsAfterItStartsPasses) {
  EXPECT_TRUE(passes(on_contact().validate()));
  EXPECT_EQ(on_contact().duration(), 5min);  // 09:05 - 09:00
}

TEST(AgentStateInterval, TheEndMustBeAfterTheStart) {
  AgentStateInterval i = on_contact();
  i.end = i.start;  // empty
  EXPECT_TRUE(fails_on(i.validate(), "agent_state_interval.end", "2024-03-01T09:00:00Z"));
  i.end = at("2024-03-01T08:59:59.999Z");
  EXPECT_TRUE(fails_on(i.validate(), "agent_state_interval.end", "2024-03-01T08:59:59.999Z"));
}

TEST(AgentStateInterval, ExtremeInstantsAreReportedAsRawMilliseconds) {
  const AgentStateInterval i{AgentId{1}, AgentState::kBreak, Instant::from_unix_ms(INT64_MAX),
                             Instant::from_unix_ms(INT64_MIN)};
  EXPECT_TRUE(fails_on(i.validate(), "agent_state_interval.end", fmt::format("{}ms since epoch", INT64_MIN)));
  // 9999-12-31T23:59:59.999Z is the last instant with a four-digit year.
  const AgentStateInterval j{AgentId{1}, AgentState::kBreak, at("9999-12-31T23:59:59.999Z"),
                             at("9999-12-31T23:59:59.999Z")};
  EXPECT_TRUE(fails_on(j.validate(), "agent_state_interval.end", "9999-12-31T23:59:59.999Z"));
}

TEST(AgentStateInterval, IsARegularPrintableValue) {
  const AgentStateInterval a = on_contact();
  AgentStateInterval b = a;
  EXPECT_EQ(a, b);
  b.state = AgentState::kWrapUp;
  EXPECT_NE(a, b);
  EXPECT_EQ(fmt::format("{}", a), "agent 7 on_contact [2024-03-01T09:00:00Z, 2024-03-01T09:05:00Z)");
}
