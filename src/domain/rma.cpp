#include <backoffice/domain/rma.hpp>

#include "domain/enum_text.hpp"
#include "domain/validation.hpp"

#include <fmt/format.h>

#include <array>

namespace backoffice {
namespace {

constexpr std::array<detail::EnumName<RmaStatus>, 4> kRmaStatusNames{{
    {RmaStatus::kRequested, "requested"},
    {RmaStatus::kReceived, "received"},
    {RmaStatus::kRefunded, "refunded"},
    {RmaStatus::kRejected, "rejected"},
}};

Status check_refund(const Refund& r) {
  const Currency& cur = r.total.currency();
  for (const auto& [name, m] : {std::pair<std::string_view, const Money*>{"goods", &r.goods},
                                {"tax", &r.tax},
                                {"shipping", &r.shipping},
                                {"total", &r.total}}) {
    if (m->currency() != cur || m->is_negative()) {
      return validation_error(fmt::format("rma.refund.{}", name), m->to_string(),
                              fmt::format("must be >= 0 in the refund's currency {}", cur.code()));
    }
  }
  auto sum = r.goods.add(r.tax);
  if (sum.ok()) sum = sum->add(r.shipping);
  if (!sum.ok() || *sum != r.total) {
    return validation_error(
        "rma.refund.total", r.total.to_string(),
        sum.ok() ? fmt::format("must be goods + tax + shipping = {}", *sum) : sum.error().message);
  }
  return Status::Ok();
}

}  // namespace

std::string_view to_string(RmaStatus status) noexcept { return detail::enum_name(kRmaStatusNames, status); }

Result<RmaStatus> parse_rma_status(std::string_view text, std::string_view field) {
  return detail::parse_enum(kRmaStatusNames, text, field);
}

Status Rma::validate() const {
  if (id.value() <= 0) return validation_error("rma.id", std::to_string(id.value()), "must be more than 0");
  if (lines.empty()) return validation_error("rma.lines", "0 lines", "a return needs at least one line");
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].quantity <= 0) {
      return validation_error(fmt::format("rma.lines[{}].quantity", i), std::to_string(lines[i].quantity),
                              "must be more than 0");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (lines[j].line == lines[i].line) {
        return validation_error(fmt::format("rma.lines[{}].line", i), std::to_string(lines[i].line),
                                "appears twice in one return");
      }
    }
  }
  if (updated_at < requested_at) {
    return detail::before_error("rma.updated_at", updated_at, "requested_at", requested_at);
  }
  if (refund.has_value() != (status == RmaStatus::kRefunded)) {
    return validation_error(
        "rma.refund", refund ? refund->total.to_string() : "none",
        fmt::format("a refund is set exactly when the RMA is refunded (status {})", status));
  }
  if (refund) return check_refund(*refund);
  return Status::Ok();
}

std::string to_string(const Rma& r) {
  std::string out = fmt::format("RMA {} {}, {} line{}, {}..{}", r.id, r.status, r.lines.size(),
                                r.lines.size() == 1 ? "" : "s", r.requested_at, r.updated_at);
  if (r.refund) out += fmt::format(", refund {}", r.refund->total);
  if (!r.reason.empty()) out += fmt::format(": {}", r.reason);
  return out;
}

}  // namespace backoffice
