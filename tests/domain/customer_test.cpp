#include <backoffice/domain/customer.hpp>

#include "domain/support.hpp"

#include <gtest/gtest.h>

using namespace backoffice;
using backoffice::testing::at;
using backoffice::testing::fails_on;
using backoffice::testing::passes;

namespace {

Customer valid_customer() {
  Customer c;
  c.id = CustomerId{42};
  c.name = "Ada Lovelace";
  c.emails = {"ada@example.com", "Ada.L@example.org"};
  c.phones = {"+442079460018"};
  c.address = Address{"12 St James's Square", "", "London", "", "SW1Y 4JH", "GB"};
  c.consent.marketing_email = true;
  c.created_at = at("2024-01-05T10:00:00Z");
  c.updated_at = at("2024-02-01T08:30:00Z");
  return c;
}

}  // namespace

TEST(Customer, AValidCustomerPasses) {
  EXPECT_TRUE(passes(valid_customer().validate()));
  Customer minimal;
  minimal.name = "B";
  EXPECT_TRUE(passes(minimal.validate()));  // no contact details, no address, equal instants
}

TEST(Customer, AddEmailAndAddPhoneStoreTheNormalisedFormOnce) {
  Customer c = valid_customer();
  c.emails.clear();
  c.phones.clear();
  ASSERT_TRUE(c.add_email(" Bob@Example.COM ").ok());
  ASSERT_TRUE(c.add_email("Bob@example.com").ok());  // the same address once normalised
  ASSERT_TRUE(c.add_phone("(202) 456-1111", "US").ok());
  ASSERT_TRUE(c.add_phone("+1 202 456 1111", "GB").ok());
  EXPECT_EQ(c.emails, (std::vector<std::string>{"Bob@example.com"}));
  EXPECT_EQ(c.phones, (std::vector<std::string>{"+12024561111"}));
  EXPECT_TRUE(passes(c.validate()));

  auto bad = c.add_phone("123", "US");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "phone");
  EXPECT_EQ(c.phones.size(), 1u);
}

TEST(Customer, ANameMustNotBeBlank) {
  Customer c = valid_customer();
  c.name = " \t";
  EXPECT_TRUE(fails_on(c.validate(), "customer.name", " \t"));
}

TEST(Customer, EmailsMustBeValidNormalisedAndDistinct) {
  Customer c = valid_customer();
  c.emails[1] = "not-an-address";
  EXPECT_TRUE(fails_on(c.validate(), "customer.emails[1]", "not-an-address"));
  c.emails[1] = "Ada.L@Example.org";  // valid, but the domain is not lower-cased
  EXPECT_TRUE(fails_on(c.validate(), "customer.emails[1]", "Ada.L@Example.org"));
  c.emails[1] = "ada@example.com";
  EXPECT_TRUE(fails_on(c.validate(), "customer.emails[1]", "ada@example.com"));
}

TEST(Customer, PhonesMustBeValidE164AndDistinct) {
  Customer c = valid_customer();
  c.phones = {"020 7946 0018"};  // a valid GB number, but not in E.164 form
  EXPECT_TRUE(fails_on(c.validate(), "customer.phones[0]", "020 7946 0018"));
  c.phones = {"+10004561111"};  // E.164 shape, but NANP area code 000 does not exist
  EXPECT_TRUE(fails_on(c.validate(), "customer.phones[0]", "+10004561111"));
  c.phones = {"+442079460018", "+12024561111", "+442079460018"};
  EXPECT_TRUE(fails_on(c.validate(), "customer.phones[2]", "+442079460018"));
}

TEST(Customer, TheCountryIsAnUpperCaseAlpha2Code) {
  Customer c = valid_customer();
  c.address.country = "GBR";
  EXPECT_TRUE(fails_on(c.validate(), "customer.address.country", "GBR"));
  c.address.country = "gb";
  EXPECT_TRUE(fails_on(c.validate(), "customer.address.country", "gb"));
  c.address = Address{};
  EXPECT_TRUE(c.address.empty());
  EXPECT_TRUE(passes(c.validate()));
}

TEST(Customer, UpdatedAtMustNotPrecedeCreatedAt) {
  Customer c = valid_customer();
  c.updated_at = at("2024-01-05T09:59:59.999Z");
  EXPECT_TRUE(fails_on(c.validate(), "customer.updated_at", "2024-01-05T09:59:59.999Z"));
}

TEST(Customer, IsARegularValueTypeThatPrintsWithoutPii) {
  const Customer a = valid_customer();
  Customer b = a;
  EXPECT_EQ(a, b);
  b.consent.call_recording = true;
  EXPECT_NE(a, b);
  const std::string text = fmt::format("{}", a);
  EXPECT_EQ(text, "customer 42 (2 e-mails, 1 phone)");
  EXPECT_EQ(text.find("Ada"), std::string::npos);
}
