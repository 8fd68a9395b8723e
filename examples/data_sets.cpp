#include "data_sets.hpp"

#include <backoffice/core/duration.hpp>
#include <backoffice/core/time_zone.hpp>
#include <backoffice/store/csv.hpp>

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>

namespace backoffice::examples {
namespace {

using std::chrono::milliseconds;
using namespace std::chrono_literals;

Result<std::size_t> column(const CsvReader& r, std::string_view name) { return r.header_index(name); }

std::int64_t to_int(std::string_view s) {
  std::int64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

Queue make_queue(std::int64_t id, std::string name, int sl_seconds, std::string zone) {
  Queue q;
  q.id = QueueId(id);
  q.name = std::move(name);
  q.channel = Channel::kVoice;
  q.service_level_target = std::chrono::seconds(sl_seconds);
  q.service_level_percent = 80.0;
  q.short_abandon_threshold = 5s;
  q.time_zone = std::move(zone);
  return q;
}

// Agents get ids in order of first appearance.
class AgentDirectory {
 public:
  AgentDirectory(Store& store, std::string zone, std::int64_t first_id)
      : store_(store), zone_(std::move(zone)), next_(first_id) {}
  Result<AgentId> id_of(std::string_view name) {
    auto it = ids_.find(std::string(name));
    if (it != ids_.end()) return it->second;
    Agent a;
    a.id = AgentId(next_++);
    a.name = std::string(name);
    a.time_zone = zone_;
    BO_RETURN_IF_ERROR(store_.put_agent(a));
    ids_.emplace(a.name, a.id);
    return a.id;
  }
  std::size_t size() const { return ids_.size(); }

 private:
  Store& store_;
  std::string zone_;
  std::int64_t next_;
  std::map<std::string, AgentId> ids_;
};

}  // namespace

std::filesystem::path data_dir() {
  if (const char* env = std::getenv("BACKOFFICE_DATA_DIR"); env && *env) {
    if (std::filesystem::is_directory(env)) return env;
    return {};
  }
  if (std::filesystem::is_directory("../shared/data")) return std::filesystem::absolute("../shared/data");
  return {};
}

Result<LoadSummary> load_anonymous_bank(Store& store, const std::filesystem::path& file) {
  BO_ASSIGN_OR_RETURN(auto zone, TimeZone::locate("Asia/Jerusalem"));
  CsvOptions csv;
  csv.delimiter = '\t';
  BO_ASSIGN_OR_RETURN(auto reader, CsvReader::open(file, csv));
  BO_ASSIGN_OR_RETURN(auto c_call, column(reader, "call_id"));
  BO_ASSIGN_OR_RETURN(auto c_customer, column(reader, "customer_id"));
  BO_ASSIGN_OR_RETURN(auto c_type, column(reader, "type"));
  BO_ASSIGN_OR_RETURN(auto c_date, column(reader, "date"));
  BO_ASSIGN_OR_RETURN(auto c_vru_exit, column(reader, "vru_exit"));
  BO_ASSIGN_OR_RETURN(auto c_q_start, column(reader, "q_start"));
  BO_ASSIGN_OR_RETURN(auto c_q_exit, column(reader, "q_exit"));
  BO_ASSIGN_OR_RETURN(auto c_outcome, column(reader, "outcome"));
  BO_ASSIGN_OR_RETURN(auto c_ser_start, column(reader, "ser_start"));
  BO_ASSIGN_OR_RETURN(auto c_ser_exit, column(reader, "ser_exit"));
  BO_ASSIGN_OR_RETURN(auto c_ser_time, column(reader, "ser_time"));
  BO_ASSIGN_OR_RETURN(auto c_server, column(reader, "server"));

  LoadSummary summary;
  const std::pair<const char*, const char*> types[] = {
      {"PS", "Regular service"}, {"PE", "Regular service (English)"}, {"IN", "Internet consulting"},
      {"NE", "Stock exchange"},  {"NW", "Prospective customers"},     {"TT", "Call-back requests"}};
  std::map<std::string, QueueId> queue_of;
  for (std::size_t i = 0; i < std::size(types); ++i) {
    auto q = make_queue(static_cast<std::int64_t>(i + 1), types[i].second, 60, "Asia/Jerusalem");
    BO_RETURN_IF_ERROR(store.put_queue(q));
    queue_of.emplace(types[i].first, q.id);
  }
  summary.queues = queue_of.size();
  AgentDirectory agents(store, "Asia/Jerusalem", 1);

  std::vector<Interaction> rows;
  std::map<std::int64_t, Instant> first_seen;  // identified customers (id 0 means unidentified)
  for (;;) {
    BO_ASSIGN_OR_RETURN(const CsvRecord* r, reader.next());
    if (!r) break;
    const auto& rec = *r;
    const std::string_view outcome = rec[c_outcome];
    const bool queued = rec[c_q_start] != "0:00:00";
    if (outcome == "PHANTOM") { ++summary.skipped["PHANTOM row (not a real call)"]; continue; }
    if ((outcome == "AGENT" && rec[c_server] == "NO_SERVER") || (outcome == "HANG" && !queued)) {
      ++summary.skipped["ended in the voice-response unit"];
      continue;
    }
    const std::string_view d = rec[c_date];  // YYMMDD, all in 1999
    BO_ASSIGN_OR_RETURN(auto day, LocalDate::from_ymd(1900 + static_cast<int>(to_int(d.substr(0, 2))),
                                                      static_cast<int>(to_int(d.substr(2, 2))),
                                                      static_cast<int>(to_int(d.substr(4, 2)))));
    // Clock times carry no date; a time earlier than the call's start has
    // crossed midnight.
    auto at = [&](std::string_view clock, Instant not_before) -> Result<Instant> {
      BO_ASSIGN_OR_RETURN(auto tod, parse_hms(clock));
      BO_ASSIGN_OR_RETURN(auto t, zone.to_instant(LocalTime::at(day, tod)));
      return t < not_before - 12h ? t + 24h : t;
    };
    BO_ASSIGN_OR_RETURN(auto vru_exit, at(rec[c_vru_exit], Instant::from_unix_ms(INT64_MIN / 2)));
    Interaction x;
    // call_id repeats across voice-response lines, so it is kept as the
    // external id and the store's ids are sequential.
    x.id = InteractionId(static_cast<std::int64_t>(rows.size()) + 1);
    x.external_id = std::string(rec[c_call]);
    auto q = queue_of.find(std::string(rec[c_type]));
    if (q == queue_of.end()) { ++summary.skipped["unknown service type"]; continue; }
    x.queue = q->second;
    x.reason_code = std::string(rec[c_type]);
    if (const auto customer = to_int(rec[c_customer]); customer != 0) {
      x.customer = CustomerId(customer);
      first_seen.try_emplace(customer, vru_exit);
    }
    if (outcome == "AGENT") {
      BO_ASSIGN_OR_RETURN(auto start, at(rec[c_ser_start], vru_exit));
      BO_ASSIGN_OR_RETURN(auto end, at(rec[c_ser_exit], start));
      // A call answered straight from the voice-response unit waited 0 s;
      // the log's clocks can put ser_start a second before vru_exit.
      BO_ASSIGN_OR_RETURN(auto offered, queued ? at(rec[c_q_start], vru_exit) : Result<Instant>(start));
      x.offered_at = std::min(offered, start);
      x.answered_at = start;
      x.ended_at = end;
      x.talk_time = std::min<milliseconds>(std::chrono::seconds(to_int(rec[c_ser_time])), end - start);
      BO_ASSIGN_OR_RETURN(x.agent, agents.id_of(rec[c_server]));
      x.disposition = "served";
    } else {
      BO_ASSIGN_OR_RETURN(x.offered_at, at(rec[c_q_start], vru_exit));
      BO_ASSIGN_OR_RETURN(x.ended_at, at(rec[c_q_exit], x.offered_at));
      x.disposition = "abandoned";
    }
    rows.push_back(std::move(x));
  }
  summary.agents = agents.size();
  // The log identifies customers only by number; they are stored as such so
  // repeat contacts (FCR) can be traced.
  for (const auto& [id, seen] : first_seen) {
    Customer c;
    c.id = CustomerId(id);
    c.name = fmt::format("customer {}", id);
    c.created_at = seen;
    c.updated_at = seen;
    BO_RETURN_IF_ERROR(store.put_customer(c));
  }
  BO_ASSIGN_OR_RETURN(summary.report, store.ingest_interactions(rows, IngestMode::kAcceptValid));
  return summary;
}

Result<LoadSummary> load_call_center_dataset(Store& store, const std::filesystem::path& file,
                                             std::int64_t first_id) {
  BO_ASSIGN_OR_RETURN(auto zone, TimeZone::locate("Europe/Zurich"));
  BO_ASSIGN_OR_RETURN(auto reader, CsvReader::open(file));
  BO_ASSIGN_OR_RETURN(auto c_agent, column(reader, "Agent"));
  BO_ASSIGN_OR_RETURN(auto c_date, column(reader, "Date"));
  BO_ASSIGN_OR_RETURN(auto c_time, column(reader, "Time"));
  BO_ASSIGN_OR_RETURN(auto c_topic, column(reader, "Topic"));
  BO_ASSIGN_OR_RETURN(auto c_answered, column(reader, "Answered (Y/N)"));
  BO_ASSIGN_OR_RETURN(auto c_resolved, column(reader, "Resolved"));
  BO_ASSIGN_OR_RETURN(auto c_speed, column(reader, "Speed of answer in seconds"));
  BO_ASSIGN_OR_RETURN(auto c_talk, column(reader, "AvgTalkDuration"));
  BO_ASSIGN_OR_RETURN(auto c_rating, column(reader, "Satisfaction rating"));

  LoadSummary summary;
  auto queue = make_queue(100, "PwC case: customer service", 20, "Europe/Zurich");
  // Unanswered calls carry no wait in this set, so none can be told apart as
  // short abandons: every abandon counts.
  queue.short_abandon_threshold = 0s;
  BO_RETURN_IF_ERROR(store.put_queue(queue));
  summary.queues = 1;
  AgentDirectory agents(store, "Europe/Zurich", 100);
  std::vector<Interaction> rows;
  std::int64_t next_id = first_id;
  for (;;) {
    BO_ASSIGN_OR_RETURN(const CsvRecord* r, reader.next());
    if (!r) break;
    const auto& rec = *r;
    Interaction x;
    x.id = InteractionId(next_id++);
    x.queue = queue.id;
    x.reason_code = std::string(rec[c_topic]);
    BO_ASSIGN_OR_RETURN(auto day, LocalDate::parse(rec[c_date]));
    BO_ASSIGN_OR_RETURN(auto tod, parse_hms(rec[c_time]));
    BO_ASSIGN_OR_RETURN(x.offered_at, zone.to_instant(LocalTime::at(day, tod)));
    BO_ASSIGN_OR_RETURN(x.agent, agents.id_of(rec[c_agent]));
    if (rec[c_answered] == "Y") {
      x.answered_at = x.offered_at + std::chrono::seconds(to_int(rec[c_speed]));
      BO_ASSIGN_OR_RETURN(x.talk_time, parse_hms(rec[c_talk]));
      x.ended_at = *x.answered_at + x.talk_time;
      x.resolved = rec[c_resolved] == "Y";
      if (!rec[c_rating].empty()) x.csat = static_cast<int>(to_int(rec[c_rating]));
      x.disposition = "served";
    } else {
      // The set records no wait for unanswered calls: they count as offered
      // and abandoned with an unknown (zero) wait.
      x.agent.reset();
      x.ended_at = x.offered_at;
      x.disposition = "abandoned";
    }
    rows.push_back(std::move(x));
  }
  summary.agents = agents.size();
  BO_ASSIGN_OR_RETURN(summary.report, store.ingest_interactions(rows, IngestMode::kAcceptValid));
  return summary;
}

}  // namespace backoffice::examples
