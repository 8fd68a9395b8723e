#!/usr/bin/env python3
"""High-precision references for tests/wfm/erlang_*_test.cpp.

Computes Erlang B, Erlang C and Erlang A (M/M/N+M) measures with mpmath at
60 significant digits, straight from the definitions, by routes that do not
share code or algebra with src/wfm:

* Erlang B and C: the textbook sums sum_k A^k/k! over exact big numbers
  (mpmath floats have an unbounded exponent, so nothing overflows).
* Erlang A: the stationary distribution of the birth-death chain
  (death rate k*mu up to N agents, N*mu + j*theta with j callers waiting),
  summed state by state until the tail is below 1e-45 of the total.
  Per state with j callers ahead, a new caller is answered with probability
  x/(x+j+1) (x = N*mu/theta), waits the stage times 1/(theta*(x+k)),
  k = 1..j+1, when answered, and is answered within T with probability
  x/(x+j+1) * I_{1-exp(-theta*T)}(j+1, x+1) (regularised incomplete beta):
  under the tilt by exp(-theta*V), exp(-theta*V) is Beta(x+1, j+1)
  distributed. The script checks that Beta claim against a direct numerical
  convolution of the stage times before it prints anything.

Usage: python3 -m venv /tmp/v && /tmp/v/bin/pip install mpmath &&
       /tmp/v/bin/python make_erlang_references.py > references.txt
The printed C++ initialisers are pasted into the test sources.
"""

import mpmath as mp

mp.mp.dps = 60


def erlang_b(a, n):
    a = mp.mpf(a)
    term = mp.mpf(1)
    total = mp.mpf(1)
    for k in range(1, n + 1):
        term = term * a / k
        total += term
    return term / total


def erlang_c_pw(a, n):
    a = mp.mpf(a)
    term = mp.mpf(1)
    below = mp.mpf(0)  # sum_{k<n} A^k/k!
    for k in range(0, n):
        below += term
        term = term * a / (k + 1)
    top = term * n / (n - a)  # A^n/n! * n/(n-A)
    return top / (below + top)


def erlang_c_metrics(a, n, aht_s, t_s):
    a = mp.mpf(a)
    pw = erlang_c_pw(a, n)
    sl = 1 - pw * mp.exp(-(n - a) * mp.mpf(t_s) / aht_s)
    asa = pw * aht_s / (n - a)
    return pw, sl, asa


def erlang_a(a, n, aht_s, patience_s, t_s):
    """Returns (P(wait), P(abandon), service level, ASA of answered calls)."""
    a = mp.mpf(a)
    mu = 1 / mp.mpf(aht_s)
    theta = 1 / mp.mpf(patience_s)
    lam = a * mu
    x = n * mu / theta
    u1 = 1 - mp.exp(-theta * t_s)
    # States 0..n-1: weights A^k/k! (relative scale, unnormalised).
    term = mp.mpf(1)
    below = mp.mpf(0)
    for k in range(0, n):
        below += term
        term = term * a / (k + 1)
    pn = term  # weight of state n
    waiting_mass = mp.mpf(0)
    abandon_mass = mp.mpf(0)  # sum_j weight_j * j  (queue length)
    answered_within = mp.mpf(0)
    answered_wait = mp.mpf(0)
    answered_mass = mp.mpf(0)
    w = pn
    harmonic = mp.mpf(0)
    j = 0
    peak = max(0, int(lam / theta - x))
    while True:
        harmonic += 1 / (theta * (x + j + 1))
        p_answer = x / (x + j + 1)
        waiting_mass += w
        abandon_mass += w * j
        answered_mass += w * p_answer
        answered_wait += w * p_answer * harmonic
        if t_s > 0:
            answered_within += w * p_answer * mp.betainc(j + 1, x + 1, 0, u1, regularized=True)
        j += 1
        w = w * lam / (n * mu + j * theta)
        if j > peak and w < mp.mpf(10) ** -45 * (below + waiting_mass):
            break
    total = below + waiting_mass
    p_wait = waiting_mass / total
    p_abandon = theta * (abandon_mass / total) / lam  # Little + abandon rate theta*E[Q]
    p_answered = (below + answered_mass) / total  # never waited, or answered from the queue
    sl = (below + answered_within) / total if t_s > 0 else below / total
    asa = (answered_wait / total) / p_answered
    # Flow balance: answered calls = carried load, an independent identity.
    assert abs((1 - p_abandon) - p_answered) < mp.mpf(10) ** -40
    return p_wait, p_abandon, sl, asa


def check_beta_claim():
    # P(stage sum <= T) for rates theta*(x+k), k = 1..j+1, by numerical
    # convolution against 1 - I_{exp(-theta T)}(x+1, j+1).
    theta, x, t = mp.mpf("0.7"), mp.mpf("2.3"), mp.mpf("1.9")
    for j in range(0, 3):
        rates = [theta * (x + k) for k in range(1, j + 2)]

        def density(s, rates=rates):
            # density of a sum of exponentials by partial fractions (distinct rates)
            total = mp.mpf(0)
            for i, ri in enumerate(rates):
                c = mp.mpf(1)
                for k, rk in enumerate(rates):
                    if k != i:
                        c *= rk / (rk - ri)
                total += c * ri * mp.exp(-ri * s)
            return total

        direct = mp.quad(density, [0, t])
        beta = 1 - mp.betainc(x + 1, j + 1, 0, mp.exp(-theta * t), regularized=True)
        assert abs(direct - beta) < mp.mpf(10) ** -30, (j, direct, beta)


def fewest_agents(meets, start=1):
    n = start
    while not meets(n):
        n += 1
    return n


def staffing_references():
    """Brute-force minimum agents for the staffing tests: scan N upward."""
    a = mp.mpf(10000) * 300 / 3600  # 10,000 calls/h at 300 s
    out = {}
    out["erlang_c_80_20"] = fewest_agents(
        lambda n: n > a and erlang_c_metrics(a, n, 300, 20)[1] >= mp.mpf("0.8"), 834)
    out["erlang_c_asa_15s"] = fewest_agents(
        lambda n: n > a and erlang_c_metrics(a, n, 300, 20)[2] <= 15, 834)
    out["erlang_c_90_10"] = fewest_agents(
        lambda n: n > a and erlang_c_metrics(a, n, 300, 10)[1] >= mp.mpf("0.9"), 834)
    # Erlang A, mean patience 180 s.
    out["erlang_a_80_20"] = fewest_agents(
        lambda n: erlang_a(a, n, 300, 180, 20)[2] >= mp.mpf("0.8"), 780)
    out["erlang_a_abandon_2pct"] = fewest_agents(
        lambda n: erlang_a(a, n, 300, 180, 0)[1] <= mp.mpf("0.02"), 780)
    # Small centre: 100 calls per 30 min at 180 s (A = 10), patience 60 s.
    out["erlang_a_small_80_20"] = fewest_agents(
        lambda n: erlang_a(mp.mpf(10), n, 180, 60, 20)[2] >= mp.mpf("0.8"), 1)
    out["erlang_a_small_asa_10s"] = fewest_agents(
        lambda n: erlang_a(mp.mpf(10), n, 180, 60, 0)[3] <= 10, 1)
    return out


def fmt(v):
    if 0 < v < mp.mpf("1e-320"):  # below every double, even subnormal
        return f"0.0 /* {mp.nstr(v, 5)} */"
    return mp.nstr(v, 17)


def main():
    check_beta_claim()

    print("// Erlang B: {offered_erlangs, agents, blocking}")
    b_cases = [
        ("10", 10), ("0.5", 3), ("1e-6", 1), ("1e-6", 3), ("1e-9", 2), ("2", 40),
        ("833.33333333333333333", 834), ("833.33333333333333333", 860),
        ("1000", 1000), ("1000", 1100), ("10000", 10000), ("10000", 10100),
        ("10000", 10400), ("9999.5", 10000), ("10000", 5000), ("10000", 9000),
        ("100", 300), ("1", 150), ("3000.25", 3100), ("0.01", 1), ("25", 1),
        ("1000", 2000), ("50", 300), ("0.001", 40), ("10000", 14000),
    ]
    for a, n in b_cases:
        print(f"{{{a}, {n}, {fmt(erlang_b(mp.mpf(a), n))}}},")

    print("// Erlang C: {offered_erlangs, agents, aht_s, target_s, p_wait, service_level, asa_s}")
    c_cases = [
        ("10", 11, 180, 20), ("10", 14, 180, 20), ("0.5", 1, 300, 20),
        ("1e-6", 1, 300, 20), ("1e-6", 4, 60, 10), ("833.33333333333333333", 834, 300, 20),
        ("833.33333333333333333", 850, 300, 20), ("833.33333333333333333", 870, 300, 20),
        ("1000", 1001, 240, 30), ("10000", 10001, 300, 20), ("10000", 10050, 300, 20),
        ("10000", 10200, 300, 20), ("9999.5", 10000, 600, 60), ("50", 60, 120, 0),
        ("2.5", 3, 30, 5), ("3000.25", 3100, 400, 15),
    ]
    for a, n, aht, t in c_cases:
        pw, sl, asa = erlang_c_metrics(mp.mpf(a), n, aht, t)
        print(f"{{{a}, {n}, {aht}, {t}, {fmt(pw)}, {fmt(sl)}, {fmt(asa)}}},")

    print("// Erlang A: {offered_erlangs, agents, aht_s, patience_s, target_s,"
          " p_wait, p_abandon, service_level, asa_s}")
    a_cases = [
        ("10", 11, 180, 120, 20), ("10", 8, 180, 60, 20), ("4", 5, 300, 300, 20),
        ("0.5", 1, 300, 60, 20), ("1e-6", 1, 300, 60, 20), ("1e-6", 3, 300, 60, 20),
        ("833.33333333333333333", 830, 300, 180, 20), ("833.33333333333333333", 860, 300, 180, 20),
        ("833.33333333333333333", 700, 300, 600, 20), ("1000", 1000, 240, 3600, 30),
        ("1200", 1000, 300, 180, 20), ("10000", 10000, 300, 180, 20),
        ("10000", 10100, 300, 900, 20), ("10000", 9000, 300, 120, 20),
        ("25", 30, 60, 30, 0), ("2.5", 2, 30, 600, 5),
        ("10000", 5000, 300, 600, 0), ("0.5", 1, 300, 60, 1), ("9990", 10000, 300, 3600, 20),
        ("5000", 4000, 200, 100, 10),
    ]
    for a, n, aht, pat, t in a_cases:
        pw, pab, sl, asa = erlang_a(mp.mpf(a), n, aht, pat, t)
        print(f"{{{a}, {n}, {aht}, {pat}, {t}, {fmt(pw)}, {fmt(pab)}, {fmt(sl)}, {fmt(asa)}}},")

    for key, value in staffing_references().items():
        print(f"// staffing {key}: {value}")

    # Textbook cross-checks printed for the comments in the tests.
    print("// check: B(10 E, 10) =", mp.nstr(erlang_b(10, 10), 6))
    print("// check: B(4.46 E, 10) =", mp.nstr(erlang_b(mp.mpf("4.46"), 10), 6))
    print("// check: B(84.06 E, 100) =", mp.nstr(erlang_b(mp.mpf("84.06"), 100), 6))
    print("// check: 100 calls/30 min, 180 s, N=14:",
          [mp.nstr(v, 6) for v in erlang_c_metrics(mp.mpf(10), 14, 180, 20)])


if __name__ == "__main__":
    main()
