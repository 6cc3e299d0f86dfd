# Helpers shared by every furet target: warnings, include layout, aliases.

# furet_set_warnings(TARGET): the project's warning set, private to the target.
function(furet_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(FURET_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# furet_add_library(NAME EXPORT_NAME SOURCES...): a furet library with its
# public headers under include/, exported as furet::<EXPORT_NAME>.
function(furet_add_library name export_name)
  add_library(${name} ${ARGN})
  add_library(furet::${export_name} ALIAS ${name})
  set_target_properties(${name} PROPERTIES
    EXPORT_NAME ${export_name}
    OUTPUT_NAME ${name}
    VERSION ${PROJECT_VERSION}
    SOVERSION ${PROJECT_VERSION_MAJOR})
  target_include_directories(${name}
    PUBLIC $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
           $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>
    PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
  target_compile_features(${name} PUBLIC cxx_std_17)
  furet_set_warnings(${name})
endfunction()

# furet_embed_text(TARGET FILE SYMBOL): compiles the text FILE into TARGET as
# `const std::string_view furet::detail::SYMBOL`. Word lists stay plain,
# editable files, and the programs need no data files at run time.
function(furet_embed_text target file symbol)
  set(FURET_EMBED_SOURCE ${file})
  file(READ ${CMAKE_CURRENT_SOURCE_DIR}/${file} FURET_EMBED_TEXT)
  set(FURET_EMBED_SYMBOL ${symbol})
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${file})
  set(generated ${CMAKE_CURRENT_BINARY_DIR}/${symbol}.cc)
  configure_file(${PROJECT_SOURCE_DIR}/cmake/embedded_text.cc.in ${generated} @ONLY)
  target_sources(${target} PRIVATE ${generated})
endfunction()
