# Error classes no other area covers (docs/errors.md): one ctest test per case
# of tests/errors/run.sh (run.sh --list). Exit 77 = skipped (e.g. running as
# root, or a feature not wired into the extraction yet).
set(KLP_CCP_ERRORS_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/errors/run.sh)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${KLP_CCP_ERRORS_SCRIPT})
execute_process(COMMAND bash ${KLP_CCP_ERRORS_SCRIPT} --list
                OUTPUT_VARIABLE KLP_CCP_ERROR_CASES OUTPUT_STRIP_TRAILING_WHITESPACE)
string(REPLACE "\n" ";" KLP_CCP_ERROR_CASES "${KLP_CCP_ERROR_CASES}")
foreach(case ${KLP_CCP_ERROR_CASES})
  add_test(NAME errors/${case} COMMAND ${KLP_CCP_ERRORS_SCRIPT} ${case})
  set_tests_properties(errors/${case} PROPERTIES
    LABELS errors
    TIMEOUT 180
    SKIP_RETURN_CODE 77
    ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>;KLP_CCP_POLICIES=${CMAKE_SOURCE_DIR}/policies/toy")
endforeach()
