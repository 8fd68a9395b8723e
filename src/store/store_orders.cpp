// Orders and their lines.
#include <backoffice/store/store.hpp>

#include "store/store_impl.hpp"
#include "store/store_ingest.hpp"

#include <fmt/format.h>

#include <optional>

namespace backoffice {
namespace {

using store_detail::Statement;
using store_detail::Transaction;
using store_detail::WhereBuilder;

// An upsert, not INSERT OR REPLACE: REPLACE deletes the old row first, and
// the delete would cascade to the order's RMAs and unlink its invoices.
constexpr std::string_view kPutOrder =
    "INSERT INTO orders (id, customer_id, status, currency, shipping_minor, tax_minor, placed_ms, "
    "updated_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
    "ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, status = excluded.status, "
    "currency = excluded.currency, shipping_minor = excluded.shipping_minor, tax_minor = excluded.tax_minor, "
    "placed_ms = excluded.placed_ms, updated_ms = excluded.updated_ms";
constexpr std::string_view kPutLine =
    "INSERT INTO order_lines (order_id, position, sku, quantity, unit_price_minor) VALUES (?1, ?2, ?3, ?4, ?5)";

// Lines are joined in so a range read is one statement; LEFT JOIN keeps an
// order whose lines another writer of the file left out.
constexpr std::string_view kColumns =
    "SELECT o.id, o.customer_id, o.status, o.currency, o.shipping_minor, o.tax_minor, o.placed_ms, "
    "o.updated_ms, l.sku, l.quantity, l.unit_price_minor "
    "FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id";
constexpr std::string_view kOrder = " ORDER BY o.placed_ms, o.id, l.position";

// Reads the joined rows (one per line, ordered by order then position).
Result<std::vector<Order>> read_orders(Statement& st) {
  std::vector<Order> out;
  std::optional<Currency> currency;  // the previous order's, usually the next one's too
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    const OrderId id(st.int64(0));
    if (out.empty() || out.back().id != id) {
      if (!currency || currency->code() != st.text(3)) {
        BO_ASSIGN_OR_RETURN(currency, Currency::of(st.text(3)));
      }
      Order o{.id = id,
              .customer = CustomerId(st.is_null(1) ? 0 : st.int64(1)),
              .status = OrderStatus::kPlaced,
              .lines = {},
              .shipping = Money(st.int64(4), *currency),
              .tax = Money(st.int64(5), *currency),
              .placed_at = Instant::from_unix_ms(st.int64(6)),
              .updated_at = Instant::from_unix_ms(st.int64(7))};
      BO_ASSIGN_OR_RETURN(o.status, parse_order_status(st.text(2), "order.status"));
      out.push_back(std::move(o));
    }
    if (!st.is_null(8)) {
      out.back().lines.push_back(OrderLine{std::string(st.text(8)), st.int64(9), Money(st.int64(10), *currency)});
    }
  }
  return out;
}

}  // namespace

Status Store::put_order(const Order& o) {
  BO_RETURN_IF_ERROR(o.validate());
  BO_ASSIGN_OR_RETURN(auto tx, Transaction::begin(impl_->db));
  // The old lines go explicitly, so a replaced order never keeps a line past
  // its new count.
  BO_ASSIGN_OR_RETURN(auto* del, impl_->statement("DELETE FROM order_lines WHERE order_id = ?1"));
  del->bind(1, o.id.value());
  BO_RETURN_IF_ERROR(del->run());
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(kPutOrder));
  st->bind(1, o.id.value());
  st->bind(2, o.customer.value());
  st->bind(3, to_string(o.status));
  st->bind(4, o.currency().code());
  st->bind(5, o.shipping.minor_units());
  st->bind(6, o.tax.minor_units());
  st->bind(7, o.placed_at.unix_ms());
  st->bind(8, o.updated_at.unix_ms());
  if (auto s = st->run(); !s.ok()) {
    if (!store_detail::is_constraint_failure(s.error())) return s;
    BO_ASSIGN_OR_RETURN(bool known,
                        store_detail::row_exists(*impl_, "SELECT 1 FROM customers WHERE id = ?1", o.customer.value()));
    if (!known) return validation_error("order.customer", std::to_string(o.customer.value()), "unknown customer");
    return s;
  }
  BO_ASSIGN_OR_RETURN(auto* line, impl_->statement(kPutLine));
  for (std::size_t i = 0; i < o.lines.size(); ++i) {
    line->bind(1, o.id.value());
    line->bind(2, static_cast<std::int64_t>(i));
    line->bind(3, std::string_view(o.lines[i].sku));
    line->bind(4, o.lines[i].quantity);
    line->bind(5, o.lines[i].unit_price.minor_units());
    BO_RETURN_IF_ERROR(line->run());
  }
  BO_RETURN_IF_ERROR(impl_->notify("put", "order", std::to_string(o.id.value()), 1, [&] { return to_string(o); }));
  return tx.commit();
}

Result<Order> Store::get_order(OrderId id) const {
  static const std::string sql = fmt::format("{} WHERE o.id = ?1{}", kColumns, kOrder);
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(sql));
  st->bind(1, id.value());
  BO_ASSIGN_OR_RETURN(auto found, read_orders(*st));
  if (found.empty()) return store_detail::not_found("order", id);
  return std::move(found.front());
}

Result<std::vector<Order>> Store::orders(const OrderQuery& q) const {
  std::string sql(kColumns);
  WhereBuilder where(sql);
  where.add(q.from.has_value(), "o.placed_ms >= ?1");
  where.add(q.to.has_value(), "o.placed_ms < ?2");
  where.add(q.customer.has_value(), "o.customer_id = ?3");
  sql += kOrder;
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(sql));
  if (q.from) st->bind(1, q.from->unix_ms());
  if (q.to) st->bind(2, q.to->unix_ms());
  if (q.customer) st->bind(3, q.customer->value());
  return read_orders(*st);
}

}  // namespace backoffice
