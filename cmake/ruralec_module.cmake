# ruralec_module(NAME SOURCES a.cc b.cc DEPS other_module ... LIBS external ...)
# Declares library `ruralec_<NAME>` with include root src/ and its declared dependencies.
# ruralec_tests(NAME SOURCES x_test.cc ... DEPS ...) declares the module's gtest binary.
function(ruralec_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPS;LIBS" ${ARGN})
  add_library(ruralec_${name} STATIC ${M_SOURCES})
  target_include_directories(ruralec_${name} PUBLIC ${CMAKE_SOURCE_DIR}/src)
  foreach(d IN LISTS M_DEPS)
    target_link_libraries(ruralec_${name} PUBLIC ruralec_${d})
  endforeach()
  target_link_libraries(ruralec_${name} PUBLIC ${M_LIBS})
endfunction()

function(ruralec_tests name)
  cmake_parse_arguments(T "" "" "SOURCES;DEPS;LIBS" ${ARGN})
  add_executable(${name}_test ${T_SOURCES})
  foreach(d IN LISTS T_DEPS)
    target_link_libraries(${name}_test PRIVATE ruralec_${d})
  endforeach()
  target_link_libraries(${name}_test PRIVATE ${T_LIBS} GTest::gtest GTest::gtest_main)
  gtest_discover_tests(${name}_test DISCOVERY_MODE PRE_TEST
                       PROPERTIES ENVIRONMENT "RURALEC_SOURCE_DIR=${CMAKE_SOURCE_DIR}")
endfunction()
include(GoogleTest)
