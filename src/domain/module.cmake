# domain/ validates and normalises phone numbers with Google's libphonenumber,
# found by cmake/FindPhoneNumber.cmake (the Debian package has no CMake config).
find_package(PhoneNumber REQUIRED)
list(APPEND BACKOFFICE_EXTRA_PRIVATE_LIBS phonenumber::phonenumber)
list(APPEND BACKOFFICE_CONFIG_DEPENDENCIES PhoneNumber)
