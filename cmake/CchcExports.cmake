# Writes the version script of the shared libcchc: the functions the public
# headers declare (HEADER_DIR/*.h) are global, everything else is local, so
# the engine's internals (cchc_xml_*, rb_*, …) stay out of the dynamic table.
# Usage: cmake -DHEADER_DIR=… -DOUTPUT=… -P CchcExports.cmake
file(GLOB headers ${HEADER_DIR}/*.h)
list(SORT headers)
set(names)
foreach(h IN LISTS headers)
  file(READ ${h} text)
  # comments name functions too ("see cchc_score_free()"): drop them first
  string(REGEX REPLACE "/\\*([^*]|\\*+[^*/])*\\*+/" "" text "${text}")
  string(REGEX REPLACE "//[^\n]*" "" text "${text}")
  # a static inline function lives in the caller, not in the library
  string(REGEX REPLACE "static[ \t\r\n]+inline[^(]*\\(" "(" text "${text}")
  string(REGEX MATCHALL "cchc_[a-z0-9_]+[ \t\r\n]*\\(" calls "${text}")
  foreach(c IN LISTS calls)
    string(REGEX REPLACE "[ \t\r\n]*\\($" "" c "${c}")
    list(APPEND names ${c})
  endforeach()
endforeach()
list(REMOVE_DUPLICATES names)
list(SORT names)
set(map "/* generated from engine/include/cchc/*.h by cmake/CchcExports.cmake */\nCCHC_0 {\n  global:\n")
foreach(n IN LISTS names)
  string(APPEND map "    ${n};\n")
endforeach()
string(APPEND map "  local:\n    *;\n};\n")
# rewrite only on change, so that the library relinks only when the API does
if(EXISTS ${OUTPUT})
  file(READ ${OUTPUT} old)
endif()
if(NOT old STREQUAL map)
  file(WRITE ${OUTPUT} "${map}")
endif()
