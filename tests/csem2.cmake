# C semantics the output must respect on unseen code (issue 13, items 5, 8,
# 9, 10): toy-policy cases under tests/csem2/cases, run by the toy harness
# (tests/toy/run-case.sh); tests/csem2/lib.sh adds run-time checks.
file(GLOB KLP_CCP_CSEM2_CASES LIST_DIRECTORIES true CONFIGURE_DEPENDS
     ${CMAKE_CURRENT_LIST_DIR}/csem2/cases/*)
foreach(case_dir ${KLP_CCP_CSEM2_CASES})
  if(IS_DIRECTORY ${case_dir} AND EXISTS ${case_dir}/case.sh)
    get_filename_component(case ${case_dir} NAME)
    add_test(NAME csem2/${case}
             COMMAND ${CMAKE_CURRENT_LIST_DIR}/toy/run-case.sh ${case_dir})
    set_tests_properties(csem2/${case} PROPERTIES
      LABELS csem2
      TIMEOUT 300
      ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>;KLP_CCP_POLICIES=${CMAKE_SOURCE_DIR}/policies/toy")
  endif()
endforeach()

# Item 10 on the kernel corpus (skipped without it).
add_test(NAME kernel.defaults_match_policy
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/csem2/kernel-defaults.sh $<TARGET_FILE:klp-ccp>)
set_tests_properties(kernel.defaults_match_policy PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900
  LABELS kernel)
