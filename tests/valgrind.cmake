# Representative extractions under valgrind (tests/valgrind/run.sh): no
# memory error and no definite leak (libclang's own never-freed state is
# suppressed, see tests/valgrind/libclang.supp). Skipped (77) without
# valgrind, on a sanitizer build, or without the kernel corpus.
foreach(case toy-pointer toy-macro-ipa toy-hook-fails corpus-strscpy)
  add_test(NAME valgrind/${case} COMMAND ${CMAKE_CURRENT_LIST_DIR}/valgrind/run.sh ${case})
  set_tests_properties(valgrind/${case} PROPERTIES
    LABELS valgrind
    TIMEOUT 600
    SKIP_RETURN_CODE 77
    ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>;KLP_CCP_POLICIES=${CMAKE_SOURCE_DIR}/policies/toy")
endforeach()
set_tests_properties(valgrind/corpus-strscpy PROPERTIES LABELS "valgrind;corpus")
