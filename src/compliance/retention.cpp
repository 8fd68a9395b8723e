#include <backoffice/compliance/retention.hpp>

#include "compliance/audit_append.hpp"
#include "compliance/sql_helpers.hpp"
#include "store/sqlite.hpp"
#include "store/store_impl.hpp"

#include <fmt/format.h>

#include <array>
#include <string_view>

namespace backoffice {
namespace {

// SQL per kind; ?1 is the cut-off in Unix ms. Literal texts only, so the
// statements are cached like the store's own.
struct KindSql {
  std::string_view kind;    // "interactions", as in the field names
  std::string_view record;  // "interaction", for the audit entry
  std::string_view delete_sql;
  std::string_view anonymise_sql;  // empty: delete only
  std::optional<RetentionRule> RetentionPolicy::*rule;
  std::int64_t RetentionReport::*count;
};

constexpr std::array<KindSql, 5> kKinds{{
    {"interactions", "interaction", "DELETE FROM interactions WHERE offered_ms < ?1",
     "UPDATE interactions SET notes = '', external_id = NULL, customer_id = NULL WHERE offered_ms < ?1 "
     "AND (notes <> '' OR external_id IS NOT NULL OR customer_id IS NOT NULL)",
     &RetentionPolicy::interactions, &RetentionReport::interactions},
    {"cases", "case", "DELETE FROM cases WHERE updated_ms < ?1 AND status IN ('resolved', 'closed')",
     "UPDATE cases SET subject = '[erased]' WHERE updated_ms < ?1 AND status IN ('resolved', 'closed') "
     "AND subject <> '[erased]'",
     &RetentionPolicy::cases, &RetentionReport::cases},
    {"orders", "order",
     "DELETE FROM orders WHERE updated_ms < ?1 AND status IN ('delivered', 'cancelled', 'returned')", "",
     &RetentionPolicy::orders, &RetentionReport::orders},
    {"work_items", "work_item", "DELETE FROM work_items WHERE received_ms < ?1", "",
     &RetentionPolicy::work_items, &RetentionReport::work_items},
    {"agent_states", "agent_state", "DELETE FROM agent_states WHERE end_ms < ?1", "",
     &RetentionPolicy::agent_states, &RetentionReport::agent_states},
}};

// QA evaluations go with the interactions they evaluate (ON DELETE CASCADE
// in the schema); counted before the delete so the report and the audit
// entry say how many went.
constexpr std::string_view kEvaluationsOfOldInteractions =
    "SELECT count(*) FROM qa_evaluations WHERE interaction_id IN "
    "(SELECT id FROM interactions WHERE offered_ms < ?1)";

}  // namespace

Result<RetentionReport> apply_retention(Store& store, const RetentionPolicy& policy, Instant now) {
  // Check every rule before touching anything.
  for (const auto& k : kKinds) {
    const auto& rule = policy.*(k.rule);
    if (!rule) continue;
    if (rule->max_age.count() <= 0) {
      return invalid_argument(fmt::format("retention.{}.max_age", k.kind),
                              fmt::format("{}ms", rule->max_age.count()), "must be positive");
    }
    if (rule->action == RetentionAction::kAnonymise && k.anonymise_sql.empty()) {
      return invalid_argument(fmt::format("retention.{}.action", k.kind), "anonymise",
                              "this kind holds no personal free text; use delete");
    }
  }
  auto& impl = store.impl();
  RetentionReport report;
  BO_ASSIGN_OR_RETURN(auto tx, store_detail::Transaction::begin(impl.db));
  for (const auto& k : kKinds) {
    const auto& rule = policy.*(k.rule);
    if (!rule) continue;
    const Instant cutoff = now - rule->max_age;
    const bool anonymise = rule->action == RetentionAction::kAnonymise;
    std::int64_t evaluations = 0;
    if (k.rule == &RetentionPolicy::interactions && !anonymise) {
      BO_ASSIGN_OR_RETURN(evaluations,
                          compliance_detail::scalar(impl, kEvaluationsOfOldInteractions, {cutoff.unix_ms()}));
      report.qa_evaluations = evaluations;
    }
    BO_ASSIGN_OR_RETURN(auto n, compliance_detail::changes(impl, anonymise ? k.anonymise_sql : k.delete_sql,
                                                           {cutoff.unix_ms()}));
    report.*(k.count) = n;
    AuditRecord record{.time = now,
                       .actor = policy.actor,
                       .action = anonymise ? "retention.anonymise" : "retention.delete",
                       .record_kind = std::string(k.record),
                       .record_id = "*",
                       .summary = fmt::format("{} rows older than {}", n, cutoff.to_string())};
    if (evaluations > 0) record.summary += fmt::format(", with {} QA evaluations of them", evaluations);
    BO_ASSIGN_OR_RETURN(auto entry, compliance_detail::append_audit(impl, record));
    if (report.first_audit_seq == 0) report.first_audit_seq = entry.seq;
    report.last_audit_seq = entry.seq;
  }
  BO_RETURN_IF_ERROR(tx.commit());
  return report;
}

}  // namespace backoffice
