#pragma once

#include <boost/math/policies/policy.hpp>

namespace backoffice::wfm_detail {

// Boost.Math throws on domain and overflow errors by default; the library
// never throws for input, and the callers validate arguments first, so any
// such condition returns NaN/inf/0 instead and is caught by the callers'
// finiteness checks.
using BoostPolicy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
    boost::math::policies::pole_error<boost::math::policies::ignore_error>,
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::underflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::evaluation_error<boost::math::policies::ignore_error>>;

}  // namespace backoffice::wfm_detail
