include(CMakePackageConfigHelpers)

set(BACKOFFICE_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/backoffice")

install(TARGETS backoffice backoffice_static
  EXPORT backofficeTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/backoffice" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES "${PROJECT_BINARY_DIR}/generated/include/backoffice/version.hpp"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/backoffice")

install(EXPORT backofficeTargets NAMESPACE backoffice:: DESTINATION ${BACKOFFICE_CMAKE_DIR})
# Each module's extra dependency becomes a find_dependency() line, so static
# consumers resolve the libraries the archive needs at their final link.
set(BACKOFFICE_CONFIG_EXTRA_DEPENDENCIES "")
foreach(dep IN LISTS BACKOFFICE_CONFIG_DEPENDENCIES)
  string(APPEND BACKOFFICE_CONFIG_EXTRA_DEPENDENCIES "find_dependency(${dep})\n")
endforeach()
file(GLOB backoffice_find_modules "${PROJECT_SOURCE_DIR}/cmake/Find*.cmake")
install(FILES ${backoffice_find_modules} DESTINATION ${BACKOFFICE_CMAKE_DIR})

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/backofficeConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/backofficeConfig.cmake" INSTALL_DESTINATION ${BACKOFFICE_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/backofficeConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion)
install(FILES "${PROJECT_BINARY_DIR}/backofficeConfig.cmake"
  "${PROJECT_BINARY_DIR}/backofficeConfigVersion.cmake" DESTINATION ${BACKOFFICE_CMAKE_DIR})

# pkg-config: libdir/includedir are computed relative to the prefix so the
# installed tree can be moved.
set(BACKOFFICE_PC_REQUIRES_PRIVATE "sqlite3 cbc nlopt re2 libcrypto")
file(RELATIVE_PATH BACKOFFICE_PC_PREFIX_FROM_PCFILEDIR "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
configure_file("${PROJECT_SOURCE_DIR}/cmake/backoffice.pc.in" "${PROJECT_BINARY_DIR}/backoffice.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/backoffice.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
# The C ABI links every dependency inside libbackoffice_c, so its .pc needs
# nothing else.
configure_file("${PROJECT_SOURCE_DIR}/cmake/backoffice_c.pc.in" "${PROJECT_BINARY_DIR}/backoffice_c.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/backoffice_c.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
