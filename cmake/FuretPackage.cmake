# Installs the libraries with a CMake package, so other projects can
# find_package(furet) and link furet::searcher, furet::indexer or furet::analysis.
include(CMakePackageConfigHelpers)

install(TARGETS furet_analysis furet_indexer furet_searcher furet_shared
  EXPORT furetTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(FURET_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/furet)
install(EXPORT furetTargets NAMESPACE furet:: DESTINATION ${FURET_CMAKE_DIR})
configure_package_config_file(cmake/furetConfig.cmake.in
  ${PROJECT_BINARY_DIR}/furetConfig.cmake
  INSTALL_DESTINATION ${FURET_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/furetConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/furetConfig.cmake ${PROJECT_BINARY_DIR}/furetConfigVersion.cmake
  DESTINATION ${FURET_CMAKE_DIR})

# pkg-config: `pkg-config --cflags --libs furet` links libfuret.so. The prefix
# is found from the .pc file's own place, so a staged install works too.
configure_file(cmake/furet.pc.in ${PROJECT_BINARY_DIR}/furet.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/furet.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
