#include <backoffice/domain/channel.hpp>

#include "domain/enum_text.hpp"

namespace backoffice {
namespace {

constexpr std::array<detail::EnumName<Channel>, 4> kChannelNames{{
    {Channel::kVoice, "voice"},
    {Channel::kChat, "chat"},
    {Channel::kEmail, "email"},
    {Channel::kBackOffice, "back_office"},
}};

}  // namespace

std::string_view to_string(Channel channel) noexcept { return detail::enum_name(kChannelNames, channel); }

Result<Channel> parse_channel(std::string_view text, std::string_view field) {
  return detail::parse_enum(kChannelNames, text, field);
}

}  // namespace backoffice
