#include "interaction_table.hpp"

#include "column_readers.hpp"

#include <backoffice/domain/channel.hpp>
#include <backoffice/domain/interaction.hpp>

#include <fmt/format.h>

#include <string_view>
#include <utility>

namespace backoffice::capi {

Table interactions_to_table(InteractionColumns&& x) {
  Table t(x.size());
  must_add(t, int64_column("id", ColumnType::kInt64, std::move(x.id)));
  must_add(t, text_column("channel", x.channel,
                          [](std::uint8_t c) { return to_string(static_cast<Channel>(c)); }));
  must_add(t, text_column("direction", x.direction,
                          [](std::uint8_t d) { return to_string(static_cast<Direction>(d)); }));
  must_add(t, int64_column("queue_id", ColumnType::kInt64, std::move(x.queue_id)));
  must_add(t, nullable_int64("customer_id", ColumnType::kInt64, std::move(x.customer_id)));
  must_add(t, nullable_int64("agent_id", ColumnType::kInt64, std::move(x.agent_id)));
  must_add(t, int64_column("offered_at", ColumnType::kInstant, std::move(x.offered_ms)));
  must_add(t, nullable_int64("answered_at", ColumnType::kInstant, std::move(x.answered_ms)));
  must_add(t, int64_column("ended_at", ColumnType::kInstant, std::move(x.ended_ms)));
  must_add(t, int64_column("talk_time", ColumnType::kDuration, std::move(x.talk_ms)));
  must_add(t, int64_column("hold_time", ColumnType::kDuration, std::move(x.hold_ms)));
  must_add(t, int64_column("wrap_up_time", ColumnType::kDuration, std::move(x.wrap_ms)));
  must_add(t, widened("transferred", ColumnType::kBool, x.transferred, -1));
  must_add(t, widened("resolved", ColumnType::kBool, x.resolved, -1));
  must_add(t, widened("csat", ColumnType::kInt64, x.csat, 0));
  must_add(t, widened("nps", ColumnType::kInt64, x.nps, -1));
  must_add(t, text_column("reason", x.reason,
                          [&](std::int32_t code) -> std::string_view { return x.reasons.text(code); }));
  must_add(t, text_column("disposition", x.disposition,
                          [&](std::int32_t code) -> std::string_view { return x.dispositions.text(code); }));
  return t;
}

Result<InteractionColumns> interactions_from_table(const Table& t) {
  BO_RETURN_IF_ERROR(check_known_columns(
      t,
      {"id", "channel", "direction", "queue_id", "customer_id", "agent_id", "offered_at", "answered_at",
       "ended_at", "talk_time", "hold_time", "wrap_up_time", "transferred", "resolved", "csat", "nps", "reason",
       "disposition"},
      "an interaction column"));
  InteractionColumns x;
  BO_RETURN_IF_ERROR(read_ints(t, "id", false, 0, x.id));
  BO_RETURN_IF_ERROR(read_enum(
      t, "channel", static_cast<std::uint8_t>(Channel::kVoice),
      [](std::string_view s, const std::string& f) { return parse_channel(s, f); }, x.channel));
  BO_RETURN_IF_ERROR(read_enum(
      t, "direction", static_cast<std::uint8_t>(Direction::kInbound),
      [](std::string_view s, const std::string& f) { return parse_direction(s, f); }, x.direction));
  BO_RETURN_IF_ERROR(read_ints(t, "queue_id", true, 0, x.queue_id));
  BO_RETURN_IF_ERROR(read_ints(t, "customer_id", false, kNullInt64, x.customer_id));
  BO_RETURN_IF_ERROR(read_ints(t, "agent_id", false, kNullInt64, x.agent_id));
  BO_RETURN_IF_ERROR(read_ints(t, "offered_at", true, 0, x.offered_ms));
  BO_RETURN_IF_ERROR(read_ints(t, "answered_at", false, kNullInt64, x.answered_ms));
  BO_RETURN_IF_ERROR(read_ints(t, "ended_at", true, 0, x.ended_ms));
  BO_RETURN_IF_ERROR(read_ints(t, "talk_time", false, 0, x.talk_ms));
  BO_RETURN_IF_ERROR(read_ints(t, "hold_time", false, 0, x.hold_ms));
  BO_RETURN_IF_ERROR(read_ints(t, "wrap_up_time", false, 0, x.wrap_ms));
  BO_RETURN_IF_ERROR(read_bool(t, "transferred", 0, x.transferred));
  BO_RETURN_IF_ERROR(read_bool(t, "resolved", -1, x.resolved));
  // csat 0 and nps -1 are the encoding's "not surveyed"; other values out
  // of a record's range pass through so that validation reports them by row.
  BO_RETURN_IF_ERROR(read_small(t, "csat", 0, 1, 127, x.csat));
  BO_RETURN_IF_ERROR(read_small(t, "nps", -1, 0, 127, x.nps));
  BO_RETURN_IF_ERROR(read_codes(t, "reason", x.reasons, x.reason));
  BO_RETURN_IF_ERROR(read_codes(t, "disposition", x.dispositions, x.disposition));
  return x;
}

Table ingest_errors_table(const std::vector<RowError>& errors) {
  Table t(errors.size());
  std::vector<std::int64_t> rows;
  rows.reserve(errors.size());
  StringColumnBuilder field, value, reason;
  for (const auto& e : errors) {
    rows.push_back(static_cast<std::int64_t>(e.row));
    field.append(e.field);
    value.append(e.value);
    reason.append(e.reason);
  }
  must_add(t, int64_column("row", ColumnType::kInt64, std::move(rows)));
  must_add(t, std::move(field).finish("field"));
  must_add(t, std::move(value).finish("value"));
  must_add(t, std::move(reason).finish("reason"));
  return t;
}

}  // namespace backoffice::capi
