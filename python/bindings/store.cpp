// The SQLite store for backoffice.store. Long calls (ingest, queries, CSV
// import) run without the GIL.

#include "bindings.hpp"

#include "interaction_table.hpp"
#include "kpi_table.hpp"
#include "table.hpp"

#include <backoffice/domain/agent.hpp>
#include <backoffice/domain/channel.hpp>
#include <backoffice/domain/customer.hpp>
#include <backoffice/domain/queue.hpp>
#include <backoffice/store/csv_import.hpp>
#include <backoffice/store/store.hpp>
#include <backoffice/store/store_reports.hpp>

#include <pybind11/stl.h>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace backoffice::python {

namespace {

// A Store that Python can close before the object is collected. A Store is
// one SQLite connection for one thread at a time, while Python threads may
// share this object and its long calls run without the GIL: every call
// therefore drops the GIL first and then takes the store's mutex, so a
// thread waiting for the store never blocks the interpreter.
class PyStore {
 public:
  explicit PyStore(Store s)
      : store_(std::make_unique<std::optional<Store>>(std::move(s))),
        mutex_(std::make_unique<std::mutex>()) {}

  // Runs body(Store&) without the GIL and with the store locked. `body`
  // must not touch Python objects.
  template <typename Body>
  auto run(Body&& body) {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(*mutex_);
    if (!store_->has_value()) {
      raise(make_error(ErrorCode::kStore, "store", "closed", "the store is closed"));
    }
    return body(**store_);
  }

  void close() {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(*mutex_);
    store_->reset();
  }
  bool closed() {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(*mutex_);
    return !store_->has_value();
  }

 private:
  std::unique_ptr<std::optional<Store>> store_;
  std::unique_ptr<std::mutex> mutex_;
};

IngestMode mode_of(int mode) {
  if (mode == 0) return IngestMode::kAllOrNothing;
  if (mode == 1) return IngestMode::kAcceptValid;
  raise(invalid_argument("mode", std::to_string(mode), "expected 0 (all or nothing) or 1 (accept valid)"));
}

py::tuple report_tuple(const IngestReport& r) {
  return py::make_tuple(r.rows_read, r.rows_written,
                        PyTable{std::make_shared<capi::Table>(capi::ingest_errors_table(r.errors))});
}

}  // namespace

void with_store(py::handle store, const std::function<void(Store&)>& body) {
  store.cast<PyStore&>().run([&](Store& s) { body(s); });
}

void bind_store(py::module_& m) {
  py::class_<PyStore>(m, "Store")
      .def_static(
          "open",
          [](const std::string& path, bool read_only, std::int64_t busy_timeout_ms, bool durable_commits) {
            StoreOptions o;
            o.read_only = read_only;
            o.busy_timeout = std::chrono::milliseconds(busy_timeout_ms);
            o.durable_commits = durable_commits;
            std::optional<Result<Store>> s;
            {
              py::gil_scoped_release release;
              s.emplace(Store::open(path, o));
            }
            return PyStore(unwrap(std::move(*s)));
          })
      .def_static("open_in_memory", [] { return PyStore(unwrap(Store::open_in_memory())); })
      .def("close", &PyStore::close)
      .def_property_readonly("closed", &PyStore::closed)
      .def_property_readonly("schema_version",
                             [](PyStore& s) { return s.run([](Store& st) { return st.schema_version(); }); })
      .def("count",
           [](PyStore& s, const std::string& table) {
             return unwrap(s.run([&](Store& st) { return st.count(table); }));
           })
      .def("put_queue",
           [](PyStore& s, std::int64_t id, std::string name, const std::string& channel,
              std::int64_t sl_target_s, double sl_percent, std::int64_t short_abandon_s,
              std::string time_zone, std::string business_calendar) {
             Queue q;
             q.id = QueueId(id);
             q.name = std::move(name);
             q.channel = unwrap(parse_channel(channel, "queue.channel"));
             q.service_level_target = std::chrono::seconds(sl_target_s);
             q.service_level_percent = sl_percent;
             q.short_abandon_threshold = std::chrono::seconds(short_abandon_s);
             q.time_zone = std::move(time_zone);
             q.business_calendar = std::move(business_calendar);
             check(s.run([&](Store& st) { return st.put_queue(q); }));
           })
      .def("put_agent",
           [](PyStore& s, std::int64_t id, std::string name, std::optional<std::int64_t> team_id,
              std::string time_zone) {
             Agent a;
             a.id = AgentId(id);
             a.name = std::move(name);
             if (team_id) a.team = TeamId(*team_id);
             a.time_zone = std::move(time_zone);
             check(s.run([&](Store& st) { return st.put_agent(a); }));
           })
      .def("put_customer",
           [](PyStore& s, std::int64_t id, std::string name) {
             Customer c;
             c.id = CustomerId(id);
             c.name = std::move(name);
             c.created_at = Instant::now();
             c.updated_at = c.created_at;
             check(s.run([&](Store& st) { return st.put_customer(c); }));
           })
      .def("ingest_interactions",
           [](PyStore& s, std::size_t rows, const py::list& columns, int mode) {
             auto ingest_mode = mode_of(mode);
             auto table = table_from_columns(rows, columns);
             auto report = s.run([&](Store& st) -> Result<IngestReport> {
               BO_ASSIGN_OR_RETURN(auto cols, capi::interactions_from_table(*table));
               return st.ingest_interactions(cols, ingest_mode);
             });
             return report_tuple(unwrap(std::move(report)));
           })
      .def("interactions",
           [](PyStore& s, std::optional<std::int64_t> from_ms, std::optional<std::int64_t> to_ms,
              std::optional<std::int64_t> queue, std::optional<std::int64_t> agent,
              std::optional<std::int64_t> customer) {
             InteractionQuery q;
             if (from_ms) q.from = Instant::from_unix_ms(*from_ms);
             if (to_ms) q.to = Instant::from_unix_ms(*to_ms);
             if (queue) q.queue = QueueId(*queue);
             if (agent) q.agent = AgentId(*agent);
             if (customer) q.customer = CustomerId(*customer);
             auto table = s.run([&](Store& st) -> Result<std::shared_ptr<capi::Table>> {
               BO_ASSIGN_OR_RETURN(auto cols, st.interaction_columns(q));
               return std::make_shared<capi::Table>(capi::interactions_to_table(std::move(cols)));
             });
             return PyTable{unwrap(std::move(table))};
           })
      .def("contact_report",
           [](PyStore& s, std::optional<std::int64_t> from_ms, std::optional<std::int64_t> to_ms,
              const std::string& dimensions, const std::string& bucket, const std::string& zone,
              const std::string& service_level, std::int64_t answer_target_s, std::int64_t short_abandon_s,
              bool excl_short, std::int64_t fcr_window_s, bool fcr_match_reason, std::int64_t csat_top_box_min,
              std::optional<std::int64_t> fcr_as_of_ms) {
             auto options = kpi_options_from(service_level, answer_target_s, short_abandon_s, excl_short,
                                             fcr_window_s, fcr_match_reason, csat_top_box_min, fcr_as_of_ms);
             auto group_by = unwrap(capi::group_by_of(dimensions, bucket, zone));
             InteractionQuery q;
             if (from_ms) q.from = Instant::from_unix_ms(*from_ms);
             if (to_ms) q.to = Instant::from_unix_ms(*to_ms);
             auto table = s.run([&](Store& st) -> Result<std::shared_ptr<capi::Table>> {
               BO_ASSIGN_OR_RETURN(auto report, contact_report(st, q, std::move(group_by), options));
               return std::make_shared<capi::Table>(capi::report_table(report.to_table()));
             });
             return report_result(unwrap(std::move(table)));
           })
      .def("import_interactions_csv", [](PyStore& s, const std::string& path, const std::string& time_zone,
                                         int mode, const std::string& delimiter) {
        CsvImportOptions o;
        o.mode = mode_of(mode);
        o.time_zone = time_zone;
        if (delimiter.size() != 1) {
          raise(invalid_argument("delimiter", delimiter, "must be one character"));
        }
        o.delimiter = delimiter[0];
        auto report = s.run([&](Store& st) { return import_interactions_csv(st, path, o); });
        return report_tuple(unwrap(std::move(report)));
      });
}

}  // namespace backoffice::python
