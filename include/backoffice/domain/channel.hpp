#pragma once

#include <backoffice/core/result.hpp>
#include <backoffice/domain/formatting.hpp>

#include <array>
#include <string_view>

namespace backoffice {

// The medium a contact arrives on and a queue serves.
enum class Channel {
  kVoice,
  kChat,
  kEmail,
  kBackOffice,  // non-contact work (claims, invoices) routed like contacts
};

inline constexpr std::array kAllChannels{Channel::kVoice, Channel::kChat, Channel::kEmail,
                                         Channel::kBackOffice};

// "voice", "chat", "email", "back_office": stable names, stored in SQLite and
// CSV. A value outside the enumeration gives "unknown". O(1).
std::string_view to_string(Channel channel) noexcept;

// Reads the names to_string writes, ignoring ASCII case. Unknown text is a
// kParse error whose field is `field` and whose value is the text.
Result<Channel> parse_channel(std::string_view text, std::string_view field = "channel");

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::Channel> : backoffice::detail::ToStringFormatter<backoffice::Channel> {};
