#pragma once

// Shared helpers of the private extension module backoffice._core. The
// public Python API lives in python/src/backoffice/; nothing here is meant
// to be called by users directly.

#include <backoffice/core/result.hpp>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <memory>
#include <utility>

namespace backoffice::capi {
class Table;
}

namespace backoffice::python {

namespace py = pybind11;

// Carries an Error from C++ to the translator registered in module.cpp,
// which raises the matching backoffice.core exception class.
struct ErrorException {
  Error error;
};

[[noreturn]] inline void raise(Error e) { throw ErrorException{std::move(e)}; }

inline void check(const Status& s) {
  if (!s.ok()) raise(s.error());
}

template <typename T>
T unwrap(Result<T>&& r) {
  if (!r.ok()) raise(std::move(r).error());
  return std::move(r).value();
}

// A Python-visible wrapper of a table (see table.cpp).
struct PyTable {
  std::shared_ptr<const capi::Table> table;
};

void bind_errors(py::module_& m);
void bind_core(py::module_& m);
void bind_table(py::module_& m);
void bind_store(py::module_& m);
void bind_wfm(py::module_& m);

// Builds a table from (name, type, values, valid) tuples: integer and double
// arrays are borrowed without copying when they already have the right
// dtype and are contiguous; strings are copied (a sequence of str or None).
// Call with the GIL held; the table may be used without it afterwards and
// must be destroyed with or without it (its references take the GIL).
std::shared_ptr<capi::Table> table_from_columns(std::size_t rows, const py::list& columns);

}  // namespace backoffice::python
