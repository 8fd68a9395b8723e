// backoffice._core: the compiled half of the Python package.

#include "bindings.hpp"

#include <backoffice/version.hpp>

namespace backoffice::python {

void bind_errors(py::module_& m) {
  // The exception classes are Python (backoffice/core.py) so that users can
  // subclass and pickle them; this hands every Error over to them.
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const ErrorException& e) {
      py::object make = py::module_::import("backoffice.core").attr("_error_from_core");
      py::object exc =
          make(static_cast<int>(e.error.code), e.error.field, e.error.value, e.error.to_string());
      PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exc.ptr())), exc.ptr());
    }
  });
  m.def("_raise_for_test", [](int code, std::string field, std::string value) {
    raise(make_error(static_cast<ErrorCode>(code), field, value, "raised by a test"));
  });
}

}  // namespace backoffice::python

PYBIND11_MODULE(_core, m) {
  namespace bp = backoffice::python;
  m.doc() = "Private compiled part of the backoffice package; use `import backoffice`.";
  m.attr("__version__") = BACKOFFICE_VERSION_STRING;
  bp::bind_errors(m);
  bp::bind_core(m);
  bp::bind_table(m);
  bp::bind_store(m);
  bp::bind_wfm(m);
  bp::bind_kpi(m);
  bp::bind_compliance(m);
  bp::bind_workflow_cases(m);
  bp::bind_workflow_orders(m);
  bp::bind_workflow_qa(m);
}
