# SPDX-License-Identifier: EUPL-1.2
# Message catalogues (SPEC §12, po/README): each po/LANG.po is compiled by
# msgfmt into the build tree, build/locale/LANG/LC_MESSAGES/cls.mo, where the
# binary beside it finds it (i18n.h), and installed under share/locale.
# `cmake --build build --target update-po` rewrites po/cls.pot from the
# sources and merges it into every po/LANG.po.
find_program(MSGFMT_PROGRAM msgfmt REQUIRED)
find_program(XGETTEXT_PROGRAM xgettext)
find_program(MSGMERGE_PROGRAM msgmerge)

file(GLOB CLS_PO_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/po/*.po)
set(CLS_MO_FILES)
foreach(po IN LISTS CLS_PO_FILES)
  get_filename_component(lang ${po} NAME_WE)
  set(dir ${CMAKE_BINARY_DIR}/locale/${lang}/LC_MESSAGES)
  add_custom_command(
    OUTPUT ${dir}/cls.mo
    COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
    COMMAND ${MSGFMT_PROGRAM} --check -o ${dir}/cls.mo ${po}
    DEPENDS ${po}
    COMMENT "Compiling the ${lang} messages")
  list(APPEND CLS_MO_FILES ${dir}/cls.mo)
  install(FILES ${dir}/cls.mo DESTINATION ${CMAKE_INSTALL_LOCALEDIR}/${lang}/LC_MESSAGES)
endforeach()
add_custom_target(translations ALL DEPENDS ${CLS_MO_FILES})

add_custom_target(update-po
  COMMAND ${CMAKE_COMMAND} -DSRC=${CMAKE_SOURCE_DIR} -DXGETTEXT=${XGETTEXT_PROGRAM}
          -DMSGMERGE=${MSGMERGE_PROGRAM} -DVERSION=${PROJECT_VERSION}
          -P ${CMAKE_SOURCE_DIR}/cmake/update_po.cmake
  COMMENT "Extracting the messages into po/cls.pot and merging them into po/*.po")

# Where the binary looks for the catalogues once installed: relative to its
# own directory (so that the .deb, installed under /usr, and a copy under
# /opt both work), with the configured path as the last resort.
file(RELATIVE_PATH CLS_LOCALEDIR_FROM_BINDIR ${CMAKE_INSTALL_FULL_BINDIR} ${CMAKE_INSTALL_FULL_LOCALEDIR})
set_source_files_properties(${CMAKE_SOURCE_DIR}/src/i18n.cc PROPERTIES COMPILE_DEFINITIONS
  "CLS_LOCALEDIR=\"${CMAKE_INSTALL_FULL_LOCALEDIR}\";CLS_LOCALEDIR_FROM_BINDIR=\"${CLS_LOCALEDIR_FROM_BINDIR}\"")
