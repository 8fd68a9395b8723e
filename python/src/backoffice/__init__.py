"""backoffice: contact-centre back-office library (KPIs, workforce
management, records in SQLite).

``import backoffice as bo``; see docs/python.md. The compiled module
``backoffice._core`` is private: use the names exported here.
"""

from .core import (
    BusinessCalendar,
    ConflictError,
    Error,
    InternalError,
    NotFoundError,
    ParseError,
    StoreError,
    TimeZone,
    ValidationError,
    format_instant,
    parse_instant,
    version,
)
from .kpi import kpi_report
from .store import INTERACTION_COLUMNS, IngestReport, Store
from .wfm import (
    ErlangAMetrics,
    ErlangCMetrics,
    StaffingResult,
    erlang_a_metrics,
    erlang_b,
    erlang_c,
    erlang_c_metrics,
    required_agents,
    staffing_curve,
)

__version__ = version()

__all__ = [
    "BusinessCalendar",
    "ConflictError",
    "Error",
    "ErlangAMetrics",
    "ErlangCMetrics",
    "INTERACTION_COLUMNS",
    "IngestReport",
    "InternalError",
    "NotFoundError",
    "ParseError",
    "StaffingResult",
    "Store",
    "StoreError",
    "TimeZone",
    "ValidationError",
    "__version__",
    "erlang_a_metrics",
    "erlang_b",
    "erlang_c",
    "erlang_c_metrics",
    "format_instant",
    "kpi_report",
    "parse_instant",
    "required_agents",
    "staffing_curve",
    "version",
]
