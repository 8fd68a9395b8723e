#pragma once

// A strict, streaming RFC 4180 CSV reader. The dialect, the error rules and
// the performance figures are in docs/csv.md; the writer is in csv_writer.hpp.

#include <backoffice/core/result.hpp>

#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace backoffice {

// What a reader does with a record it cannot read.
enum class CsvErrorMode {
  kStrict,   // next() returns the first error; the reader stops there
  kLenient,  // the record is skipped, its error kept in errors(), reading goes on
};

struct CsvOptions {
  // Field separator: ',' (RFC 4180) or '\t' for TAB files; any byte except
  // '"', CR and LF (and ' ' when trimming).
  char delimiter = ',';
  // The first record names the columns (see CsvReader::header_index) and
  // fixes the column count every later record must have. Without a header
  // the first good record fixes the count.
  bool has_header = true;
  // Strips spaces and TABs (unless TAB is the delimiter) around unquoted
  // fields and around the quotes of quoted fields. Off by default: RFC 4180
  // says spaces are part of a field.
  bool trim_unquoted = false;
  // A line with no characters at all is not a record (it still counts as a
  // line). RFC 4180 would read it as one empty field; pandas and most
  // importers skip it, and a trailing blank line is common in exports.
  bool skip_empty_lines = true;
  CsvErrorMode error_mode = CsvErrorMode::kStrict;
  // Lenient mode keeps at most this many errors; error_count() counts all.
  std::size_t max_errors_kept = 1000;
  // File input is read this many bytes at a time (the buffer grows when one
  // record is longer).
  std::size_t chunk_bytes = std::size_t{1} << 20;
  // File and FILE* input only: a record longer than this many raw bytes is
  // an error, so an unterminated quote in a huge file cannot exhaust memory.
  // (A string is already in memory and is read whatever its records' size.)
  std::size_t max_record_bytes = std::size_t{64} << 20;
};

// A record that could not be read. `row` is the 1-based record number in the
// input (the header is row 1, skipped empty lines are not counted), `line` the
// 1-based physical line of the offending character (a quoted field may span
// lines; for a wrong column count, the line the record starts on), `column` the header name of the offending column or "column N"
// (1-based) when there is none. `error` is kParse; its field is the column's
// header name (or "csv"), its value the raw text (at most 60 bytes, "..."
// appended when cut) and its message repeats row, line and column.
struct CsvRowError {
  std::size_t row = 0;
  std::size_t line = 0;
  std::string column;
  Error error;
};

namespace detail {
class CsvParser;
}  // namespace detail

// One record: views of its fields, valid until the next call to
// CsvReader::next() (they point into the input buffer, or into a scratch
// buffer for quoted fields whose doubled quotes were undone).
class CsvRecord {
 public:
  std::size_t size() const noexcept { return fields_.size(); }
  // Precondition: i < size().
  std::string_view operator[](std::size_t i) const noexcept { return fields_[i]; }
  std::span<const std::string_view> fields() const noexcept { return fields_; }
  auto begin() const noexcept { return fields_.begin(); }
  auto end() const noexcept { return fields_.end(); }
  // 1-based record number (header = 1) and the line on which the record starts.
  std::size_t row() const noexcept { return row_; }
  std::size_t line() const noexcept { return line_; }

 private:
  friend class detail::CsvParser;
  std::vector<std::string_view> fields_;
  std::size_t row_ = 0;
  std::size_t line_ = 0;
};

// Reads records one at a time from a string, a FILE* or a file. A UTF-8 BOM at
// the start is skipped; CRLF, LF and lone CR end lines (they may be mixed).
// No allocation per field once the buffers have grown to the longest record.
//
//   BO_ASSIGN_OR_RETURN(auto reader, CsvReader::open(path));
//   BO_ASSIGN_OR_RETURN(std::size_t agent, reader.header_index("Agent"));
//   while (true) {
//     BO_ASSIGN_OR_RETURN(const CsvRecord* rec, reader.next());
//     if (rec == nullptr) break;
//     use((*rec)[agent]);
//   }
//
// Moving a reader keeps the current record valid; a moved-from reader may
// only be destroyed or assigned to. Not thread safe.
class CsvReader {
 public:
  // Reads `text`, which must outlive the reader. Reads the header when
  // options.has_header. Errors: kInvalidArgument for a bad option, kParse for
  // a missing or malformed header. O(header size).
  static Result<CsvReader> from_string(std::string_view text, CsvOptions options = {});
  // Reads a file; kNotFound when it does not exist, kIo when it cannot be
  // read, then as from_string.
  static Result<CsvReader> open(const std::filesystem::path& path, CsvOptions options = {});
  // Reads from an open stream from its current position; the caller keeps
  // ownership and must keep it open while reading. Errors as open().
  static Result<CsvReader> from_file(std::FILE* file, CsvOptions options = {});

  CsvReader(CsvReader&&) noexcept;
  CsvReader& operator=(CsvReader&&) noexcept;
  ~CsvReader();

  // The next record, or nullptr at the end of the input. Strict mode: a bad
  // record is a kParse error (see CsvRowError for what it names) and every
  // later call returns it again. Lenient mode: bad records are skipped and
  // recorded in errors(); only I/O errors (kIo) and an over-long record are
  // returned. Amortised O(record bytes).
  Result<const CsvRecord*> next();

  // The header's fields (empty without a header).
  std::span<const std::string> header() const noexcept;
  // The 0-based index of the first column whose header is exactly `name`.
  // kNotFound naming `name` and listing the columns there are; kInvalidArgument
  // when the reader has no header. O(columns).
  Result<std::size_t> header_index(std::string_view name) const;
  // The number of fields every record must have (0 until known).
  std::size_t column_count() const noexcept;

  // Lenient mode: the skipped records' errors, in input order (at most
  // options.max_errors_kept), and how many there were in all.
  std::span<const CsvRowError> errors() const noexcept;
  std::size_t error_count() const noexcept;
  // Good records returned so far (the header not included).
  std::size_t records_read() const noexcept;

 private:
  explicit CsvReader(std::unique_ptr<detail::CsvParser> parser);
  std::unique_ptr<detail::CsvParser> parser_;
};

}  // namespace backoffice
