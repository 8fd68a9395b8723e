#include "interaction_table.hpp"

#include <backoffice/domain/channel.hpp>
#include <backoffice/domain/interaction.hpp>

#include <fmt/format.h>

#include <array>
#include <string_view>
#include <utility>

namespace backoffice::capi {

namespace {

// Sentinel-coded nullable int64 values become a validity mask; the values
// themselves stay as they are (kNullInt64 == BO_NULL_INT64 in null slots).
Column nullable_int64(std::string name, ColumnType type, std::vector<std::int64_t> values) {
  std::vector<std::uint8_t> valid(values.size());
  bool any_null = false;
  for (std::size_t i = 0; i < values.size(); ++i) {
    valid[i] = values[i] != kNullInt64 ? 1 : 0;
    any_null = any_null || valid[i] == 0;
  }
  if (!any_null) valid.clear();
  return int64_column(std::move(name), type, std::move(values), std::move(valid));
}

// Small codes (int8/uint8) widened to int64, with `null_code` read as null.
template <typename T>
Column widened(std::string name, ColumnType type, const std::vector<T>& codes, int null_code) {
  std::vector<std::int64_t> values(codes.size());
  std::vector<std::uint8_t> valid(codes.size());
  bool any_null = false;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    bool is_null = static_cast<int>(codes[i]) == null_code;
    values[i] = is_null ? kNullInt64 : static_cast<std::int64_t>(codes[i]);
    valid[i] = is_null ? 0 : 1;
    any_null = any_null || is_null;
  }
  if (!any_null) valid.clear();
  return int64_column(std::move(name), type, std::move(values), std::move(valid));
}

template <typename T, typename ToText>
Column text_column(std::string name, const std::vector<T>& codes, ToText to_text) {
  StringColumnBuilder b;
  b.reserve(codes.size(), codes.size() * 8);
  for (auto code : codes) b.append(to_text(code));
  return std::move(b).finish(std::move(name));
}

void must_add(Table& t, Column c) {
  // Sizes and names are ours and correct by construction.
  t.add(std::move(c)).check();
}

constexpr std::array kKnownColumns{"id",        "channel",      "direction",   "queue_id", "customer_id",
                                   "agent_id",  "offered_at",   "answered_at", "ended_at", "talk_time",
                                   "hold_time", "wrap_up_time", "transferred", "resolved", "csat",
                                   "nps",       "reason",       "disposition"};

std::string cell(const Column& c, std::size_t row) { return fmt::format("{}[{}]", c.name, row); }

Result<const Column*> integer_column(const Table& t, std::string_view name, bool required) {
  const Column* c = t.find(name);
  if (c == nullptr) {
    if (required) return invalid_argument(name, "", "required column is missing");
    return nullptr;
  }
  if (!is_integer_backed(c->type)) {
    return invalid_argument(name, to_string(c->type),
                            "expected an integer, instant, duration or bool column");
  }
  if (c->size > 0 && c->ints == nullptr) return invalid_argument(name, "", "column has no values");
  return c;
}

Result<const Column*> string_column(const Table& t, std::string_view name) {
  const Column* c = t.find(name);
  if (c == nullptr) return nullptr;
  if (c->type != ColumnType::kString) {
    return invalid_argument(name, to_string(c->type), "expected a string column");
  }
  return c;
}

// Reads a required column (no nulls) or an optional one (absent or null =
// `fallback`) into `out`.
Status read_ints(const Table& t, std::string_view name, bool required, std::int64_t fallback,
                 std::vector<std::int64_t>& out) {
  BO_ASSIGN_OR_RETURN(const Column* c, integer_column(t, name, required));
  out.assign(t.rows(), fallback);
  if (c == nullptr) return {};
  for (std::size_t i = 0; i < t.rows(); ++i) {
    if (c->is_null(i) || c->ints[i] == kNullInt64) {
      if (required) return invalid_argument(cell(*c, i), "null", "required value is missing");
      continue;
    }
    out[i] = c->ints[i];
  }
  return {};
}

template <typename T>
Status read_small(const Table& t, std::string_view name, int null_code, std::int64_t lo, std::int64_t hi,
                  std::vector<T>& out) {
  BO_ASSIGN_OR_RETURN(const Column* c, integer_column(t, name, false));
  out.assign(t.rows(), static_cast<T>(null_code));
  if (c == nullptr) return {};
  for (std::size_t i = 0; i < t.rows(); ++i) {
    if (c->is_null(i) || c->ints[i] == kNullInt64) continue;
    std::int64_t v = c->ints[i];
    if (v < lo || v > hi) {
      return invalid_argument(cell(*c, i), std::to_string(v), fmt::format("must be in {}..{}", lo, hi));
    }
    out[i] = static_cast<T>(v);
  }
  return {};
}

// Booleans: any non-zero value is true, as in C; absent or null gives `null_code`.
template <typename T>
Status read_bool(const Table& t, std::string_view name, int null_code, std::vector<T>& out) {
  BO_ASSIGN_OR_RETURN(const Column* c, integer_column(t, name, false));
  out.assign(t.rows(), static_cast<T>(null_code));
  if (c == nullptr) return {};
  for (std::size_t i = 0; i < t.rows(); ++i) {
    if (c->is_null(i) || c->ints[i] == kNullInt64) continue;
    out[i] = c->ints[i] != 0 ? 1 : 0;
  }
  return {};
}

template <typename Parse>
Status read_enum(const Table& t, std::string_view name, std::uint8_t fallback, Parse parse,
                 std::vector<std::uint8_t>& out) {
  BO_ASSIGN_OR_RETURN(const Column* c, string_column(t, name));
  out.assign(t.rows(), fallback);
  if (c == nullptr) return {};
  for (std::size_t i = 0; i < t.rows(); ++i) {
    if (c->is_null(i)) continue;
    BO_ASSIGN_OR_RETURN(auto v, parse(c->string(i), cell(*c, i)));
    out[i] = static_cast<std::uint8_t>(v);
  }
  return {};
}

Status read_codes(const Table& t, std::string_view name, StringDictionary& dict,
                  std::vector<std::int32_t>& out) {
  BO_ASSIGN_OR_RETURN(const Column* c, string_column(t, name));
  std::int32_t empty = dict.code("");
  out.assign(t.rows(), empty);
  if (c == nullptr) return {};
  for (std::size_t i = 0; i < t.rows(); ++i) {
    if (!c->is_null(i)) out[i] = dict.code(c->string(i));
  }
  return {};
}

}  // namespace

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
  for (std::size_t i = 0; i < t.columns(); ++i) {
    const auto& name = t.column(i).name;
    bool known = false;
    for (std::string_view k : kKnownColumns) known = known || k == name;
    if (!known) {
      return invalid_argument("columns", name,
                              "not an interaction column (see docs/capi.md, Interaction columns)");
    }
  }
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
