/*
 * backoffice_orders.h: the order lifecycle (verification, fulfilment,
 * shipment, delivery, cancellation), returns with exact refunds, and
 * accounts-receivable ageing. Conventions as in backoffice.h; definitions
 * in docs/workflow_orders.md.
 *
 * Order status names: "placed", "verified", "fulfilling", "shipped",
 * "delivered", "cancelled", "returned". RMA status names: "requested",
 * "received", "refunded", "rejected". Money is int64 minor units (cents)
 * of the order's ISO 4217 currency.
 */
#ifndef BACKOFFICE_BACKOFFICE_ORDERS_H
#define BACKOFFICE_BACKOFFICE_ORDERS_H

#include <backoffice/backoffice.h>

#ifdef __cplusplus
extern "C" {
#endif

/* An order moving through its lifecycle, with its history and returns.
 * One thread at a time. */
typedef struct bo_order bo_order_t;

/* A new order in status "placed" at placed_unix_ms: line i is quantities[i]
 * units of skus[i] at unit_price_minor[i], all in `currency` (e.g. "USD"),
 * plus shipping and tax. refund_shipping_on_full_return: 1 refunds the
 * shipping with the refund that completes a full return, 0 never.
 * *out is owned by the caller; release with bo_order_destroy. Errors:
 * BO_NOT_FOUND naming the currency; BO_VALIDATION naming the "order.*"
 * field (no lines, blank SKU, quantity <= 0, negative amount). */
BO_API bo_status bo_order_create(bo_order_t **out, int64_t order_id, int64_t customer_id,
                                 const char *currency, size_t line_count, const char *const *skus,
                                 const int64_t *quantities, const int64_t *unit_price_minor,
                                 int64_t shipping_minor, int64_t tax_minor, int64_t placed_unix_ms,
                                 int32_t refund_shipping_on_full_return);
/* Releases an order; NULL is ignored. */
BO_API void bo_order_destroy(bo_order_t *order);

/* The current status name (a static string, never freed). */
BO_API bo_status bo_order_status(const char **out, const bo_order_t *order);
/* Exact amounts in minor units: the order total (lines + shipping + tax)
 * and the sum refunded so far. Either pointer may be NULL. */
BO_API bo_status bo_order_amounts(int64_t *out_total_minor, int64_t *out_refunded_minor,
                                  const bo_order_t *order);

/* Verifies a placed order. *out_passed = 1 moves it to "verified"; 0 keeps
 * it "placed", and *out_reasons (may be NULL; owned by the caller, release
 * with bo_free) lists every failure separated by "; " ("address missing",
 * "payment not authorised", "out of stock: <sku>"); "" when passed.
 * out_of_stock_skus may be NULL when out_of_stock_count is 0. actor may be
 * NULL ("system"). Errors: BO_CONFLICT naming "order.status" unless placed;
 * BO_INVALID_ARGUMENT naming "out_of_stock_skus" (a SKU not on the order)
 * or "at" (before the last change). */
BO_API bo_status bo_order_verify(int32_t *out_passed, char **out_reasons, size_t *out_reasons_len,
                                 bo_order_t *order, int32_t address_present,
                                 int32_t payment_authorised, size_t out_of_stock_count,
                                 const char *const *out_of_stock_skus, int64_t at_unix_ms,
                                 const char *actor);
/* verified -> fulfilling. Errors: BO_CONFLICT naming "order.status" (the
 * message names both states); BO_INVALID_ARGUMENT naming "at". */
BO_API bo_status bo_order_start_fulfilment(bo_order_t *order, int64_t at_unix_ms, const char *actor);
/* fulfilling -> shipped with a carrier and tracking number (not blank:
 * BO_INVALID_ARGUMENT naming "carrier" / "tracking"). */
BO_API bo_status bo_order_ship(bo_order_t *order, const char *carrier, const char *tracking,
                               int64_t at_unix_ms, const char *actor);
/* shipped -> delivered. */
BO_API bo_status bo_order_deliver(bo_order_t *order, int64_t at_unix_ms, const char *actor);
/* placed | verified | fulfilling -> cancelled, with a reason (not blank).
 * A shipped order cannot be cancelled: BO_CONFLICT naming "order.status". */
BO_API bo_status bo_order_cancel(bo_order_t *order, int64_t at_unix_ms, const char *reason,
                                 const char *actor);

/* Opens a return (RMA) of quantities[i] units of order line line_indexes[i]
 * (0-based) on a delivered order; *out_rma receives its number (1, 2, ...).
 * Errors: BO_CONFLICT naming "order.status" unless delivered;
 * BO_INVALID_ARGUMENT naming "rma.lines[i].line" or "rma.lines[i].quantity"
 * (more than delivered minus already returned or pending; the message
 * gives the quantities). */
BO_API bo_status bo_order_request_return(int64_t *out_rma, bo_order_t *order, size_t count,
                                         const int64_t *line_indexes, const int64_t *quantities,
                                         int64_t at_unix_ms, const char *reason, const char *actor);
/* requested -> received. Errors: BO_NOT_FOUND naming "rma.id";
 * BO_CONFLICT naming "rma.status". */
BO_API bo_status bo_order_receive_return(bo_order_t *order, int64_t rma, int64_t at_unix_ms,
                                         const char *actor);
/* requested | received -> rejected; the quantities can be returned again. */
BO_API bo_status bo_order_reject_return(bo_order_t *order, int64_t rma, int64_t at_unix_ms,
                                        const char *reason, const char *actor);

/* What a refund pays, in minor units of `currency` (NUL-terminated code).
 * total = goods + tax + shipping. */
typedef struct bo_refund {
  int64_t goods_minor;
  int64_t tax_minor;
  int64_t shipping_minor;
  int64_t total_minor;
  char currency[4];
  int32_t completes_order; /* 1: every unit is now refunded; the order is "returned" */
} bo_refund_t;

/* received -> refunded; fills *out with the refund (tax pro rata, rounded
 * half away from zero, the last refund settling the remainder exactly; see
 * docs/workflow_orders.md). Errors as bo_order_receive_return. */
BO_API bo_status bo_order_refund_return(bo_refund_t *out, bo_order_t *order, int64_t rma,
                                        int64_t at_unix_ms, const char *actor);

/* One history entry. The strings are borrowed: valid until the order is
 * changed or destroyed. */
typedef struct bo_order_event {
  int64_t at_unix_ms;
  const char *actor;
  const char *from_status;
  const char *to_status;
  const char *reason;
} bo_order_event_t;

/* The number of history entries, oldest first. */
BO_API bo_status bo_order_history_count(size_t *out, const bo_order_t *order);
/* Entry `index`. Errors: BO_INVALID_ARGUMENT naming "index" when
 * index >= count. */
BO_API bo_status bo_order_history_get(bo_order_event_t *out, const bo_order_t *order, size_t index);

/* Accounts-receivable ageing of `rows` open invoices given as columns:
 * customer_ids, due dates as instants (due_unix_ms; the due date is their
 * calendar date in `time_zone`), open balances in minor units (>= 0; zero
 * rows are skipped) and ISO 4217 codes per row (currencies), or NULL with
 * every row in `currency`. The as-of date is the calendar date of
 * as_of_unix_ms in `time_zone` (an IANA name; NULL or "" = UTC).
 * *out (owned by the caller; bo_table_destroy) has, for each currency in
 * code order, one row per customer (by id) and then the currency's total
 * row with customer_id null. Columns: customer_id, currency (string),
 * current_minor, days_1_30_minor, days_31_60_minor, days_61_90_minor,
 * days_90_plus_minor, total_minor, invoices. Metadata: "as_of" (YYYY-MM-DD),
 * "time_zone", "buckets". Errors: BO_NOT_FOUND naming a currency or the
 * zone; BO_INVALID_ARGUMENT naming "open_minor[i]"; BO_OVERFLOW.
 * O(rows). */
BO_API bo_status bo_ar_ageing(bo_table_t **out, size_t rows, const int64_t *customer_ids,
                              const int64_t *due_unix_ms, const int64_t *open_minor,
                              const char *const *currencies, const char *currency,
                              int64_t as_of_unix_ms, const char *time_zone);

/* ---- The receivables ledger in a store (docs/workflow_orders.md,
 * "Persistence"). Dates are calendar dates as "YYYY-MM-DD" text; money is
 * int64 minor units of the ISO 4217 currency given. Invoices are upserted
 * until a credit note or payment refers to them; credit notes and payments
 * are append-only. Errors name the field as the C++ Store does
 * ("invoice.order", "payment.allocations[1].amount", ...); nothing is
 * written on error. ---- */

/* Stores invoice invoice_id of customer_id (order_id 0 = no order): line i
 * is quantities[i] units of descriptions[i] at unit_price_minor[i]; the line
 * amounts, subtotal and total (subtotal + shipping + tax) are computed
 * exactly here. Errors: BO_NOT_FOUND naming the currency; BO_PARSE naming
 * "issue_date" / "due_date"; BO_OVERFLOW; BO_VALIDATION naming
 * "invoice.<field>" (unknown customer or order, the order another
 * customer's, due before issue, ...); BO_CONFLICT naming "invoice.id" once
 * entries refer to the invoice. */
BO_API bo_status bo_store_put_invoice(bo_store_t *store, int64_t invoice_id, int64_t customer_id,
                                      int64_t order_id, const char *currency, size_t line_count,
                                      const char *const *descriptions, const int64_t *quantities,
                                      const int64_t *unit_price_minor, int64_t shipping_minor,
                                      int64_t tax_minor, const char *issue_date, const char *due_date);

/* A stored invoice's header; open_minor = total - credit notes - allocated
 * payments. Plain values: nothing to free. */
typedef struct bo_invoice_info {
  int64_t customer_id;
  int64_t order_id; /* 0: none */
  int64_t subtotal_minor;
  int64_t shipping_minor;
  int64_t tax_minor;
  int64_t total_minor;
  int64_t open_minor;
  size_t line_count;
  char currency[4];
  char issue_date[11]; /* "YYYY-MM-DD" */
  char due_date[11];
} bo_invoice_info_t;

/* Errors: BO_NOT_FOUND naming "invoice.id". */
BO_API bo_status bo_store_get_invoice(bo_invoice_info_t *out, const bo_store_t *store, int64_t invoice_id);

/* Appends a credit note of amount_minor (> 0, the invoice's currency, at
 * most its open balance) against invoice_id; kind "refund" or "dispute";
 * reason not blank. *out_number receives its number (1, 2, ... in the order
 * recorded). Errors: BO_VALIDATION naming "credit_note.<field>"; BO_PARSE
 * naming "credit_note.kind" or "date". */
BO_API bo_status bo_store_add_credit_note(int64_t *out_number, bo_store_t *store, int64_t invoice_id,
                                          const char *kind, const char *currency, int64_t amount_minor,
                                          const char *date, const char *reason);

/* Appends a payment of amount_minor (> 0) received from customer_id,
 * allocated allocated_minor[i] to invoice invoice_ids[i] (the customer's,
 * same currency, at most each invoice's open balance); the rest is kept as
 * unapplied credit. Both arrays may be NULL when allocation_count is 0.
 * *out_number receives its number. Errors: BO_VALIDATION naming
 * "payment.allocations" (more allocated than paid),
 * "payment.allocations[i].invoice" / ".amount", "payment.customer". */
BO_API bo_status bo_store_add_payment(int64_t *out_number, bo_store_t *store, int64_t customer_id,
                                      const char *currency, int64_t amount_minor, const char *received,
                                      size_t allocation_count, const int64_t *invoice_ids,
                                      const int64_t *allocated_minor);

/* The stored invoices issued in [from_date, to_date) (either may be NULL:
 * open), of customer_id only unless 0, ordered by issue date then id, as a
 * table (owned by the caller; bo_table_destroy) with columns id,
 * customer_id, order_id (null when none), currency, subtotal_minor,
 * shipping_minor, tax_minor, total_minor, open_minor, issue_date, due_date
 * (strings), lines. */
BO_API bo_status bo_store_invoices(bo_table_t **out, const bo_store_t *store, const char *from_date,
                                   const char *to_date, int64_t customer_id);

/* Accounts-receivable ageing of the whole stored ledger, as bo_ar_ageing
 * (same table). The ledger is first rebuilt with Receivables::restore, so
 * every rule is checked again: a file whose entries break one fails with
 * the rule's error naming the record ("payments[3].allocations[0].amount").
 * O(records). */
BO_API bo_status bo_store_ar_ageing(bo_table_t **out, const bo_store_t *store, int64_t as_of_unix_ms,
                                    const char *time_zone);

/* Stores the order's record (status, lines, amounts) and each of its RMAs
 * with their lines and refund, replacing stored RMAs with the same numbers;
 * the order's history is not stored. The customer must be in the store
 * (BO_VALIDATION naming "order.customer"). The order and each RMA are
 * written in their own transaction; every write is an upsert, so repeating
 * the call after a failure converges. */
BO_API bo_status bo_store_put_order(bo_store_t *store, const bo_order_t *order);

/* The stored RMAs of order order_id, replayed against the stored order with
 * the refund rule (refund_shipping_on_full_return as in bo_order_create),
 * so every quantity and refund is checked again. *out (owned by the caller;
 * bo_table_destroy) has one row per RMA by number: rma, status,
 * requested_unix_ms, updated_unix_ms, reason, lines, units,
 * refund_total_minor and refund_tax_minor (null until refunded). Errors:
 * BO_NOT_FOUND naming "order.id"; the replay's error naming the RMA
 * ("rmas[1].refund" for a stored refund the rule would not pay). */
BO_API bo_status bo_store_order_returns(bo_table_t **out, const bo_store_t *store, int64_t order_id,
                                        int32_t refund_shipping_on_full_return);

#ifdef __cplusplus
}
#endif

#endif
