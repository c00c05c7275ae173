# Behavioural tests with the toy naming policy (policies/toy): one ctest test
# per directory under tests/toy/cases, run by tests/toy/run-case.sh.
file(GLOB KLP_CCP_TOY_CASES LIST_DIRECTORIES true CONFIGURE_DEPENDS
     ${CMAKE_CURRENT_LIST_DIR}/toy/cases/*)
foreach(case_dir ${KLP_CCP_TOY_CASES})
  if(IS_DIRECTORY ${case_dir} AND EXISTS ${case_dir}/case.sh)
    get_filename_component(case ${case_dir} NAME)
    add_test(NAME toy/${case}
             COMMAND ${CMAKE_CURRENT_LIST_DIR}/toy/run-case.sh ${case_dir})
    set_tests_properties(toy/${case} PROPERTIES
      LABELS toy
      TIMEOUT 300
      ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>;KLP_CCP_POLICIES=${CMAKE_SOURCE_DIR}/policies/toy")
  endif()
endforeach()
