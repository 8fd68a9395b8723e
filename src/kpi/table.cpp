#include <backoffice/kpi/table.hpp>

#include <algorithm>
#include <cmath>

namespace backoffice {

std::size_t TableColumn::size() const {
  return std::visit([](const auto& v) { return v.size(); }, values);
}

std::string TableColumn::cell_text(std::size_t i) const {
  return std::visit(
      [i](const auto& v) -> std::string {
        using T = typename std::decay_t<decltype(v)>::value_type;
        if constexpr (std::is_same_v<T, double>) {
          return std::isnan(v[i]) ? std::string() : fmt::format("{:.6g}", v[i]);
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return std::to_string(v[i]);
        } else {
          return v[i];
        }
      },
      values);
}

const TableColumn* Table::find(std::string_view name) const {
  for (const auto& c : columns) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

namespace {
void append_csv_cell(std::string& out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}
}  // namespace

std::string Table::to_csv() const {
  std::string out;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (c) out += ',';
    append_csv_cell(out, columns[c].name);
  }
  out += "\r\n";
  for (std::size_t r = 0; r < row_count(); ++r) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (c) out += ',';
      append_csv_cell(out, columns[c].cell_text(r));
    }
    out += "\r\n";
  }
  return out;
}

std::string Table::to_text(std::size_t max_rows) const {
  const std::size_t rows = std::min(row_count(), max_rows);
  std::vector<std::size_t> width(columns.size());
  for (std::size_t c = 0; c < columns.size(); ++c) {
    width[c] = columns[c].name.size();
    for (std::size_t r = 0; r < rows; ++r) width[c] = std::max(width[c], columns[c].cell_text(r).size());
  }
  std::string out;
  for (std::size_t c = 0; c < columns.size(); ++c) out += fmt::format("{:>{}}  ", columns[c].name, width[c]);
  out += '\n';
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < columns.size(); ++c) out += fmt::format("{:>{}}  ", columns[c].cell_text(r), width[c]);
    out += '\n';
  }
  if (rows < row_count()) out += fmt::format("... {} more rows\n", row_count() - rows);
  return out;
}

}  // namespace backoffice
