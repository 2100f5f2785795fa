# cmake -DLUPDATE=… -DSOURCES_LIST=… -DTS_FILES=… -DTS_EN_FILE=… -DWORK_DIR=… -P CheckTranslations.cmake
# Runs lupdate over today's sources into copies of the committed catalogues and fails, naming the
# strings, when any entry is unfinished (a new source string, or one nobody translated), vanished
# or obsolete (a translation no source uses any more). The committed files are never modified.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

set(problems "")
# lupdate's options as the update_translations target passes them, but keeping vanished entries
# (no -no-obsolete) so that they can be reported.
set(common -locations none -tr-function-alias QT_TRANSLATE_NOOP+=ATTNVIZ_ERROR_TEXT)

function(check_catalogue committed extra)
  get_filename_component(name "${committed}" NAME)
  set(copy "${WORK_DIR}/${name}")
  file(COPY_FILE "${committed}" "${copy}")
  execute_process(COMMAND "${LUPDATE}" ${common} ${extra} "@${SOURCES_LIST}" -ts "${copy}"
                  RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed on ${name}:\n${out}\n${err}")
  endif()
  file(READ "${copy}" text)
  # One message per list item; CMake lists split on ';', so protect those first.
  string(REPLACE ";" "\\;" text "${text}")
  string(REPLACE "</message>" "</message>;" text "${text}")
  set(found "")
  foreach(message IN LISTS text)
    if(NOT message MATCHES "<source>([^<]*)</source>")
      continue()
    endif()
    set(source "${CMAKE_MATCH_1}")
    if(message MATCHES "type=\"(unfinished|vanished|obsolete)\"")
      string(APPEND found "\n  ${name}: ${CMAKE_MATCH_1}: ${source}")
    endif()
  endforeach()
  set(problems "${problems}${found}" PARENT_SCOPE)
endfunction()

foreach(ts IN LISTS TS_FILES)
  check_catalogue("${ts}" "")
endforeach()
check_catalogue("${TS_EN_FILE}" "-pluralonly")

if(problems)
  message(FATAL_ERROR "The translations are not complete:${problems}\n"
                      "Update them as resources/translations/README.md says.")
endif()
message(STATUS "Every source string is translated; no entry is unfinished or vanished.")
