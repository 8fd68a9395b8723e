#include "compliance_demo.hpp"

#include <backoffice/compliance/audit.hpp>
#include <backoffice/compliance/erasure.hpp>
#include <backoffice/compliance/pii.hpp>
#include <backoffice/domain/customer.hpp>
#include <backoffice/store/store.hpp>

#include <fmt/format.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

namespace backoffice::examples {
namespace {

// Notes as agents type them. Card, IBAN and phone numbers are public test or
// fiction numbers (Visa test card, SWIFT's example IBAN, Ofcom's drama range).
constexpr std::array<std::string_view, 5> kNotes{
    "Customer called about order 123456 delivered on 2024-03-01; wants a refund of 49.99 USD.",
    "Paid with 4111 1111 1111 1111, receipt to jane.doe@example.com please.",
    "Call back on (202) 456-1111 ext. 204 after 14:00, or +44 20 7946 0958 tomorrow.",
    "Refund to IBAN GB82 WEST 1234 5698 7654 32, SSN given for the ID check: 078-05-1120.",
    "Ticket 88213 escalated; card 4111 1111 1111 1112 was declined (typo, not a card).",
};

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void print_verification(std::string_view label, const AuditVerification& v) {
  if (v.ok) {
    fmt::print("  {}: intact, {} entries, head {}...\n", label, v.entries, v.head_hash.substr(0, 16));
  } else {
    fmt::print("  {}: BROKEN at seq {}: {}\n", label, v.first_bad_seq.value_or(0), v.reason);
  }
}

int fail(std::string_view step, const Error& e) {
  fmt::print(stderr, "{}: {}\n", step, e);
  return 1;
}

}  // namespace

int run_compliance_demo() {
  fmt::print("\nCompliance: PII masking and the audit trail\n");
  // 1. Masking: one compiled masker for every note (thread-safe).
  auto masker = PiiMasker::create();
  if (!masker) return fail("masker", masker.error());
  for (const auto note : kNotes) {
    const auto r = masker->mask(note);
    fmt::print("  before: {}\n  after:  {}  ({} masked)\n", note, r.text, r.total());
  }

  // 2. The audit trail lives in the store file. Erase a customer (one audit
  //    entry), record two host changes, and verify the chain.
  const auto dir = std::filesystem::temp_directory_path() / "backoffice_compliance_demo";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto path = dir / "centre.db";
  const auto t0 = Instant::from_unix_ms(1709283600000);  // 2024-03-01T09:00:00Z
  {
    auto store = Store::open(path.string());
    if (!store) return fail("open", store.error());
    Customer jane;
    jane.id = CustomerId(7);
    jane.name = "Jane Doe";
    jane.created_at = jane.updated_at = t0;
    if (auto s = jane.add_email("jane.doe@example.com"); !s) return fail("e-mail", s.error());
    if (auto s = store->put_customer(jane); !s) return fail("customer", s.error());
    auto erased = erase_customer(*store, CustomerId(7), "dpo", t0);
    if (!erased) return fail("erase", erased.error());
    fmt::print("  erased customer 7: {} e-mail deleted, audit entry {}\n", erased->emails, erased->audit_seq);
    AuditLog log(*store);
    for (const auto* summary : {"refund approved amount_minor=4999", "refund approved amount_minor=1250"}) {
      auto e = log.append({t0, "agent:42", "refund", "order", "1001", summary});
      if (!e) return fail("audit", e.error());
    }
    auto v = log.verify();
    if (!v) return fail("verify", v.error());
    print_verification("audit trail", *v);
    if (!v->ok) return 1;
  }

  // 3. Someone with the file raises a refund by overwriting bytes in a copy
  //    (same length, so SQLite still reads it). The chain names the entry.
  const auto copy = dir / "tampered.db";
  std::filesystem::copy_file(path, copy);
  auto bytes = read_file(copy);
  const auto at = bytes.find("amount_minor=4999");
  if (at == std::string::npos) {
    fmt::print(stderr, "demo: entry not found in the file\n");
    return 1;
  }
  bytes.replace(at, 17, "amount_minor=9999");
  std::ofstream(copy, std::ios::binary | std::ios::trunc) << bytes;
  {
    auto store = Store::open(copy.string());
    if (!store) return fail("open copy", store.error());
    auto v = AuditLog(*store).verify();
    if (!v) return fail("verify copy", v.error());
    print_verification("tampered copy", *v);
    if (v->ok) return 1;  // the demo must show the detection
  }
  std::filesystem::remove_all(dir);
  return 0;
}

}  // namespace backoffice::examples
