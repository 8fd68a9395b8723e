// Customer CSV import and export.
#include <backoffice/store/csv_import.hpp>

#include <backoffice/domain/email.hpp>
#include <backoffice/domain/phone.hpp>
#include <backoffice/store/csv_writer.hpp>

#include "store/csv_import_support.hpp"

#include <array>

namespace backoffice {
namespace {

using namespace csv_import_detail;

enum Col : std::size_t {
  kId, kName, kEmails, kPhones, kLine1, kLine2, kCity, kRegion, kPostalCode, kCountry, kConsentEmail,
  kConsentSms, kConsentRecording, kCreatedAt, kUpdatedAt, kColumnCount
};

constexpr std::array<std::string_view, kColumnCount> kNames = {
    "id", "name", "emails", "phones", "address_line1", "address_line2", "city", "region", "postal_code",
    "country", "consent_email", "consent_sms", "consent_recording", "created_at", "updated_at"};

class CustomerRowParser {
 public:
  CustomerRowParser(std::array<std::size_t, kColumnCount> index, TimeZone zone, std::string region)
      : index_(index), zone_(zone), region_(std::move(region)) {}

  // Parses one record; an error's field is the CSV column.
  Result<Customer> parse(const CsvRecord& r) const {
    auto cell = [&](Col c) -> std::optional<std::string_view> {
      if (index_[c] == kAbsent || r[index_[c]].empty()) return std::nullopt;
      return r[index_[c]];
    };
    auto text = [&](Col c) { return std::string(cell(c).value_or("")); };
    Customer x;
    if (auto v = cell(kId)) { BO_ASSIGN_OR_RETURN(auto id, parse_int(kNames[kId], *v)); x.id = CustomerId(id); }
    x.name = text(kName);
    if (auto v = cell(kEmails)) {
      BO_ASSIGN_OR_RETURN(auto entries, split_list(kNames[kEmails], *v));
      for (const auto& e : entries) {
        if (auto s = x.add_email(e); !s.ok()) return parse_error(kNames[kEmails], e, s.error().message);
      }
    }
    if (auto v = cell(kPhones)) {
      BO_ASSIGN_OR_RETURN(auto entries, split_list(kNames[kPhones], *v));
      for (const auto& p : entries) {
        if (auto s = x.add_phone(p, region_); !s.ok()) return parse_error(kNames[kPhones], p, s.error().message);
      }
    }
    x.address = Address{text(kLine1), text(kLine2), text(kCity), text(kRegion), text(kPostalCode), text(kCountry)};
    if (auto v = cell(kConsentEmail)) { BO_ASSIGN_OR_RETURN(x.consent.marketing_email, parse_flag(kNames[kConsentEmail], *v)); }
    if (auto v = cell(kConsentSms)) { BO_ASSIGN_OR_RETURN(x.consent.marketing_sms, parse_flag(kNames[kConsentSms], *v)); }
    if (auto v = cell(kConsentRecording)) {
      BO_ASSIGN_OR_RETURN(x.consent.call_recording, parse_flag(kNames[kConsentRecording], *v));
    }
    auto created = cell(kCreatedAt);
    if (!created) return parse_error(kNames[kCreatedAt], "", "a creation time is required");
    BO_ASSIGN_OR_RETURN(x.created_at, parse_instant(kNames[kCreatedAt], *created, zone_));
    x.updated_at = x.created_at;
    if (auto v = cell(kUpdatedAt)) { BO_ASSIGN_OR_RETURN(x.updated_at, parse_instant(kNames[kUpdatedAt], *v, zone_)); }
    return x;
  }

 private:
  std::array<std::size_t, kColumnCount> index_;
  TimeZone zone_;
  std::string region_;
};

// "customer.address.country" -> "country", "customer.phones[1]" -> "phones".
std::string column_for_field(std::string_view field) {
  auto column = strip_record_field(field, "customer.");
  if (column.starts_with("address.")) column.erase(0, 8);
  if (column == "line1" || column == "line2") column = "address_" + column;
  return column;
}

Result<IngestReport> import_from(Store& store, CsvReader reader, const CustomerCsvImportOptions& options) {
  BO_ASSIGN_OR_RETURN(auto zone, TimeZone::locate(options.time_zone));
  // A bad region is the caller's mistake, not a row's: fail before reading.
  if (auto probe = normalize_phone("+12024561111", options.default_region);
      !probe.ok() && probe.error().code == ErrorCode::kInvalidArgument) {
    return std::move(probe).error();
  }
  BO_ASSIGN_OR_RETURN(auto index, map_columns(reader, kNames, {kName, kCreatedAt}));
  const CustomerRowParser parser(index, zone, options.default_region);
  return import_records<Customer>(
      reader, options.mode, [&](const CsvRecord& r) { return parser.parse(r); },
      [&](std::span<const Customer> rows, IngestMode mode) { return store.ingest_customers(rows, mode); },
      column_for_field);
}

Status write_customers(CsvWriter& w, const Store& store) {
  BO_RETURN_IF_ERROR(w.write_row(std::span<const std::string_view>(kNames)));
  BO_ASSIGN_OR_RETURN(auto rows, store.customers());
  std::array<std::string, kColumnCount> cells;
  std::array<std::string_view, kColumnCount> views;
  auto flag = [](bool b) { return std::string(b ? "1" : "0"); };
  for (const auto& x : rows) {
    cells[kId] = std::to_string(x.id.value());
    cells[kName] = x.name;
    cells[kEmails] = join_list(x.emails);
    cells[kPhones] = join_list(x.phones);
    cells[kLine1] = x.address.line1;
    cells[kLine2] = x.address.line2;
    cells[kCity] = x.address.city;
    cells[kRegion] = x.address.region;
    cells[kPostalCode] = x.address.postal_code;
    cells[kCountry] = x.address.country;
    cells[kConsentEmail] = flag(x.consent.marketing_email);
    cells[kConsentSms] = flag(x.consent.marketing_sms);
    cells[kConsentRecording] = flag(x.consent.call_recording);
    cells[kCreatedAt] = x.created_at.to_string();
    cells[kUpdatedAt] = x.updated_at.to_string();
    for (std::size_t c = 0; c < kColumnCount; ++c) views[c] = cells[c];
    BO_RETURN_IF_ERROR(w.write_row(views));
  }
  return w.close();
}

}  // namespace

Result<IngestReport> import_customers_csv(Store& store, const std::filesystem::path& path,
                                          const CustomerCsvImportOptions& options) {
  BO_ASSIGN_OR_RETURN(auto reader, CsvReader::open(path, reader_options(options)));
  return import_from(store, std::move(reader), options);
}

Result<IngestReport> import_customers_csv_text(Store& store, std::string_view csv_text,
                                               const CustomerCsvImportOptions& options) {
  BO_ASSIGN_OR_RETURN(auto reader, CsvReader::from_string(csv_text, reader_options(options)));
  return import_from(store, std::move(reader), options);
}

Result<std::string> export_customers_csv(const Store& store) {
  std::string out;
  BO_ASSIGN_OR_RETURN(auto w, CsvWriter::to_string(out));
  BO_RETURN_IF_ERROR(write_customers(w, store));
  return out;
}

Status export_customers_csv(const Store& store, const std::filesystem::path& path) {
  BO_ASSIGN_OR_RETURN(auto w, CsvWriter::open(path));
  return write_customers(w, store);
}

}  // namespace backoffice
