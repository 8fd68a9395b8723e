// Order lifecycle, returns and receivables ageing for backoffice.orders.

#include "bindings.hpp"

#include <backoffice/store/store.hpp>
#include <backoffice/workflow/billing_ageing.hpp>
#include <backoffice/workflow/billing_ledger.hpp>
#include <backoffice/workflow/order_lifecycle.hpp>

#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace backoffice::python {

namespace {

Instant at(std::int64_t ms) { return Instant::from_unix_ms(ms); }

py::dict refund_dict(const Refund& r) {
  py::dict d;
  d["goods_minor"] = r.goods.minor_units();
  d["tax_minor"] = r.tax.minor_units();
  d["shipping_minor"] = r.shipping.minor_units();
  d["total_minor"] = r.total.minor_units();
  d["currency"] = std::string(r.total.currency().code());
  d["completes_order"] = r.completes_order;
  return d;
}

template <typename T>
py::array_t<T> to_numpy(std::vector<T>&& v) {
  py::array_t<T> out(static_cast<py::ssize_t>(v.size()));
  std::copy(v.begin(), v.end(), out.mutable_data());
  return out;
}

LocalDate day(std::int32_t days) { return LocalDate(days); }

py::dict invoice_dict(const Invoice& inv, const Money& open) {
  py::dict d;
  d["id"] = inv.id.value();
  d["customer_id"] = inv.customer.value();
  d["order_id"] = inv.order ? py::object(py::int_(inv.order->value())) : py::object(py::none());
  d["currency"] = std::string(inv.currency().code());
  py::list lines;
  for (const InvoiceLine& l : inv.lines) {
    lines.append(
        py::make_tuple(l.description, l.quantity, l.unit_price.minor_units(), l.amount.minor_units()));
  }
  d["lines"] = lines;
  d["subtotal_minor"] = inv.subtotal.minor_units();
  d["shipping_minor"] = inv.shipping.minor_units();
  d["tax_minor"] = inv.tax.minor_units();
  d["total_minor"] = inv.total.minor_units();
  d["open_minor"] = open.minor_units();
  d["issue_day"] = inv.issue_date.days_since_epoch();
  d["due_day"] = inv.due_date.days_since_epoch();
  return d;
}

// The stored ledger rebuilt (every rule re-checked) and its open items.
Result<OpenItems> restored_open_items(const Store& s) {
  BO_ASSIGN_OR_RETURN(auto invoices, s.invoices());
  BO_ASSIGN_OR_RETURN(auto notes, s.credit_notes());
  BO_ASSIGN_OR_RETURN(auto payments, s.payments());
  BO_ASSIGN_OR_RETURN(auto ledger, Receivables::restore(std::move(invoices), notes, payments));
  return ledger.open_items();
}

}  // namespace

void bind_workflow_orders(py::module_& m) {
  // The receivables ledger in a store. Dates are days since 1970-01-01;
  // money is minor units of `currency`. Amounts of lines, subtotal and
  // total are computed exactly here.
  m.def(
      "invoice_save",
      [](py::handle store, std::int64_t id, std::int64_t customer_id, std::optional<std::int64_t> order_id,
         const std::string& currency, const std::vector<std::string>& descriptions,
         const std::vector<std::int64_t>& quantities, const std::vector<std::int64_t>& unit_price_minor,
         std::int64_t shipping_minor, std::int64_t tax_minor, std::int32_t issue_day, std::int32_t due_day) {
        if (quantities.size() != descriptions.size() || unit_price_minor.size() != descriptions.size()) {
          raise(invalid_argument("lines", std::to_string(descriptions.size()),
                                 "descriptions, quantities and unit prices must have the same length"));
        }
        const Currency cur = unwrap(Currency::of(currency));
        std::vector<InvoiceLine> lines;
        Money subtotal(0, cur);
        for (std::size_t i = 0; i < descriptions.size(); ++i) {
          const Money unit(unit_price_minor[i], cur);
          const Money amount = unwrap(unit.multiply(quantities[i]));
          subtotal = unwrap(subtotal.add(amount));
          lines.push_back(InvoiceLine{descriptions[i], quantities[i], unit, amount});
        }
        const Money shipping(shipping_minor, cur);
        const Money tax(tax_minor, cur);
        const Money total = unwrap(unwrap(subtotal.add(shipping)).add(tax));
        Invoice inv{
            InvoiceId(id), CustomerId(customer_id), std::nullopt, std::move(lines), subtotal, shipping, tax,
            total,         day(issue_day),          day(due_day)};
        if (order_id) inv.order = OrderId(*order_id);
        Status st;
        with_store(store, [&](Store& s) { st = s.put_invoice(inv); });
        check(st);
      },
      py::arg("store"), py::arg("id"), py::arg("customer_id"), py::arg("order_id"), py::arg("currency"),
      py::arg("descriptions"), py::arg("quantities"), py::arg("unit_price_minor"), py::arg("shipping_minor"),
      py::arg("tax_minor"), py::arg("issue_day"), py::arg("due_day"));
  m.def("invoice_load", [](py::handle store, std::int64_t id) {
    std::optional<Result<Invoice>> inv;
    std::optional<Result<Money>> open;
    with_store(store, [&](Store& s) {
      inv.emplace(s.get_invoice(InvoiceId(id)));
      if (inv->ok()) open.emplace(s.open_balance(InvoiceId(id)));
    });
    const Invoice found = unwrap(std::move(*inv));
    return invoice_dict(found, unwrap(std::move(*open)));
  });
  m.def(
      "invoices_list",
      [](py::handle store, std::optional<std::int32_t> from_day, std::optional<std::int32_t> to_day,
         std::optional<std::int64_t> customer_id) {
        InvoiceQuery q;
        if (from_day) q.from = day(*from_day);
        if (to_day) q.to = day(*to_day);
        if (customer_id) q.customer = CustomerId(*customer_id);
        std::optional<Result<std::vector<Invoice>>> found;
        std::vector<Result<Money>> open;
        with_store(store, [&](Store& s) {
          found.emplace(s.invoices(q));
          if (found->ok()) {
            for (const Invoice& inv : **found) open.push_back(s.open_balance(inv.id));
          }
        });
        const auto invoices = unwrap(std::move(*found));
        py::list out;
        for (std::size_t i = 0; i < invoices.size(); ++i)
          out.append(invoice_dict(invoices[i], unwrap(std::move(open[i]))));
        return out;
      },
      py::arg("store"), py::arg("from_day"), py::arg("to_day"), py::arg("customer_id"));
  m.def(
      "credit_note_add",
      [](py::handle store, std::int64_t invoice_id, const std::string& kind, const std::string& currency,
         std::int64_t amount_minor, std::int32_t date_day, const std::string& reason) {
        const CreditNote note{0,
                              InvoiceId(invoice_id),
                              unwrap(parse_credit_note_kind(kind, "kind")),
                              Money(amount_minor, unwrap(Currency::of(currency))),
                              day(date_day),
                              reason};
        std::optional<Result<CreditNote>> out;
        with_store(store, [&](Store& s) { out.emplace(s.add_credit_note(note)); });
        return unwrap(std::move(*out)).number;
      },
      py::arg("store"), py::arg("invoice_id"), py::arg("kind"), py::arg("currency"), py::arg("amount_minor"),
      py::arg("date_day"), py::arg("reason"));
  m.def(
      "payment_add",
      [](py::handle store, std::int64_t customer_id, const std::string& currency, std::int64_t amount_minor,
         std::int32_t received_day, const std::vector<std::int64_t>& invoice_ids,
         const std::vector<std::int64_t>& allocated_minor) {
        if (invoice_ids.size() != allocated_minor.size()) {
          raise(invalid_argument("allocations", std::to_string(invoice_ids.size()),
                                 "invoice ids and amounts must have the same length"));
        }
        const Currency cur = unwrap(Currency::of(currency));
        Payment p{0, CustomerId(customer_id), Money(amount_minor, cur), day(received_day), {}, Money(0, cur)};
        std::int64_t allocated = 0;
        for (std::size_t i = 0; i < invoice_ids.size(); ++i) {
          p.allocations.push_back(
              PaymentAllocation{InvoiceId(invoice_ids[i]), Money(allocated_minor[i], cur)});
          // Saturated: more than the payment fails on "payment.allocations" anyway.
          if (allocated_minor[i] > 0 && __builtin_add_overflow(allocated, allocated_minor[i], &allocated)) {
            allocated = INT64_MAX;
          }
        }
        p.unapplied = Money(allocated > amount_minor ? 0 : amount_minor - allocated, cur);
        std::optional<Result<Payment>> out;
        with_store(store, [&](Store& s) { out.emplace(s.add_payment(p)); });
        return unwrap(std::move(*out)).number;
      },
      py::arg("store"), py::arg("customer_id"), py::arg("currency"), py::arg("amount_minor"),
      py::arg("received_day"), py::arg("invoice_ids"), py::arg("allocated_minor"));
  m.def("ledger_entries", [](py::handle store) {
    std::optional<Result<std::vector<CreditNote>>> notes;
    std::optional<Result<std::vector<Payment>>> payments;
    with_store(store, [&](Store& s) {
      notes.emplace(s.credit_notes());
      payments.emplace(s.payments());
    });
    py::list out_notes, out_payments;
    for (const CreditNote& n : unwrap(std::move(*notes))) {
      out_notes.append(py::make_tuple(n.number, n.invoice.value(), std::string(to_string(n.kind)),
                                      std::string(n.amount.currency().code()), n.amount.minor_units(),
                                      n.date.days_since_epoch(), n.reason));
    }
    for (const Payment& p : unwrap(std::move(*payments))) {
      py::list allocations;
      for (const auto& a : p.allocations)
        allocations.append(py::make_tuple(a.invoice.value(), a.amount.minor_units()));
      out_payments.append(py::make_tuple(
          p.number, p.customer.value(), std::string(p.amount.currency().code()), p.amount.minor_units(),
          p.received.days_since_epoch(), p.unapplied.minor_units(), allocations));
    }
    return py::make_tuple(out_notes, out_payments);
  });
  // An order's record and RMAs (one transaction each; upserts, so a retry
  // converges), and its RMAs read back through OrderReturns::restore.
  m.def("order_save", [](py::handle store, const OrderWorkflow& w) {
    Status st;
    with_store(store, [&](Store& s) {
      st = s.put_order(w.order());
      for (const Rma& r : w.returns().rmas()) {
        if (!st.ok()) break;
        st = s.put_rma(w.order().id, r);
      }
    });
    check(st);
  });
  m.def("order_returns_load", [](py::handle store, std::int64_t order_id, bool refund_shipping_on_full_return) {
    std::optional<Result<Order>> order;
    std::optional<Result<std::vector<Rma>>> rmas;
    with_store(store, [&](Store& s) {
      order.emplace(s.get_order(OrderId(order_id)));
      if (order->ok()) rmas.emplace(s.rmas(OrderId(order_id)));
    });
    const Order o = unwrap(std::move(*order));
    check(o.validate());
    const std::vector<Rma> stored = unwrap(std::move(*rmas));
    const OrderReturns returns = unwrap(OrderReturns::restore(o, ReturnPolicy{refund_shipping_on_full_return}, stored));
    py::list out;
    for (const Rma& r : returns.rmas()) {
      py::dict d;
      d["rma"] = r.id.value();
      d["status"] = std::string(to_string(r.status));
      std::vector<std::pair<std::int64_t, std::int64_t>> lines;
      for (const auto& l : r.lines) lines.emplace_back(static_cast<std::int64_t>(l.line), l.quantity);
      d["lines"] = lines;
      d["requested_ms"] = r.requested_at.unix_ms();
      d["updated_ms"] = r.updated_at.unix_ms();
      d["reason"] = r.reason;
      d["refund_minor"] = r.refund ? py::object(py::int_(r.refund->total.minor_units())) : py::none();
      out.append(d);
    }
    return out;
  });
  // Open items of the stored ledger after Receivables::restore re-checked
  // every rule: columns invoice, customer, due_day, open_minor, currency
  // (index into currencies), currencies.
  m.def("receivables_open_items", [](py::handle store) {
    std::optional<Result<OpenItems>> items;
    with_store(store, [&](Store& s) { items.emplace(restored_open_items(s)); });
    OpenItems it = unwrap(std::move(*items));
    py::dict d;
    d["invoice"] = to_numpy(std::move(it.invoice));
    d["customer"] = to_numpy(std::move(it.customer));
    d["due_day"] = to_numpy(std::move(it.due_day));
    d["open_minor"] = to_numpy(std::move(it.open_minor));
    d["currency"] = to_numpy(std::move(it.currency));
    std::vector<std::string> codes;
    for (const Currency& c : it.currencies) codes.emplace_back(c.code());
    d["currencies"] = codes;
    return d;
  });

  py::class_<OrderWorkflow>(m, "OrderWorkflow")
      .def(py::init([](std::int64_t id, std::int64_t customer_id, const std::string& currency,
                       const std::vector<std::string>& skus, const std::vector<std::int64_t>& quantities,
                       const std::vector<std::int64_t>& unit_price_minor, std::int64_t shipping_minor,
                       std::int64_t tax_minor, std::int64_t placed_ms, bool refund_shipping_on_full_return,
                       const std::string& actor) {
             if (quantities.size() != skus.size() || unit_price_minor.size() != skus.size()) {
               raise(invalid_argument("lines", std::to_string(skus.size()),
                                      "skus, quantities and unit prices must have the same length"));
             }
             const Currency cur = unwrap(Currency::of(currency));
             std::vector<OrderLine> lines;
             for (std::size_t i = 0; i < skus.size(); ++i) {
               lines.push_back(OrderLine{skus[i], quantities[i], Money(unit_price_minor[i], cur)});
             }
             Order order{OrderId(id),
                         CustomerId(customer_id),
                         OrderStatus::kPlaced,
                         std::move(lines),
                         Money(shipping_minor, cur),
                         Money(tax_minor, cur),
                         at(placed_ms),
                         at(placed_ms)};
             return unwrap(
                 OrderWorkflow::place(std::move(order), actor, ReturnPolicy{refund_shipping_on_full_return}));
           }),
           py::arg("id"), py::arg("customer_id"), py::arg("currency"), py::arg("skus"), py::arg("quantities"),
           py::arg("unit_price_minor"), py::arg("shipping_minor"), py::arg("tax_minor"), py::arg("placed_ms"),
           py::arg("refund_shipping_on_full_return"), py::arg("actor"))
      .def_property_readonly("id", [](const OrderWorkflow& w) { return w.order().id.value(); })
      .def_property_readonly("customer_id", [](const OrderWorkflow& w) { return w.order().customer.value(); })
      .def_property_readonly("status",
                             [](const OrderWorkflow& w) { return std::string(to_string(w.status())); })
      .def_property_readonly("currency",
                             [](const OrderWorkflow& w) { return std::string(w.order().currency().code()); })
      .def_property_readonly("total_minor",
                             [](const OrderWorkflow& w) { return unwrap(w.order().total()).minor_units(); })
      .def_property_readonly(
          "refunded_minor", [](const OrderWorkflow& w) { return w.returns().refunded_total().minor_units(); })
      .def_property_readonly("shipment",
                             [](const OrderWorkflow& w) -> std::optional<py::tuple> {
                               if (!w.shipment()) return std::nullopt;
                               return py::make_tuple(w.shipment()->carrier, w.shipment()->tracking,
                                                     w.shipment()->shipped_at.unix_ms());
                             })
      .def("verify",
           [](OrderWorkflow& w, bool address_present, bool payment_authorised,
              const std::vector<std::string>& out_of_stock, std::int64_t at_ms, const std::string& actor) {
             VerificationChecks checks{address_present, payment_authorised, out_of_stock};
             const VerificationOutcome o = unwrap(w.verify(checks, at(at_ms), actor));
             std::vector<std::string> reasons;
             for (const auto& f : o.failures) reasons.push_back(f.to_string());
             return reasons;
           })
      .def("start_fulfilment", [](OrderWorkflow& w, std::int64_t at_ms,
                                  const std::string& actor) { check(w.start_fulfilment(at(at_ms), actor)); })
      .def("ship",
           [](OrderWorkflow& w, const std::string& carrier, const std::string& tracking, std::int64_t at_ms,
              const std::string& actor) { check(w.ship(carrier, tracking, at(at_ms), actor)); })
      .def("deliver", [](OrderWorkflow& w, std::int64_t at_ms,
                         const std::string& actor) { check(w.deliver(at(at_ms), actor)); })
      .def("cancel", [](OrderWorkflow& w, std::int64_t at_ms, const std::string& reason,
                        const std::string& actor) { check(w.cancel(at(at_ms), reason, actor)); })
      .def("request_return",
           [](OrderWorkflow& w, const std::vector<std::pair<std::int64_t, std::int64_t>>& lines,
              std::int64_t at_ms, const std::string& reason, const std::string& actor) {
             std::vector<ReturnLine> rl;
             for (std::size_t i = 0; i < lines.size(); ++i) {
               if (lines[i].first < 0) {
                 raise(invalid_argument("rma.lines[" + std::to_string(i) + "].line",
                                        std::to_string(lines[i].first), "must be >= 0"));
               }
               rl.push_back(ReturnLine{static_cast<std::size_t>(lines[i].first), lines[i].second});
             }
             return unwrap(w.request_return(std::move(rl), at(at_ms), reason, actor)).value();
           })
      .def("receive_return",
           [](OrderWorkflow& w, std::int64_t rma, std::int64_t at_ms, const std::string& actor) {
             check(w.receive_return(RmaId(rma), at(at_ms), actor));
           })
      .def("reject_return",
           [](OrderWorkflow& w, std::int64_t rma, std::int64_t at_ms, const std::string& reason,
              const std::string& actor) { check(w.reject_return(RmaId(rma), at(at_ms), reason, actor)); })
      .def("quote_refund",
           [](const OrderWorkflow& w, std::int64_t rma) {
             return refund_dict(unwrap(w.returns().quote(RmaId(rma))));
           })
      .def("refund_return",
           [](OrderWorkflow& w, std::int64_t rma, std::int64_t at_ms, const std::string& actor) {
             return refund_dict(unwrap(w.refund_return(RmaId(rma), at(at_ms), actor)));
           })
      .def("returns",
           [](const OrderWorkflow& w) {
             py::list out;
             for (const Rma& r : w.returns().rmas()) {
               py::dict d;
               d["rma"] = r.id.value();
               d["status"] = std::string(to_string(r.status));
               std::vector<std::pair<std::int64_t, std::int64_t>> lines;
               for (const auto& l : r.lines)
                 lines.emplace_back(static_cast<std::int64_t>(l.line), l.quantity);
               d["lines"] = lines;
               d["requested_ms"] = r.requested_at.unix_ms();
               d["updated_ms"] = r.updated_at.unix_ms();
               d["reason"] = r.reason;
               d["refund_minor"] =
                   r.refund ? py::object(py::int_(r.refund->total.minor_units())) : py::none();
               out.append(d);
             }
             return out;
           })
      .def("history", [](const OrderWorkflow& w) {
        py::list at_ms, actor, from, to, reason;
        for (const auto& e : w.history()) {
          at_ms.append(e.at.unix_ms());
          actor.append(e.actor);
          from.append(std::string(to_string(e.from)));
          to.append(std::string(to_string(e.to)));
          reason.append(e.reason);
        }
        py::dict d;
        d["at_ms"] = at_ms;
        d["actor"] = actor;
        d["from_status"] = from;
        d["to_status"] = to;
        d["reason"] = reason;
        return d;
      });

  // Columns in, columns out: customer ids, due dates as local days since
  // 1970-01-01, open balances in minor units, currency index per row into
  // `currencies`. Ages as of the local date of as_of_ms in `zone`.
  m.def(
      "ar_ageing",
      [](py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> customer,
         py::array_t<std::int32_t, py::array::c_style | py::array::forcecast> due_day,
         py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> open_minor,
         py::array_t<std::int32_t, py::array::c_style | py::array::forcecast> currency,
         const std::vector<std::string>& currencies, std::int64_t as_of_ms, const std::string& zone_name) {
        const TimeZone zone = unwrap(TimeZone::locate(zone_name));
        std::vector<Currency> codes;
        for (const auto& c : currencies) codes.push_back(unwrap(Currency::of(c)));
        const auto n = [](const auto& a) { return static_cast<std::size_t>(a.size()); };
        const ReceivableColumns cols{{customer.data(), n(customer)},
                                     {due_day.data(), n(due_day)},
                                     {open_minor.data(), n(open_minor)},
                                     {currency.data(), n(currency)},
                                     codes};
        std::optional<Result<AgeingReport>> report;
        {
          py::gil_scoped_release release;
          report.emplace(age_receivables(cols, at(as_of_ms), zone));
        }
        const AgeingReport r = unwrap(std::move(*report));
        std::vector<std::int64_t> customer_id, total, items;
        std::vector<bool> is_total;
        std::vector<std::string> code;
        std::vector<std::vector<std::int64_t>> buckets(kAgeingBucketCount);
        auto put = [&](const AgeingRow& row, bool t) {
          customer_id.push_back(row.customer.value());
          is_total.push_back(t);
          code.emplace_back(row.currency.code());
          for (std::size_t b = 0; b < kAgeingBucketCount; ++b) buckets[b].push_back(row.bucket_minor[b]);
          total.push_back(row.total_minor);
          items.push_back(row.items);
        };
        std::size_t next_total = 0;
        for (const auto& row : r.customers) {
          while (next_total < r.totals.size() && r.totals[next_total].currency.code() < row.currency.code()) {
            put(r.totals[next_total++], true);
          }
          put(row, false);
        }
        while (next_total < r.totals.size()) put(r.totals[next_total++], true);
        py::dict d;
        d["customer_id"] = to_numpy(std::move(customer_id));
        d["is_total"] = is_total;
        d["currency"] = code;
        for (std::size_t b = 0; b < kAgeingBucketCount; ++b) {
          d[py::str(std::string(to_string(kAllAgeingBuckets[b])))] = to_numpy(std::move(buckets[b]));
        }
        d["total"] = to_numpy(std::move(total));
        d["invoices"] = to_numpy(std::move(items));
        d["as_of"] = r.as_of.to_string();
        return d;
      },
      py::arg("customer"), py::arg("due_day"), py::arg("open_minor"), py::arg("currency"),
      py::arg("currencies"), py::arg("as_of_ms"), py::arg("zone"));
}

}  // namespace backoffice::python
