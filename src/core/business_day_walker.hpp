#pragma once

// The engine behind BusinessCalendar's queries: walks local dates forward
// and turns each date's wall-clock ranges into instants, skipping whole
// weeks when nothing can make them differ from the weekly pattern.

#include <backoffice/core/business_calendar.hpp>

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace backoffice::detail {

inline constexpr Milliseconds kDay{86'400'000};
inline constexpr Milliseconds kWeek{7 * 86'400'000LL};
inline constexpr LocalDate kFirstDate{-719'162};  // 0001-01-01
inline constexpr LocalDate kLastDate{2'932'896};  // 9999-12-31

// [begin, end) on the UTC time line.
struct OpenInterval {
  Instant begin;
  Instant end;
};

// Not copyable: intervals() may point into the walker's own buffer.
class BusinessDayWalker {
 public:
  // Positions on the date whose window contains `t`.
  // Precondition: cal.domain_begin_ <= t < cal.domain_end_.
  BusinessDayWalker(const BusinessCalendar& cal, Instant t);
  BusinessDayWalker(const BusinessDayWalker&) = delete;
  BusinessDayWalker& operator=(const BusinessDayWalker&) = delete;

  // True once the walk has gone past 9999-12-31.
  bool done() const { return done_; }
  LocalDate date() const { return date_; }
  // The current date's window [day_start, day_end); day_end is the next date's day_start.
  Instant day_start() const { return start_; }
  Instant day_end() const { return end_; }
  // The current date's open intervals: sorted, disjoint, non-empty, inside the window.
  std::span<const OpenInterval> intervals() const { return {buf_, count_}; }

  void advance();
  // How many whole weeks from the current date have exactly the weekly
  // pattern's open time, laid out as [day_start + range) day after day: no
  // holiday or special day and no UTC-offset change among them.
  std::int64_t skippable_weeks() const;
  // Precondition: k <= skippable_weeks().
  void skip_weeks(std::int64_t k);
  // True when no holiday or special day falls on or after the current date.
  bool no_special_dates_ahead() const { return next_date_ >= cal_->dates_.size(); }

 private:
  void seek(LocalDate d);
  void position(LocalDate d);
  void refresh_offset(Instant at);
  std::span<const OpeningRange> ranges_for(LocalDate d) const;
  void push(Instant begin, Instant end);

  const BusinessCalendar* cal_;
  LocalDate date_{};
  bool done_ = false;
  Instant start_{};
  Instant end_{};
  bool simple_ = false;  // the current date was mapped with the cached offset

  // Cached UTC offset, known to hold for day starts in [simple_from_, until_).
  bool have_offset_ = false;
  std::int64_t offset_ms_ = 0;
  Instant simple_from_{};
  Instant until_{};

  std::size_t next_date_ = 0;  // first entry of cal_->dates_ on or after date_

  std::array<OpenInterval, 8> inline_{};
  std::vector<OpenInterval> heap_;
  OpenInterval* buf_ = inline_.data();
  std::size_t count_ = 0;
};

}  // namespace backoffice::detail
