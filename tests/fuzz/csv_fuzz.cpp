// libFuzzer target for the CSV reader and writer. Beyond "never crash" it
// checks three properties on every input:
//  1. reading from memory and reading through a FILE* in small chunks give
//     the same records, row and line numbers, and errors;
//  2. every error carries a row, a line and a value of at most 60 bytes
//     (+ "...");
//  3. writing the good records back out and reading them again gives the
//     same fields (the writer/reader round trip).
// The first input byte chooses the options; the rest is the CSV text.

#include <backoffice/store/csv.hpp>
#include <backoffice/store/csv_writer.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

using namespace backoffice;

namespace {

struct Outcome {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> numbers;  // row, line of each record
  std::vector<CsvRowError> errors;
  std::optional<Error> error;
};

// Names the broken property before aborting, so a crash report says which.
#define require(cond)                                                      \
  do {                                                                     \
    if (!(cond)) {                                                         \
      std::fprintf(stderr, "csv_fuzz.cpp:%d: %s failed\n", __LINE__, #cond); \
      std::abort();                                                        \
    }                                                                      \
  } while (false)

Outcome read(Result<CsvReader> reader) {
  Outcome out;
  if (!reader.ok()) {
    out.error = reader.error();
    return out;
  }
  out.header.assign(reader->header().begin(), reader->header().end());
  for (;;) {
    auto rec = reader->next();
    if (!rec.ok()) {
      out.error = rec.error();
      break;
    }
    if (*rec == nullptr) break;
    std::vector<std::string> row;
    for (auto f : **rec) row.emplace_back(f);
    require(row.size() == reader->column_count());
    out.rows.push_back(std::move(row));
    out.numbers.push_back((*rec)->row());
    out.numbers.push_back((*rec)->line());
  }
  out.errors.assign(reader->errors().begin(), reader->errors().end());
  require(reader->error_count() >= out.errors.size());
  return out;
}

bool same(const Outcome& a, const Outcome& b) {
  if (a.header != b.header || a.rows != b.rows || a.numbers != b.numbers || a.error != b.error) return false;
  if (a.errors.size() != b.errors.size()) return false;
  for (std::size_t i = 0; i < a.errors.size(); ++i) {
    const auto& x = a.errors[i];
    const auto& y = b.errors[i];
    if (x.row != y.row || x.line != y.line || x.column != y.column || !(x.error == y.error)) return false;
  }
  return true;
}

void check_error(const Error& e) {
  require(e.code == ErrorCode::kParse || e.code == ErrorCode::kInvalidArgument);
  require(e.value.size() <= 63);
  require(!e.message.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t flags = data[0];
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);

  CsvOptions options;
  static constexpr char kDelimiters[] = {',', '\t', ';', '|'};
  options.delimiter = kDelimiters[flags & 3];
  options.has_header = (flags & 4) != 0;
  options.trim_unquoted = (flags & 8) != 0;
  options.skip_empty_lines = (flags & 16) == 0;
  options.error_mode = (flags & 32) != 0 ? CsvErrorMode::kLenient : CsvErrorMode::kStrict;
  options.chunk_bytes = (flags & 64) != 0 ? 4 : 9;

  const Outcome in_memory = read(CsvReader::from_string(text, options));
  if (in_memory.error) check_error(*in_memory.error);
  for (const auto& e : in_memory.errors) {
    require(e.row >= 1 && e.line >= 1 && !e.column.empty());
    check_error(e.error);
  }

  if (!text.empty()) {
    std::string copy = text;
    std::FILE* f = fmemopen(copy.data(), copy.size(), "rb");
    require(f != nullptr);
    const Outcome chunked = read(CsvReader::from_file(f, options));
    std::fclose(f);
    require(same(in_memory, chunked));
  }

  // Round trip of what was read: header first, then the good records.
  std::vector<std::vector<std::string>> records;
  if (!in_memory.header.empty()) records.push_back(in_memory.header);
  records.insert(records.end(), in_memory.rows.begin(), in_memory.rows.end());
  if (records.empty()) return 0;
  CsvWriterOptions wo;
  wo.delimiter = options.delimiter;
  wo.line_end = (flags & 128) != 0 ? CsvLineEnd::kLf : CsvLineEnd::kCrLf;
  std::string written;
  auto writer = CsvWriter::to_string(written, wo);
  require(writer.ok());
  for (const auto& r : records) {
    std::vector<std::string_view> views(r.begin(), r.end());
    require(writer->write_row(views).ok());
  }
  CsvOptions back_options;
  back_options.delimiter = options.delimiter;
  back_options.has_header = false;
  const Outcome back = read(CsvReader::from_string(written, back_options));
  require(!back.error);
  require(back.rows == records);
  return 0;
}
