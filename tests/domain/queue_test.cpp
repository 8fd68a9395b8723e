#include <backoffice/domain/queue.hpp>

#include "domain/support.hpp"

#include <gtest/gtest.h>

#include <limits>

using namespace backoffice;
using backoffice::testing::fails_on;
using backoffice::testing::passes;
using namespace std::chrono_literals;

namespace {

Queue valid_queue() {
  Queue q;
  q.id = QueueId{5};
  q.name = "Billing";
  q.channel = Channel::kVoice;
  q.service_level_target = 20s;  // the classic 80/20 objective
  q.service_level_percent = 80.0;
  q.short_abandon_threshold = 5s;
  q.business_calendar = "Mon-Fri 08:00-18:00";
  q.time_zone = "Europe/London";
  return q;
}

}  // namespace

TEST(Queue, AValidQueuePasses) {
  EXPECT_TRUE(passes(valid_queue().validate()));
  Queue q = valid_queue();
  q.service_level_percent = 100.0;
  q.short_abandon_threshold = 0s;
  q.business_calendar.clear();
  EXPECT_TRUE(passes(q.validate()));
}

TEST(Queue, ANameMustNotBeBlank) {
  Queue q = valid_queue();
  q.name = "";
  EXPECT_TRUE(fails_on(q.validate(), "queue.name", ""));
}

TEST(Queue, TheServiceLevelTargetIsPositive) {
  Queue q = valid_queue();
  q.service_level_target = 0s;
  EXPECT_TRUE(fails_on(q.validate(), "queue.service_level_target", "0s"));
  q.service_level_target = -20s;
  EXPECT_TRUE(fails_on(q.validate(), "queue.service_level_target", "-20s"));
}

TEST(Queue, TheServiceLevelPercentIsInZeroExclusiveToHundred) {
  Queue q = valid_queue();
  q.service_level_percent = 0.0;
  EXPECT_TRUE(fails_on(q.validate(), "queue.service_level_percent", "0"));
  q.service_level_percent = 100.5;
  EXPECT_TRUE(fails_on(q.validate(), "queue.service_level_percent", "100.5"));
  q.service_level_percent = std::numeric_limits<double>::quiet_NaN();
  EXPECT_TRUE(fails_on(q.validate(), "queue.service_level_percent", "nan"));
}

TEST(Queue, TheShortAbandonThresholdIsNotNegative) {
  Queue q = valid_queue();
  q.short_abandon_threshold = -1s;
  EXPECT_TRUE(fails_on(q.validate(), "queue.short_abandon_threshold", "-1s"));
}

TEST(Queue, TheTimeZoneMustBeAnIanaName) {
  Queue q = valid_queue();
  q.time_zone = "GMT+1";
  EXPECT_TRUE(fails_on(q.validate(), "queue.time_zone", "GMT+1"));
}

TEST(Queue, IsARegularPrintableValue) {
  const Queue a = valid_queue();
  Queue b = a;
  EXPECT_EQ(a, b);
  b.channel = Channel::kChat;
  EXPECT_NE(a, b);
  EXPECT_EQ(fmt::format("{}", a), "queue 5 'Billing' voice (80% in 20s)");
}
