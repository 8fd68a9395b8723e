#include <backoffice/domain/case.hpp>

#include "domain/enum_text.hpp"
#include "domain/validation.hpp"

#include <optional>

namespace backoffice {
namespace {

constexpr std::array<detail::EnumName<CasePriority>, 4> kCasePriorityNames{{
    {CasePriority::kP1, "P1"},
    {CasePriority::kP2, "P2"},
    {CasePriority::kP3, "P3"},
    {CasePriority::kP4, "P4"},
}};

constexpr std::array<detail::EnumName<CaseStatus>, 8> kCaseStatusNames{{
    {CaseStatus::kNew, "new"},
    {CaseStatus::kOpen, "open"},
    {CaseStatus::kPendingCustomer, "pending_customer"},
    {CaseStatus::kPendingThirdParty, "pending_third_party"},
    {CaseStatus::kEscalated, "escalated"},
    {CaseStatus::kResolved, "resolved"},
    {CaseStatus::kClosed, "closed"},
    {CaseStatus::kReopened, "reopened"},
}};

// Why `at` does not fall in [created_at, updated_at], or nullopt when it does.
std::optional<Error> outside_lifetime(std::string_view field, std::string_view name, Instant at,
                                      const Case& c) {
  if (at < c.created_at) return detail::before_error(field, at, "created_at", c.created_at);
  if (at > c.updated_at) {
    return validation_error(
        field, detail::instant_text(at),
        fmt::format("{} must not be after updated_at ({})", name, detail::instant_text(c.updated_at)));
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(CasePriority priority) noexcept {
  return detail::enum_name(kCasePriorityNames, priority);
}

Result<CasePriority> parse_case_priority(std::string_view text, std::string_view field) {
  return detail::parse_enum(kCasePriorityNames, text, field);
}

std::string_view to_string(CaseStatus status) noexcept { return detail::enum_name(kCaseStatusNames, status); }

Result<CaseStatus> parse_case_status(std::string_view text, std::string_view field) {
  return detail::parse_enum(kCaseStatusNames, text, field);
}

Status Case::validate() const {
  if (detail::is_blank(subject)) return detail::blank_error("case.subject", subject);
  if (tier < kMinTier || tier > kMaxTier) return detail::range_error("case.tier", tier, kMinTier, kMaxTier);
  if (updated_at < created_at)
    return detail::before_error("case.updated_at", updated_at, "created_at", created_at);
  if (first_response_at) {
    if (auto e = outside_lifetime("case.first_response_at", "first_response_at", *first_response_at, *this)) {
      return std::move(*e);
    }
  }
  if (resolved_at) {
    if (auto e = outside_lifetime("case.resolved_at", "resolved_at", *resolved_at, *this))
      return std::move(*e);
  }
  if (is_resolved() && !resolved_at) {
    return validation_error("case.resolved_at", "",
                            fmt::format("a case with status '{}' must have resolved_at", to_string(status)));
  }
  return Status::Ok();
}

std::string to_string(const Case& c) {
  return fmt::format("case {} {} {} tier {} queue {}", c.id, c.priority, c.status, c.tier, c.queue);
}

}  // namespace backoffice
