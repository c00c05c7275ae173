# Globals referenced by included header inlines are in the report (tests/header_refs/run.sh).
add_test(NAME header_refs/report COMMAND ${CMAKE_CURRENT_LIST_DIR}/header_refs/run.sh)
set_tests_properties(header_refs/report PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120
  ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>")
