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
