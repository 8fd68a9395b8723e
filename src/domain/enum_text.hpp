#pragma once

// Text names of the domain enums. The names are stored in SQLite and written
// to CSV, so a table here only ever gains rows; an existing name never changes.

#include <backoffice/core/result.hpp>

#include <fmt/format.h>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace backoffice::detail {

template <typename E>
struct EnumName {
  E value;
  std::string_view name;
};

constexpr char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

template <typename E, std::size_t N>
constexpr std::string_view enum_name(const std::array<EnumName<E>, N>& table, E value) {
  for (const auto& entry : table) {
    if (entry.value == value) return entry.name;
  }
  return "unknown";
}

// Case-insensitive so hand-edited CSV ("Voice", "P1", "p1") reads back; the
// written form is always the table's.
template <typename E, std::size_t N>
Result<E> parse_enum(const std::array<EnumName<E>, N>& table, std::string_view text, std::string_view field) {
  for (const auto& entry : table) {
    if (equals_ignoring_ascii_case(entry.name, text)) return entry.value;
  }
  std::string expected;
  for (const auto& entry : table) {
    if (!expected.empty()) expected += ", ";
    expected += entry.name;
  }
  return parse_error(field, text, fmt::format("unknown name; expected one of: {}", expected));
}

}  // namespace backoffice::detail
