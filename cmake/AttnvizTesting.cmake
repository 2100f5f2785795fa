# attnviz_add_test(name SOURCES ... LIBS ... LABELS ... [ARGS ...])
# attnviz_add_test(name COMMAND ... LABELS ...)
# Registers one test with CTest under its label, on the offscreen Qt platform so no display is
# needed. With SOURCES it builds the test executable (Qt Test suites, and the benchmarks' short
# smoke runs with ARGS); with COMMAND it runs a script.
function(attnviz_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS;ARGS;COMMAND" ${ARGN})
  if(ARG_SOURCES)
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} Qt6::Test)
    target_compile_definitions(${name} PRIVATE
      ATTNVIZ_FIXTURE_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures")
    attnviz_set_compile_options(${name})
    set(ARG_COMMAND ${name} ${ARG_ARGS})
  endif()
  add_test(NAME ${name} COMMAND ${ARG_COMMAND})
  set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}"
                       ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endfunction()
