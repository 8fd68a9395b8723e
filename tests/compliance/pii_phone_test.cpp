// The phone-candidate scanner against an independent reference: RE2 running
// the regular expression that pii_phone.hpp says the scanner implements, on
// seeded random texts over the characters that matter.
#include "compliance/pii_phone.hpp"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <random>
#include <string>

namespace backoffice::detail {
namespace {

TEST(PhoneRunScanner, FindsWhatTheDocumentedExpressionFinds) {
  const RE2 re(R"(\+?\(?[0-9](?:[ ().\-]{0,2}[0-9]){6,}(?: ?(?:[Ee][Xx][Tt]\.?|[Xx]|#) ?[0-9]{1,6}\b)?)");
  ASSERT_TRUE(re.ok());
  std::mt19937 rng(11);
  const std::string alphabet = "0123456789012345678901234567890123456789 ().-+xXeEtT#a_";
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const auto len = rng() % 40;
    for (std::size_t i = 0; i < len; ++i) text += alphabet[rng() % alphabet.size()];
    re2::StringPiece m;
    const bool found = re.Match(text, 0, text.size(), RE2::UNANCHORED, &m, 1);
    const auto run = next_phone_run(text, 0, text.size());
    if (!found) {
      EXPECT_EQ(run.begin, run.end) << "'" << text << "'";
      continue;
    }
    const auto begin = static_cast<std::size_t>(m.data() - text.data());
    EXPECT_EQ(run.begin, begin) << "'" << text << "'";
    EXPECT_EQ(run.end, begin + m.size()) << "'" << text << "'";
  }
}

TEST(PhoneRunScanner, FindsTheFirstDigitOrAtSignAcrossWordBoundaries) {
  // Every length 0..40 and every position, so both the eight-byte steps and
  // the byte-wise tail are covered; 0x80+ bytes must not be mistaken.
  for (std::size_t len = 0; len <= 40; ++len) {
    for (std::size_t at = 0; at <= len; ++at) {
      for (char c : {'0', '9', '@'}) {
        std::string text(len, '\xb9');  // 0xB9 ^ '0' = 0x89: high bit set
        for (std::size_t i = 0; i < len; i += 3) text[i] = 'z';
        if (at < len) text[at] = c;
        EXPECT_EQ(find_digit_or_at(text, 0, len), at) << len << " " << at;
      }
    }
  }
  EXPECT_EQ(find_digit_or_at("ab/:?AZ", 0, 7), 7u);  // the neighbours of '0'-'9' and '@'
}

}  // namespace
}  // namespace backoffice::detail
