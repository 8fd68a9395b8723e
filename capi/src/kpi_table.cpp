#include "kpi_table.hpp"

#include "interaction_table.hpp"

#include <backoffice/core/time_zone.hpp>
#include <backoffice/kpi/interaction_view.hpp>

#include <algorithm>
#include <span>
#include <string>
#include <variant>

namespace backoffice::capi {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

Result<GroupBy> group_by_of(std::string_view dimensions, std::string_view bucket, std::string_view zone) {
  GroupBy g;
  BO_ASSIGN_OR_RETURN(g.dimensions, parse_dimension_list<Dimension>(
                                        dimensions, [](std::string_view s) { return parse_dimension(s); }));
  if (!trim(bucket).empty()) {
    BO_ASSIGN_OR_RETURN(g.bucket, parse_time_bucket(trim(bucket)));
  }
  BO_ASSIGN_OR_RETURN(g.zone, TimeZone::locate(trim(zone).empty() ? std::string_view("UTC") : trim(zone)));
  return g;
}

Table report_table(backoffice::Table&& report) {
  Table out(report.row_count());
  for (auto& c : report.columns) {
    Column column;
    if (auto* ints = std::get_if<std::vector<std::int64_t>>(&c.values)) {
      // Ids of "no agent" / "no team" groups are kNullInt64: nulls for C and pandas.
      const bool is_id = c.name.size() > 3 && c.name.compare(c.name.size() - 3, 3, "_id") == 0;
      std::vector<std::uint8_t> valid;
      if (is_id && std::find(ints->begin(), ints->end(), kNullInt64) != ints->end()) {
        valid.reserve(ints->size());
        for (auto v : *ints) valid.push_back(v == kNullInt64 ? 0 : 1);
      }
      const auto type = c.name == "interval_start_utc_ms" ? ColumnType::kInstant : ColumnType::kInt64;
      column = int64_column(c.name, type, std::move(*ints), std::move(valid));
    } else if (auto* doubles = std::get_if<std::vector<double>>(&c.values)) {
      column = double_column(c.name, std::move(*doubles));
    } else {
      auto& texts = std::get<std::vector<std::string>>(c.values);
      StringColumnBuilder b;
      std::size_t bytes = 0;
      for (const auto& s : texts) bytes += s.size() + 1;
      b.reserve(texts.size(), bytes);
      for (const auto& s : texts) b.append(s);
      column = std::move(b).finish(c.name);
    }
    // Names come from the engine and are unique; add() cannot fail here.
    (void)out.add(std::move(column));
  }
  out.metadata = std::move(report.metadata);
  return out;
}

Result<Table> contact_report_table(const Table& interactions, const GroupBy& group_by,
                                   const KpiOptions& options) {
  // The engine reads int64 columns as they are, so the wide optional ones
  // are viewed in place when they need no rewriting (no validity mask; for
  // the durations, no null sentinel to turn into 0): copying 1M-row columns
  // cost as much as a third of the report. The rest goes through the checked
  // conversion of the ingest path.
  struct Wide {
    std::string_view name;
    bool sentinel_is_null;  // kNullInt64 already means "null" to the engine
    std::span<const std::int64_t> InteractionView::*field;
  };
  static constexpr Wide kWide[] = {
      {"customer_id", true, &InteractionView::customer_id}, {"agent_id", true, &InteractionView::agent_id},
      {"answered_at", true, &InteractionView::answered_ms}, {"talk_time", false, &InteractionView::talk_ms},
      {"hold_time", false, &InteractionView::hold_ms},      {"wrap_up_time", false, &InteractionView::wrap_ms}};
  const std::size_t rows = interactions.rows();
  std::vector<std::pair<const Wide*, const Column*>> borrowed;
  Table rest(rows);
  for (std::size_t i = 0; i < interactions.columns(); ++i) {
    const Column& c = interactions.column(i);
    const Wide* wide = nullptr;
    for (const auto& w : kWide) {
      if (w.name == c.name) wide = &w;
    }
    bool borrow = wide != nullptr && is_integer_backed(c.type) && c.valid == nullptr &&
                  (c.ints != nullptr || rows == 0);
    if (borrow && !wide->sentinel_is_null) {
      borrow = std::find(c.ints, c.ints + rows, kNullInt64) == c.ints + rows;
    }
    if (borrow) {
      borrowed.emplace_back(wide, &c);
    } else {
      BO_RETURN_IF_ERROR(rest.add(c));
    }
  }
  BO_ASSIGN_OR_RETURN(auto columns, interactions_from_table(rest));
  auto view = InteractionView::of(columns);
  for (const auto& [wide, c] : borrowed) view.*(wide->field) = std::span<const std::int64_t>(c->ints, rows);
  BO_ASSIGN_OR_RETURN(auto report, contact_report(view, group_by, options));
  return report_table(report.to_table());
}

}  // namespace backoffice::capi
