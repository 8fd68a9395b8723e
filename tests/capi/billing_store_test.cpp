// The receivables ledger in a store through the C header only. Invoice 1
// of customer 1: 2 x 40.00 + 5.00 shipping + 15.00 tax = 100.00 EUR, issued
// 2024-03-04, due 2024-04-03; a 10.00 credit note and a 50.00 payment leave
// 100.00 - 10.00 - 50.00 = 40.00 open.

#include <backoffice/backoffice.h>

#include "table_access.hpp"

#include <gtest/gtest.h>

namespace {

using capi_test::integer;
using capi_test::text;

struct Ledger {
  bo_store_t* store = nullptr;
  Ledger() {
    EXPECT_EQ(bo_store_open_in_memory(&store), BO_OK);
    EXPECT_EQ(bo_store_put_customer(store, 1, "Customer 1"), BO_OK);
    EXPECT_EQ(bo_store_put_customer(store, 2, "Customer 2"), BO_OK);
    const char* desc[] = {"SKU-A"};
    const int64_t qty[] = {2};
    const int64_t price[] = {4000};
    EXPECT_EQ(bo_store_put_invoice(store, 1, 1, 0, "EUR", 1, desc, qty, price, 500, 1500, "2024-03-04",
                                   "2024-04-03"),
              BO_OK)
        << bo_last_error();
  }
  ~Ledger() { bo_store_close(store); }
  int64_t entries() {
    int64_t n = 0;
    bo_invoice_info_t info{};
    EXPECT_EQ(bo_store_get_invoice(&info, store, 1), BO_OK);
    n = info.total_minor - info.open_minor;  // what entries took off the invoice
    return n;
  }
};

int64_t ms(const char* text) {
  int64_t out = 0;
  EXPECT_EQ(bo_instant_parse(&out, text, nullptr), BO_OK) << text;
  return out;
}

}  // namespace

TEST(CBillingStore, AnInvoiceRoundTripsAndEntriesLeaveTheHandCountedBalance) {
  Ledger l;
  bo_invoice_info_t info{};
  ASSERT_EQ(bo_store_get_invoice(&info, l.store, 1), BO_OK);
  EXPECT_EQ(info.customer_id, 1);
  EXPECT_EQ(info.order_id, 0);
  EXPECT_EQ(info.subtotal_minor, 8000);  // 2 x 40.00
  EXPECT_EQ(info.total_minor, 10000);    // 80.00 + 5.00 + 15.00
  EXPECT_EQ(info.open_minor, 10000);
  EXPECT_EQ(info.line_count, 1u);
  EXPECT_STREQ(info.currency, "EUR");
  EXPECT_STREQ(info.issue_date, "2024-03-04");
  EXPECT_STREQ(info.due_date, "2024-04-03");

  int64_t number = 0;
  ASSERT_EQ(bo_store_add_credit_note(&number, l.store, 1, "refund", "EUR", 1000, "2024-03-10", "one damaged"),
            BO_OK)
      << bo_last_error();
  EXPECT_EQ(number, 1);
  const int64_t invoices[] = {1};
  const int64_t amounts[] = {5000};
  ASSERT_EQ(bo_store_add_payment(&number, l.store, 1, "EUR", 5000, "2024-03-12", 1, invoices, amounts), BO_OK)
      << bo_last_error();
  EXPECT_EQ(number, 1);
  ASSERT_EQ(bo_store_get_invoice(&info, l.store, 1), BO_OK);
  EXPECT_EQ(info.open_minor, 4000);

  capi_test::TableHandle t;
  ASSERT_EQ(bo_store_invoices(&t.t, l.store, "2024-03-01", "2024-04-01", 1), BO_OK) << bo_last_error();
  ASSERT_EQ(capi_test::rows(t.t), 1u);
  EXPECT_EQ(integer(t.t, "open_minor"), 4000);
  EXPECT_EQ(text(t.t, "due_date"), "2024-04-03");
  EXPECT_TRUE(capi_test::is_null(t.t, "order_id", 0));

  // As of 2024-04-20 the invoice is 17 days past due (April 3 -> 20): 1-30.
  capi_test::TableHandle ageing;
  ASSERT_EQ(bo_store_ar_ageing(&ageing.t, l.store, ms("2024-04-20T12:00:00Z"), nullptr), BO_OK)
      << bo_last_error();
  ASSERT_EQ(capi_test::rows(ageing.t), 2u);  // customer 1, then the EUR total
  EXPECT_EQ(integer(ageing.t, "days_1_30_minor", 0), 4000);
  EXPECT_EQ(integer(ageing.t, "total_minor", 1), 4000);
}

TEST(CBillingStore, ABadPaymentWritesNothingAndNamesTheField) {
  Ledger l;
  int64_t number = 0;
  const int64_t invoices[] = {1, 1};
  const int64_t too_much[] = {2000, 2000};  // 40.00 allocated from 30.00
  EXPECT_EQ(bo_store_add_payment(&number, l.store, 1, "EUR", 3000, "2024-03-12", 2, invoices, too_much),
            BO_VALIDATION);
  EXPECT_STREQ(bo_last_error_field(), "payment.allocations");
  const int64_t unknown[] = {1, 9};
  const int64_t fine[] = {1000, 1000};
  EXPECT_EQ(bo_store_add_payment(&number, l.store, 1, "EUR", 3000, "2024-03-12", 2, unknown, fine),
            BO_VALIDATION);
  EXPECT_STREQ(bo_last_error_field(), "payment.allocations[1].invoice");
  EXPECT_EQ(bo_store_add_credit_note(&number, l.store, 1, "refund", "EUR", 10001, "2024-03-10", "x"),
            BO_VALIDATION);
  EXPECT_STREQ(bo_last_error_field(), "credit_note.amount");
  EXPECT_EQ(bo_store_add_credit_note(&number, l.store, 1, "gift", "EUR", 100, "2024-03-10", "x"), BO_PARSE);
  EXPECT_STREQ(bo_last_error_field(), "credit_note.kind");
  EXPECT_EQ(l.entries(), 0);

  const char* desc[] = {"Consulting"};
  const int64_t qty[] = {1};
  const int64_t price[] = {3000};
  EXPECT_EQ(
      bo_store_put_invoice(l.store, 2, 7, 0, "EUR", 1, desc, qty, price, 0, 0, "2024-03-04", "2024-03-04"),
      BO_VALIDATION);
  EXPECT_STREQ(bo_last_error_field(), "invoice.customer");
  EXPECT_EQ(
      bo_store_put_invoice(l.store, 2, 1, 0, "EUR", 1, desc, qty, price, 0, 0, "2024-03-32", "2024-03-04"),
      BO_PARSE);
  EXPECT_STREQ(bo_last_error_field(), "issue_date");
  bo_invoice_info_t info{};
  EXPECT_EQ(bo_store_get_invoice(&info, l.store, 2), BO_NOT_FOUND);
  EXPECT_STREQ(bo_last_error_field(), "invoice.id");
}

// Order 10 of customer 1: 2 x 40.00 EUR + 5.00 shipping + 15.00 tax. RMA 1
// returns one unit, refunded 40.00 + 15.00 x 40/80 = 47.50; RMA 2 (the other
// unit) is still requested.
TEST(CBillingStore, AnOrdersReturnsRoundTripAndAreCheckedAgain) {
  Ledger l;
  bo_order_t* order = nullptr;
  const char* skus[] = {"SKU-A"};
  const int64_t qty[] = {2};
  const int64_t price[] = {4000};
  ASSERT_EQ(bo_order_create(&order, 10, 1, "EUR", 1, skus, qty, price, 500, 1500, ms("2024-03-01T10:00:00Z"), 1),
            BO_OK);
  int32_t passed = 0;
  ASSERT_EQ(bo_order_verify(&passed, nullptr, nullptr, order, 1, 1, 0, nullptr, ms("2024-03-01T11:00:00Z"), nullptr),
            BO_OK);
  ASSERT_EQ(bo_order_start_fulfilment(order, ms("2024-03-01T12:00:00Z"), nullptr), BO_OK);
  ASSERT_EQ(bo_order_ship(order, "DHL", "JD0001", ms("2024-03-02T09:00:00Z"), nullptr), BO_OK);
  ASSERT_EQ(bo_order_deliver(order, ms("2024-03-03T09:00:00Z"), nullptr), BO_OK);
  const int64_t line[] = {0};
  const int64_t one[] = {1};
  int64_t rma = 0;
  ASSERT_EQ(bo_order_request_return(&rma, order, 1, line, one, ms("2024-03-05T09:00:00Z"), "broken", nullptr), BO_OK);
  ASSERT_EQ(bo_order_receive_return(order, rma, ms("2024-03-07T09:00:00Z"), nullptr), BO_OK);
  bo_refund_t refund{};
  ASSERT_EQ(bo_order_refund_return(&refund, order, rma, ms("2024-03-09T09:00:00Z"), nullptr), BO_OK);
  ASSERT_EQ(refund.total_minor, 4750);
  ASSERT_EQ(bo_order_request_return(&rma, order, 1, line, one, ms("2024-03-10T09:00:00Z"), "too big", nullptr),
            BO_OK);

  ASSERT_EQ(bo_store_put_order(l.store, order), BO_OK) << bo_last_error();
  capi_test::TableHandle t;
  ASSERT_EQ(bo_store_order_returns(&t.t, l.store, 10, 1), BO_OK) << bo_last_error();
  ASSERT_EQ(capi_test::rows(t.t), 2u);
  EXPECT_EQ(text(t.t, "status", 0), "refunded");
  EXPECT_EQ(integer(t.t, "refund_total_minor", 0), 4750);
  EXPECT_EQ(integer(t.t, "refund_tax_minor", 0), 750);
  EXPECT_EQ(text(t.t, "status", 1), "requested");
  EXPECT_EQ(text(t.t, "reason", 1), "too big");
  EXPECT_TRUE(capi_test::is_null(t.t, "refund_total_minor", 1));
  EXPECT_EQ(integer(t.t, "requested_unix_ms", 1), ms("2024-03-10T09:00:00Z"));

  capi_test::TableHandle missing;
  EXPECT_EQ(bo_store_order_returns(&missing.t, l.store, 11, 1), BO_NOT_FOUND);
  EXPECT_STREQ(bo_last_error_field(), "order.id");
  bo_order_destroy(order);
}
