#pragma once

// The per-group state of contact_report()'s hot loop and the tables that turn
// a row's one-byte columns into its flag lanes.

#include <backoffice/kpi/contact_report.hpp>

#include <array>
#include <cstdint>
#include <initializer_list>

namespace backoffice::kpi_detail {

// One group's recent counts. The 0/1 counts are packed in 8-bit lanes, eight
// to a word, so one add updates eight of them; abandoned is offered -
// answered. Every lane counts at most the rows added, the offered lane
// (`rows()`), so flushing into ContactCounts when that reaches 255 keeps
// every lane from overflowing.
struct alignas(64) Accumulator {
  // Lanes from the low byte: offered, answered, short_abandoned,
  // answered_within_target, abandoned_within_target, transferred,
  // csat_responses, csat_top_box.
  std::uint64_t flags_a = 0;
  // nps_responses, nps_promoters, nps_detractors, survey_resolved_known,
  // survey_resolved, fcr_resolved, fcr_repeat, fcr_pending.
  std::uint64_t flags_b = 0;
  std::int64_t wait_answered_ms = 0, talk_ms = 0, hold_ms = 0, wrap_ms = 0, csat_sum = 0;

  static constexpr std::uint64_t kMaxRows = 255;
  std::uint64_t rows() const { return flags_a & 0xff; }

  [[gnu::noinline]] void flush_into(ContactCounts& c) {
    const auto lane = [](std::uint64_t word, int k) {
      return static_cast<std::int64_t>((word >> (8 * k)) & 0xff);
    };
    c.offered += lane(flags_a, 0);
    c.answered += lane(flags_a, 1);
    c.abandoned += lane(flags_a, 0) - lane(flags_a, 1);
    c.short_abandoned += lane(flags_a, 2);
    c.answered_within_target += lane(flags_a, 3);
    c.abandoned_within_target += lane(flags_a, 4);
    c.transferred += lane(flags_a, 5);
    c.csat_responses += lane(flags_a, 6);
    c.csat_top_box += lane(flags_a, 7);
    c.nps_responses += lane(flags_b, 0);
    c.nps_promoters += lane(flags_b, 1);
    c.nps_detractors += lane(flags_b, 2);
    c.survey_resolved_known += lane(flags_b, 3);
    c.survey_resolved += lane(flags_b, 4);
    c.fcr_resolved += lane(flags_b, 5);
    c.fcr_repeat += lane(flags_b, 6);
    c.fcr_pending += lane(flags_b, 7);
    c.wait_answered_ms += wait_answered_ms;
    c.talk_ms += talk_ms;
    c.hold_ms += hold_ms;
    c.wrap_ms += wrap_ms;
    c.csat_sum += csat_sum;
    flags_a = flags_b = 0;
    wait_answered_ms = talk_ms = hold_ms = wrap_ms = csat_sum = 0;
  }
};

// A row's flag words by table lookup instead of a compare per flag: the
// one-byte columns (CSAT, NPS, resolved, FCR state) index 256-entry tables
// of their lanes, and the outcome (answered, within target, short, transferred)
// is a 4-bit index.
struct FlagTables {
  std::array<std::uint64_t, 16> outcome{};
  std::array<std::uint64_t, 256> csat{}, nps{}, resolved{}, fcr{};
  std::array<std::int64_t, 256> csat_value{};

  explicit FlagTables(std::int64_t csat_top_box_min) {
    const auto lanes = [](std::initializer_list<bool> bits) {
      std::uint64_t w = 0;
      int k = 0;
      for (bool b : bits) w |= std::uint64_t{b} << (8 * k++);
      return w;
    };
    for (unsigned o = 0; o < 16; ++o) {
      const bool answered = o & 1, within = o & 2, is_short = o & 4, transferred = o & 8;
      outcome[o] = lanes({true, answered, !answered && is_short, answered && within, !answered && within,
                          answered && transferred});
    }
    for (unsigned byte = 0; byte < 256; ++byte) {
      const std::int64_t x = static_cast<std::int8_t>(byte);
      csat[byte] = lanes({false, false, false, false, false, false, x > 0, x >= csat_top_box_min});
      csat_value[byte] = x > 0 ? x : 0;
      nps[byte] = lanes({x >= 0, x >= 9, x >= 0 && x <= 6});
      resolved[byte] = lanes({false, false, false, x >= 0, x == 1});
      fcr[byte] =
          lanes({false, false, false, false, false, byte == static_cast<unsigned>(FcrState::kResolved),
                 byte == static_cast<unsigned>(FcrState::kRepeat),
                 byte == static_cast<unsigned>(FcrState::kPending)});
    }
  }
};

}  // namespace backoffice::kpi_detail
