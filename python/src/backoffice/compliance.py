"""Compliance: PII masking of free text, the store's hash-chained audit
trail, erasure of a customer (right to be forgotten) and retention
(docs/compliance.md gives the rules).

Masking replaces what it finds:

=====  ================================================  =====================
kind   found as                                          replaced with
=====  ================================================  =====================
card   13-19 digits, Luhn-valid                          ``**** **** **** 1111``
email  ``local@domain.tld``                              ``[EMAIL]``
phone  digits with separators, ``+``, ``(..)``, ``ext``  ``[PHONE]``
iban   ISO 13616, mod-97 valid                           ``[IBAN]``
ssn    ``AAA-GG-SSSS`` in issuable ranges                ``[SSN]``
=====  ================================================  =====================
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

import pandas as pd

from . import _core
from .core import InstantLike, ValidationError, _to_unix_ms
from .store import Store

__all__ = [
    "PII_KINDS",
    "PHONE_CHECKS",
    "MaskResult",
    "AuditVerification",
    "PiiMasker",
    "mask_pii",
    "erase_customer",
    "verify_audit",
    "audit_append",
    "audit_entries",
    "audit_record_changes",
    "audit_stop_recording",
    "apply_retention",
]

#: The kinds of personal data the masker finds, in priority order.
PII_KINDS = ("email", "iban", "ssn", "card", "phone")
#: ``phone_check`` values: "fast" accepts formatted numbers of a possible
#: length for their country and sends bare digit runs to libphonenumber's
#: IsValidNumber; "valid" sends every candidate (about 50x slower per phone).
PHONE_CHECKS = ("fast", "valid")

@dataclass(frozen=True)
class MaskResult:
    """One masked text: the text, the count per kind and the spans found.

    ``spans`` are ``(kind, begin, end)`` with byte offsets into the UTF-8
    encoding of the input (equal to character offsets for ASCII text).
    """

    text: str
    counts: Dict[str, int]
    spans: List[Tuple[str, int, int]]

    @property
    def total(self) -> int:
        """Pieces masked, all kinds."""
        return sum(self.counts.values())


@dataclass(frozen=True)
class AuditVerification:
    """The outcome of :func:`verify_audit`.

    ``head_hash`` is the last good entry's SHA-256 (hex); keep it outside
    the store file and compare it next time to detect a truncated or
    rewritten log, which no check inside the file can see.
    """

    ok: bool
    entries: int
    first_bad_seq: Optional[int]
    reason: str
    head_hash: str


class PiiMasker:
    """A compiled masker: build once, mask many texts (thread-safe).

    Args:
        kinds: which of :data:`PII_KINDS` to mask (default all).
        default_region: ISO 3166-1 alpha-2 region for phone numbers written
            without ``+`` (``"US"``, ``"GB"``, ``"DE"``).
        phone_check: one of :data:`PHONE_CHECKS`.

    Raises:
        ValidationError: naming ``default_region`` (unknown region),
            ``options`` (no kind), ``phone_check`` or ``kinds``.
    """

    def __init__(self, *, kinds: Sequence[str] = PII_KINDS, default_region: str = "US",
                 phone_check: str = "fast"):
        kinds = [kinds] if isinstance(kinds, str) else list(kinds)
        for k in kinds:
            if k not in PII_KINDS:
                raise ValidationError(
                    f"invalid argument: kinds = '{k}': expected any of {', '.join(PII_KINDS)}",
                    code="invalid_argument", field="kinds", value=str(k))
        self.kinds = tuple(k for k in PII_KINDS if k in kinds)
        self.default_region = default_region
        self.phone_check = phone_check
        self._masker = _core.PiiMasker("card" in kinds, "email" in kinds, "phone" in kinds, "iban" in kinds,
                                       "ssn" in kinds, default_region, phone_check)

    def mask(self, text: str) -> MaskResult:
        """Masks one text; returns the text, counts and spans."""
        masked, counts, spans = self._masker.mask(text)
        return MaskResult(masked, dict(counts), list(spans))

    def mask_many(self, texts, *, return_counts: bool = False):
        """Masks a list, tuple or pandas Series of str (None/NaN kept).

        Returns the same shape: a list for a list or tuple, a Series with the
        same index, name and string dtype for a Series (missing values stay
        missing). The masking runs without the GIL.
        With ``return_counts`` returns ``(masked, counts)`` where counts are
        the pieces masked per text (a list, or an int64 Series).
        """
        if isinstance(texts, pd.Series):
            values = [None if (v is None or (isinstance(v, float) and v != v)) else v for v in texts.tolist()]
            masked, found = self._masker.mask_many(values)
            # Keep a string dtype ("str", "string"); anything else comes back as object.
            dtype = texts.dtype if pd.api.types.is_string_dtype(texts.dtype) else object
            out = pd.Series(masked, index=texts.index, name=texts.name, dtype=dtype)
            if return_counts:
                return out, pd.Series(found, index=texts.index, dtype="int64", name="pii_masked")
            return out
        masked, found = self._masker.mask_many(list(texts))
        return (masked, found) if return_counts else masked

    def __repr__(self) -> str:
        return (f"PiiMasker(kinds={self.kinds!r}, default_region={self.default_region!r}, "
                f"phone_check={self.phone_check!r})")


def mask_pii(texts, *, kinds: Sequence[str] = PII_KINDS, default_region: str = "US",
             phone_check: str = "fast", masker: Optional[PiiMasker] = None):
    """Masks personal data in a str, a list/tuple of str, or a pandas Series.

    Returns the same shape (str -> str, list -> list, Series -> Series with
    the same index). Pass a :class:`PiiMasker` as ``masker`` when calling
    this in a loop (building one compiles the patterns, ~1 ms).

    >>> bo.mask_pii("card 4111 1111 1111 1111, mail jane@example.com")
    'card **** **** **** 1111, mail [EMAIL]'
    """
    m = masker or PiiMasker(kinds=kinds, default_region=default_region, phone_check=phone_check)
    if isinstance(texts, str):
        return m.mask(texts).text
    return m.mask_many(texts)


def _handle(store: Store):
    return store._handle


def erase_customer(store: Store, customer_id: int, *, actor: str = "system",
                   now: Optional[InstantLike] = None) -> Dict[str, int]:
    """Erases a customer (GDPR art. 17) in one transaction.

    Deletes the customer, their e-mails and phones; moves their interactions,
    cases, orders, invoices and payments to a fresh pseudonymous customer (so
    every KPI is unchanged and every balance kept), empties notes, case
    subjects and credit-note and RMA reasons, and appends an audit entry by
    ``actor`` at ``now`` (default: the current time).

    Returns the counts: interactions, cases, orders, invoices, payments,
    credit_notes, rmas, emails, phones and the audit entry's ``audit_seq``. Raises NotFoundError naming ``customer``.
    """
    now_ms = _to_unix_ms(now if now is not None else pd.Timestamp.now(tz="UTC"), "now")
    return dict(_core.erase_customer(_handle(store), int(customer_id), actor, now_ms))


def verify_audit(store: Store) -> AuditVerification:
    """Checks the audit log's hash chain (gaps, broken links, altered
    entries) and names the first bad entry. O(entries)."""
    ok, entries, first_bad, reason, head = _core.audit_verify(_handle(store))
    return AuditVerification(bool(ok), int(entries), first_bad, reason, head)


def audit_append(store: Store, *, actor: str, action: str, record_kind: str, record_id: str,
                 summary: str = "", time: Optional[InstantLike] = None) -> int:
    """Appends one audit entry and returns its seq. Never put personal data
    in it (the log outlives erasure): use ids, counts or digests."""
    time_ms = _to_unix_ms(time if time is not None else pd.Timestamp.now(tz="UTC"), "time")
    return int(_core.audit_append(_handle(store), time_ms, actor, action, record_kind, str(record_id), summary))


def audit_record_changes(store: Store, *, actor: str) -> None:
    """From now on every write through ``store`` (puts, ingests, CSV
    imports) appends an audit entry in the write's own transaction: action
    put/delete/ingest, record kind and id, ``actor``, the UTC time, and a
    summary with the row count and, for a put, a SHA-256 digest of the
    record (never the record itself). Lasts until
    :func:`audit_stop_recording` or the store is closed."""
    _core.audit_record_changes(_handle(store), str(actor))


def audit_stop_recording(store: Store) -> None:
    """Stops what :func:`audit_record_changes` started."""
    _core.audit_stop_recording(_handle(store))


def audit_entries(store: Store, *, from_seq: int = 1) -> pd.DataFrame:
    """The audit log from ``from_seq`` as a DataFrame: seq, time
    (datetime64[ms, UTC]), actor, action, record_kind, record_id, summary,
    prev_hash, hash."""
    cols = _core.audit_entries(_handle(store), int(from_seq))
    df = pd.DataFrame({
        "seq": pd.array(cols["seq"], dtype="int64"),
        "time": pd.to_datetime(pd.array(cols["time_ms"], dtype="int64"), unit="ms", utc=True),
    })
    for name in ("actor", "action", "record_kind", "record_id", "summary", "prev_hash", "hash"):
        df[name] = pd.array(cols[name], dtype="string")
    return df


def _age_ms(value) -> Optional[int]:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return int(pd.Timedelta(value) / pd.Timedelta(milliseconds=1))


def apply_retention(store: Store, *, now: Optional[InstantLike] = None,
                    interactions=None, interactions_action: str = "anonymise",
                    cases=None, cases_action: str = "anonymise",
                    orders=None, work_items=None, agent_states=None,
                    actor: str = "retention") -> Dict[str, int]:
    """Applies retention as of ``now`` in one transaction.

    Each kind takes a maximum age (a ``pd.Timedelta``, a string such as
    ``"365D"``, or integer milliseconds); None leaves the kind alone.
    Interactions and cases may be ``"delete"``d or ``"anonymise"``d; orders,
    work items and agent states are deleted. One audit entry per rule.

    Returns rows acted on per kind, ``qa_evaluations`` deleted with their
    interactions, and ``first_audit_seq``/``last_audit_seq``.
    Raises ValidationError naming ``retention.<kind>.max_age`` or ``.action``.
    """
    now_ms = _to_unix_ms(now if now is not None else pd.Timestamp.now(tz="UTC"), "now")
    return dict(_core.apply_retention(
        _handle(store), _age_ms(interactions), interactions_action,
        _age_ms(cases), cases_action, _age_ms(orders),
        _age_ms(work_items), _age_ms(agent_states), actor, now_ms))
