#pragma once

// Masking of personal data in free text (interaction notes, case subjects)
// before it is stored or logged.

#include <backoffice/core/result.hpp>
#include <backoffice/domain/formatting.hpp>
#include <backoffice/domain/interaction.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace backoffice {

// The kinds of personal data the masker finds.
enum class PiiKind : std::uint8_t { kCard, kEmail, kPhone, kIban, kSsn };
inline constexpr std::size_t kPiiKindCount = 5;
inline constexpr std::array kAllPiiKinds{PiiKind::kCard, PiiKind::kEmail, PiiKind::kPhone, PiiKind::kIban,
                                         PiiKind::kSsn};

// "card", "email", "phone", "iban", "ssn".
std::string_view to_string(PiiKind kind) noexcept;

// How a phone-shaped candidate is confirmed (docs/compliance.md, "Phone
// numbers"). Both first require the length to be possible for the country
// (libphonenumber's metadata) and, for +1, the NANP shape.
enum class PhoneCheck : std::uint8_t {
  // Formatted numbers ('+', parentheses or separated digit groups) are
  // accepted on that; bare digit runs, which are as often order or account
  // numbers, go through libphonenumber's Parse + IsValidNumber. ~1 us per
  // formatted candidate.
  kFast,
  // Every candidate goes through Parse + IsValidNumber (~50 us each on the
  // Debian build): fewer false positives, and numbers in ranges newer than
  // the installed metadata are left unmasked.
  kValid,
};

// What to look for. Replacements (docs/compliance.md):
//   card  -> every digit but the last four becomes '*', separators kept
//            ("4111 1111 1111 1111" -> "**** **** **** 1111");
//   email -> "[EMAIL]", phone -> "[PHONE]", iban -> "[IBAN]", ssn -> "[SSN]".
struct MaskOptions {
  bool cards = true;   // 13-19 digits, spaces or dashes between, Luhn-valid
  bool emails = true;  // local@domain.tld
  bool phones = true;  // see PhoneCheck
  bool ibans = true;   // upper-case IBAN, optional single spaces, mod-97 valid
  bool ssns = true;    // AAA-GG-SSSS outside the never-issued ranges
  // ISO 3166-1 alpha-2 region for numbers written without '+' ("US", "GB").
  std::string default_region = "US";
  PhoneCheck phone_check = PhoneCheck::kFast;
};

// One piece of personal data found: [begin, end) are byte offsets into the
// input text (not the masked text).
struct PiiSpan {
  PiiKind kind = PiiKind::kCard;
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const PiiSpan&, const PiiSpan&) = default;
};

struct MaskResult {
  std::string text;                                  // the masked text
  std::array<std::int64_t, kPiiKindCount> counts{};  // indexed by PiiKind
  std::vector<PiiSpan> spans;                        // in text order, disjoint

  std::int64_t count(PiiKind kind) const { return counts[static_cast<std::size_t>(kind)]; }
  std::int64_t total() const;
};

// A compiled masker: build once, use from any number of threads (mask() is
// const and keeps no per-call state in the object).
//
// Candidates are found in one left-to-right pass: one RE2 pattern (linear in
// the text, no backtracking) for cards, e-mails, IBANs and SSNs, and a digit
// scanner between its matches for phones (runs of 7+ digits with
// separators, optional '+', parentheses and extension). Each candidate is
// confirmed by a validator: Luhn for cards, mod-97 for IBANs, the SSA ranges
// for SSNs, the PhoneCheck rules for phones (a phone candidate that fails as
// a whole is searched for a number inside it). Text that fails validation is left as it is. Matches never
// overlap; when two kinds could claim the same text the order is e-mail, IBAN, SSN, card, phone. Text is
// treated as bytes; non-ASCII bytes never start a match.
class PiiMasker {
 public:
  // Errors: kInvalidArgument "default_region" when libphonenumber does not
  // know the region (checked only when phones are on); kInvalidArgument
  // "options" when every kind is off.
  static Result<PiiMasker> create(const MaskOptions& options = {});

  // Masks `text`. O(n), plus libphonenumber's Parse + IsValidNumber for each
  // phone candidate that PhoneCheck sends to it.
  MaskResult mask(std::string_view text) const;
  // As mask(), but writes the masked text into `out` (cleared first, its
  // capacity reused) and returns only the number of spans masked: the
  // allocation-free form for hot loops.
  std::int64_t mask_into(std::string_view text, std::string& out) const;

  const MaskOptions& options() const;

  struct Impl;

 private:
  explicit PiiMasker(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

// One-shot masking; compiles a masker per call, so loops should hold a
// PiiMasker. Errors: those of PiiMasker::create.
Result<MaskResult> mask_pii(std::string_view text, const MaskOptions& options = {});

// Masks interaction.notes in place (call it before Store::insert_interaction
// or ingest). Returns how many spans were masked. Other fields are codes and
// ids and are left alone.
std::int64_t mask_interaction_notes(Interaction& interaction, const PiiMasker& masker);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::PiiKind> : backoffice::detail::ToStringFormatter<backoffice::PiiKind> {};
