# klp-ccp verify (tests/verify/run.sh): every class of difference produced
# by a real difference between lp.c's build and a user-space target, the
# YAML output and the errors; kernel.sh on corpus functions (skipped
# without the corpus).
foreach(case identical differs inlined clone ipa callers stub thunk immediate tailjmp partial alias table shared funcname line missing yaml errors)
  add_test(NAME verify/${case}
    COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/verify/run.sh $<TARGET_FILE:klp-ccp> ${case})
  set_tests_properties(verify/${case} PROPERTIES TIMEOUT 120 LABELS verify SKIP_RETURN_CODE 77)
endforeach()

add_test(NAME verify/kernel
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/verify/kernel.sh $<TARGET_FILE:klp-ccp>)
set_tests_properties(verify/kernel PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300
  LABELS "verify;kernel")

# The same control on cross-built objects (tests/arch/ corpora): relocations
# the assembler resolved and recordmcount's entries on ppc64le, s390x, arm64.
foreach(pair ppc64le:kernel_exit s390x:kernel_exit arm64:drivers_char_random)
  string(REPLACE ":" ";" _p ${pair})
  list(GET _p 0 _arch)
  list(GET _p 1 _flat)
  add_test(NAME verify/arch-${_arch}
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/verify/arch.sh $<TARGET_FILE:klp-ccp> ${_arch} ${_flat})
  set_tests_properties(verify/arch-${_arch} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300
    LABELS "verify;kernel;arch")
endforeach()
