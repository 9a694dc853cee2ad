# ctest test_po (po/CMakeLists.txt): for each language, msgfmt --check
# --statistics says only "N translated messages." (no fuzzy, no untranslated),
# and msgcmp finds every msgid of a template made now from the sources in it.
execute_process(COMMAND ${XGETTEXT} ${XGETTEXT_ARGS} -o ${TMP}/check.pot ${POTFILES}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "xgettext failed: ${err}")
endif()
set(failed 0)
foreach(lang IN LISTS LINGUAS)
  execute_process(COMMAND ${MSGFMT} --check --statistics -o ${TMP}/check-${lang}.mo ${PO_DIR}/${lang}.po
                  RESULT_VARIABLE rc ERROR_VARIABLE stats)
  string(STRIP "${stats}" stats)
  if(NOT rc EQUAL 0 OR NOT stats MATCHES "^[0-9]+ translated messages?\\.$")
    message(SEND_ERROR "po/${lang}.po: ${stats}: translate every message "
                       "(cmake --build BUILD --target cchc-po-update, then edit po/${lang}.po)")
    set(failed 1)
  endif()
  execute_process(COMMAND ${MSGCMP} ${PO_DIR}/${lang}.po ${TMP}/check.pot
                  RESULT_VARIABLE rc ERROR_VARIABLE missing)
  if(NOT rc EQUAL 0)
    message(SEND_ERROR "po/${lang}.po lacks messages the sources hold:\n${missing}"
                       "run cmake --build BUILD --target cchc-po-update and translate them")
    set(failed 1)
  endif()
  message(STATUS "po/${lang}.po: ${stats}")
endforeach()
