#include <backoffice/kpi/definitions.hpp>
#include <backoffice/kpi/interaction_view.hpp>

#include <fmt/format.h>

namespace backoffice {

std::string_view to_string(ServiceLevelDefinition d) noexcept {
  switch (d) {
    case ServiceLevelDefinition::kExcludeShortAbandons: return "exclude_short_abandons";
    case ServiceLevelDefinition::kAbandonsWithinTargetMet: return "abandons_within_target_met";
    case ServiceLevelDefinition::kAnsweredOnly: return "answered_only";
    case ServiceLevelDefinition::kAllOffered: return "all_offered";
  }
  return "unknown";
}

std::string describe(const KpiOptions& o) {
  std::string s = fmt::format(
      "service_level={}; answer_target_s={}; short_abandon_s={}; abandon_rate_excludes_short={}; "
      "fcr_window_s={}; fcr_match_reason={}; fcr_as_of={}; csat_top_box_min={}",
      to_string(o.service_level), o.default_targets.answer_target.count(), o.default_targets.short_abandon.count(),
      o.abandon_rate_excludes_short, std::chrono::duration_cast<std::chrono::seconds>(o.fcr.window).count(),
      o.fcr.match_reason, o.fcr.as_of ? o.fcr.as_of->to_string() : "last_offered", o.csat_top_box_min);
  for (const auto& [queue, t] : o.per_queue) {
    s += fmt::format("; queue_{}=({}s,{}s)", queue, t.answer_target.count(), t.short_abandon.count());
  }
  return s;
}

InteractionView InteractionView::slice(std::size_t b, std::size_t e) const {
  auto cut = [&](auto span) { return span.subspan(b, e - b); };
  return InteractionView{cut(queue_id), cut(customer_id), cut(agent_id), cut(channel), cut(direction),
                         cut(offered_ms), cut(answered_ms), cut(ended_ms), cut(talk_ms), cut(hold_ms),
                         cut(wrap_ms), cut(transferred), cut(resolved), cut(csat), cut(nps), cut(reason),
                         reason_labels};
}

}  // namespace backoffice
