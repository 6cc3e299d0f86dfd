# What `cmake --install` puts where, in four components, and the Debian
# packages made of them (`cpack --config build/CPackConfig.cmake`, one .deb
# per component):
#   programs     furet-index, furet-search, furet-serve, man pages  -> furet
#   library      libfuret.so.0, the C API and the C++ API            -> libfuret0
#   development  headers, libfuret.so, static libraries, CMake
#                package, furet.pc                                   -> libfuret-dev
#   python       the Python module furet                             -> python3-furet
# Every install() rule names its component: a rule without one would land in
# no package (tests/install/package_test.sh checks).
include(CMakePackageConfigHelpers)

# One export set per library, so that furetConfig.cmake loads (and finds the
# dependencies of) only the components a project asks for.
install(TARGETS furet_shared EXPORT furet-shared-targets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT library NAMELINK_COMPONENT development
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
foreach(library analysis indexer searcher)
  install(TARGETS furet_${library} EXPORT furet-${library}-targets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
    INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endforeach()

# A stripped install (the packages') takes the debug information out of the
# static libraries too, keeping the symbols a link needs: as dh_strip does.
install(CODE "
  if(CMAKE_INSTALL_DO_STRIP)
    foreach(archive $<TARGET_FILE_NAME:furet_analysis> $<TARGET_FILE_NAME:furet_indexer>
                    $<TARGET_FILE_NAME:furet_searcher>)
      execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-debug --remove-section=.comment
                              --enable-deterministic-archives
        \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/\${archive}\"
        COMMAND_ERROR_IS_FATAL ANY)
    endforeach()
  endif()" COMPONENT development)

set(FURET_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/furet)
foreach(library shared analysis indexer searcher)
  install(EXPORT furet-${library}-targets NAMESPACE furet:: DESTINATION ${FURET_CMAKE_DIR}
    COMPONENT development)
endforeach()
configure_package_config_file(cmake/furetConfig.cmake.in
  ${PROJECT_BINARY_DIR}/furetConfig.cmake
  INSTALL_DESTINATION ${FURET_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/furetConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/furetConfig.cmake ${PROJECT_BINARY_DIR}/furetConfigVersion.cmake
  DESTINATION ${FURET_CMAKE_DIR} COMPONENT development)

# pkg-config: `pkg-config --cflags --libs furet` links libfuret.so. The prefix
# is found from the .pc file's own place, so a staged install works too.
file(RELATIVE_PATH FURET_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(cmake/furet.pc.in ${PROJECT_BINARY_DIR}/furet.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/furet.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
  COMPONENT development)

# furet_gzip(IN OUT): OUT is IN compressed as Debian wants it (gzip -9n: no
# name nor time inside, so the same input always gives the same bytes).
function(furet_gzip in out)
  get_filename_component(out_dir ${out} DIRECTORY)
  file(MAKE_DIRECTORY ${out_dir})
  add_custom_command(OUTPUT ${out}
    COMMAND sh -c "gzip -9n <\"$0\" >\"$1\"" ${in} ${out}
    DEPENDS ${in} VERBATIM)
endfunction()

# Man pages, written by hand in packaging/man (tests/install/man_pages_test.sh
# checks that they name every option of --help).
set(FURET_MAN_PAGES)
foreach(program furet-index furet-search furet-serve)
  if(TARGET ${program})
    configure_file(packaging/man/${program}.1 ${PROJECT_BINARY_DIR}/man/${program}.1 @ONLY)
    furet_gzip(${PROJECT_BINARY_DIR}/man/${program}.1 ${PROJECT_BINARY_DIR}/man/${program}.1.gz)
    list(APPEND FURET_MAN_PAGES ${PROJECT_BINARY_DIR}/man/${program}.1.gz)
  endif()
endforeach()
install(FILES ${FURET_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT programs)

# The Debian packages.
set(FURET_PACKAGE_CONTACT "furet maintainers <maintainers@furet.example>"
    CACHE STRING "Maintainer named in the .deb packages")
set(FURET_DEB_COMPONENTS programs library development)
if(TARGET furet_python)
  list(APPEND FURET_DEB_COMPONENTS python)
endif()
set(furet_deb_programs furet)
set(furet_deb_library libfuret${PROJECT_VERSION_MAJOR})
set(furet_deb_development libfuret-dev)
set(furet_deb_python python3-furet)

# Each package carries the copyright file and the Debian changelog. Only the
# packages install them (EXCLUDE_FROM_ALL: `cmake --install` leaves them out).
set(furet_changelog ${PROJECT_BINARY_DIR}/packaging/changelog.Debian.gz)
furet_gzip(${PROJECT_SOURCE_DIR}/packaging/changelog ${furet_changelog})
foreach(component IN LISTS FURET_DEB_COMPONENTS)
  install(FILES packaging/copyright ${furet_changelog}
    DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${furet_deb_${component}}
    COMPONENT ${component} EXCLUDE_FROM_ALL)
endforeach()
add_custom_target(packaging_files ALL DEPENDS ${FURET_MAN_PAGES} ${furet_changelog})

# The Debian revision is the changelog's: its first line reads
# "furet (VERSION-REVISION) ...".
file(STRINGS packaging/changelog furet_changelog_head LIMIT_COUNT 1)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS packaging/changelog)
string(REGEX REPLACE "^[^(]*\\([^-]*-([^)]*)\\).*" "\\1" FURET_DEBIAN_REVISION "${furet_changelog_head}")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME furet)
# Each package's description has a first line of its own: a summary equal to
# CPack's default is the one CPack does not put before it.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_NAME} built using CMake")
set(CPACK_PACKAGE_VENDOR furet)
set(CPACK_PACKAGE_CONTACT "${FURET_PACKAGE_CONTACT}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)  # the packages' programs and libraries; the build tree keeps its debug info
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL ${FURET_DEB_COMPONENTS})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${FURET_DEBIAN_REVISION})
set(CPACK_DEBIAN_PACKAGE_SOURCE furet)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Depends from the libraries the binaries link (dpkg-shlibdeps), and a shlibs
# file and ldconfig trigger for libfuret0.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
set(furet_deb_version "${PROJECT_VERSION}-${FURET_DEBIAN_REVISION}")

foreach(component IN LISTS FURET_DEB_COMPONENTS)
  string(TOUPPER ${component} COMPONENT)
  set(CPACK_DEBIAN_${COMPONENT}_PACKAGE_NAME ${furet_deb_${component}})
endforeach()

set(CPACK_DEBIAN_PROGRAMS_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PROGRAMS_DESCRIPTION
  "passage search for French news articles
furet-index analyses French articles (plain text, Markdown, HTML: elisions,
accents, numbers, model codes, stemming) into a Xapian index and keeps it
current as files change; furet-search answers a query with the passages,
a few sentences each, that answer it; furet-serve does the same over HTTP,
with a search page.")

set(CPACK_DEBIAN_LIBRARY_PACKAGE_SECTION libs)
# ldconfig runs from a dpkg trigger. CPack would write a postinst and a postrm
# calling it, unless the package brings its own: naming them here (they do
# not exist) leaves the package without maintainer scripts.
file(WRITE ${PROJECT_BINARY_DIR}/packaging/triggers "activate-noawait ldconfig\n")
set(CPACK_DEBIAN_LIBRARY_PACKAGE_CONTROL_EXTRA ${PROJECT_BINARY_DIR}/packaging/triggers
    ${PROJECT_BINARY_DIR}/packaging/no-maintainer-script/postinst
    ${PROJECT_BINARY_DIR}/packaging/no-maintainer-script/postrm)
set(CPACK_DEBIAN_LIBRARY_DESCRIPTION
  "passage search for French news articles - shared library
libfuret builds and searches furet indexes of French news articles: the
analysis of French text, incremental indexing into Xapian, and a search
that returns the passages answering a query. It has a C API and a C++ API.")

set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEVELOPMENT_DESCRIPTION
  "passage search for French news articles - development files
The headers of libfuret's C API (furet/furet.h) and C++ API, a CMake
package (find_package(furet)), a pkg-config file, and the static C++
libraries furet::analysis, furet::indexer and furet::searcher.")
# The C API needs nothing but libfuret0; the static C++ libraries need, when
# linked, these development packages: recommended, so that a C program can
# be built with libfuret-dev alone.
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS "${furet_deb_library} (= ${furet_deb_version})")
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_RECOMMENDS
  "libxapian-dev, libicu-dev, libxxhash-dev, libgumbo-dev, libmd4c-dev, nlohmann-json3-dev, pkg-config")

set(CPACK_DEBIAN_PYTHON_PACKAGE_SECTION python)
set(CPACK_DEBIAN_PYTHON_DESCRIPTION
  "passage search for French news articles - Python 3 module
The module furet builds and updates furet indexes of French news articles
(furet.Index) and searches them (furet.Searcher), returning the passages
that answer a query.")
if(FURET_PYTHON_VERSIONS)
  # Built for one Python 3 version: its ABI tag says which.
  set(CPACK_DEBIAN_PYTHON_PACKAGE_DEPENDS "${FURET_PYTHON_VERSIONS}")
endif()
include(CPack)
