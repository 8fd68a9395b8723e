#include "wfm/erlang_math.hpp"

#include "wfm/boost_policy.hpp"

#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <cmath>

namespace backoffice::wfm_detail {
namespace {

// Series are summed until the last term is below this fraction of the sum;
// the remaining tails are then below 1e-16 relative (see docs/wfm.md).
constexpr double kSeriesEps = 1e-18;
// Beyond any input the public limits allow (sqrt(83 * 1e13) ~ 3e7 terms).
constexpr long kMaxSeriesTerms = 200'000'000;

// 1/B(a, n) = sum_{j=0..n} n!/((n-j)! a^j), summed from the top state down.
// Terms rise while (n-j)/a > 1 and fall after, so near n ~ a only about
// 9*sqrt(a) of them matter: the cost is O(sqrt(a)), against O(n) for the
// textbook recursion from B(0) = 1. Returns a negative value when the sum
// would overflow (n far above a), which the caller hands to the gamma route.
double inverse_erlang_b_by_sum(double a, int n) {
  const double inv_a = 1.0 / a;
  double term = 1.0;
  double sum = 1.0;
  for (int j = 0; j < n; ++j) {
    term *= static_cast<double>(n - j) * inv_a;
    sum += term;
    // While terms rise each is at least sum/(j+2), so this cannot stop early.
    if (term <= kSeriesEps * sum) break;
    if (sum > 1e290) return -1.0;
  }
  return sum;
}

}  // namespace

double erlang_b(double a, int n) {
  if (n == 0) return 1.0;
  if (!(a > 0.0)) return 0.0;
  const double nd = static_cast<double>(n);
  if (nd <= a + 30.0 * std::sqrt(a) + 30.0) {
    const double inv = inverse_erlang_b_by_sum(a, n);
    if (inv > 0.0) return 1.0 / inv;
  }
  // Far above the load B is the Poisson pmf over the Poisson cdf at n, both
  // of which Boost evaluates without forming A^n or n! (Temme's expansion
  // for large n); the cdf is close to 1 here, so the ratio is well
  // conditioned.
  const double pmf = boost::math::gamma_p_derivative(nd + 1.0, a, BoostPolicy());
  const double cdf = boost::math::gamma_q(nd + 1.0, a, BoostPolicy());
  return pmf / cdf;
}

ErlangCCore erlang_c_from_b(double a, int n, double b) {
  const double gap = static_cast<double>(n) - a;
  const double denom = gap + a * b;
  return ErlangCCore{static_cast<double>(n) * b / denom, gap * (1.0 - b) / denom};
}

double erlang_c_service_level(const ErlangCCore& c, double a, int n, double t_over_aht) {
  // 1 - C e^{-x} rewritten as (1 - C) + C (1 - e^{-x}): both terms are
  // non-negative, so a small service level keeps its relative accuracy.
  const double x = (static_cast<double>(n) - a) * t_over_aht;
  return c.probability_no_wait - c.probability_wait * std::expm1(-x);
}

// Erlang A. States n + j (j callers waiting) have stationary weights
// pi_n * t_j with t_j = y^j / prod_{i=1..j} (x + i), x = n*mu/theta,
// y = lambda/theta (Mandelbaum & Zeltyn's A(x, y) = sum_j t_j). A caller
// arriving to j waiting is answered with probability x/(x+j+1) after a mean
// wait of (1/theta) sum_{k=1..j+1} 1/(x+k), and within T with the
// incomplete-gamma expression of docs/wfm.md. Two regimes keep everything
// finite and free of cancellation:
//   y < x + 1 (lambda < N mu + theta): the t_j fall from t_0 = 1 and plain
//     series give every sum;
//   y >= x + 1 (overload): A(x, y) can exceed any double, so the measures
//     are written with 1/A(x, y) from Boost's regularised incomplete gamma,
//     and the ASA sum is taken around its peak j* = y - x with t_{j*} = 1
//     (only ratios of sums are needed there).
ErlangACore erlang_a(double a, int n, double patience_over_aht, double t_over_aht) {
  ErlangACore out{0.0, 0.0, 1.0, 1.0, 0.0, true};
  if (!(a > 0.0)) return out;
  const double p = patience_over_aht;
  const double x = static_cast<double>(n) * p;
  const double y = a * p;
  const double theta_t = t_over_aht / p;  // theta * T
  const double b = erlang_b(a, n);

  if (y < x + 1.0) {
    double t = 1.0, s = 0.0, q = 0.0, f = 0.0, w = 0.0, h = 0.0;
    long j = 0;
    for (;; ++j) {
      const double xj1 = x + static_cast<double>(j) + 1.0;
      const double answered = x / xj1;
      h += 1.0 / xj1;
      s += t;
      q += static_cast<double>(j) * t;
      f += t * answered;
      w += t * answered * h;
      // (j+1) t_j is the term of s + q, so this bounds the tails of s, q, f, w.
      if (j >= 1 && static_cast<double>(j + 1) * t <= kSeriesEps * (s + q)) break;
      if (j >= kMaxSeriesTerms) { out.converged = false; break; }
      t *= y / xj1;
    }
    // Answered within T among those who wait: F(y) - F(y u), u = e^{-theta T},
    // with F(z) = x e^{y-z} (z/y)^{x+1} sum_k z^k / prod_{i=1..k+1} (x+i).
    double fu = f;
    double prefactor = 1.0;
    if (theta_t > 0.0) {
      const double u = std::exp(-theta_t);
      prefactor = std::exp(-y * std::expm1(-theta_t) - (x + 1.0) * theta_t);
      fu = 0.0;
      double tu = 1.0;
      for (long k = 0;; ++k) {
        const double xk1 = x + static_cast<double>(k) + 1.0;
        const double term = tu * x / xk1;
        fu += term;
        if (term <= kSeriesEps * fu) break;
        if (k >= kMaxSeriesTerms) { out.converged = false; break; }
        tu *= y * u / xk1;
      }
    }
    const double denom = (1.0 - b) + s * b;
    const double pi_n = b / denom;
    const double never_wait = (1.0 - b) / denom;
    out.probability_wait = s * pi_n;
    out.probability_abandon = (q / y) * pi_n;
    out.probability_answered = never_wait + f * pi_n;
    out.service_level = never_wait + (theta_t > 0.0 ? (f - prefactor * fu) * pi_n : 0.0);
    out.asa_in_aht = w * pi_n * p / out.probability_answered;
    return out;
  }

  const double gp = boost::math::gamma_p(x, y, BoostPolicy());
  const double gd = boost::math::gamma_p_derivative(x, y, BoostPolicy());
  const double inv_s = y * gd / (x * gp);  // 1 / A(x, y), may underflow to 0
  const double denom = inv_s * (1.0 - b) + b;
  const double pw = b / denom;
  const double never_wait = inv_s * (1.0 - b) / denom;
  const double x_over_y = x / y;
  out.probability_wait = pw;
  out.probability_abandon = pw * (inv_s + (1.0 - inv_s) * (1.0 - x_over_y));
  out.probability_answered = never_wait + pw * x_over_y * (1.0 - inv_s);
  double delta = 0.0;  // P(x+1, y) - P(x+1, y u), taken from the smaller tail
  if (theta_t > 0.0) {
    const double yu = y * std::exp(-theta_t);
    delta = yu > x + 1.0 ? boost::math::gamma_q(x + 1.0, yu, BoostPolicy()) -
                               boost::math::gamma_q(x + 1.0, y, BoostPolicy())
                         : boost::math::gamma_p(x + 1.0, y, BoostPolicy()) -
                               boost::math::gamma_p(x + 1.0, yu, BoostPolicy());
  }
  out.service_level = never_wait + pw * x_over_y * delta / gp;

  const long peak = static_cast<long>(std::floor(y - x));
  double h_peak = 0.0;  // sum_{k=1..peak+1} 1/(x+k)
  if (peak <= 4096) {
    for (long k = 1; k <= peak + 1; ++k) h_peak += 1.0 / (x + static_cast<double>(k));
  } else {
    // The difference of digammas is log((x+peak+1)/(x+1)) + O(1/x) >= ~4096/y,
    // so its rounding stays near 1e-13 relative.
    h_peak = boost::math::digamma(x + static_cast<double>(peak) + 2.0, BoostPolicy()) -
             boost::math::digamma(x + 1.0, BoostPolicy());
  }
  double s = 0.0, w = 0.0;
  {
    double t = 1.0, h = h_peak;
    for (long j = peak;; ++j) {
      const double xj1 = x + static_cast<double>(j) + 1.0;
      s += t;
      w += t * (x / xj1) * h;
      if (j > peak && t <= kSeriesEps * s) break;
      if (j - peak >= kMaxSeriesTerms) { out.converged = false; break; }
      t *= y / xj1;
      h += 1.0 / (xj1 + 1.0);
    }
  }
  {
    double t = 1.0, h = h_peak;
    for (long j = peak - 1; j >= 0; --j) {
      const double xj1 = x + static_cast<double>(j) + 1.0;
      t *= xj1 / y;
      h -= 1.0 / (xj1 + 1.0);
      s += t;
      w += t * (x / xj1) * h;
      if (t <= kSeriesEps * s) break;
    }
  }
  out.asa_in_aht = pw * p * (w / s) / out.probability_answered;
  return out;
}

}  // namespace backoffice::wfm_detail
