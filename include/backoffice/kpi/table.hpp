#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace backoffice {

// A typed column of a report: int64 counts and ids, double ratios, or text
// labels. All columns of a Table have the same length.
struct TableColumn {
  std::string name;
  std::variant<std::vector<std::int64_t>, std::vector<double>, std::vector<std::string>> values;

  std::size_t size() const;
  // Cell i as text (doubles with up to 6 significant digits, NaN as empty).
  std::string cell_text(std::size_t i) const;
};

// A report as a table: one row per group, one column per dimension or metric,
// plus metadata (the definitions and parameters used) so a stored result can
// be audited. Converts to CSV and prints with fmt.
class Table {
 public:
  std::vector<TableColumn> columns;
  std::vector<std::pair<std::string, std::string>> metadata;

  std::size_t row_count() const { return columns.empty() ? 0 : columns.front().size(); }
  // nullptr when no column has that name.
  const TableColumn* find(std::string_view name) const;
  // RFC 4180 CSV with a header row; metadata is not included.
  std::string to_csv() const;
  // An aligned text table of at most `max_rows` rows, for terminals and logs.
  std::string to_text(std::size_t max_rows = 50) const;
};

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::Table> : fmt::formatter<std::string_view> {
  auto format(const backoffice::Table& t, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(t.to_text(), ctx);
  }
};
