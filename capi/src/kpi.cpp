// Contact KPI reports and table metadata at the C boundary.

#include "boundary.hpp"
#include "handles.hpp"
#include "kpi_table.hpp"

#include <backoffice/store/store_reports.hpp>

#include <fmt/format.h>

#include <chrono>
#include <cstddef>
#include <cstring>
#include <string>

using backoffice::capi::fail;
using backoffice::capi::guarded;

namespace {

// The size of the first published bo_kpi_options_t: callers built against
// that header pass at least this much; fields after struct_size bytes keep
// their defaults, so newer fields need no caller change.
constexpr std::size_t kKpiOptionsV1Size = offsetof(bo_kpi_options_t, fcr_as_of_ms) + sizeof(int64_t);

bo_kpi_options_t default_options() {
  bo_kpi_options_t o;
  std::memset(&o, 0, sizeof o);
  o.struct_size = sizeof o;
  o.service_level = BO_SERVICE_LEVEL_EXCLUDE_SHORT_ABANDONS;
  o.answer_target_s = 20;
  o.short_abandon_s = 5;
  o.abandon_rate_excludes_short = 1;
  o.fcr_window_s = 7 * 24 * 3600;
  o.fcr_match_reason = 0;
  o.csat_top_box_min = 4;
  o.fcr_as_of_ms = BO_NULL_INT64;
  return o;
}

backoffice::Result<backoffice::KpiOptions> kpi_options_of(const bo_kpi_options_t* given) {
  using backoffice::invalid_argument;
  BO_ASSIGN_OR_RETURN(bo_kpi_options_t o,
                      backoffice::capi::versioned_options(given, default_options(), kKpiOptionsV1Size, "options"));
  backoffice::KpiOptions k;
  switch (o.service_level) {
    case BO_SERVICE_LEVEL_EXCLUDE_SHORT_ABANDONS:
      k.service_level = backoffice::ServiceLevelDefinition::kExcludeShortAbandons;
      break;
    case BO_SERVICE_LEVEL_ABANDONS_WITHIN_TARGET_MET:
      k.service_level = backoffice::ServiceLevelDefinition::kAbandonsWithinTargetMet;
      break;
    case BO_SERVICE_LEVEL_ANSWERED_ONLY:
      k.service_level = backoffice::ServiceLevelDefinition::kAnsweredOnly;
      break;
    case BO_SERVICE_LEVEL_ALL_OFFERED:
      k.service_level = backoffice::ServiceLevelDefinition::kAllOffered;
      break;
    default:
      return invalid_argument("options.service_level", std::to_string(o.service_level),
                              "expected a BO_SERVICE_LEVEL_* value");
  }
  if (o.answer_target_s < 0) {
    return invalid_argument("options.answer_target_s", std::to_string(o.answer_target_s), "must be >= 0");
  }
  if (o.short_abandon_s < 0) {
    return invalid_argument("options.short_abandon_s", std::to_string(o.short_abandon_s), "must be >= 0");
  }
  if (o.fcr_window_s <= 0) {
    return invalid_argument("options.fcr_window_s", std::to_string(o.fcr_window_s), "must be > 0");
  }
  if (o.csat_top_box_min < 1 || o.csat_top_box_min > 5) {
    return invalid_argument("options.csat_top_box_min", std::to_string(o.csat_top_box_min),
                            "must be in 1..5");
  }
  k.default_targets.answer_target = std::chrono::seconds(o.answer_target_s);
  k.default_targets.short_abandon = std::chrono::seconds(o.short_abandon_s);
  k.abandon_rate_excludes_short = o.abandon_rate_excludes_short != 0;
  k.fcr.window = std::chrono::seconds(o.fcr_window_s);
  k.fcr.match_reason = o.fcr_match_reason != 0;
  if (o.fcr_as_of_ms != BO_NULL_INT64) k.fcr.as_of = backoffice::Instant::from_unix_ms(o.fcr_as_of_ms);
  k.csat_top_box_min = o.csat_top_box_min;
  return k;
}

const char* or_empty(const char* s) { return s == nullptr ? "" : s; }

}  // namespace

extern "C" {

bo_status bo_kpi_options_init(bo_kpi_options_t* options) {
  return guarded([&] {
    BO_REQUIRE(options);
    *options = default_options();
    return BO_OK;
  });
}

bo_status bo_contact_report(bo_table_t** out, const bo_table_t* interactions, const char* dimensions,
                            const char* bucket, const char* time_zone, const bo_kpi_options_t* options) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(interactions);
    auto k = kpi_options_of(options);
    if (!k) return fail(k.error());
    auto g = backoffice::capi::group_by_of(or_empty(dimensions), or_empty(bucket), or_empty(time_zone));
    if (!g) return fail(g.error());
    auto table = backoffice::capi::contact_report_table(interactions->table, *g, *k);
    if (!table) return fail(table.error());
    *out = new bo_table{std::move(table).value()};
    return BO_OK;
  });
}

bo_status bo_store_contact_report(bo_table_t** out, const bo_store_t* store, int64_t from_unix_ms,
                                  int64_t to_unix_ms, const char* dimensions, const char* bucket,
                                  const char* time_zone, const bo_kpi_options_t* options) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(store);
    auto k = kpi_options_of(options);
    if (!k) return fail(k.error());
    auto g = backoffice::capi::group_by_of(or_empty(dimensions), or_empty(bucket), or_empty(time_zone));
    if (!g) return fail(g.error());
    backoffice::InteractionQuery q;
    if (from_unix_ms != BO_NULL_INT64) q.from = backoffice::Instant::from_unix_ms(from_unix_ms);
    if (to_unix_ms != BO_NULL_INT64) q.to = backoffice::Instant::from_unix_ms(to_unix_ms);
    auto report = backoffice::contact_report(store->store, q, std::move(g).value(), std::move(k).value());
    if (!report) return fail(report.error());
    *out = new bo_table{backoffice::capi::report_table(report->to_table())};
    return BO_OK;
  });
}

bo_status bo_table_metadata_count(size_t* out, const bo_table_t* table) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(table);
    *out = table->table.metadata.size();
    return BO_OK;
  });
}

bo_status bo_table_metadata(const char** out_key, const char** out_value, const bo_table_t* table,
                            size_t index) {
  return guarded([&] {
    BO_REQUIRE(table);
    const auto& m = table->table.metadata;
    if (index >= m.size()) {
      return fail(backoffice::invalid_argument("index", std::to_string(index),
                                               fmt::format("the table has {} metadata entries", m.size())));
    }
    if (out_key != nullptr) *out_key = m[index].first.c_str();
    if (out_value != nullptr) *out_value = m[index].second.c_str();
    return BO_OK;
  });
}

bo_status bo_table_metadata_value(const char** out, const bo_table_t* table, const char* key) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(table);
    BO_REQUIRE(key);
    for (const auto& [k, v] : table->table.metadata) {
      if (k == key) {
        *out = v.c_str();
        return BO_OK;
      }
    }
    return fail(backoffice::make_error(backoffice::ErrorCode::kNotFound, "key", key, "no such metadata entry"));
  });
}

}  // extern "C"
