# Callees the target object shows inlined into patched or copied functions
# are copied (policy defaults and policies/kernel): tests/inline/run.sh.
add_test(NAME inline/copied COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/run.sh)
set_tests_properties(inline/copied PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120
  ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>")
