# Finds NLopt (Debian: libnlopt-dev / libnlopt-cxx-dev) and defines NLopt::nlopt.
# Debian ships two CMake configs named NLopt (nlopt/ and nlopt_cxx/), and
# find_package(NLopt CONFIG) picks whichever the file system lists first, so
# the target name varied between machines; this module finds the C library
# (nlopt.hpp is a header-only wrapper over it) the same way everywhere.
find_path(NLOPT_INCLUDE_DIR NAMES nlopt.hpp nlopt.h)
find_library(NLOPT_LIBRARY NAMES nlopt)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(NLopt REQUIRED_VARS NLOPT_LIBRARY NLOPT_INCLUDE_DIR
  REASON_FAILURE_MESSAGE "install libnlopt-cxx-dev (Debian/Ubuntu)")
if(NLopt_FOUND AND NOT TARGET NLopt::nlopt)
  add_library(NLopt::nlopt UNKNOWN IMPORTED GLOBAL)
  set_target_properties(NLopt::nlopt PROPERTIES IMPORTED_LOCATION "${NLOPT_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${NLOPT_INCLUDE_DIR}")
endif()
mark_as_advanced(NLOPT_INCLUDE_DIR NLOPT_LIBRARY)
