#include <backoffice/store/store.hpp>

#include "store/store_fixtures.hpp"

#include <gtest/gtest.h>

using namespace backoffice;
using namespace backoffice::testing;

// Expected values: the records written are the reference.
TEST(StoreCustomerIngest, CustomersRoundTripAndAreListedById) {
  auto store = Store::open_in_memory().value();
  std::vector<Customer> rows = {make_customer(3), make_customer(1), make_customer(2)};
  rows[1].emails.push_back("second@example.org");
  rows[2].phones.push_back("+442079460018");  // a GB number (libphonenumber's own tests use it)
  auto report = store.ingest_customers(rows).value();
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report.rows_written, 3u);
  EXPECT_EQ(store.customers().value(), (std::vector<Customer>{rows[1], rows[2], rows[0]}));
}

TEST(StoreCustomerIngest, BadRowsAreReportedAndAllOrNothingWritesNone) {
  auto store = Store::open_in_memory().value();
  ASSERT_TRUE(store.put_customer(make_customer(2)).ok());
  std::vector<Customer> rows = {make_customer(1), make_customer(2), make_customer(3), make_customer(4)};
  rows[2].phones = {"12024561111"};  // not E.164 (no '+')
  auto strict = store.ingest_customers(rows).value();
  ASSERT_EQ(strict.errors.size(), 1u);
  EXPECT_EQ(strict.errors[0].row, 2u);
  EXPECT_EQ(strict.errors[0].field, "customer.phones[0]");
  EXPECT_EQ(strict.errors[0].value, "12024561111");
  EXPECT_EQ(store.count("customers").value(), 1);

  auto lenient = store.ingest_customers(rows, IngestMode::kAcceptValid).value();
  ASSERT_EQ(lenient.errors.size(), 2u);
  EXPECT_EQ(lenient.errors[0], (RowError{1, "customer.id", "2", "a customer with this id exists"}));
  EXPECT_EQ(lenient.errors[1].row, 2u);
  EXPECT_EQ(lenient.rows_written, 2u);
  EXPECT_EQ(store.count("customers").value(), 3);
  EXPECT_EQ(store.get_customer(CustomerId(4)).value(), rows[3]);
}
