# GNU gettext for the tool's messages and help (po/): libintl (glibc's, or
# -lintl elsewhere) for the tool, msgfmt to compile po/<lang>.po, xgettext for
# the template. Sets CCHC_INTL_INCLUDE_DIRS, CCHC_INTL_LIBRARIES,
# GETTEXT_MSGFMT_EXECUTABLE, CCHC_XGETTEXT, CCHC_MSGCMP and CCHC_MSGMERGE.
find_package(Intl REQUIRED)
find_package(Gettext REQUIRED)
find_program(CCHC_XGETTEXT xgettext REQUIRED)
find_program(CCHC_MSGCMP msgcmp REQUIRED)
find_program(CCHC_MSGMERGE msgmerge REQUIRED)
set(CCHC_INTL_INCLUDE_DIRS ${Intl_INCLUDE_DIRS})
set(CCHC_INTL_LIBRARIES ${Intl_LIBRARIES})

# The languages (po/LINGUAS) and the sources whose messages the template holds
# (po/POTFILES.in), and how xgettext reads them.
file(STRINGS ${PROJECT_SOURCE_DIR}/po/LINGUAS CCHC_LINGUAS REGEX "^[^#]")
file(STRINGS ${PROJECT_SOURCE_DIR}/po/POTFILES.in CCHC_POTFILES REGEX "^[^#]")
set(CCHC_XGETTEXT_ARGS --language=C --from-code=UTF-8 --keyword=_ --keyword=N_
    --keyword=ngettext:1,2 --add-comments=TRANSLATORS: --sort-by-file --package-name=cchc
    --package-version=${PROJECT_VERSION})

# Where the compiled catalogues sit in the build tree (the tool run from there
# reads them: cli/main.c) and where they are installed.
set(CCHC_BUILD_LOCALEDIR ${PROJECT_BINARY_DIR}/locale)
file(RELATIVE_PATH CCHC_BIN_TO_LOCALEDIR ${CMAKE_INSTALL_FULL_BINDIR} ${CMAKE_INSTALL_FULL_LOCALEDIR})
