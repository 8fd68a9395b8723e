#pragma once

// Draws for the simulator, written out from uniform doubles because the
// std:: distributions are implementation-defined: the same seed must give
// the same contacts with libstdc++ and libc++. std::mt19937_64 itself is
// fully specified by the standard.

#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>

namespace backoffice::wfm_detail {

class SimRandom {
 public:
  explicit SimRandom(std::uint64_t seed) : engine_(seed) {}

  // Uniform on [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  // Exponential with the given mean by inversion; 1 - u is in (0, 1].
  double exponential(double mean) { return -mean * std::log1p(-uniform()); }

  // Standard normal by Box-Muller (one of the pair, the other discarded so
  // that each draw uses exactly two uniforms and no state is carried).
  double normal() {
    const double u1 = 1.0 - uniform();  // (0, 1]: log stays finite
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  }

  // Lognormal with exp(mu + sigma Z).
  double lognormal(double mu, double sigma) { return std::exp(mu + sigma * normal()); }

 private:
  std::mt19937_64 engine_;
};

}  // namespace backoffice::wfm_detail

namespace backoffice::wfm_detail {

// Arrival instants (seconds) of a Poisson process whose rate is constant
// within each interval. A gap that crosses an interval boundary is
// discarded and redrawn from the boundary with the next rate: exact by the
// memorylessness of the exponential. Shared by the simulator and the
// benchmark baseline so both consume the random stream identically.
class ArrivalStream {
 public:
  ArrivalStream(const double* calls_per_interval, std::size_t intervals, double interval_s)
      : calls_(calls_per_interval), intervals_(intervals), interval_s_(interval_s) {}

  // The next arrival after the previous one, or +infinity when none is left.
  double next(SimRandom& rng) {
    while (index_ < intervals_) {
      const double calls = calls_[index_];
      const double end = static_cast<double>(index_ + 1) * interval_s_;
      if (calls > 0.0) {
        const double t = now_ + rng.exponential(interval_s_ / calls);
        if (t < end) {
          now_ = t;
          return t;
        }
      }
      now_ = end;
      ++index_;
    }
    return HUGE_VAL;
  }

 private:
  const double* calls_;
  std::size_t intervals_;
  double interval_s_;
  std::size_t index_ = 0;
  double now_ = 0.0;
};

}  // namespace backoffice::wfm_detail
