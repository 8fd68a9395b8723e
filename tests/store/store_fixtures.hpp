#pragma once

// Small, valid records for store tests, built field by field so each test
// can break exactly one invariant.

#include <backoffice/store/store.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace backoffice::testing {

inline Queue make_queue(std::int64_t id) {
  Queue q;
  q.id = QueueId(id);
  q.name = "Billing " + std::to_string(id);
  q.channel = Channel::kVoice;
  q.service_level_target = std::chrono::seconds(20);
  q.service_level_percent = 80.0;
  q.short_abandon_threshold = std::chrono::seconds(5);
  q.business_calendar = "Mon-Fri 09:00-17:00";
  q.time_zone = "America/New_York";
  return q;
}

inline Agent make_agent(std::int64_t id) {
  Agent a;
  a.id = AgentId(id);
  a.name = "Agent " + std::to_string(id);
  a.team = TeamId(3);
  a.skills = {Skill{"billing", 4}, Skill{"spanish", std::nullopt}};
  a.time_zone = "America/Chicago";
  return a;
}

// Contact number `i`: answered unless i % 5 == 0, offered i minutes after
// 2024-03-11T13:00Z, 30 s wait, 240 s talk, 20 s hold, 30 s wrap.
inline Interaction make_interaction(std::int64_t i, std::int64_t queue = 1) {
  using namespace std::chrono_literals;
  Interaction x;
  x.id = InteractionId(i);
  x.queue = QueueId(queue);
  x.offered_at = Instant::parse("2024-03-11T13:00:00Z").value() + std::chrono::minutes(i);
  if (i % 5 != 0) {
    x.answered_at = x.offered_at + 30s;
    x.ended_at = *x.answered_at + 260s;
    x.talk_time = 240s;
    x.hold_time = 20s;
    x.wrap_up_time = 30s;
    x.resolved = i % 3 != 0;
    if (i % 2 == 0) x.csat = static_cast<int>(1 + i % 5);
  } else {
    x.ended_at = x.offered_at + 45s;
  }
  x.reason_code = i % 2 ? "billing" : "address change";
  x.disposition = "done";
  return x;
}

// Customer `id` with one e-mail and one phone (the White House switchboard,
// +1 202-456-1111, a valid NANP number), created 2024-01-02T03:04:05Z.
inline Customer make_customer(std::int64_t id) {
  using namespace std::chrono_literals;
  Customer c;
  c.id = CustomerId(id);
  c.name = "Customer " + std::to_string(id);
  c.emails = {"c" + std::to_string(id) + "@example.com"};
  c.phones = {"+12024561111"};
  c.address = Address{"1 Main St", "Apt " + std::to_string(id), "Springfield", "IL", "62701", "US"};
  c.consent.marketing_email = id % 2 == 0;
  c.created_at = Instant::parse("2024-01-02T03:04:05Z").value();
  c.updated_at = c.created_at + 1h;
  return c;
}

// Order `id` for `customer`, in USD, placed `id` hours after 2024-05-01T00:00Z,
// with two lines: 2 x SKU-A at 12.50 and 1 x SKU-B at 3.99.
inline Order make_order(std::int64_t id, std::int64_t customer) {
  const auto usd = Currency::of("USD").value();
  const auto placed = Instant::parse("2024-05-01T00:00:00Z").value() + std::chrono::hours(id);
  return Order{.id = OrderId(id),
               .customer = CustomerId(customer),
               .status = OrderStatus::kVerified,
               .lines = {OrderLine{"SKU-A", 2, Money(1250, usd)}, OrderLine{"SKU-B", 1, Money(399, usd)}},
               .shipping = Money(500, usd),
               .tax = Money(231, usd),
               .placed_at = placed,
               .updated_at = placed + std::chrono::minutes(30)};
}

// Case `id` for `customer` in `queue`, created `id` hours after
// 2024-06-03T08:00Z, answered 15 min later, still open.
inline Case make_case(std::int64_t id, std::int64_t customer, std::int64_t queue) {
  using namespace std::chrono_literals;
  Case c;
  c.id = CaseId(id);
  c.customer = CustomerId(customer);
  c.subject = "Refund for order " + std::to_string(id);
  c.priority = CasePriority::kP2;
  c.status = CaseStatus::kOpen;
  c.tier = 1;
  c.queue = QueueId(queue);
  c.created_at = Instant::parse("2024-06-03T08:00:00Z").value() + std::chrono::hours(id);
  c.first_response_at = c.created_at + 15min;
  c.updated_at = c.created_at + 1h;
  return c;
}

// Work item `i` in `queue`, received i minutes after 2024-04-08T09:00Z,
// started 10 min later and completed 25 min after that; every third one is
// audited (correct unless i % 6 == 0, when "amount" was wrong).
inline WorkItem make_work_item(std::int64_t i, std::int64_t queue = 1) {
  using namespace std::chrono_literals;
  WorkItem w;
  w.id = WorkItemId(i);
  w.kind = i % 2 ? WorkItemKind::kClaim : WorkItemKind::kInvoice;
  w.queue = QueueId(queue);
  w.received_at = Instant::parse("2024-04-08T09:00:00Z").value() + std::chrono::minutes(i);
  w.started_at = w.received_at + 10min;
  w.completed_at = *w.started_at + 25min;
  w.outcome = i % 4 ? "approved" : "rejected";
  if (i % 3 == 0) {
    w.audited = true;
    w.audit_correct = i % 6 != 0;
    if (i % 6 == 0) w.error_fields = {"amount"};
  }
  return w;
}

// Agent `agent` in `state` over [start, start + minutes).
inline AgentStateInterval make_state(std::int64_t agent, AgentState state, std::string_view start, int minutes) {
  AgentStateInterval x;
  x.agent = AgentId(agent);
  x.state = state;
  x.start = Instant::parse(start).value();
  x.end = x.start + std::chrono::minutes(minutes);
  return x;
}

// A fresh path in the test's temporary directory, removed with its WAL files.
class TempDb {
 public:
  explicit TempDb(const std::string& name)
      : path_((std::filesystem::temp_directory_path() /
               (name + "-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".sqlite"))
                  .string()) {
    remove();
  }
  ~TempDb() { remove(); }
  const std::string& path() const { return path_; }

 private:
  void remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  std::string path_;
};

}  // namespace backoffice::testing
