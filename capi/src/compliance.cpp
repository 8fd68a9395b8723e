// PII masking, audit trail, erasure and retention at the C boundary.

#include "boundary.hpp"
#include "handles.hpp"

#include <backoffice/backoffice_compliance.h>
#include <backoffice/compliance/audit.hpp>
#include <backoffice/compliance/erasure.hpp>
#include <backoffice/compliance/pii.hpp>
#include <backoffice/compliance/retention.hpp>

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <optional>
#include <string>

struct bo_pii_masker {
  backoffice::PiiMasker masker;
};

using backoffice::capi::copy_out;
using backoffice::capi::fail;
using backoffice::capi::guarded;

namespace {

// The oldest bo_mask_options_t this library understands.
constexpr std::size_t kMaskOptionsV1 = sizeof(bo_mask_options_t);

backoffice::Result<backoffice::MaskOptions> mask_options(const bo_mask_options_t* in) {
  backoffice::MaskOptions o;
  if (in == nullptr) return o;
  if (in->struct_size < kMaskOptionsV1) {
    return backoffice::invalid_argument("options", std::to_string(in->struct_size),
                                        "struct_size too small: fill the options with bo_mask_options_init");
  }
  if ((in->kinds & ~BO_PII_ALL) != 0) {
    return backoffice::invalid_argument("options.kinds", std::to_string(in->kinds), "unknown BO_PII_* bits");
  }
  o.cards = (in->kinds & BO_PII_CARD) != 0;
  o.emails = (in->kinds & BO_PII_EMAIL) != 0;
  o.phones = (in->kinds & BO_PII_PHONE) != 0;
  o.ibans = (in->kinds & BO_PII_IBAN) != 0;
  o.ssns = (in->kinds & BO_PII_SSN) != 0;
  if (in->default_region != nullptr) o.default_region = in->default_region;
  switch (in->phone_check) {
    case BO_PHONE_CHECK_FAST:
      o.phone_check = backoffice::PhoneCheck::kFast;
      break;
    case BO_PHONE_CHECK_VALID:
      o.phone_check = backoffice::PhoneCheck::kValid;
      break;
    default:
      return backoffice::invalid_argument("options.phone_check", std::to_string(in->phone_check),
                                          "expected BO_PHONE_CHECK_FAST or BO_PHONE_CHECK_VALID");
  }
  return o;
}

// The masker behind masker == NULL: compiled on first use (thread-safe
// static initialisation), then shared by every thread.
const backoffice::PiiMasker& default_masker() {
  static const backoffice::PiiMasker masker = backoffice::PiiMasker::create().value();
  return masker;
}

const backoffice::PiiMasker& masker_or_default(const bo_pii_masker_t* m) {
  return m != nullptr ? m->masker : default_masker();
}

backoffice::Result<std::optional<backoffice::RetentionRule>> rule_of(const bo_retention_rule_t& in,
                                                                     std::string_view kind) {
  backoffice::RetentionRule rule;
  rule.max_age = std::chrono::milliseconds(in.max_age_ms);
  switch (in.action) {
    case BO_RETENTION_NONE:
      return std::optional<backoffice::RetentionRule>{};
    case BO_RETENTION_DELETE:
      rule.action = backoffice::RetentionAction::kDelete;
      return std::optional{rule};
    case BO_RETENTION_ANONYMISE:
      rule.action = backoffice::RetentionAction::kAnonymise;
      return std::optional{rule};
    default:
      return backoffice::invalid_argument(fmt::format("retention.{}.action", kind), std::to_string(in.action),
                                          "expected BO_RETENTION_NONE, _DELETE or _ANONYMISE");
  }
}

}  // namespace

extern "C" {

bo_status bo_mask_options_init(bo_mask_options_t* options) {
  return guarded([&] {
    BO_REQUIRE(options);
    *options = bo_mask_options_t{};
    options->struct_size = sizeof(bo_mask_options_t);
    options->kinds = BO_PII_ALL;
    options->default_region = "US";
    options->phone_check = BO_PHONE_CHECK_FAST;
    return BO_OK;
  });
}

bo_status bo_pii_masker_create(bo_pii_masker_t** out, const bo_mask_options_t* options) {
  return guarded([&] {
    BO_REQUIRE(out);
    auto o = mask_options(options);
    if (!o) return fail(o.error());
    auto masker = backoffice::PiiMasker::create(*o);
    if (!masker) return fail(masker.error());
    *out = new bo_pii_masker{std::move(masker).value()};
    return BO_OK;
  });
}

void bo_pii_masker_destroy(bo_pii_masker_t* masker) { delete masker; }

bo_status bo_mask_pii(char** out, size_t* out_len, int64_t* out_found, const bo_pii_masker_t* masker,
                      const char* text) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(text);
    std::string masked;
    const auto found = masker_or_default(masker).mask_into(text, masked);
    const auto status = copy_out(out, out_len, masked);
    if (status == BO_OK && out_found != nullptr) *out_found = found;
    return status;
  });
}

bo_status bo_mask_pii_batch(char** out_texts, int64_t* out_found, const bo_pii_masker_t* masker,
                            const char* const* texts, size_t count) {
  if (count == 0) {
    if (out_found != nullptr) *out_found = 0;
    return BO_OK;
  }
  BO_REQUIRE(out_texts);
  for (size_t i = 0; i < count; ++i) out_texts[i] = nullptr;
  const auto status = guarded([&] {
    BO_REQUIRE(texts);
    const auto& m = masker_or_default(masker);
    std::string masked;
    int64_t found = 0;
    for (size_t i = 0; i < count; ++i) {
      if (texts[i] == nullptr) continue;
      found += m.mask_into(texts[i], masked);
      if (const auto s = copy_out(&out_texts[i], nullptr, masked); s != BO_OK) return s;
    }
    if (out_found != nullptr) *out_found = found;
    return BO_OK;
  });
  if (status != BO_OK) {
    for (size_t i = 0; i < count; ++i) {
      std::free(out_texts[i]);
      out_texts[i] = nullptr;
    }
  }
  return status;
}

bo_status bo_audit_append(int64_t* out_seq, bo_store_t* store, int64_t time_unix_ms, const char* actor,
                          const char* action, const char* record_kind, const char* record_id,
                          const char* summary) {
  return guarded([&] {
    BO_REQUIRE(store);
    BO_REQUIRE(actor);
    BO_REQUIRE(action);
    BO_REQUIRE(record_kind);
    BO_REQUIRE(record_id);
    BO_REQUIRE(summary);
    backoffice::AuditLog log(store->store);
    auto entry = log.append(backoffice::AuditRecord{backoffice::Instant::from_unix_ms(time_unix_ms), actor,
                                                    action, record_kind, record_id, summary});
    if (!entry) return fail(entry.error());
    if (out_seq != nullptr) *out_seq = entry->seq;
    return BO_OK;
  });
}

bo_status bo_audit_verify(int* out_ok, int64_t* out_first_bad_seq, int64_t* out_entries, char** out_reason,
                          char** out_head_hash, bo_store_t* store) {
  return guarded([&] {
    BO_REQUIRE(out_ok);
    BO_REQUIRE(store);
    auto v = backoffice::AuditLog(store->store).verify();
    if (!v) return fail(v.error());
    char* reason = nullptr;
    char* head = nullptr;
    if (out_reason != nullptr) {
      if (const auto s = copy_out(&reason, nullptr, v->reason); s != BO_OK) return s;
    }
    if (out_head_hash != nullptr) {
      if (const auto s = copy_out(&head, nullptr, v->head_hash); s != BO_OK) {
        std::free(reason);
        return s;
      }
    }
    *out_ok = v->ok ? 1 : 0;
    if (out_first_bad_seq != nullptr) *out_first_bad_seq = v->first_bad_seq.value_or(BO_NULL_INT64);
    if (out_entries != nullptr) *out_entries = v->entries;
    if (out_reason != nullptr) *out_reason = reason;
    if (out_head_hash != nullptr) *out_head_hash = head;
    return BO_OK;
  });
}

bo_status bo_audit_record_changes(bo_store_t* store, const char* actor) {
  return guarded([&] {
    BO_REQUIRE(store);
    BO_REQUIRE(actor);
    backoffice::AuditLog(store->store).record_changes(actor);
    return BO_OK;
  });
}

bo_status bo_audit_stop_recording(bo_store_t* store) {
  return guarded([&] {
    BO_REQUIRE(store);
    backoffice::AuditLog(store->store).stop_recording();
    return BO_OK;
  });
}

bo_status bo_erase_customer(bo_erasure_report_t* out, bo_store_t* store, int64_t customer_id,
                            const char* actor, int64_t now_unix_ms) {
  return guarded([&] {
    BO_REQUIRE(store);
    BO_REQUIRE(actor);
    auto r = backoffice::erase_customer(store->store, backoffice::CustomerId(customer_id), actor,
                                        backoffice::Instant::from_unix_ms(now_unix_ms));
    if (!r) return fail(r.error());
    if (out != nullptr) {
      *out = bo_erasure_report_t{r->interactions, r->cases, r->orders, r->emails, r->phones, r->audit_seq};
    }
    return BO_OK;
  });
}

bo_status bo_apply_retention(bo_retention_report_t* out, bo_store_t* store,
                             const bo_retention_policy_t* policy, int64_t now_unix_ms) {
  return guarded([&] {
    BO_REQUIRE(store);
    BO_REQUIRE(policy);
    backoffice::RetentionPolicy p;
    auto set = [&](std::optional<backoffice::RetentionRule>& to, const bo_retention_rule_t& from,
                   std::string_view kind) -> backoffice::Status {
      BO_ASSIGN_OR_RETURN(to, rule_of(from, kind));
      return backoffice::Status::Ok();
    };
    for (const auto& s :
         {set(p.interactions, policy->interactions, "interactions"), set(p.cases, policy->cases, "cases"),
          set(p.orders, policy->orders, "orders"), set(p.work_items, policy->work_items, "work_items"),
          set(p.agent_states, policy->agent_states, "agent_states")}) {
      if (!s.ok()) return fail(s.error());
    }
    if (policy->actor != nullptr) p.actor = policy->actor;
    auto r = backoffice::apply_retention(store->store, p, backoffice::Instant::from_unix_ms(now_unix_ms));
    if (!r) return fail(r.error());
    if (out != nullptr) {
      *out = bo_retention_report_t{r->interactions, r->cases,           r->orders,        r->work_items,
                                   r->agent_states, r->first_audit_seq, r->last_audit_seq};
    }
    return BO_OK;
  });
}

}  // extern "C"
