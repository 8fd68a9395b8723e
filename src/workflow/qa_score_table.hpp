#pragma once

// A scorecard compiled for one scoring policy into lookup tables indexed by
// (criterion, answer code + 1): scoring an evaluation is then one load per
// criterion and no branch on the scale, which is what lets qa_report score a
// million evaluations in a few milliseconds. Internal to src/workflow.

#include <backoffice/workflow/qa_scorecard.hpp>

#include <cstdint>
#include <vector>

namespace backoffice::qa_detail {

inline constexpr int kCodes = 7;  // codes -1 (N/A) .. 5

class ScoreTable {
 public:
  ScoreTable(const Scorecard& s, const QaScoringOptions& o);

  std::size_t criteria() const { return criteria_; }
  bool valid(std::size_t c, std::int8_t code) const {
    return code >= -1 && code <= 5 && entry(c, code).valid;
  }

  // Totals of one evaluation; answers must be valid (checked by the caller).
  struct Totals {
    double points = 0;
    double possible = 0;
    std::int32_t critical_failed = 0;
    std::int32_t compliance_passed = 0;
    std::int32_t compliance_applicable = 0;
  };
  Totals totals(const std::int8_t* answers) const {
    Totals t;
    for (std::size_t c = 0; c < criteria_; ++c) {
      const Entry& e = entry(c, answers[c]);
      t.points += e.points;
      t.possible += e.possible;
      t.critical_failed += e.critical_fail;
      t.compliance_passed += e.compliance_pass;
      t.compliance_applicable += e.compliance_applicable;
    }
    return t;
  }

  struct Entry {
    double points = 0;
    double possible = 0;
    std::uint8_t valid = 0;
    std::uint8_t critical_fail = 0;
    std::uint8_t compliance_pass = 0;
    std::uint8_t compliance_applicable = 0;
  };
  const Entry& entry(std::size_t c, std::int8_t code) const {
    return entries_[c * kCodes + static_cast<std::size_t>(code + 1)];
  }

 private:
  std::size_t criteria_ = 0;
  std::vector<Entry> entries_;
};

}  // namespace backoffice::qa_detail
