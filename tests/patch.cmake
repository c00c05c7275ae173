# --patch mode: small cases made by the test, and patches on the kernel corpus.
foreach(c inline inline-facts constant layout comment dead-code dead-code-macro-def dead-code-head dead-macro removed-inlined added-outlined removed-uncalled removed-deleted moved not-applying origin already-applied hunk-fuzz hunk-offset header plain-diffs header-units header-nested header-nested-deep header-unused)
  add_test(NAME patch/${c} COMMAND ${CMAKE_CURRENT_LIST_DIR}/patch/run.sh ${c})
  set_tests_properties(patch/${c} PROPERTIES ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>")
endforeach()
file(GLOB KLP_CCP_CORPUS_PATCHES ${CMAKE_CURRENT_LIST_DIR}/patch/corpus/*.patch)
foreach(p ${KLP_CCP_CORPUS_PATCHES})
  get_filename_component(n ${p} NAME_WE)
  add_test(NAME patch/corpus/${n} COMMAND ${CMAKE_CURRENT_LIST_DIR}/patch/run.sh corpus/${n})
  set_tests_properties(patch/corpus/${n} PROPERTIES
    ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>" SKIP_RETURN_CODE 77 LABELS corpus)
endforeach()
