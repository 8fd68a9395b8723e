#pragma once

// Reading result tables through the C header in tests: one cell by column
// name, failing the test (not crashing) when the column is missing.

#include <backoffice/backoffice.h>

#include <gtest/gtest.h>

#include <string>

namespace capi_test {

inline std::string last_error() { return bo_last_error(); }

inline size_t column(const bo_table_t* t, const char* name) {
  size_t i = 0;
  EXPECT_EQ(bo_table_column_index(&i, t, name), BO_OK) << name << ": " << last_error();
  return i;
}

inline double real(const bo_table_t* t, const char* name, size_t row = 0) {
  const double* v = nullptr;
  EXPECT_EQ(bo_table_double_column(&v, t, column(t, name)), BO_OK) << name;
  return v == nullptr ? -1.0 : v[row];
}

inline int64_t integer(const bo_table_t* t, const char* name, size_t row = 0) {
  const int64_t* v = nullptr;
  EXPECT_EQ(bo_table_int64_column(&v, t, column(t, name)), BO_OK) << name;
  return v == nullptr ? -1 : v[row];
}

inline std::string text(const bo_table_t* t, const char* name, size_t row = 0) {
  const char* s = nullptr;
  EXPECT_EQ(bo_table_string(&s, nullptr, t, column(t, name), row), BO_OK) << name;
  return s == nullptr ? std::string("<null>") : std::string(s);
}

inline bool is_null(const bo_table_t* t, const char* name, size_t row) {
  const uint8_t* valid = nullptr;
  EXPECT_EQ(bo_table_validity(&valid, t, column(t, name)), BO_OK) << name;
  return valid != nullptr && valid[row] == 0;
}

inline size_t rows(const bo_table_t* t) {
  size_t n = 0;
  EXPECT_EQ(bo_table_row_count(&n, t), BO_OK);
  return n;
}

// Owns a table handle for the length of a test.
struct TableHandle {
  TableHandle() = default;
  TableHandle(const TableHandle&) = delete;
  TableHandle& operator=(const TableHandle&) = delete;
  ~TableHandle() { bo_table_destroy(t); }
  bo_table_t* t = nullptr;
};

}  // namespace capi_test
