# attnviz_add_test(name SOURCES ... LIBS ... LABELS ... [ARGS ...]): one test executable, registered
# with CTest under its label, run on the offscreen Qt platform so no display is needed. Qt Test
# suites and the benchmarks' short smoke runs (label "bench", with ARGS) both come through here.
function(attnviz_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS;ARGS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} Qt6::Test)
  target_compile_definitions(${name} PRIVATE
    ATTNVIZ_FIXTURE_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures")
  attnviz_set_compile_options(${name})
  add_test(NAME ${name} COMMAND ${name} ${ARG_ARGS})
  set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}"
                       ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endfunction()
