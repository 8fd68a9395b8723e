#include "order_demo.hpp"

#include <backoffice/store/store.hpp>
#include <backoffice/workflow/billing_ageing.hpp>
#include <backoffice/workflow/billing_invoice.hpp>
#include <backoffice/workflow/billing_ledger.hpp>
#include <backoffice/workflow/order_lifecycle.hpp>

#include <fmt/format.h>

#include <string>
#include <utility>

namespace backoffice::examples {
namespace {

// The demo's data are fixed, so a failure is a bug: print it and stop.
struct DemoFailure {
  Error error;
};

template <typename T>
T must(Result<T> r) {
  if (!r.ok()) throw DemoFailure{r.error()};
  return std::move(r).value();
}

void must(const Status& s) {
  if (!s.ok()) throw DemoFailure{s.error()};
}

Instant at(const char* iso) { return must(Instant::parse(iso)); }
Money usd(std::int64_t cents) { return must(Money::of_minor(cents, "USD")); }
LocalDate day(const char* ymd) { return must(LocalDate::parse(ymd)); }

void print_event(const OrderEvent& e) {
  fmt::print("    {}  {:<11} {:>10} -> {:<10} {}\n", e.at, e.actor, e.from, e.to, e.reason);
}

// A few more open invoices, so the ageing table has something in each bucket.
void add_other_invoices(Receivables& ledger) {
  struct Other {
    std::int64_t id, customer, cents;
    const char* issued;
  };
  const Other others[] = {{101, 42, 12'000, "2024-01-05"},
                          {102, 43, 4'550, "2024-02-20"},
                          {103, 43, 30'000, "2024-03-25"},
                          {104, 44, 2'599, "2023-12-01"},
                          {105, 44, 8'000, "2024-04-20"}};
  for (const Other& o : others) {
    Order order{OrderId{o.id},
                CustomerId{o.customer},
                OrderStatus::kDelivered,
                {OrderLine{"SERVICE", 1, usd(o.cents)}},
                usd(0),
                usd(0),
                at("2023-12-01T00:00:00Z"),
                at("2023-12-01T00:00:00Z")};
    must(ledger.add_invoice(must(invoice_for_order(InvoiceId{o.id}, order, day(o.issued), 30))));
  }
}

// The order, its invoice and the ledger entries saved in a store, then the
// ledger rebuilt from the store alone: the replay re-checks every entry, and
// the balance SQL computes agrees with the replayed one.
void save_and_restore(const Order& order, const Receivables& ledger, InvoiceId id) {
  Store store = must(Store::open_in_memory());
  Customer customer;
  customer.id = order.customer;
  customer.name = "Customer 42";
  customer.created_at = customer.updated_at = order.placed_at;
  must(store.put_customer(customer));
  must(store.put_order(order));
  must(store.put_invoice(*ledger.invoice(id)));
  for (const Payment& p : ledger.payments()) must(store.add_payment(p));
  for (const CreditNote& n : ledger.credit_notes()) must(store.add_credit_note(n));
  const Receivables restored =
      must(Receivables::restore(must(store.invoices()), must(store.credit_notes()), must(store.payments())));
  fmt::print("  saved to a store and restored: invoice {} open balance {} (replayed), {} (SQL)\n", id,
             must(restored.open_balance(id)), must(store.open_balance(id)));
}

int run() {
  fmt::print("== Orders, returns and billing ==\n");
  // 3 x headset @ 49.90, 1 x dock @ 129.00: subtotal 278.70; shipping 9.90;
  // tax 8.25% of the subtotal = 22.99 (22.99275 rounded half away from zero).
  const Money subtotal = usd(3 * 4990 + 12900);
  Order order{OrderId{5001},
              CustomerId{42},
              OrderStatus::kPlaced,
              {OrderLine{"HEADSET-H2", 3, usd(4990)}, OrderLine{"DOCK-D1", 1, usd(12900)}},
              usd(990),
              must(subtotal.multiply_ratio(825, 10000)),
              at("2024-03-01T09:12:00Z"),
              at("2024-03-01T09:12:00Z")};
  OrderWorkflow wf = must(OrderWorkflow::place(order, "web-shop"));
  fmt::print("  placed: {} lines, subtotal {}, shipping {}, tax {}, total {}\n", wf.order().lines.size(),
             subtotal, wf.order().shipping, wf.order().tax, must(wf.order().total()));

  VerificationOutcome first =
      must(wf.verify({.address_present = true, .payment_authorised = false, .out_of_stock_skus = {"DOCK-D1"}},
                     at("2024-03-01T09:13:00Z"), "fraud-check"));
  fmt::print("  verification failed ({} reasons), order still {}\n", first.failures.size(), wf.status());
  must(wf.verify({.address_present = true, .payment_authorised = true, .out_of_stock_skus = {}},
                 at("2024-03-01T10:40:00Z"), "fraud-check"));
  must(wf.start_fulfilment(at("2024-03-01T13:00:00Z"), "warehouse"));
  must(wf.ship("UPS", "1Z999AA10123456784", at("2024-03-02T08:30:00Z"), "warehouse"));
  must(wf.deliver(at("2024-03-04T15:05:00Z"), "ups-webhook"));
  Status late_cancel = wf.cancel(at("2024-03-05T09:00:00Z"), "changed mind", "agent-7");
  fmt::print("  cancel after delivery refused: {}\n", late_cancel.error().message);

  // Invoice on delivery, net 30.
  Receivables ledger;
  const Invoice invoice = must(invoice_for_order(InvoiceId{9001}, wf.order(), day("2024-03-04"), 30));
  must(ledger.add_invoice(invoice));
  fmt::print("  invoice {}: total {}, issued {}, due {}\n", invoice.id, invoice.total, invoice.issue_date,
             invoice.due_date);

  // The customer pays 100.00 on account; then returns 2 headsets.
  const Payment paid = must(ledger.record_payment(CustomerId{42}, usd(10000), day("2024-03-08")));
  fmt::print("  payment {} allocated to invoice {}: open balance {}\n", paid.amount, invoice.id,
             must(ledger.open_balance(invoice.id)));
  const RmaId rma =
      must(wf.request_return({{0, 2}}, at("2024-03-09T11:00:00Z"), "sound cuts out", "agent-7"));
  must(wf.receive_return(rma, at("2024-03-12T10:00:00Z"), "returns-desk"));
  const Refund refund = must(wf.refund_return(rma, at("2024-03-12T10:30:00Z"), "returns-desk"));
  // 2 x 49.90 = 99.80; tax 22.99 x 99.80 / 278.70 = 8.2326 -> 8.23.
  fmt::print("  RMA {} refunded: goods {} + tax {} + shipping {} = {}\n", rma, refund.goods, refund.tax,
             refund.shipping, refund.total);
  const CreditNote note = must(ledger.issue_credit_note(invoice.id, CreditNoteKind::kRefund, refund.total,
                                                        day("2024-03-12"), fmt::format("RMA {}", rma)));
  fmt::print("  credit note {} ({}) for {}: invoice {} open balance now {}\n", note.number,
             to_string(note.kind), note.amount, invoice.id, must(ledger.open_balance(invoice.id)));
  save_and_restore(wf.order(), ledger, invoice.id);
  fmt::print("  order {} is {}; history:\n", wf.order().id, wf.status());
  for (const OrderEvent& e : wf.history()) print_event(e);

  // Ageing of everything still open, as of 2024-05-06 09:00 in New York.
  add_other_invoices(ledger);
  const OpenItems items = ledger.open_items();
  const TimeZone ny = must(TimeZone::locate("America/New_York"));
  const AgeingReport report = must(age_receivables(items.columns(), at("2024-05-06T13:00:00Z"), ny));
  fmt::print("  AR ageing as of {} (America/New_York), {} open invoices:\n", report.as_of,
             items.invoice.size());
  fmt::print("    {:>8} {:>4} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10}\n", "customer", "cur", "current",
             "1-30", "31-60", "61-90", "90+", "total");
  // "12.34 USD" without its code: the currency has its own column.
  auto amount = [](const Money& m) {
    const std::string text = m.to_string();
    return text.substr(0, text.size() - 4);
  };
  auto row = [&](const std::string& who, const AgeingRow& r) {
    fmt::print("    {:>8} {:>4}", who, r.currency.code());
    for (AgeingBucket b : kAllAgeingBuckets) fmt::print(" {:>10}", amount(r.bucket(b)));
    fmt::print(" {:>10}\n", amount(r.total()));
  };
  for (const AgeingRow& r : report.customers) row(fmt::format("{}", r.customer), r);
  for (const AgeingRow& r : report.totals) row("total", r);
  return 0;
}

}  // namespace

int run_order_demo() {
  try {
    return run();
  } catch (const DemoFailure& f) {
    fmt::print(stderr, "order demo failed: {}\n", f.error);
    return 1;
  }
}

}  // namespace backoffice::examples
