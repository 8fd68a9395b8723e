#include "column_readers.hpp"

#include <fmt/format.h>

namespace backoffice::capi {

std::string cell(const Column& c, std::size_t row) { return fmt::format("{}[{}]", c.name, row); }

Status check_known_columns(const Table& t, std::initializer_list<std::string_view> known,
                           std::string_view what) {
  for (std::size_t i = 0; i < t.columns(); ++i) {
    const auto& name = t.column(i).name;
    bool found = false;
    for (std::string_view k : known) found = found || k == name;
    if (!found) return invalid_argument("columns", name, fmt::format("not {} (see docs/capi.md)", what));
  }
  return {};
}

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

// The code widths the record columns use.
template Status read_small<std::int8_t>(const Table&, std::string_view, int, std::int64_t, std::int64_t,
                                        std::vector<std::int8_t>&);
template Status read_small<std::uint8_t>(const Table&, std::string_view, int, std::int64_t, std::int64_t,
                                         std::vector<std::uint8_t>&);
template Status read_bool<std::int8_t>(const Table&, std::string_view, int, std::vector<std::int8_t>&);
template Status read_bool<std::uint8_t>(const Table&, std::string_view, int, std::vector<std::uint8_t>&);

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

void must_add(Table& t, Column c) { t.add(std::move(c)).check(); }

}  // namespace backoffice::capi
