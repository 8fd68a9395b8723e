"""backoffice.cases: lifecycle, history, SLA clocks and escalation.

Calendar Mon-Fri 09:00-17:00 UTC; 2024-06-03 is a Monday. Standard policy
P2: first response 4 h, resolution 16 h, at risk at 80 %. Expected values
are hand calculations in the comments.
"""

import pandas as pd
import pytest

import backoffice as bo

T = pd.Timestamp


@pytest.fixture
def office():
    return bo.BusinessCalendar("Mon-Fri 09:00-17:00", zone="UTC")


def p2_case():
    return bo.Case(42, subject="Portal down", priority="P2", created_at="2024-06-03T09:00:00Z")


def test_transitions_build_a_history_frame():
    c = p2_case()
    c.transition("open", at="2024-06-03T09:05:00Z", actor="alice", reason="triaged")
    c.record_first_response(at="2024-06-03T09:10:00Z", actor="alice")
    c.transition("resolved", at="2024-06-03T11:00:00Z", actor="bob", reason="fixed")
    h = c.history
    assert list(h.columns) == ["at", "actor", "from_status", "to_status", "event", "tier", "reason", "rule"]
    assert len(h) == 3
    assert h["at"].iloc[0] == T("2024-06-03T09:05:00Z")
    assert list(h["to_status"]) == ["open", "open", "resolved"]
    assert list(h["event"]) == ["transition", "first_response", "transition"]
    assert h["reason"].iloc[2] == "fixed"
    assert c.status == "resolved"
    assert c.resolved_at == T("2024-06-03T11:00:00Z")
    assert c.first_response_at == T("2024-06-03T09:10:00Z")


def test_illegal_transition_names_both_states():
    c = p2_case()
    with pytest.raises(bo.ConflictError) as e:
        c.transition("closed", at="2024-06-03T10:00:00Z")
    assert e.value.field == "case.status"
    assert e.value.value == "new -> closed"
    assert c.status == "new"
    assert c.history.empty
    assert bo.case_allowed_transitions("resolved") == ["closed", "reopened"]
    with pytest.raises(bo.ParseError):
        c.transition("done", at="2024-06-03T10:00:00Z")


def test_time_going_backwards_is_rejected():
    c = p2_case()
    c.transition("open", at="2024-06-03T10:00:00Z")
    with pytest.raises(bo.ValidationError) as e:
        c.transition("resolved", at="2024-06-03T09:00:00Z")
    assert e.value.field == "case.status.at"


def test_sla_frame_pauses_while_pending_customer(office):
    c = p2_case()
    c.transition("open", at="2024-06-03T09:30:00Z")
    c.record_first_response(at="2024-06-03T09:30:00Z")
    c.transition("pending_customer", at="2024-06-03T16:00:00Z")
    c.transition("open", at="2024-06-04T10:00:00Z")
    s = c.sla(calendar=office, now="2024-06-04T12:00:00Z")
    # Mon 09-16 (7 h) + Tue 10-12 (2 h) = 9 h; 7 h left -> Tue 12-17 (5 h) + Wed 09-11 = Wed 11:00.
    r = s.loc["resolution"]
    assert r["elapsed"] == pd.Timedelta(hours=9)
    assert r["remaining"] == pd.Timedelta(hours=7)
    assert r["due"] == T("2024-06-05T11:00:00Z")
    assert not r["at_risk"] and not r["breached"] and r["running"]
    f = s.loc["first_response"]
    assert f["met_at"] == T("2024-06-03T09:30:00Z")
    assert f["elapsed"] == pd.Timedelta(minutes=30)
    assert pd.isna(f["due"])
    # Pausing nothing: 11 h.
    never = bo.SlaPolicy(paused_in=())
    assert c.sla(calendar=office, now="2024-06-04T12:00:00Z", policy=never).loc["resolution", "elapsed"] == \
        pd.Timedelta(hours=11)


def test_case_escalates_when_at_risk_and_then_breaches(office):
    c = p2_case()
    c.transition("open", at="2024-06-03T09:00:00Z")
    assert c.apply_escalations(calendar=office, now="2024-06-03T12:00:00Z") == 0  # 3 of 4 h
    # Mon 13:00: first response breached (4 of 4 h) -> tier 2.
    assert c.apply_escalations(calendar=office, now="2024-06-03T13:00:00Z") == 1
    assert (c.status, c.tier) == ("escalated", 2)
    assert c.apply_escalations(calendar=office, now="2024-06-03T13:00:00Z") == 0  # idempotent
    # Tue 14:00: 13 h of 16 h >= 12.8 h -> resolution at risk -> tier 3.
    assert c.apply_escalations(calendar=office, now="2024-06-04T14:00:00Z") == 1
    # Tue 17:00: 16 h -> breached (recorded; tier stays 3).
    assert c.apply_escalations(calendar=office, now="2024-06-04T17:00:00Z") == 1
    assert c.tier == 3
    h = c.history
    assert list(h["rule"]) == ["", "first_response.breached", "resolution.at_risk", "resolution.breached"]
    assert h["reason"].iloc[3] == "SLA resolution breached: 16:00:00 of 16:00:00 business time elapsed"
    s = c.sla(calendar=office, now="2024-06-04T17:00:00Z")
    assert s.loc["resolution", "breached"]
    assert s.loc["resolution", "due"] == T("2024-06-04T17:00:00Z")


def test_custom_policy_and_rules(office):
    c = p2_case()
    policy = bo.SlaPolicy(first_response={"P1": "1h", "P2": "2h", "P3": "8h", "P4": "16h"}, at_risk_share=0.5)
    # 1 h of 2 h = 50 %: at risk.
    assert c.sla(calendar=office, now="2024-06-03T10:00:00Z", policy=policy).loc["first_response", "at_risk"]
    assert c.apply_escalations(calendar=office, now="2024-06-03T10:00:00Z", policy=policy,
                               rules=[("first_response", "at_risk")]) == 1
    with pytest.raises(bo.ValidationError) as e:
        c.apply_escalations(calendar=office, now="2024-06-03T10:00:00Z", rules=[("first_reply", "at_risk")])
    assert e.value.field == "rules.target"
    with pytest.raises(bo.ValidationError) as e:
        c.sla(calendar=office, now="2024-06-03T10:00:00Z", policy=bo.SlaPolicy(at_risk_share=0))
    assert e.value.field == "sla.at_risk_share"
    with pytest.raises(bo.ValidationError) as e:
        c.sla(calendar=office, now="2024-06-03T10:00:00Z", policy=bo.SlaPolicy(resolution={"P1": "1h"}))
    assert e.value.field == "sla.resolution"


def test_follow_up_due_in_business_time(office):
    # Fri 15:00 + 4 business hours = Fri 15-17 (2 h) + Mon 09-11 = Mon 11:00.
    assert bo.follow_up_due(calendar=office, start="2024-06-07T15:00:00Z", delay="4h") == T("2024-06-10T11:00:00Z")
    with pytest.raises(bo.ValidationError) as e:
        bo.follow_up_due(calendar=office, start="2024-06-07T15:00:00Z", delay=pd.Timedelta(hours=-1))
    assert e.value.field == "follow_up.delay"


def test_sla_report_of_many_cases_matches_single_evaluations(office):
    a = p2_case()
    a.transition("open", at="2024-06-03T09:00:00Z")
    b = bo.Case(43, subject="Refund", priority="P1", created_at="2024-06-03T10:00:00Z")
    b.transition("open", at="2024-06-03T10:00:00Z")
    b.record_first_response(at="2024-06-03T10:30:00Z")
    b.transition("resolved", at="2024-06-03T12:00:00Z")
    now = "2024-06-03T13:00:00Z"
    r = bo.sla_report([a, b], calendar=office, now=now)
    assert list(r.index) == [42, 43]
    # a: 4 h of 4 h first response -> breached at 13:00; b: P1 resolved after 2 h of 4 h.
    assert r.loc[42, "first_response_breached"]
    assert r.loc[42, "first_response_due"] == T("2024-06-03T13:00:00Z")
    assert r.loc[43, "resolution_elapsed"] == pd.Timedelta(hours=2)
    assert r.loc[43, "resolution_met_at"] == T("2024-06-03T12:00:00Z")
    assert pd.isna(r.loc[43, "resolution_due"])
    assert pd.isna(r.loc[42, "resolution_met_at"])
    for case in (a, b):
        single = case.sla(calendar=office, now=now)
        for target in ("first_response", "resolution"):
            for col in ("elapsed", "remaining", "breached", "at_risk"):
                assert r.loc[case.id, f"{target}_{col}"] == single.loc[target, col]


def test_a_case_and_its_history_round_trip_through_the_store():
    with bo.Store.in_memory() as store:
        store.put_queue(1, "Support")
        store.put_customer(5, "Ada Lovelace")
        case = bo.Case(7, subject="Router drops calls", created_at="2024-06-03T09:00:00Z", priority="P2",
                       customer_id=5, queue_id=1)
        case.transition("open", at="2024-06-03T09:05:00Z", actor="alice", reason="triaged")
        case.transition("escalated", at="2024-06-03T10:00:00Z", actor="alice", reason="needs tier 2")
        bo.save_case(store, case)
        back = bo.load_case(store, 7)
        assert (back.status, back.tier) == ("escalated", 2)
        pd.testing.assert_frame_equal(back.history, case.history)
        # The restored case keeps following the transition table.
        with pytest.raises(bo.ConflictError):
            back.transition("closed", at="2024-06-03T11:00:00Z", actor="bob", reason="")
        with pytest.raises(bo.NotFoundError) as e:
            bo.load_case(store, 8)
        assert e.value.field == "case.id"
