# C semantics on fresh small units, one class of issue 13 per number range
# (1xx headers that define things, linkage shapes and other fresh classes:
# asm labels, thread-local objects, cleanup attributes, __func__, #line,
# __has_include, bit-fields; 5xx # and ## through __VA_OPT__, 2xx headers depending
# on the file before them, 3xx cut conditional groups, 4xx #undef and
# redefinition order, 6xx computed includes, 7xx directives inside
# declarations, 8xx unevaluated operands, 9xx order of renamed
# declarations). Each case under tests/csem3/cases runs through the toy
# harness (tests/toy/run-case.sh) with the toy policy and with the built-in
# defaults; tests/csem3/lib.sh links lp.o against the original unit and
# checks that the patched function computes what the original does.
file(GLOB KLP_CCP_CSEM3_CASES LIST_DIRECTORIES true CONFIGURE_DEPENDS
     ${CMAKE_CURRENT_LIST_DIR}/csem3/cases/*)
foreach(case_dir ${KLP_CCP_CSEM3_CASES})
  if(IS_DIRECTORY ${case_dir} AND EXISTS ${case_dir}/case.sh)
    get_filename_component(case ${case_dir} NAME)
    foreach(mode toy defaults)
      set(defaults 0)
      if(mode STREQUAL "defaults")
        set(defaults 1)
      endif()
      add_test(NAME csem3/${mode}/${case}
               COMMAND ${CMAKE_CURRENT_LIST_DIR}/toy/run-case.sh ${case_dir})
      set_tests_properties(csem3/${mode}/${case} PROPERTIES
        LABELS csem3
        TIMEOUT 300
        ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>;KLP_CCP_POLICIES=${CMAKE_SOURCE_DIR}/policies/toy;KLP_TOY_DEFAULTS=${defaults}")
    endforeach()
  endif()
endforeach()
