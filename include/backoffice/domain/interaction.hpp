#pragma once

#include <backoffice/core/ids.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/channel.hpp>
#include <backoffice/domain/formatting.hpp>

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace backoffice {

// Who started the contact.
enum class Direction {
  kInbound,   // the customer contacted the business
  kOutbound,  // the business contacted the customer
};

inline constexpr std::array kAllDirections{Direction::kInbound, Direction::kOutbound};

// "inbound", "outbound": stable names (SQLite, CSV); "unknown" otherwise.
std::string_view to_string(Direction direction) noexcept;
// Reads to_string's names, ignoring ASCII case; unknown text is a kParse
// error naming `field` and the text.
Result<Direction> parse_direction(std::string_view text, std::string_view field = "direction");

// One contact: a call, chat or e-mail, from the moment it was offered to a
// queue until it ended. All instants are UTC; durations are milliseconds.
//
//   offered_at ──wait──> answered_at ──talk + hold──> ended_at ──wrap-up──>
//
// An interaction with no answered_at was not answered: an abandon for an
// inbound contact, a no-answer for an outbound one.
struct Interaction {
  InteractionId id;
  Channel channel = Channel::kVoice;
  Direction direction = Direction::kInbound;
  QueueId queue;
  std::optional<CustomerId> customer;  // absent: caller not identified
  std::optional<AgentId> agent;        // absent: never reached an agent
  Instant offered_at;                  // entered the queue
  std::optional<Instant> answered_at;  // absent: not answered
  Instant ended_at;                    // the customer or agent left
  std::chrono::milliseconds talk_time{0};
  std::chrono::milliseconds hold_time{0};
  std::chrono::milliseconds wrap_up_time{0};  // after-contact work, after ended_at
  bool transferred = false;
  std::string reason_code;       // why the customer made contact (free code)
  std::string disposition;       // how it was closed (free code)
  std::optional<bool> resolved;  // absent: not known
  std::optional<int> csat;       // customer satisfaction, 1..5
  std::optional<int> nps;        // likelihood to recommend, 0..10
  std::string notes;
  std::optional<std::string> external_id;  // the id in the source system (ACD, CRM)

  static constexpr int kMinCsat = 1;
  static constexpr int kMaxCsat = 5;
  static constexpr int kMinNps = 0;
  static constexpr int kMaxNps = 10;

  // True when the contact was never answered (answered_at is absent).
  bool abandoned() const { return !answered_at.has_value(); }
  // Time in queue: answered_at - offered_at, or ended_at - offered_at when
  // not answered (how long the customer waited before giving up). On a
  // record that passes validate() it is >= 0.
  std::chrono::milliseconds wait() const { return (answered_at ? *answered_at : ended_at) - offered_at; }
  // Handle time: talk + hold + wrap-up (the AHT numerator). On a record that
  // passes validate() it is >= 0.
  std::chrono::milliseconds handle_time() const { return talk_time + hold_time + wrap_up_time; }

  // Checks, in this order, and reports the first failure as a kValidation
  // error with field "interaction.<field>" and the offending value as text
  // (instants ISO-8601, durations as "<n>ms"):
  //  - answered_at >= offered_at;
  //  - ended_at >= answered_at, or ended_at >= offered_at when not answered;
  //  - talk_time, hold_time, wrap_up_time >= 0;
  //  - an unanswered contact has talk_time = hold_time = 0;
  //  - talk_time + hold_time <= ended_at - answered_at (they happen while
  //    connected; reported on talk_time);
  //  - csat in 1..5, nps in 0..10 when present;
  //  - external_id, when present, is not blank.
  Status validate() const;

  friend bool operator==(const Interaction&, const Interaction&) = default;
};

// "interaction 9 voice inbound queue 5 offered 2024-03-01T09:00:00Z answered after 42000ms"
// or "... abandoned after 35000ms". No customer details.
std::string to_string(const Interaction& interaction);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::Direction> : backoffice::detail::ToStringFormatter<backoffice::Direction> {
};
template <>
struct fmt::formatter<backoffice::Interaction>
    : backoffice::detail::ToStringFormatter<backoffice::Interaction> {};
