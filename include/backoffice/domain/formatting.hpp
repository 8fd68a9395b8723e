#pragma once

#include <fmt/format.h>

#include <string_view>

namespace backoffice::detail {

// Base for the fmt formatters of domain enums and records: formats the text
// that `to_string(value)` (found by argument-dependent lookup) returns, with
// the usual string format spec ("{:>12}").
template <typename T>
struct ToStringFormatter : fmt::formatter<std::string_view> {
  auto format(const T& value, fmt::format_context& ctx) const {
    const auto text = to_string(value);
    return fmt::formatter<std::string_view>::format(std::string_view(text), ctx);
  }
};

}  // namespace backoffice::detail
