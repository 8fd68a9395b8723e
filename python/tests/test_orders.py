"""backoffice.orders: lifecycle, returns with exact refunds, AR ageing.

The order: 3 x SKU-A @ 10.00 and 1 x SKU-B @ 30.00 (subtotal 60.00),
shipping 5.00, tax 6.00: total 71.00 USD.
"""

import datetime as dt

import pandas as pd
import pytest

import backoffice as bo


def make_order(**kw):
    return bo.Order(id=7, customer_id=42, currency="USD",
                    lines=[("SKU-A", 3, 1000), bo.OrderLine("SKU-B", 1, 3000)],
                    shipping_minor=500, tax_minor=600, placed_at="2024-03-01T09:00:00Z", **kw)


def delivered(**kw):
    o = make_order(**kw)
    assert o.verify(at="2024-03-01T09:05:00Z", address_present=True, payment_authorised=True) == []
    o.start_fulfilment(at="2024-03-01T12:00:00Z", actor="warehouse")
    o.ship(carrier="UPS", tracking="1Z999", at="2024-03-02T08:00:00Z")
    o.deliver(at="2024-03-04T15:30:00Z")
    return o


def test_failed_verification_lists_every_reason_and_keeps_the_order_placed():
    o = make_order()
    reasons = o.verify(at="2024-03-01T09:05:00Z", address_present=False, payment_authorised=False,
                       out_of_stock=["SKU-B"])
    assert reasons == ["address missing", "payment not authorised", "out of stock: SKU-B"]
    assert o.status == "placed"


def test_happy_path_history_and_shipment():
    o = delivered()
    assert o.status == "delivered"
    h = o.history()
    assert list(h["to_status"]) == ["placed", "verified", "fulfilling", "shipped", "delivered"]
    assert h["actor"].iloc[2] == "warehouse"
    assert h["at"].iloc[3] == pd.Timestamp("2024-03-02T08:00:00Z")
    assert o.shipment == ("UPS", "1Z999", pd.Timestamp("2024-03-02T08:00:00Z"))
    assert o.total_minor == 7100


def test_cancel_after_shipment_is_a_conflict_naming_the_status():
    o = delivered()
    with pytest.raises(bo.ConflictError) as e:
        o.cancel(at="2024-03-05T00:00:00Z", reason="late")
    assert e.value.field == "order.status" and e.value.value == "delivered"
    assert "cancelled" in str(e.value)


def test_partial_then_full_return_refunds_the_order_total_exactly():
    o = delivered()
    # 1 x SKU-A: 10.00 + 6.00 x 10/60 = 1.00 tax -> 11.00.
    r1 = o.request_return([(0, 1)], at="2024-03-10T10:00:00Z", reason="unwanted")
    o.receive_return(r1, at="2024-03-10T11:00:00Z")
    assert o.refund_return(r1, at="2024-03-10T12:00:00Z") == bo.Refund(1000, 100, 0, 1100, "USD", False)
    # The rest: 50.00 goods + 5.00 tax + 5.00 shipping = 60.00.
    r2 = o.request_return([(0, 2), (1, 1)], at="2024-03-12T10:00:00Z")
    assert o.quote_refund(r2).total_minor == 6000
    o.receive_return(r2, at="2024-03-12T11:00:00Z")
    last = o.refund_return(r2, at="2024-03-12T12:00:00Z")
    assert (last.tax_minor, last.shipping_minor, last.completes_order) == (500, 500, True)
    assert o.refunded_minor == o.total_minor == 7100
    assert o.status == "returned"
    rmas = o.returns()
    assert list(rmas["status"]) == ["refunded", "refunded"]
    assert list(rmas["refund_minor"]) == [1100, 6000]


def test_three_thirds_of_ten_dollars_tax_refund_333_333_334():
    o = bo.Order(id=1, customer_id=1, currency="USD", lines=[("SKU-U", 3, 100)], tax_minor=1000,
                 placed_at="2024-03-01T09:00:00Z")
    o.verify(at="2024-03-01T09:05:00Z", address_present=True, payment_authorised=True)
    o.start_fulfilment(at="2024-03-01T10:00:00Z")
    o.ship(carrier="DHL", tracking="X1", at="2024-03-01T11:00:00Z")
    o.deliver(at="2024-03-02T11:00:00Z")
    taxes = []
    for day in (10, 11, 12):
        rma = o.request_return([(0, 1)], at=f"2024-03-{day}T10:00:00Z")
        o.receive_return(rma, at=f"2024-03-{day}T11:00:00Z")
        taxes.append(o.refund_return(rma, at=f"2024-03-{day}T12:00:00Z").tax_minor)
    assert taxes == [333, 333, 334]


def test_over_return_names_line_and_quantities():
    o = delivered()
    with pytest.raises(bo.ValidationError) as e:
        o.request_return([(0, 4)], at="2024-03-10T10:00:00Z")
    assert e.value.field == "rma.lines[0].quantity" and e.value.value == "4"
    assert "3 delivered" in str(e.value)


def test_ar_ageing_buckets_per_customer_and_currency():
    # As of 2024-05-01 (noon UTC). Days past due by the calendar:
    # 04-01 -> 30 (1-30), 03-31 -> 31 (31-60), 05-01 -> 0 (current),
    # 01-31 -> 91 (90+).
    invoices = pd.DataFrame({
        "customer_id": [1, 1, 2, 2, 2],
        "due_date": pd.to_datetime(["2024-04-01", "2024-03-31", "2024-05-01", "2024-01-31", "2024-01-01"]),
        "open_minor": [1000, 2000, 4000, 800, 0],
        "currency": ["USD", "USD", "USD", "EUR", "USD"],
    })
    df = bo.ar_ageing(invoices, as_of="2024-05-01T12:00:00Z")
    assert list(df["currency"]) == ["EUR", "EUR", "USD", "USD", "USD"]
    assert list(df["is_total"]) == [False, True, False, False, True]
    eur = df.iloc[0]
    assert eur["customer_id"] == 2 and eur["90+"] == 800
    c1 = df.iloc[2]
    assert (c1["1-30"], c1["31-60"], c1["total"]) == (1000, 2000, 3000)
    usd_total = df.iloc[4]
    assert pd.isna(usd_total["customer_id"])
    assert (usd_total["current"], usd_total["total"], usd_total["invoices"]) == (4000, 7000, 3)
    assert df.attrs["as_of"] == dt.date(2024, 5, 1)


def test_ar_ageing_uses_the_local_date_of_as_of_across_a_dst_change():
    # London moves to BST at 2024-03-31T01:00Z; at 23:30Z it is already
    # April 1 there, so the invoice due March 31 is 1 day past due.
    invoices = pd.DataFrame({"customer_id": [1], "due_date": [dt.date(2024, 3, 31)], "open_minor": [500]})
    london = bo.ar_ageing(invoices, as_of="2024-03-31T23:30:00Z", tz="Europe/London", default_currency="GBP")
    assert london.iloc[0]["1-30"] == 500
    utc = bo.ar_ageing(invoices, as_of="2024-03-31T23:30:00Z", default_currency="GBP")
    assert utc.iloc[0]["current"] == 500


def test_ar_ageing_rejects_negative_balances_and_float_money():
    invoices = pd.DataFrame({"customer_id": [1, 1], "due_date": ["2024-04-01", "2024-04-02"],
                             "open_minor": [5, -5], "currency": ["USD", "USD"]})
    with pytest.raises(bo.ValidationError) as e:
        bo.ar_ageing(invoices, as_of="2024-05-01T00:00:00Z")
    assert e.value.field == "open_minor[1]"
    with pytest.raises(bo.ValidationError):
        bo.ar_ageing(invoices.assign(open_minor=[5.0, 1.5]), as_of="2024-05-01T00:00:00Z")
