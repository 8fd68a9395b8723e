#include <backoffice/domain/phone.hpp>

#include <gtest/gtest.h>

using namespace backoffice;

namespace {

std::string e164(std::string_view raw, std::string_view region) {
  auto r = normalize_phone(raw, region);
  EXPECT_TRUE(r.ok()) << raw << " in " << region << ": " << r.error().to_string();
  return r.ok() ? *r : std::string();
}

void expect_rejected(std::string_view raw, std::string_view region) {
  auto r = normalize_phone(raw, region);
  ASSERT_FALSE(r.ok()) << raw << " in " << region << " gave " << *r;
  EXPECT_EQ(r.error().code, ErrorCode::kParse) << raw;
  EXPECT_EQ(r.error().field, "phone");
  EXPECT_EQ(r.error().value, raw);
  EXPECT_FALSE(r.error().message.empty());
}

}  // namespace

// E.164 form is '+', the country calling code and the national significant
// number (ITU-T E.164). Expected values are derived by hand from the
// numbering plans, not from libphonenumber.
TEST(NormalizePhone, WritesAUsNationalNumberInE164) {
  // NANP: country code 1, NSN = 3-digit area code + 7-digit number.
  EXPECT_EQ(e164("(202) 456-1111", "US"), "+12024561111");
  EXPECT_EQ(e164("202.456.1111", "US"), "+12024561111");
  EXPECT_EQ(e164("1 202 456 1111", "US"), "+12024561111");  // leading NANP trunk prefix 1
}

TEST(NormalizePhone, DropsTheGbTrunkPrefix) {
  // Ofcom: national numbers are dialled with the trunk prefix 0, which is
  // not part of the NSN; GB's country code is 44.
  EXPECT_EQ(e164("020 7946 0018", "GB"), "+442079460018");
  EXPECT_EQ(e164("(020) 7946-0018", "gb"), "+442079460018");  // region case ignored
}

TEST(NormalizePhone, TextWithItsOwnCountryOverridesTheDefaultRegion) {
  EXPECT_EQ(e164("+44 20 7946 0018", "US"), "+442079460018");
  // International dialling prefixes: 011 from the US (NANP), 00 from GB.
  EXPECT_EQ(e164("011 44 20 7946 0018", "US"), "+442079460018");
  EXPECT_EQ(e164("00 1 202 456 1111", "GB"), "+12024561111");
  // Without a default region the text must carry its country.
  EXPECT_EQ(e164("+1 202-456-1111", ""), "+12024561111");
  EXPECT_EQ(e164("+12024561111", "ZZ"), "+12024561111");
}

TEST(NormalizePhone, TranslatesVanityLetters) {
  // ITU-T E.161 keypad: F=3 L=5 O=6 W=9 E=3 R=7 S=7, so FLOWERS = 356 9377.
  EXPECT_EQ(e164("1-800-FLOWERS", "US"), "+18003569377");
}

TEST(NormalizePhone, RejectsTextThatIsNotAValidNumber) {
  expect_rejected("", "US");
  expect_rejected("not a phone", "US");
  expect_rejected("123", "US");                      // far too short for a 10-digit NANP number
  expect_rejected("(000) 456-1111", "US");           // NANP area codes never start with 0 or 1
  expect_rejected("(202) 456-111", "US");            // 9 digits
  expect_rejected("+999 1234567", "US");             // 999 is not an assigned country code (ITU-T E.164 list)
  expect_rejected("202 456 1111", "");               // no country and no default region
  expect_rejected("+1 202 456 1111 ext. 12", "US");  // E.164 has no extensions
  // 2 + 14 = 16 digits: over E.164's limit of 15 (ITU-T E.164 6.1), though
  // libphonenumber's German metadata allows the length.
  expect_rejected("+49 87302030138354", "DE");
}

TEST(NormalizePhone, AnUnknownDefaultRegionIsAnInvalidArgument) {
  // "XX" is an ISO 3166 user-assigned code, never a country.
  auto r = normalize_phone("202 456 1111", "XX");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field, "default_region");
  EXPECT_EQ(r.error().value, "XX");
}

TEST(NormalizePhone, IsIdempotent) {
  // A stored E.164 number must read back as itself (Customer::validate relies on it).
  for (const char* n : {"+12024561111", "+442079460018", "+18003569377"}) {
    EXPECT_EQ(e164(n, ""), n);
  }
}
