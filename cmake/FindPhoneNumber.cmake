# Finds Google's libphonenumber (Debian: libphonenumber-dev), which ships no
# CMake package config or pkg-config file, and defines phonenumber::phonenumber.
# Installed beside backofficeConfig.cmake so static consumers find it too.
find_path(PHONENUMBER_INCLUDE_DIR NAMES phonenumbers/phonenumberutil.h
  DOC "Folder holding phonenumbers/phonenumberutil.h")
find_library(PHONENUMBER_LIBRARY NAMES phonenumber DOC "libphonenumber")
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(PhoneNumber
  REQUIRED_VARS PHONENUMBER_LIBRARY PHONENUMBER_INCLUDE_DIR
  REASON_FAILURE_MESSAGE "install libphonenumber-dev (Debian/Ubuntu)")
if(PhoneNumber_FOUND AND NOT TARGET phonenumber::phonenumber)
  add_library(phonenumber::phonenumber UNKNOWN IMPORTED GLOBAL)
  set_target_properties(phonenumber::phonenumber PROPERTIES
    IMPORTED_LOCATION "${PHONENUMBER_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${PHONENUMBER_INCLUDE_DIR}")
endif()
mark_as_advanced(PHONENUMBER_INCLUDE_DIR PHONENUMBER_LIBRARY)
