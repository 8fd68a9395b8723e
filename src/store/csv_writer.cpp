#include <backoffice/store/csv_writer.hpp>

#include "store/csv_scan.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace backoffice {

namespace {

constexpr std::size_t kFlushBytes = std::size_t{64} << 10;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

Error io_error(std::string_view target, int err, std::string_view what) {
  return make_error(ErrorCode::kIo, "path", target, fmt::format("{}: {}", what, std::strerror(err)));
}

void append_quoted(std::string& out, std::string_view field) {
  out.push_back('"');
  for (;;) {
    const auto quote = field.find('"');
    if (quote == std::string_view::npos) break;
    out.append(field.substr(0, quote + 1));
    out.push_back('"');
    field.remove_prefix(quote + 1);
  }
  out.append(field);
  out.push_back('"');
}

}  // namespace

bool csv_needs_quotes(std::string_view field, char delimiter) noexcept {
  if (field.empty()) return false;
  if (is_blank(field.front()) || is_blank(field.back())) return true;
  const char* end = field.data() + field.size();
  return detail::CsvSpecialFinder(delimiter).find(field.data(), end) != end;
}

void append_csv_field(std::string& out, std::string_view field, char delimiter) {
  if (csv_needs_quotes(field, delimiter)) {
    append_quoted(out, field);
  } else {
    out.append(field);
  }
}

struct CsvWriter::Sink {
  CsvWriterOptions options;
  std::string* out = nullptr;  // string output; else `buffer` feeds `file`
  std::string buffer;
  std::FILE* file = nullptr;
  bool owns_file = false;
  std::string target;
  bool at_start = true;

  Status flush() {
    if (file == nullptr || buffer.empty()) return Status::Ok();
    const std::size_t size = buffer.size();
    const std::size_t written = std::fwrite(buffer.data(), 1, size, file);
    const int err = errno;
    buffer.clear();
    if (written != size) return io_error(target, err, "write failed");
    return Status::Ok();
  }

  Status close() {
    Status s = flush();
    if (file != nullptr) {
      if (owns_file) {
        if (std::fclose(file) != 0 && s.ok()) s = io_error(target, errno, "close failed");
      } else if (std::fflush(file) != 0 && s.ok()) {
        s = io_error(target, errno, "flush failed");
      }
      file = nullptr;
    }
    return s;
  }

  ~Sink() { (void)close(); }
};

CsvWriter::CsvWriter(std::unique_ptr<Sink> sink) : sink_(std::move(sink)) {}
CsvWriter::CsvWriter(CsvWriter&&) noexcept = default;
CsvWriter& CsvWriter::operator=(CsvWriter&&) noexcept = default;
CsvWriter::~CsvWriter() = default;

namespace {

Status check_options(const CsvWriterOptions& o) {
  const char d = o.delimiter;
  if (d == '"' || d == '\r' || d == '\n') {
    return invalid_argument("delimiter", std::string(1, d), "the delimiter cannot be a quote, CR or LF");
  }
  return Status::Ok();
}

}  // namespace

Result<CsvWriter> CsvWriter::to_string(std::string& out, CsvWriterOptions options) {
  BO_RETURN_IF_ERROR(check_options(options));
  auto sink = std::make_unique<Sink>();
  sink->options = options;
  sink->out = &out;
  sink->at_start = out.empty();
  return CsvWriter(std::move(sink));
}

Result<CsvWriter> CsvWriter::to_file(std::FILE* file, CsvWriterOptions options) {
  BO_RETURN_IF_ERROR(check_options(options));
  if (file == nullptr) return invalid_argument("file", "null", "no stream to write");
  auto sink = std::make_unique<Sink>();
  sink->options = options;
  sink->file = file;
  sink->target = "<stream>";
  return CsvWriter(std::move(sink));
}

Result<CsvWriter> CsvWriter::open(const std::filesystem::path& path, CsvWriterOptions options) {
  BO_RETURN_IF_ERROR(check_options(options));
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return io_error(path.string(), errno, "cannot create");
  auto sink = std::make_unique<Sink>();
  sink->options = options;
  sink->file = file;
  sink->owns_file = true;
  sink->target = path.string();
  return CsvWriter(std::move(sink));
}

Status CsvWriter::write_row(std::span<const std::string_view> fields) {
  if (fields.empty()) {
    return invalid_argument("fields", "", "a CSV record needs at least one field");
  }
  Sink& s = *sink_;
  if (s.out == nullptr && s.file == nullptr) {
    return invalid_argument("writer", s.target, "the writer is closed");
  }
  std::string& out = s.out != nullptr ? *s.out : s.buffer;
  const char delimiter = s.options.delimiter;
  if (fields.size() == 1 && fields[0].empty()) {
    out += "\"\"";
  } else {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out.push_back(delimiter);
      if (i == 0 && s.at_start && fields[0].starts_with("\xEF\xBB\xBF")) {
        // Unquoted, a leading U+FEFF would be read back as a byte order mark and dropped.
        append_quoted(out, fields[0]);
      } else {
        append_csv_field(out, fields[i], delimiter);
      }
    }
  }
  out += s.options.line_end == CsvLineEnd::kCrLf ? "\r\n" : "\n";
  s.at_start = false;
  if (s.out == nullptr && s.buffer.size() >= kFlushBytes) return s.flush();
  return Status::Ok();
}

Status CsvWriter::flush() { return sink_->flush(); }

Status CsvWriter::close() {
  if (sink_->out != nullptr) {
    sink_->out = nullptr;
    return Status::Ok();
  }
  return sink_->close();
}

}  // namespace backoffice
