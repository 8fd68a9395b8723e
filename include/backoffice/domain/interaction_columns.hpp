#pragma once

#include <backoffice/core/result.hpp>
#include <backoffice/domain/interaction.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace backoffice {

// Marks an absent value in a nullable int64 column (answered_ms of an
// abandoned contact, agent_id of one that never reached an agent).
inline constexpr std::int64_t kNullInt64 = std::numeric_limits<std::int64_t>::min();

// Interned strings: each distinct text gets a dense int32 code, so a column
// of reason codes is a column of integers the KPI engine can group by.
class StringDictionary {
 public:
  // The code of `text`, adding it when new. Amortised O(1).
  std::int32_t code(std::string_view text);
  const std::string& text(std::int32_t code) const { return values_[static_cast<std::size_t>(code)]; }
  const std::vector<std::string>& values() const { return values_; }
  std::size_t size() const { return values_.size(); }

 private:
  std::vector<std::string> values_;
  std::unordered_map<std::string, std::int32_t> index_;
};

// Interactions as a struct of arrays: the form the store returns for bulk
// reads and the KPI engine consumes, with no per-row object. All columns have
// size() elements. Instants are Unix milliseconds (UTC); durations
// milliseconds. Notes and external ids are not carried (KPIs never read them).
struct InteractionColumns {
  std::vector<std::int64_t> id;
  std::vector<std::uint8_t> channel;    // static_cast<std::uint8_t>(Channel)
  std::vector<std::uint8_t> direction;  // static_cast<std::uint8_t>(Direction)
  std::vector<std::int64_t> queue_id;
  std::vector<std::int64_t> customer_id;  // kNullInt64 when unknown
  std::vector<std::int64_t> agent_id;     // kNullInt64 when none
  std::vector<std::int64_t> offered_ms;
  std::vector<std::int64_t> answered_ms;  // kNullInt64 when not answered
  std::vector<std::int64_t> ended_ms;
  std::vector<std::int64_t> talk_ms;
  std::vector<std::int64_t> hold_ms;
  std::vector<std::int64_t> wrap_ms;
  std::vector<std::uint8_t> transferred;  // 0 or 1
  std::vector<std::int8_t> resolved;      // -1 unknown, 0 no, 1 yes
  std::vector<std::int8_t> csat;          // 1..5, 0 when not surveyed
  std::vector<std::int8_t> nps;           // 0..10, -1 when not surveyed
  std::vector<std::int32_t> reason;       // code in `reasons`
  std::vector<std::int32_t> disposition;  // code in `dispositions`
  StringDictionary reasons;
  StringDictionary dispositions;

  std::size_t size() const { return id.size(); }
  void reserve(std::size_t n);
  void clear();
  void append(const Interaction& x);
  // Row i as a record (notes and external_id empty). Precondition: i < size().
  Interaction row(std::size_t i) const;
  // All columns the same length, and enum codes in range; kInvalidArgument
  // naming the first offending column otherwise.
  Status check_shape() const;
};

}  // namespace backoffice
