"""Erlang formulas against closed forms for small N (hand calculations in
comments) and an independent pure-Python evaluation of Erlang B's recursion
and the Erlang C formula with exact fractions."""

import math
from fractions import Fraction

import numpy as np
import pytest

import backoffice as bo


def erlang_b_reference(a: Fraction, n: int) -> Fraction:
    """B(A, 0) = 1; B(A, k) = A B(A, k-1) / (k + A B(A, k-1)), exactly."""
    b = Fraction(1)
    for k in range(1, n + 1):
        b = a * b / (k + a * b)
    return b


def erlang_c_reference(a: Fraction, n: int) -> Fraction:
    b = erlang_b_reference(a, n)
    return n * b / (n - a * (1 - b))


def test_two_erlangs_on_three_agents_match_the_hand_calculation():
    # B = (8/6) / (1 + 2 + 2 + 8/6) = 4/19; C = B / (1 - (2/3)(1 - B)) = 4/9.
    assert bo.erlang_b(2.0, 3) == pytest.approx(4 / 19, rel=1e-12)
    assert bo.erlang_c(2.0, 3) == pytest.approx(4 / 9, rel=1e-12)


@pytest.mark.parametrize("a,n", [(Fraction(1, 2), 1), (Fraction(10), 12), (Fraction(853, 10), 95),
                                 (Fraction(200), 230)])
def test_erlang_b_and_c_match_exact_rational_evaluation(a, n):
    assert bo.erlang_b(float(a), n) == pytest.approx(float(erlang_b_reference(a, n)), rel=1e-9)
    assert bo.erlang_c(float(a), n) == pytest.approx(float(erlang_c_reference(a, n)), rel=1e-9)


def test_erlang_c_metrics_match_the_closed_forms():
    # 10 calls per 900 s, AHT 180 s: A = 2. With N = 3 and T = 20 s:
    # SL = 1 - C e^{-(N - A) T / AHT} = 1 - (4/9) e^{-1/9}; ASA = C AHT / (N - A) = 80 s.
    m = bo.erlang_c_metrics(10, 180, 3, interval_s=900, answer_time_s=20)
    assert m.offered_erlangs == pytest.approx(2.0)
    assert m.probability_wait == pytest.approx(4 / 9, rel=1e-12)
    assert m.service_level == pytest.approx(1 - 4 / 9 * math.exp(-1 / 9), rel=1e-12)
    assert m.asa_s == pytest.approx(80.0, rel=1e-12)
    assert m.occupancy == pytest.approx(2 / 3, rel=1e-12)


def test_an_unstable_queue_names_the_agents_field():
    with pytest.raises(bo.ValidationError) as info:
        bo.erlang_c_metrics(10, 180, 2)  # N = A = 2
    assert info.value.field == "agents"
    with pytest.raises(bo.ValidationError) as info:
        bo.erlang_b(-1.0, 3)
    assert info.value.field == "offered_erlangs"


def test_required_agents_is_the_first_n_meeting_the_target():
    # A = 2: N = 3 gives SL 0.602 < 0.8; N = 4: C = 4/23, SL = 1 - (4/23) e^{-2/9} = 0.861.
    # Scheduled with 30% shrinkage: ceil(4 / 0.7) = 6.
    r = bo.required_agents(10, 180, service_level=0.8, answer_time_s=20, shrinkage=0.3)
    assert (r.required_agents, r.scheduled_agents) == (4, 6)
    assert r.service_level == pytest.approx(1 - 4 / 23 * math.exp(-2 / 9), rel=1e-12)
    assert r.probability_abandon == 0.0


def test_erlang_a_approaches_erlang_c_when_patience_is_very_long():
    # M/M/N+M tends to M/M/N as mean patience -> infinity (Garnett, Mandelbaum, Reiman 2002).
    c = bo.erlang_c_metrics(100, 180, 25)
    a = bo.erlang_a_metrics(100, 180, 25, mean_patience_s=180 * 1e5)
    assert a.service_level == pytest.approx(c.service_level, abs=1e-3)
    assert a.probability_abandon < 1e-4


def test_erlang_a_with_short_patience_abandons_more():
    short = bo.erlang_a_metrics(100, 180, 20, mean_patience_s=30)
    long = bo.erlang_a_metrics(100, 180, 20, mean_patience_s=300)
    assert short.probability_abandon > long.probability_abandon > 0


def test_the_staffing_curve_agrees_with_one_interval_at_a_time():
    calls = np.array([0.0, 10.0, 100.0, 250.0])
    aht = np.array([180.0, 180.0, 200.0, 240.0])
    required, scheduled = bo.staffing_curve(calls, aht, shrinkage=0.25)
    assert required.dtype == np.int32
    assert required[0] == 0 and scheduled[0] == 0  # no calls, no agents
    for i in range(1, len(calls)):
        one = bo.required_agents(calls[i], aht[i], shrinkage=0.25)
        assert (required[i], scheduled[i]) == (one.required_agents, one.scheduled_agents)
    with pytest.raises(bo.ValidationError) as info:
        bo.staffing_curve([1.0, -5.0], [180.0, 180.0])
    assert "calls_per_interval[1]" in info.value.field
