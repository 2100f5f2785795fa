# What lupdate scans for attnviz's translations, shared by ui/ (qt_add_translations) and the
# test that checks the committed catalogue is complete (tests/ui, CheckTranslations.cmake).
file(GLOB ATTNVIZ_TR_SOURCES CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/ui/*.cpp ${PROJECT_SOURCE_DIR}/ui/*.h
  ${PROJECT_SOURCE_DIR}/ui/plot/*.cpp ${PROJECT_SOURCE_DIR}/ui/plot/*.h
  ${PROJECT_SOURCE_DIR}/app/*.cpp ${PROJECT_SOURCE_DIR}/app/*.h) # the command line speaks it too
list(APPEND ATTNVIZ_TR_SOURCES
  ${PROJECT_SOURCE_DIR}/core/src/error.cpp) # the core's error templates, see ATTNVIZ_ERROR_TEXT
set(ATTNVIZ_TS_FILES ${PROJECT_SOURCE_DIR}/resources/translations/attnviz_zh_CN.ts)
# English's plural forms only (lupdate -pluralonly).
set(ATTNVIZ_TS_EN_FILE ${PROJECT_SOURCE_DIR}/resources/translations/attnviz_en.ts)
# No line numbers (they would change the .ts on every edit); drop strings no source has any more.
set(ATTNVIZ_LUPDATE_OPTIONS -locations none -no-obsolete
    -tr-function-alias QT_TRANSLATE_NOOP+=ATTNVIZ_ERROR_TEXT)
