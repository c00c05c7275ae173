# C-semantics cases (issue 13: headers that define things, headers that depend
# on the file before them, cut conditional groups, #undef order, computed
# includes, directives inside declarations). Each directory under
# tests/csem/cases is run by tests/toy/run-case.sh twice: with the toy policy
# and with the built-in defaults (no hooks).
file(GLOB KLP_CCP_CSEM_CASES LIST_DIRECTORIES true CONFIGURE_DEPENDS
     ${CMAKE_CURRENT_LIST_DIR}/csem/cases/*)
foreach(case_dir ${KLP_CCP_CSEM_CASES})
  if(IS_DIRECTORY ${case_dir} AND EXISTS ${case_dir}/case.sh)
    get_filename_component(case ${case_dir} NAME)
    foreach(mode toy defaults)
      set(defaults 0)
      if(mode STREQUAL "defaults")
        set(defaults 1)
      endif()
      add_test(NAME csem/${mode}/${case}
               COMMAND ${CMAKE_CURRENT_LIST_DIR}/toy/run-case.sh ${case_dir})
      set_tests_properties(csem/${mode}/${case} PROPERTIES
        LABELS csem
        TIMEOUT 300
        ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>;KLP_CCP_POLICIES=${CMAKE_SOURCE_DIR}/policies/toy;KLP_TOY_DEFAULTS=${defaults}")
    endforeach()
  endif()
endforeach()
