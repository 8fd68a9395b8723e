#include <backoffice/store/csv.hpp>

#include "store/csv_scan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <utility>

namespace backoffice {
namespace detail {
namespace {

constexpr std::size_t kMaxFragmentBytes = 60;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_line_end(char c) { return c == '\n' || c == '\r'; }

// Line ends in [a, b): LF, CRLF and a lone CR each end one line. The caller
// never splits a CRLF at b.
std::size_t count_line_ends(const char* a, const char* b) {
  std::size_t n = 0;
  for (const char* p = a; p < b; ++p) {
    if (*p == '\n') {
      ++n;
    } else if (*p == '\r' && (p + 1 == b || p[1] != '\n')) {
      ++n;
    }
  }
  return n;
}

// At most kMaxFragmentBytes of [a, limit), cut on a UTF-8 boundary, with
// "..." appended when cut, so an error value stays readable in a log line.
std::string fragment(const char* a, const char* limit) {
  auto len = static_cast<std::size_t>(limit - a);
  if (len <= kMaxFragmentBytes) return std::string(a, len);
  std::size_t cut = kMaxFragmentBytes;
  while (cut > 0 && (static_cast<unsigned char>(a[cut]) & 0xC0) == 0x80) --cut;
  std::string out(a, cut);
  out += "...";
  return out;
}

const char* find_line_end(const char* p, const char* end) {
  while (p < end && !is_line_end(*p)) ++p;
  return p;
}

const char* find_field_end(const char* p, const char* end, char delimiter) {
  while (p < end && !is_line_end(*p) && *p != delimiter) ++p;
  return p;
}

}  // namespace

class CsvParser {
 public:
  CsvParser(const CsvOptions& options, std::string_view text)
      : options_(options), pos_(text.data()), end_(text.data() + text.size()), eof_(true) {
    if (text.starts_with(kBom)) pos_ += kBom.size();
  }

  CsvParser(const CsvOptions& options, std::FILE* file, bool owns_file, std::string source)
      : options_(options), file_(file), owns_file_(owns_file), source_(std::move(source)) {
    // Four bytes at least, so the first fill always shows a whole BOM.
    buffer_.resize(std::max<std::size_t>(options_.chunk_bytes, 4));
    pos_ = end_ = buffer_.data();
  }

  ~CsvParser() {
    if (owns_file_ && file_ != nullptr) std::fclose(file_);
  }
  CsvParser(const CsvParser&) = delete;
  CsvParser& operator=(const CsvParser&) = delete;

  Status start() {
    if (file_ != nullptr) {
      BO_RETURN_IF_ERROR(refill());
      if (std::string_view(pos_, static_cast<std::size_t>(end_ - pos_)).starts_with(kBom)) {
        pos_ += kBom.size();
      }
    }
    if (!options_.has_header) return Status::Ok();
    return read_header();
  }

  Result<const CsvRecord*> next();

  std::span<const std::string> header() const noexcept { return header_; }
  Result<std::size_t> header_index(std::string_view name) const;
  std::size_t column_count() const noexcept { return columns_; }
  std::span<const CsvRowError> errors() const noexcept { return errors_; }
  std::size_t error_count() const noexcept { return error_count_; }
  std::size_t records_read() const noexcept { return records_read_; }

 private:
  enum class Kind { kRecord, kNeedMore, kEnd, kError };
  enum class Fault { kUnterminatedQuote, kQuoteInUnquotedField, kTextAfterClosingQuote };

  // What parse() found at pos_. For kRecord, record_ holds the fields.
  struct Outcome {
    Kind kind = Kind::kEnd;
    const char* next = nullptr;  // where the following record starts
    std::size_t lines = 0;       // line ends between pos_ and next
    // kError only:
    Fault fault = Fault::kUnterminatedQuote;
    const char* at = nullptr;           // the offending byte
    const char* field_start = nullptr;  // the start of the offending field
    const char* value_end = nullptr;    // the end of the text the error quotes
    std::size_t field_index = 0;
  };

  // A quoted field whose doubled quotes were undone lives in scratch_; its
  // view is made only when the record is complete, because scratch_ may
  // reallocate while later fields are appended.
  struct ScratchField {
    std::size_t field;
    std::size_t offset;
    std::size_t size;
  };

  bool is_blank(char c) const { return (c == ' ' || c == '\t') && c != options_.delimiter; }

  Outcome parse();
  Outcome fault(Fault f, const char* at, const char* field_start, std::size_t index,
                const char* record_start) const;
  Status refill();
  Status read_header();
  CsvRowError fault_error(const Outcome& o, const char* record_start) const;
  CsvRowError column_count_error(const Outcome& o, const char* record_start) const;
  // Strict mode: stops the reader with `e`. Lenient mode: keeps it and
  // returns OK so reading goes on.
  Status reject(CsvRowError e);
  void consume(const Outcome& o) {
    pos_ = o.next;
    line_ += o.lines;
  }
  // The header's name for column `index`, or empty when it has none.
  std::string_view column_name(std::size_t index) const {
    return index < header_.size() ? std::string_view(header_[index]) : std::string_view();
  }
  // "Agent" when the header names the column, else "column 3" (1-based).
  std::string column_label(std::size_t index) const {
    const auto name = column_name(index);
    return name.empty() ? fmt::format("column {}", index + 1) : std::string(name);
  }
  std::string field_name(std::size_t index) const {
    const auto name = column_name(index);
    return name.empty() ? std::string("csv") : std::string(name);
  }
  Error located(std::string_view field, std::string value, std::string_view what, std::size_t line,
                std::size_t index) const {
    const auto name = column_name(index);
    const std::string where =
        name.empty() ? fmt::format("column {}", index + 1) : fmt::format("column '{}'", name);
    return parse_error(field, value, fmt::format("{} (row {}, line {}, {})", what, row_, line, where));
  }

  CsvOptions options_;

  // Input: [pos_, end_) is unread; for files it lies in buffer_.
  const char* pos_ = nullptr;
  const char* end_ = nullptr;
  bool eof_ = false;
  std::FILE* file_ = nullptr;
  bool owns_file_ = false;
  std::string source_;
  std::vector<char> buffer_;

  std::size_t row_ = 0;   // records consumed, good or bad, header included
  std::size_t line_ = 1;  // the line pos_ is on
  CsvRecord record_;
  std::string scratch_;
  std::vector<ScratchField> scratch_fields_;

  std::vector<std::string> header_;
  std::size_t columns_ = 0;
  std::vector<CsvRowError> errors_;
  std::size_t error_count_ = 0;
  std::size_t records_read_ = 0;
  std::optional<Error> stopped_;
};

// One record from pos_. Anything that depends on bytes not yet read is
// kNeedMore, and the record is parsed again from its start after a refill:
// simpler than a resumable state machine, and cheap because a refill at
// least doubles what is buffered past the record's start.
CsvParser::Outcome CsvParser::parse() {
  const char* p = pos_;
  const char* const end = end_;
  const char delim = options_.delimiter;
  const bool trim = options_.trim_unquoted;
  const CsvSpecialFinder finder(delim);

  if (options_.skip_empty_lines) {
    while (p < end && is_line_end(*p)) {
      if (*p == '\r') {
        if (p + 1 == end && !eof_) return {Kind::kNeedMore};
        if (p + 1 < end && p[1] == '\n') ++p;
      }
      ++p;
      ++line_;
      pos_ = p;  // an empty line is finished; never parse it again
    }
  }
  if (p == end) return {eof_ ? Kind::kEnd : Kind::kNeedMore};

  const char* const record_start = p;
  auto& fields = record_.fields_;
  fields.clear();
  scratch_.clear();
  scratch_fields_.clear();
  std::size_t lines = 0;

  auto finish = [&](const char* next) {
    for (const auto& s : scratch_fields_) {
      fields[s.field] = std::string_view(scratch_.data() + s.offset, s.size);
    }
    Outcome o{Kind::kRecord};
    o.next = next;
    o.lines = lines;
    return o;
  };
  // After a field at a CR or LF: the record ends past the line end.
  auto line_end = [&](const char* q) -> Outcome {
    if (*q == '\r') {
      if (q + 1 == end) {
        if (!eof_) return {Kind::kNeedMore};
      } else if (q[1] == '\n') {
        ++q;
      }
    }
    ++lines;
    return finish(q + 1);
  };

  for (;;) {
    const char* const field_start = p;
    const std::size_t index = fields.size();
    if (trim) {
      while (p < end && is_blank(*p)) ++p;
    }
    if (p < end && *p == '"') {
      const char* const open = p;
      const char* q = p + 1;
      const char* close = nullptr;
      bool doubled = false;
      for (;;) {
        const auto* hit = static_cast<const char*>(std::memchr(q, '"', static_cast<std::size_t>(end - q)));
        if (hit == nullptr) {
          if (!eof_) return {Kind::kNeedMore};
          return fault(Fault::kUnterminatedQuote, open, field_start, index, record_start);
        }
        if (hit + 1 == end) {
          if (!eof_) return {Kind::kNeedMore};
          close = hit;
          break;
        }
        if (hit[1] != '"') {
          close = hit;
          break;
        }
        doubled = true;
        q = hit + 2;
      }
      lines += count_line_ends(open + 1, close);
      if (!doubled) {
        fields.emplace_back(open + 1, static_cast<std::size_t>(close - open - 1));
      } else {
        const std::size_t offset = scratch_.size();
        for (const char* s = open + 1; s < close;) {
          const auto* quote = static_cast<const char*>(std::memchr(s, '"', static_cast<std::size_t>(close - s)));
          if (quote == nullptr) quote = close;
          scratch_.append(s, static_cast<std::size_t>(quote - s));
          if (quote == close) break;
          scratch_.push_back('"');
          s = quote + 2;
        }
        scratch_fields_.push_back({index, offset, scratch_.size() - offset});
        fields.emplace_back();
      }
      p = close + 1;
      if (trim) {
        while (p < end && is_blank(*p)) ++p;
      }
      if (p == end) {
        if (!eof_) return {Kind::kNeedMore};
        return finish(p);
      }
      if (*p == delim) {
        ++p;
        continue;
      }
      if (is_line_end(*p)) return line_end(p);
      return fault(Fault::kTextAfterClosingQuote, p, field_start, index, record_start);
    }

    const char* const value_start = p;
    p = finder.find(p, end);
    if (p < end && *p == '"') {
      return fault(Fault::kQuoteInUnquotedField, p, field_start, index, record_start);
    }
    if (p == end && !eof_) return {Kind::kNeedMore};
    const char* value_end = p;
    if (trim) {
      while (value_end > value_start && is_blank(value_end[-1])) --value_end;
    }
    fields.emplace_back(value_start, static_cast<std::size_t>(value_end - value_start));
    if (p == end) return finish(p);
    if (*p == delim) {
      ++p;
      continue;
    }
    return line_end(p);
  }
}

// A bad record. In lenient mode reading resumes after the physical line on
// which the fault lies: a stray quote then cannot swallow the rest of the
// file, and an unterminated quote costs one line, not everything after it.
CsvParser::Outcome CsvParser::fault(Fault f, const char* at, const char* field_start,
                                    std::size_t index, const char* record_start) const {
  Outcome o{Kind::kError};
  o.fault = f;
  o.at = at;
  o.field_start = field_start;
  o.field_index = index;
  // The quoted text must not depend on where the buffer happens to end.
  o.value_end = f == Fault::kUnterminatedQuote ? find_line_end(at + 1, end_)
                                               : find_field_end(at, end_, options_.delimiter);
  if (o.value_end == end_ && !eof_ &&
      static_cast<std::size_t>(end_ - field_start) <= kMaxFragmentBytes) {
    return {Kind::kNeedMore};
  }
  if (options_.error_mode == CsvErrorMode::kLenient) {
    const char* e = find_line_end(at, end_);
    if (e == end_) {
      if (!eof_) return {Kind::kNeedMore};
      o.next = e;
    } else if (*e == '\r' && e + 1 == end_ && !eof_) {
      return {Kind::kNeedMore};
    } else {
      o.next = e + ((*e == '\r' && e + 1 < end_ && e[1] == '\n') ? 2 : 1);
    }
    o.lines = count_line_ends(record_start, o.next);
  } else {
    o.next = at;
  }
  return o;
}


CsvRowError CsvParser::fault_error(const Outcome& o, const char* record_start) const {
  const std::size_t line = line_ + count_line_ends(record_start, o.at);
  std::string_view what;
  switch (o.fault) {
    case Fault::kUnterminatedQuote:
      what = "quoted field has no closing quote";
      break;
    case Fault::kQuoteInUnquotedField:
      what = "quote inside an unquoted field (quote the whole field and double the quote)";
      break;
    case Fault::kTextAfterClosingQuote:
      what = "text after the closing quote (expected the delimiter or a line end)";
      break;
  }
  std::string value = fragment(o.field_start, o.value_end);
  return CsvRowError{row_, line, column_label(o.field_index),
                     located(field_name(o.field_index), std::move(value), what, line, o.field_index)};
}

// Names the first missing column, or the first one too many.
CsvRowError CsvParser::column_count_error(const Outcome& o, const char* record_start) const {
  const std::size_t found = record_.size();
  const std::size_t index = found < columns_ ? found : columns_;
  const std::string what = fmt::format("expected {} fields, found {}", columns_, found);
  return CsvRowError{row_, line_, column_label(index),
                     located(field_name(index), fragment(record_start, find_line_end(record_start, o.next)),
                             what, line_, index)};
}

Status CsvParser::reject(CsvRowError e) {
  if (options_.error_mode == CsvErrorMode::kStrict) {
    stopped_ = std::move(e.error);
    return *stopped_;
  }
  ++error_count_;
  if (errors_.size() < options_.max_errors_kept) errors_.push_back(std::move(e));
  return Status::Ok();
}

// Keeps the unread tail and reads until the buffer is full or the input
// ends. The buffer doubles when the tail fills half of it, so a long record
// is re-parsed O(log n) times, not once per chunk.
Status CsvParser::refill() {
  auto tail = static_cast<std::size_t>(end_ - pos_);
  if (tail > options_.max_record_bytes) {
    return parse_error("csv", fragment(pos_, find_line_end(pos_, end_)),
                       fmt::format("record longer than {} bytes; an unterminated quote? (row {}, line {})",
                                   options_.max_record_bytes, row_ + 1, line_));
  }
  if (tail > buffer_.size() / 2) {
    std::vector<char> bigger(buffer_.size() * 2);
    std::memcpy(bigger.data(), pos_, tail);
    buffer_.swap(bigger);
  } else if (tail > 0) {
    std::memmove(buffer_.data(), pos_, tail);
  }
  pos_ = buffer_.data();
  char* write = buffer_.data() + tail;
  char* const limit = buffer_.data() + buffer_.size();
  while (write < limit) {
    const std::size_t n = std::fread(write, 1, static_cast<std::size_t>(limit - write), file_);
    write += n;
    if (n == 0) {
      if (std::ferror(file_)) {
        const int err = errno;
        return make_error(ErrorCode::kIo, "csv", source_,
                          fmt::format("read failed: {}", std::strerror(err)));
      }
      eof_ = true;
      break;
    }
  }
  end_ = write;
  return Status::Ok();
}

Result<const CsvRecord*> CsvParser::next() {
  if (stopped_) return *stopped_;
  for (;;) {
    const Outcome o = parse();
    const char* const record_start = pos_;
    switch (o.kind) {
      case Kind::kEnd:
        return nullptr;
      case Kind::kNeedMore:
        if (Status s = refill(); !s.ok()) {
          stopped_ = s.error();
          return *stopped_;
        }
        continue;
      case Kind::kError:
        ++row_;
        BO_RETURN_IF_ERROR(reject(fault_error(o, record_start)));
        consume(o);
        continue;
      case Kind::kRecord:
        ++row_;
        if (columns_ == 0) columns_ = record_.size();
        if (record_.size() != columns_) {
          BO_RETURN_IF_ERROR(reject(column_count_error(o, record_start)));
          consume(o);
          continue;
        }
        record_.row_ = row_;
        record_.line_ = line_;
        consume(o);
        ++records_read_;
        return &record_;
    }
  }
}

// The header is the first record; a bad one is fatal in either mode, as no
// later record could be mapped to columns.
Status CsvParser::read_header() {
  const CsvErrorMode mode = options_.error_mode;
  options_.error_mode = CsvErrorMode::kStrict;
  auto first = next();
  options_.error_mode = mode;
  if (!first.ok()) return std::move(first).error();
  if (*first == nullptr) return parse_error("csv", "", "no header row: the input is empty");
  header_.assign(record_.begin(), record_.end());
  records_read_ = 0;
  return Status::Ok();
}

Result<std::size_t> CsvParser::header_index(std::string_view name) const {
  if (!options_.has_header) {
    return invalid_argument("column", name, "the reader has no header (CsvOptions::has_header is off)");
  }
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == name) return i;
  }
  std::string names;
  for (const auto& h : header_) {
    if (!names.empty()) names += ", ";
    names += '\'';
    names += h;
    names += '\'';
    if (names.size() > 200) {
      names += ", ...";
      break;
    }
  }
  return make_error(ErrorCode::kNotFound, "column", name,
                    fmt::format("no such column in the CSV header; it has {}", names));
}

}  // namespace detail

namespace {

Status check_options(const CsvOptions& o) {
  const char d = o.delimiter;
  if (d == '"' || d == '\r' || d == '\n') {
    return invalid_argument("delimiter", std::string(1, d), "the delimiter cannot be a quote, CR or LF");
  }
  if (o.trim_unquoted && d == ' ') {
    return invalid_argument("delimiter", " ", "a space delimiter cannot be used with trim_unquoted");
  }
  if (o.max_record_bytes == 0) {
    return invalid_argument("max_record_bytes", "0", "must be positive");
  }
  return Status::Ok();
}

}  // namespace

CsvReader::CsvReader(std::unique_ptr<detail::CsvParser> parser) : parser_(std::move(parser)) {}
CsvReader::CsvReader(CsvReader&&) noexcept = default;
CsvReader& CsvReader::operator=(CsvReader&&) noexcept = default;
CsvReader::~CsvReader() = default;

Result<CsvReader> CsvReader::from_string(std::string_view text, CsvOptions options) {
  BO_RETURN_IF_ERROR(check_options(options));
  auto parser = std::make_unique<detail::CsvParser>(options, text);
  BO_RETURN_IF_ERROR(parser->start());
  return CsvReader(std::move(parser));
}

Result<CsvReader> CsvReader::from_file(std::FILE* file, CsvOptions options) {
  BO_RETURN_IF_ERROR(check_options(options));
  if (file == nullptr) return invalid_argument("file", "null", "no stream to read");
  auto parser = std::make_unique<detail::CsvParser>(options, file, /*owns_file=*/false, "<stream>");
  BO_RETURN_IF_ERROR(parser->start());
  return CsvReader(std::move(parser));
}

Result<CsvReader> CsvReader::open(const std::filesystem::path& path, CsvOptions options) {
  BO_RETURN_IF_ERROR(check_options(options));
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    const int err = errno;
    return make_error(err == ENOENT ? ErrorCode::kNotFound : ErrorCode::kIo, "path", path.string(),
                      fmt::format("cannot open: {}", std::strerror(err)));
  }
  auto parser = std::make_unique<detail::CsvParser>(options, file, /*owns_file=*/true, path.string());
  BO_RETURN_IF_ERROR(parser->start());
  return CsvReader(std::move(parser));
}

Result<const CsvRecord*> CsvReader::next() { return parser_->next(); }
std::span<const std::string> CsvReader::header() const noexcept { return parser_->header(); }
Result<std::size_t> CsvReader::header_index(std::string_view name) const {
  return parser_->header_index(name);
}
std::size_t CsvReader::column_count() const noexcept { return parser_->column_count(); }
std::span<const CsvRowError> CsvReader::errors() const noexcept { return parser_->errors(); }
std::size_t CsvReader::error_count() const noexcept { return parser_->error_count(); }
std::size_t CsvReader::records_read() const noexcept { return parser_->records_read(); }

}  // namespace backoffice
