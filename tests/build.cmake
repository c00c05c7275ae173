# klp-ccp build: a fix to a livepatch module in one command, on the corpus
# kernel tree (tests/build/run.sh; skipped without the built corpus kernel).
foreach(t two-units patched-functions header-unit header-inline errors)
  add_test(NAME build/${t} COMMAND ${CMAKE_CURRENT_LIST_DIR}/build/run.sh ${t})
  set_tests_properties(build/${t} PROPERTIES LABELS "build;corpus" TIMEOUT 600
    SKIP_RETURN_CODE 77 ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>")
endforeach()
