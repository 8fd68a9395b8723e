#include <backoffice/store/csv.hpp>
#include <backoffice/store/csv_writer.hpp>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

using namespace backoffice;

namespace {

using Rows = std::vector<std::vector<std::string>>;

struct ReadOutcome {
  std::vector<std::string> header;
  Rows rows;
  std::vector<std::size_t> row_numbers;
  std::vector<std::size_t> line_numbers;
  std::vector<CsvRowError> errors;
  std::optional<Error> error;  // the error next() stopped with
};

ReadOutcome drain(CsvReader& reader) {
  ReadOutcome out;
  out.header.assign(reader.header().begin(), reader.header().end());
  for (;;) {
    auto rec = reader.next();
    if (!rec.ok()) {
      out.error = rec.error();
      break;
    }
    if (*rec == nullptr) break;
    std::vector<std::string> row;
    for (auto f : **rec) row.emplace_back(f);
    out.rows.push_back(std::move(row));
    out.row_numbers.push_back((*rec)->row());
    out.line_numbers.push_back((*rec)->line());
  }
  out.errors.assign(reader.errors().begin(), reader.errors().end());
  return out;
}

// Reads `text` from memory and again through a FILE* in chunks of 4, 5, 7
// and 64 bytes (so records straddle every kind of chunk boundary), expects
// the same outcome every time, and returns it. A header error is returned
// in `error`.
ReadOutcome read_everywhere(const std::string& text, CsvOptions options = {}) {
  ReadOutcome reference;
  auto reader = CsvReader::from_string(text, options);
  if (!reader.ok()) {
    reference.error = reader.error();
  } else {
    reference = drain(*reader);
  }
  if (text.empty()) return reference;  // fmemopen rejects an empty buffer
  for (std::size_t chunk : {4, 5, 7, 64}) {
    CsvOptions o = options;
    o.chunk_bytes = chunk;
    std::string copy = text;
    std::FILE* f = fmemopen(copy.data(), copy.size(), "rb");
    EXPECT_NE(f, nullptr);
    if (f == nullptr) continue;
    ReadOutcome chunked;
    auto file_reader = CsvReader::from_file(f, o);
    if (!file_reader.ok()) {
      chunked.error = file_reader.error();
    } else {
      chunked = drain(*file_reader);
    }
    std::fclose(f);
    EXPECT_EQ(chunked.header, reference.header) << "chunk " << chunk;
    EXPECT_EQ(chunked.rows, reference.rows) << "chunk " << chunk;
    EXPECT_EQ(chunked.row_numbers, reference.row_numbers) << "chunk " << chunk;
    EXPECT_EQ(chunked.line_numbers, reference.line_numbers) << "chunk " << chunk;
    EXPECT_EQ(chunked.error, reference.error) << "chunk " << chunk;
    EXPECT_EQ(chunked.errors.size(), reference.errors.size()) << "chunk " << chunk;
    for (std::size_t i = 0; i < std::min(chunked.errors.size(), reference.errors.size()); ++i) {
      EXPECT_EQ(chunked.errors[i].row, reference.errors[i].row);
      EXPECT_EQ(chunked.errors[i].line, reference.errors[i].line);
      EXPECT_EQ(chunked.errors[i].column, reference.errors[i].column);
      EXPECT_EQ(chunked.errors[i].error, reference.errors[i].error);
    }
  }
  return reference;
}

CsvOptions no_header() {
  CsvOptions o;
  o.has_header = false;
  return o;
}

CsvOptions lenient() {
  CsvOptions o;
  o.error_mode = CsvErrorMode::kLenient;
  return o;
}

}  // namespace

// ---- RFC 4180 section 2: each expected value is the RFC's own example text.

TEST(CsvRfc4180, RecordsEndWithCrlf) {
  // 2.1: aaa,bbb,ccc CRLF zzz,yyy,xxx CRLF
  auto r = read_everywhere("aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n", no_header());
  ASSERT_FALSE(r.error) << r.error->to_string();
  EXPECT_EQ(r.rows, (Rows{{"aaa", "bbb", "ccc"}, {"zzz", "yyy", "xxx"}}));
}

TEST(CsvRfc4180, TheLastRecordMayLackALineBreak) {
  // 2.2: aaa,bbb,ccc CRLF zzz,yyy,xxx
  auto r = read_everywhere("aaa,bbb,ccc\r\nzzz,yyy,xxx", no_header());
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.rows, (Rows{{"aaa", "bbb", "ccc"}, {"zzz", "yyy", "xxx"}}));
}

TEST(CsvRfc4180, AnOptionalHeaderNamesTheFields) {
  // 2.3: field_name,field_name,field_name CRLF aaa,bbb,ccc CRLF zzz,yyy,xxx CRLF
  auto r = read_everywhere("field_name,field_name,field_name\r\naaa,bbb,ccc\r\nzzz,yyy,xxx\r\n");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.header, (std::vector<std::string>{"field_name", "field_name", "field_name"}));
  EXPECT_EQ(r.rows, (Rows{{"aaa", "bbb", "ccc"}, {"zzz", "yyy", "xxx"}}));
}

TEST(CsvRfc4180, SpacesArePartOfAField) {
  // 2.4: "Spaces are considered part of a field and should not be ignored."
  auto r = read_everywhere(" aaa , bbb,ccc \r\n", no_header());
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.rows, (Rows{{" aaa ", " bbb", "ccc "}}));
}

TEST(CsvRfc4180, FieldsMayBeQuoted) {
  // 2.5: "aaa","bbb","ccc" CRLF zzz,yyy,xxx
  auto r = read_everywhere("\"aaa\",\"bbb\",\"ccc\"\r\nzzz,yyy,xxx", no_header());
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.rows, (Rows{{"aaa", "bbb", "ccc"}, {"zzz", "yyy", "xxx"}}));
}

TEST(CsvRfc4180, QuotedFieldsHoldLineBreaksCommasAndQuotes) {
  // 2.6: "aaa","b CRLF bb","ccc" CRLF zzz,yyy,xxx
  auto r = read_everywhere("\"aaa\",\"b\r\nbb\",\"ccc\"\r\nzzz,yyy,xxx", no_header());
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.rows, (Rows{{"aaa", "b\r\nbb", "ccc"}, {"zzz", "yyy", "xxx"}}));
  // The second record starts on line 3: the first spans lines 1 and 2.
  EXPECT_EQ(r.line_numbers, (std::vector<std::size_t>{1, 3}));
  // 2.7: "aaa","b""bb","ccc"
  auto q = read_everywhere("\"aaa\",\"b\"\"bb\",\"ccc\"", no_header());
  ASSERT_FALSE(q.error);
  EXPECT_EQ(q.rows, (Rows{{"aaa", "b\"bb", "ccc"}}));
}

// ---- The dialect beyond the RFC's examples.

TEST(CsvReader, ReadsEmbeddedDelimitersNewlinesAndQuotesTogether) {
  const std::string text =
      "id,note\n"
      "1,\"a, b\"\n"
      "2,\"line1\nline2\rline3\r\nline4\"\n"
      "3,\"\"\"quoted\"\" and, comma\"\n"
      "4,\"\"\n";
  auto r = read_everywhere(text);
  ASSERT_FALSE(r.error) << r.error->to_string();
  EXPECT_EQ(r.rows, (Rows{{"1", "a, b"},
                          {"2", "line1\nline2\rline3\r\nline4"},
                          {"3", "\"quoted\" and, comma"},
                          {"4", ""}}));
  // Lines: header 1, record 1 on 2, record 2 spans 3-6, record 3 on 7, 4 on 8.
  EXPECT_EQ(r.line_numbers, (std::vector<std::size_t>{2, 3, 7, 8}));
  EXPECT_EQ(r.row_numbers, (std::vector<std::size_t>{2, 3, 4, 5}));
}

TEST(CsvReader, ReadsEmptyFieldsAndATrailingDelimiter) {
  auto r = read_everywhere("a,,c\n,,\n", no_header());
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.rows, (Rows{{"a", "", "c"}, {"", "", ""}}));
}

TEST(CsvReader, AcceptsCrOnlyLfOnlyAndMixedLineEnds) {
  const Rows expected{{"1", "x"}, {"2", "y"}, {"3", "z"}};
  for (const std::string text : {"h,k\r1,x\r2,y\r3,z\r", "h,k\n1,x\n2,y\n3,z\n", "h,k\r\n1,x\r2,y\n3,z",
                                 "h,k\r\n1,x\r\n2,y\r\n3,z\r\n"}) {
    auto r = read_everywhere(text);
    ASSERT_FALSE(r.error) << r.error->to_string();
    EXPECT_EQ(r.header, (std::vector<std::string>{"h", "k"}));
    EXPECT_EQ(r.rows, expected);
    EXPECT_EQ(r.line_numbers, (std::vector<std::size_t>{2, 3, 4}));
  }
}

TEST(CsvReader, SkipsAUtf8ByteOrderMarkOnlyAtTheStart) {
  auto r = read_everywhere("\xEF\xBB\xBF" "Call Id,Agent\nID1,\xEF\xBB\xBFZo\xC3\xAB\n");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.header, (std::vector<std::string>{"Call Id", "Agent"}));
  EXPECT_EQ(r.rows, (Rows{{"ID1", "\xEF\xBB\xBFZo\xC3\xAB"}}));
}

TEST(CsvReader, ReadsTabSeparatedFiles) {
  CsvOptions o;
  o.delimiter = '\t';
  auto r = read_everywhere("a\tb\r\n1,5\t\"x\ty\"\r\n", o);
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.rows, (Rows{{"1,5", "x\ty"}}));
}

TEST(CsvReader, TrimsUnquotedBlanksOnlyWhenAsked) {
  CsvOptions o = no_header();
  o.trim_unquoted = true;
  auto r = read_everywhere("  a  ,\t\"  b \" ,c\n", o);
  ASSERT_FALSE(r.error) << r.error->to_string();
  EXPECT_EQ(r.rows, (Rows{{"a", "  b ", "c"}}));
  auto strict = read_everywhere("  a  ,\t\"  b \" ,c\n", no_header());
  ASSERT_TRUE(strict.error);  // without trimming the quote is inside an unquoted field
}

TEST(CsvReader, SkipsEmptyLinesButCountsThem) {
  auto r = read_everywhere("a\n\n1\r\n\r\n\r2\n\n");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.rows, (Rows{{"1"}, {"2"}}));
  // Lines: "a"=1, empty 2, "1"=3, empty 4 (CRLF), empty 5 (CR), "2"=6.
  EXPECT_EQ(r.line_numbers, (std::vector<std::size_t>{3, 6}));
  EXPECT_EQ(r.row_numbers, (std::vector<std::size_t>{2, 3}));

  CsvOptions keep;
  keep.skip_empty_lines = false;
  auto k = read_everywhere("a\n\n1\n", keep);
  ASSERT_FALSE(k.error);
  EXPECT_EQ(k.rows, (Rows{{""}, {"1"}}));  // RFC reading: an empty line is one empty field
}

TEST(CsvReader, UnquotedFieldsAreViewsIntoTheInput) {
  const std::string text = "a,b,c\nplain,\"quoted\",\"dou\"\"bled\"\n";
  auto reader = CsvReader::from_string(text, no_header());
  ASSERT_TRUE(reader.ok());
  ASSERT_TRUE(reader->next().ok());
  auto rec = reader->next();
  ASSERT_TRUE(rec.ok() && *rec != nullptr);
  auto inside = [&](std::string_view f) {
    return f.data() >= text.data() && f.data() + f.size() <= text.data() + text.size();
  };
  EXPECT_TRUE(inside((**rec)[0]));
  EXPECT_TRUE(inside((**rec)[1]));   // quoted without doubled quotes: no copy either
  EXPECT_FALSE(inside((**rec)[2]));  // unescaped into the scratch buffer
  EXPECT_EQ((**rec)[2], "dou\"bled");
}

TEST(CsvReader, ReadsRecordsLongerThanTheChunk) {
  std::string big(10000, 'x');
  for (std::size_t i = 0; i < big.size(); i += 97) big[i] = '"';
  std::string quoted;
  append_csv_field(quoted, big, ',');
  auto r = read_everywhere("k,v\n1," + quoted + "\n2,y\n");
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0][1], big);
  EXPECT_EQ(r.rows[1], (std::vector<std::string>{"2", "y"}));
}

// ---- Header mapping.

TEST(CsvHeader, MapsColumnNamesToIndexes) {
  auto reader = CsvReader::from_string("Call Id,Agent,Date\nID1,Diane,2021-01-01\n");
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(reader->header_index("Agent").value(), 1u);
  EXPECT_EQ(reader->header_index("Date").value(), 2u);
  EXPECT_EQ(reader->column_count(), 3u);
}

TEST(CsvHeader, AMissingColumnIsNotFoundNamingIt) {
  auto reader = CsvReader::from_string("Call Id,Agent\n");
  ASSERT_TRUE(reader.ok());
  auto idx = reader->header_index("Topic");
  ASSERT_FALSE(idx.ok());
  EXPECT_EQ(idx.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(idx.error().value, "Topic");
  EXPECT_NE(idx.error().message.find("'Agent'"), std::string::npos) << idx.error().message;
  auto headless = CsvReader::from_string("a,b\n", no_header());
  ASSERT_TRUE(headless.ok());
  EXPECT_EQ(headless->header_index("a").error().code, ErrorCode::kInvalidArgument);
}

TEST(CsvHeader, AnEmptyInputHasNoHeader) {
  auto r = CsvReader::from_string("");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kParse);
  auto none = read_everywhere("", no_header());
  EXPECT_FALSE(none.error);
  EXPECT_TRUE(none.rows.empty());
  auto bom_only = CsvReader::from_string("\xEF\xBB\xBF\r\n");
  EXPECT_FALSE(bom_only.ok());
}

TEST(CsvHeader, WithoutAHeaderTheFirstRecordFixesTheColumnCount) {
  auto r = read_everywhere("1,2\n3,4,5\n", no_header());
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.rows, (Rows{{"1", "2"}}));
  EXPECT_NE(r.error->message.find("expected 2 fields, found 3"), std::string::npos);
}

// ---- Errors: row (header = 1), line, column, field and value worked out by hand.

TEST(CsvErrors, AnUnterminatedQuoteNamesWhereItOpened) {
  auto r = read_everywhere("a,b\n1,2\n3,\"xyz\n4,5\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.rows, (Rows{{"1", "2"}}));
  EXPECT_EQ(r.error->code, ErrorCode::kParse);
  EXPECT_EQ(r.error->field, "b");
  EXPECT_EQ(r.error->value, "\"xyz");
  EXPECT_NE(r.error->message.find("no closing quote"), std::string::npos);
  EXPECT_NE(r.error->message.find("row 3, line 3, column 'b'"), std::string::npos) << r.error->message;
}

TEST(CsvErrors, AQuoteInsideAnUnquotedFieldIsRejected) {
  auto r = read_everywhere("a,b\n1,x\"y,\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->field, "b");
  EXPECT_EQ(r.error->value, "x\"y");
  EXPECT_NE(r.error->message.find("row 2, line 2, column 'b'"), std::string::npos) << r.error->message;
}

TEST(CsvErrors, TextAfterAClosingQuoteIsRejectedOnItsOwnLine) {
  // The quoted field opens on line 2 and closes on line 3, where the 'z' is.
  auto r = read_everywhere("a,b\n\"x\ny\"z,1\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->field, "a");
  EXPECT_EQ(r.error->value, "\"x\ny\"z");
  EXPECT_NE(r.error->message.find("row 2, line 3, column 'a'"), std::string::npos) << r.error->message;
}

TEST(CsvErrors, AWrongColumnCountNamesTheFirstMissingOrExtraColumn) {
  auto few = read_everywhere("a,b,c\n1,2,3\n4,5\n");
  ASSERT_TRUE(few.error);
  EXPECT_EQ(few.error->field, "c");
  EXPECT_EQ(few.error->value, "4,5");
  EXPECT_NE(few.error->message.find("expected 3 fields, found 2 (row 3, line 3, column 'c')"),
            std::string::npos)
      << few.error->message;
  auto many = read_everywhere("a,b,c\n1,2,3,4\n");
  ASSERT_TRUE(many.error);
  EXPECT_EQ(many.error->field, "csv");
  EXPECT_NE(many.error->message.find("found 4 (row 2, line 2, column 4)"), std::string::npos)
      << many.error->message;
}

TEST(CsvErrors, AMalformedHeaderIsFatalEvenWhenLenient) {
  auto r = CsvReader::from_string("a,\"b\n1,2\n", lenient());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "csv");
  EXPECT_NE(r.error().message.find("row 1, line 1, column 2"), std::string::npos) << r.error().message;
}

TEST(CsvErrors, StrictModeStopsAndRepeatsTheError) {
  auto reader = CsvReader::from_string("a\n\"x\"y\n2\n");
  ASSERT_TRUE(reader.ok());
  auto first = reader->next();
  ASSERT_FALSE(first.ok());
  auto again = reader->next();
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(first.error(), again.error());
}

TEST(CsvErrors, LenientModeSkipsBadRecordsAndKeepsTheirErrors) {
  const std::string text =
      "id,name\n"      // line 1, row 1
      "1,ann\n"        // line 2, row 2: good
      "2,b\"ob\n"      // line 3, row 3: quote in unquoted field
      "3\n"            // line 4, row 4: one field short
      "4,\"cy\"x\n"    // line 5, row 5: text after closing quote
      "5,dee\n"        // line 6, row 6: good
      "6,\"ed\n"       // line 7, row 7: unterminated; resumes on line 8
      "7,fay\n";       // line 8, row 8: good
  auto r = read_everywhere(text, lenient());
  ASSERT_FALSE(r.error) << r.error->to_string();
  EXPECT_EQ(r.rows, (Rows{{"1", "ann"}, {"5", "dee"}, {"7", "fay"}}));
  EXPECT_EQ(r.row_numbers, (std::vector<std::size_t>{2, 6, 8}));
  ASSERT_EQ(r.errors.size(), 4u);
  const std::size_t rows[] = {3, 4, 5, 7};
  const char* columns[] = {"name", "name", "name", "name"};
  const char* values[] = {"b\"ob", "3", "\"cy\"x", "\"ed"};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(r.errors[i].row, rows[i]);
    EXPECT_EQ(r.errors[i].line, rows[i]);  // one line per record here
    EXPECT_EQ(r.errors[i].column, columns[i]);
    EXPECT_EQ(r.errors[i].error.field, columns[i]);
    EXPECT_EQ(r.errors[i].error.value, values[i]);
    EXPECT_EQ(r.errors[i].error.code, ErrorCode::kParse);
  }
}

TEST(CsvErrors, LenientModeCountsEveryErrorButKeepsAtMostTheLimit) {
  CsvOptions o = lenient();
  o.max_errors_kept = 2;
  auto reader = CsvReader::from_string("a,b\n1\n2\n3\n4,4\n", o);
  ASSERT_TRUE(reader.ok());
  auto r = drain(*reader);
  EXPECT_EQ(r.rows, (Rows{{"4", "4"}}));
  EXPECT_EQ(reader->error_count(), 3u);
  EXPECT_EQ(reader->errors().size(), 2u);
  EXPECT_EQ(reader->records_read(), 1u);
}

TEST(CsvErrors, ValuesAreCutToSixtyBytesOnACharacterBoundary) {
  // 59 ASCII bytes then "é" (2 bytes) straddles byte 60, so the cut falls
  // before it: 59 bytes + "...".
  const std::string long_field = std::string(59, 'x') + "\xC3\xA9" + std::string(20, 'y');
  auto r = read_everywhere("a\n" + long_field + "\"\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->value, std::string(59, 'x') + "...");
}

TEST(CsvErrors, AFileRecordLongerThanTheLimitIsAnError) {
  CsvOptions o = no_header();
  o.max_record_bytes = 100;
  o.chunk_bytes = 16;
  std::string text = "1,\"" + std::string(500, 'z');  // never closed
  std::FILE* f = fmemopen(text.data(), text.size(), "rb");
  ASSERT_NE(f, nullptr);
  auto reader = CsvReader::from_file(f, o);
  ASSERT_TRUE(reader.ok());
  auto rec = reader->next();
  ASSERT_FALSE(rec.ok());
  EXPECT_NE(rec.error().message.find("longer than 100 bytes"), std::string::npos);
  std::fclose(f);
}

TEST(CsvErrors, BadOptionsAndMissingFilesAreReported) {
  CsvOptions o;
  o.delimiter = '"';
  EXPECT_EQ(CsvReader::from_string("a", o).error().code, ErrorCode::kInvalidArgument);
  auto missing = CsvReader::open("/nonexistent/dir/file.csv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().value, "/nonexistent/dir/file.csv");
}

// ---- Writer.

TEST(CsvWriter, QuotesOnlyWhenNeededAndDoublesQuotes) {
  // Each case follows RFC 4180 2.6/2.7 plus the documented blank rule.
  EXPECT_FALSE(csv_needs_quotes("plain text", ','));
  EXPECT_FALSE(csv_needs_quotes("", ','));
  EXPECT_TRUE(csv_needs_quotes("a,b", ','));
  EXPECT_FALSE(csv_needs_quotes("a,b", '\t'));
  EXPECT_TRUE(csv_needs_quotes("a\tb", '\t'));
  EXPECT_TRUE(csv_needs_quotes("say \"hi\"", ','));
  EXPECT_TRUE(csv_needs_quotes("a\rb", ','));
  EXPECT_TRUE(csv_needs_quotes("a\nb", ','));
  EXPECT_TRUE(csv_needs_quotes(" lead", ','));
  EXPECT_TRUE(csv_needs_quotes("trail ", ','));
  std::string out;
  append_csv_field(out, "b\"bb", ',');
  EXPECT_EQ(out, "\"b\"\"bb\"");
}

TEST(CsvWriter, WritesCrlfRecordsByDefaultAndLfOnRequest) {
  std::string out;
  auto w = CsvWriter::to_string(out);
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE(w->write_row({"aaa", "b\r\nbb", "c,c"}).ok());
  ASSERT_TRUE(w->write_row({""}).ok());
  ASSERT_TRUE(w->write_row({"", ""}).ok());
  EXPECT_EQ(out, "aaa,\"b\r\nbb\",\"c,c\"\r\n\"\"\r\n,\r\n");
  EXPECT_EQ(w->write_row(std::span<const std::string_view>{}).error().code, ErrorCode::kInvalidArgument);

  std::string lf;
  CsvWriterOptions o;
  o.line_end = CsvLineEnd::kLf;
  o.delimiter = '\t';
  auto t = CsvWriter::to_string(lf, o);
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE(t->write_row({"a,b", "c\td"}).ok());
  EXPECT_EQ(lf, "a,b\t\"c\td\"\n");
}

TEST(CsvWriter, QuotesAFirstFieldThatStartsLikeAByteOrderMark) {
  // Unquoted, "\xEF\xBB\xBF" at the start of the output would be skipped by
  // any BOM-aware reader; quoted, it is data. Only the very first field needs it.
  std::string out;
  auto w = CsvWriter::to_string(out);
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE(w->write_row({"\xEF\xBB\xBFx", "y"}).ok());
  ASSERT_TRUE(w->write_row({"\xEF\xBB\xBFx", "y"}).ok());
  EXPECT_EQ(out, "\"\xEF\xBB\xBFx\",y\r\n\xEF\xBB\xBFx,y\r\n");
  auto r = read_everywhere(out, no_header());
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.rows, (Rows{{"\xEF\xBB\xBFx", "y"}, {"\xEF\xBB\xBFx", "y"}}));
}

TEST(CsvWriter, WritesAFileThatReadsBack) {
  const auto path = std::filesystem::temp_directory_path() / "backoffice_csv_writer_test.csv";
  {
    auto w = CsvWriter::open(path);
    ASSERT_TRUE(w.ok()) << w.error().to_string();
    ASSERT_TRUE(w->write_row({"id", "note"}).ok());
    for (int i = 0; i < 5000; ++i) {
      const std::string id = std::to_string(i);
      ASSERT_TRUE(w->write_row({id, "x,\"y\"\nz"}).ok());
    }
    ASSERT_TRUE(w->close().ok());
  }
  auto reader = CsvReader::open(path);
  ASSERT_TRUE(reader.ok()) << reader.error().to_string();
  auto r = drain(*reader);
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.rows.size(), 5000u);
  EXPECT_EQ(r.rows[4999], (std::vector<std::string>{"4999", "x,\"y\"\nz"}));
  EXPECT_EQ(r.line_numbers[4999], 2u + 2u * 4999u);  // every record spans two lines
  std::filesystem::remove(path);
}

// ---- Property: whatever the writer writes, the reader reads back unchanged.

TEST(CsvRoundTrip, RandomFieldsSurviveWriteThenRead) {
  std::mt19937 rng(20240311);
  const std::vector<std::string> atoms = {"a", "Z", "0", ",", "\"", "\r", "\n", "\r\n", " ", "\t",
                                          "\xC3\xA9", ";", "\"\""};
  for (int trial = 0; trial < 200; ++trial) {
    const char delimiter = trial % 3 == 0 ? '\t' : ',';
    CsvWriterOptions wo;
    wo.delimiter = delimiter;
    wo.line_end = trial % 2 == 0 ? CsvLineEnd::kCrLf : CsvLineEnd::kLf;
    const std::size_t columns = 1 + rng() % 5;
    Rows rows(1 + rng() % 20);
    for (auto& row : rows) {
      for (std::size_t c = 0; c < columns; ++c) {
        std::string f;
        // Short fields, and long ones that cross the reader's 16-byte SSE2 steps.
        const std::size_t len = rng() % 4 == 0 ? 0 : rng() % (trial % 5 == 0 ? 40 : 8);
        for (std::size_t k = 0; k < len; ++k) f += atoms[rng() % atoms.size()];
        row.push_back(std::move(f));
      }
    }
    std::string text;
    auto w = CsvWriter::to_string(text, wo);
    ASSERT_TRUE(w.ok());
    for (const auto& row : rows) {
      std::vector<std::string_view> views(row.begin(), row.end());
      ASSERT_TRUE(w->write_row(views).ok());
    }
    CsvOptions ro = no_header();
    ro.delimiter = delimiter;
    ro.trim_unquoted = trial % 4 == 1;  // blanks at the edges are quoted, so trimming is harmless
    auto r = read_everywhere(text, ro);
    ASSERT_FALSE(r.error) << r.error->to_string() << "\n" << text;
    EXPECT_EQ(r.rows, rows) << "trial " << trial;
  }
}

// ---- The shared real data sets. Expected counts and cells were read with
// Python's csv module (an independent implementation), e.g.
//   list(csv.reader(open(f, newline='', encoding='utf-8-sig')))

namespace {

std::optional<std::filesystem::path> data_dir() {
  if (const char* env = std::getenv("BACKOFFICE_DATA_DIR"); env != nullptr && *env != '\0') {
    if (std::filesystem::is_directory(env)) return std::filesystem::path(env);
  }
  // ../shared/data relative to the repository root (this file is tests/store/).
  const auto repo = std::filesystem::path(__FILE__).parent_path().parent_path().parent_path();
  const auto beside = repo / ".." / "shared" / "data";
  if (std::filesystem::is_directory(beside)) return beside;
  return std::nullopt;
}

}  // namespace

#define BO_DATA_FILE(var, name, options)                                                        \
  const auto dir_##var = data_dir();                                                            \
  if (!dir_##var || !std::filesystem::exists(*dir_##var / (name))) {                            \
    GTEST_SKIP() << "data file " << (name)                                                      \
                 << " not found: set BACKOFFICE_DATA_DIR or put the data in ../shared/data";    \
  }                                                                                             \
  auto reader_##var = CsvReader::open(*dir_##var / (name), (options));                          \
  ASSERT_TRUE(reader_##var.ok()) << reader_##var.error().to_string();                           \
  const auto var = drain(*reader_##var);                                                        \
  ASSERT_FALSE(var.error) << var.error->to_string()

TEST(CsvRealData, CallCenterDatasetHasBomCrlfAnd5000Rows) {
  BO_DATA_FILE(r, "Call-Center-Dataset.csv", CsvOptions{});
  ASSERT_EQ(r.header.size(), 10u);
  EXPECT_EQ(r.header[0], "Call Id");  // the BOM is not part of the first name
  EXPECT_EQ(r.header[5], "Answered (Y/N)");
  ASSERT_EQ(r.rows.size(), 5000u);
  EXPECT_EQ(r.rows[0], (std::vector<std::string>{"ID0001", "Diane", "2021-01-01", "9:12:58",
                                                 "Contract related", "Y", "Y", "109", "0:02:23", "3"}));
  EXPECT_EQ(r.rows[2499][1], "Joe");
  EXPECT_EQ(r.rows[2499][8], "0:05:13");
  EXPECT_EQ(r.rows[4999], (std::vector<std::string>{"ID5000", "Diane", "2021-03-31", "17:39:50",
                                                    "Contract related", "N", "N", "", "", ""}));
  EXPECT_EQ(r.line_numbers[4999], 5001u);
  std::size_t unanswered = 0;
  long speed_sum = 0;
  for (const auto& row : r.rows) {
    unanswered += row[5] == "N";
    if (!row[7].empty()) speed_sum += std::stol(row[7]);
  }
  EXPECT_EQ(unanswered, 946u);
  EXPECT_EQ(speed_sum, 273729);
}

TEST(CsvRealData, AnonymousBankFebruaryIsTabSeparatedCrlf) {
  CsvOptions o;
  o.delimiter = '\t';
  BO_DATA_FILE(r, "data_anonymous_bank_february.txt", o);
  ASSERT_EQ(r.header.size(), 17u);
  EXPECT_EQ(r.header[0], "vru+line");
  EXPECT_EQ(r.header[16], "server");
  ASSERT_EQ(r.rows.size(), 33344u);
  EXPECT_EQ(r.rows[0], (std::vector<std::string>{"AA0101", "34536", "0", "0", "PS", "990201", "7:02:47",
                                                 "7:02:56", "9", "0:00:00", "0:00:00", "0", "AGENT",
                                                 "7:02:55", "7:05:41", "166", "DORIT"}));
  EXPECT_EQ(r.rows.back()[1], "5611");
  EXPECT_EQ(r.rows.back()[16], "NO_SERVER");
  std::map<std::string, std::size_t> outcomes;
  long ser_time = 0;
  for (const auto& row : r.rows) {
    ++outcomes[row[12]];
    ser_time += std::stol(row[15]);
  }
  EXPECT_EQ(outcomes["AGENT"], 27162u);
  EXPECT_EQ(outcomes["HANG"], 5904u);
  EXPECT_EQ(outcomes["PHANTOM"], 278u);
  EXPECT_EQ(ser_time, 4813017);
}

TEST(CsvRealData, AnonymousBankShiftsUsesCrOnlyLineEnds) {
  BO_DATA_FILE(r, "data_anonymous_bank_shifts.csv", CsvOptions{});
  ASSERT_EQ(r.header.size(), 10u);
  EXPECT_EQ(r.header[1], "StartTime");
  ASSERT_EQ(r.rows.size(), 24u);
  EXPECT_EQ(r.rows[0][1], "Midnight");
  EXPECT_EQ(r.rows[12], (std::vector<std::string>{"13", "Noon", "0", "0", "1", "1", "1", "0", "0", "0"}));
  EXPECT_EQ(r.rows[23][1], "11pm");
  EXPECT_EQ(r.line_numbers[23], 25u);  // CR ends lines: the last record is on line 25
  int on_shift = 0;
  for (const auto& row : r.rows) {
    for (std::size_t c = 2; c < row.size(); ++c) on_shift += std::stoi(row[c]);
  }
  EXPECT_EQ(on_shift, 48);
}
