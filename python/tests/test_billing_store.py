"""The receivables ledger in a store from Python.

Invoice 1 of customer 1: 2 x 40.00 + 5.00 shipping + 15.00 tax = 100.00
EUR, issued 2024-03-04, due 2024-04-03. A 10.00 credit note and a 50.00
payment leave 100.00 - 10.00 - 50.00 = 40.00 open.
"""

import datetime as dt

import pytest

import backoffice as bo


@pytest.fixture
def ledger():
    with bo.Store.in_memory() as store:
        store.put_customer(1, "Ada Lovelace")
        store.put_customer(2, "Charles Babbage")
        bo.save_invoice(store, id=1, customer_id=1, currency="EUR", lines=[("SKU-A", 2, 4000)],
                        shipping_minor=500, tax_minor=1500, issue_date="2024-03-04",
                        due_date=dt.date(2024, 4, 3))
        yield store


def test_an_invoice_round_trips_with_its_lines(ledger):
    inv = bo.load_invoice(ledger, 1)
    assert inv["lines"] == [("SKU-A", 2, 4000, 8000)]
    assert inv["subtotal_minor"] == 8000
    assert inv["total_minor"] == 10000  # 80.00 + 5.00 + 15.00
    assert inv["open_minor"] == 10000
    assert inv["order_id"] is None
    assert inv["issue_date"] == dt.date(2024, 3, 4)
    assert inv["due_date"] == dt.date(2024, 4, 3)
    with pytest.raises(bo.NotFoundError, match="invoice.id"):
        bo.load_invoice(ledger, 2)


def test_entries_leave_the_hand_counted_balance_and_ageing_runs_from_the_store(ledger):
    assert bo.record_credit_note(ledger, invoice_id=1, amount_minor=1000, currency="EUR", date="2024-03-10",
                                 reason="one unit damaged") == 1
    assert bo.record_payment(ledger, customer_id=1, amount_minor=5000, currency="EUR", received="2024-03-12",
                             allocations=[(1, 5000)]) == 1
    df = bo.invoices(ledger, from_="2024-03-01", to="2024-04-01", customer_id=1)
    assert list(df["id"]) == [1]
    assert df.loc[0, "open_minor"] == 4000
    assert bo.invoices(ledger, customer_id=2).empty

    items = bo.receivables_open_items(ledger)
    assert list(items["open_minor"]) == [4000]
    # As of 2024-04-20 the invoice is 17 days past due (April 3 -> 20): 1-30.
    ageing = bo.receivables_ageing(ledger, as_of="2024-04-20T12:00:00Z")
    total = ageing[ageing["is_total"]].iloc[0]
    assert total["currency"] == "EUR"
    assert total["1-30"] == 4000
    assert total["total"] == 4000

    notes = bo.credit_notes(ledger)
    assert list(notes["amount_minor"]) == [1000]
    assert notes.loc[0, "date"] == dt.date(2024, 3, 10)
    pays = bo.payments(ledger)
    assert pays.loc[0, "allocations"] == [(1, 5000)]
    assert pays.loc[0, "unapplied_minor"] == 0


def test_a_bad_payment_writes_nothing_and_names_the_field(ledger):
    # 20.00 + 20.00 allocated from 30.00.
    with pytest.raises(bo.ValidationError, match=r"payment\.allocations"):
        bo.record_payment(ledger, customer_id=1, amount_minor=3000, currency="EUR", received="2024-03-12",
                          allocations=[(1, 2000), (1, 2000)])
    with pytest.raises(bo.ValidationError, match=r"payment\.allocations\[1\]\.invoice"):
        bo.record_payment(ledger, customer_id=1, amount_minor=3000, currency="EUR", received="2024-03-12",
                          allocations=[(1, 1000), (9, 1000)])
    with pytest.raises(bo.ValidationError, match=r"credit_note\.amount"):
        bo.record_credit_note(ledger, invoice_id=1, amount_minor=10001, currency="EUR", date="2024-03-10",
                              reason="too much")
    assert bo.payments(ledger).empty
    assert bo.credit_notes(ledger).empty
    assert bo.load_invoice(ledger, 1)["open_minor"] == 10000


def test_an_invoice_with_entries_is_closed(ledger):
    bo.record_credit_note(ledger, invoice_id=1, amount_minor=1000, currency="EUR", date="2024-03-10",
                          reason="goodwill", kind="dispute")
    with pytest.raises(bo.ConflictError, match="invoice.id"):
        bo.save_invoice(ledger, id=1, customer_id=1, currency="EUR", lines=[("SKU-A", 1, 4000)],
                        issue_date="2024-03-04", due_date="2024-04-03")
    with pytest.raises(bo.ValidationError, match="invoice.customer"):
        bo.save_invoice(ledger, id=2, customer_id=7, currency="EUR", lines=[("SKU-A", 1, 4000)],
                        issue_date="2024-03-04", due_date="2024-04-03")
    with pytest.raises(bo.ValidationError, match="issue_date"):
        bo.save_invoice(ledger, id=2, customer_id=1, currency="EUR", lines=[("SKU-A", 1, 4000)],
                        issue_date="not a date", due_date="2024-04-03")


def test_an_orders_returns_round_trip_through_the_store():
    # Order 10: 2 x 40.00 EUR + 5.00 shipping + 15.00 tax. RMA 1 returns one
    # unit: 40.00 + 15.00 x 40/80 = 47.50 refunded; RMA 2 is still requested.
    with bo.Store.in_memory() as store:
        store.put_customer(1, "Ada Lovelace")
        order = bo.Order(id=10, customer_id=1, currency="EUR", lines=[("SKU-A", 2, 4000)], shipping_minor=500,
                         tax_minor=1500, placed_at="2024-03-01T10:00:00Z")
        order.verify(at="2024-03-01T11:00:00Z", address_present=True, payment_authorised=True)
        order.start_fulfilment(at="2024-03-01T12:00:00Z")
        order.ship(carrier="DHL", tracking="JD0001", at="2024-03-02T09:00:00Z")
        order.deliver(at="2024-03-03T09:00:00Z")
        rma = order.request_return([(0, 1)], at="2024-03-05T09:00:00Z", reason="broken")
        order.receive_return(rma, at="2024-03-07T09:00:00Z")
        assert order.refund_return(rma, at="2024-03-09T09:00:00Z").total_minor == 4750
        order.request_return([(0, 1)], at="2024-03-10T09:00:00Z", reason="too big")
        bo.save_order(store, order)
        back = bo.order_returns(store, 10)
        assert back.equals(order.returns())
        assert back.loc[0, "refund_minor"] == 4750
        assert back.loc[1, "status"] == "requested"
        with pytest.raises(bo.NotFoundError, match="order.id"):
            bo.order_returns(store, 11)
