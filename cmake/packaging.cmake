# SPDX-License-Identifier: EUPL-1.2
# What `cmake --install` puts beside the binary, and the Debian package made
# of it by CPack (`cpack -G DEB` in the build folder; tests/package_deb.sh).

# Manual pages: the commands' (section 1) and the file formats' (section 5).
file(GLOB CLS_MAN5_PAGES ${CMAKE_SOURCE_DIR}/man/*.5)
if(CLS_MAN5_PAGES)
  install(FILES ${CLS_MAN5_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man5)
endif()

# JSON Schemas of the files, written by the built `cls schema` from the
# loader's key tables (so that they are always this binary's).
set(CLS_SCHEMA_DIR ${CMAKE_BINARY_DIR}/schemas)
add_custom_command(OUTPUT ${CLS_SCHEMA_DIR}/cls.schema.json
  COMMAND cls -q schema ${CLS_SCHEMA_DIR}
  DEPENDS cls
  COMMENT "Writing the JSON Schemas of the files")
add_custom_target(schemas ALL DEPENDS ${CLS_SCHEMA_DIR}/cls.schema.json)
install(DIRECTORY ${CLS_SCHEMA_DIR}/ DESTINATION ${CMAKE_INSTALL_DATADIR}/cls/schemas FILES_MATCHING PATTERN "*.json")

# Shell completions, where each shell looks: bash-completion's completionsdir
# and fish's vendor_completions.d under the prefix; for zsh, Debian's
# vendor-completions under /usr (the .deb, whose prefix is /usr) and zsh's own
# site-functions elsewhere (/usr/local), the two being in Debian's fpath.
install(FILES ${CMAKE_SOURCE_DIR}/completions/cls.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME cls)
install(FILES ${CMAKE_SOURCE_DIR}/completions/cls.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(CODE "
  if(CMAKE_INSTALL_PREFIX MATCHES \"(^|/)usr$\")
    set(zsh_dir \"${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions\")
  else()
    set(zsh_dir \"${CMAKE_INSTALL_DATADIR}/zsh/site-functions\")
  endif()
  file(INSTALL \"${CMAKE_SOURCE_DIR}/completions/_cls\" DESTINATION \"\${CMAKE_INSTALL_PREFIX}/\${zsh_dir}\")
")

# The licence as Debian wants it, and the news.
install(FILES ${CMAKE_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/NEWS.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cls)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "cls")
set(CPACK_PACKAGE_CONTACT "cls maintainers <maintainers@cls.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "action plans, indicators and meetings of a contrat local de santé, kept as YAML files")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "cls checks the YAML files of a contrat local de santé (CLS) or a conseil\nterritorial de santé (CTS): action plan, indicators, actors, meetings; and\nwrites from them the tableau de bord, the annual review, the agenda, the\nconvocations and the minutes of each meeting, and iCalendar invitations.")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # cls_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)   # Depends: from the libraries the binary links
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
