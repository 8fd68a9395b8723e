#include <backoffice/store/csv_import.hpp>

#include <backoffice/core/time_zone.hpp>
#include <backoffice/store/csv.hpp>
#include <backoffice/store/csv_writer.hpp>

#include "store/csv_import_support.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <optional>

namespace backoffice {
namespace {

using csv_import_detail::kAbsent;
using csv_import_detail::parse_flag;
using csv_import_detail::parse_int;
using csv_import_detail::reader_options;

enum Col : std::size_t {
  kId, kExternalId, kChannel, kDirection, kQueueId, kCustomerId, kAgentId, kOfferedAt, kAnsweredAt,
  kEndedAt, kTalkS, kHoldS, kWrapS, kTransferred, kReason, kDisposition, kResolved, kCsat, kNps, kNotes,
  kColumnCount
};

constexpr std::array<std::string_view, kColumnCount> kNames = {
    "id", "external_id", "channel", "direction", "queue_id", "customer_id", "agent_id", "offered_at",
    "answered_at", "ended_at", "talk_s", "hold_s", "wrap_s", "transferred", "reason", "disposition",
    "resolved", "csat", "nps", "notes"};

// Seconds with up to three decimals, exactly, as milliseconds.
Result<std::chrono::milliseconds> parse_seconds(std::string_view column, std::string_view text) {
  const auto dot = text.find('.');
  BO_ASSIGN_OR_RETURN(auto whole, parse_int(column, text.substr(0, dot)));
  std::int64_t frac = 0;
  if (dot != std::string_view::npos) {
    auto digits = text.substr(dot + 1);
    if (digits.empty() || digits.size() > 3) return parse_error(column, text, "expected seconds with at most 3 decimals");
    BO_ASSIGN_OR_RETURN(frac, parse_int(column, digits));
    for (auto n = digits.size(); n < 3; ++n) frac *= 10;
    if (whole < 0 || text.front() == '-') frac = -frac;
  }
  return std::chrono::milliseconds(whole * 1000 + frac);
}

class InteractionRowParser {
 public:
  static Result<InteractionRowParser> from_header(const CsvReader& reader, TimeZone zone) {
    InteractionRowParser p;
    p.zone_ = zone;
    for (std::size_t c = 0; c < kColumnCount; ++c) {
      auto idx = reader.header_index(kNames[c]);
      p.index_[c] = idx.ok() ? *idx : kAbsent;
    }
    for (Col required : {kQueueId, kOfferedAt, kEndedAt}) {
      if (p.index_[required] == kAbsent) {
        return make_error(ErrorCode::kNotFound, "csv", kNames[required], "required column missing from the header");
      }
    }
    return p;
  }

  // Parses one record; an error's field is the CSV column.
  Result<Interaction> parse(const CsvRecord& r) const {
    Interaction x;
    auto cell = [&](Col c) -> std::optional<std::string_view> {
      if (index_[c] == kAbsent || r[index_[c]].empty()) return std::nullopt;
      return r[index_[c]];
    };
    auto instant = [&](Col c, std::string_view text) -> Result<Instant> {
      auto t = Instant::parse_in(text, zone_);
      if (!t.ok()) return parse_error(kNames[c], text, t.error().message);
      return t;
    };
    if (auto v = cell(kId)) { BO_ASSIGN_OR_RETURN(auto id, parse_int(kNames[kId], *v)); x.id = InteractionId(id); }
    if (auto v = cell(kExternalId)) x.external_id = std::string(*v);
    if (auto v = cell(kChannel)) { BO_ASSIGN_OR_RETURN(x.channel, parse_channel(*v, kNames[kChannel])); }
    if (auto v = cell(kDirection)) { BO_ASSIGN_OR_RETURN(x.direction, parse_direction(*v, kNames[kDirection])); }
    auto queue = cell(kQueueId);
    if (!queue) return parse_error(kNames[kQueueId], "", "a queue is required");
    BO_ASSIGN_OR_RETURN(auto queue_id, parse_int(kNames[kQueueId], *queue));
    x.queue = QueueId(queue_id);
    if (auto v = cell(kCustomerId)) { BO_ASSIGN_OR_RETURN(auto id, parse_int(kNames[kCustomerId], *v)); x.customer = CustomerId(id); }
    if (auto v = cell(kAgentId)) { BO_ASSIGN_OR_RETURN(auto id, parse_int(kNames[kAgentId], *v)); x.agent = AgentId(id); }
    auto offered = cell(kOfferedAt);
    if (!offered) return parse_error(kNames[kOfferedAt], "", "an offered time is required");
    BO_ASSIGN_OR_RETURN(x.offered_at, instant(kOfferedAt, *offered));
    if (auto v = cell(kAnsweredAt)) { BO_ASSIGN_OR_RETURN(auto t, instant(kAnsweredAt, *v)); x.answered_at = t; }
    auto ended = cell(kEndedAt);
    if (!ended) return parse_error(kNames[kEndedAt], "", "an end time is required");
    BO_ASSIGN_OR_RETURN(x.ended_at, instant(kEndedAt, *ended));
    if (auto v = cell(kTalkS)) { BO_ASSIGN_OR_RETURN(x.talk_time, parse_seconds(kNames[kTalkS], *v)); }
    if (auto v = cell(kHoldS)) { BO_ASSIGN_OR_RETURN(x.hold_time, parse_seconds(kNames[kHoldS], *v)); }
    if (auto v = cell(kWrapS)) { BO_ASSIGN_OR_RETURN(x.wrap_up_time, parse_seconds(kNames[kWrapS], *v)); }
    if (auto v = cell(kTransferred)) { BO_ASSIGN_OR_RETURN(x.transferred, parse_flag(kNames[kTransferred], *v)); }
    if (auto v = cell(kReason)) x.reason_code = std::string(*v);
    if (auto v = cell(kDisposition)) x.disposition = std::string(*v);
    if (auto v = cell(kResolved)) { BO_ASSIGN_OR_RETURN(auto b, parse_flag(kNames[kResolved], *v)); x.resolved = b; }
    if (auto v = cell(kCsat)) { BO_ASSIGN_OR_RETURN(auto n, parse_int(kNames[kCsat], *v)); x.csat = static_cast<int>(n); }
    if (auto v = cell(kNps)) { BO_ASSIGN_OR_RETURN(auto n, parse_int(kNames[kNps], *v)); x.nps = static_cast<int>(n); }
    if (auto v = cell(kNotes)) x.notes = std::string(*v);
    return x;
  }

 private:
  std::array<std::size_t, kColumnCount> index_{};
  TimeZone zone_;
};

// Record fields ("interaction.csat") are reported under their CSV column.
std::string column_for_field(std::string_view field) {
  static constexpr std::array<std::pair<std::string_view, Col>, 9> kFieldColumns{{
      {"interaction.queue", kQueueId}, {"interaction.agent", kAgentId}, {"interaction.customer", kCustomerId},
      {"interaction.answered_at", kAnsweredAt}, {"interaction.ended_at", kEndedAt},
      {"interaction.talk_time", kTalkS}, {"interaction.hold_time", kHoldS},
      {"interaction.wrap_up_time", kWrapS}, {"interaction.external_id", kExternalId}}};
  for (const auto& [f, c] : kFieldColumns) {
    if (f == field) return std::string(kNames[c]);
  }
  if (field.starts_with("interaction.")) return std::string(field.substr(12));
  return std::string(field);
}

Result<IngestReport> import_from(Store& store, CsvReader reader, const CsvImportOptions& options) {
  BO_ASSIGN_OR_RETURN(auto zone, TimeZone::locate(options.time_zone));
  BO_ASSIGN_OR_RETURN(auto parser, InteractionRowParser::from_header(reader, zone));
  std::vector<Interaction> rows;
  std::vector<std::size_t> csv_row;  // data row number of rows[i]
  IngestReport report;
  for (;;) {
    BO_ASSIGN_OR_RETURN(const CsvRecord* rec, reader.next());
    if (!rec) break;
    auto x = parser.parse(*rec);
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
  if (options.mode == IngestMode::kAllOrNothing && !report.errors.empty()) {
    std::sort(report.errors.begin(), report.errors.end(), [](auto& a, auto& b) { return a.row < b.row; });
    return report;
  }
  BO_ASSIGN_OR_RETURN(auto ingested, store.ingest_interactions(rows, options.mode));
  for (auto& e : ingested.errors) {
    report.errors.push_back(RowError{csv_row[e.row], column_for_field(e.field), e.value, e.reason});
  }
  report.rows_written = ingested.rows_written;
  std::sort(report.errors.begin(), report.errors.end(), [](auto& a, auto& b) { return a.row < b.row; });
  return report;
}

std::string seconds_text(std::chrono::milliseconds d) {
  const auto ms = d.count();
  if (ms % 1000 == 0) return std::to_string(ms / 1000);
  return fmt::format("{}.{:03}", ms / 1000, ms % 1000);
}

Status write_interactions(CsvWriter& w, const Store& store, const InteractionQuery& query) {
  std::array<std::string_view, kColumnCount> header;
  std::copy(kNames.begin(), kNames.end(), header.begin());
  BO_RETURN_IF_ERROR(w.write_row(header));
  BO_ASSIGN_OR_RETURN(auto rows, store.interactions(query));
  std::array<std::string, kColumnCount> cells;
  std::array<std::string_view, kColumnCount> views;
  auto opt_id = [](const auto& id) { return id ? std::to_string(id->value()) : std::string(); };
  for (const auto& x : rows) {
    cells[kId] = std::to_string(x.id.value());
    cells[kExternalId] = x.external_id.value_or("");
    cells[kChannel] = std::string(to_string(x.channel));
    cells[kDirection] = std::string(to_string(x.direction));
    cells[kQueueId] = std::to_string(x.queue.value());
    cells[kCustomerId] = opt_id(x.customer);
    cells[kAgentId] = opt_id(x.agent);
    cells[kOfferedAt] = x.offered_at.to_string();
    cells[kAnsweredAt] = x.answered_at ? x.answered_at->to_string() : "";
    cells[kEndedAt] = x.ended_at.to_string();
    cells[kTalkS] = seconds_text(x.talk_time);
    cells[kHoldS] = seconds_text(x.hold_time);
    cells[kWrapS] = seconds_text(x.wrap_up_time);
    cells[kTransferred] = x.transferred ? "1" : "0";
    cells[kReason] = x.reason_code;
    cells[kDisposition] = x.disposition;
    cells[kResolved] = x.resolved ? (*x.resolved ? "1" : "0") : "";
    cells[kCsat] = x.csat ? std::to_string(*x.csat) : "";
    cells[kNps] = x.nps ? std::to_string(*x.nps) : "";
    cells[kNotes] = x.notes;
    for (std::size_t c = 0; c < kColumnCount; ++c) views[c] = cells[c];
    BO_RETURN_IF_ERROR(w.write_row(views));
  }
  return w.close();
}

}  // namespace

Result<IngestReport> import_interactions_csv(Store& store, const std::filesystem::path& path,
                                             const CsvImportOptions& options) {
  BO_ASSIGN_OR_RETURN(auto reader, CsvReader::open(path, reader_options(options)));
  return import_from(store, std::move(reader), options);
}

Result<IngestReport> import_interactions_csv_text(Store& store, std::string_view csv_text,
                                                  const CsvImportOptions& options) {
  BO_ASSIGN_OR_RETURN(auto reader, CsvReader::from_string(csv_text, reader_options(options)));
  return import_from(store, std::move(reader), options);
}

Result<std::string> export_interactions_csv(const Store& store, const InteractionQuery& query) {
  std::string out;
  BO_ASSIGN_OR_RETURN(auto w, CsvWriter::to_string(out));
  BO_RETURN_IF_ERROR(write_interactions(w, store, query));
  return out;
}

Status export_interactions_csv(const Store& store, const std::filesystem::path& path,
                               const InteractionQuery& query) {
  BO_ASSIGN_OR_RETURN(auto w, CsvWriter::open(path));
  return write_interactions(w, store, query);
}

}  // namespace backoffice
