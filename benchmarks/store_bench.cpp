// Store benchmarks. CSV section: BM_Store_Csv* read and write ~50 MB of
// interaction-like rows generated from a fixed seed; the baseline beside
// them is the std::getline + split-on-delimiter reader people write first
// (it is wrong for quoted fields holding a delimiter or a newline, so it
// does less work than a correct reader, not more).

#include <backoffice/store/csv.hpp>
#include <backoffice/store/csv_writer.hpp>

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

// ---------------------------------------------------------------- CSV data

constexpr std::size_t kCsvTargetBytes = std::size_t{50} << 20;
constexpr std::uint64_t kCsvSeed = 20240311;

struct CsvCorpus {
  std::string text;
  std::size_t rows = 0;  // data records, header excluded
  std::size_t lines = 0;  // physical lines (what the naive reader counts)
};

// One row per interaction: ids, channel, queue, agent, ISO-8601 instants,
// durations, disposition and a free-text note. About one note in five is
// quoted: it holds a comma, a doubled quote or (one in fifty) a line break.
const CsvCorpus& csv_corpus() {
  static const CsvCorpus corpus = [] {
    CsvCorpus c;
    std::mt19937_64 rng(kCsvSeed);
    const char* channels[] = {"voice", "chat", "email", "sms"};
    const char* queues[] = {"billing", "tech_support", "sales", "retention", "general"};
    const char* agents[] = {"Diane", "Becky", "Stewart", "Greg", "Jim", "Joe", "Martha", "Dan"};
    const char* dispositions[] = {"resolved", "callback", "escalated", "abandoned"};
    const char* notes[] = {"customer asked about invoice", "reset password",
                           "upgrade offered, declined", "said \"call me later\"",
                           "line one\nline two", "refund issued"};
    c.text.reserve(kCsvTargetBytes + 4096);
    c.text += "interaction_id,channel,queue,agent,offered_at,answered_at,ended_at,wait_s,talk_s,"
              "disposition,note\r\n";
    c.lines = 1;
    std::vector<std::string_view> fields(11);
    std::int64_t t = 1709251200;  // 2024-03-01T00:00:00Z
    auto iso = [](std::int64_t s) {
      const auto days = std::chrono::sys_days(std::chrono::days(s / 86400));
      const std::chrono::year_month_day ymd(days);
      const std::int64_t sod = s % 86400;
      char out[32];
      std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02lld:%02lld:%02lldZ", static_cast<int>(ymd.year()),
                    static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                    static_cast<long long>(sod / 3600), static_cast<long long>(sod / 60 % 60),
                    static_cast<long long>(sod % 60));
      return std::string(out);
    };
    std::string line;
    while (c.text.size() < kCsvTargetBytes) {
      t += static_cast<std::int64_t>(rng() % 30);
      const std::int64_t wait = static_cast<std::int64_t>(rng() % 300);
      const std::int64_t talk = 30 + static_cast<std::int64_t>(rng() % 900);
      std::string id = "I";  // not "I" + to_string(): GCC 12 -O3 flags that with a false -Wrestrict
      id += std::to_string(1000000 + c.rows);
      const std::string offered = iso(t);
      const std::string answered = iso(t + wait);
      const std::string ended = iso(t + wait + talk);
      const std::string wait_s = std::to_string(wait);
      const std::string talk_s = std::to_string(talk);
      const auto pick = rng() % 100;
      const char* note = pick < 2    ? notes[4]   // a line break
                         : pick < 11 ? notes[2]   // a comma
                         : pick < 20 ? notes[3]   // doubled quotes
                                     : notes[pick % 3 == 0 ? 5 : pick % 2];
      fields = {id,      channels[rng() % 4], queues[rng() % 5], agents[rng() % 8], offered, answered,
                ended,   wait_s,              talk_s,            dispositions[rng() % 4], note};
      line.clear();
      for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) line.push_back(',');
        backoffice::append_csv_field(line, fields[i], ',');
      }
      line += "\r\n";
      c.text += line;
      c.lines += 1 + (std::string_view(note).find('\n') != std::string_view::npos ? 1 : 0);
      ++c.rows;
    }
    return c;
  }();
  return corpus;
}

// The file benchmarks read the corpus back from a temporary file (in the
// page cache after the first pass, so this measures the reader, not the disk).
const std::filesystem::path& csv_corpus_file() {
  static const std::filesystem::path path = [] {
    auto p = std::filesystem::temp_directory_path() / "backoffice_store_bench.csv";
    std::FILE* f = std::fopen(p.c_str(), "wb");
    const auto& text = csv_corpus().text;
    if (f != nullptr) {
      std::fwrite(text.data(), 1, text.size(), f);
      std::fclose(f);
    }
    return p;
  }();
  return path;
}

void report_csv(benchmark::State& state, std::size_t rows) {
  const auto& corpus = csv_corpus();
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus.text.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * rows));
  state.counters["rows"] = static_cast<double>(rows);
}

// Touches every field so the compiler cannot skip the work.
std::size_t drain(backoffice::CsvReader& reader, benchmark::State& state, std::size_t& rows) {
  std::size_t bytes = 0;
  rows = 0;
  for (;;) {
    auto rec = reader.next();
    if (!rec.ok()) {
      state.SkipWithError(rec.error().to_string().c_str());
      break;
    }
    if (*rec == nullptr) break;
    for (auto f : **rec) bytes += f.size();
    ++rows;
  }
  return bytes;
}

void BM_Store_CsvRead(benchmark::State& state) {
  const auto& corpus = csv_corpus();
  std::size_t rows = 0;
  for (auto _ : state) {
    auto reader = backoffice::CsvReader::from_string(corpus.text);
    if (!reader.ok()) {
      state.SkipWithError(reader.error().to_string().c_str());
      break;
    }
    benchmark::DoNotOptimize(drain(*reader, state, rows));
  }
  report_csv(state, rows);
}
BENCHMARK(BM_Store_CsvRead)->Unit(benchmark::kMillisecond);

void BM_Store_CsvReadFile(benchmark::State& state) {
  const auto& path = csv_corpus_file();
  std::size_t rows = 0;
  for (auto _ : state) {
    auto reader = backoffice::CsvReader::open(path);
    if (!reader.ok()) {
      state.SkipWithError(reader.error().to_string().c_str());
      break;
    }
    benchmark::DoNotOptimize(drain(*reader, state, rows));
  }
  report_csv(state, rows);
}
BENCHMARK(BM_Store_CsvReadFile)->Unit(benchmark::kMillisecond);

// Baseline: std::getline over an istringstream, split on ',' into reused
// views. Quoted fields are not understood (a note with a comma or a line
// break is mis-split), so its row count is off; it is here for speed only.
std::size_t naive_getline_pass(const std::string& text, std::size_t& rows) {
  std::istringstream in(text);
  std::string line;
  std::vector<std::string_view> fields;
  std::size_t bytes = 0;
  rows = 0;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    fields.clear();
    std::string_view rest(line);
    if (!rest.empty() && rest.back() == '\r') rest.remove_suffix(1);
    for (;;) {
      const auto comma = rest.find(',');
      fields.push_back(rest.substr(0, comma));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
    for (auto f : fields) bytes += f.size();
    ++rows;
  }
  return bytes;
}

void BM_Store_CsvReadNaiveGetlineBaseline(benchmark::State& state) {
  const auto& corpus = csv_corpus();
  std::size_t rows = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(naive_getline_pass(corpus.text, rows));
  }
  report_csv(state, rows);
}
BENCHMARK(BM_Store_CsvReadNaiveGetlineBaseline)->Unit(benchmark::kMillisecond);

// The ratio itself, so the JSON carries it: each iteration times one pass of
// the naive baseline and one of CsvReader back to back (same cache and clock
// state) and `speedup_vs_naive` is naive time / reader time over all passes.
void BM_Store_CsvReadSpeedupVsNaive(benchmark::State& state) {
  const auto& corpus = csv_corpus();
  using Clock = std::chrono::steady_clock;
  Clock::duration naive{};
  Clock::duration ours{};
  std::size_t rows = 0;
  for (auto _ : state) {
    const auto t0 = Clock::now();
    benchmark::DoNotOptimize(naive_getline_pass(corpus.text, rows));
    const auto t1 = Clock::now();
    auto reader = backoffice::CsvReader::from_string(corpus.text);
    if (!reader.ok()) {
      state.SkipWithError(reader.error().to_string().c_str());
      break;
    }
    benchmark::DoNotOptimize(drain(*reader, state, rows));
    const auto t2 = Clock::now();
    naive += t1 - t0;
    ours += t2 - t1;
  }
  state.counters["speedup_vs_naive"] =
      ours.count() > 0 ? static_cast<double>(naive.count()) / static_cast<double>(ours.count()) : 0.0;
}
BENCHMARK(BM_Store_CsvReadSpeedupVsNaive)->Unit(benchmark::kMillisecond)->Iterations(5);

// Writes the corpus's records (pre-split) back out; the baseline appends the
// fields with no quoting at all.
const std::vector<std::vector<std::string>>& csv_records() {
  static const auto records = [] {
    std::vector<std::vector<std::string>> out;
    auto reader = backoffice::CsvReader::from_string(csv_corpus().text);
    for (;;) {
      auto rec = reader->next();
      if (!rec.ok() || *rec == nullptr) break;
      out.emplace_back((*rec)->begin(), (*rec)->end());
    }
    return out;
  }();
  return records;
}

void BM_Store_CsvWrite(benchmark::State& state) {
  const auto& records = csv_records();
  std::string out;
  std::vector<std::string_view> views;
  for (auto _ : state) {
    out.clear();
    auto writer = backoffice::CsvWriter::to_string(out);
    for (const auto& r : records) {
      views.assign(r.begin(), r.end());
      benchmark::DoNotOptimize(writer->write_row(views).ok());
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * out.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * records.size()));
}
BENCHMARK(BM_Store_CsvWrite)->Unit(benchmark::kMillisecond);

void BM_Store_CsvWriteUnquotedJoinBaseline(benchmark::State& state) {
  const auto& records = csv_records();
  std::string out;
  for (auto _ : state) {
    out.clear();
    for (const auto& r : records) {
      for (std::size_t i = 0; i < r.size(); ++i) {
        if (i > 0) out.push_back(',');
        out += r[i];
      }
      out += "\r\n";
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * out.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * records.size()));
}
BENCHMARK(BM_Store_CsvWriteUnquotedJoinBaseline)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
