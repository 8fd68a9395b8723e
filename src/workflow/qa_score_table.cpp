#include "workflow/qa_score_table.hpp"

namespace backoffice::qa_detail {

ScoreTable::ScoreTable(const Scorecard& s, const QaScoringOptions& o)
    : criteria_(s.criterion_count()), entries_(s.criterion_count() * kCodes) {
  for (std::size_t c = 0; c < criteria_; ++c) {
    const QaCriterion& k = s.criterion(c);
    Entry* row = &entries_[c * kCodes];
    auto set = [&](std::int8_t code, double fraction) {
      Entry& e = row[code + 1];
      e.valid = 1;
      e.points = k.weight * fraction;
      e.possible = k.weight;
      e.critical_fail = k.critical && fraction == 0.0;
      if (k.compliance) {
        e.compliance_applicable = 1;
        e.compliance_pass = fraction == 1.0;
      }
    };
    if (is_rating(k.scale)) {
      for (std::int8_t r = 1; r <= 5; ++r) set(r, (r - 1) / 4.0);
    } else {
      set(kQaNo, 0.0);
      set(kQaYes, 1.0);
    }
    if (allows_na(k.scale)) {
      // N/A is never a critical failure and never a compliance item.
      Entry& na = row[0];
      na.valid = 1;
      if (o.na_policy == QaNaPolicy::kFullMarks) {
        na.points = k.weight;
        na.possible = k.weight;
      }
    }
  }
}

}  // namespace backoffice::qa_detail
