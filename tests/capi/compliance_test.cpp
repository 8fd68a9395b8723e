// PII masking, audit trail, erasure and retention through the C header only.
// Expected masks follow the formats of docs/compliance.md applied by hand to
// public test data (Visa test card 4111 1111 1111 1111).

#include <backoffice/backoffice.h>
#include <backoffice/backoffice_compliance.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace {

std::string last_error() { return bo_last_error(); }

// Takes ownership of a bo_ string and returns it as std::string.
std::string take(char* s) {
  std::string r = s == nullptr ? "<null>" : s;
  bo_free(s);
  return r;
}

struct Masker {
  bo_pii_masker_t* m = nullptr;
  ~Masker() { bo_pii_masker_destroy(m); }
};

struct StoreHandle {
  bo_store_t* s = nullptr;
  ~StoreHandle() { bo_store_close(s); }
};

constexpr int64_t kNow = 1714986000000;  // 2024-05-06T09:00:00Z
constexpr int64_t kDay = 86400000;

}  // namespace

TEST(CMaskPii, TheDefaultMaskerMasksCardsAndEmails) {
  char* out = nullptr;
  size_t len = 0;
  int64_t found = -1;
  ASSERT_EQ(bo_mask_pii(&out, &len, &found, nullptr, "card 4111 1111 1111 1111, mail jane@example.com"),
            BO_OK);
  const std::string masked = take(out);
  EXPECT_EQ(masked, "card **** **** **** 1111, mail [EMAIL]");
  EXPECT_EQ(len, masked.size());
  EXPECT_EQ(found, 2);
}

TEST(CMaskPii, OptionsSelectKindsAndTheRegion) {
  bo_mask_options_t o;
  ASSERT_EQ(bo_mask_options_init(&o), BO_OK);
  EXPECT_EQ(o.kinds, BO_PII_ALL);
  o.kinds = BO_PII_PHONE;
  o.default_region = "GB";
  Masker m;
  ASSERT_EQ(bo_pii_masker_create(&m.m, &o), BO_OK) << last_error();
  char* out = nullptr;
  int64_t found = 0;
  // 020 7946 0958: London with the UK trunk prefix; the e-mail kind is off.
  ASSERT_EQ(bo_mask_pii(&out, nullptr, &found, m.m, "ring 020 7946 0958 or a@b.io"), BO_OK);
  EXPECT_EQ(take(out), "ring [PHONE] or a@b.io");
  EXPECT_EQ(found, 1);
}

TEST(CMaskPii, BadOptionsNameTheField) {
  bo_mask_options_t o;
  ASSERT_EQ(bo_mask_options_init(&o), BO_OK);
  o.default_region = "XX";
  bo_pii_masker_t* m = nullptr;
  EXPECT_EQ(bo_pii_masker_create(&m, &o), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "default_region");
  EXPECT_STREQ(bo_last_error_value(), "XX");
  o.default_region = "US";
  o.kinds = 0;
  EXPECT_EQ(bo_pii_masker_create(&m, &o), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "options");
  o.kinds = BO_PII_ALL;
  o.phone_check = 9;
  EXPECT_EQ(bo_pii_masker_create(&m, &o), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "options.phone_check");
  EXPECT_EQ(m, nullptr);
  EXPECT_EQ(bo_mask_pii(nullptr, nullptr, nullptr, nullptr, "x"), BO_NULL_ARGUMENT);
}

TEST(CMaskPii, ABatchMasksEachTextAndKeepsNullSlots) {
  const char* texts[3] = {"SSN 078-05-1120", nullptr, "call (202) 456-1111 or ops@x.io"};
  char* out[3] = {nullptr, nullptr, nullptr};
  int64_t found = 0;
  ASSERT_EQ(bo_mask_pii_batch(out, &found, nullptr, texts, 3), BO_OK);
  EXPECT_EQ(take(out[0]), "SSN [SSN]");
  EXPECT_EQ(out[1], nullptr);
  EXPECT_EQ(take(out[2]), "call [PHONE] or [EMAIL]");
  EXPECT_EQ(found, 3);  // 1 + 0 + 2
}

TEST(CAudit, AnIntactLogVerifiesAndAnEditedEntryIsNamed) {
  const auto path =
      (std::filesystem::temp_directory_path() /
       ("bo_capi_audit_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + ".db"))
          .string();
  std::filesystem::remove(path);
  {
    StoreHandle st;
    ASSERT_EQ(bo_store_open(&st.s, path.c_str()), BO_OK) << last_error();
    int64_t seq = 0;
    for (const char* summary : {"count=111", "count=222", "count=333"}) {
      ASSERT_EQ(bo_audit_append(&seq, st.s, kNow, "job", "update", "customer", "7", summary), BO_OK);
    }
    EXPECT_EQ(seq, 3);
    int ok = 0;
    int64_t bad = 0;
    int64_t entries = 0;
    char* reason = nullptr;
    char* head = nullptr;
    ASSERT_EQ(bo_audit_verify(&ok, &bad, &entries, &reason, &head, st.s), BO_OK);
    EXPECT_EQ(ok, 1);
    EXPECT_EQ(bad, BO_NULL_INT64);
    EXPECT_EQ(entries, 3);
    EXPECT_EQ(take(reason), "");
    EXPECT_EQ(take(head).size(), 64u);  // SHA-256 in hex
  }
  // What someone with the file can do without SQLite: overwrite bytes. The
  // closed store has checkpointed its WAL, so the rows are in the main file.
  {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto at = bytes.find("count=222");
    ASSERT_NE(at, std::string::npos);
    bytes.replace(at, 9, "count=999");
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  }
  StoreHandle st;
  ASSERT_EQ(bo_store_open(&st.s, path.c_str()), BO_OK) << last_error();
  int ok = 1;
  int64_t bad = 0;
  char* reason = nullptr;
  ASSERT_EQ(bo_audit_verify(&ok, &bad, nullptr, &reason, nullptr, st.s), BO_OK);
  EXPECT_EQ(ok, 0);
  EXPECT_EQ(bad, 2);
  EXPECT_NE(take(reason), "");
  bo_store_close(st.s);
  st.s = nullptr;
  std::filesystem::remove(path);
}

TEST(CErasure, ErasesACustomerOnceAndRecordsItInTheAudit) {
  StoreHandle st;
  ASSERT_EQ(bo_store_open_in_memory(&st.s), BO_OK);
  ASSERT_EQ(bo_store_put_customer(st.s, 7, "Jane Doe"), BO_OK) << last_error();
  bo_erasure_report_t r;
  std::memset(&r, 0xff, sizeof r);
  ASSERT_EQ(bo_erase_customer(&r, st.s, 7, "dpo", kNow), BO_OK) << last_error();
  EXPECT_EQ(r.interactions, 0);
  EXPECT_EQ(r.emails, 0);
  EXPECT_EQ(r.audit_seq, 1);  // the first entry of an empty log
  EXPECT_EQ(bo_erase_customer(&r, st.s, 7, "dpo", kNow), BO_NOT_FOUND);
  EXPECT_STREQ(bo_last_error_field(), "customer");
  int ok = 0;
  int64_t entries = 0;
  ASSERT_EQ(bo_audit_verify(&ok, nullptr, &entries, nullptr, nullptr, st.s), BO_OK);
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(entries, 1);
}

TEST(CRetention, OneAuditEntryPerRuleAndBadRulesNameTheirField) {
  StoreHandle st;
  ASSERT_EQ(bo_store_open_in_memory(&st.s), BO_OK);
  bo_retention_policy_t p;
  std::memset(&p, 0, sizeof p);
  p.interactions = bo_retention_rule_t{BO_RETENTION_ANONYMISE, 365 * kDay};
  p.work_items = bo_retention_rule_t{BO_RETENTION_DELETE, 30 * kDay};
  bo_retention_report_t r;
  ASSERT_EQ(bo_apply_retention(&r, st.s, &p, kNow), BO_OK) << last_error();
  EXPECT_EQ(r.interactions, 0);
  EXPECT_EQ(r.first_audit_seq, 1);
  EXPECT_EQ(r.last_audit_seq, 2);
  p.orders = bo_retention_rule_t{BO_RETENTION_ANONYMISE, kDay};
  EXPECT_EQ(bo_apply_retention(&r, st.s, &p, kNow), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "retention.orders.action");
  p.orders = bo_retention_rule_t{7, kDay};
  EXPECT_EQ(bo_apply_retention(&r, st.s, &p, kNow), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "retention.orders.action");
  p.orders = bo_retention_rule_t{BO_RETENTION_DELETE, 0};
  EXPECT_EQ(bo_apply_retention(&r, st.s, &p, kNow), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "retention.orders.max_age");
}

TEST(CAuditRecording, EveryPutIsAuditedUntilStopped) {
  bo_store_t* store = nullptr;
  ASSERT_EQ(bo_store_open_in_memory(&store), BO_OK);
  ASSERT_EQ(bo_audit_record_changes(store, "ops"), BO_OK);
  ASSERT_EQ(bo_store_put_queue(store, 1, "Billing", "voice", 20, 80.0, 0, "UTC", nullptr), BO_OK)
      << bo_last_error();
  ASSERT_EQ(bo_audit_stop_recording(store), BO_OK);
  ASSERT_EQ(bo_store_put_queue(store, 2, "Sales", "voice", 20, 80.0, 0, "UTC", nullptr), BO_OK);
  int ok = 0;
  int64_t entries = 0;
  ASSERT_EQ(bo_audit_verify(&ok, nullptr, &entries, nullptr, nullptr, store), BO_OK);
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(entries, 1);  // the second put came after stop
  EXPECT_EQ(bo_audit_record_changes(nullptr, "ops"), BO_NULL_ARGUMENT);
  EXPECT_EQ(bo_audit_record_changes(store, nullptr), BO_NULL_ARGUMENT);
  bo_store_close(store);
}
