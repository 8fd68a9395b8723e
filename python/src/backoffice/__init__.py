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
from .cases import Case, SlaPolicy, case_allowed_transitions, follow_up_due, sla_report
from .compliance import (
    AuditVerification,
    MaskResult,
    PiiMasker,
    apply_retention,
    audit_append,
    audit_entries,
    audit_record_changes,
    audit_stop_recording,
    erase_customer,
    mask_pii,
    verify_audit,
)
from .kpi import agent_time_report, kpi_report, work_item_report
from .orders import AGEING_BUCKETS, Order, OrderLine, Refund, ar_ageing
from .qa import QaCalibration, QaScore, Scorecard, fleiss_kappa, qa_calibration, qa_report, qa_score
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
from .wfm_planning import (
    FORECAST_MODELS,
    ShiftPlan,
    ShiftType,
    backtest,
    forecast,
    forecast_aht,
    plan_shifts,
    simulate_queue,
)

__version__ = version()

__all__ = [
    "QaCalibration",
    "QaScore",
    "Scorecard",
    "fleiss_kappa",
    "qa_calibration",
    "qa_report",
    "qa_score",
    "FORECAST_MODELS",
    "ShiftPlan",
    "ShiftType",
    "agent_time_report",
    "backtest",
    "forecast",
    "forecast_aht",
    "plan_shifts",
    "simulate_queue",
    "work_item_report",
    "AGEING_BUCKETS",
    "Order",
    "OrderLine",
    "Refund",
    "ar_ageing",
    "Case",
    "SlaPolicy",
    "case_allowed_transitions",
    "follow_up_due",
    "sla_report",
    "AuditVerification",
    "MaskResult",
    "PiiMasker",
    "apply_retention",
    "audit_append",
    "audit_entries",
    "audit_record_changes",
    "audit_stop_recording",
    "erase_customer",
    "mask_pii",
    "verify_audit",
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
