# Extraction extended by GCC's clone/inline decisions (--ipa-clones).
foreach(c inlined notrace no-extend survives corpus)
  add_test(NAME ipa-extract/${c} COMMAND ${CMAKE_CURRENT_LIST_DIR}/extract_ipa/run.sh ${c})
  set_tests_properties(ipa-extract/${c} PROPERTIES ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>" SKIP_RETURN_CODE 77)
endforeach()
