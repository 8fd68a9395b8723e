#include "table.hpp"

#include <fmt/format.h>

#include <utility>

namespace backoffice::capi {

bool is_integer_backed(ColumnType type) { return type != ColumnType::kDouble && type != ColumnType::kString; }

bool is_column_type(std::int32_t value) { return value >= 1 && value <= 6; }

std::string_view to_string(ColumnType type) {
  switch (type) {
    case ColumnType::kInt64:
      return "int64";
    case ColumnType::kDouble:
      return "double";
    case ColumnType::kString:
      return "string";
    case ColumnType::kInstant:
      return "instant";
    case ColumnType::kDuration:
      return "duration";
    case ColumnType::kBool:
      return "bool";
  }
  return "unknown";
}

namespace {

struct OwnedBuffers {
  std::vector<std::int64_t> ints;
  std::vector<double> doubles;
  std::vector<std::int64_t> offsets;
  std::string chars;
  std::vector<std::uint8_t> valid;
};

Column from_owned(std::string name, ColumnType type, std::size_t size, std::shared_ptr<OwnedBuffers> owned) {
  Column c;
  c.name = std::move(name);
  c.type = type;
  c.size = size;
  c.ints = owned->ints.empty() ? nullptr : owned->ints.data();
  c.doubles = owned->doubles.empty() ? nullptr : owned->doubles.data();
  c.offsets = owned->offsets.empty() ? nullptr : owned->offsets.data();
  c.chars = owned->chars.empty() ? nullptr : owned->chars.data();
  c.valid = owned->valid.empty() ? nullptr : owned->valid.data();
  c.keep_alive = std::move(owned);
  return c;
}

}  // namespace

Column int64_column(std::string name, ColumnType type, std::vector<std::int64_t> values,
                    std::vector<std::uint8_t> valid) {
  auto owned = std::make_shared<OwnedBuffers>();
  std::size_t size = values.size();
  owned->ints = std::move(values);
  owned->valid = std::move(valid);
  return from_owned(std::move(name), type, size, std::move(owned));
}

Column double_column(std::string name, std::vector<double> values, std::vector<std::uint8_t> valid) {
  auto owned = std::make_shared<OwnedBuffers>();
  std::size_t size = values.size();
  owned->doubles = std::move(values);
  owned->valid = std::move(valid);
  return from_owned(std::move(name), ColumnType::kDouble, size, std::move(owned));
}

Column borrowed_int64_column(std::string name, ColumnType type, const std::int64_t* values, std::size_t size,
                             const std::uint8_t* valid, std::shared_ptr<const void> keep_alive) {
  Column c;
  c.name = std::move(name);
  c.type = type;
  c.size = size;
  c.ints = values;
  c.valid = valid;
  c.keep_alive = std::move(keep_alive);
  return c;
}

Column borrowed_double_column(std::string name, const double* values, std::size_t size,
                              const std::uint8_t* valid, std::shared_ptr<const void> keep_alive) {
  Column c;
  c.name = std::move(name);
  c.type = ColumnType::kDouble;
  c.size = size;
  c.doubles = values;
  c.valid = valid;
  c.keep_alive = std::move(keep_alive);
  return c;
}

void StringColumnBuilder::reserve(std::size_t rows, std::size_t bytes) {
  offsets_.reserve(rows + 1);
  valid_.reserve(rows);
  chars_.reserve(bytes + rows);
}

void StringColumnBuilder::append(std::string_view text) {
  chars_.append(text);
  chars_.push_back('\0');
  offsets_.push_back(static_cast<std::int64_t>(chars_.size()));
  valid_.push_back(1);
}

void StringColumnBuilder::append_null() {
  chars_.push_back('\0');
  offsets_.push_back(static_cast<std::int64_t>(chars_.size()));
  valid_.push_back(0);
  any_null_ = true;
}

Column StringColumnBuilder::finish(std::string name) && {
  auto owned = std::make_shared<OwnedBuffers>();
  std::size_t size = offsets_.size() - 1;
  owned->offsets = std::move(offsets_);
  // An empty column still needs a readable chars pointer for string().
  owned->chars = chars_.empty() ? std::string(1, '\0') : std::move(chars_);
  if (any_null_) owned->valid = std::move(valid_);
  return from_owned(std::move(name), ColumnType::kString, size, std::move(owned));
}

Status Table::add(Column column) {
  if (column.name.empty()) {
    return invalid_argument("column.name", "", "a column needs a non-empty name");
  }
  if (column.size != rows_) {
    return invalid_argument(column.name, fmt::format("{} rows", column.size),
                            fmt::format("the table has {} rows", rows_));
  }
  if (find(column.name) != nullptr) {
    return invalid_argument("column.name", column.name, "a column of that name already exists");
  }
  columns_.push_back(std::move(column));
  return {};
}

const Column* Table::find(std::string_view name) const {
  for (const auto& c : columns_) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

}  // namespace backoffice::capi
