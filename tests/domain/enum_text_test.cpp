#include <backoffice/domain/records.hpp>

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

using namespace backoffice;

namespace {

// Every enumerator's text round-trips through parse, and no two share a name.
template <typename E, std::size_t N, typename Parse>
void expect_round_trips(const std::array<E, N>& all, Parse parse) {
  std::set<std::string> seen;
  for (E e : all) {
    const std::string_view name = to_string(e);
    EXPECT_NE(name, "unknown");
    EXPECT_TRUE(seen.insert(std::string(name)).second) << "duplicate name " << name;
    auto back = parse(name);
    ASSERT_TRUE(back.ok()) << back.error().to_string();
    EXPECT_EQ(*back, e) << name;
    EXPECT_EQ(fmt::format("{}", e), name);
  }
}

template <typename E, std::size_t N>
std::vector<std::string> names_of(const std::array<E, N>& all) {
  std::vector<std::string> out;
  for (E e : all) out.emplace_back(to_string(e));
  return out;
}

using Names = std::vector<std::string>;

}  // namespace

// The expected lists are the stable names specified in docs/domain.md (the
// brief's field lists); they are stored in SQLite and CSV, so a change here
// is a data-format change.
TEST(DomainEnums, WriteTheDocumentedStableNames) {
  EXPECT_EQ(names_of(kAllChannels), (Names{"voice", "chat", "email", "back_office"}));
  EXPECT_EQ(names_of(kAllDirections), (Names{"inbound", "outbound"}));
  EXPECT_EQ(names_of(kAllOrderStatuses),
            (Names{"placed", "verified", "fulfilling", "shipped", "delivered", "cancelled", "returned"}));
  EXPECT_EQ(names_of(kAllCasePriorities), (Names{"P1", "P2", "P3", "P4"}));
  EXPECT_EQ(names_of(kAllCaseStatuses), (Names{"new", "open", "pending_customer", "pending_third_party",
                                               "escalated", "resolved", "closed", "reopened"}));
  EXPECT_EQ(names_of(kAllWorkItemKinds), (Names{"claim", "invoice", "refund", "data_entry", "other"}));
  EXPECT_EQ(names_of(kAllAgentStates),
            (Names{"available", "on_contact", "wrap_up", "break", "training", "offline"}));
}

TEST(DomainEnums, EveryNameRoundTripsThroughParse) {
  expect_round_trips(kAllChannels, [](std::string_view t) { return parse_channel(t); });
  expect_round_trips(kAllDirections, [](std::string_view t) { return parse_direction(t); });
  expect_round_trips(kAllOrderStatuses, [](std::string_view t) { return parse_order_status(t); });
  expect_round_trips(kAllCasePriorities, [](std::string_view t) { return parse_case_priority(t); });
  expect_round_trips(kAllCaseStatuses, [](std::string_view t) { return parse_case_status(t); });
  expect_round_trips(kAllWorkItemKinds, [](std::string_view t) { return parse_work_item_kind(t); });
  expect_round_trips(kAllAgentStates, [](std::string_view t) { return parse_agent_state(t); });
}

TEST(DomainEnums, ParsingIgnoresAsciiCase) {
  EXPECT_EQ(parse_channel("VOICE").value(), Channel::kVoice);
  EXPECT_EQ(parse_channel("Back_Office").value(), Channel::kBackOffice);
  EXPECT_EQ(parse_case_priority("p1").value(), CasePriority::kP1);
  EXPECT_EQ(parse_agent_state("On_Contact").value(), AgentState::kOnContact);
}

TEST(DomainEnums, UnknownTextIsAParseErrorNamingTheFieldAndTheValue) {
  auto r = parse_channel("fax", "interaction.channel");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kParse);
  EXPECT_EQ(r.error().field, "interaction.channel");
  EXPECT_EQ(r.error().value, "fax");
  EXPECT_NE(r.error().message.find("voice, chat, email, back_office"), std::string::npos)
      << r.error().message;

  auto s = parse_case_status("pending customer");  // a space, not an underscore
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "case_status");
  EXPECT_EQ(s.error().value, "pending customer");

  EXPECT_FALSE(parse_order_status("").ok());
  EXPECT_FALSE(parse_direction("inbound ").ok());  // no trimming: the CSV reader trims
  EXPECT_FALSE(parse_agent_state("wrap").ok());
}

TEST(DomainEnums, AValueOutsideTheEnumerationPrintsAsUnknown) {
  EXPECT_EQ(to_string(static_cast<Channel>(99)), "unknown");
  EXPECT_EQ(to_string(static_cast<CaseStatus>(-1)), "unknown");
}
