#include <backoffice/workflow/case_lifecycle.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>

namespace backoffice {
namespace {

using S = CaseStatus;

// Indexed by CaseStatus; each row in CaseStatus declaration order.
constexpr std::array<S, 3> kFromNew{S::kOpen, S::kEscalated, S::kResolved};
constexpr std::array<S, 4> kFromOpen{S::kPendingCustomer, S::kPendingThirdParty, S::kEscalated, S::kResolved};
constexpr std::array<S, 4> kFromPendingCustomer{S::kOpen, S::kPendingThirdParty, S::kEscalated, S::kResolved};
constexpr std::array<S, 4> kFromPendingThirdParty{S::kOpen, S::kPendingCustomer, S::kEscalated, S::kResolved};
constexpr std::array<S, 4> kFromEscalated{S::kOpen, S::kPendingCustomer, S::kPendingThirdParty, S::kResolved};
constexpr std::array<S, 2> kFromResolved{S::kClosed, S::kReopened};
constexpr std::array<S, 1> kFromClosed{S::kReopened};
constexpr std::array<S, 5> kFromReopened{S::kOpen, S::kPendingCustomer, S::kPendingThirdParty, S::kEscalated,
                                         S::kResolved};

// A bit per target status, so is_allowed is one shift and mask.
constexpr unsigned bit(S s) { return 1u << static_cast<unsigned>(s); }
template <std::size_t N>
constexpr unsigned mask_of(const std::array<S, N>& row) {
  unsigned m = 0;
  for (S s : row) m |= bit(s);
  return m;
}
constexpr std::array<unsigned, 8> kAllowedMask{mask_of(kFromNew),
                                               mask_of(kFromOpen),
                                               mask_of(kFromPendingCustomer),
                                               mask_of(kFromPendingThirdParty),
                                               mask_of(kFromEscalated),
                                               mask_of(kFromResolved),
                                               mask_of(kFromClosed),
                                               mask_of(kFromReopened)};

int raised(int tier) { return std::min(tier + 1, Case::kMaxTier); }

std::string arrow(S from, S to) { return fmt::format("{} -> {}", to_string(from), to_string(to)); }

Error illegal(S from, S to) {
  return make_error(ErrorCode::kConflict, "case.status", arrow(from, to),
                    fmt::format("a case cannot move from {} to {} (allowed from {}: {})", to_string(from),
                                to_string(to), to_string(from), fmt::join(allowed_transitions(from), ", ")));
}

}  // namespace

std::span<const CaseStatus> allowed_transitions(CaseStatus from) noexcept {
  switch (from) {
    case S::kNew: return kFromNew;
    case S::kOpen: return kFromOpen;
    case S::kPendingCustomer: return kFromPendingCustomer;
    case S::kPendingThirdParty: return kFromPendingThirdParty;
    case S::kEscalated: return kFromEscalated;
    case S::kResolved: return kFromResolved;
    case S::kClosed: return kFromClosed;
    case S::kReopened: return kFromReopened;
  }
  return {};
}

bool is_allowed(CaseStatus from, CaseStatus to) noexcept {
  const auto f = static_cast<std::size_t>(from);
  return f < kAllowedMask.size() && (kAllowedMask[f] & bit(to)) != 0;
}

Result<CaseWorkflow> CaseWorkflow::start(Case c) {
  BO_RETURN_IF_ERROR(c.validate());
  return CaseWorkflow(std::move(c));
}

Result<CaseWorkflow> CaseWorkflow::restore(Case c, std::vector<CaseStatusChange> history) {
  BO_RETURN_IF_ERROR(c.validate());
  if (history.empty()) return CaseWorkflow(std::move(c));
  S status = history.front().from;
  int tier = Case::kMinTier;
  Instant last = c.created_at;
  for (std::size_t i = 0; i < history.size(); ++i) {
    const auto& h = history[i];
    const auto field = [i](std::string_view name) { return fmt::format("case.history[{}].{}", i, name); };
    if (h.at < last) {
      return invalid_argument(field("at"), h.at.to_string(),
                              fmt::format("history goes back in time (previous {})", last));
    }
    if (h.from != status) {
      return validation_error(field("from"), to_string(h.from),
                              fmt::format("the previous entry left the case {}", to_string(status)));
    }
    const bool escalating = h.to == S::kEscalated;
    switch (h.event) {
      case CaseEvent::kFirstResponse:
        if (h.to != h.from) return validation_error(field("to"), to_string(h.to), "a first response keeps the status");
        break;
      case CaseEvent::kEscalation:
        if (!escalating || (h.from != S::kEscalated && !is_allowed(h.from, h.to))) {
          return make_error(ErrorCode::kConflict, field("to"), arrow(h.from, h.to), "not a legal escalation");
        }
        break;
      case CaseEvent::kTransition:
        if (!is_allowed(h.from, h.to)) return make_error(ErrorCode::kConflict, field("to"), arrow(h.from, h.to), "illegal transition");
        break;
    }
    // Entry 0's tier is taken as given (the tier before it is not recorded);
    // every later entry must follow from its predecessor.
    const int expected = i == 0 ? std::clamp(h.tier, Case::kMinTier, Case::kMaxTier)
                         : escalating && h.event != CaseEvent::kFirstResponse ? raised(tier)
                                                                               : tier;
    if (h.tier != expected) {
      return validation_error(field("tier"), std::to_string(h.tier), fmt::format("expected tier {}", expected));
    }
    tier = h.tier;
    status = h.to;
    last = h.at;
  }
  if (status != c.status) {
    return validation_error("case.status", std::string(to_string(c.status)),
                            fmt::format("the history ends in {}", to_string(status)));
  }
  if (tier != c.tier) {
    return validation_error("case.tier", std::to_string(c.tier), fmt::format("the history ends at tier {}", tier));
  }
  if (last > c.updated_at) {
    return validation_error("case.updated_at", c.updated_at.to_string(),
                            fmt::format("the history's last entry is later ({})", last));
  }
  CaseWorkflow w(std::move(c));
  w.history_ = std::move(history);
  return w;
}

Status CaseWorkflow::check_time(Instant at, std::string_view what) const {
  Instant latest = std::max(case_.created_at, case_.updated_at);
  if (!history_.empty()) latest = std::max(latest, history_.back().at);
  if (at < latest) {
    return invalid_argument(fmt::format("case.{}.at", what), at.to_string(),
                            fmt::format("must not be before the case's latest change ({})", latest));
  }
  return Status::Ok();
}

void CaseWorkflow::append(CaseStatusChange change) {
  case_.status = change.to;
  case_.tier = change.tier;
  case_.updated_at = change.at;
  history_.push_back(std::move(change));
}

Status CaseWorkflow::transition(CaseStatus to, Instant at, std::string_view actor, std::string_view reason) {
  const S from = case_.status;
  if (!is_allowed(from, to)) return illegal(from, to);
  BO_RETURN_IF_ERROR(check_time(at, "status"));
  if (to == S::kEscalated) return escalate(at, actor, reason);
  if (to == S::kResolved) case_.resolved_at = at;
  append({at, std::string(actor), from, to, std::string(reason), CaseEvent::kTransition, case_.tier, {}});
  return Status::Ok();
}

Status CaseWorkflow::record_first_response(Instant at, std::string_view actor) {
  if (case_.first_response_at) {
    return make_error(ErrorCode::kConflict, "case.first_response_at", case_.first_response_at->to_string(),
                      "the first response is already recorded");
  }
  BO_RETURN_IF_ERROR(check_time(at, "first_response"));
  case_.first_response_at = at;
  append({at, std::string(actor), case_.status, case_.status, {}, CaseEvent::kFirstResponse, case_.tier, {}});
  return Status::Ok();
}

Status CaseWorkflow::escalate(Instant at, std::string_view actor, std::string_view reason, std::string_view rule) {
  const S from = case_.status;
  if (from != S::kEscalated && !is_allowed(from, S::kEscalated)) return illegal(from, S::kEscalated);
  BO_RETURN_IF_ERROR(check_time(at, "escalation"));
  append({at, std::string(actor), from, S::kEscalated, std::string(reason), CaseEvent::kEscalation,
          raised(case_.tier), std::string(rule)});
  return Status::Ok();
}

bool CaseWorkflow::has_fired(std::string_view rule) const {
  if (rule.empty()) return false;  // "" marks manual entries, not a rule
  return std::any_of(history_.begin(), history_.end(), [rule](const CaseStatusChange& h) { return h.rule == rule; });
}

}  // namespace backoffice
