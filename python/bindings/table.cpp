// Tables between C++ and numpy: columns leave as numpy arrays that share the
// table's buffers (no copy), and enter as numpy arrays borrowed in place.

#include "bindings.hpp"

#include "table.hpp"

#include <fmt/format.h>

#include <string>

namespace backoffice::python {

namespace {

// Keeps a column's buffers alive for as long as numpy arrays view them.
py::capsule keep_alive_capsule(const std::shared_ptr<const void>& keep_alive) {
  auto* holder = new std::shared_ptr<const void>(keep_alive);
  return py::capsule(holder, [](void* p) { delete static_cast<std::shared_ptr<const void>*>(p); });
}

// A numpy view of a column buffer. Writable on purpose: every table handed
// to Python belongs to the one DataFrame built from it (pandas needs
// writable blocks for in-place edits), so nothing else observes a write.
template <typename T>
py::array column_view(const T* data, std::size_t size, const py::capsule& base) {
  if (data == nullptr) return py::array_t<T>(0);
  return py::array_t<T>({static_cast<py::ssize_t>(size)}, {static_cast<py::ssize_t>(sizeof(T))}, data, base);
}

py::object column_values(const capi::Column& c, const py::capsule& base) {
  switch (c.type) {
    case capi::ColumnType::kDouble:
      return column_view(c.doubles, c.size, base);
    case capi::ColumnType::kString: {
      // Text leaves as a list of str/None: pandas builds its string array
      // from it without a per-row Python call.
      py::list out(c.size);
      for (std::size_t i = 0; i < c.size; ++i) {
        if (c.is_null(i)) {
          out[i] = py::none();
          continue;
        }
        auto s = c.string(i);
        auto cell = py::reinterpret_steal<py::object>(
            PyUnicode_DecodeUTF8(s.data(), static_cast<py::ssize_t>(s.size()), "replace"));
        if (!cell) throw py::error_already_set();
        out[i] = std::move(cell);
      }
      return out;
    }
    default:
      return column_view(c.ints, c.size, base);
  }
}

struct PyObjectRef {
  explicit PyObjectRef(py::object o) : object(std::move(o)) {}
  ~PyObjectRef() {
    py::gil_scoped_acquire gil;
    object = py::object();
  }
  py::object object;
};

std::shared_ptr<const void> hold(py::object o) { return std::make_shared<PyObjectRef>(std::move(o)); }

std::string cell_name(const std::string& name, std::size_t row) { return fmt::format("{}[{}]", name, row); }

}  // namespace

std::shared_ptr<capi::Table> table_from_columns(std::size_t rows, const py::list& columns) {
  auto table = std::make_shared<capi::Table>(rows);
  for (const auto& item : columns) {
    auto spec = item.cast<py::tuple>();
    auto name = spec[0].cast<std::string>();
    auto type_code = spec[1].cast<std::int32_t>();
    py::object values = spec[2];
    py::object valid = spec[3];
    if (!capi::is_column_type(type_code)) {
      raise(invalid_argument(name, std::to_string(type_code), "unknown column type"));
    }
    auto type = static_cast<capi::ColumnType>(type_code);
    const std::uint8_t* valid_ptr = nullptr;
    std::shared_ptr<const void> valid_ref;
    if (!valid.is_none()) {
      auto v = py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>::ensure(valid);
      if (!v || static_cast<std::size_t>(v.size()) != rows) {
        raise(invalid_argument(name, "validity", fmt::format("mask must have {} entries", rows)));
      }
      valid_ptr = v.data();
      valid_ref = hold(v);
    }
    capi::Column column;
    if (type == capi::ColumnType::kString) {
      auto seq = py::reinterpret_borrow<py::sequence>(values);
      if (static_cast<std::size_t>(py::len(seq)) != rows) {
        raise(invalid_argument(name, std::to_string(py::len(seq)) + " values",
                               fmt::format("the table has {} rows", rows)));
      }
      capi::StringColumnBuilder b;
      b.reserve(rows, rows * 8);
      for (std::size_t i = 0; i < rows; ++i) {
        py::object cell = seq[i];
        if (cell.is_none() || (valid_ptr != nullptr && valid_ptr[i] == 0)) {
          b.append_null();
        } else if (PyUnicode_Check(cell.ptr())) {
          Py_ssize_t len = 0;
          const char* utf8 = PyUnicode_AsUTF8AndSize(cell.ptr(), &len);
          if (utf8 == nullptr) throw py::error_already_set();
          b.append(std::string_view(utf8, static_cast<std::size_t>(len)));
        } else {
          raise(invalid_argument(cell_name(name, i), py::repr(cell).cast<std::string>(),
                                 "expected str or None"));
        }
      }
      column = std::move(b).finish(name);
    } else if (type == capi::ColumnType::kDouble) {
      auto a = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(values);
      if (!a) throw py::error_already_set();
      column = capi::borrowed_double_column(name, a.data(), static_cast<std::size_t>(a.size()), valid_ptr,
                                            nullptr);
      column.keep_alive =
          std::make_shared<std::pair<std::shared_ptr<const void>, std::shared_ptr<const void>>>(hold(a),
                                                                                                valid_ref);
    } else {
      // forcecast converts other integer dtypes; an int64 C-contiguous array
      // is used in place.
      auto a = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(values);
      if (!a) throw py::error_already_set();
      column = capi::borrowed_int64_column(name, type, a.data(), static_cast<std::size_t>(a.size()),
                                           valid_ptr, nullptr);
      column.keep_alive =
          std::make_shared<std::pair<std::shared_ptr<const void>, std::shared_ptr<const void>>>(hold(a),
                                                                                                valid_ref);
    }
    check(table->add(std::move(column)));
  }
  return table;
}

void bind_table(py::module_& m) {
  py::class_<PyTable>(m, "Table")
      .def_property_readonly("num_rows", [](const PyTable& t) { return t.table->rows(); })
      .def_property_readonly("num_columns", [](const PyTable& t) { return t.table->columns(); })
      .def_property_readonly("metadata",
                             [](const PyTable& t) {
                               py::list out;
                               for (const auto& [k, v] : t.table->metadata) out.append(py::make_tuple(k, v));
                               return out;
                             })
      .def("column_names",
           [](const PyTable& t) {
             py::list names;
             for (std::size_t i = 0; i < t.table->columns(); ++i) names.append(t.table->column(i).name);
             return names;
           })
      .def("column", [](const PyTable& t, std::size_t i) {
        if (i >= t.table->columns()) {
          raise(invalid_argument("column", std::to_string(i),
                                 fmt::format("the table has {} columns", t.table->columns())));
        }
        const auto& c = t.table->column(i);
        // The capsule shares the whole table, so views outlive the PyTable.
        auto base = keep_alive_capsule(std::shared_ptr<const void>(t.table));
        py::object valid = py::none();
        if (c.valid != nullptr) valid = column_view(c.valid, c.size, base);
        return py::make_tuple(c.name, static_cast<int>(c.type), column_values(c, base), valid);
      });
  m.def("_table_from_columns",
        [](std::size_t rows, const py::list& columns) { return PyTable{table_from_columns(rows, columns)}; });
}

}  // namespace backoffice::python
