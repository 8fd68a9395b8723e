# wfm evaluates incomplete gamma functions with Boost.Math, header only
# (Debian package libboost-dev; scripts/setup must install it). GLOBAL,
# because tests/ and benchmarks/ link the target from sibling folders.
if(NOT TARGET Boost::headers)
  find_package(Boost 1.74 REQUIRED GLOBAL)
endif()
list(APPEND BACKOFFICE_EXTRA_PRIVATE_LIBS Boost::headers)
list(APPEND BACKOFFICE_CONFIG_DEPENDENCIES Boost)

# --- wfm: forecasting -------------------------------------------------------
# Forecast models solve least squares with Eigen (header only, Debian
# libeigen3-dev) and fit Holt-Winters smoothing parameters with NLopt (Debian
# libnlopt-cxx-dev). GLOBAL for the same reason as Boost above.
if(NOT TARGET Eigen3::Eigen)
  find_package(Eigen3 3.3 REQUIRED NO_MODULE GLOBAL)
endif()
find_package(NLopt MODULE REQUIRED)  # cmake/FindNLopt.cmake: see there why not CONFIG
list(APPEND BACKOFFICE_EXTRA_PRIVATE_LIBS Eigen3::Eigen NLopt::nlopt)
list(APPEND BACKOFFICE_CONFIG_DEPENDENCIES Eigen3 NLopt)
# --- end wfm: forecasting ---------------------------------------------------

# --- wfm: shift planning (CBC) ----------------------------------------------
# Shift planning (src/wfm/shift_plan.cpp) solves an integer program with
# COIN-OR CBC through its C interface (Debian package coinor-libcbc-dev,
# pkg-config module `cbc`; scripts/setup installs it). GLOBAL for the same
# reason as Boost above. CBC ships no CMake package: cmake/FindCBC.cmake wraps
# its pkg-config module and is installed for static consumers.
find_package(CBC REQUIRED)
list(APPEND BACKOFFICE_EXTRA_PRIVATE_LIBS PkgConfig::CBC)
list(APPEND BACKOFFICE_CONFIG_DEPENDENCIES CBC)
# --- end wfm: shift planning (CBC) ------------------------------------------
