#include <backoffice/domain/email.hpp>

#include <gtest/gtest.h>

#include <string>

using namespace backoffice;

namespace {

std::string normal(std::string_view raw) {
  auto r = normalize_email(raw);
  EXPECT_TRUE(r.ok()) << raw << ": " << r.error().to_string();
  return r.ok() ? *r : std::string();
}

void expect_rejected(std::string_view raw) {
  auto r = normalize_email(raw);
  ASSERT_FALSE(r.ok()) << "'" << raw << "' was accepted as " << *r;
  EXPECT_EQ(r.error().code, ErrorCode::kParse);
  EXPECT_EQ(r.error().field, "email");
  EXPECT_EQ(r.error().value, raw);
  EXPECT_FALSE(r.error().message.empty());
}

}  // namespace

TEST(NormalizeEmail, LowerCasesTheDomainAndKeepsTheLocalPart) {
  // RFC 5321 2.4: domains are case-insensitive, local parts may not be.
  EXPECT_EQ(normal("Ada.Lovelace@Example.COM"), "Ada.Lovelace@example.com");
  EXPECT_EQ(normal("  bob@example.org \n"), "bob@example.org");
}

TEST(NormalizeEmail, AcceptsTheDotAtomExamplesOfRfc3696) {
  // RFC 3696 section 3 lists these as valid unquoted addresses.
  EXPECT_EQ(normal("customer/department=shipping@example.com"), "customer/department=shipping@example.com");
  EXPECT_EQ(normal("$A12345@example.com"), "$A12345@example.com");
  EXPECT_EQ(normal("!def!xyz%abc@example.com"), "!def!xyz%abc@example.com");
  EXPECT_EQ(normal("_somename@example.com"), "_somename@example.com");
  // Every atext character of RFC 5322 3.2.3.
  EXPECT_EQ(normal("a!#$%&'*+-/=?^_`{|}~z@example.com"), "a!#$%&'*+-/=?^_`{|}~z@example.com");
  EXPECT_EQ(normal("o'brien+tag@mail.example.co.uk"), "o'brien+tag@mail.example.co.uk");
  EXPECT_EQ(normal("user@xn--bcher-kva.example"), "user@xn--bcher-kva.example");  // IDNA A-label
}

TEST(NormalizeEmail, AcceptsPartsAtTheirLengthLimits) {
  // RFC 5321 4.5.3.1: local part <= 64 octets; RFC 1035: label <= 63.
  const std::string local64(64, 'a');
  const std::string label63(63, 'b');
  EXPECT_EQ(normal(local64 + "@example.com"), local64 + "@example.com");
  EXPECT_EQ(normal("x@" + label63 + ".com"), "x@" + label63 + ".com");
}

TEST(NormalizeEmail, RejectsAddressesOutsideTheSubset) {
  expect_rejected("");
  expect_rejected("   ");
  expect_rejected("plainaddress");
  expect_rejected("a@b@example.com");
  expect_rejected("@example.com");
  expect_rejected("user@");
  expect_rejected(".leading@example.com");
  expect_rejected("trailing.@example.com");
  expect_rejected("two..dots@example.com");
  expect_rejected("us er@example.com");
  expect_rejected("\"quoted\"@example.com");
  expect_rejected("user(comment)@example.com");
  expect_rejected("user@localhost");
  expect_rejected("user@-example.com");
  expect_rejected("user@example-.com");
  expect_rejected("user@example..com");
  expect_rejected("user@.example.com");
  expect_rejected("user@example.com.");
  expect_rejected("user@exa_mple.com");
  expect_rejected("user@[192.0.2.1]");
  expect_rejected("user@192.0.2.1");             // all-digit top-level label
  expect_rejected("j\xc3\xbcrgen@example.com");  // "jürgen": RFC 6531 is out of the subset
}

TEST(NormalizeEmail, RejectsPartsBeyondTheirLengthLimits) {
  expect_rejected(std::string(65, 'a') + "@example.com");
  expect_rejected("x@" + std::string(64, 'b') + ".com");
  // 254 octets is the most an address may have (RFC 5321 path of 256 less
  // the angle brackets): 64 + 1 + 190 = 255.
  std::string domain190 =
      std::string(63, 'c') + "." + std::string(63, 'd') + "." + std::string(58, 'e') + ".com";
  ASSERT_EQ(domain190.size(), 190u);
  expect_rejected(std::string(64, 'a') + "@" + domain190);
  EXPECT_EQ(normal(std::string(63, 'a') + "@" + domain190).size(), 254u);
}

TEST(NormalizeEmail, IsIdempotent) {
  const std::string once = normal("Mixed.Case+tag@Sub.Example.ORG");
  EXPECT_EQ(normal(once), once);
}
