// Order lifecycle, returns and refunds, and receivables ageing at the C
// boundary.

#include "boundary.hpp"
#include "handles.hpp"

#include <backoffice/backoffice_orders.h>
#include <backoffice/workflow/billing_ageing.hpp>
#include <backoffice/workflow/order_lifecycle.hpp>

#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct bo_order {
  explicit bo_order(backoffice::OrderWorkflow w) : workflow(std::move(w)) {}
  backoffice::OrderWorkflow workflow;
};

using backoffice::capi::fail;
using backoffice::capi::guarded;
using backoffice::capi::status_of;

namespace {

namespace bo = backoffice;

std::string_view actor_of(const char* s) {
  return s != nullptr ? std::string_view(s) : std::string_view("system");
}
std::string_view text_or_empty(const char* s) {
  return s != nullptr ? std::string_view(s) : std::string_view();
}
bo::Instant at(int64_t ms) { return bo::Instant::from_unix_ms(ms); }

// Column names of the ageing table, indexed by AgeingBucket.
constexpr const char* kBucketColumns[bo::kAgeingBucketCount] = {
    "current_minor", "days_1_30_minor", "days_31_60_minor", "days_61_90_minor", "days_90_plus_minor"};

bo::Result<bo::capi::Table> ageing_table(const bo::AgeingReport& report, std::string_view zone) {
  using bo::capi::ColumnType;
  const std::size_t n = report.customers.size() + report.totals.size();
  std::vector<std::int64_t> customer;
  std::vector<std::uint8_t> customer_valid;
  std::vector<std::vector<std::int64_t>> buckets(bo::kAgeingBucketCount);
  std::vector<std::int64_t> total;
  std::vector<std::int64_t> items;
  bo::capi::StringColumnBuilder currency;
  currency.reserve(n, 4 * n);
  auto put = [&](const bo::AgeingRow& row, bool is_total) {
    customer.push_back(is_total ? 0 : row.customer.value());
    customer_valid.push_back(is_total ? 0 : 1);
    currency.append(row.currency.code());
    for (std::size_t b = 0; b < bo::kAgeingBucketCount; ++b) buckets[b].push_back(row.bucket_minor[b]);
    total.push_back(row.total_minor);
    items.push_back(row.items);
  };
  // Each currency's customers, then its total row: both lists are sorted by code.
  std::size_t next_total = 0;
  for (const auto& row : report.customers) {
    while (next_total < report.totals.size() &&
           report.totals[next_total].currency.code() < row.currency.code()) {
      put(report.totals[next_total++], true);
    }
    put(row, false);
  }
  while (next_total < report.totals.size()) put(report.totals[next_total++], true);
  bo::capi::Table table(n);
  BO_RETURN_IF_ERROR(table.add(bo::capi::int64_column("customer_id", ColumnType::kInt64, std::move(customer),
                                                      std::move(customer_valid))));
  BO_RETURN_IF_ERROR(table.add(std::move(currency).finish("currency")));
  for (std::size_t b = 0; b < bo::kAgeingBucketCount; ++b) {
    BO_RETURN_IF_ERROR(
        table.add(bo::capi::int64_column(kBucketColumns[b], ColumnType::kInt64, std::move(buckets[b]))));
  }
  BO_RETURN_IF_ERROR(table.add(bo::capi::int64_column("total_minor", ColumnType::kInt64, std::move(total))));
  BO_RETURN_IF_ERROR(table.add(bo::capi::int64_column("invoices", ColumnType::kInt64, std::move(items))));
  table.metadata.emplace_back("as_of", report.as_of.to_string());
  table.metadata.emplace_back("time_zone", std::string(zone));
  table.metadata.emplace_back("buckets", "days past due: current <= 0, 1-30, 31-60, 61-90, 90+ >= 91");
  return table;
}

}  // namespace

extern "C" {

bo_status bo_order_create(bo_order_t** out, int64_t order_id, int64_t customer_id, const char* currency,
                          size_t line_count, const char* const* skus, const int64_t* quantities,
                          const int64_t* unit_price_minor, int64_t shipping_minor, int64_t tax_minor,
                          int64_t placed_unix_ms, int32_t refund_shipping_on_full_return) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(currency);
    if (line_count > 0) {
      BO_REQUIRE(skus);
      BO_REQUIRE(quantities);
      BO_REQUIRE(unit_price_minor);
    }
    auto cur = bo::Currency::of(currency);
    if (!cur) return fail(cur.error());
    std::vector<bo::OrderLine> lines;
    lines.reserve(line_count);
    for (size_t i = 0; i < line_count; ++i) {
      lines.push_back(bo::OrderLine{std::string(text_or_empty(skus[i])), quantities[i],
                                    bo::Money(unit_price_minor[i], *cur)});
    }
    bo::Order order{bo::OrderId{order_id},
                    bo::CustomerId{customer_id},
                    bo::OrderStatus::kPlaced,
                    std::move(lines),
                    bo::Money(shipping_minor, *cur),
                    bo::Money(tax_minor, *cur),
                    at(placed_unix_ms),
                    at(placed_unix_ms)};
    auto wf = bo::OrderWorkflow::place(std::move(order), "system",
                                       bo::ReturnPolicy{refund_shipping_on_full_return != 0});
    if (!wf) return fail(wf.error());
    *out = new bo_order(std::move(wf).value());
    return BO_OK;
  });
}

void bo_order_destroy(bo_order_t* order) { delete order; }

bo_status bo_order_status(const char** out, const bo_order_t* order) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(order);
    // Status names are string literals, so their data() is NUL-terminated.
    *out = bo::to_string(order->workflow.status()).data();
    return BO_OK;
  });
}

bo_status bo_order_amounts(int64_t* out_total_minor, int64_t* out_refunded_minor, const bo_order_t* order) {
  return guarded([&] {
    BO_REQUIRE(order);
    auto total = order->workflow.order().total();
    if (!total) return fail(total.error());
    if (out_total_minor != nullptr) *out_total_minor = total->minor_units();
    if (out_refunded_minor != nullptr)
      *out_refunded_minor = order->workflow.returns().refunded_total().minor_units();
    return BO_OK;
  });
}

bo_status bo_order_verify(int32_t* out_passed, char** out_reasons, size_t* out_reasons_len, bo_order_t* order,
                          int32_t address_present, int32_t payment_authorised, size_t out_of_stock_count,
                          const char* const* out_of_stock_skus, int64_t at_unix_ms, const char* actor) {
  return guarded([&] {
    BO_REQUIRE(out_passed);
    BO_REQUIRE(order);
    if (out_of_stock_count > 0) BO_REQUIRE(out_of_stock_skus);
    bo::VerificationChecks checks;
    checks.address_present = address_present != 0;
    checks.payment_authorised = payment_authorised != 0;
    for (size_t i = 0; i < out_of_stock_count; ++i) {
      checks.out_of_stock_skus.emplace_back(text_or_empty(out_of_stock_skus[i]));
    }
    auto outcome = order->workflow.verify(checks, at(at_unix_ms), actor_of(actor));
    if (!outcome) return fail(outcome.error());
    std::string reasons;
    for (const auto& f : outcome->failures) {
      if (!reasons.empty()) reasons += "; ";
      reasons += f.to_string();
    }
    if (out_reasons != nullptr) {
      const bo_status s = backoffice::capi::copy_out(out_reasons, out_reasons_len, reasons);
      if (s != BO_OK) return s;
    }
    *out_passed = outcome->passed() ? 1 : 0;
    return BO_OK;
  });
}

bo_status bo_order_start_fulfilment(bo_order_t* order, int64_t at_unix_ms, const char* actor) {
  return guarded([&] {
    BO_REQUIRE(order);
    return status_of(order->workflow.start_fulfilment(at(at_unix_ms), actor_of(actor)));
  });
}

bo_status bo_order_ship(bo_order_t* order, const char* carrier, const char* tracking, int64_t at_unix_ms,
                        const char* actor) {
  return guarded([&] {
    BO_REQUIRE(order);
    return status_of(order->workflow.ship(text_or_empty(carrier), text_or_empty(tracking), at(at_unix_ms),
                                          actor_of(actor)));
  });
}

bo_status bo_order_deliver(bo_order_t* order, int64_t at_unix_ms, const char* actor) {
  return guarded([&] {
    BO_REQUIRE(order);
    return status_of(order->workflow.deliver(at(at_unix_ms), actor_of(actor)));
  });
}

bo_status bo_order_cancel(bo_order_t* order, int64_t at_unix_ms, const char* reason, const char* actor) {
  return guarded([&] {
    BO_REQUIRE(order);
    return status_of(order->workflow.cancel(at(at_unix_ms), text_or_empty(reason), actor_of(actor)));
  });
}

bo_status bo_order_request_return(int64_t* out_rma, bo_order_t* order, size_t count,
                                  const int64_t* line_indexes, const int64_t* quantities, int64_t at_unix_ms,
                                  const char* reason, const char* actor) {
  return guarded([&] {
    BO_REQUIRE(out_rma);
    BO_REQUIRE(order);
    if (count > 0) {
      BO_REQUIRE(line_indexes);
      BO_REQUIRE(quantities);
    }
    std::vector<bo::ReturnLine> lines;
    for (size_t i = 0; i < count; ++i) {
      if (line_indexes[i] < 0) {
        return fail(bo::invalid_argument("rma.lines[" + std::to_string(i) + "].line",
                                         std::to_string(line_indexes[i]), "must be >= 0"));
      }
      lines.push_back(bo::ReturnLine{static_cast<std::size_t>(line_indexes[i]), quantities[i]});
    }
    auto id = order->workflow.request_return(std::move(lines), at(at_unix_ms), text_or_empty(reason),
                                             actor_of(actor));
    if (!id) return fail(id.error());
    *out_rma = id->value();
    return BO_OK;
  });
}

bo_status bo_order_receive_return(bo_order_t* order, int64_t rma, int64_t at_unix_ms, const char* actor) {
  return guarded([&] {
    BO_REQUIRE(order);
    return status_of(order->workflow.receive_return(bo::RmaId{rma}, at(at_unix_ms), actor_of(actor)));
  });
}

bo_status bo_order_reject_return(bo_order_t* order, int64_t rma, int64_t at_unix_ms, const char* reason,
                                 const char* actor) {
  return guarded([&] {
    BO_REQUIRE(order);
    return status_of(order->workflow.reject_return(bo::RmaId{rma}, at(at_unix_ms), text_or_empty(reason),
                                                   actor_of(actor)));
  });
}

bo_status bo_order_refund_return(bo_refund_t* out, bo_order_t* order, int64_t rma, int64_t at_unix_ms,
                                 const char* actor) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(order);
    auto refund = order->workflow.refund_return(bo::RmaId{rma}, at(at_unix_ms), actor_of(actor));
    if (!refund) return fail(refund.error());
    bo_refund_t r;
    std::memset(&r, 0, sizeof r);
    r.goods_minor = refund->goods.minor_units();
    r.tax_minor = refund->tax.minor_units();
    r.shipping_minor = refund->shipping.minor_units();
    r.total_minor = refund->total.minor_units();
    std::memcpy(r.currency, refund->total.currency().code().data(), 3);
    r.completes_order = refund->completes_order ? 1 : 0;
    *out = r;
    return BO_OK;
  });
}

bo_status bo_order_history_count(size_t* out, const bo_order_t* order) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(order);
    *out = order->workflow.history().size();
    return BO_OK;
  });
}

bo_status bo_order_history_get(bo_order_event_t* out, const bo_order_t* order, size_t index) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(order);
    const auto& h = order->workflow.history();
    if (index >= h.size()) {
      return fail(bo::invalid_argument("index", std::to_string(index),
                                       "the order has " + std::to_string(h.size()) + " history entries"));
    }
    const bo::OrderEvent& e = h[index];
    out->at_unix_ms = e.at.unix_ms();
    out->actor = e.actor.c_str();
    out->from_status = bo::to_string(e.from).data();
    out->to_status = bo::to_string(e.to).data();
    out->reason = e.reason.c_str();
    return BO_OK;
  });
}

bo_status bo_ar_ageing(bo_table_t** out, size_t rows, const int64_t* customer_ids, const int64_t* due_unix_ms,
                       const int64_t* open_minor, const char* const* currencies, const char* currency,
                       int64_t as_of_unix_ms, const char* time_zone) {
  return guarded([&] {
    BO_REQUIRE(out);
    if (rows > 0) {
      BO_REQUIRE(customer_ids);
      BO_REQUIRE(due_unix_ms);
      BO_REQUIRE(open_minor);
    }
    if (currencies == nullptr) BO_REQUIRE(currency);
    const std::string_view zone_name =
        (time_zone == nullptr || *time_zone == '\0') ? std::string_view("UTC") : std::string_view(time_zone);
    auto zone = bo::TimeZone::locate(zone_name);
    if (!zone) return fail(zone.error());

    std::vector<bo::Currency> codes;
    std::vector<std::int32_t> index;
    if (currencies == nullptr) {
      auto c = bo::Currency::of(currency);
      if (!c) return fail(c.error());
      codes.push_back(*c);
    } else {
      index.resize(rows);
      for (size_t i = 0; i < rows; ++i) {
        const std::string_view code = text_or_empty(currencies[i]);
        std::size_t k = 0;
        while (k < codes.size() && codes[k].code() != code) ++k;
        if (k == codes.size()) {
          auto c = bo::Currency::of(code);
          if (!c) {
            bo::Error e = c.error();
            e.field = "currencies[" + std::to_string(i) + "]";
            return fail(e);
          }
          codes.push_back(*c);
        }
        index[i] = static_cast<std::int32_t>(k);
      }
    }
    std::vector<std::int32_t> due_day(rows);
    const std::span<const std::int64_t> due_ms(due_unix_ms, rows);
    const bo::Status converted = bo::local_days(due_ms, *zone, due_day);
    if (!converted.ok()) return fail(converted.error());
    const bo::ReceivableColumns cols{{customer_ids, rows}, due_day, {open_minor, rows}, index, codes};
    auto report = bo::age_receivables(cols, at(as_of_unix_ms), *zone);
    if (!report) return fail(report.error());
    auto table = ageing_table(*report, zone_name);
    if (!table) return fail(table.error());
    *out = new bo_table{std::move(table).value()};
    return BO_OK;
  });
}

}  // extern "C"
