#include <backoffice/domain/interaction.hpp>

#include "domain/support.hpp"

#include <gtest/gtest.h>

using namespace backoffice;
using backoffice::testing::at;
using backoffice::testing::fails_on;
using backoffice::testing::passes;
using namespace std::chrono_literals;

namespace {

// Offered 09:00:00, answered 09:00:42, ended 09:05:42: 300 s connected, of
// which 270 s talk and 20 s hold; then 45 s wrap-up.
Interaction answered_call() {
  Interaction i;
  i.id = InteractionId{9};
  i.channel = Channel::kVoice;
  i.direction = Direction::kInbound;
  i.queue = QueueId{5};
  i.customer = CustomerId{42};
  i.agent = AgentId{7};
  i.offered_at = at("2024-03-01T09:00:00Z");
  i.answered_at = at("2024-03-01T09:00:42Z");
  i.ended_at = at("2024-03-01T09:05:42Z");
  i.talk_time = 270s;
  i.hold_time = 20s;
  i.wrap_up_time = 45s;
  i.reason_code = "billing_question";
  i.disposition = "answered";
  i.resolved = true;
  i.csat = 4;
  i.nps = 9;
  i.external_id = "ACD-1001";
  return i;
}

// Offered 09:00:00, the caller hung up at 09:00:35 before an answer.
Interaction abandoned_call() {
  Interaction i;
  i.id = InteractionId{10};
  i.queue = QueueId{5};
  i.offered_at = at("2024-03-01T09:00:00Z");
  i.ended_at = at("2024-03-01T09:00:35Z");
  return i;
}

}  // namespace

TEST(Interaction, ValidAnsweredAndAbandonedContactsPass) {
  EXPECT_TRUE(passes(answered_call().validate()));
  EXPECT_TRUE(passes(abandoned_call().validate()));
}

TEST(Interaction, HelpersFollowTheirDefinitions) {
  const Interaction a = answered_call();
  EXPECT_FALSE(a.abandoned());
  EXPECT_EQ(a.wait(), 42s);          // 09:00:42 - 09:00:00
  EXPECT_EQ(a.handle_time(), 335s);  // 270 + 20 + 45
  const Interaction b = abandoned_call();
  EXPECT_TRUE(b.abandoned());
  EXPECT_EQ(b.wait(), 35s);  // ended - offered for an abandon
  EXPECT_EQ(b.handle_time(), 0s);
}

TEST(Interaction, AnsweredAtMustNotPrecedeOfferedAt) {
  Interaction i = answered_call();
  i.answered_at = at("2024-03-01T08:59:59Z");
  EXPECT_TRUE(fails_on(i.validate(), "interaction.answered_at", "2024-03-01T08:59:59Z"));
}

TEST(Interaction, EndedAtMustNotPrecedeTheAnswerOrForAnAbandonTheOffer) {
  Interaction i = answered_call();
  i.ended_at = at("2024-03-01T09:00:41Z");  // after the offer, before the answer
  EXPECT_TRUE(fails_on(i.validate(), "interaction.ended_at", "2024-03-01T09:00:41Z"));
  Interaction b = abandoned_call();
  b.ended_at = at("2024-03-01T08:59:00Z");
  EXPECT_TRUE(fails_on(b.validate(), "interaction.ended_at", "2024-03-01T08:59:00Z"));
  b.ended_at = b.offered_at;  // a zero-length abandon is allowed
  EXPECT_TRUE(passes(b.validate()));
}

TEST(Interaction, DurationsMustNotBeNegative) {
  Interaction i = answered_call();
  i.talk_time = -1s;
  EXPECT_TRUE(fails_on(i.validate(), "interaction.talk_time", "-1000ms"));
  i = answered_call();
  i.hold_time = -1ms;
  EXPECT_TRUE(fails_on(i.validate(), "interaction.hold_time", "-1ms"));
  i = answered_call();
  i.wrap_up_time = -45s;
  EXPECT_TRUE(fails_on(i.validate(), "interaction.wrap_up_time", "-45000ms"));
}

TEST(Interaction, AnUnansweredContactHasNoTalkOrHold) {
  Interaction b = abandoned_call();
  b.talk_time = 3s;
  EXPECT_TRUE(fails_on(b.validate(), "interaction.talk_time", "3000ms"));
  b = abandoned_call();
  b.hold_time = 1s;
  EXPECT_TRUE(fails_on(b.validate(), "interaction.hold_time", "1000ms"));
  b = abandoned_call();
  b.wrap_up_time = 10s;  // a note after a missed call is still work
  EXPECT_TRUE(passes(b.validate()));
}

TEST(Interaction, TalkPlusHoldFitsInTheConnectedTime) {
  Interaction i = answered_call();
  i.talk_time = 280s;  // 280 + 20 = 300 s = the connected time exactly
  EXPECT_TRUE(passes(i.validate()));
  i.talk_time = 280s + 1ms;
  EXPECT_TRUE(fails_on(i.validate(), "interaction.talk_time", "280001ms"));
}

TEST(Interaction, CsatIsOneToFiveAndNpsZeroToTen) {
  Interaction i = answered_call();
  for (int ok : {1, 5}) {
    i.csat = ok;
    EXPECT_TRUE(passes(i.validate())) << ok;
  }
  i.csat = 0;
  EXPECT_TRUE(fails_on(i.validate(), "interaction.csat", "0"));
  i.csat = 6;
  EXPECT_TRUE(fails_on(i.validate(), "interaction.csat", "6"));
  i = answered_call();
  for (int ok : {0, 10}) {
    i.nps = ok;
    EXPECT_TRUE(passes(i.validate())) << ok;
  }
  i.nps = -1;
  EXPECT_TRUE(fails_on(i.validate(), "interaction.nps", "-1"));
  i.nps = 11;
  EXPECT_TRUE(fails_on(i.validate(), "interaction.nps", "11"));
}

TEST(Interaction, AnExternalIdIsNotBlankWhenPresent) {
  Interaction i = answered_call();
  i.external_id = "";
  EXPECT_TRUE(fails_on(i.validate(), "interaction.external_id", ""));
  i.external_id.reset();
  EXPECT_TRUE(passes(i.validate()));
}

TEST(Interaction, AbsurdInstantsAreRejectedWithoutOverflow) {
  // Spans near the int64 limits must not overflow inside validate().
  Interaction i = answered_call();
  i.offered_at = Instant::from_unix_ms(INT64_MIN);
  i.answered_at = Instant::from_unix_ms(INT64_MIN);
  i.ended_at = Instant::from_unix_ms(INT64_MAX);
  i.talk_time = std::chrono::milliseconds(INT64_MAX);
  i.hold_time = std::chrono::milliseconds(INT64_MAX);
  EXPECT_TRUE(fails_on(i.validate(), "interaction.talk_time", fmt::format("{}ms", INT64_MAX)));
  // Instants beyond ISO-8601's four-digit years are quoted as raw milliseconds.
  Interaction j = answered_call();
  j.offered_at = Instant::from_unix_ms(0);
  j.answered_at = Instant::from_unix_ms(INT64_MIN);
  EXPECT_TRUE(fails_on(j.validate(), "interaction.answered_at", fmt::format("{}ms since epoch", INT64_MIN)));
  EXPECT_FALSE(fmt::format("{}", j).empty());
}

TEST(Interaction, IsARegularPrintableValue) {
  const Interaction a = answered_call();
  Interaction b = a;
  EXPECT_EQ(a, b);
  b.notes = "called back";
  EXPECT_NE(a, b);
  EXPECT_EQ(fmt::format("{}", a),
            "interaction 9 voice inbound queue 5 offered 2024-03-01T09:00:00Z answered after 42000ms");
  EXPECT_EQ(fmt::format("{}", abandoned_call()),
            "interaction 10 voice inbound queue 5 offered 2024-03-01T09:00:00Z abandoned after 35000ms");
}
