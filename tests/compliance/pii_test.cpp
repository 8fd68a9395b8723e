// Expected values come from published test data, not from our output:
// payment test cards (Visa 4111111111111111, Mastercard 5500005555555559,
// Amex 378282246310005, from the card networks' public test-number lists),
// the IBAN examples of the SWIFT IBAN registry (GB82 WEST 1234 5698 7654 32,
// DE89 3704 0044 0532 0130 00), the SSA's never-issued SSN ranges, and the
// mask formats documented in pii.hpp applied by hand.
#include <backoffice/compliance/pii.hpp>
#include <backoffice/compliance/pii_checks.hpp>

#include "store/store_fixtures.hpp"

#include <gtest/gtest.h>

#include <random>

namespace backoffice {
namespace {

MaskOptions only(PiiKind kind) {
  MaskOptions o;
  o.cards = kind == PiiKind::kCard;
  o.emails = kind == PiiKind::kEmail;
  o.phones = kind == PiiKind::kPhone;
  o.ibans = kind == PiiKind::kIban;
  o.ssns = kind == PiiKind::kSsn;
  return o;
}

TEST(Luhn, AcceptsTheNetworksTestCards) {
  EXPECT_TRUE(luhn_valid("4111111111111111"));
  EXPECT_TRUE(luhn_valid("5500005555555559"));
  EXPECT_TRUE(luhn_valid("378282246310005"));
  EXPECT_TRUE(luhn_valid("4111 1111 1111 1111"));
  EXPECT_TRUE(luhn_valid("5500-0055-5555-5559"));
}

TEST(Luhn, RejectsAChangedDigitAndWrongLengths) {
  EXPECT_FALSE(luhn_valid("4111111111111112"));  // last digit +1: sum 31
  EXPECT_FALSE(luhn_valid("0000000000"));        // Luhn-valid but 10 digits
  EXPECT_FALSE(luhn_valid("4111x111111111111"));
  EXPECT_FALSE(luhn_valid(""));
}

TEST(Iban, AcceptsTheRegistryExamples) {
  EXPECT_TRUE(iban_valid("GB82 WEST 1234 5698 7654 32"));
  EXPECT_TRUE(iban_valid("GB82WEST12345698765432"));
  EXPECT_TRUE(iban_valid("DE89 3704 0044 0532 0130 00"));
}

TEST(Iban, RejectsOneChangedCharacter) {
  EXPECT_FALSE(iban_valid("GB82 WEST 1234 5698 7654 33"));
  EXPECT_FALSE(iban_valid("DE88 3704 0044 0532 0130 00"));
  EXPECT_FALSE(iban_valid("gb82 west 1234 5698 7654 32"));  // lower case is not matched
  EXPECT_FALSE(iban_valid("GB82"));
}

TEST(Ssn, FollowsTheSsaRanges) {
  EXPECT_TRUE(ssn_valid("078-05-1120"));
  EXPECT_TRUE(ssn_valid("123-45-6789"));
  EXPECT_FALSE(ssn_valid("000-12-3456"));  // area 000
  EXPECT_FALSE(ssn_valid("666-12-3456"));  // area 666
  EXPECT_FALSE(ssn_valid("912-34-5678"));  // area 9xx
  EXPECT_FALSE(ssn_valid("123-00-4567"));  // group 00
  EXPECT_FALSE(ssn_valid("123-45-0000"));  // serial 0000
  EXPECT_FALSE(ssn_valid("123456789"));
}

TEST(PiiMasker, KeepsTheLastFourDigitsOfACardAndItsSeparators) {
  auto r = mask_pii("Card 4111 1111 1111 1111 exp 12/26", only(PiiKind::kCard)).value();
  EXPECT_EQ(r.text, "Card **** **** **** 1111 exp 12/26");
  EXPECT_EQ(r.count(PiiKind::kCard), 1);
  r = mask_pii("mc 5500-0055-5555-5559; amex 378282246310005").value();
  EXPECT_EQ(r.text, "mc ****-****-****-5559; amex ***********0005");
  EXPECT_EQ(r.count(PiiKind::kCard), 2);
}

TEST(PiiMasker, LeavesALuhnInvalidNumberAlone) {
  auto r = mask_pii("ref 4111111111111112", only(PiiKind::kCard)).value();
  EXPECT_EQ(r.text, "ref 4111111111111112");
  EXPECT_EQ(r.total(), 0);
}

TEST(PiiMasker, MasksEmailAddresses) {
  auto r = mask_pii("write to Jane.Doe+billing@example.co.uk today, cc ops@x.io").value();
  EXPECT_EQ(r.text, "write to [EMAIL] today, cc [EMAIL]");
  EXPECT_EQ(r.count(PiiKind::kEmail), 2);
}

TEST(PiiMasker, MasksValidIbansOnlyAndStopsBeforeAFollowingWord) {
  auto r = mask_pii("IBAN GB82 WEST 1234 5698 7654 32.", only(PiiKind::kIban)).value();
  EXPECT_EQ(r.text, "IBAN [IBAN].");
  r = mask_pii("DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX", only(PiiKind::kIban)).value();
  EXPECT_EQ(r.text, "[IBAN] BIC COBADEFFXXX");
  r = mask_pii("IBAN GB82 WEST 1234 5698 7654 33", only(PiiKind::kIban)).value();
  EXPECT_EQ(r.text, "IBAN GB82 WEST 1234 5698 7654 33");
  EXPECT_EQ(r.total(), 0);
}

TEST(PiiMasker, MasksIssuableSsnsOnly) {
  auto r = mask_pii("SSN 078-05-1120, not 000-12-3456 666-12-3456 912-34-5678 123-00-4567 123-45-0000",
                    only(PiiKind::kSsn))
               .value();
  EXPECT_EQ(r.text, "SSN [SSN], not 000-12-3456 666-12-3456 912-34-5678 123-00-4567 123-45-0000");
  EXPECT_EQ(r.count(PiiKind::kSsn), 1);
}

TEST(PiiMasker, AKindThatIsOffIsNotMaskedEvenWhenAnotherAlternativeFindsIt) {
  // With SSNs off the phone prefilter still sees 078-05-1120 (9 digits), and
  // libphonenumber does not take it as a US number (NANP numbers have 10).
  MaskOptions no_ssn;
  no_ssn.ssns = false;
  auto r = mask_pii("SSN 078-05-1120", no_ssn).value();
  EXPECT_EQ(r.text, "SSN 078-05-1120");
  EXPECT_EQ(r.total(), 0);
}

TEST(PiiMasker, MasksPhoneNumbersInTheDefaultRegionAndInternationalForm) {
  // +1 202-456-1111 is the White House switchboard; 020 7946 0958 is in
  // Ofcom's London range set aside for drama (valid in form).
  auto r = mask_pii("call me on (202) 456-1111 or +44 20 7946 0958 tomorrow").value();
  EXPECT_EQ(r.text, "call me on [PHONE] or [PHONE] tomorrow");
  EXPECT_EQ(r.count(PiiKind::kPhone), 2);
  MaskOptions gb;
  gb.default_region = "GB";
  r = mask_pii("ring 020 7946 0958", gb).value();
  EXPECT_EQ(r.text, "ring [PHONE]");
}

TEST(PiiMasker, LeavesOrdinaryNumbersAndDatesAlone) {
  const std::string text = "Customer asked about order 12345 delivered on 2024-03-01, refund 49.99 USD.";
  auto r = mask_pii(text).value();
  EXPECT_EQ(r.text, text);
  EXPECT_TRUE(r.spans.empty());
}

TEST(PiiMasker, ReportsSpansAsOffsetsIntoTheInput) {
  // "a@b.io" is bytes [0, 6); the card starts after the space at 7 and has 16 digits.
  auto r = mask_pii("a@b.io 4111111111111111 end").value();
  ASSERT_EQ(r.spans.size(), 2u);
  EXPECT_EQ(r.spans[0], (PiiSpan{PiiKind::kEmail, 0, 6}));
  EXPECT_EQ(r.spans[1], (PiiSpan{PiiKind::kCard, 7, 23}));
}

TEST(PiiMasker, MaskingTwiceChangesNothingMore) {
  const std::string text =
      "Jane (jane@example.com, +1 202-456-1111) paid with 4111-1111-1111-1111 from GB82WEST12345698765432, "
      "SSN 078-05-1120.";
  auto masker = PiiMasker::create().value();
  auto once = masker.mask(text);
  EXPECT_EQ(once.total(), 5);
  for (auto kind : kAllPiiKinds) EXPECT_EQ(once.count(kind), 1) << to_string(kind);
  auto twice = masker.mask(once.text);
  EXPECT_EQ(twice.text, once.text);
  EXPECT_EQ(twice.total(), 0);
  std::string out;
  EXPECT_EQ(masker.mask_into(text, out), 5);
  EXPECT_EQ(out, once.text);
}

TEST(PiiMasker, ArbitraryBytesOnlyChangeInsideReportedSpans) {
  // Property: outside the spans the output is the input, byte for byte, and
  // the spans are ordered, disjoint and inside the text. Seeded random bytes
  // biased toward digits, separators and '@' so that candidates occur.
  std::mt19937 rng(7);
  const std::string alphabet = "0123456789 -+().@abcXYZ\xff\n";
  auto masker = PiiMasker::create().value();
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const auto len = rng() % 300;
    for (std::size_t i = 0; i < len; ++i) {
      text += rng() % 8 == 0 ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
    }
    auto r = masker.mask(text);
    std::size_t in = 0;
    std::size_t out = 0;
    for (const auto& span : r.spans) {
      ASSERT_LE(in, span.begin);
      ASSERT_LT(span.begin, span.end);
      ASSERT_LE(span.end, text.size());
      const auto plain = span.begin - in;
      ASSERT_EQ(r.text.substr(out, plain), text.substr(in, plain));
      out += plain;
      // Skip the replacement: a card keeps its length, the others are tags.
      const auto tag = span.kind == PiiKind::kCard ? span.end - span.begin
                                                   : fmt::format("[{}]", to_string(span.kind)).size();
      out += tag;
      in = span.end;
    }
    EXPECT_EQ(r.text.substr(out), text.substr(in));
  }
}

TEST(PiiMasker, RejectsAnUnknownRegionAndAnEmptySelection) {
  MaskOptions bad;
  bad.default_region = "XX";
  auto r = PiiMasker::create(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "default_region");
  EXPECT_EQ(r.error().value, "XX");
  MaskOptions none{.cards = false, .emails = false, .phones = false, .ibans = false, .ssns = false};
  EXPECT_EQ(PiiMasker::create(none).error().field, "options");
}

TEST(PiiMasker, NotesAreMaskedBeforeTheStoreSeesThem) {
  auto store = Store::open_in_memory().value();
  ASSERT_TRUE(store.put_queue(testing::make_queue(1)).ok());
  auto x = testing::make_interaction(1);
  x.notes = "Paid by 4111 1111 1111 1111, receipt to jane@example.com";
  auto masker = PiiMasker::create().value();
  EXPECT_EQ(mask_interaction_notes(x, masker), 2);
  auto id = store.insert_interaction(x).value();
  const auto stored = store.get_interaction(id).value();
  EXPECT_EQ(stored.notes, "Paid by **** **** **** 1111, receipt to [EMAIL]");
  EXPECT_EQ(stored.notes.find("4111 1111 1111 1111"), std::string::npos);
}

// Phone-number edge cases. Validity facts are libphonenumber's metadata
// (8.12) as published: +44 20 7946 xxxx is Ofcom's drama range in London
// (valid), UK numbers never start 010 (possible length, not valid); NANP
// area codes and exchanges start with 2-9 (NANPA), so 123-456-7890 is not a
// North American number.
MaskOptions phones_only(std::string region = "US", PhoneCheck check = PhoneCheck::kFast) {
  auto o = only(PiiKind::kPhone);
  o.default_region = std::move(region);
  o.phone_check = check;
  return o;
}

TEST(PiiPhones, DatesAreNeverPhoneNumbers) {
  // 01.03.2024 would be a possible German number (0 trunk prefix + 7
  // digits), which is why dates are recognised by shape first.
  const std::string text = "on 2024-03-01, 01.03.2024 and 03-01-2024 at 10:30";
  EXPECT_EQ(mask_pii(text, phones_only("US")).value().text, text);
  EXPECT_EQ(mask_pii(text, phones_only("DE")).value().text, text);
  EXPECT_EQ(mask_pii(text, phones_only("GB")).value().text, text);
}

TEST(PiiPhones, OrderNumbersAndAmountsAreLeftAlone) {
  // 1234567890 and 123-456-7890: area code 123 breaks the NANP shape (and
  // libphonenumber IsValidNumber agrees); 12345678: 8 digits is no US
  // length; 1.234.567: 7 digits is a US local-only length, not a full number.
  const std::string text =
      "order 1234567890, ref 123-456-7890, ticket 12345678, total 1.234.567 USD, $12,345,678.90";
  const auto r = mask_pii(text, phones_only()).value();
  EXPECT_EQ(r.text, text);
  EXPECT_EQ(r.total(), 0);
}

TEST(PiiPhones, ALuhnInvalidCardNumberIsNotTakenForAPhone) {
  // 16 digits in groups of four: no sub-span has a US length (10 or 11).
  const std::string text = "card 4111 1111 1111 1112 declined";
  EXPECT_EQ(mask_pii(text).value().text, text);
}

TEST(PiiPhones, InternationalFormsAreFoundWhateverTheDefaultRegion) {
  auto r = mask_pii("Paris +33 1 42 68 53 00, Berlin +49 30 901820, London +44 20 7946 0958.", phones_only())
               .value();
  EXPECT_EQ(r.text, "Paris [PHONE], Berlin [PHONE], London [PHONE].");
  EXPECT_EQ(r.count(PiiKind::kPhone), 3);
  // Dialled from the US with the 011 international prefix, and from the UK
  // with 00: both go through libphonenumber's parser.
  EXPECT_EQ(mask_pii("dial 011 44 20 7946 0958", phones_only("US")).value().text, "dial [PHONE]");
  EXPECT_EQ(mask_pii("dial 00 1 202 456 1111", phones_only("GB")).value().text, "dial [PHONE]");
}

TEST(PiiPhones, AnExtensionIsMaskedWithItsNumber) {
  auto r = mask_pii("call (202) 456-1111 ext. 204 today, or 202-456-1111 x12", phones_only()).value();
  EXPECT_EQ(r.text, "call [PHONE] today, or [PHONE]");
  // "(202) 456-1111 ext. 204" is bytes [5, 28): 5 + 14 for the number, + 9.
  ASSERT_EQ(r.spans.size(), 2u);
  EXPECT_EQ(r.spans[0], (PiiSpan{PiiKind::kPhone, 5, 28}));
}

TEST(PiiPhones, NumbersRunTogetherOrAfterAnotherNumberAreFoundInside) {
  EXPECT_EQ(mask_pii("202-456-1111 202-456-1414", phones_only()).value().text, "[PHONE] [PHONE]");
  EXPECT_EQ(mask_pii("order 12345 (202) 456-1111", phones_only()).value().text, "order 12345 [PHONE]");
  // The scan stops at the last digit, so the opening parenthesis is unmatched
  // and stays outside the mask.
  EXPECT_EQ(mask_pii("(202-456-1111) and (call 202-456-1111)", phones_only()).value().text,
            "([PHONE]) and (call [PHONE])");
}

TEST(PiiPhones, LocalSevenDigitNumbersAreNotMasked) {
  // 456-1111 is dialable only inside its area code: IS_POSSIBLE_LOCAL_ONLY,
  // which names no subscriber on its own (same as the VALID matcher before).
  const std::string text = "dial 456-1111";
  EXPECT_EQ(mask_pii(text, phones_only()).value().text, text);
}

TEST(PiiPhones, ABareDigitRunNeedsAValidNumberEvenInFastMode) {
  // 2024561111 is the White House switchboard in bare form: valid.
  EXPECT_EQ(mask_pii("call 2024561111", phones_only()).value().text, "call [PHONE]");
  // 9992345678: possible length, but area code 999 is not assigned.
  EXPECT_EQ(mask_pii("id 9992345678", phones_only()).value().text, "id 9992345678");
}

TEST(PiiPhones, ValidModeAlsoChecksFormattedNumbersAgainstTheMetadata) {
  // +44 10 7946 0958 has a UK length but no UK number starts 010.
  const std::string text = "+44 10 7946 0958 or +44 20 7946 0958";
  EXPECT_EQ(mask_pii(text, phones_only("US", PhoneCheck::kFast)).value().text, "[PHONE] or [PHONE]");
  EXPECT_EQ(mask_pii(text, phones_only("US", PhoneCheck::kValid)).value().text,
            "+44 10 7946 0958 or [PHONE]");
}

TEST(PiiPhones, ANationalNumberIsReadInTheDefaultRegion) {
  // 020 7946 0958 is London with the UK trunk prefix 0; read as US it is a
  // 10-digit number starting 0, which NANP never issues.
  EXPECT_EQ(mask_pii("ring 020 7946 0958", phones_only("GB")).value().text, "ring [PHONE]");
  EXPECT_EQ(mask_pii("ring 020 7946 0958", phones_only("US")).value().text, "ring 020 7946 0958");
  EXPECT_EQ(mask_pii("ring 1 (202) 456-1111", phones_only("US")).value().text, "ring [PHONE]");
}

}  // namespace
}  // namespace backoffice
