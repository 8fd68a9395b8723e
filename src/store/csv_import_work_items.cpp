// Work-item CSV import and export.
#include <backoffice/store/csv_import.hpp>

#include <backoffice/store/csv_writer.hpp>

#include "store/csv_import_support.hpp"

#include <array>

namespace backoffice {
namespace {

using namespace csv_import_detail;

enum Col : std::size_t {
  kId, kKind, kQueueId, kAssigneeId, kReceivedAt, kStartedAt, kCompletedAt, kOutcome, kAudited,
  kAuditCorrect, kFieldsInError, kColumnCount
};

constexpr std::array<std::string_view, kColumnCount> kNames = {
    "id", "kind", "queue_id", "assignee_id", "received_at", "started_at", "completed_at", "outcome",
    "audited", "audit_correct", "fields_in_error"};

class WorkItemRowParser {
 public:
  WorkItemRowParser(std::array<std::size_t, kColumnCount> index, TimeZone zone) : index_(index), zone_(zone) {}

  // Parses one record; an error's field is the CSV column.
  Result<WorkItem> parse(const CsvRecord& r) const {
    auto cell = [&](Col c) -> std::optional<std::string_view> {
      if (index_[c] == kAbsent || r[index_[c]].empty()) return std::nullopt;
      return r[index_[c]];
    };
    auto instant = [&](Col c, std::string_view text) { return parse_instant(kNames[c], text, zone_); };
    WorkItem x;
    if (auto v = cell(kId)) { BO_ASSIGN_OR_RETURN(auto id, parse_int(kNames[kId], *v)); x.id = WorkItemId(id); }
    if (auto v = cell(kKind)) { BO_ASSIGN_OR_RETURN(x.kind, parse_work_item_kind(*v, kNames[kKind])); }
    auto queue = cell(kQueueId);
    if (!queue) return parse_error(kNames[kQueueId], "", "a queue is required");
    BO_ASSIGN_OR_RETURN(auto queue_id, parse_int(kNames[kQueueId], *queue));
    x.queue = QueueId(queue_id);
    if (auto v = cell(kAssigneeId)) {
      BO_ASSIGN_OR_RETURN(auto id, parse_int(kNames[kAssigneeId], *v));
      x.assignee = AgentId(id);
    }
    auto received = cell(kReceivedAt);
    if (!received) return parse_error(kNames[kReceivedAt], "", "a received time is required");
    BO_ASSIGN_OR_RETURN(x.received_at, instant(kReceivedAt, *received));
    if (auto v = cell(kStartedAt)) { BO_ASSIGN_OR_RETURN(auto t, instant(kStartedAt, *v)); x.started_at = t; }
    if (auto v = cell(kCompletedAt)) { BO_ASSIGN_OR_RETURN(auto t, instant(kCompletedAt, *v)); x.completed_at = t; }
    if (auto v = cell(kOutcome)) x.outcome = std::string(*v);
    if (auto v = cell(kAudited)) { BO_ASSIGN_OR_RETURN(x.audited, parse_flag(kNames[kAudited], *v)); }
    if (auto v = cell(kAuditCorrect)) {
      BO_ASSIGN_OR_RETURN(auto b, parse_flag(kNames[kAuditCorrect], *v));
      x.audit_correct = b;
    }
    if (auto v = cell(kFieldsInError)) { BO_ASSIGN_OR_RETURN(x.error_fields, split_list(kNames[kFieldsInError], *v)); }
    return x;
  }

 private:
  std::array<std::size_t, kColumnCount> index_;
  TimeZone zone_;
};

// Record fields ("work_item.queue") are reported under their CSV column.
std::string column_for_field(std::string_view field) {
  auto column = strip_record_field(field, "work_item.");
  if (column == "queue") return std::string(kNames[kQueueId]);
  if (column == "assignee") return std::string(kNames[kAssigneeId]);
  if (column == "error_fields") return std::string(kNames[kFieldsInError]);
  return column;
}

Result<IngestReport> import_from(Store& store, CsvReader reader, const CsvImportOptions& options) {
  BO_ASSIGN_OR_RETURN(auto zone, TimeZone::locate(options.time_zone));
  BO_ASSIGN_OR_RETURN(auto index, map_columns(reader, kNames, {kQueueId, kReceivedAt}));
  const WorkItemRowParser parser(index, zone);
  return import_records<WorkItem>(
      reader, options.mode, [&](const CsvRecord& r) { return parser.parse(r); },
      [&](std::span<const WorkItem> rows, IngestMode mode) { return store.ingest_work_items(rows, mode); },
      column_for_field);
}

Status write_work_items(CsvWriter& w, const Store& store, const WorkItemQuery& query) {
  BO_RETURN_IF_ERROR(w.write_row(std::span<const std::string_view>(kNames)));
  BO_ASSIGN_OR_RETURN(auto rows, store.work_items(query));
  std::array<std::string, kColumnCount> cells;
  std::array<std::string_view, kColumnCount> views;
  auto instant = [](const std::optional<Instant>& t) { return t ? t->to_string() : std::string(); };
  for (const auto& x : rows) {
    cells[kId] = std::to_string(x.id.value());
    cells[kKind] = std::string(to_string(x.kind));
    cells[kQueueId] = std::to_string(x.queue.value());
    cells[kAssigneeId] = x.assignee ? std::to_string(x.assignee->value()) : std::string();
    cells[kReceivedAt] = x.received_at.to_string();
    cells[kStartedAt] = instant(x.started_at);
    cells[kCompletedAt] = instant(x.completed_at);
    cells[kOutcome] = x.outcome;
    cells[kAudited] = x.audited ? "1" : "0";
    cells[kAuditCorrect] = x.audit_correct ? (*x.audit_correct ? "1" : "0") : "";
    cells[kFieldsInError] = join_list(x.error_fields);
    for (std::size_t c = 0; c < kColumnCount; ++c) views[c] = cells[c];
    BO_RETURN_IF_ERROR(w.write_row(views));
  }
  return w.close();
}

}  // namespace

Result<IngestReport> import_work_items_csv(Store& store, const std::filesystem::path& path,
                                           const CsvImportOptions& options) {
  BO_ASSIGN_OR_RETURN(auto reader, CsvReader::open(path, reader_options(options)));
  return import_from(store, std::move(reader), options);
}

Result<IngestReport> import_work_items_csv_text(Store& store, std::string_view csv_text,
                                                const CsvImportOptions& options) {
  BO_ASSIGN_OR_RETURN(auto reader, CsvReader::from_string(csv_text, reader_options(options)));
  return import_from(store, std::move(reader), options);
}

Result<std::string> export_work_items_csv(const Store& store, const WorkItemQuery& query) {
  std::string out;
  BO_ASSIGN_OR_RETURN(auto w, CsvWriter::to_string(out));
  BO_RETURN_IF_ERROR(write_work_items(w, store, query));
  return out;
}

Status export_work_items_csv(const Store& store, const std::filesystem::path& path, const WorkItemQuery& query) {
  BO_ASSIGN_OR_RETURN(auto w, CsvWriter::open(path));
  return write_work_items(w, store, query);
}

}  // namespace backoffice
