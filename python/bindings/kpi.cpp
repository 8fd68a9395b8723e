// Contact KPI reports for backoffice.kpi. The report runs without the GIL;
// only the column hand-over (numpy in, numpy out) holds it.

#include "bindings.hpp"

#include "interaction_table.hpp"
#include "kpi_table.hpp"
#include "table.hpp"
#include "work_tables.hpp"

#include <backoffice/kpi/contact_report.hpp>

#include <pybind11/stl.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace backoffice::python {

namespace {

ServiceLevelDefinition service_level_of(const std::string& text) {
  for (auto d : {ServiceLevelDefinition::kExcludeShortAbandons, ServiceLevelDefinition::kAbandonsWithinTargetMet,
                 ServiceLevelDefinition::kAnsweredOnly, ServiceLevelDefinition::kAllOffered}) {
    if (to_string(d) == text) return d;
  }
  raise(invalid_argument("service_level", text,
                         "expected exclude_short_abandons, abandons_within_target_met, answered_only or "
                         "all_offered"));
}

}  // namespace

KpiOptions kpi_options_from(const std::string& service_level, std::int64_t answer_target_s,
                            std::int64_t short_abandon_s, bool abandon_rate_excludes_short,
                            std::int64_t fcr_window_s, bool fcr_match_reason, std::int64_t csat_top_box_min,
                            std::optional<std::int64_t> fcr_as_of_ms) {
  KpiOptions k;
  k.service_level = service_level_of(service_level);
  if (answer_target_s < 0) raise(invalid_argument("answer_target_s", std::to_string(answer_target_s), "must be >= 0"));
  if (short_abandon_s < 0) raise(invalid_argument("short_abandon_s", std::to_string(short_abandon_s), "must be >= 0"));
  if (fcr_window_s <= 0) raise(invalid_argument("fcr_window", std::to_string(fcr_window_s) + " s", "must be > 0"));
  if (csat_top_box_min < 1 || csat_top_box_min > 5) {
    raise(invalid_argument("csat_top_box_min", std::to_string(csat_top_box_min), "must be in 1..5"));
  }
  k.default_targets.answer_target = std::chrono::seconds(answer_target_s);
  k.default_targets.short_abandon = std::chrono::seconds(short_abandon_s);
  k.abandon_rate_excludes_short = abandon_rate_excludes_short;
  k.fcr.window = std::chrono::seconds(fcr_window_s);
  k.fcr.match_reason = fcr_match_reason;
  if (fcr_as_of_ms) k.fcr.as_of = Instant::from_unix_ms(*fcr_as_of_ms);
  k.csat_top_box_min = static_cast<int>(csat_top_box_min);
  return k;
}

py::tuple report_result(std::shared_ptr<capi::Table> table) {
  py::list metadata;
  for (const auto& [k, v] : table->metadata) metadata.append(py::make_tuple(k, v));
  return py::make_tuple(PyTable{std::move(table)}, metadata);
}

void bind_kpi(py::module_& m) {
  // Options travel as positional arguments in the order of kpi_options_from.
  m.def("contact_report", [](std::size_t rows, const py::list& columns, const std::string& dimensions,
                             const std::string& bucket, const std::string& zone, const std::string& service_level,
                             std::int64_t answer_target_s, std::int64_t short_abandon_s, bool excl_short,
                             std::int64_t fcr_window_s, bool fcr_match_reason, std::int64_t csat_top_box_min,
                             std::optional<std::int64_t> fcr_as_of_ms) {
    auto options = kpi_options_from(service_level, answer_target_s, short_abandon_s, excl_short, fcr_window_s,
                                    fcr_match_reason, csat_top_box_min, fcr_as_of_ms);
    auto group_by = unwrap(capi::group_by_of(dimensions, bucket, zone));
    auto input = table_from_columns(rows, columns);
    std::optional<Result<capi::Table>> out;
    {
      py::gil_scoped_release release;
      out.emplace(capi::contact_report_table(*input, group_by, options));
    }
    return report_result(std::make_shared<capi::Table>(unwrap(std::move(*out))));
  });

  m.def("work_item_report", [](std::size_t rows, const py::list& columns, const std::string& dimensions,
                               const std::string& bucket, const std::string& zone, std::int64_t tat_target_ms,
                               const BusinessCalendar* calendar) {
    if (tat_target_ms < 0) raise(invalid_argument("tat_target", std::to_string(tat_target_ms) + " ms", "must be >= 0"));
    auto group_by = unwrap(capi::work_group_by_of(dimensions, bucket, zone));
    TatOptions options;
    options.target = std::chrono::milliseconds(tat_target_ms);
    if (calendar != nullptr) options.calendar = *calendar;
    auto input = table_from_columns(rows, columns);
    std::optional<Result<capi::Table>> out;
    {
      py::gil_scoped_release release;
      out.emplace(capi::work_item_report_table(*input, group_by, options));
    }
    return report_result(std::make_shared<capi::Table>(unwrap(std::move(*out))));
  }, py::arg("rows"), py::arg("columns"), py::arg("dimensions"), py::arg("bucket"), py::arg("zone"),
     py::arg("tat_target_ms"), py::arg("calendar").none(true));

  m.def("agent_time_report", [](std::size_t state_rows, const py::list& state_columns,
                                std::optional<std::size_t> item_rows, const py::list& item_columns, bool by_team,
                                std::map<std::int64_t, std::int64_t> teams, const std::string& bucket,
                                const std::string& zone) {
    auto states = table_from_columns(state_rows, state_columns);
    std::shared_ptr<capi::Table> items;
    if (item_rows) items = table_from_columns(*item_rows, item_columns);
    std::optional<Result<capi::Table>> out;
    {
      py::gil_scoped_release release;
      out.emplace(capi::agent_time_report_table(*states, items.get(), by_team, std::move(teams), bucket, zone));
    }
    return report_result(std::make_shared<capi::Table>(unwrap(std::move(*out))));
  });

  // Benchmark hook (benchmarks/python/kpi_overhead.py): the engine alone on
  // columns converted beforehand, i.e. what a C++ caller pays. Returns the
  // wall time in ms of each of `repeat` runs of contact_report + to_table.
  m.def("_bench_contact_report_ms", [](std::size_t rows, const py::list& columns, const std::string& dimensions,
                                       const std::string& bucket, const std::string& zone, int repeat) {
    auto group_by = unwrap(capi::group_by_of(dimensions, bucket, zone));
    auto input = table_from_columns(rows, columns);
    std::vector<double> times;
    py::gil_scoped_release release;
    auto cols = capi::interactions_from_table(*input);
    if (!cols) {
      py::gil_scoped_acquire gil;
      raise(std::move(cols).error());
    }
    std::size_t groups = 0;
    for (int i = 0; i < repeat; ++i) {
      const auto start = std::chrono::steady_clock::now();
      auto report = contact_report(InteractionView::of(*cols), group_by, KpiOptions{});
      if (report.ok()) groups += report->to_table().row_count();
      const auto stop = std::chrono::steady_clock::now();
      times.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
    }
    (void)groups;
    return times;
  });
}

}  // namespace backoffice::python
