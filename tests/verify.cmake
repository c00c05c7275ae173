# klp-ccp verify (tests/verify/run.sh): every class of difference produced
# by a real difference between lp.c's build and a user-space target, the
# YAML output and the errors; kernel.sh on corpus functions (skipped
# without the corpus).
foreach(case identical differs inlined clone ipa line missing yaml errors)
  add_test(NAME verify/${case}
    COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/verify/run.sh $<TARGET_FILE:klp-ccp> ${case})
  set_tests_properties(verify/${case} PROPERTIES TIMEOUT 120 LABELS verify)
endforeach()

add_test(NAME verify/kernel
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/verify/kernel.sh $<TARGET_FILE:klp-ccp>)
set_tests_properties(verify/kernel PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300
  LABELS "verify;kernel")
