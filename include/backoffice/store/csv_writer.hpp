#pragma once

// An RFC 4180 CSV writer whose output CsvReader reads back field for field
// (see docs/csv.md).

#include <backoffice/core/result.hpp>

#include <cstdio>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace backoffice {

enum class CsvLineEnd {
  kCrLf,  // "\r\n", as RFC 4180 specifies
  kLf,    // "\n"
};

struct CsvWriterOptions {
  // Any byte except '"', CR and LF.
  char delimiter = ',';
  CsvLineEnd line_end = CsvLineEnd::kCrLf;
};

// True when `field` must be quoted: it contains the delimiter, a quote, CR
// or LF, or starts or ends with a space or TAB (so a trimming reader keeps
// them). O(field size).
bool csv_needs_quotes(std::string_view field, char delimiter) noexcept;

// Appends `field` to `out`, quoted and with its quotes doubled only when
// csv_needs_quotes() says so. O(field size).
void append_csv_field(std::string& out, std::string_view field, char delimiter);

// Writes records to a std::string, a FILE* or a file. A record of one empty
// field is written as "" so that it is not read back as an empty line.
// Output to a stream is buffered (64 KiB); call close() (or flush()) to see
// write errors — the destructor flushes but cannot report them. A moved-from
// writer may only be destroyed or assigned to.
class CsvWriter {
 public:
  // Appends to `out`, which must outlive the writer. kInvalidArgument for a
  // bad delimiter.
  static Result<CsvWriter> to_string(std::string& out, CsvWriterOptions options = {});
  // Writes to an open stream the caller keeps owning (not closed by close()).
  static Result<CsvWriter> to_file(std::FILE* file, CsvWriterOptions options = {});
  // Creates or truncates `path`; kIo naming the path when it cannot.
  static Result<CsvWriter> open(const std::filesystem::path& path, CsvWriterOptions options = {});

  CsvWriter(CsvWriter&&) noexcept;
  CsvWriter& operator=(CsvWriter&&) noexcept;
  ~CsvWriter();

  // Writes one record. kInvalidArgument for a record with no field (CSV has
  // no way to write one); kIo when the stream fails. O(record bytes).
  Status write_row(std::span<const std::string_view> fields);
  Status write_row(std::initializer_list<std::string_view> fields) {
    return write_row(std::span<const std::string_view>(fields.begin(), fields.size()));
  }
  // Pushes buffered bytes to the stream (no-op for string output).
  Status flush();
  // Flushes, and closes the file when the writer opened it. Idempotent.
  Status close();

 private:
  struct Sink;
  explicit CsvWriter(std::unique_ptr<Sink> sink);
  std::unique_ptr<Sink> sink_;
};

}  // namespace backoffice
