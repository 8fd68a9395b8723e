#pragma once

// The table behind bo_table_t and the Python package's DataFrames: named,
// typed columns over contiguous buffers. Internal to capi/ and python/; the
// C ABI and the pybind11 module are its only users.

#include <backoffice/core/result.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace backoffice::capi {

// Values match BO_TYPE_* in backoffice.h; append only.
enum class ColumnType : std::int32_t {
  kInt64 = 1,
  kDouble = 2,
  kString = 3,
  kInstant = 4,   // int64 Unix milliseconds, UTC
  kDuration = 5,  // int64 milliseconds
  kBool = 6,      // int64 0 or 1
};

// True for the types stored as int64 (all but double and string).
bool is_integer_backed(ColumnType type);
// A valid ColumnType value.
bool is_column_type(std::int32_t value);
std::string_view to_string(ColumnType type);

// One column: `size` values in one contiguous buffer (ints for the integer
// types, doubles, or offsets + chars for strings) and an optional validity
// mask. The buffers are owned by `keep_alive`, which is either the column's
// own storage or an object of the caller's (a numpy array) that the column
// borrows without copying.
struct Column {
  std::string name;
  ColumnType type = ColumnType::kInt64;
  std::size_t size = 0;
  const std::int64_t* ints = nullptr;
  const double* doubles = nullptr;
  // Strings: offsets has size + 1 entries; string i is
  // chars[offsets[i], offsets[i+1] - 1) and chars[offsets[i+1] - 1] is a NUL.
  const std::int64_t* offsets = nullptr;
  const char* chars = nullptr;
  const std::uint8_t* valid = nullptr;  // nullptr: no nulls; else 1 = present
  std::shared_ptr<const void> keep_alive;

  bool is_null(std::size_t row) const { return valid != nullptr && valid[row] == 0; }
  // Precondition: type == kString and row < size. NUL-terminated view.
  std::string_view string(std::size_t row) const {
    auto begin = static_cast<std::size_t>(offsets[row]);
    auto end = static_cast<std::size_t>(offsets[row + 1]) - 1;
    return {chars + begin, end - begin};
  }
};

// Owning columns; an empty `valid` means no nulls.
Column int64_column(std::string name, ColumnType type, std::vector<std::int64_t> values,
                    std::vector<std::uint8_t> valid = {});
Column double_column(std::string name, std::vector<double> values, std::vector<std::uint8_t> valid = {});
// Borrowing columns: the buffers must stay valid while keep_alive lives.
Column borrowed_int64_column(std::string name, ColumnType type, const std::int64_t* values, std::size_t size,
                             const std::uint8_t* valid, std::shared_ptr<const void> keep_alive);
Column borrowed_double_column(std::string name, const double* values, std::size_t size,
                              const std::uint8_t* valid, std::shared_ptr<const void> keep_alive);

// Appends strings one by one into one buffer. O(total bytes).
class StringColumnBuilder {
 public:
  void reserve(std::size_t rows, std::size_t bytes);
  void append(std::string_view text);
  void append_null();
  Column finish(std::string name) &&;

 private:
  std::vector<std::int64_t> offsets_{0};
  std::string chars_;
  std::vector<std::uint8_t> valid_;
  bool any_null_ = false;
};

class Table {
 public:
  explicit Table(std::size_t rows = 0) : rows_(rows) {}

  // Appends a column. kInvalidArgument naming the column when its size is
  // not rows() or its name is empty or already taken.
  Status add(Column column);

  std::size_t rows() const { return rows_; }
  std::size_t columns() const { return columns_.size(); }
  const Column& column(std::size_t i) const { return columns_[i]; }
  // The column called `name`, or nullptr. O(columns).
  const Column* find(std::string_view name) const;

  // Key/value pairs describing how the table was made (a KPI report's
  // definition, grouping and zone); empty for plain data tables.
  std::vector<std::pair<std::string, std::string>> metadata;

 private:
  std::size_t rows_ = 0;
  std::vector<Column> columns_;
};

}  // namespace backoffice::capi
