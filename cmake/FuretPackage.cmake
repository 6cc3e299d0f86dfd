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

# Man pages, from the programs' own --help (help2man), when help2man is here.
find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(furet-index_summary "build and update a furet index of French news articles")
  set(furet-search_summary "search a furet index for the passages that answer a query")
  set(furet-serve_summary "serve a furet index over HTTP, with a search page")
  foreach(program furet-index furet-search furet-serve)
    if(NOT TARGET ${program})
      continue()
    endif()
    set(page ${PROJECT_BINARY_DIR}/man/${program}.1)
    add_custom_command(OUTPUT ${page}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
      COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section 1
              --name "${${program}_summary}"
              --output ${page} $<TARGET_FILE:${program}>
      DEPENDS ${program}
      COMMENT "Man page ${program}.1")
    list(APPEND FURET_MAN_PAGES ${page})
  endforeach()
  add_custom_target(man ALL DEPENDS ${FURET_MAN_PAGES})
  install(FILES ${FURET_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: no man pages (apt-get install help2man)")
endif()

# A Debian package: cpack -G DEB in the build directory gives furet_VERSION_ARCH.deb.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME furet)
set(CPACK_PACKAGE_VENDOR furet)
set(CPACK_PACKAGE_CONTACT "furet <furet@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "passage search for French news articles")
set(CPACK_PACKAGE_DESCRIPTION
  "furet-index analyses French articles (elisions, accents, numbers, model codes,\n stemming) into a Xapian index and keeps it current; furet-search and the\n furet library return the passages that answer a query.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
# The runtime libraries the programs and libfuret.so link, as Debian 12 names them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libxapian30, libicu72, libxxhash0, libgumbo1, libmd4c0, libstdc++6, libc6")
if(TARGET furet-serve)
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", libcpp-httplib0.11")
endif()
if(FURET_PYTHON_VERSIONS)
  # The Python module is built for one Python 3 version (its ABI tag says which).
  set(CPACK_DEBIAN_PACKAGE_SUGGESTS "${FURET_PYTHON_VERSIONS}")
endif()
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)  # ldconfig triggers for libfuret.so
include(CPack)
