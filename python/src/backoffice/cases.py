"""Cases: lifecycle with allowed transitions, status history, SLA clocks in
business time and automatic escalation (definitions in docs/workflow_cases.md).

Statuses: ``new``, ``open``, ``pending_customer``, ``pending_third_party``,
``escalated``, ``resolved``, ``closed``, ``reopened``. Priorities ``P1``
(most urgent) to ``P4``. Instants go in as for the rest of the package
(``Timestamp``/``datetime``, ISO-8601 text with an offset, Unix ms) and come
back as UTC :class:`pandas.Timestamp`; durations come back as
:class:`pandas.Timedelta` of *business* (open) time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from . import _core
from .core import BusinessCalendar, InstantLike, ValidationError, _from_unix_ms, _to_unix_ms

__all__ = [
    "Case",
    "SlaPolicy",
    "case_allowed_transitions",
    "follow_up_due",
    "load_case",
    "save_case",
    "sla_report",
]

_PRIORITIES = ("P1", "P2", "P3", "P4")


def _duration_ms(value, name: str) -> int:
    """Milliseconds of a Timedelta/timedelta, an ISO-like string ("4h") or int ms."""
    if isinstance(value, bool):
        raise ValidationError(f"invalid argument: {name} = '{value}': expected a duration",
                              code="invalid_argument", field=name, value=str(value))
    if isinstance(value, int):
        return value
    try:
        return int(pd.Timedelta(value) // pd.Timedelta(milliseconds=1))
    except (ValueError, TypeError):
        raise ValidationError(f"invalid argument: {name} = '{value!r}': expected a duration",
                              code="invalid_argument", field=name, value=repr(value)) from None


def _timestamp_or_none(ms: Optional[int]) -> Optional[pd.Timestamp]:
    return None if ms is None else _from_unix_ms(ms)


@dataclass
class SlaPolicy:
    """Business-time SLA targets per priority.

    Attributes:
        first_response: target from creation to the first reply, per priority
            (``{"P1": "1h", ...}``; Timedelta, text or ms), counted in open
            time of the queue's calendar.
        resolution: target from creation to resolution, per priority.
        at_risk_share: a target is *at risk* once this share of it has
            elapsed (in (0, 1], default 0.8).
        paused_in: statuses in which both clocks stand still (default
            pending the customer). Resolved and closed always stop them.
    """

    first_response: Dict[str, object] = field(
        default_factory=lambda: {"P1": "1h", "P2": "4h", "P3": "8h", "P4": "16h"})
    resolution: Dict[str, object] = field(
        default_factory=lambda: {"P1": "4h", "P2": "16h", "P3": "40h", "P4": "80h"})
    at_risk_share: float = 0.8
    paused_in: Sequence[str] = ("pending_customer",)

    @staticmethod
    def standard() -> "SlaPolicy":
        """P1 1 h / 4 h, P2 4 h / 16 h, P3 8 h / 40 h, P4 16 h / 80 h (first
        response / resolution, business hours), at risk at 80 %, paused while
        pending the customer."""
        return SlaPolicy()

    def _args(self) -> Tuple[List[int], List[int], float, List[str]]:
        def targets(given: Dict[str, object], name: str) -> List[int]:
            unknown = set(given) - set(_PRIORITIES)
            if unknown or len(given) != 4:
                bad = ",".join(sorted(map(str, unknown))) or ",".join(sorted(given))
                raise ValidationError(
                    f"invalid argument: sla.{name} = '{bad}': give exactly P1, P2, P3 and P4",
                    code="invalid_argument", field=f"sla.{name}", value=bad)
            return [_duration_ms(given[p], f"sla.{name}.{p}") for p in _PRIORITIES]

        return (targets(self.first_response, "first_response"), targets(self.resolution, "resolution"),
                float(self.at_risk_share), list(self.paused_in))


def case_allowed_transitions(status: str) -> List[str]:
    """The statuses a case in ``status`` may move to (the transition table of
    docs/workflow_cases.md). Raises ParseError for an unknown status."""
    return _core.case_allowed_transitions(status)


def follow_up_due(*, calendar: BusinessCalendar, start: InstantLike, delay) -> pd.Timestamp:
    """When a follow-up task ``delay`` of business time after ``start`` is due
    ("call back within 4 business hours"); a start outside hours starts at
    the next opening. Raises ValidationError (field ``follow_up.delay``)."""
    return _from_unix_ms(_core.case_follow_up_due(calendar._cal, _to_unix_ms(start, "start"),
                                                  _duration_ms(delay, "follow_up.delay")))


class Case:
    """A case and its status history.

    Every change is checked against the transition table and recorded (who,
    when, from, to, why); an illegal move raises ConflictError naming
    ``case.status`` and ``"<from> -> <to>"``, and changes nothing. Instants
    must not go backwards (ValidationError naming ``case.<what>.at``).
    """

    def __init__(self, id: int, *, subject: str, created_at: InstantLike, priority: str = "P3",
                 customer_id: int = 0, queue_id: int = 0):
        self._w = _core.CaseWorkflow(int(id), subject, priority, _to_unix_ms(created_at, "created_at"),
                                     int(customer_id), int(queue_id))

    def __repr__(self) -> str:
        return f"Case({self.id}, {self.priority}, status={self.status!r}, tier={self.tier})"

    @property
    def id(self) -> int:
        return self._w.id

    @property
    def subject(self) -> str:
        return self._w.subject

    @property
    def priority(self) -> str:
        return self._w.priority

    @property
    def status(self) -> str:
        return self._w.status

    @property
    def tier(self) -> int:
        """Support tier 1..3; each escalation raises it by one (capped at 3)."""
        return self._w.tier

    @property
    def created_at(self) -> pd.Timestamp:
        return _from_unix_ms(self._w.created_ms)

    @property
    def updated_at(self) -> pd.Timestamp:
        return _from_unix_ms(self._w.updated_ms)

    @property
    def first_response_at(self) -> Optional[pd.Timestamp]:
        return _timestamp_or_none(self._w.first_response_ms)

    @property
    def resolved_at(self) -> Optional[pd.Timestamp]:
        """The latest resolution (kept when the case is reopened)."""
        return _timestamp_or_none(self._w.resolved_ms)

    def transition(self, to: str, *, at: InstantLike, actor: str = "", reason: str = "") -> "Case":
        """Moves the case to ``to`` at ``at``; returns the case for chaining.
        To ``resolved`` sets resolved_at; to ``escalated`` raises the tier."""
        self._w.transition(to, _to_unix_ms(at, "at"), actor, reason)
        return self

    def record_first_response(self, *, at: InstantLike, actor: str = "") -> "Case":
        """Records the first reply to the customer (stops the first-response
        clock). A second call raises ConflictError."""
        self._w.record_first_response(_to_unix_ms(at, "at"), actor)
        return self

    def escalate(self, *, at: InstantLike, actor: str = "", reason: str = "") -> "Case":
        """Raises the tier by one (at most 3) and moves the case to escalated."""
        self._w.escalate(_to_unix_ms(at, "at"), actor, reason)
        return self

    @property
    def history(self) -> pd.DataFrame:
        """One row per change, oldest first: ``at`` (UTC Timestamp), ``actor``,
        ``from_status``, ``to_status``, ``event`` (transition, escalation,
        first_response), ``tier`` (after the change), ``reason``, ``rule``
        (the SLA rule that escalated; "" for people)."""
        h = self._w.history()
        at = pd.to_datetime(pd.Series(h.pop("at_ms"), dtype="int64"), unit="ms", utc=True)
        df = pd.DataFrame(h)
        df.insert(0, "at", at)
        return df

    def sla(self, *, calendar: BusinessCalendar, now: InstantLike,
            policy: Optional[SlaPolicy] = None) -> pd.DataFrame:
        """Both SLA clocks at ``now`` on the queue's ``calendar``.

        One row per target (index ``first_response``, ``resolution``) with
        ``goal``, ``elapsed`` (business time counted, pauses excluded),
        ``remaining`` (goal - elapsed, negative once overrun) as Timedelta;
        ``due`` (the breach instant when elapsed >= goal, else while running
        now + remaining in business time, else NaT), ``met_at`` (NaT until
        met); ``running``, ``at_risk`` (elapsed >= at_risk_share * goal, not
        met, not breached) and ``breached`` as bool.
        """
        p = (policy or SlaPolicy())._args()
        s = self._w.sla(*p, calendar._cal, _to_unix_ms(now, "now"))
        rows = []
        for target in ("first_response", "resolution"):
            c = s[target]
            rows.append({
                "target": target,
                "goal": pd.Timedelta(c["goal_ms"], unit="ms"),
                "elapsed": pd.Timedelta(c["elapsed_ms"], unit="ms"),
                "remaining": pd.Timedelta(c["remaining_ms"], unit="ms"),
                "due": _timestamp_or_none(c["due_ms"]),
                "met_at": _timestamp_or_none(c["met_ms"]),
                "running": c["running"],
                "at_risk": c["at_risk"],
                "breached": c["breached"],
            })
        df = pd.DataFrame(rows).set_index("target")
        for col in ("due", "met_at"):
            df[col] = pd.to_datetime(df[col], utc=True)
        return df

    def apply_escalations(self, *, calendar: BusinessCalendar, now: InstantLike,
                          policy: Optional[SlaPolicy] = None, actor: str = "system",
                          rules: Optional[Iterable[Tuple[str, str]]] = None) -> int:
        """Escalates the case for every rule whose SLA condition holds at
        ``now`` and that has not fired on it yet; returns how many fired.

        ``rules``: (target, condition) pairs, target ``first_response`` or
        ``resolution``, condition ``at_risk`` or ``breached``; default
        first_response breached, resolution at risk, resolution breached.
        Each escalation raises the tier by one (capped at 3) and is recorded
        in the history with its rule. Idempotent; resolved cases are left alone.
        """
        p = (policy or SlaPolicy())._args()
        chosen = list(rules) if rules is not None else _core.default_escalation_rules()
        return self._w.apply_escalations(*p, calendar._cal, _to_unix_ms(now, "now"), actor, chosen)


def save_case(store, case: Case) -> None:
    """Stores the case and its whole history in one transaction (the stored
    history is replaced). Its customer and queue must exist in the store."""
    _core.case_save(store._handle, case._w)


def load_case(store, case_id: int) -> Case:
    """The stored case with its history, rebuilt and checked against the
    transition table (NotFoundError naming ``case.id`` when absent)."""
    case = Case.__new__(Case)
    case._w = _core.case_load(store._handle, int(case_id))
    return case


def sla_report(cases: Sequence[Case], *, calendar: BusinessCalendar, now: InstantLike,
               policy: Optional[SlaPolicy] = None) -> pd.DataFrame:
    """Both SLA clocks of many cases at ``now`` in one call (evaluated in C++
    without the GIL; no Python loop per case).

    One row per case, indexed by ``case_id``, with ``priority``, ``status``,
    ``tier`` and, for each target ``first_response_`` and ``resolution_``:
    ``goal``, ``elapsed``, ``remaining`` (Timedelta of business time),
    ``due``, ``met_at`` (UTC Timestamp or NaT), ``running``, ``at_risk``,
    ``breached`` (bool); definitions as :meth:`Case.sla`.
    """
    p = (policy or SlaPolicy())._args()
    cases = list(cases)
    cols = _core.case_sla_many([c._w for c in cases], *p, calendar._cal, _to_unix_ms(now, "now"))
    df = pd.DataFrame({
        "case_id": [c.id for c in cases],
        "priority": [c.priority for c in cases],
        "status": [c.status for c in cases],
        "tier": [c.tier for c in cases],
    })
    none = np.iinfo(np.int64).min
    for target in ("first_response_", "resolution_"):
        for name in ("goal", "elapsed", "remaining"):
            df[target + name] = pd.to_timedelta(cols[target + name + "_ms"], unit="ms")
        for name, key in (("due", "due_ms"), ("met_at", "met_ms")):
            ms = cols[target + key]
            ts = pd.to_datetime(np.where(ms == none, 0, ms), unit="ms", utc=True)
            df[target + name] = pd.Series(ts, index=df.index).where(ms != none)
        for name in ("running", "at_risk", "breached"):
            df[target + name] = cols[target + name]
    return df.set_index("case_id")
