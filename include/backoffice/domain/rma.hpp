#pragma once

// Returns of an order (RMAs: return merchandise authorisations): the record
// and its validation. The rules (quantities, the refund rule) are in
// workflow/order_returns.hpp; the store keeps RMAs beside their order.

#include <backoffice/core/ids.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/money.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/formatting.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backoffice {

struct RmaIdTag {};
// Numbers the RMAs of one order: 1, 2, 3, ... in the order they were requested.
using RmaId = StrongId<RmaIdTag>;

// requested -> received -> refunded, or requested | received -> rejected.
enum class RmaStatus { kRequested, kReceived, kRefunded, kRejected };

// "requested", "received", "refunded", "rejected"; "unknown" otherwise.
std::string_view to_string(RmaStatus status) noexcept;
// Reads to_string's names, ignoring ASCII case; unknown text is a kParse
// error naming `field`.
Result<RmaStatus> parse_rma_status(std::string_view text, std::string_view field = "rma.status");

// `quantity` units of order.lines[line].
struct ReturnLine {
  std::size_t line = 0;
  std::int64_t quantity = 0;
  friend bool operator==(const ReturnLine&, const ReturnLine&) = default;
};

// What one RMA pays back, in the order's currency; total = goods + tax + shipping.
struct Refund {
  Money goods;
  Money tax;
  Money shipping;
  Money total;
  bool completes_order = false;  // every unit of every line is now refunded
  friend bool operator==(const Refund&, const Refund&) = default;
};

struct Rma {
  RmaId id;
  std::vector<ReturnLine> lines;
  RmaStatus status = RmaStatus::kRequested;
  Instant requested_at;
  Instant updated_at;
  std::string reason;            // the request's, or the rejection's once rejected; free text
  std::optional<Refund> refund;  // set once refunded

  // kValidation naming "rma.<field>": id > 0; at least one line, each with
  // quantity > 0 and no line index twice ("rma.lines[i].<field>");
  // updated_at >= requested_at; a refund exactly when refunded
  // ("rma.refund"), its amounts >= 0 in one currency and total = goods +
  // tax + shipping ("rma.refund.total"). Line indexes against the order are
  // checked where the order is known. O(lines^2), lines are few.
  Status validate() const;

  friend bool operator==(const Rma&, const Rma&) = default;
};

// "RMA 2 refunded, 1 line, 2024-06-03T10:00:00Z..2024-06-05T09:00:00Z: damaged".
std::string to_string(const Rma& rma);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::RmaStatus> : backoffice::detail::ToStringFormatter<backoffice::RmaStatus> {
};
template <>
struct fmt::formatter<backoffice::Rma> : backoffice::detail::ToStringFormatter<backoffice::Rma> {};
