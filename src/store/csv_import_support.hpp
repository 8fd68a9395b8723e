#pragma once

// Pieces shared by the customer and work-item CSV imports: cell parsers that
// name the CSV column in their errors, the ';'-separated list cells, and the
// loop that turns CSV records into an ingest report with CSV row numbers.

#include <backoffice/core/time_zone.hpp>
#include <backoffice/store/csv.hpp>
#include <backoffice/store/csv_import.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace backoffice::csv_import_detail {

inline constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);

inline Result<std::int64_t> parse_int(std::string_view column, std::string_view text) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return parse_error(column, text, "expected an integer");
  return v;
}

inline Result<bool> parse_flag(std::string_view column, std::string_view text) {
  if (text == "1" || text == "true" || text == "TRUE" || text == "Y" || text == "y" || text == "yes") return true;
  if (text == "0" || text == "false" || text == "FALSE" || text == "N" || text == "n" || text == "no") return false;
  return parse_error(column, text, "expected 1/0, true/false or Y/N");
}

inline Result<Instant> parse_instant(std::string_view column, std::string_view text, const TimeZone& zone) {
  auto t = Instant::parse_in(text, zone);
  if (!t.ok()) return parse_error(column, text, t.error().message);
  return t;
}

// A list cell: entries separated by ';', a backslash escaping the next
// character ("\;" is a ';' inside an entry, "\\" a backslash). Spaces and
// TABs around an entry are dropped, and so are empty entries.
// Errors: kParse naming `column` for a trailing lone backslash. O(text).
Result<std::vector<std::string>> split_list(std::string_view column, std::string_view text);
// The inverse of split_list: ';' and '\' escaped, and spaces at either end of
// an entry (empty entries cannot be written). O(total size).
std::string join_list(const std::vector<std::string>& entries);

// The column indexes of `names` in the reader's header (kAbsent when missing);
// kNotFound naming the first of `required` that is missing.
template <std::size_t N>
Result<std::array<std::size_t, N>> map_columns(const CsvReader& reader, const std::array<std::string_view, N>& names,
                                               std::initializer_list<std::size_t> required) {
  std::array<std::size_t, N> index{};
  for (std::size_t c = 0; c < N; ++c) {
    auto idx = reader.header_index(names[c]);
    index[c] = idx.ok() ? *idx : kAbsent;
  }
  for (std::size_t c : required) {
    if (index[c] == kAbsent) {
      return make_error(ErrorCode::kNotFound, "csv", names[c], "required column missing from the header");
    }
  }
  return index;
}

CsvOptions reader_options(const CsvImportOptions& options);

inline void sort_by_row(std::vector<RowError>& errors) {
  std::stable_sort(errors.begin(), errors.end(), [](const RowError& a, const RowError& b) { return a.row < b.row; });
}

// Reads every record with `parse` (const CsvRecord& -> Result<Row>, errors
// naming the CSV column), then hands the parsed rows to `ingest`
// (std::span<const Row>, IngestMode -> Result<IngestReport>) and reports its
// row errors under their CSV row and the column `column_for(field)` names.
template <typename Row, typename Parse, typename Ingest, typename ColumnFor>
Result<IngestReport> import_records(CsvReader& reader, IngestMode mode, Parse&& parse, Ingest&& ingest,
                                    ColumnFor&& column_for) {
  std::vector<Row> rows;
  std::vector<std::size_t> csv_row;  // CSV row number of rows[i]
  IngestReport report;
  for (;;) {
    BO_ASSIGN_OR_RETURN(const CsvRecord* rec, reader.next());
    if (!rec) break;
    auto x = parse(*rec);
    if (!x.ok()) {
      const auto& e = x.error();
      report.errors.push_back(RowError{rec->row(), e.field, e.value, e.message});
      continue;
    }
    rows.push_back(std::move(x).value());
    csv_row.push_back(rec->row());
  }
  for (const auto& e : reader.errors()) {
    report.errors.push_back(RowError{e.row, e.column.empty() ? "csv" : e.column, e.error.value, e.error.message});
  }
  report.rows_read = rows.size() + report.errors.size();
  if (mode == IngestMode::kAllOrNothing && !report.errors.empty()) {
    sort_by_row(report.errors);
    return report;
  }
  BO_ASSIGN_OR_RETURN(auto ingested, ingest(std::span<const Row>(rows), mode));
  for (auto& e : ingested.errors) {
    report.errors.push_back(RowError{csv_row[e.row], column_for(e.field), e.value, e.reason});
  }
  report.rows_written = ingested.rows_written;
  sort_by_row(report.errors);
  return report;
}

// "work_item.error_fields[2]" -> "error_fields": the record prefix and any
// index dropped, for fields whose CSV column has the same name.
std::string strip_record_field(std::string_view field, std::string_view record_prefix);

}  // namespace backoffice::csv_import_detail
