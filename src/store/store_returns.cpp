// Returns (RMAs) of an order, with their lines and refund.
#include <backoffice/store/store.hpp>

#include "store/store_impl.hpp"
#include "store/store_ingest.hpp"

#include <fmt/format.h>

namespace backoffice {
namespace {

using store_detail::Statement;
using store_detail::Transaction;

// An upsert, so the RMA's lines (children) are not cascaded away by a REPLACE.
constexpr std::string_view kPutRma =
    "INSERT INTO rmas (order_id, number, status, requested_ms, updated_ms, reason, refund_goods_minor, "
    "refund_tax_minor, refund_shipping_minor, refund_total_minor, refund_completes) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
    "ON CONFLICT (order_id, number) DO UPDATE SET status = excluded.status, requested_ms = "
    "excluded.requested_ms, "
    "updated_ms = excluded.updated_ms, reason = excluded.reason, refund_goods_minor = "
    "excluded.refund_goods_minor, "
    "refund_tax_minor = excluded.refund_tax_minor, refund_shipping_minor = excluded.refund_shipping_minor, "
    "refund_total_minor = excluded.refund_total_minor, refund_completes = excluded.refund_completes";

// The refund's currency is the order's: joined in rather than stored twice.
constexpr std::string_view kColumns =
    "SELECT r.number, r.status, r.requested_ms, r.updated_ms, r.reason, r.refund_goods_minor, "
    "r.refund_tax_minor, "
    "r.refund_shipping_minor, r.refund_total_minor, r.refund_completes, o.currency, l.line, l.quantity "
    "FROM rmas r JOIN orders o ON o.id = r.order_id "
    "LEFT JOIN rma_lines l ON l.order_id = r.order_id AND l.rma_number = r.number";

Result<std::vector<Rma>> read_rmas(Statement& st) {
  std::vector<Rma> out;
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    const RmaId id(st.int64(0));
    if (out.empty() || out.back().id != id) {
      Rma r;
      r.id = id;
      BO_ASSIGN_OR_RETURN(r.status, parse_rma_status(st.text(1), "rma.status"));
      r.requested_at = Instant::from_unix_ms(st.int64(2));
      r.updated_at = Instant::from_unix_ms(st.int64(3));
      r.reason = std::string(st.text(4));
      if (!st.is_null(8)) {
        BO_ASSIGN_OR_RETURN(Currency cur, Currency::of(st.text(10)));
        r.refund = Refund{Money(st.int64(5), cur), Money(st.int64(6), cur), Money(st.int64(7), cur),
                          Money(st.int64(8), cur), st.int64(9) != 0};
      }
      out.push_back(std::move(r));
    }
    if (!st.is_null(11)) {
      out.back().lines.push_back(ReturnLine{static_cast<std::size_t>(st.int64(11)), st.int64(12)});
    }
  }
  return out;
}

// The order exists, every line index is one of its lines, the refund is in
// its currency.
Status check_against_order(Store::Impl& impl, OrderId order, const Rma& rma) {
  BO_ASSIGN_OR_RETURN(auto* st, impl.statement("SELECT o.currency, (SELECT count(*) FROM order_lines l WHERE "
                                               "l.order_id = o.id) FROM orders o WHERE o.id = ?1"));
  st->bind(1, order.value());
  BO_ASSIGN_OR_RETURN(bool found, st->step());
  if (!found) return validation_error("rma.order", std::to_string(order.value()), "unknown order");
  const auto lines = static_cast<std::size_t>(st->int64(1));
  for (std::size_t i = 0; i < rma.lines.size(); ++i) {
    if (rma.lines[i].line >= lines) {
      return validation_error(fmt::format("rma.lines[{}].line", i), std::to_string(rma.lines[i].line),
                              fmt::format("order {} has {} line(s)", order, lines));
    }
  }
  if (rma.refund && rma.refund->total.currency().code() != st->text(0)) {
    return validation_error("rma.refund", rma.refund->total.to_string(),
                            fmt::format("order {} is in {}", order, st->text(0)));
  }
  return Status::Ok();
}

}  // namespace

Status Store::put_rma(OrderId order, const Rma& rma) {
  BO_RETURN_IF_ERROR(rma.validate());
  BO_ASSIGN_OR_RETURN(auto tx, Transaction::begin(impl_->db));
  BO_RETURN_IF_ERROR(check_against_order(*impl_, order, rma));
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(kPutRma));
  st->bind(1, order.value());
  st->bind(2, rma.id.value());
  st->bind(3, to_string(rma.status));
  st->bind(4, rma.requested_at.unix_ms());
  st->bind(5, rma.updated_at.unix_ms());
  st->bind(6, std::string_view(rma.reason));
  if (rma.refund) {
    st->bind(7, rma.refund->goods.minor_units());
    st->bind(8, rma.refund->tax.minor_units());
    st->bind(9, rma.refund->shipping.minor_units());
    st->bind(10, rma.refund->total.minor_units());
    st->bind(11, rma.refund->completes_order);
  }  // unbound parameters are NULL
  BO_RETURN_IF_ERROR(st->run());
  BO_ASSIGN_OR_RETURN(auto* del,
                      impl_->statement("DELETE FROM rma_lines WHERE order_id = ?1 AND rma_number = ?2"));
  del->bind(1, order.value());
  del->bind(2, rma.id.value());
  BO_RETURN_IF_ERROR(del->run());
  BO_ASSIGN_OR_RETURN(auto* line, impl_->statement("INSERT INTO rma_lines (order_id, rma_number, position, "
                                                   "line, quantity) VALUES (?1, ?2, ?3, ?4, ?5)"));
  for (std::size_t i = 0; i < rma.lines.size(); ++i) {
    line->bind(1, order.value());
    line->bind(2, rma.id.value());
    line->bind(3, static_cast<std::int64_t>(i));
    line->bind(4, static_cast<std::int64_t>(rma.lines[i].line));
    line->bind(5, rma.lines[i].quantity);
    BO_RETURN_IF_ERROR(line->run());
  }
  BO_RETURN_IF_ERROR(impl_->notify("put", "rma", fmt::format("{}/{}", order, rma.id), 1,
                                   [&] { return fmt::format("order {} {}", order, rma); }));
  return tx.commit();
}

Result<Rma> Store::get_rma(OrderId order, RmaId id) const {
  static const std::string sql =
      fmt::format("{} WHERE r.order_id = ?1 AND r.number = ?2 ORDER BY l.position", kColumns);
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(sql));
  st->bind(1, order.value());
  st->bind(2, id.value());
  BO_ASSIGN_OR_RETURN(auto found, read_rmas(*st));
  if (found.empty()) return store_detail::not_found("rma", id);
  return std::move(found.front());
}

Result<std::vector<Rma>> Store::rmas(OrderId order) const {
  BO_ASSIGN_OR_RETURN(bool exists,
                      store_detail::row_exists(*impl_, "SELECT 1 FROM orders WHERE id = ?1", order.value()));
  if (!exists) return store_detail::not_found("order", order);
  static const std::string sql =
      fmt::format("{} WHERE r.order_id = ?1 ORDER BY r.number, l.position", kColumns);
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(sql));
  st->bind(1, order.value());
  return read_rmas(*st);
}

}  // namespace backoffice
