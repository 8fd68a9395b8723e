// Order lifecycle, returns and refunds, and receivables ageing at the C
// boundary.

#include "boundary.hpp"
#include "handles.hpp"

#include <backoffice/backoffice_orders.h>
#include <backoffice/workflow/billing_ageing.hpp>
#include <backoffice/workflow/billing_ledger.hpp>
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

// A "YYYY-MM-DD" argument; the error names the parameter.
bo::Result<bo::LocalDate> date_arg(const char* text, std::string_view field) {
  auto d = bo::LocalDate::parse(text_or_empty(text));
  if (!d) {
    bo::Error e = d.error();
    e.field = std::string(field);
    return e;
  }
  return *d;
}

// Copies a date's ISO text into a fixed char[11].
void copy_date(char (&out)[11], bo::LocalDate d) {
  const std::string text = d.to_string();
  std::memset(out, 0, sizeof out);
  std::memcpy(out, text.data(), std::min(text.size(), sizeof out - 1));
}

bo::Result<bo::capi::Table> invoice_table(const bo::Store& store, const std::vector<bo::Invoice>& invoices) {
  using bo::capi::ColumnType;
  const std::size_t n = invoices.size();
  std::vector<std::int64_t> id, customer, order, subtotal, shipping, tax, total, open, lines;
  std::vector<std::uint8_t> order_valid;
  bo::capi::StringColumnBuilder currency, issue, due;
  currency.reserve(n, 3 * n);
  issue.reserve(n, 10 * n);
  due.reserve(n, 10 * n);
  for (const bo::Invoice& inv : invoices) {
    BO_ASSIGN_OR_RETURN(bo::Money balance, store.open_balance(inv.id));
    id.push_back(inv.id.value());
    customer.push_back(inv.customer.value());
    order.push_back(inv.order ? inv.order->value() : 0);
    order_valid.push_back(inv.order ? 1 : 0);
    currency.append(inv.currency().code());
    subtotal.push_back(inv.subtotal.minor_units());
    shipping.push_back(inv.shipping.minor_units());
    tax.push_back(inv.tax.minor_units());
    total.push_back(inv.total.minor_units());
    open.push_back(balance.minor_units());
    issue.append(inv.issue_date.to_string());
    due.append(inv.due_date.to_string());
    lines.push_back(static_cast<std::int64_t>(inv.lines.size()));
  }
  bo::capi::Table table(n);
  BO_RETURN_IF_ERROR(table.add(bo::capi::int64_column("id", ColumnType::kInt64, std::move(id))));
  BO_RETURN_IF_ERROR(
      table.add(bo::capi::int64_column("customer_id", ColumnType::kInt64, std::move(customer))));
  BO_RETURN_IF_ERROR(table.add(
      bo::capi::int64_column("order_id", ColumnType::kInt64, std::move(order), std::move(order_valid))));
  BO_RETURN_IF_ERROR(table.add(std::move(currency).finish("currency")));
  BO_RETURN_IF_ERROR(
      table.add(bo::capi::int64_column("subtotal_minor", ColumnType::kInt64, std::move(subtotal))));
  BO_RETURN_IF_ERROR(
      table.add(bo::capi::int64_column("shipping_minor", ColumnType::kInt64, std::move(shipping))));
  BO_RETURN_IF_ERROR(table.add(bo::capi::int64_column("tax_minor", ColumnType::kInt64, std::move(tax))));
  BO_RETURN_IF_ERROR(table.add(bo::capi::int64_column("total_minor", ColumnType::kInt64, std::move(total))));
  BO_RETURN_IF_ERROR(table.add(bo::capi::int64_column("open_minor", ColumnType::kInt64, std::move(open))));
  BO_RETURN_IF_ERROR(table.add(std::move(issue).finish("issue_date")));
  BO_RETURN_IF_ERROR(table.add(std::move(due).finish("due_date")));
  BO_RETURN_IF_ERROR(table.add(bo::capi::int64_column("lines", ColumnType::kInt64, std::move(lines))));
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

bo_status bo_store_put_invoice(bo_store_t* store, int64_t invoice_id, int64_t customer_id, int64_t order_id,
                               const char* currency, size_t line_count, const char* const* descriptions,
                               const int64_t* quantities, const int64_t* unit_price_minor,
                               int64_t shipping_minor, int64_t tax_minor, const char* issue_date,
                               const char* due_date) {
  return guarded([&] {
    BO_REQUIRE(store);
    BO_REQUIRE(currency);
    if (line_count > 0) {
      BO_REQUIRE(descriptions);
      BO_REQUIRE(quantities);
      BO_REQUIRE(unit_price_minor);
    }
    auto cur = bo::Currency::of(currency);
    if (!cur) return fail(cur.error());
    auto issued = date_arg(issue_date, "issue_date");
    if (!issued) return fail(issued.error());
    auto due = date_arg(due_date, "due_date");
    if (!due) return fail(due.error());
    std::vector<bo::InvoiceLine> lines;
    lines.reserve(line_count);
    bo::Money subtotal(0, *cur);
    for (size_t i = 0; i < line_count; ++i) {
      const bo::Money unit(unit_price_minor[i], *cur);
      auto amount = unit.multiply(quantities[i]);
      if (!amount) return fail(amount.error());
      auto sum = subtotal.add(*amount);
      if (!sum) return fail(sum.error());
      subtotal = *sum;
      lines.push_back(
          bo::InvoiceLine{std::string(text_or_empty(descriptions[i])), quantities[i], unit, *amount});
    }
    const bo::Money shipping(shipping_minor, *cur);
    const bo::Money tax(tax_minor, *cur);
    auto total = subtotal.add(shipping);
    if (total) total = total->add(tax);
    if (!total) return fail(total.error());
    bo::Invoice inv{.id = bo::InvoiceId(invoice_id),
                    .customer = bo::CustomerId(customer_id),
                    .order = std::nullopt,
                    .lines = std::move(lines),
                    .subtotal = subtotal,
                    .shipping = shipping,
                    .tax = tax,
                    .total = *total,
                    .issue_date = *issued,
                    .due_date = *due};
    if (order_id != 0) inv.order = bo::OrderId(order_id);
    return status_of(store->store.put_invoice(inv));
  });
}

bo_status bo_store_get_invoice(bo_invoice_info_t* out, const bo_store_t* store, int64_t invoice_id) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(store);
    auto inv = store->store.get_invoice(bo::InvoiceId(invoice_id));
    if (!inv) return fail(inv.error());
    auto open = store->store.open_balance(inv->id);
    if (!open) return fail(open.error());
    bo_invoice_info_t info{};
    info.customer_id = inv->customer.value();
    info.order_id = inv->order ? inv->order->value() : 0;
    info.subtotal_minor = inv->subtotal.minor_units();
    info.shipping_minor = inv->shipping.minor_units();
    info.tax_minor = inv->tax.minor_units();
    info.total_minor = inv->total.minor_units();
    info.open_minor = open->minor_units();
    info.line_count = inv->lines.size();
    std::memcpy(info.currency, inv->currency().code().data(), 3);
    copy_date(info.issue_date, inv->issue_date);
    copy_date(info.due_date, inv->due_date);
    *out = info;
    return BO_OK;
  });
}

bo_status bo_store_add_credit_note(int64_t* out_number, bo_store_t* store, int64_t invoice_id,
                                   const char* kind, const char* currency, int64_t amount_minor,
                                   const char* date, const char* reason) {
  return guarded([&] {
    BO_REQUIRE(out_number);
    BO_REQUIRE(store);
    BO_REQUIRE(currency);
    auto k = bo::parse_credit_note_kind(text_or_empty(kind), "credit_note.kind");
    if (!k) return fail(k.error());
    auto cur = bo::Currency::of(currency);
    if (!cur) return fail(cur.error());
    auto d = date_arg(date, "date");
    if (!d) return fail(d.error());
    const bo::CreditNote note{0,  bo::InvoiceId(invoice_id),         *k, bo::Money(amount_minor, *cur),
                              *d, std::string(text_or_empty(reason))};
    auto stored = store->store.add_credit_note(note);
    if (!stored) return fail(stored.error());
    *out_number = stored->number;
    return BO_OK;
  });
}

bo_status bo_store_add_payment(int64_t* out_number, bo_store_t* store, int64_t customer_id,
                               const char* currency, int64_t amount_minor, const char* received,
                               size_t allocation_count, const int64_t* invoice_ids,
                               const int64_t* allocated_minor) {
  return guarded([&] {
    BO_REQUIRE(out_number);
    BO_REQUIRE(store);
    BO_REQUIRE(currency);
    if (allocation_count > 0) {
      BO_REQUIRE(invoice_ids);
      BO_REQUIRE(allocated_minor);
    }
    auto cur = bo::Currency::of(currency);
    if (!cur) return fail(cur.error());
    auto d = date_arg(received, "received");
    if (!d) return fail(d.error());
    std::vector<bo::PaymentAllocation> allocations;
    allocations.reserve(allocation_count);
    // Saturated: an allocation sum beyond the payment fails validation on
    // "payment.allocations" whatever the overflow.
    std::int64_t allocated = 0;
    for (size_t i = 0; i < allocation_count; ++i) {
      allocations.push_back(
          bo::PaymentAllocation{bo::InvoiceId(invoice_ids[i]), bo::Money(allocated_minor[i], *cur)});
      if (allocated_minor[i] > 0 && __builtin_add_overflow(allocated, allocated_minor[i], &allocated)) {
        allocated = INT64_MAX;
      }
    }
    const std::int64_t unapplied = allocated > amount_minor ? 0 : amount_minor - allocated;
    const bo::Payment payment{0,  bo::CustomerId(customer_id), bo::Money(amount_minor, *cur),
                              *d, std::move(allocations),      bo::Money(unapplied, *cur)};
    auto stored = store->store.add_payment(payment);
    if (!stored) return fail(stored.error());
    *out_number = stored->number;
    return BO_OK;
  });
}

bo_status bo_store_invoices(bo_table_t** out, const bo_store_t* store, const char* from_date,
                            const char* to_date, int64_t customer_id) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(store);
    bo::InvoiceQuery q;
    if (from_date != nullptr) {
      auto d = date_arg(from_date, "from_date");
      if (!d) return fail(d.error());
      q.from = *d;
    }
    if (to_date != nullptr) {
      auto d = date_arg(to_date, "to_date");
      if (!d) return fail(d.error());
      q.to = *d;
    }
    if (customer_id != 0) q.customer = bo::CustomerId(customer_id);
    auto invoices = store->store.invoices(q);
    if (!invoices) return fail(invoices.error());
    auto table = invoice_table(store->store, *invoices);
    if (!table) return fail(table.error());
    *out = new bo_table{std::move(table).value()};
    return BO_OK;
  });
}

bo_status bo_store_ar_ageing(bo_table_t** out, const bo_store_t* store, int64_t as_of_unix_ms,
                             const char* time_zone) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(store);
    const std::string_view zone_name =
        (time_zone == nullptr || *time_zone == '\0') ? std::string_view("UTC") : std::string_view(time_zone);
    auto zone = bo::TimeZone::locate(zone_name);
    if (!zone) return fail(zone.error());
    auto invoices = store->store.invoices();
    if (!invoices) return fail(invoices.error());
    auto notes = store->store.credit_notes();
    if (!notes) return fail(notes.error());
    auto payments = store->store.payments();
    if (!payments) return fail(payments.error());
    auto ledger = bo::Receivables::restore(std::move(invoices).value(), *notes, *payments);
    if (!ledger) return fail(ledger.error());
    const bo::OpenItems items = ledger->open_items();
    if (items.currencies.empty()) {
      // Nothing open: an empty table with the usual columns.
      const bo::AgeingReport empty{zone->to_local(at(as_of_unix_ms)).date(), {}, {}};
      auto table = ageing_table(empty, zone_name);
      if (!table) return fail(table.error());
      *out = new bo_table{std::move(table).value()};
      return BO_OK;
    }
    auto report = bo::age_receivables(items.columns(), at(as_of_unix_ms), *zone);
    if (!report) return fail(report.error());
    auto table = ageing_table(*report, zone_name);
    if (!table) return fail(table.error());
    *out = new bo_table{std::move(table).value()};
    return BO_OK;
  });
}

bo_status bo_store_put_order(bo_store_t* store, const bo_order_t* order) {
  return guarded([&] {
    BO_REQUIRE(store);
    BO_REQUIRE(order);
    const bo::OrderWorkflow& w = order->workflow;
    if (auto s = store->store.put_order(w.order()); !s.ok()) return fail(s.error());
    for (const bo::Rma& rma : w.returns().rmas()) {
      if (auto s = store->store.put_rma(w.order().id, rma); !s.ok()) return fail(s.error());
    }
    return BO_OK;
  });
}

bo_status bo_store_order_returns(bo_table_t** out, const bo_store_t* store, int64_t order_id,
                                 int32_t refund_shipping_on_full_return) {
  return guarded([&] {
    BO_REQUIRE(out);
    BO_REQUIRE(store);
    auto order = store->store.get_order(bo::OrderId(order_id));
    if (!order) return fail(order.error());
    auto rmas = store->store.rmas(order->id);
    if (!rmas) return fail(rmas.error());
    if (auto valid = order->validate(); !valid.ok()) return fail(valid.error());
    const bo::ReturnPolicy policy{refund_shipping_on_full_return != 0};
    auto returns = bo::OrderReturns::restore(*order, policy, *rmas);
    if (!returns) return fail(returns.error());
    using bo::capi::ColumnType;
    const std::size_t n = returns->rmas().size();
    std::vector<std::int64_t> id, requested, updated, lines, units, refund_total, refund_tax;
    std::vector<std::uint8_t> refunded;
    bo::capi::StringColumnBuilder status, reason;
    for (const bo::Rma& r : returns->rmas()) {
      id.push_back(r.id.value());
      status.append(to_string(r.status));
      requested.push_back(r.requested_at.unix_ms());
      updated.push_back(r.updated_at.unix_ms());
      reason.append(r.reason);
      lines.push_back(static_cast<std::int64_t>(r.lines.size()));
      std::int64_t u = 0;
      for (const bo::ReturnLine& l : r.lines) u += l.quantity;
      units.push_back(u);
      refund_total.push_back(r.refund ? r.refund->total.minor_units() : 0);
      refund_tax.push_back(r.refund ? r.refund->tax.minor_units() : 0);
      refunded.push_back(r.refund ? 1 : 0);
    }
    bo::capi::Table table(n);
    auto add = [&](bo::capi::Column c) { return table.add(std::move(c)); };
    bo::Status st = add(bo::capi::int64_column("rma", ColumnType::kInt64, std::move(id)));
    if (st.ok()) st = add(std::move(status).finish("status"));
    if (st.ok()) st = add(bo::capi::int64_column("requested_unix_ms", ColumnType::kInstant, std::move(requested)));
    if (st.ok()) st = add(bo::capi::int64_column("updated_unix_ms", ColumnType::kInstant, std::move(updated)));
    if (st.ok()) st = add(std::move(reason).finish("reason"));
    if (st.ok()) st = add(bo::capi::int64_column("lines", ColumnType::kInt64, std::move(lines)));
    if (st.ok()) st = add(bo::capi::int64_column("units", ColumnType::kInt64, std::move(units)));
    if (st.ok()) {
      st = add(bo::capi::int64_column("refund_total_minor", ColumnType::kInt64, std::move(refund_total), refunded));
    }
    if (st.ok()) {
      st = add(bo::capi::int64_column("refund_tax_minor", ColumnType::kInt64, std::move(refund_tax), refunded));
    }
    if (!st.ok()) return fail(st.error());
    *out = new bo_table{std::move(table)};
    return BO_OK;
  });
}

}  // extern "C"
