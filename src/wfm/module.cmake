# wfm evaluates incomplete gamma functions with Boost.Math, header only
# (Debian package libboost-dev; scripts/setup must install it). GLOBAL,
# because tests/ and benchmarks/ link the target from sibling folders.
if(NOT TARGET Boost::headers)
  find_package(Boost 1.74 REQUIRED GLOBAL)
endif()
list(APPEND BACKOFFICE_EXTRA_PRIVATE_LIBS Boost::headers)
list(APPEND BACKOFFICE_CONFIG_DEPENDENCIES Boost)
