#include <backoffice/workflow/order_lifecycle.hpp>

#include "workflow/order_test_support.hpp"

#include <gtest/gtest.h>

using namespace backoffice;
using namespace backoffice::order_testing;

namespace {

VerificationChecks all_pass() {
  return {.address_present = true, .payment_authorised = true, .out_of_stock_skus = {}};
}

OrderWorkflow shipped_order() {
  OrderWorkflow wf = OrderWorkflow::place(sample_order(), "web").value();
  EXPECT_TRUE(wf.verify(all_pass(), at("2024-03-01T09:05:00Z"), "fraud-bot").value().passed());
  EXPECT_TRUE(wf.start_fulfilment(at("2024-03-01T12:00:00Z"), "warehouse").ok());
  EXPECT_TRUE(wf.ship("UPS", "1Z999", at("2024-03-02T08:00:00Z"), "warehouse").ok());
  return wf;
}

}  // namespace

TEST(OrderWorkflow, WalksTheHappyPathAndRecordsWhoWhenAndWhy) {
  OrderWorkflow wf = shipped_order();
  ASSERT_TRUE(wf.deliver(at("2024-03-04T15:30:00Z"), "ups-webhook").ok());
  EXPECT_EQ(wf.status(), OrderStatus::kDelivered);
  ASSERT_EQ(wf.history().size(), 5u);  // placed, verified, fulfilling, shipped, delivered
  const OrderEvent& shipped = wf.history()[3];
  EXPECT_EQ(shipped.from, OrderStatus::kFulfilling);
  EXPECT_EQ(shipped.to, OrderStatus::kShipped);
  EXPECT_EQ(shipped.actor, "warehouse");
  EXPECT_EQ(shipped.at, at("2024-03-02T08:00:00Z"));
  EXPECT_EQ(shipped.reason, "shipped with UPS, tracking 1Z999");
  ASSERT_TRUE(wf.shipment().has_value());
  EXPECT_EQ(wf.shipment()->carrier, "UPS");
  EXPECT_EQ(wf.shipment()->tracking, "1Z999");
  EXPECT_EQ(wf.delivered_at(), at("2024-03-04T15:30:00Z"));
  EXPECT_EQ(wf.order().updated_at, at("2024-03-04T15:30:00Z"));
}

TEST(OrderWorkflow, FailedVerificationListsEveryReasonAndKeepsTheOrderPlaced) {
  OrderWorkflow wf = OrderWorkflow::place(sample_order()).value();
  const VerificationChecks checks{
      .address_present = false, .payment_authorised = false, .out_of_stock_skus = {"SKU-B", "SKU-A"}};
  auto outcome = wf.verify(checks, at("2024-03-01T09:05:00Z"), "fraud-bot");
  ASSERT_TRUE(outcome.ok());
  EXPECT_FALSE(outcome->passed());
  ASSERT_EQ(outcome->failures.size(), 4u);
  EXPECT_EQ(outcome->failures[0].to_string(), "address missing");
  EXPECT_EQ(outcome->failures[1].to_string(), "payment not authorised");
  EXPECT_EQ(outcome->failures[2].to_string(), "out of stock: SKU-B");
  EXPECT_EQ(outcome->failures[3].check, VerificationCheck::kStockAvailable);
  EXPECT_EQ(wf.status(), OrderStatus::kPlaced);
  EXPECT_EQ(wf.history().back().reason,
            "verification failed: address missing; payment not authorised; out of stock: SKU-B; out of "
            "stock: SKU-A");
  // Fixing the facts lets the same order pass later.
  EXPECT_TRUE(wf.verify(all_pass(), at("2024-03-01T10:00:00Z")).value().passed());
  EXPECT_EQ(wf.status(), OrderStatus::kVerified);
}

TEST(OrderWorkflow, OnlyPaymentFailingGivesOneReason) {
  OrderWorkflow wf = OrderWorkflow::place(sample_order()).value();
  auto outcome = wf.verify({.address_present = true, .payment_authorised = false, .out_of_stock_skus = {}},
                           at("2024-03-01T09:05:00Z"));
  ASSERT_EQ(outcome.value().failures.size(), 1u);
  EXPECT_EQ(outcome->failures[0].check, VerificationCheck::kPaymentAuthorised);
}

TEST(OrderWorkflow, AnOutOfStockSkuThatIsNotOnTheOrderIsAnInputError) {
  OrderWorkflow wf = OrderWorkflow::place(sample_order()).value();
  auto outcome =
      wf.verify({.address_present = true, .payment_authorised = true, .out_of_stock_skus = {"SKU-Z"}},
                at("2024-03-01T09:05:00Z"));
  EXPECT_TRUE(fails_with(outcome, ErrorCode::kInvalidArgument, "out_of_stock_skus", "SKU-Z"));
}

TEST(OrderWorkflow, IllegalTransitionsNameBothStates) {
  OrderWorkflow wf = OrderWorkflow::place(sample_order()).value();
  Status s = wf.ship("UPS", "1Z", at("2024-03-02T08:00:00Z"));
  ASSERT_TRUE(fails_with(s, ErrorCode::kConflict, "order.status", "placed"));
  EXPECT_NE(s.error().message.find("from placed to shipped"), std::string::npos) << s.error().message;
  EXPECT_TRUE(
      fails_with(wf.deliver(at("2024-03-02T08:00:00Z")), ErrorCode::kConflict, "order.status", "placed"));
  EXPECT_TRUE(fails_with(wf.start_fulfilment(at("2024-03-02T08:00:00Z")), ErrorCode::kConflict,
                         "order.status", "placed"));
  EXPECT_EQ(wf.history().size(), 1u);  // nothing recorded for refused transitions
}

TEST(OrderWorkflow, CancellationOnlyBeforeShipment) {
  OrderWorkflow early = OrderWorkflow::place(sample_order()).value();
  ASSERT_TRUE(early.verify(all_pass(), at("2024-03-01T09:05:00Z")).ok());
  ASSERT_TRUE(early.cancel(at("2024-03-01T10:00:00Z"), "customer changed their mind", "agent-9").ok());
  EXPECT_EQ(early.status(), OrderStatus::kCancelled);
  EXPECT_EQ(early.history().back().from, OrderStatus::kVerified);
  EXPECT_EQ(early.history().back().reason, "customer changed their mind");

  OrderWorkflow late = shipped_order();
  Status s = late.cancel(at("2024-03-03T10:00:00Z"), "too slow");
  ASSERT_TRUE(fails_with(s, ErrorCode::kConflict, "order.status", "shipped"));
  EXPECT_NE(s.error().message.find("from shipped to cancelled"), std::string::npos) << s.error().message;
  EXPECT_EQ(late.status(), OrderStatus::kShipped);
}

TEST(OrderWorkflow, CancellationNeedsAReason) {
  OrderWorkflow wf = OrderWorkflow::place(sample_order()).value();
  EXPECT_TRUE(fails_with(wf.cancel(at("2024-03-01T10:00:00Z"), "  "), ErrorCode::kInvalidArgument, "reason"));
  EXPECT_EQ(wf.status(), OrderStatus::kPlaced);
}

TEST(OrderWorkflow, ShippingNeedsCarrierAndTracking) {
  OrderWorkflow wf = OrderWorkflow::place(sample_order()).value();
  ASSERT_TRUE(wf.verify(all_pass(), at("2024-03-01T09:05:00Z")).ok());
  ASSERT_TRUE(wf.start_fulfilment(at("2024-03-01T12:00:00Z")).ok());
  EXPECT_TRUE(
      fails_with(wf.ship("", "1Z", at("2024-03-02T08:00:00Z")), ErrorCode::kInvalidArgument, "carrier"));
  EXPECT_TRUE(
      fails_with(wf.ship("UPS", " ", at("2024-03-02T08:00:00Z")), ErrorCode::kInvalidArgument, "tracking"));
  EXPECT_EQ(wf.status(), OrderStatus::kFulfilling);
  EXPECT_FALSE(wf.shipment().has_value());
}

TEST(OrderWorkflow, TransitionsCannotGoBackInTime) {
  OrderWorkflow wf = OrderWorkflow::place(sample_order()).value();
  // Placed at 09:00; verifying at 08:59 is before the last change.
  EXPECT_TRUE(fails_with(wf.verify(all_pass(), at("2024-03-01T08:59:00Z")), ErrorCode::kInvalidArgument, "at",
                         "2024-03-01T08:59:00Z"));
  EXPECT_EQ(wf.status(), OrderStatus::kPlaced);
}

TEST(OrderWorkflow, PlaceValidatesTheOrderAndItsStatus) {
  Order bad = sample_order();
  bad.lines.clear();
  EXPECT_TRUE(fails_with(OrderWorkflow::place(bad), ErrorCode::kValidation, "order.lines"));
  Order shipped = sample_order();
  shipped.status = OrderStatus::kShipped;
  EXPECT_TRUE(fails_with(OrderWorkflow::place(shipped), ErrorCode::kConflict, "order.status", "shipped"));
}

TEST(OrderWorkflow, ReturnsNeedADeliveredOrder) {
  OrderWorkflow wf = shipped_order();
  EXPECT_TRUE(fails_with(wf.request_return({{0, 1}}, at("2024-03-03T10:00:00Z"), "damaged"),
                         ErrorCode::kConflict, "order.status", "shipped"));
}
