// bo_table_t: building tables from C arrays and reading their columns.

#include "boundary.hpp"
#include "handles.hpp"

#include <fmt/format.h>

#include <cstring>
#include <vector>

using backoffice::capi::Column;
using backoffice::capi::ColumnType;
using backoffice::capi::fail;
using backoffice::capi::guarded;
using backoffice::capi::status_of;

namespace {

bo_status column_out_of_range(const bo_table_t* table, size_t column) {
  return fail(backoffice::invalid_argument("column", std::to_string(column),
                                           fmt::format("the table has {} columns", table->table.columns())));
}

std::vector<std::uint8_t> copy_validity(const uint8_t* valid, size_t rows) {
  std::vector<std::uint8_t> out;
  if (valid == nullptr) return out;
  out.resize(rows);
  for (size_t i = 0; i < rows; ++i) out[i] = valid[i] != 0 ? 1 : 0;
  return out;
}

}  // namespace

// Checks the column index after the NULL checks, in every accessor.
#define BO_REQUIRE_COLUMN(table, column) \
  if ((column) >= (table)->table.columns()) return column_out_of_range(table, column)

extern "C" {

bo_status bo_table_create(bo_table_t** out, size_t rows) {
  return guarded([&] {
    BO_REQUIRE(out);
    *out = new bo_table{backoffice::capi::Table(rows)};
    return BO_OK;
  });
}

void bo_table_destroy(bo_table_t* table) { delete table; }

bo_status bo_table_add_int64(bo_table_t* table, const char* name, bo_column_type type, const int64_t* values,
                             const uint8_t* valid) {
  return guarded([&] {
    BO_REQUIRE(table);
    BO_REQUIRE(name);
    size_t rows = table->table.rows();
    if (rows > 0) BO_REQUIRE(values);
    if (!backoffice::capi::is_column_type(type) ||
        !backoffice::capi::is_integer_backed(static_cast<ColumnType>(type))) {
      return fail(backoffice::invalid_argument("type", std::to_string(type),
                                               "expected BO_TYPE_INT64, _INSTANT, _DURATION or _BOOL"));
    }
    std::vector<std::int64_t> v(values, values + rows);
    return status_of(table->table.add(backoffice::capi::int64_column(
        name, static_cast<ColumnType>(type), std::move(v), copy_validity(valid, rows))));
  });
}

bo_status bo_table_add_double(bo_table_t* table, const char* name, const double* values,
                              const uint8_t* valid) {
  return guarded([&] {
    BO_REQUIRE(table);
    BO_REQUIRE(name);
    size_t rows = table->table.rows();
    if (rows > 0) BO_REQUIRE(values);
    std::vector<double> v(values, values + rows);
    return status_of(
        table->table.add(backoffice::capi::double_column(name, std::move(v), copy_validity(valid, rows))));
  });
}

bo_status bo_table_add_string(bo_table_t* table, const char* name, const char* const* values) {
  return guarded([&] {
    BO_REQUIRE(table);
    BO_REQUIRE(name);
    size_t rows = table->table.rows();
    if (rows > 0) BO_REQUIRE(values);
    backoffice::capi::StringColumnBuilder b;
    for (size_t i = 0; i < rows; ++i) {
      if (values[i] == nullptr) {
        b.append_null();
      } else {
        b.append(values[i]);
      }
    }
    return status_of(table->table.add(std::move(b).finish(name)));
  });
}

bo_status bo_table_row_count(size_t* out, const bo_table_t* table) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(table);
    *out = table->table.rows();
    return BO_OK;
  });
}

bo_status bo_table_column_count(size_t* out, const bo_table_t* table) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(table);
    *out = table->table.columns();
    return BO_OK;
  });
}

bo_status bo_table_column_name(const char** out, size_t* out_len, const bo_table_t* table, size_t column) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(table);
    BO_REQUIRE_COLUMN(table, column);
    const auto& name = table->table.column(column).name;
    *out = name.c_str();
    if (out_len != nullptr) *out_len = name.size();
    return BO_OK;
  });
}

bo_status bo_table_column_type(bo_column_type* out, const bo_table_t* table, size_t column) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(table);
    BO_REQUIRE_COLUMN(table, column);
    *out = static_cast<bo_column_type>(table->table.column(column).type);
    return BO_OK;
  });
}

bo_status bo_table_column_index(size_t* out, const bo_table_t* table, const char* name) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(table);
    BO_REQUIRE(name);
    for (size_t i = 0; i < table->table.columns(); ++i) {
      if (table->table.column(i).name == name) {
        *out = i;
        return BO_OK;
      }
    }
    return fail(backoffice::make_error(backoffice::ErrorCode::kNotFound, "name", name,
                                       "the table has no column of that name"));
  });
}

bo_status bo_table_int64_column(const int64_t** out, const bo_table_t* table, size_t column) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(table);
    BO_REQUIRE_COLUMN(table, column);
    const Column& c = table->table.column(column);
    if (!backoffice::capi::is_integer_backed(c.type)) {
      return fail(backoffice::invalid_argument(c.name, std::string(to_string(c.type)),
                                               "not an integer-backed column"));
    }
    *out = c.ints;
    return BO_OK;
  });
}

bo_status bo_table_double_column(const double** out, const bo_table_t* table, size_t column) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(table);
    BO_REQUIRE_COLUMN(table, column);
    const Column& c = table->table.column(column);
    if (c.type != ColumnType::kDouble) {
      return fail(
          backoffice::invalid_argument(c.name, std::string(to_string(c.type)), "not a double column"));
    }
    *out = c.doubles;
    return BO_OK;
  });
}

bo_status bo_table_validity(const uint8_t** out, const bo_table_t* table, size_t column) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(table);
    BO_REQUIRE_COLUMN(table, column);
    *out = table->table.column(column).valid;
    return BO_OK;
  });
}

bo_status bo_table_string(const char** out, size_t* out_len, const bo_table_t* table, size_t column,
                          size_t row) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(table);
    BO_REQUIRE_COLUMN(table, column);
    const Column& c = table->table.column(column);
    if (c.type != ColumnType::kString) {
      return fail(
          backoffice::invalid_argument(c.name, std::string(to_string(c.type)), "not a string column"));
    }
    if (row >= c.size) {
      return fail(backoffice::invalid_argument("row", std::to_string(row),
                                               fmt::format("the table has {} rows", c.size)));
    }
    if (c.is_null(row)) {
      *out = nullptr;
      if (out_len != nullptr) *out_len = 0;
      return BO_OK;
    }
    auto s = c.string(row);
    *out = s.data();
    if (out_len != nullptr) *out_len = s.size();
    return BO_OK;
  });
}

}  // extern "C"
