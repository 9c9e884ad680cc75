# SPDX-License-Identifier: EUPL-1.2
# Run by the update-po target (cmake/translations.cmake) with -P: extracts
# the marked messages (i18n.h: tr, trf, trn, trnf, N_) of the library and the
# CLI into po/cls.pot, then merges it into every po/LANG.po (new messages
# come in untranslated, changed ones marked fuzzy). With -DPOT=FILE it only
# writes the extracted messages to FILE (tests/po_check.sh compares them).
file(GLOB sources RELATIVE ${SRC} ${SRC}/src/*.cc ${SRC}/src/cli/*.cc ${SRC}/include/cls/*.h)
list(FILTER sources EXCLUDE REGEX "_test\\.cc$")
list(SORT sources)
if(NOT POT)
  set(POT ${SRC}/po/cls.pot)
  set(merge ON)
endif()
if(NOT XGETTEXT OR (merge AND NOT MSGMERGE))
  message(FATAL_ERROR "update-po needs xgettext and msgmerge (Debian package gettext)")
endif()
set(keywords)
foreach(k tr:1 trf:1 N_:1 trn:1,2 trnf:1,2)
  string(REGEX REPLACE ":.*" "" name ${k})
  list(APPEND keywords --keyword=${k} --flag=${name}:1:no-c-format)
endforeach()
execute_process(
  COMMAND ${XGETTEXT} --language=C++ --from-code=UTF-8 ${keywords} --add-comments=TRANSLATORS:
          --add-location=file --sort-by-file --package-name=cls --package-version=${VERSION}
          -o ${POT} ${sources}
  WORKING_DIRECTORY ${SRC} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  # (On success its only word is that no bug address was given: there is none.)
  message(FATAL_ERROR "xgettext failed: ${err}")
endif()
# The creation date would change the file at every run: dropped.
file(READ ${POT} pot)
string(REGEX REPLACE "\"POT-Creation-Date: [^\"]*\\\\n\"\n" "" pot "${pot}")
file(WRITE ${POT} "# SPDX-License-Identifier: EUPL-1.2\n${pot}")
if(NOT merge)
  return()
endif()
file(GLOB pos ${SRC}/po/*.po)
foreach(po IN LISTS pos)
  execute_process(COMMAND ${MSGMERGE} --quiet --update --backup=none --add-location=file ${po} ${POT}
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "msgmerge failed on ${po}")
  endif()
endforeach()
