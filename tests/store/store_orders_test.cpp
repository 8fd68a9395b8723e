#include <backoffice/store/store.hpp>

#include "store/store_fixtures.hpp"

#include <gtest/gtest.h>

using namespace backoffice;
using namespace backoffice::testing;

namespace {

Store store_with_customers(std::initializer_list<std::int64_t> ids) {
  auto store = Store::open_in_memory().value();
  for (auto id : ids) EXPECT_TRUE(store.put_customer(make_customer(id)).ok());
  return store;
}

}  // namespace

// Expected values: the records written are the reference; reading back must
// give them field for field (Order's defaulted operator==).
TEST(StoreOrders, AnOrderAndItsLinesRoundTrip) {
  auto store = store_with_customers({1});
  const auto o = make_order(7, 1);
  ASSERT_TRUE(store.put_order(o).ok());
  EXPECT_EQ(store.get_order(OrderId(7)).value(), o);
  EXPECT_EQ(store.count("orders").value(), 1);
}

TEST(StoreOrders, AZeroDecimalCurrencyKeepsItsMinorUnits) {
  auto store = store_with_customers({1});
  // JPY has no minor digits (ISO 4217), so 1500 minor units are 1500 yen.
  const auto jpy = Currency::of("JPY").value();
  auto o = make_order(3, 1);
  o.lines = {OrderLine{"TEA", 3, Money(1500, jpy)}};
  o.shipping = Money(0, jpy);
  o.tax = Money(450, jpy);
  ASSERT_TRUE(store.put_order(o).ok());
  auto back = store.get_order(OrderId(3)).value();
  EXPECT_EQ(back, o);
  EXPECT_EQ(back.currency().code(), "JPY");
}

TEST(StoreOrders, PutReplacesTheOrderAndAllItsLines) {
  auto store = store_with_customers({1});
  ASSERT_TRUE(store.put_order(make_order(7, 1)).ok());
  auto changed = make_order(7, 1);
  changed.status = OrderStatus::kShipped;
  changed.lines.pop_back();  // two lines become one
  ASSERT_TRUE(store.put_order(changed).ok());
  EXPECT_EQ(store.get_order(OrderId(7)).value(), changed);
  EXPECT_EQ(store.count("orders").value(), 1);
}

TEST(StoreOrders, AnInvalidOrderIsRejectedWithItsFieldAndNothingIsWritten) {
  auto store = store_with_customers({1});
  auto o = make_order(7, 1);
  o.lines[1].quantity = 0;
  auto s = store.put_order(o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kValidation);
  EXPECT_EQ(s.error().field, "order.lines[1].quantity");
  EXPECT_EQ(s.error().value, "0");
  EXPECT_EQ(store.count("orders").value(), 0);
}

TEST(StoreOrders, AnUnknownCustomerIsNamedAndTheOldOrderStays) {
  auto store = store_with_customers({1});
  ASSERT_TRUE(store.put_order(make_order(7, 1)).ok());
  auto s = store.put_order(make_order(7, 99));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kValidation);
  EXPECT_EQ(s.error().field, "order.customer");
  EXPECT_EQ(s.error().value, "99");
  // The transaction rolled back: the first order and both its lines are intact.
  EXPECT_EQ(store.get_order(OrderId(7)).value(), make_order(7, 1));
}

TEST(StoreOrders, AMissingOrderIsNotFoundNamingTheId) {
  auto store = store_with_customers({});
  auto r = store.get_order(OrderId(5));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(r.error().field, "order.id");
  EXPECT_EQ(r.error().value, "5");
}

TEST(StoreOrders, QueriesFilterByCustomerAndPlacedRangeInPlacedOrder) {
  auto store = store_with_customers({1, 2});
  // Order i is placed i hours after 2024-05-01T00:00Z; odd ids belong to customer 1.
  for (int i = 10; i >= 1; --i) ASSERT_TRUE(store.put_order(make_order(i, i % 2 ? 1 : 2)).ok());
  auto all = store.orders().value();
  ASSERT_EQ(all.size(), 10u);
  for (std::size_t k = 0; k < all.size(); ++k) {
    EXPECT_EQ(all[k], make_order(static_cast<std::int64_t>(k) + 1, (k + 1) % 2 ? 1 : 2)) << k;
  }
  OrderQuery q;
  q.from = Instant::parse("2024-05-01T03:00:00Z").value();  // order 3 onwards
  q.to = Instant::parse("2024-05-01T08:00:00Z").value();    // up to order 7 (8 excluded)
  auto range = store.orders(q).value();
  ASSERT_EQ(range.size(), 5u);
  EXPECT_EQ(range.front().id, OrderId(3));
  EXPECT_EQ(range.back().id, OrderId(7));
  q.customer = CustomerId(2);  // even ids in 3..7: 4, 6
  auto mine = store.orders(q).value();
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].id, OrderId(4));
  EXPECT_EQ(mine[1].id, OrderId(6));
  EXPECT_EQ(mine[1].lines.size(), 2u);
}
