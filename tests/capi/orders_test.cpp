// Orders, returns, refunds and receivables ageing through the C header only.
// The order: 3 x SKU-A @ 10.00 and 1 x SKU-B @ 30.00 (subtotal 60.00),
// shipping 5.00, tax 6.00: total 71.00 USD.

#include <backoffice/backoffice.h>

#include "table_access.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

int64_t ms(const char* text) {
  int64_t out = 0;
  EXPECT_EQ(bo_instant_parse(&out, text, nullptr), BO_OK) << text;
  return out;
}

struct Order {
  bo_order_t* o = nullptr;
  Order() {
    const char* skus[] = {"SKU-A", "SKU-B"};
    const int64_t qty[] = {3, 1};
    const int64_t price[] = {1000, 3000};
    EXPECT_EQ(bo_order_create(&o, 7, 42, "USD", 2, skus, qty, price, 500, 600, ms("2024-03-01T09:00:00Z"), 1),
              BO_OK)
        << bo_last_error();
  }
  ~Order() { bo_order_destroy(o); }
  std::string status() const {
    const char* s = nullptr;
    EXPECT_EQ(bo_order_status(&s, o), BO_OK);
    return s == nullptr ? "" : s;
  }
  void deliver() {
    int32_t passed = 0;
    ASSERT_EQ(
        bo_order_verify(&passed, nullptr, nullptr, o, 1, 1, 0, nullptr, ms("2024-03-01T09:05:00Z"), nullptr),
        BO_OK);
    ASSERT_EQ(passed, 1);
    ASSERT_EQ(bo_order_start_fulfilment(o, ms("2024-03-01T12:00:00Z"), "warehouse"), BO_OK);
    ASSERT_EQ(bo_order_ship(o, "UPS", "1Z999", ms("2024-03-02T08:00:00Z"), "warehouse"), BO_OK);
    ASSERT_EQ(bo_order_deliver(o, ms("2024-03-04T15:30:00Z"), nullptr), BO_OK);
  }
};

}  // namespace

TEST(COrders, FailedVerificationReturnsEveryReason) {
  Order order;
  int32_t passed = 1;
  char* reasons = nullptr;
  size_t len = 0;
  const char* out_of_stock[] = {"SKU-B"};
  ASSERT_EQ(bo_order_verify(&passed, &reasons, &len, order.o, 0, 1, 1, out_of_stock,
                            ms("2024-03-01T09:05:00Z"), "fraud-bot"),
            BO_OK);
  EXPECT_EQ(passed, 0);
  EXPECT_STREQ(reasons, "address missing; out of stock: SKU-B");
  EXPECT_EQ(len, std::string("address missing; out of stock: SKU-B").size());
  bo_free(reasons);
  EXPECT_EQ(order.status(), "placed");
}

TEST(COrders, IllegalTransitionsAndLateCancellationAreConflicts) {
  Order order;
  EXPECT_EQ(bo_order_deliver(order.o, ms("2024-03-02T08:00:00Z"), nullptr), BO_CONFLICT);
  EXPECT_STREQ(bo_last_error_field(), "order.status");
  EXPECT_STREQ(bo_last_error_value(), "placed");
  EXPECT_NE(std::string(bo_last_error()).find("from placed to delivered"), std::string::npos)
      << bo_last_error();
  order.deliver();
  EXPECT_EQ(bo_order_cancel(order.o, ms("2024-03-05T08:00:00Z"), "late", nullptr), BO_CONFLICT);
  EXPECT_STREQ(bo_last_error_value(), "delivered");
}

TEST(COrders, PartialAndFinalReturnsRefundExactly) {
  Order order;
  order.deliver();
  // RMA 1: 1 x SKU-A -> 10.00 goods + 6.00 x 10/60 = 1.00 tax = 11.00.
  const int64_t line_a[] = {0};
  const int64_t one[] = {1};
  int64_t rma = 0;
  ASSERT_EQ(
      bo_order_request_return(&rma, order.o, 1, line_a, one, ms("2024-03-10T10:00:00Z"), "unwanted", nullptr),
      BO_OK);
  EXPECT_EQ(rma, 1);
  bo_refund_t refund;
  EXPECT_EQ(bo_order_refund_return(&refund, order.o, rma, ms("2024-03-10T11:00:00Z"), nullptr), BO_CONFLICT);
  EXPECT_STREQ(bo_last_error_field(), "rma.status");
  ASSERT_EQ(bo_order_receive_return(order.o, rma, ms("2024-03-10T11:00:00Z"), "returns-desk"), BO_OK);
  ASSERT_EQ(bo_order_refund_return(&refund, order.o, rma, ms("2024-03-10T12:00:00Z"), nullptr), BO_OK);
  EXPECT_EQ(refund.goods_minor, 1000);
  EXPECT_EQ(refund.tax_minor, 100);
  EXPECT_EQ(refund.shipping_minor, 0);
  EXPECT_EQ(refund.total_minor, 1100);
  EXPECT_STREQ(refund.currency, "USD");
  EXPECT_EQ(refund.completes_order, 0);

  // Over-return: 3 delivered - 1 returned = 2 left on line 0.
  const int64_t three[] = {3};
  EXPECT_EQ(
      bo_order_request_return(&rma, order.o, 1, line_a, three, ms("2024-03-11T10:00:00Z"), "x", nullptr),
      BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "rma.lines[0].quantity");
  EXPECT_STREQ(bo_last_error_value(), "3");

  // RMA 2: the rest -> 20.00 + 30.00 goods, 5.00 tax, 5.00 shipping = 60.00.
  const int64_t lines[] = {0, 1};
  const int64_t qty[] = {2, 1};
  ASSERT_EQ(
      bo_order_request_return(&rma, order.o, 2, lines, qty, ms("2024-03-12T10:00:00Z"), "unwanted", nullptr),
      BO_OK);
  ASSERT_EQ(bo_order_receive_return(order.o, rma, ms("2024-03-12T11:00:00Z"), nullptr), BO_OK);
  ASSERT_EQ(bo_order_refund_return(&refund, order.o, rma, ms("2024-03-12T12:00:00Z"), nullptr), BO_OK);
  EXPECT_EQ(refund.total_minor, 6000);
  EXPECT_EQ(refund.shipping_minor, 500);
  EXPECT_EQ(refund.completes_order, 1);
  EXPECT_EQ(order.status(), "returned");
  int64_t total = 0;
  int64_t refunded = 0;
  ASSERT_EQ(bo_order_amounts(&total, &refunded, order.o), BO_OK);
  EXPECT_EQ(total, 7100);
  EXPECT_EQ(refunded, 7100);  // 11.00 + 60.00

  size_t n = 0;
  ASSERT_EQ(bo_order_history_count(&n, order.o), BO_OK);
  bo_order_event_t last;
  ASSERT_EQ(bo_order_history_get(&last, order.o, n - 1), BO_OK);
  EXPECT_STREQ(last.from_status, "delivered");
  EXPECT_STREQ(last.to_status, "returned");
  EXPECT_EQ(bo_order_history_get(&last, order.o, n), BO_INVALID_ARGUMENT);
}

TEST(COrders, NullArgumentsAreRejected) {
  EXPECT_EQ(bo_order_create(nullptr, 1, 1, "USD", 0, nullptr, nullptr, nullptr, 0, 0, 0, 1),
            BO_NULL_ARGUMENT);
  EXPECT_EQ(bo_order_deliver(nullptr, 0, nullptr), BO_NULL_ARGUMENT);
  bo_order_destroy(nullptr);
  bo_order_t* o = nullptr;
  EXPECT_EQ(bo_order_create(&o, 1, 1, "USD", 0, nullptr, nullptr, nullptr, 0, 0, 0, 1), BO_VALIDATION);
  EXPECT_STREQ(bo_last_error_field(), "order.lines");
  EXPECT_EQ(o, nullptr);
}

TEST(CArAgeing, BucketsPerCustomerAndCurrencyInTheZone) {
  // As of 2024-05-01T12:00Z in New York (08:00 EDT, May 1). Due instants at
  // noon UTC: 04-01 is 30 days past due (1-30), 03-31 is 31 (31-60), 05-01
  // is current; one EUR invoice 91 days past due (01-31 -> 90+).
  const int64_t customers[] = {1, 1, 2, 2};
  const int64_t due[] = {ms("2024-04-01T12:00:00Z"), ms("2024-03-31T12:00:00Z"), ms("2024-05-01T12:00:00Z"),
                         ms("2024-01-31T12:00:00Z")};
  const int64_t open[] = {1000, 2000, 4000, 800};
  const char* currencies[] = {"USD", "USD", "USD", "EUR"};
  bo_table_t* t = nullptr;
  ASSERT_EQ(bo_ar_ageing(&t, 4, customers, due, open, currencies, nullptr, ms("2024-05-01T12:00:00Z"),
                         "America/New_York"),
            BO_OK)
      << bo_last_error();
  size_t rows = 0;
  ASSERT_EQ(bo_table_row_count(&rows, t), BO_OK);
  // EUR: customer 2 + total; USD: customers 1, 2 + total.
  ASSERT_EQ(rows, 5u);
  using capi_test::integer;
  using capi_test::text;
  EXPECT_EQ(text(t, "currency", 0), "EUR");
  EXPECT_EQ(integer(t, "days_90_plus_minor", 0), 800);
  EXPECT_EQ(integer(t, "customer_id", 2), 1);
  EXPECT_EQ(integer(t, "days_1_30_minor", 2), 1000);
  EXPECT_EQ(integer(t, "days_31_60_minor", 2), 2000);
  EXPECT_EQ(integer(t, "current_minor", 3), 4000);
  EXPECT_TRUE(capi_test::is_null(t, "customer_id", 4));
  EXPECT_EQ(integer(t, "total_minor", 4), 7000);
  EXPECT_EQ(integer(t, "invoices", 4), 3);
  const char* as_of = nullptr;
  ASSERT_EQ(bo_table_metadata_value(&as_of, t, "as_of"), BO_OK);
  EXPECT_STREQ(as_of, "2024-05-01");
  bo_table_destroy(t);

  const char* bad[] = {"USD", "XXX", "USD", "USD"};
  EXPECT_EQ(bo_ar_ageing(&t, 4, customers, due, open, bad, nullptr, 0, nullptr), BO_NOT_FOUND);
  EXPECT_STREQ(bo_last_error_field(), "currencies[1]");
  const int64_t negative[] = {1, -1, 1, 1};
  EXPECT_EQ(bo_ar_ageing(&t, 4, customers, due, negative, nullptr, "USD", 0, nullptr), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "open_minor[1]");
}
