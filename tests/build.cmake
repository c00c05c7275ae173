# klp-ccp build: a fix to a livepatch module in one command, on the corpus
# kernel tree (tests/build/run.sh; skipped without the built corpus kernel).
foreach(t two-units patched-functions header-unit header-inline errors)
  add_test(NAME build/${t} COMMAND ${CMAKE_CURRENT_LIST_DIR}/build/run.sh ${t})
  set_tests_properties(build/${t} PROPERTIES LABELS "build;corpus" TIMEOUT 600
    SKIP_RETURN_CODE 77 ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>")
endforeach()
# The same on a tree of its own (no corpus): a plain "diff -u" of a header and
# a .c file, hunks named at their line in the user's patch.
add_test(NAME build/parts COMMAND ${CMAKE_CURRENT_LIST_DIR}/build/run.sh parts)
set_tests_properties(build/parts PROPERTIES LABELS build TIMEOUT 300
  ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>")
