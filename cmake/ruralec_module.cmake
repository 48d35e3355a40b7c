# Module libraries with enforced include boundaries (docs/MODULES.md "Boundaries").
#
# Every folder src/<m>/ is one module. Its libraries see two include roots, both generated at
# configure time under ${CMAKE_BINARY_DIR}/inc:
#   inc/own/<m>/<m>  -> src/<m>        the whole folder, for the module's own libraries and tests
#   inc/pub/<m>/<m>/<path>.h -> src/<m>/<path>.h   only the module's public headers
# A library of another module gets inc/pub/<m> only by linking a library of <m>, i.e. by
# declaring the dependency; `#include "<m>/x.h"` of an undeclared module, or of an internal
# header of a declared one, is "No such file" at compile time.
#
# Internal headers: `internal.h`, `*_internal.h` and everything under an `internal/` folder.
#
# Dependencies are PRIVATE unless one of the module's public headers includes a header of the
# dependency, in which case they are PUBLIC (so callers of the public header can compile it).

function(_ruralec_is_internal rel out)
  if(rel MATCHES "(^|/)internal/" OR rel MATCHES "(^|/)internal\\.h$" OR
     rel MATCHES "_internal\\.h$")
    set(${out} TRUE PARENT_SCOPE)
  else()
    set(${out} FALSE PARENT_SCOPE)
  endif()
endfunction()

# Stages the two include roots of the current folder once per configure; sets in the caller
# _RURALEC_MODULE (folder name) and _RURALEC_PUBLIC_MODULES (modules its public headers include).
function(_ruralec_stage_folder)
  get_filename_component(m ${CMAKE_CURRENT_SOURCE_DIR} NAME)
  get_property(done GLOBAL PROPERTY RURALEC_STAGED_${m})
  if(NOT done)
    set(own ${CMAKE_BINARY_DIR}/inc/own/${m})
    set(pub ${CMAKE_BINARY_DIR}/inc/pub/${m})
    file(REMOVE_RECURSE ${own} ${pub})
    file(MAKE_DIRECTORY ${own} ${pub}/${m})
    file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR} ${own}/${m} SYMBOLIC)
    file(GLOB_RECURSE headers CONFIGURE_DEPENDS RELATIVE ${CMAKE_CURRENT_SOURCE_DIR}
         ${CMAKE_CURRENT_SOURCE_DIR}/*.h)
    set(included "")
    foreach(rel IN LISTS headers)
      _ruralec_is_internal(${rel} internal)
      if(internal)
        continue()
      endif()
      get_filename_component(dir ${pub}/${m}/${rel} DIRECTORY)
      file(MAKE_DIRECTORY ${dir})
      file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR}/${rel} ${pub}/${m}/${rel} SYMBOLIC)
      file(STRINGS ${CMAKE_CURRENT_SOURCE_DIR}/${rel} lines REGEX "^#include \"[a-z_]+/")
      foreach(line IN LISTS lines)
        string(REGEX REPLACE "^#include \"([a-z_]+)/.*" "\\1" dep "${line}")
        if(NOT dep STREQUAL m)
          list(APPEND included ${dep})
        endif()
      endforeach()
    endforeach()
    list(REMOVE_DUPLICATES included)
    set_property(GLOBAL PROPERTY RURALEC_STAGED_${m} TRUE)
    set_property(GLOBAL PROPERTY RURALEC_PUBLIC_MODULES_${m} "${included}")
  endif()
  get_property(included GLOBAL PROPERTY RURALEC_PUBLIC_MODULES_${m})
  set(_RURALEC_MODULE ${m} PARENT_SCOPE)
  set(_RURALEC_PUBLIC_MODULES "${included}" PARENT_SCOPE)
endfunction()

# The module a library target belongs to (ruralec_sales_api -> sales).
function(_ruralec_folder_of target out)
  get_target_property(folder ${target} RURALEC_FOLDER)
  set(${out} ${folder} PARENT_SCOPE)
endfunction()

# Runs deferred, at the end of the top-level CMakeLists, so a library may name a dependency
# whose folder is added later (audit_api -> http).
function(_ruralec_link target kind public_modules deps)
  foreach(d IN LISTS deps)
    if(NOT TARGET ruralec_${d})
      message(FATAL_ERROR "${target}: dependency '${d}' is not a module library (ruralec_${d})")
    endif()
    _ruralec_folder_of(ruralec_${d} folder)
    set(scope PRIVATE)
    if(kind STREQUAL "LIB" AND folder IN_LIST public_modules)
      set(scope PUBLIC)
    endif()
    target_link_libraries(${target} ${scope} ruralec_${d})
  endforeach()
endfunction()

# A deferred call's arguments are expanded when it runs, so the lists are baked in now.
function(_ruralec_defer_link target kind public_modules deps)
  cmake_language(EVAL CODE "cmake_language(DEFER DIRECTORY [[${CMAKE_SOURCE_DIR}]] CALL _ruralec_link [[${target}]] [[${kind}]] [[${public_modules}]] [[${deps}]])")
endfunction()

# ruralec_module(NAME SOURCES a.cc ... DEPS other_module ... LIBS external ...)
# Declares library `ruralec_<NAME>` of the current folder's module.
function(ruralec_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPS;LIBS" ${ARGN})
  _ruralec_stage_folder()
  add_library(ruralec_${name} STATIC ${M_SOURCES})
  set_target_properties(ruralec_${name} PROPERTIES RURALEC_FOLDER ${_RURALEC_MODULE})
  target_include_directories(ruralec_${name}
    PRIVATE ${CMAKE_BINARY_DIR}/inc/own/${_RURALEC_MODULE}
    INTERFACE ${CMAKE_BINARY_DIR}/inc/pub/${_RURALEC_MODULE})
  _ruralec_defer_link(ruralec_${name} LIB "${_RURALEC_PUBLIC_MODULES}" "${M_DEPS}")
  target_link_libraries(ruralec_${name} PUBLIC ${M_LIBS})
endfunction()

# ruralec_tests(NAME SOURCES x_test.cc ... DEPS ... LIBS ...): the module's gtest binary; it
# sees the whole folder (tests may use internal headers) and its declared dependencies.
function(ruralec_tests name)
  cmake_parse_arguments(T "" "" "SOURCES;DEPS;LIBS" ${ARGN})
  _ruralec_stage_folder()
  add_executable(${name}_test ${T_SOURCES})
  target_include_directories(${name}_test PRIVATE ${CMAKE_BINARY_DIR}/inc/own/${_RURALEC_MODULE})
  _ruralec_defer_link(${name}_test TEST "" "${T_DEPS}")
  target_link_libraries(${name}_test PRIVATE ${T_LIBS} GTest::gtest GTest::gtest_main)
  target_compile_definitions(${name}_test PRIVATE RURALEC_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  gtest_discover_tests(${name}_test DISCOVERY_MODE PRE_TEST)
endfunction()
include(GoogleTest)
