#include <backoffice/workflow/order_lifecycle.hpp>

#include "workflow/order_test_support.hpp"

#include <gtest/gtest.h>

using namespace backoffice;
using namespace backoffice::order_testing;

namespace {

OrderWorkflow delivered(Order order, ReturnPolicy policy = {}) {
  OrderWorkflow wf = OrderWorkflow::place(std::move(order), "web", policy).value();
  EXPECT_TRUE(wf.verify({.address_present = true, .payment_authorised = true, .out_of_stock_skus = {}},
                        at("2024-03-01T09:05:00Z"))
                  .ok());
  EXPECT_TRUE(wf.start_fulfilment(at("2024-03-01T12:00:00Z")).ok());
  EXPECT_TRUE(wf.ship("DHL", "JD0001", at("2024-03-02T08:00:00Z")).ok());
  EXPECT_TRUE(wf.deliver(at("2024-03-04T15:30:00Z")).ok());
  return wf;
}

Refund return_and_refund(OrderWorkflow& wf, std::vector<ReturnLine> lines, std::string_view day_text) {
  const Instant t = at(day_text);
  RmaId id = wf.request_return(std::move(lines), t, "unwanted").value();
  EXPECT_TRUE(wf.receive_return(id, t + std::chrono::hours(1)).ok());
  return wf.refund_return(id, t + std::chrono::hours(2)).value();
}

// n units of one SKU at 1.00 with `tax_cents` tax and 5.00 shipping.
Order units_order(std::int64_t n, std::int64_t tax_cents) {
  Order o = sample_order();
  o.lines = {OrderLine{"SKU-U", n, usd(100)}};
  o.tax = usd(tax_cents);
  return o;
}

}  // namespace

TEST(OrderReturns, PartialThenFullReturnRefundsExactlyTheOrderTotal) {
  OrderWorkflow wf = delivered(sample_order());
  // 1 x SKU-A: goods 10.00; tax 6.00 x 10.00 / 60.00 = 1.00; no shipping.
  Refund first = return_and_refund(wf, {{0, 1}}, "2024-03-10T10:00:00Z");
  EXPECT_EQ(first.goods, usd(1000));
  EXPECT_EQ(first.tax, usd(100));
  EXPECT_EQ(first.shipping, usd(0));
  EXPECT_EQ(first.total, usd(1100));
  EXPECT_FALSE(first.completes_order);
  EXPECT_EQ(wf.status(), OrderStatus::kDelivered);
  // The other 2 x SKU-A and SKU-B: goods 20.00 + 30.00 = 50.00; tax 6.00 -
  // 1.00 = 5.00; shipping 5.00 with the full return: 60.00.
  Refund last = return_and_refund(wf, {{0, 2}, {1, 1}}, "2024-03-12T10:00:00Z");
  EXPECT_EQ(last.goods, usd(5000));
  EXPECT_EQ(last.tax, usd(500));
  EXPECT_EQ(last.shipping, usd(500));
  EXPECT_EQ(last.total, usd(6000));
  EXPECT_TRUE(last.completes_order);
  // 11.00 + 60.00 = 71.00 = the order total.
  EXPECT_EQ(wf.returns().refunded_total(), wf.order().total().value());
  EXPECT_EQ(wf.status(), OrderStatus::kReturned);
  EXPECT_EQ(wf.history().back().from, OrderStatus::kDelivered);
  EXPECT_EQ(wf.history().back().to, OrderStatus::kReturned);
}

TEST(OrderReturns, ThreeThirdsOfTenDollarsTaxRefund333Then333Then334) {
  OrderWorkflow wf = delivered(units_order(3, 1000));
  // Each unit is 1.00 of 3.00: 10.00 / 3 = 3.333... -> 3.33, 3.33, and the
  // last pays what is left: 10.00 - 6.66 = 3.34.
  EXPECT_EQ(return_and_refund(wf, {{0, 1}}, "2024-03-10T10:00:00Z").tax, usd(333));
  EXPECT_EQ(return_and_refund(wf, {{0, 1}}, "2024-03-11T10:00:00Z").tax, usd(333));
  Refund last = return_and_refund(wf, {{0, 1}}, "2024-03-12T10:00:00Z");
  EXPECT_EQ(last.tax, usd(334));
  EXPECT_EQ(wf.returns().refunded_tax(), usd(1000));
}

TEST(OrderReturns, HalfCentSharesRoundAwayFromZeroButNeverRefundMoreTaxThanCharged) {
  OrderWorkflow wf = delivered(units_order(4, 2));
  // 0.02 tax over 4 units: 0.005 each rounds to 0.01; after two refunds the
  // 0.02 is used up, so the third pays 0.00 (capped) and the last 0.00.
  EXPECT_EQ(return_and_refund(wf, {{0, 1}}, "2024-03-10T10:00:00Z").tax, usd(1));
  EXPECT_EQ(return_and_refund(wf, {{0, 1}}, "2024-03-11T10:00:00Z").tax, usd(1));
  EXPECT_EQ(return_and_refund(wf, {{0, 1}}, "2024-03-12T10:00:00Z").tax, usd(0));
  EXPECT_EQ(return_and_refund(wf, {{0, 1}}, "2024-03-13T10:00:00Z").tax, usd(0));
  EXPECT_EQ(wf.returns().refunded_tax(), usd(2));
}

TEST(OrderReturns, CannotReturnMoreThanDeliveredMinusAlreadyReturned) {
  OrderWorkflow wf = delivered(sample_order());
  auto too_many = wf.request_return({{0, 4}}, at("2024-03-10T10:00:00Z"), "unwanted");
  ASSERT_TRUE(fails_with(too_many, ErrorCode::kInvalidArgument, "rma.lines[0].quantity", "4"));
  EXPECT_NE(too_many.error().message.find("line 0 (SKU-A): 3 delivered, 0 already"), std::string::npos)
      << too_many.error().message;
  ASSERT_TRUE(wf.request_return({{0, 2}}, at("2024-03-10T10:00:00Z"), "unwanted").ok());
  // 3 delivered - 2 pending = 1 left.
  auto again = wf.request_return({{1, 1}, {0, 2}}, at("2024-03-10T11:00:00Z"), "unwanted");
  ASSERT_TRUE(fails_with(again, ErrorCode::kInvalidArgument, "rma.lines[1].quantity", "2"));
  EXPECT_NE(again.error().message.find("2 already returned or pending, so 1..1"), std::string::npos)
      << again.error().message;
  EXPECT_EQ(wf.returns().claimed(1), 0);  // the failed request claimed nothing
}

TEST(OrderReturns, BadLinesAreNamed) {
  OrderWorkflow wf = delivered(sample_order());
  const Instant t = at("2024-03-10T10:00:00Z");
  EXPECT_TRUE(fails_with(wf.request_return({}, t, "x"), ErrorCode::kInvalidArgument, "rma.lines"));
  EXPECT_TRUE(
      fails_with(wf.request_return({{2, 1}}, t, "x"), ErrorCode::kInvalidArgument, "rma.lines[0].line", "2"));
  EXPECT_TRUE(fails_with(wf.request_return({{0, 1}, {0, 1}}, t, "x"), ErrorCode::kInvalidArgument,
                         "rma.lines[1].line", "0"));
  EXPECT_TRUE(fails_with(wf.request_return({{0, 0}}, t, "x"), ErrorCode::kInvalidArgument,
                         "rma.lines[0].quantity", "0"));
}

TEST(OrderReturns, RejectionFreesTheQuantities) {
  OrderWorkflow wf = delivered(sample_order());
  RmaId id = wf.request_return({{0, 3}}, at("2024-03-10T10:00:00Z"), "unwanted").value();
  ASSERT_TRUE(wf.reject_return(id, at("2024-03-11T10:00:00Z"), "outside return window").ok());
  EXPECT_EQ(wf.returns().find(id)->status, RmaStatus::kRejected);
  EXPECT_EQ(wf.returns().claimed(0), 0);
  EXPECT_TRUE(wf.request_return({{0, 3}}, at("2024-03-12T10:00:00Z"), "unwanted").ok());
  // A rejected RMA cannot be refunded.
  EXPECT_TRUE(fails_with(wf.refund_return(id, at("2024-03-12T11:00:00Z")), ErrorCode::kConflict, "rma.status",
                         "rejected"));
}

TEST(OrderReturns, RefundNeedsTheGoodsReceivedFirst) {
  OrderWorkflow wf = delivered(sample_order());
  RmaId id = wf.request_return({{1, 1}}, at("2024-03-10T10:00:00Z"), "damaged").value();
  auto early = wf.refund_return(id, at("2024-03-10T11:00:00Z"));
  ASSERT_TRUE(fails_with(early, ErrorCode::kConflict, "rma.status", "requested"));
  EXPECT_NE(early.error().message.find("from requested to refunded"), std::string::npos);
  EXPECT_TRUE(fails_with(wf.receive_return(RmaId{9}, at("2024-03-10T11:00:00Z")), ErrorCode::kNotFound,
                         "rma.id", "9"));
  // A quote is what the refund will pay: 30.00 + 6.00 x 30/60 = 33.00.
  EXPECT_EQ(wf.returns().quote(id).value().total, usd(3300));
}

TEST(OrderReturns, ShippingIsKeptOnFullReturnWhenThePolicySaysSo) {
  OrderWorkflow wf = delivered(sample_order(), ReturnPolicy{.refund_shipping_on_full_return = false});
  // Everything at once: 60.00 goods + 6.00 tax, shipping 5.00 kept.
  Refund all = return_and_refund(wf, {{0, 3}, {1, 1}}, "2024-03-10T10:00:00Z");
  EXPECT_EQ(all.shipping, usd(0));
  EXPECT_EQ(all.total, usd(6600));
  EXPECT_EQ(wf.status(), OrderStatus::kReturned);
}

TEST(OrderReturns, ZeroDigitCurrenciesRoundToWholeUnits) {
  Order o = sample_order();
  o.lines = {OrderLine{"SKU-J", 3, money(1000, "JPY")}};
  o.shipping = money(0, "JPY");
  o.tax = money(100, "JPY");
  OrderWorkflow wf = delivered(o);
  // 100 yen x 1000 / 3000 = 33.33 -> 33; then 33; the last 100 - 66 = 34.
  EXPECT_EQ(return_and_refund(wf, {{0, 1}}, "2024-03-10T10:00:00Z").tax, money(33, "JPY"));
  EXPECT_EQ(return_and_refund(wf, {{0, 1}}, "2024-03-11T10:00:00Z").tax, money(33, "JPY"));
  EXPECT_EQ(return_and_refund(wf, {{0, 1}}, "2024-03-12T10:00:00Z").total, money(1034, "JPY"));
}
