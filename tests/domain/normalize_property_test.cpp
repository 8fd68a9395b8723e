#include <backoffice/domain/email.hpp>
#include <backoffice/domain/phone.hpp>

#include <gtest/gtest.h>

#include <random>
#include <regex>
#include <string>

using namespace backoffice;

namespace {

// An independent statement of the documented e-mail grammar (docs/domain.md,
// RFC 5322 dot-atom local part, RFC 1035 host name labels), written as a
// regular expression plus the length rules, to check the hand-written
// scanner against.
bool reference_accepts(std::string text) {
  const auto ws = std::string(" \t\r\n\f\v");
  const auto first = text.find_first_not_of(ws);
  if (first == std::string::npos) return false;
  text = text.substr(first, text.find_last_not_of(ws) - first + 1);
  static const std::regex grammar(
      R"(([A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)@)"
      R"(((([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)\.)+([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)))");
  std::smatch m;
  if (!std::regex_match(text, m, grammar)) return false;
  const std::string local = m[1], domain = m[3], tld = m[7];
  if (text.size() > 254 || local.size() > 64 || domain.size() > 253) return false;
  return tld.find_first_not_of("0123456789") != std::string::npos;
}

// Mostly address-shaped text: safe pieces most of the time and, now and
// then, one of the characters that matter to the grammar, so that both
// accepted and rejected cases are common.
std::string random_address(std::mt19937_64& rng) {
  static const std::string safe[] = {"a", "Z", "9", "x.y", "example", "com", "ab-cd", "_", "+", "'", "1"};
  static const std::string risky[] = {"-", ".", "@", " ", "\"", "(", "\xc3\xa9", "..", "-.", ".-", "[", "\t"};
  auto chunk = [&] {
    std::string s;
    for (int k = static_cast<int>(rng() % 5); k >= 0; --k) {
      s += rng() % 12 == 0 ? risky[rng() % std::size(risky)] : safe[rng() % std::size(safe)];
    }
    return s;
  };
  std::string out = chunk();
  if (rng() % 8 != 0) out += "@" + chunk() + (rng() % 2 ? ".com" : "." + chunk());
  if (rng() % 16 == 0) out = std::string(rng() % 80, 'a') + out + std::string(rng() % 200, 'b');
  return out;
}

}  // namespace

TEST(NormalizeEmail, AgreesWithARegexOfTheDocumentedGrammarOnRandomText) {
  std::mt19937_64 rng(20240301);  // fixed seed: failures reproduce
  int accepted = 0;
  for (int n = 0; n < 20000; ++n) {
    const std::string raw = random_address(rng);
    auto r = normalize_email(raw);
    ASSERT_EQ(r.ok(), reference_accepts(raw)) << "'" << raw << "'";
    if (!r.ok()) continue;
    ++accepted;
    // Normalised text is a fixed point and its domain is lower-case.
    EXPECT_EQ(normalize_email(*r).value(), *r);
    const std::string domain = r->substr(r->rfind('@') + 1);
    EXPECT_EQ(domain.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), std::string::npos) << *r;
  }
  // The generator must exercise both outcomes for the comparison to mean anything.
  EXPECT_GT(accepted, 1000);
  EXPECT_LT(accepted, 19000);
}

TEST(NormalizePhone, AcceptedNumbersAreE164FixedPointsOnRandomText) {
  std::mt19937_64 rng(20240302);
  static const char* const regions[] = {"US", "GB", "DE", "IN", "BR", "JP", ""};
  static const std::string punctuation = " -.()+x";
  const std::regex e164(R"(\+[1-9][0-9]{1,14})");  // ITU-T E.164: at most 15 digits
  int accepted = 0;
  for (int n = 0; n < 5000; ++n) {
    std::string raw;
    const int length = static_cast<int>(rng() % 16);
    if (rng() % 3 == 0) raw += '+';
    for (int k = 0; k < length; ++k) {
      raw += rng() % 5 == 0 ? punctuation[rng() % punctuation.size()] : static_cast<char>('0' + rng() % 10);
    }
    const char* region = regions[rng() % std::size(regions)];
    auto r = normalize_phone(raw, region);
    if (!r.ok()) {
      EXPECT_EQ(r.error().field, "phone");
      continue;
    }
    ++accepted;
    EXPECT_TRUE(std::regex_match(*r, e164)) << raw << " -> " << *r;
    EXPECT_EQ(normalize_phone(*r, "").value(), *r) << raw;
  }
  EXPECT_GT(accepted, 50);
}
