"""Orders: lifecycle with verification, shipment and cancellation, returns
(RMAs, partial by line) with exact refunds, and accounts-receivable ageing
(definitions in docs/workflow_orders.md).

Money is integer minor units (cents for USD, yen for JPY) of one ISO 4217
currency; nothing is a float. Instants go in as for the rest of the package
(``Timestamp``/``datetime``, ISO-8601 text with an offset, Unix ms) and come
back as UTC :class:`pandas.Timestamp`.

Order statuses: ``placed``, ``verified``, ``fulfilling``, ``shipped``,
``delivered``, ``cancelled``, ``returned``. RMA statuses: ``requested``,
``received``, ``refunded``, ``rejected``.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from . import _core
from .core import InstantLike, ValidationError, _from_unix_ms, _to_unix_ms

__all__ = ["AGEING_BUCKETS", "Order", "OrderLine", "Refund", "ar_ageing", "credit_notes", "invoices", "load_invoice",
           "order_returns", "payments", "receivables_ageing", "receivables_open_items", "record_credit_note",
           "record_payment", "save_invoice", "save_order"]

#: Ageing bucket columns, by calendar days past due: ``current`` (<= 0),
#: ``1-30``, ``31-60``, ``61-90``, ``90+`` (>= 91).
AGEING_BUCKETS = ("current", "1-30", "31-60", "61-90", "90+")


@dataclass(frozen=True)
class OrderLine:
    """``quantity`` units of ``sku`` at ``unit_price_minor`` minor units each."""

    sku: str
    quantity: int
    unit_price_minor: int


@dataclass(frozen=True)
class Refund:
    """What one RMA paid back, in minor units of ``currency``.

    ``total_minor = goods_minor + tax_minor + shipping_minor``. Tax is the
    order's tax pro rata to the goods returned, rounded half away from zero
    and capped at the tax not yet refunded; the refund that completes the
    return of every unit (``completes_order``) pays the exact remainder, and
    the order's shipping when the policy says so.
    """

    goods_minor: int
    tax_minor: int
    shipping_minor: int
    total_minor: int
    currency: str
    completes_order: bool


class Order:
    """An order moving through its lifecycle, with its history and returns.

    ``placed -> verified -> fulfilling -> shipped -> delivered``; cancel only
    before shipment; once every unit is returned and refunded it is
    ``returned``. An illegal transition raises :class:`ConflictError` naming
    both states; bad input raises :class:`ValidationError` naming the field.

    Args:
        id: order id.
        customer_id: customer id.
        currency: ISO 4217 code of every amount (``"USD"``).
        lines: :class:`OrderLine` or ``(sku, quantity, unit_price_minor)`` tuples.
        shipping_minor: shipping charged, minor units (>= 0).
        tax_minor: tax charged, minor units (>= 0).
        placed_at: when the order was placed.
        refund_shipping_on_full_return: refund shipping with the refund that
            completes a full return (default True); partial returns never do.
        actor: who placed it (history).
    """

    def __init__(self, *, id: int, customer_id: int, currency: str,
                 lines: Iterable[OrderLine | Tuple[str, int, int]], shipping_minor: int = 0,
                 tax_minor: int = 0, placed_at: InstantLike,
                 refund_shipping_on_full_return: bool = True, actor: str = "system") -> None:
        parsed = [line if isinstance(line, OrderLine) else OrderLine(*line) for line in lines]
        self._w = _core.OrderWorkflow(
            int(id), int(customer_id), currency, [l.sku for l in parsed], [int(l.quantity) for l in parsed],
            [int(l.unit_price_minor) for l in parsed], int(shipping_minor), int(tax_minor),
            _to_unix_ms(placed_at, "placed_at"), bool(refund_shipping_on_full_return), actor)

    @property
    def id(self) -> int:
        return self._w.id

    @property
    def status(self) -> str:
        """The current status name."""
        return self._w.status

    @property
    def currency(self) -> str:
        return self._w.currency

    @property
    def total_minor(self) -> int:
        """Lines + shipping + tax, exact, minor units."""
        return self._w.total_minor

    @property
    def refunded_minor(self) -> int:
        """Sum of every refund paid so far, minor units."""
        return self._w.refunded_minor

    @property
    def shipment(self) -> Optional[Tuple[str, str, pd.Timestamp]]:
        """``(carrier, tracking, shipped_at)`` once shipped, else None."""
        s = self._w.shipment
        return None if s is None else (s[0], s[1], _from_unix_ms(s[2]))

    def verify(self, *, at: InstantLike, address_present: bool, payment_authorised: bool,
               out_of_stock: Sequence[str] = (), actor: str = "system") -> List[str]:
        """Verifies a placed order; returns every failure reason (``"address
        missing"``, ``"payment not authorised"``, ``"out of stock: SKU"``),
        empty when it passed and the order is now ``verified``. On failure the
        order stays ``placed``."""
        return self._w.verify(bool(address_present), bool(payment_authorised), list(out_of_stock),
                              _to_unix_ms(at, "at"), actor)

    def start_fulfilment(self, *, at: InstantLike, actor: str = "system") -> None:
        """verified -> fulfilling."""
        self._w.start_fulfilment(_to_unix_ms(at, "at"), actor)

    def ship(self, *, carrier: str, tracking: str, at: InstantLike, actor: str = "system") -> None:
        """fulfilling -> shipped; carrier and tracking must not be blank."""
        self._w.ship(carrier, tracking, _to_unix_ms(at, "at"), actor)

    def deliver(self, *, at: InstantLike, actor: str = "system") -> None:
        """shipped -> delivered."""
        self._w.deliver(_to_unix_ms(at, "at"), actor)

    def cancel(self, *, at: InstantLike, reason: str, actor: str = "system") -> None:
        """Cancels a placed, verified or fulfilling order (ConflictError once shipped)."""
        self._w.cancel(_to_unix_ms(at, "at"), reason, actor)

    def request_return(self, lines: Iterable[Tuple[int, int]], *, at: InstantLike, reason: str = "",
                       actor: str = "system") -> int:
        """Opens an RMA for ``(line_index, quantity)`` pairs (0-based lines of
        a delivered order); returns its number. Raises ValidationError naming
        ``rma.lines[i].quantity`` for more than delivered minus already
        returned or pending."""
        return self._w.request_return([(int(i), int(q)) for i, q in lines], _to_unix_ms(at, "at"), reason, actor)

    def receive_return(self, rma: int, *, at: InstantLike, actor: str = "system") -> None:
        """RMA requested -> received (the goods are back)."""
        self._w.receive_return(int(rma), _to_unix_ms(at, "at"), actor)

    def reject_return(self, rma: int, *, at: InstantLike, reason: str, actor: str = "system") -> None:
        """RMA requested | received -> rejected; its quantities can be returned again."""
        self._w.reject_return(int(rma), _to_unix_ms(at, "at"), reason, actor)

    def quote_refund(self, rma: int) -> Refund:
        """What refunding ``rma`` now would pay (changes nothing)."""
        return Refund(**self._w.quote_refund(int(rma)))

    def refund_return(self, rma: int, *, at: InstantLike, actor: str = "system") -> Refund:
        """received -> refunded; returns what was paid."""
        return Refund(**self._w.refund_return(int(rma), _to_unix_ms(at, "at"), actor))

    def returns(self) -> pd.DataFrame:
        """One row per RMA: rma, status, lines, requested_at, updated_at,
        reason, refund_minor (None until refunded)."""
        return self._returns_frame(self._w.returns())

    @staticmethod
    def _returns_frame(rows) -> pd.DataFrame:
        df = pd.DataFrame(rows,
                          columns=["rma", "status", "lines", "requested_ms", "updated_ms", "reason", "refund_minor"])
        df["requested_at"] = pd.to_datetime(df.pop("requested_ms"), unit="ms", utc=True)
        df["updated_at"] = pd.to_datetime(df.pop("updated_ms"), unit="ms", utc=True)
        return df[["rma", "status", "lines", "requested_at", "updated_at", "reason", "refund_minor"]]

    def history(self) -> pd.DataFrame:
        """Every event: at (UTC), actor, from_status, to_status, reason."""
        h = self._w.history()
        df = pd.DataFrame(h)
        df.insert(0, "at", pd.to_datetime(df.pop("at_ms"), unit="ms", utc=True))
        return df

    def __repr__(self) -> str:
        return f"Order(id={self.id}, status={self.status!r}, total_minor={self.total_minor}, currency={self.currency!r})"


def _local_days(due: pd.Series, tz: str) -> np.ndarray:
    """Calendar days since 1970-01-01 of each due date: naive dates and
    datetimes are read as local calendar dates; tz-aware ones are converted
    to ``tz`` first."""
    if not pd.api.types.is_datetime64_any_dtype(due):
        due = pd.to_datetime(due)
    if getattr(due.dt, "tz", None) is not None:
        due = due.dt.tz_convert(tz).dt.tz_localize(None)
    if due.isna().any():
        row = int(np.flatnonzero(due.isna().to_numpy())[0])
        raise ValidationError(f"invalid argument: due_date[{row}] = 'NaT': every invoice needs a due date",
                              code="invalid_argument", field=f"due_date[{row}]", value="NaT")
    days = due.dt.normalize().to_numpy(dtype="datetime64[D]").astype(np.int64)
    return days.astype(np.int32)


def ar_ageing(invoices: pd.DataFrame, *, as_of: InstantLike, tz: str = "UTC", customer: str = "customer_id",
              due_date: str = "due_date", open_minor: str = "open_minor", currency: str = "currency",
              default_currency: Optional[str] = None) -> pd.DataFrame:
    """Accounts-receivable ageing of open invoices.

    Days past due = the calendar date of ``as_of`` in ``tz`` minus the due
    date. Buckets: ``current`` (not yet due or due today), ``1-30``,
    ``31-60``, ``61-90``, ``90+`` days past due. Currencies are never added
    together: one row per customer and currency, then each currency's total
    row (``customer_id`` <NA>, ``is_total`` True).

    Args:
        invoices: one row per invoice with columns ``customer`` (int ids),
            ``due_date`` (dates; tz-aware timestamps are converted to ``tz``),
            ``open_minor`` (open balance, integer minor units, >= 0; zero rows
            are skipped) and ``currency`` (ISO 4217 codes).
        as_of: the instant of the report; its date in ``tz`` is used.
        tz: IANA time zone of the biller's calendar.
        default_currency: the code of every row when the frame has no
            ``currency`` column.

    Returns:
        DataFrame: customer_id, currency, is_total, current, 1-30, 31-60,
        61-90, 90+, total (minor units, int64), invoices (count);
        ``df.attrs`` holds ``as_of`` (date) and ``tz``.
    """
    for col in (customer, due_date, open_minor):
        if col not in invoices.columns:
            raise ValidationError(f"invalid argument: {col} = '': missing column", code="invalid_argument",
                                  field=col, value="")
    if currency in invoices.columns:
        codes, uniques = pd.factorize(invoices[currency].astype(str), sort=True)
        currencies = [str(c) for c in uniques]
    elif default_currency is not None:
        codes = np.zeros(len(invoices), dtype=np.int32)
        currencies = [default_currency]
    else:
        raise ValidationError(f"invalid argument: {currency} = '': no currency column and no default_currency",
                              code="invalid_argument", field=currency, value="")
    if not currencies:
        currencies = [default_currency or "USD"]
    amounts = invoices[open_minor]
    if not pd.api.types.is_integer_dtype(amounts):
        raise ValidationError(f"invalid argument: {open_minor} = '{amounts.dtype}': expected integer minor units",
                              code="invalid_argument", field=open_minor, value=str(amounts.dtype))
    out = _core.ar_ageing(invoices[customer].to_numpy(dtype=np.int64), _local_days(invoices[due_date], tz),
                          amounts.to_numpy(dtype=np.int64), np.asarray(codes, dtype=np.int32), currencies,
                          _to_unix_ms(as_of, "as_of"), tz)
    is_total = np.asarray(out["is_total"], dtype=bool)
    df = pd.DataFrame({
        "customer_id": pd.array(np.where(is_total, 0, out["customer_id"]), dtype="Int64"),
        "currency": out["currency"],
        "is_total": is_total,
    })
    df.loc[is_total, "customer_id"] = pd.NA
    for name in (*AGEING_BUCKETS, "total", "invoices"):
        df[name] = out[name]
    df.attrs["as_of"] = pd.Timestamp(out["as_of"]).date()
    df.attrs["tz"] = tz
    return df


# ---- The receivables ledger in a store (docs/workflow_orders.md, "Persistence").

DateLike = Union[_dt.date, str, pd.Timestamp, np.datetime64]
_EPOCH = _dt.date(1970, 1, 1)


def _day(value: DateLike, field: str) -> int:
    """Days since 1970-01-01 of a calendar date (``date``, ``"YYYY-MM-DD"``,
    a Timestamp's date; a tz-aware one is taken in its own zone)."""
    try:
        if isinstance(value, _dt.datetime):
            d = value.date()
        elif isinstance(value, _dt.date):
            d = value
        else:
            ts = pd.Timestamp(value)
            if ts is pd.NaT:
                raise ValueError("NaT")
            d = ts.date()
    except (ValueError, TypeError) as e:
        raise ValidationError(f"invalid argument: {field} = '{value}': expected a date ({e})",
                              code="invalid_argument", field=field, value=str(value)) from None
    return (d - _EPOCH).days


def _date(days: int) -> _dt.date:
    return _EPOCH + _dt.timedelta(days=int(days))


def save_invoice(store, *, id: int, customer_id: int, currency: str,
                 lines: Iterable[Tuple[str, int, int]], issue_date: DateLike, due_date: DateLike,
                 shipping_minor: int = 0, tax_minor: int = 0, order_id: Optional[int] = None) -> None:
    """Stores an invoice with its lines (an upsert by ``id``, lines replaced).

    ``lines`` are ``(description, quantity, unit_price_minor)``; each line's
    amount, the subtotal and ``total = subtotal + shipping + tax`` are
    computed exactly in minor units. Dates are calendar dates in the biller's
    zone. The customer and the order (when given) must be in the store, the
    order the customer's and in ``currency``.

    Raises:
        ValidationError: naming the field (``invoice.order``,
            ``invoice.lines[0].quantity``, ...). ConflictError: ``invoice.id``
            once a credit note or payment refers to the invoice (correct it
            with a credit note instead).
    """
    rows = [tuple(l) for l in lines]
    _core.invoice_save(store._handle, int(id), int(customer_id), None if order_id is None else int(order_id),
                       currency, [str(r[0]) for r in rows], [int(r[1]) for r in rows], [int(r[2]) for r in rows],
                       int(shipping_minor), int(tax_minor), _day(issue_date, "issue_date"),
                       _day(due_date, "due_date"))


def _invoice_out(d: Dict[str, Any]) -> Dict[str, Any]:
    d = dict(d)
    d["issue_date"] = _date(d.pop("issue_day"))
    d["due_date"] = _date(d.pop("due_day"))
    d["lines"] = [tuple(l) for l in d["lines"]]
    return d


def load_invoice(store, id: int) -> Dict[str, Any]:
    """The stored invoice ``id`` as a dict: id, customer_id, order_id (or
    None), currency, lines as ``(description, quantity, unit_price_minor,
    amount_minor)``, subtotal_minor, shipping_minor, tax_minor, total_minor,
    open_minor (total - credit notes - allocated payments), issue_date and
    due_date (:class:`datetime.date`).

    Raises:
        NotFoundError: ``invoice.id``.
    """
    return _invoice_out(_core.invoice_load(store._handle, int(id)))


def invoices(store, *, from_: Optional[DateLike] = None, to: Optional[DateLike] = None,
             customer_id: Optional[int] = None) -> pd.DataFrame:
    """Stored invoices issued in ``[from_, to)`` (calendar dates; either may
    be None), optionally of one customer, ordered by issue date then id.

    Returns:
        DataFrame: id, customer_id, order_id (Int64, <NA> when none),
        currency, subtotal_minor, shipping_minor, tax_minor, total_minor,
        open_minor (minor units, int64), issue_date, due_date (dates), lines
        (count).
    """
    rows = _core.invoices_list(store._handle, None if from_ is None else _day(from_, "from_"),
                               None if to is None else _day(to, "to"),
                               None if customer_id is None else int(customer_id))
    cols = ["id", "customer_id", "order_id", "currency", "subtotal_minor", "shipping_minor", "tax_minor",
            "total_minor", "open_minor", "issue_date", "due_date", "lines"]
    out = [_invoice_out(r) for r in rows]
    for r in out:
        r["lines"] = len(r["lines"])
    df = pd.DataFrame(out, columns=cols)
    df["order_id"] = pd.array(df["order_id"].tolist(), dtype="Int64")
    for c in ("id", "customer_id", "subtotal_minor", "shipping_minor", "tax_minor", "total_minor", "open_minor",
              "lines"):
        df[c] = df[c].astype(np.int64)
    return df


def record_credit_note(store, *, invoice_id: int, amount_minor: int, currency: str, date: DateLike,
                       reason: str, kind: str = "refund") -> int:
    """Appends a credit note (``kind`` ``"refund"`` or ``"dispute"``) of
    ``amount_minor`` (> 0, the invoice's currency, at most its open balance)
    against a stored invoice; returns its number (1, 2, ... in the order
    recorded). Credit notes are never changed or deleted afterwards.

    Raises:
        ValidationError: ``credit_note.invoice`` / ``.amount`` / ``.reason``.
    """
    return _core.credit_note_add(store._handle, int(invoice_id), kind, currency, int(amount_minor),
                                 _day(date, "date"), reason)


def record_payment(store, *, customer_id: int, amount_minor: int, currency: str, received: DateLike,
                   allocations: Iterable[Tuple[int, int]] = ()) -> int:
    """Appends a customer payment of ``amount_minor`` (> 0) allocated as
    ``(invoice_id, amount_minor)`` pairs (each to the customer's invoice in
    the same currency, at most its open balance; together at most the
    payment); the rest stays as unapplied credit. Returns its number.

    Raises:
        ValidationError: ``payment.allocations`` (more allocated than paid),
            ``payment.allocations[i].invoice`` / ``.amount``,
            ``payment.customer``. Nothing is written on error.
    """
    pairs = [(int(i), int(a)) for i, a in allocations]
    return _core.payment_add(store._handle, int(customer_id), currency, int(amount_minor),
                             _day(received, "received"), [p[0] for p in pairs], [p[1] for p in pairs])


def credit_notes(store) -> pd.DataFrame:
    """Every stored credit note in the order recorded: number, invoice_id,
    kind, currency, amount_minor, date, reason."""
    notes, _ = _core.ledger_entries(store._handle)
    df = pd.DataFrame(notes, columns=["number", "invoice_id", "kind", "currency", "amount_minor", "date",
                                      "reason"])
    df["date"] = [_date(d) for d in df["date"]]
    return df


def payments(store) -> pd.DataFrame:
    """Every stored payment in the order recorded: number, customer_id,
    currency, amount_minor, received (date), unapplied_minor, allocations
    (list of ``(invoice_id, amount_minor)``)."""
    _, rows = _core.ledger_entries(store._handle)
    df = pd.DataFrame(rows, columns=["number", "customer_id", "currency", "amount_minor", "received",
                                     "unapplied_minor", "allocations"])
    df["received"] = [_date(d) for d in df["received"]]
    df["allocations"] = [[tuple(a) for a in al] for al in df["allocations"]]
    return df


def receivables_open_items(store) -> pd.DataFrame:
    """Invoices with a non-zero open balance, from the stored ledger rebuilt
    by ``Receivables::restore`` (every rule re-checked, so a tampered file
    raises naming the record, e.g. ``payments[3].allocations[0].amount``).

    Returns:
        DataFrame: invoice_id, customer_id, due_date (date), open_minor
        (int64 minor units), currency; ready for :func:`ar_ageing`.
    """
    d = _core.receivables_open_items(store._handle)
    codes = list(d["currencies"])
    return pd.DataFrame({
        "invoice_id": np.asarray(d["invoice"], dtype=np.int64),
        "customer_id": np.asarray(d["customer"], dtype=np.int64),
        "due_date": [_date(x) for x in d["due_day"]],
        "open_minor": np.asarray(d["open_minor"], dtype=np.int64),
        "currency": [codes[i] for i in d["currency"]],
    })


def receivables_ageing(store, *, as_of: InstantLike, tz: str = "UTC") -> pd.DataFrame:
    """AR ageing of the whole stored ledger as of the date of ``as_of`` in
    ``tz``: :func:`ar_ageing` over :func:`receivables_open_items`, with the
    same columns and buckets. Due dates are calendar dates, read as such."""
    items = receivables_open_items(store)
    items["due_date"] = pd.to_datetime(items["due_date"])
    return ar_ageing(items, as_of=as_of, tz=tz, default_currency="USD")


def save_order(store, order: Order) -> None:
    """Stores the order's record (status, lines, amounts) and its RMAs with
    their lines and refunds; the history is not stored. The customer must be
    in the store (ValidationError naming ``order.customer``)."""
    _core.order_save(store._handle, order._w)


def order_returns(store, order_id: int, *, refund_shipping_on_full_return: bool = True) -> pd.DataFrame:
    """The stored RMAs of an order, replayed against the stored order with
    the refund rule so every quantity and refund is checked again; the same
    columns as :meth:`Order.returns`.

    Raises:
        NotFoundError: ``order.id``. ValidationError: ``rmas[i].refund`` when
            a stored refund is not what the rule pays.
    """
    return Order._returns_frame(_core.order_returns_load(store._handle, int(order_id),
                                                         bool(refund_shipping_on_full_return)))
