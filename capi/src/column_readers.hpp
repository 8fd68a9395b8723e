#pragma once

// Reading a caller's Table into the library's columnar structs, and the
// reverse: the checks and conversions shared by every *_from_table /
// *_to_table of the C ABI and the Python module. Errors name the column and,
// for a value, "column[row]".

#include "table.hpp"

#include <backoffice/core/result.hpp>
#include <backoffice/domain/interaction_columns.hpp>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace backoffice::capi {

// "name[row]", the field of a bad value.
std::string cell(const Column& c, std::size_t row);

// kInvalidArgument naming "columns" and the first column of `t` not in
// `known`; `what` says which table ("an interaction column").
Status check_known_columns(const Table& t, std::initializer_list<std::string_view> known,
                           std::string_view what);

// The integer-backed column `name`, nullptr when absent and not required.
Result<const Column*> integer_column(const Table& t, std::string_view name, bool required);
// The string column `name`, nullptr when absent.
Result<const Column*> string_column(const Table& t, std::string_view name);

// A required column (no nulls) or an optional one (absent or null =
// `fallback`) into `out`.
Status read_ints(const Table& t, std::string_view name, bool required, std::int64_t fallback,
                 std::vector<std::int64_t>& out);

// Small integer codes in [lo, hi]; absent or null gives `null_code`.
template <typename T>
Status read_small(const Table& t, std::string_view name, int null_code, std::int64_t lo, std::int64_t hi,
                  std::vector<T>& out);

// Booleans: any non-zero value is true, as in C; absent or null gives `null_code`.
template <typename T>
Status read_bool(const Table& t, std::string_view name, int null_code, std::vector<T>& out);

// Enum text through `parse(text, field)`; absent or null gives `fallback`.
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

// Text interned in `dict`; absent or null reads as "".
Status read_codes(const Table& t, std::string_view name, StringDictionary& dict,
                  std::vector<std::int32_t>& out);

// Sentinel-coded nullable int64 values (kNullInt64) with a validity mask.
Column nullable_int64(std::string name, ColumnType type, std::vector<std::int64_t> values);

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

// Codes as text through `to_text(code)`.
template <typename T, typename ToText>
Column text_column(std::string name, const std::vector<T>& codes, ToText to_text) {
  StringColumnBuilder b;
  b.reserve(codes.size(), codes.size() * 8);
  for (auto code : codes) b.append(to_text(code));
  return std::move(b).finish(std::move(name));
}

// Adds a column whose size and name are correct by construction.
void must_add(Table& t, Column c);

}  // namespace backoffice::capi
