#include <backoffice/domain/interaction.hpp>

#include "domain/enum_text.hpp"
#include "domain/validation.hpp"

namespace backoffice {
namespace {

constexpr std::array<detail::EnumName<Direction>, 2> kDirectionNames{{
    {Direction::kInbound, "inbound"},
    {Direction::kOutbound, "outbound"},
}};

}  // namespace

std::string_view to_string(Direction direction) noexcept {
  return detail::enum_name(kDirectionNames, direction);
}

Result<Direction> parse_direction(std::string_view text, std::string_view field) {
  return detail::parse_enum(kDirectionNames, text, field);
}

Status Interaction::validate() const {
  using std::chrono::milliseconds;
  constexpr milliseconds kZero = milliseconds::zero();
  if (answered_at) {
    if (*answered_at < offered_at) {
      return detail::before_error("interaction.answered_at", *answered_at, "offered_at", offered_at);
    }
    if (ended_at < *answered_at) {
      return detail::before_error("interaction.ended_at", ended_at, "answered_at", *answered_at);
    }
  } else if (ended_at < offered_at) {
    return detail::before_error("interaction.ended_at", ended_at, "offered_at", offered_at);
  }
  if (talk_time < kZero) return detail::negative_error("interaction.talk_time", talk_time);
  if (hold_time < kZero) return detail::negative_error("interaction.hold_time", hold_time);
  if (wrap_up_time < kZero) return detail::negative_error("interaction.wrap_up_time", wrap_up_time);
  if (!answered_at) {
    if (talk_time != kZero) {
      return validation_error("interaction.talk_time", detail::duration_text(talk_time),
                              "an unanswered contact has no talk time");
    }
    if (hold_time != kZero) {
      return validation_error("interaction.hold_time", detail::duration_text(hold_time),
                              "an unanswered contact has no hold time");
    }
  } else {
    // Compared as talk > connected - hold: both sides are then free of
    // overflow, as connected and hold are known to be >= 0.
    const milliseconds connected = detail::saturating_span(ended_at, *answered_at);
    if (talk_time > connected - hold_time) {
      return validation_error(
          "interaction.talk_time", detail::duration_text(talk_time),
          fmt::format(
              "talk_time + hold_time ({} + {}) exceeds the connected time ended_at - answered_at ({})",
              detail::duration_text(talk_time), detail::duration_text(hold_time),
              detail::duration_text(connected)));
    }
  }
  if (csat && (*csat < kMinCsat || *csat > kMaxCsat)) {
    return detail::range_error("interaction.csat", *csat, kMinCsat, kMaxCsat);
  }
  if (nps && (*nps < kMinNps || *nps > kMaxNps))
    return detail::range_error("interaction.nps", *nps, kMinNps, kMaxNps);
  if (external_id && detail::is_blank(*external_id))
    return detail::blank_error("interaction.external_id", *external_id);
  return Status::Ok();
}

std::string to_string(const Interaction& interaction) {
  // Saturating, unlike wait(), so that printing an unvalidated record is safe.
  const auto waited =
      detail::saturating_span(interaction.answered_at.value_or(interaction.ended_at), interaction.offered_at);
  return fmt::format("interaction {} {} {} queue {} offered {} {} after {}", interaction.id,
                     interaction.channel, interaction.direction, interaction.queue,
                     detail::instant_text(interaction.offered_at),
                     interaction.abandoned() ? "abandoned" : "answered", detail::duration_text(waited));
}

}  // namespace backoffice
