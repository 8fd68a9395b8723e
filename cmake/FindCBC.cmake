# Finds COIN-OR CBC (Debian: coinor-libcbc-dev) through its pkg-config module
# and defines PkgConfig::CBC. CBC ships no CMake package; this module is
# installed beside backofficeConfig.cmake so static consumers resolve it too.
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND AND NOT TARGET PkgConfig::CBC)
  pkg_check_modules(CBC QUIET IMPORTED_TARGET GLOBAL cbc)
endif()
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(CBC REQUIRED_VARS CBC_LINK_LIBRARIES
  REASON_FAILURE_MESSAGE "install coinor-libcbc-dev (Debian/Ubuntu)")
