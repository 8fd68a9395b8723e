#pragma once

// Shared helpers of the private extension module backoffice._core. The
// public Python API lives in python/src/backoffice/; nothing here is meant
// to be called by users directly.

#include <backoffice/core/result.hpp>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <backoffice/kpi/definitions.hpp>
#include <backoffice/store/store.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
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
void bind_kpi(py::module_& m);
void bind_compliance(py::module_& m);
void bind_workflow_cases(py::module_& m);
void bind_workflow_orders(py::module_& m);
void bind_workflow_qa(py::module_& m);

// Runs body(store) on the Store inside a backoffice._core.Store object,
// without the GIL and with that store locked (store.cpp); `body` must not
// touch Python objects. Raises StoreError when the store is closed.
void with_store(py::handle store, const std::function<void(Store&)>& body);

// KpiOptions from the keyword arguments of backoffice.kpi_report (units:
// seconds; fcr_as_of_ms Unix ms or None). Raises ValidationError naming the
// argument for a value out of range.
KpiOptions kpi_options_from(const std::string& service_level, std::int64_t answer_target_s,
                            std::int64_t short_abandon_s, bool abandon_rate_excludes_short,
                            std::int64_t fcr_window_s, bool fcr_match_reason, std::int64_t csat_top_box_min,
                            std::optional<std::int64_t> fcr_as_of_ms);
// A report table and its metadata as (Table, [(key, value), ...]).
py::tuple report_result(std::shared_ptr<capi::Table> table);

// Builds a table from (name, type, values, valid) tuples: integer and double
// arrays are borrowed without copying when they already have the right
// dtype and are contiguous; strings are copied (a sequence of str or None).
// Call with the GIL held; the table may be used without it afterwards and
// must be destroyed with or without it (its references take the GIL).
std::shared_ptr<capi::Table> table_from_columns(std::size_t rows, const py::list& columns);

}  // namespace backoffice::python
