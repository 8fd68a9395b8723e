# compliance/ finds PII candidates with RE2 (Debian libre2-dev, pkg-config
# module re2, no CMake package) and hashes the audit chain with OpenSSL's
# libcrypto (Debian libssl-dev). RE2 is linked by its library path rather than
# a PkgConfig:: target, so the installed static config needs no find module
# for it. GLOBAL, because tests/ and benchmarks/ link from sibling folders.
find_package(PkgConfig REQUIRED)
pkg_check_modules(BACKOFFICE_RE2 REQUIRED re2)
find_library(BACKOFFICE_RE2_LIBRARY NAMES re2 HINTS ${BACKOFFICE_RE2_LIBRARY_DIRS} REQUIRED)
find_path(BACKOFFICE_RE2_INCLUDE_DIR NAMES re2/re2.h HINTS ${BACKOFFICE_RE2_INCLUDE_DIRS} REQUIRED)
include_directories(SYSTEM "${BACKOFFICE_RE2_INCLUDE_DIR}")
list(APPEND BACKOFFICE_EXTRA_PRIVATE_LIBS "${BACKOFFICE_RE2_LIBRARY}")
if(NOT TARGET OpenSSL::Crypto)
  find_package(OpenSSL REQUIRED COMPONENTS Crypto GLOBAL)
endif()
list(APPEND BACKOFFICE_EXTRA_PRIVATE_LIBS OpenSSL::Crypto)
list(APPEND BACKOFFICE_CONFIG_DEPENDENCIES OpenSSL)
