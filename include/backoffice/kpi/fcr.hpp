#pragma once

#include <backoffice/kpi/definitions.hpp>
#include <backoffice/kpi/interaction_view.hpp>

#include <cstdint>
#include <vector>

namespace backoffice {

// The first-contact-resolution state of one contact (repeat-contact method,
// FcrOptions). Only answered contacts from a known customer are judged.
enum class FcrState : std::uint8_t {
  kNotJudged = 0,  // abandoned, or no customer id
  kResolved = 1,   // no repeat within the window, and the window has closed
  kRepeat = 2,     // the customer contacted again within the window
  kPending = 3,    // no repeat yet, but the window is still open at as_of
};

// One state per row of `v`. A repeat is a later contact (offered after this
// one, or at the same instant but later in the input) from the same customer,
// with the same reason when match_reason, offered at most `window` after this
// one (a repeat exactly at the window edge counts). A contact without a
// customer or without an offered time (null) is neither judged nor a repeat.
// Time-ordered input: one backward pass, O(n), remembering each customer's
// (and reason's) next contact in an array when the ids (times the reasons)
// span at most 4 per row (32 bytes per row; up to 64 per row when the array
// stays within 8 MiB), in a hash table otherwise. Unordered input: a counting sort
// by customer, O(n), plus a sort of each customer's contacts that are out of
// time order. The whole input must be given (a shard would miss the repeats
// in other shards), then shards may be reported separately.
// Preconditions (std::invalid_argument otherwise; contact_report() checks
// them and returns an error instead): customer_id, offered_ms, answered_ms
// (and reason when match_reason) have the same length, below 2^32, and the
// window is not negative.
std::vector<FcrState> fcr_states(const InteractionView& v, const FcrOptions& options);

}  // namespace backoffice
