#include "store/csv_import_support.hpp"

namespace backoffice::csv_import_detail {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

}  // namespace

Result<std::vector<std::string>> split_list(std::string_view column, std::string_view text) {
  std::vector<std::string> out;
  std::string entry;
  // Trailing spaces are trimmed only up to the last escaped character, so an
  // escaped space survives.
  std::size_t keep = 0;
  auto finish = [&] {
    const auto last = entry.find_last_not_of(" \t");
    entry.resize(std::max(keep, last == std::string::npos ? std::size_t{0} : last + 1));
    if (!entry.empty()) out.push_back(std::move(entry));
    entry.clear();
    keep = 0;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\') {
      if (i + 1 == text.size()) return parse_error(column, text, "a '\\' must be followed by the character it escapes");
      entry += text[++i];
      keep = entry.size();
    } else if (c == ';') {
      finish();
    } else if (is_space(c) && entry.empty()) {
      continue;  // leading space
    } else {
      entry += c;
    }
  }
  finish();
  return out;
}

std::string join_list(const std::vector<std::string>& entries) {
  std::string out;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i) out += ';';
    const auto& e = entries[i];
    for (std::size_t k = 0; k < e.size(); ++k) {
      // Spaces at either end are escaped too, or split_list would trim them.
      const bool edge_space = is_space(e[k]) && (k == 0 || k + 1 == e.size());
      if (e[k] == ';' || e[k] == '\\' || edge_space) out += '\\';
      out += e[k];
    }
  }
  return out;
}

CsvOptions reader_options(const CsvImportOptions& options) {
  CsvOptions o;
  o.delimiter = options.delimiter;
  o.error_mode = CsvErrorMode::kLenient;
  o.max_errors_kept = static_cast<std::size_t>(-1);
  return o;
}

std::string strip_record_field(std::string_view field, std::string_view record_prefix) {
  if (field.starts_with(record_prefix)) field.remove_prefix(record_prefix.size());
  if (auto bracket = field.find('['); bracket != std::string_view::npos) field = field.substr(0, bracket);
  return std::string(field);
}

}  // namespace backoffice::csv_import_detail
